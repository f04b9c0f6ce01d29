/* history_view.c: H: the shown KPI's history, every change, the latest
 * at the bottom. */
#include "browse.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "history.h"
#include "kpi.h"
#include "text_view.h"

static void history_line(void *ctx, const char *line)
{
	text_lines_add(ctx, "%s", line);
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
	if (history_lines(b->s, k.id, history_line, &l, &err) < 0)
		browser_say(b, "%s", err.text);
	snprintf(title, sizeof title, _("%s %s — history"), k.code, k.name);
	text_view_run_or(title, (const char *const *)l.text, l.n, history_empty());
	text_lines_free(&l);
	kpi_release(&k);
}
