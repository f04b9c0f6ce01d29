/* tree_list.c: the flat list of a tree's open rows: gather, expand,
 * collapse, reveal, paging, and the pruned tree of a search's matches. */
#include "tree_list.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct gather {
	struct tree_item *items;
	int n, size, depth, failed;
};

static void gather_row(void *ctx, const struct tree_row *row)
{
	struct gather *g = ctx;
	struct tree_item *it;

	if (g->n == g->size) {
		int size = g->size ? 2 * g->size : 16;
		struct tree_item *more = realloc(g->items, (size_t)size * sizeof *more);

		if (!more) {
			g->failed = 1;
			return;
		}
		g->items = more;
		g->size = size;
	}
	it = &g->items[g->n];
	memset(it, 0, sizeof *it);
	it->id = row->placement;
	it->level = row->level;
	it->depth = g->depth;
	it->children = row->children;
	snprintf(it->label, sizeof it->label, "%s", row->label ? row->label : "");
	it->title = strdup(row->title ? row->title : "");
	if (it->title)
		g->n++;
	else
		g->failed = 1;
}

static void free_items(struct tree_item *items, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(items[i].title);
	free(items);
}

/* Room for n rows more. Returns 0, or -1 with err. */
static int room(struct tree_list *l, int n, struct error *err)
{
	struct tree_item *more;
	int size;

	if (l->n + n <= l->size)
		return 0;
	size = l->n + n + 64;
	more = realloc(l->items, (size_t)size * sizeof *more);
	if (!more)
		return error_of(err, ERROR_NO_MEMORY, "%s", _("out of memory"));
	l->items = more;
	l->size = size;
	return 0;
}

int tree_list_expand(struct tree_list *l, struct store *s, int i, struct error *err)
{
	struct gather g = { NULL, 0, 0, i < 0 ? 0 : l->items[i].depth + 1, 0 };
	int at = i < 0 ? l->n : i + 1;

	if (i >= 0 && (l->items[i].expanded || !l->items[i].children))
		return 0;
	if (l->read(s, i < 0 ? 0 : l->items[i].level, i < 0 ? 0 : l->items[i].id, &l->last_top,
		    gather_row, &g, err) < 0 ||
	    (g.failed && error_of(err, ERROR_NO_MEMORY, "%s", _("out of memory"))) ||
	    room(l, g.n, err) < 0) {
		free_items(g.items, g.n);
		return -1;
	}
	/* nothing to insert (an empty database): no list to move about */
	if (g.n) {
		memmove(&l->items[at + g.n], &l->items[at], (size_t)(l->n - at) * sizeof *l->items);
		memcpy(&l->items[at], g.items, (size_t)g.n * sizeof *g.items);
		l->n += g.n;
	}
	if (i >= 0)
		l->items[i].expanded = 1;
	else
		l->more = l->paged && g.n == TREE_LIST_PAGE;
	free(g.items);
	return 0;
}

void tree_list_collapse(struct tree_list *l, int i)
{
	int end = i + 1, k;

	while (end < l->n && l->items[end].depth > l->items[i].depth)
		end++;
	for (k = i + 1; k < end; k++)
		free(l->items[k].title);
	memmove(&l->items[i + 1], &l->items[end], (size_t)(l->n - end) * sizeof *l->items);
	l->n -= end - i - 1;
	l->items[i].expanded = 0;
	if (l->cursor > i && l->cursor < end)
		l->cursor = i;
	else if (l->cursor >= end)
		l->cursor -= end - i - 1;
}

int tree_list_parent(const struct tree_list *l, int i)
{
	int k = i;

	while (k > 0 && l->items[k].depth >= l->items[i].depth)
		k--;
	return k;
}

int tree_list_find(const struct tree_list *l, long long id)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (l->items[i].id == id)
			return i;
	return -1;
}

int tree_list_move(struct tree_list *l, struct store *s, int to, struct error *err)
{
	int from = l->cursor;

	error_clear(err);
	/* Near the end of what is read, read the next page of top rows. */
	while (l->more && to >= l->n - 1)
		if (tree_list_expand(l, s, -1, err) < 0)
			break;
	if (to < 0)
		to = 0;
	if (to >= l->n)
		to = l->n - 1;
	l->cursor = to;
	if (to >= 0 && err->kind == ERROR_NONE)
		tree_list_read(l, s, to, to + 1, err);
	return to != from;
}

void tree_list_scroll(struct tree_list *l, int rows)
{
	if (l->cursor < l->top)
		l->top = l->cursor;
	if (l->cursor >= l->top + rows)
		l->top = l->cursor - rows + 1;
}

/* Reads the row of id (a placement, or minus a grant project's KPI) as
 * the only row of g. Returns 0, or -1 with err. */
static int read_one(struct store *s, long long id, struct gather *g, struct error *err)
{
	int rc = id < 0 ? tree_search_kpi_row(s, -id, gather_row, g, err)
			: tree_row(s, id, gather_row, g, err);

	if (rc == 0 && g->n == 1)
		return 0;
	free_items(g->items, g->n);
	g->items = NULL;
	g->n = 0;
	if (rc == 0)
		return error_of(err, ERROR_NO_MEMORY, "%s", _("out of memory"));
	return -1;
}

int tree_list_read(struct tree_list *l, struct store *s, int from, int to, struct error *err)
{
	int i;

	for (i = from < 0 ? 0 : from; i < to && i < l->n; i++) {
		struct tree_item *it = &l->items[i];
		struct gather g = { NULL, 0, 0, it->depth, 0 };

		if (!it->unread)
			continue;
		if (read_one(s, it->id, &g, err) < 0)
			return -1;
		/* what the list knew (open, marks counted) stays */
		it->level = g.items[0].level;
		it->children = g.items[0].children;
		memcpy(it->label, g.items[0].label, sizeof it->label);
		it->title = g.items[0].title;
		it->unread = 0;
		free(g.items);
	}
	return 0;
}

int tree_list_show(struct tree_list *l, struct store *s, int rows, struct error *err)
{
	error_clear(err);
	tree_list_scroll(l, rows);
	return tree_list_read(l, s, l->top, l->top + rows, err);
}

int tree_list_reveal(struct tree_list *l, struct store *s, const long long *path, int n,
		     struct error *err)
{
	int depth, i = -1;

	error_clear(err);
	for (depth = 0; depth < n; depth++) {
		int k;

		for (k = i + 1; k < l->n && l->items[k].depth >= depth; k++)
			if (l->items[k].depth == depth && l->items[k].id == path[depth])
				break;
		/* a top row further down than the pages read so far */
		while (depth == 0 && k >= l->n && l->more && tree_list_expand(l, s, -1, err) == 0)
			for (; k < l->n; k++)
				if (l->items[k].depth == 0 && l->items[k].id == path[0])
					break;
		if (k >= l->n || l->items[k].id != path[depth])
			return -1;
		i = k;
		if (depth + 1 < n)
			tree_list_expand(l, s, i, err);
	}
	l->cursor = i;
	return 0;
}

int tree_list_add_path(struct tree_list *l, struct store *s, const long long *path, int n,
		       struct error *err)
{
	int at = 0, end = l->n, depth, i;

	for (depth = 0; depth < n; depth++) {
		long long id = path[depth];

		for (i = at; i < end; i++)
			if (l->items[i].depth == depth && l->items[i].id == id)
				break;
		if (i == end) {
			struct gather g = { NULL, 0, 0, depth, 0 };
			struct tree_item row = { .id = id, .depth = depth, .unread = 1 };

			/* before the first sibling placed after it */
			for (i = at; i < end; i++)
				if (l->items[i].depth == depth &&
				    (l->items[i].id < 0 ? id >= 0 || id > l->items[i].id
							: id >= 0 && id < l->items[i].id))
					break;
			/* the match is read; the rows above it when shown */
			if (depth + 1 == n && read_one(s, id, &g, err) < 0)
				return -1;
			if (room(l, 1, err) < 0) {
				free_items(g.items, g.n);
				return -1;
			}
			memmove(&l->items[i + 1], &l->items[i], (size_t)(l->n - i) * sizeof *l->items);
			l->items[i] = g.n ? g.items[0] : row;
			l->items[i].expanded = depth + 1 < n;
			l->n++;
			free(g.items);
		}
		at = i + 1;
		for (end = at; end < l->n && l->items[end].depth > depth; end++)
			;
	}
	return 0;
}

void tree_list_forget_marks(struct tree_list *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		l->items[i].marks_year = 0;
}

void tree_list_forget_text(struct tree_list *l)
{
	int i;

	for (i = 0; i < l->n; i++) {
		free(l->items[i].title);
		l->items[i].title = NULL;
		l->items[i].unread = 1;
	}
}

void tree_list_clear(struct tree_list *l)
{
	tree_list_reader read = l->read;
	int paged = l->paged;

	free_items(l->items, l->n);
	memset(l, 0, sizeof *l);
	l->read = read;
	l->paged = paged;
}
