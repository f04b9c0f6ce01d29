/* history_view.c: H: the shown KPI's history, every change, the latest
 * at the bottom. */
#include "browse.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "kpi.h"
#include "kpi_years.h"
#include "meeting.h"
#include "text_view.h"
#include "values.h"

static void history_line(void *ctx, const struct history_row *h)
{
	char line[TEXT_MAX], note[TEXT_MAX];

	text_lines_add(ctx, "%s", kpi_years_history_line(h, line, sizeof line, note, sizeof note));
	if (*note)
		text_lines_add(ctx, "%s", note);
}

/* What a meeting recorded of it, after the values' changes, as kpitree
 * history writes it. */
static void record_line(void *ctx, const struct record_change *c)
{
	char line[TEXT_MAX];

	text_lines_add(ctx, "%s", meeting_change_line(c, line, sizeof line));
}

/* H: the shown KPI's history, as kpitree history writes it, the latest
 * changes at the bottom; any key returns. */
void history_view_run(struct browser *b)
{
	struct text_lines l = { NULL, 0 };
	char code[32], title[TEXT_MAX];
	struct error err;
	struct kpi k;

	if (!browser_shown_kpi(b, code, sizeof code) || kpi_find(b->s, code, &k, &err) < 0) {
		browser_say(b, _("no KPI here: select a row with a KPI first"));
		return;
	}
	if (values_history(b->s, k.id, history_line, &l, &err) < 0 ||
	    meeting_history(b->s, k.id, record_line, &l, &err) < 0)
		browser_say(b, "%s", err.text);
	snprintf(title, sizeof title, _("%s %s — history"), k.code, k.name);
	text_view_run_or(title, (const char *const *)l.text, l.n, _("no change yet"));
	text_lines_free(&l);
	kpi_release(&k);
}
