/* form_draw.c: the value form painted into its window: the KPI, its
 * unit, baseline and target, the year's plan and last year's actual, the
 * fields, what is wrong, the question asked, and the keys. */
#include "form_data.h"
#include "i18n.h"

#include <stdio.h>

#include "fiscal_year.h"
#include "width.h"

void form_draw(struct form *fm, WINDOW *w)
{
	int h, wd, i, cy = 0, cx = 0, row;
	char line[LINE], fy[32], a[128], b[128];

	getmaxyx(w, h, wd);
	werase(w);
	box(w, 0, 0);
	snprintf(line, sizeof line, " %s %s %s ", fm->k.code,
		 fiscal_year_format(fm->year, fy, sizeof fy),
		 fm->locked ? _("read-only") : _("entry"));
	field_put(w, 0, 2, wd - 4 < width_of(line) ? wd - 4 : width_of(line), line, A_BOLD);
	field_put(w, 1, 2, wd - 4, fm->k.name, 0);
	if (fm->k.is_project)
		snprintf(line, sizeof line, _("unit %s  initial %s"), fm->k.unit,
			 kpi_amount_text(&fm->k.baseline, fm->k.unit, a, sizeof a));
	else
		snprintf(line, sizeof line, _("unit %s  %s → %s"), fm->k.unit,
			 kpi_amount_text(&fm->k.baseline, fm->k.unit, a, sizeof a),
			 kpi_amount_text(&fm->k.target, fm->k.unit, b, sizeof b));
	field_put(w, 2, 2, wd - 4, line, 0);
	snprintf(line, sizeof line, _("plan %s  last year's actual %s"),
		 kpi_years_cell(fm->now.has_plan, fm->now.plan, fm->now.plan_decimals, a, sizeof a),
		 kpi_years_cell(fm->before.has_actual, fm->before.actual, fm->before.actual_decimals, b,
				sizeof b));
	field_put(w, 3, 2, wd - 4, line, 0);
	row = 5;
	for (i = 0; i < fm->nfields && row < h - 3; i++, row++) {
		int lw = 10, x;

		field_put(w, row, 2, lw, fm->fields[i].label, i == fm->focus ? A_BOLD : 0);
		x = field_draw(w, row, 2 + lw, wd - 4 - lw, &fm->fields[i], i == fm->focus);
		if (i == fm->focus) {
			cy = row;
			cx = x;
		}
	}
	field_put(w, h - 4, 2, wd - 4,
	    fm->message[0] ? fm->message
	    : fm->failed[0] ? fm->failed
	    : fm->info[0] || !fm->locked ? fm->info : fm->locked,
	    A_BOLD);
	field_put(w, h - 3, 2, wd - 4, fm->question, A_BOLD);
	field_put(w, h - 2, 2, wd - 4,
	    fm->locked ? _("Tab/S-Tab: field  Escape: close (read-only)")
		       : _("Tab/S-Tab: field  Enter: save  Escape: cancel"), 0);
	/* The terminal's cursor stays at the insertion point: an IME draws
	 * its composition there. */
	wmove(w, cy, cx);
	wnoutrefresh(w);
}
