/* kpi_pane.c: the KPI pane: the row's KPIs, the one chosen with its
 * amounts, yearly table, sparkline, evaluation and other places. */
#include "browse.h"
#include "i18n.h"

#include <curses.h>
#include <stdio.h>

#include "draw.h"
#include "kpi_data.h"
#include "fiscal_year.h"
#include "kpi.h"
#include "kpi_years.h"
#include "placement.h"
#include "width.h"

/* The KPIs of a content row; the one-KPI list of a project's or a field's. */
int kpi_pane_row(struct browser *b, long long placement, struct placement_kpis *c)
{
	struct error err;

	return placement_kpis(b->s, placement, c, &err);
}

const struct placement_kpis *kpi_pane_one(struct placement_kpis *c, const char *code)
{
	placement_kpis_one(c, code);
	return c;
}

/* The actuals as a sparkline, one cell a year from the lowest to the
 * highest: "actual ▁▃▆█ (R2-R5)". The blocks are ambiguous in width, so
 * at width 2 an ASCII ramp stands in. Returns 0 with fewer than two. */
static int sparkline(const struct kpi_years *t, char *buf, size_t size)
{
	static const char *const blocks[2][8] = {
		{ "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" },
		{ "_", ".", ":", "-", "=", "+", "*", "#" },
	};
	double lo = 0, hi = 0;
	int i, n = 0, first = 0, last = 0;
	size_t used;
	char span[64];

	for (i = 0; i < t->n; i++) {
		if (!t->rows[i].has_actual)
			continue;
		if (!n || t->rows[i].actual < lo)
			lo = t->rows[i].actual;
		if (!n || t->rows[i].actual > hi)
			hi = t->rows[i].actual;
		if (!n)
			first = t->rows[i].year;
		last = t->rows[i].year;
		n++;
	}
	if (n < 2)
		return 0;
	used = (size_t)snprintf(buf, size, "%s ", _("actual"));
	for (i = 0; i < t->n && used + 4 < size; i++) {
		int level;

		if (!t->rows[i].has_actual)
			continue;
		level = hi > lo ? (int)((t->rows[i].actual - lo) / (hi - lo) * 7 + 0.5) : 3;
		used += (size_t)snprintf(buf + used, size - used, "%s",
					 blocks[width_ambiguous() == 2][level]);
	}
	snprintf(buf + used, size - used, " (%s)", fiscal_year_range(first, last, span, sizeof span));
	return 1;
}

/* The KPI pane: the selected KPI of the row, its amounts, its years. */
/* The KPIs of a row in one line, the selected one highlighted: the pane
 * then shows that one (Tab to the pane, then j k to choose). */
static int draw_codes(const struct placement_kpis *c, int index, int y, int x, int w)
{
	int col = 0, i;

	for (i = 0; i < c->n && col < w; i++) {
		int cw = width_of(c->code[i]);

		if (col + cw > w)
			break;
		put(y, x + col, cw, c->code[i], i == index ? A_REVERSE : 0);
		col += cw + 1;
	}
	if (col < w)
		put(y, x + col, w - col, "", 0);
	return 1;
}

/* Where else the KPI stands: its home row or its re-listings, by the
 * project each stands under ([4]: two projects may hold the same text)
 * and their content rows, one line each; r goes there. */
static int draw_places(const struct kpi_data *d, int y, int last, int x, int w)
{
	int i, row = y;

	for (i = 0; i < d->nplaces && row < last; i++) {
		char line[TEXT_MAX + 64];

		snprintf(line, sizeof line, "%s (r) [%s] %s",
			 d->places[i].home ? _("home") : _("re-listed"), d->places[i].project,
			 d->places[i].title);
		put(row++, x, w, line, 0);
	}
	return row - y;
}

/* What the latest meeting made of the KPI, and its open action items. */
static int draw_review(const struct kpi_data *d, int y, int last, int x, int w)
{
	const struct evaluation *e = &d->e;
	char line[TEXT_MAX], due[64];
	int row = y, i;

	if (e->present) {
		if (*e->rank)
			snprintf(line, sizeof line, _("rank %s %s (%s)%s%s"), e->rank, e->rank_label,
				 d->e_title, *e->reason ? ": " : "", e->reason);
		else
			snprintf(line, sizeof line, _("evaluated (%s) %s %s"), d->e_title, e->assessment,
				 e->policy_label);
		put(row++, x, w, line, 0);
	}
	for (i = 0; i < d->nactions && row < last; i++) {
		const struct kpi_data_action *a = &d->actions[i];

		snprintf(line, sizeof line, "%s %s (%s, %s)", draw_ascii() ? "[ ]" : "□", a->text,
			 a->owner, i18n_date(a->due, due, sizeof due));
		put(row++, x, w, line, 0);
	}
	return row - y;
}

/* Paints d: the KPI's lines, then its table. Returns the row below
 * them, or -1 when a read failed (said in the pane). */
static int paint(struct browser *b, const struct kpi_data *d, const struct placement_kpis *c,
		 int index, int y, int x, int h, int w)
{
	char line[TEXT_MAX], base[128], target[128];
	const struct kpi *k = &d->k;
	const struct kpi_years *t = &d->t;
	int row = y + 1, last = y + h - 1, i;

	if (!d->found) {
		put(row, x + 1, w - 2, d->err.text, 0);
		return -1;
	}
	if (c->n > 1)
		row += draw_codes(c, index, row, x + 1, w - 2);
	snprintf(line, sizeof line, "%s %s%s", k->code, k->name, c->home[index] ? "" : _(" [re-listed]"));
	put(row++, x + 1, w - 2, line, A_BOLD);
	if (k->is_project && *k->unit) {
		snprintf(line, sizeof line, _("initial %s  unit %s"),
			 kpi_amount_text(&k->baseline, k->unit, base, sizeof base), k->unit);
	} else if (k->is_project) {
		snprintf(line, sizeof line, _("initial %s"), kpi_amount_text(&k->baseline, k->unit, base,
								     sizeof base));
	} else {
		snprintf(line, sizeof line, "%s → %s  %s",
			 kpi_amount_text(&k->baseline, k->unit, base, sizeof base),
			 kpi_amount_text(&k->target, k->unit, target, sizeof target),
			 kpi_direction_label(k->direction));
	}
	put(row++, x + 1, w - 2, line, 0);
	if (!d->has_years) {
		put(row, x + 1, w - 2, d->err.text, 0);
		return -1;
	}
	if (sparkline(t, line, sizeof line))
		put(row++, x + 1, w - 2, line, 0);
	{
		char hd[4][64];

		/* padded by display width: headings and years may be Japanese */
		snprintf(line, sizeof line, "%s %s %s %s %s", width_align(_("FY"), -10, hd[0], 64),
			 width_align(_("plan"), 8, hd[1], 64), width_align(_("actual"), 8, hd[2], 64),
			 width_align(k->is_project ? _("rate") : _("prog"), 5, hd[3], 64), _("status"));
	}
	put(row++, x + 1, w - 2, line, A_UNDERLINE);
	/* more years than lines: the browser's year stays in view */
	for (i = kpi_years_window(t, b->year, last - row); i < t->n && row < last; i++) {
		const struct kpi_year *r = &t->rows[i];
		char fy[32], fy_cell[64], plan[32], actual[32], ratio[16];
		struct progress p;

		kpi_years_progress(k, t, r, &p);
		snprintf(line, sizeof line, "%s %8s %8s %5s %s",
			 width_align(fiscal_year_format(r->year, fy, sizeof fy), -10, fy_cell,
				     sizeof fy_cell),
			 kpi_years_cell(r->has_plan, r->plan, r->plan_decimals, plan, sizeof plan),
			 kpi_years_cell(r->has_actual, r->actual, r->actual_decimals, actual, sizeof actual),
			 kpi_years_ratio(&p, ratio, sizeof ratio), progress_status_name(p.status));
		put(row, x + 1, w - 2, line, r->year == b->year ? A_REVERSE : 0);
		if (draw_colors() && width_of(line) <= w - 2)
			put(row, x + 1 + width_of(line) - width_of(progress_status_name(p.status)),
			    width_of(progress_status_name(p.status)), progress_status_name(p.status),
			    draw_status_attr(p.status) | (r->year == b->year ? A_REVERSE : 0));
		row++;
	}
	return row;
}

void kpi_pane_load(struct browser *b, struct kpi_data *d, const struct placement_kpis *c,
		   int index, long long here, int rows)
{
	if (kpi_data_load(d, b->s, c->code[index], b->year) < 0)
		return;
	kpi_data_load_review(d, b->s);
	if (here)
		kpi_data_load_places(d, b->s, here, rows);
}

void kpi_pane_draw(struct browser *b, const struct kpi_data *d, const struct placement_kpis *c,
		   int index, int y, int x, int h, int w)
{
	int row, last = y + h - 1;

	row = paint(b, d, c, index, y, x, h, w);
	if (row >= 0 && row < last && d->has_review)
		row += draw_review(d, row, last, x + 1, w - 2);
	if (row >= 0 && row < last)
		row += draw_places(d, row, last, x + 1, w - 2);
	while (row >= 0 && row < last)
		put(row++, x + 1, w - 2, "", 0);
}
