/* progress.c: how far a KPI has come at a fiscal year and its status
 * (achieved, on track, behind, no data), by the rules progress.h states. */
#include "progress.h"
#include "i18n.h"

static const struct year_value *find_year(const struct year_value *values, size_t n,
					  int year)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (values[i].year == year)
			return &values[i];
	return NULL;
}

/* The actuals of the cumulative period so far: a year after `year` has
 * not happened yet, one outside the period does not count towards it. */
static double cumulative_sum(const struct year_value *values, size_t n,
			     const struct period *period, int year)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (values[i].year >= period->from && values[i].year <= period->to
		    && values[i].year <= year)
			sum += values[i].value;
	return sum;
}

/* The share of the way from the end of fiscal year `start` to the end of
 * fiscal year `end` that has passed at the end of `year`. A line with no
 * length is a step at `end`, so nothing divides by zero. */
static double straight_line(int start, int end, int year)
{
	if (year >= end)
		return 1;
	if (year <= start)
		return 0;
	return (double)(year - start) / (end - start);
}

static int target_met(double value, double target, enum direction direction)
{
	return direction == DIRECTION_UP ? value >= target : value <= target;
}

void progress_at(const struct amount *baseline, const struct amount *target,
		 enum direction direction, const struct year_value *actuals,
		 size_t n, int year, struct progress *out)
{
	int cumulative = target->period.kind == PERIOD_CUM;
	const struct year_value *actual;
	double reached, origin;

	*out = (struct progress){ .status = STATUS_NO_DATA };
	if (!baseline->present || !target->present)
		return;
	/* A cumulative line starts at the end of the year before its period,
	 * so that one year's share is due by the end of the first year. */
	if (cumulative)
		out->expected = straight_line(target->period.from - 1, target->period.to, year);
	else
		out->expected = straight_line(baseline->period.to, target->period.to, year);
	actual = find_year(actuals, n, year);
	if (!actual)
		return;
	reached = cumulative ? cumulative_sum(actuals, n, &target->period, year) : actual->value;
	origin = cumulative ? 0 : baseline->value;
	if (target->value != origin) {
		out->has_ratio = 1;
		out->ratio = (reached - origin) / (target->value - origin);
	}
	if (target_met(reached, target->value, direction))
		out->status = STATUS_ACHIEVED;
	else if (out->has_ratio && out->ratio >= out->expected)
		out->status = STATUS_ON_TRACK;
	else
		out->status = STATUS_BEHIND;
}

const enum status progress_status_order[STATUS_COUNT] = {
	STATUS_ACHIEVED, STATUS_ON_TRACK, STATUS_BEHIND, STATUS_ACTUAL_ONLY, STATUS_NO_DATA,
};

int progress_judged(enum status status)
{
	return status == STATUS_ACHIEVED || status == STATUS_ON_TRACK || status == STATUS_BEHIND;
}

void progress_plan(const double *plan, const double *actual, struct progress *out)
{
	*out = (struct progress){ .status = STATUS_NO_DATA };
	if (!actual)
		return;
	if (!plan) {
		out->status = STATUS_ACTUAL_ONLY;
		return;
	}
	/* The plan is the year's whole line: reaching it is what is expected. */
	out->expected = 1;
	out->status = *actual >= *plan ? STATUS_ACHIEVED : STATUS_BEHIND;
	/* A plan of 0 gives no rate to measure against. */
	if (*plan != 0) {
		out->has_ratio = 1;
		out->ratio = *actual / *plan;
	}
}

const char *progress_status_word(enum status status)
{
	static const char *const words[] = {
		[STATUS_NO_DATA] = N_("no data"),
		[STATUS_BEHIND] = N_("behind"),
		[STATUS_ON_TRACK] = N_("on track"),
		[STATUS_ACHIEVED] = N_("achieved"),
		[STATUS_ACTUAL_ONLY] = N_("actual only"),
	};

	return words[status];
}

const char *progress_status_name(enum status status)
{
	return _(progress_status_word(status));
}
