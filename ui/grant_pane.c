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

void grant_pane_draw(struct browser *b, long long placement, int y, int x, int h, int w)
{
	struct pane_text t = { .max = h - 2 };
	struct error err;

	placement_grant(b->s, placement, grant_line, &t, &err);
	pane_text_paint(&t, y + 1, y + h - 1, x + 1, w - 2);
}

int pane_text_add(struct pane_text *p, int attr, const char *text)
{
	if (p->n >= p->max || p->n >= PANE_ROWS_MAX)
		return 0;
	p->text[p->n] = xstrdup(text);
	p->attr[p->n++] = attr;
	return 1;
}

void pane_text_paint(struct pane_text *p, int y, int last, int x, int w)
{
	int i;

	for (i = 0; i < p->n && y < last; i++)
		put(y++, x, w, p->text[i], (attr_t)p->attr[i]);
	while (y < last)
		put(y++, x, w, "", 0);
	for (i = 0; i < p->n; i++)
		free(p->text[i]);
	p->n = 0;
}
