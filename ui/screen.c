/* screen.c: the browser's screen: where the panes go at each size, and
 * which panes the selected row shows, from its tree's level table. */
#include "browse.h"
#include "i18n.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

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

/* What the screen shows now, to tell whether b->shown was read for it. */
static struct screen_key key_now(const struct browser *b)
{
	return (struct screen_key){
		.tree = b->tree, .cursor = b->v->cursor, .top = b->v->top, .n = b->v->n,
		.kpi_index = b->kpi_index, .year = b->year, .judged = browser_judged_year(b),
		.lines = LINES, .cols = COLS, .marks = b->marks_forgotten,
		.version = b->data_version, .changes = store_own_changes(b->s),
	};
}

/* compared whole: no padding between the fields */
_Static_assert(sizeof(struct screen_key) == 10 * sizeof(int) + 2 * sizeof(long long),
	       "struct screen_key has padding");

int screen_stale(const struct browser *b)
{
	struct screen_key k = key_now(b);

	return !b->shown.loaded || memcmp(&k, &b->shown.key, sizeof k) != 0;
}

void screen_free(struct browser *b)
{
	struct screen_data *d = &b->shown;

	if (d->kpi_loaded)
		kpi_data_free(&d->kpi);
	d->kpi_loaded = 0;
	pane_text_free(&d->side);
	d->have = 0;
	d->loaded = 0;
}

int screen_load(struct browser *b)
{
	struct screen_data *d = &b->shown;
	const struct tree_item *it;
	const struct tree_level *lv;
	struct layout l;

	screen_free(b);
	if (COLS < MIN_COLS || LINES < MIN_LINES)
		goto done;
	l = layout_for(LINES, COLS);
	tree_view_load(b, l.th - 2);
	it = b->v->n ? &b->v->items[b->v->cursor] : NULL;
	lv = trees_level(b->kind, it);
	if (lv->kpis == ROW_KPIS_LABEL)
		d->have = kpi_pane_one(&d->c, it->label)->n;
	else if (lv->kpis == ROW_KPIS_OF_ROW)
		d->have = kpi_pane_row(b, it->id, &d->c) == 0 && d->c.n;
	if (d->have && lv->pick && b->kpi_index >= d->c.n)
		b->kpi_index = d->c.n - 1;
	if (d->have && lv->panes != PANES_PROJECT && lv->panes != PANES_NONE) {
		memset(&d->kpi, 0, sizeof d->kpi);
		kpi_pane_load(b, &d->kpi, &d->c, lv->pick ? b->kpi_index : 0, lv->places ? it->id : 0,
			      l.kh);
		d->kpi_loaded = 1;
	}
	if (lv->panes == PANES_KPI_GRANT && l.gh) {
		d->side.max = l.gh - 2;
		grant_pane_load(b, it->id, &d->side);
	} else if (lv->panes == PANES_KPI_PROJECT && l.gh) {
		d->side.max = l.gh - 2;
		project_pane_load(b, b->v->items[tree_list_parent(b->v, b->v->cursor)].id, &d->side);
	} else if (lv->panes == PANES_PROJECT) {
		d->side.max = l.kh + l.gh - 2;
		project_pane_load(b, it->id, &d->side);
	}
done:
	d->key = key_now(b);
	d->loaded = 1;
	return 0;
}

/* The panes of the selected row, as its tree's level table says, from
 * what screen_load read. */
static void draw_panes(struct browser *b, const struct tree_item *it, const struct layout *l)
{
	const struct tree_level *lv = trees_level(b->kind, it);
	const struct screen_data *d = &b->shown;

	switch (lv->panes) {
	case PANES_KPI_GRANT:
	case PANES_KPI_PROJECT:
		if (d->kpi_loaded)
			kpi_pane_draw(b, &d->kpi, &d->c, lv->pick ? b->kpi_index : 0, l->ky, l->kx,
				      l->kh, l->kw);
		if (l->gh)
			pane_text_paint(&d->side, l->gy, l->gx, l->gh, l->gw);
		break;
	case PANES_PROJECT:
		pane_text_paint(&d->side, l->ky, l->kx, l->kh + l->gh, l->kw);
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

	erase();
	if (w < MIN_COLS || h < MIN_LINES) {
		char line[128];

		snprintf(line, sizeof line, _("too small: %dx%d of %dx%d"), w, h, MIN_COLS, MIN_LINES);
		put(0, 0, w, line, 0);
		return;
	}
	l = layout_for(h, w);
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
