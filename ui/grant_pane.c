/* grant_pane.c: the grant-menu pane: a content row's grant menus and
 * examples. */
#include "browse.h"
#include "i18n.h"

#include <curses.h>
#include <stdio.h>

#include "draw.h"
#include "placement.h"

static void grant_line(void *ctx, enum placement_text what, const char *text)
{
	struct pane_lines *g = ctx;
	char line[TEXT_MAX];

	if (g->row >= g->last)
		return;
	if (what == PLACEMENT_EXAMPLE)
		snprintf(line, sizeof line, _("e.g. %s"), text);
	else if (what == PLACEMENT_AI_EXAMPLE)
		snprintf(line, sizeof line, "AI: %s", text);
	else
		snprintf(line, sizeof line, "%s", text);
	put(g->row++, g->x, g->w, line, 0);
}

void grant_pane_draw(struct browser *b, long long placement, int y, int x, int h, int w)
{
	struct pane_lines g = { y + 1, y + h - 1, x + 1, w - 2 };
	struct error err;

	placement_grant(b->s, placement, grant_line, &g, &err);
	while (g.row < g.last)
		put(g.row++, x + 1, w - 2, "", 0);
}
