/* screen.c: the browser's screen: where the panes go at each size, and
 * which panes the selected row shows, from its tree's level table. */
#include "browse.h"
#include "i18n.h"

#include <curses.h>
#include <stdio.h>

#include "draw.h"
#include "placement.h"

#define MIN_COLS 40

#define MIN_LINES 12

/* Where the panes go: side by side from 60 columns; below that the
 * tree above the KPI pane, and the grant-menu pane hidden. */
struct layout {
	int ty, tx, th, tw;	/* the tree */
	int ky, kx, kh, kw;	/* the KPI pane */
	int gy, gx, gh, gw;	/* the grant-menu (or project) pane; gh 0: hidden */
};

#define STACK_BELOW_COLS 60

static struct layout layout_for(int h, int w)
{
	int left = w * 2 / 5, kh = (h - 1) * 3 / 5, th = (h - 1) / 2;

	if (w < STACK_BELOW_COLS)
		return (struct layout){ 0, 0, th, w, th, 0, h - 1 - th, w, 0, 0, 0, 0 };
	return (struct layout){ 0, 0, h - 1, left, 0, left, kh, w - left,
				kh, left, h - 1 - kh, w - left };
}

static int inside(int y, int x, int top, int left, int h, int w)
{
	return h > 0 && y >= top && y < top + h && x >= left && x < left + w;
}

int screen_at(const struct browser *b, int y, int x, int *row)
{
	struct layout l = layout_for(LINES, COLS);

	*row = -1;
	if (COLS < MIN_COLS || LINES < MIN_LINES)
		return -1;
	if (inside(y, x, l.ty, l.tx, l.th, l.tw)) {
		/* inside the frame: a row of the list, as tree_view drew it */
		if (y > l.ty && y < l.ty + l.th - 1)
			*row = b->v->top + (y - l.ty - 1);
		return FOCUS_TREE;
	}
	if (inside(y, x, l.gy, l.gx, l.gh, l.gw))
		return FOCUS_GRANT;
	if (inside(y, x, l.ky, l.kx, l.kh, l.kw))
		return FOCUS_KPI;
	return -1;
}

/* The panes of the selected row, as its tree's level table says. */
static void draw_panes(struct browser *b, const struct tree_item *it, const struct layout *l)
{
	const struct tree_level *lv = trees_level(b->kind, it);
	struct placement_kpis c;
	int have = 0;

	if (lv->kpis == ROW_KPIS_LABEL)
		have = kpi_pane_one(&c, it->label)->n;
	else if (lv->kpis == ROW_KPIS_OF_ROW)
		have = kpi_pane_row(b, it->id, &c) == 0 && c.n;
	if (have && lv->pick && b->kpi_index >= c.n)
		b->kpi_index = c.n - 1;
	switch (lv->panes) {
	case PANES_KPI_GRANT:
	case PANES_KPI_PROJECT:
		if (have)
			kpi_pane_draw(b, &c, lv->pick ? b->kpi_index : 0, lv->places ? it->id : 0, l->ky,
				 l->kx, l->kh, l->kw);
		if (l->gh && lv->panes == PANES_KPI_GRANT)
			grant_pane_draw(b, it->id, l->gy, l->gx, l->gh, l->gw);
		else if (l->gh)
			project_pane_draw(b, b->v->items[tree_list_parent(b->v, b->v->cursor)].id, l->gy,
				     l->gx, l->gh, l->gw);
		break;
	case PANES_PROJECT:
		project_pane_draw(b, it->id, l->ky, l->kx, l->kh + l->gh, l->kw);
		break;
	case PANES_NONE:
		put(l->ky + 1, l->kx + 1, l->kw - 2, _("select a • row for its details"), 0);
		break;
	}
}

void screen_draw(struct browser *b)
{
	int h = LINES, w = COLS;
	const struct tree_item *it = b->v->n ? &b->v->items[b->v->cursor] : NULL;
	struct layout l;
	struct error err;

	erase();
	if (w < MIN_COLS || h < MIN_LINES) {
		char line[128];

		snprintf(line, sizeof line, _("too small: %dx%d of %dx%d"), w, h, MIN_COLS, MIN_LINES);
		put(0, 0, w, line, 0);
		return;
	}
	l = layout_for(h, w);
	/* the rows a search left unread, those the tree pane shows */
	if (tree_list_show(b->v, b->s, l.th - 2, &err) < 0)
		browser_say(b, "%s", err.text);
	frame(l.ty, l.tx, l.th, l.tw, _(b->kind->title), b->focus == FOCUS_TREE);
	if (trees_level(b->kind, it)->panes == PANES_PROJECT) {
		frame(l.ky, l.kx, l.kh + l.gh, l.kw, _("Project"), b->focus != FOCUS_TREE);
	} else {
		frame(l.ky, l.kx, l.kh, l.kw, "KPI", b->focus == FOCUS_KPI);
		if (l.gh)
			frame(l.gy, l.gx, l.gh, l.gw,
			      _(b->kind->side_title),
			      b->focus == FOCUS_GRANT);
	}
	tree_view_draw(b, l.ty, l.tx, l.th, l.tw);
	draw_panes(b, it, &l);
	status_line_draw(b, h - 1, w);
}
