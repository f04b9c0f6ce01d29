/* progress.h: how far a KPI has come, and whether that is enough.
 * The rules are SPEC.md "Progress"; the manual page repeats them. */
#ifndef KPITREE_PROGRESS_H
#define KPITREE_PROGRESS_H

#include <stddef.h>

#include "model.h"

enum status {
	STATUS_NO_DATA,
	STATUS_BEHIND,
	STATUS_ON_TRACK,
	STATUS_ACHIEVED,
	STATUS_ACTUAL_ONLY,	/* an actual with no plan to judge it by */
	STATUS_COUNT
};

/* Every status, in the order counts and filters list them: achieved,
 * on track, behind, actual only, no data. */
extern const enum status progress_status_order[STATUS_COUNT];

/* Whether status judges the KPI (achieved, on track or behind), rather
 * than saying there is nothing to judge it by. */
int progress_judged(enum status status);

struct year_value {
	int year;
	double value;
};

struct progress {
	enum status status;
	int has_ratio;
	double ratio;		/* 0.57 for 57% */
	double expected;	/* the straight line's ratio at that year */
};

/* Progress of a strategy KPI at fiscal year `year`, given its annual
 * actuals (any order, at most one per year).
 * - ratio = (actual − baseline) / (target − baseline); the same formula
 *   serves down KPIs (28 → 0: 12 gives 0.57).
 * - A PERIOD_CUM target sums the actuals of its period up to `year`, and
 *   the sum runs from 0: ratio = sum / target.
 * - achieved when the target is met (≥ for up, ≤ for down; a cumulative
 *   target by its sum); on track when ratio ≥ the straight line from the
 *   end of the baseline period (the start of a cumulative target's period)
 *   to the end of the target period; behind otherwise.
 * - no data when there is no actual at `year`, or no baseline or target. */
void progress_at(const struct amount *baseline, const struct amount *target,
		 enum direction direction, const struct year_value *actuals,
		 size_t n, int year, struct progress *out);

/* Plan/actual KPIs: ratio = actual / plan; achieved when actual reaches
 * the plan (≥), behind otherwise. A plan of 0 gives no ratio: an actual
 * reaches it (0 / 0 is achieved). An actual without a plan is "actual
 * only": recorded, but with nothing to judge it by. No data without an
 * actual. */
void progress_plan(const double *plan, const double *actual,
		   struct progress *out);

/* "achieved", "on track", "behind", "actual only", "no data": the words of the data
 * (the CSV report), the same in every language. */
const char *progress_status_word(enum status status);

/* The same in the interface's language (達成, 順調, 遅れ, 実績のみ, データなし). */
const char *progress_status_name(enum status status);

#endif
