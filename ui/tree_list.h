/* tree_list.h: a tree as the browser shows it: a flat list of the rows
 * open so far, children read from the store as a row opens (top rows a
 * page at a time where the tree has many), a cursor, and the search's
 * pruned tree of matches. No curses: the cmocka tests drive it. */
#ifndef KPITREE_TREE_LIST_H
#define KPITREE_TREE_LIST_H

#include "error.h"
#include "store.h"
#include "tree.h"

/* A row as shown. id is what the tree's reader gave (a placement in the
 * strategy; in the other trees, see tree_other_children). */
struct tree_item {
	long long id;
	int level, depth, children, expanded;
	char label[32];
	char *title;
	int marks_year;		/* the year marks were counted for, or 0 */
	char marks[48];		/* the statuses under a collapsed row */
	int unread;		/* id and depth alone, the rest read when shown
				 * (tree_list_read): a search's rows above a match */
};

/* How a tree reads its rows: the children of the row (level, id), or
 * with id 0 its top rows, from after *last_top on (where paged). */
typedef int (*tree_list_reader)(struct store *s, int level, long long id, long long *last_top,
				void (*fn)(void *ctx, const struct tree_row *row), void *ctx,
				struct error *err);

/* The strategy's top rows are read this many at a time. */
#define TREE_LIST_PAGE 200

struct tree_list {
	tree_list_reader read;	/* NULL: rows only added (tree_list_add_path) */
	int paged;		/* top rows come TREE_LIST_PAGE at a time */
	struct tree_item *items;
	int n, size;
	int cursor, top;
	long long last_top;	/* position of the last top row read */
	int more;		/* whether more top rows are there */
};

/* Reads the first top rows (or, with i >= 0, the children of item i
 * after it). Nothing for an open row or a leaf. Returns 0, or -1 with
 * err. */
int tree_list_expand(struct tree_list *l, struct store *s, int i, struct error *err);

/* Closes item i: its rows below go; the cursor, if among them, goes to i. */
void tree_list_collapse(struct tree_list *l, int i);

/* The row above item i (its parent), or 0. */
int tree_list_parent(const struct tree_list *l, int i);

/* The row of id, or -1. */
int tree_list_find(const struct tree_list *l, long long id);

/* Moves the cursor to row to (clamped), reading the next pages of top
 * rows first when it comes near the last read, and the row it lands on
 * if unread. Returns whether the
 * cursor moved to another row; err says why a page failed (err->kind
 * ERROR_NONE when none did). */
int tree_list_move(struct tree_list *l, struct store *s, int to, struct error *err);

/* Keeps the cursor within rows visible rows from top. */
void tree_list_scroll(struct tree_list *l, int rows);

/* Reads the rows from from to to (excluded) that are unread. Returns 0,
 * or -1 with err (the rows not read stay unread). */
int tree_list_read(struct tree_list *l, struct store *s, int from, int to, struct error *err);

/* Scrolls as tree_list_scroll and reads the rows that rows visible rows
 * show, the cursor's among them: what a view shows is read, the rest
 * may wait. Returns 0, or -1 with err. */
int tree_list_show(struct tree_list *l, struct store *s, int rows, struct error *err);

/* Opens the tree along path (n ids from the top) and puts the cursor on
 * its last row. Returns 0, or -1 when a row of it is not there; err says
 * why a read failed on the way (err->kind ERROR_NONE when none did). */
int tree_list_reveal(struct tree_list *l, struct store *s, const long long *path, int n,
		     struct error *err);

/* Adds the row of each id of path (n of them) that is not there yet
 * under its parent, among its siblings in the order of their ids (the
 * order rows were placed in, as the tree shows them): the search's
 * pruned tree. The last row, the match, is read (tree_row); the rows
 * above it stay unread until shown (tree_list_show): a search of many
 * matches builds only the rows on the screen. A negative id is a grant
 * project's KPI (tree_search_kpi_row), after every row of the strategy.
 * Returns 0, or -1 with err. */
int tree_list_add_path(struct tree_list *l, struct store *s, const long long *path, int n,
		       struct error *err);

/* The marks counted are counted again (values changed). */
void tree_list_forget_marks(struct tree_list *l);

/* Every row's text is read again as it is next shown (another
 * session renamed rows): what the list knew (open, cursor) stays. */
void tree_list_forget_text(struct tree_list *l);

/* Empties l (keeping how it reads). */
void tree_list_clear(struct tree_list *l);

#endif
