/* kpi_years.c: the fiscal-year table of a KPI from its values, with the
 * progress rules of progress.c applied to each year. */
#include "kpi_years.h"
#include "i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fiscal_year.h"
#include "inert.h"
#include "number.h"
#include "values.h"

struct kpi_year *kpi_years_row(struct kpi_years *t, int year)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (t->rows[i].year == year)
			return &t->rows[i];
	if (t->n == KPI_YEARS_MAX || year <= 0)
		return NULL;
	for (i = t->n; i > 0 && t->rows[i - 1].year > year; i--)
		t->rows[i] = t->rows[i - 1];
	memset(&t->rows[i], 0, sizeof t->rows[i]);
	t->rows[i].year = year;
	t->n++;
	return &t->rows[i];
}

/* text into buf, whole, or cut before the character that would not fit:
 * never inside one (the panes cut it further, by display width). */
static void copy_whole_chars(char *buf, size_t size, const char *text)
{
	size_t n = strlen(text);

	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;	/* text[n] starts the character that is cut off */
	}
	memcpy(buf, text, n);
	buf[n] = '\0';
}

static void collect_value(void *ctx, const struct value_row *v)
{
	struct kpi_year *r = kpi_years_row(ctx, v->fiscal_year);

	if (!r)
		return;
	if (v->kind == VALUE_PLAN) {
		r->has_plan = 1;
		r->plan = v->value;
		r->plan_decimals = v->decimals;
		copy_whole_chars(r->plan_note, sizeof r->plan_note, v->note);
	} else {
		r->has_actual = 1;
		r->actual = v->value;
		r->actual_decimals = v->decimals;
		copy_whole_chars(r->actual_note, sizeof r->actual_note, v->note);
	}
}

/* A strategy KPI's years: every one from the baseline's to the target's
 * end. A baseline of one year is that year's row; one over a period (an
 * average, a sum: H30～R4平均) is shown as its period, and the rows start
 * after it. A span longer than KPI_YEARS_SPAN (a typing mistake) keeps
 * its two ends. */
static void span(const struct kpi *k, struct kpi_years *t)
{
	const struct period *b = &k->baseline.period, *g = &k->target.period;
	int from = b->to, to = g->to, y;

	if (k->baseline.present && b->from && b->from != b->to)
		from = b->to + 1;
	if (!k->baseline.present || from <= 0)
		from = g->from > 0 ? g->from : to;
	if (!k->target.present || to <= 0)
		to = from;
	if (from <= 0 || to < from || to - from >= KPI_YEARS_SPAN) {
		if (k->baseline.present && b->from == b->to)
			kpi_years_row(t, b->to);
		kpi_years_row(t, to);
		return;
	}
	for (y = from; y <= to; y++)
		kpi_years_row(t, y);
}

int kpi_years_load(struct store *s, const struct kpi *k, int extra, struct kpi_years *t,
		   struct error *err)
{
	t->n = 0;
	if (!k->is_project)
		span(k, t);
	if (extra)
		kpi_years_row(t, extra);
	return values_each(s, k->id, collect_value, t, err);
}

int kpi_years_window(const struct kpi_years *t, int year, int rows)
{
	int i, first;

	if (rows <= 0 || t->n <= rows)
		return 0;
	for (i = 0; i < t->n && t->rows[i].year < year; i++)
		;
	if (i == t->n)
		i = t->n - 1;
	/* the year, the one after it, and as many before as fit */
	first = i + 2 - rows;
	if (first < 0)
		first = 0;
	if (first > t->n - rows)
		first = t->n - rows;
	return first;
}

const struct kpi_year *kpi_years_judged(const struct kpi_years *t, int year, int current_year)
{
	const struct kpi_year *judged = NULL;
	int i;

	for (i = 0; i < t->n; i++) {
		const struct kpi_year *r = &t->rows[i];

		if (year ? r->year == year : r->has_actual && r->year <= current_year)
			judged = r;
	}
	return judged;
}

void kpi_years_increment(const struct kpi *k, const struct kpi_years *t, int year,
			 struct increment *out)
{
	int from = k->baseline.present && k->baseline.period.to ? k->baseline.period.to + 1
								 : FISCAL_YEAR_MIN;
	double plan_sum = 0;
	int i, actual_at_year = 0;

	memset(out, 0, sizeof *out);
	out->baseline = k->baseline.present ? k->baseline.value : 0;
	for (i = 0; i < t->n; i++) {
		const struct kpi_year *r = &t->rows[i];

		if (r->year < from || r->year > year)
			continue;
		if (r->has_actual)
			out->actual_sum += r->actual;
		if (r->has_plan)
			plan_sum += r->plan;
		actual_at_year |= r->year == year && r->has_actual;
	}
	if (!actual_at_year)
		return;
	out->present = 1;
	if (k->is_project)
		out->target_sum = plan_sum;
	else if (k->target.present)
		out->target_sum = k->target.value - out->baseline;
	out->has_gap = out->target_sum != 0;
	if (out->has_gap)
		out->rate_gap = out->actual_sum / out->target_sum;
	out->has_total = out->baseline + out->target_sum != 0;
	if (out->has_total)
		out->rate_total = (out->baseline + out->actual_sum) / (out->baseline + out->target_sum);
}

void kpi_years_plan_way(const struct kpi *k, const struct kpi_year *r, struct progress *p)
{
	double base, gap;
	int met, down, beyond;

	if (!r->has_actual || !r->has_plan)
		return;
	base = k->baseline.present ? k->baseline.value : 0;
	gap = r->plan - base;
	down = k->direction == DIRECTION_DOWN;
	met = down ? r->actual <= r->plan + 1e-9 : r->actual >= r->plan - 1e-9;
	/* a plan not beyond the 当初値 in the KPI's direction (an up KPI's
	 * plan below it: often an increment not declared one) leaves no way
	 * to measure a share of */
	beyond = down ? gap < 0 : gap > 0;
	p->status = met ? STATUS_ACHIEVED : STATUS_BEHIND;
	p->has_ratio = beyond || met;
	p->ratio = beyond ? (r->actual - base) / gap : 1;
}

void kpi_years_progress(const struct kpi *k, const struct kpi_years *t,
			const struct kpi_year *r, struct progress *p)
{
	struct year_value actuals[KPI_YEARS_MAX];
	size_t n = 0;
	int i;

	if (k->is_increment) {
		struct increment in;

		kpi_years_increment(k, t, r->year, &in);
		memset(p, 0, sizeof *p);
		p->has_ratio = in.present && in.has_gap;
		p->ratio = in.rate_gap;
		p->status = !in.present ? STATUS_NO_DATA
			    : in.has_gap && in.rate_gap >= 1 - 1e-9 ? STATUS_ACHIEVED : STATUS_BEHIND;
		return;
	}
	if (k->is_project && k->direction == DIRECTION_DOWN) {
		/* actual ÷ plan reads a fall as a shortfall: lower is better */
		progress_plan(r->has_plan ? &r->plan : NULL, r->has_actual ? &r->actual : NULL, p);
		kpi_years_plan_way(k, r, p);
		return;
	}
	if (k->is_project) {
		progress_plan(r->has_plan ? &r->plan : NULL, r->has_actual ? &r->actual : NULL, p);
		return;
	}
	for (i = 0; i < t->n; i++)
		if (t->rows[i].has_actual)
			actuals[n++] = (struct year_value){ t->rows[i].year, t->rows[i].actual };
	progress_at(&k->baseline, &k->target, k->direction, actuals, n, r->year, p);
}

double kpi_years_scale(const struct kpi *k, const struct kpi_years *t)
{
	double max = 0;
	int i;

	for (i = 0; i < t->n; i++) {
		if (t->rows[i].has_plan && t->rows[i].plan > max)
			max = t->rows[i].plan;
		if (t->rows[i].has_actual && t->rows[i].actual > max)
			max = t->rows[i].actual;
	}
	if (k->baseline.present && k->baseline.value > max)
		max = k->baseline.value;
	if (k->target.present && k->target.value > max)
		max = k->target.value;
	return max > 0 ? max : 1;
}

char *kpi_years_cell(int present, double v, int decimals, char *buf, size_t size)
{
	if (present)
		return number_format_places(v, decimals, 0, buf, size);
	snprintf(buf, size, "-");
	return buf;
}

/* Where a change came from, as the official reads it: the sources the
 * program writes in the interface's language, any other as stored. */
static const char *source_word(struct inert_pool *pool, const char *source)
{
	static const char *const known[][2] = {
		{ "import", N_("import") }, { "set", N_("set") },
		{ "set --force", N_("set --force") }, { "form", N_("form") },
		/* TRANSLATORS: an unusual value the official confirmed with y */
		{ "form --force", N_("form, confirmed") }, { "undo", N_("undo") },
	};
	size_t i;

	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(source, known[i][0]) == 0)
			return _(known[i][1]);
	return inert_str(pool, source);
}

char *kpi_years_history_line(const struct history_row *h, char *line, size_t size,
			     char *note_line, size_t note_size)
{
	char fy[32], old[64], new[64], when[64], source[512];
	struct inert_pool pool = { 0 };

	/* who, the source and the notes are stored text: made inert, so
	 * that a note's line end cannot forge a line of history */
	if (h->said_by && *h->said_by)
		/* TRANSLATORS: "(import; the file said tanaka)": who an
		 * imported file named, where the history's who is the
		 * official who imported it. */
		snprintf(source, sizeof source, _("%s; the file said %s"), source_word(&pool, h->source),
			 inert_str(&pool, h->said_by));
	else
		snprintf(source, sizeof source, "%s", source_word(&pool, h->source));
	snprintf(line, size, "%s  %s  %s %s  %s -> %s  (%s)",
		 i18n_time(h->changed_at, when, sizeof when), inert_str(&pool, h->changed_by),
		 fiscal_year_format(h->fiscal_year, fy, sizeof fy), _(values_kind_name(h->kind)),
		 kpi_years_cell(h->had_old, h->old_value, h->old_decimals, old, sizeof old),
		 kpi_years_cell(h->has_new, h->new_value, h->new_decimals, new, sizeof new), source);
	if (strcmp(h->old_note, h->new_note) != 0)
		snprintf(note_line, note_size, _("    note: %s -> %s"),
			 *h->old_note ? inert_str(&pool, h->old_note) : "-",
			 *h->new_note ? inert_str(&pool, h->new_note) : "-");
	else
		note_line[0] = '\0';
	inert_pool_free(&pool);
	return line;
}

char *kpi_years_ratio(const struct progress *p, char *buf, size_t size)
{
	if (p->has_ratio)
		snprintf(buf, size, "%.0f%%", floor(p->ratio * 100 + 0.5));
	else
		snprintf(buf, size, "-");
	return buf;
}
