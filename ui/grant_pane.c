/* grant_pane.c: the grant-menu pane: a content row's grant menus and
 * examples, read into memory, then painted; and the lines of a pane. */
#include "browse.h"
#include "i18n.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "alloc.h"
#include "draw.h"
#include "placement.h"

static void grant_line(void *ctx, enum placement_text what, const char *text)
{
	char line[TEXT_MAX];

	if (what == PLACEMENT_EXAMPLE)
		snprintf(line, sizeof line, _("e.g. %s"), text);
	else if (what == PLACEMENT_AI_EXAMPLE)
		snprintf(line, sizeof line, "AI: %s", text);
	else
		snprintf(line, sizeof line, "%s", text);
	pane_text_add(ctx, 0, line);
}

void grant_pane_load(struct browser *b, long long placement, struct pane_text *t)
{
	struct error err;

	placement_grant(b->s, placement, grant_line, t, &err);
}

int pane_text_add(struct pane_text *p, int attr, const char *text)
{
	if (p->n >= p->max || p->n >= PANE_ROWS_MAX)
		return 0;
	p->text[p->n] = xstrdup(text);
	p->attr[p->n++] = attr;
	return 1;
}

void pane_text_paint(const struct pane_text *p, int y, int x, int h, int w)
{
	int i, row = y + 1;

	for (i = 0; i < p->n && row < y + h - 1; i++)
		put(row++, x + 1, w - 2, p->text[i], (attr_t)p->attr[i]);
	while (row < y + h - 1)
		put(row++, x + 1, w - 2, "", 0);
}

void pane_text_free(struct pane_text *p)
{
	int i;

	for (i = 0; i < p->n; i++)
		free(p->text[i]);
	p->n = 0;
}
