/* tree_view.c: the tree pane: the open rows of the tree shown, the cursor,
 * the search's matches and the statuses under closed rows. */
#include "browse.h"
#include "i18n.h"

#include <curses.h>
#include <stdio.h>

#include "draw.h"
#include "tree.h"
#include "width.h"

/* • is ambiguous in width, ▸ and ▾ are not. */
static const char *leaf_mark(void)
{
	return width_ambiguous() == 2 ? "*" : "•";
}

/* How the KPIs under a collapsed node stand at the year (draw_marks). */
static void status_marks(struct browser *b, long long placement, char *buf, size_t size)
{
	struct error err;
	int counts[STATUS_COUNT];

	buf[0] = '\0';
	if (tree_statuses(b->s, placement, browser_judged_year(b), counts, &err) == 0)
		draw_marks(counts, buf, size);
}

void tree_view_load(struct browser *b, int rows)
{
	/* counted once a year per row, not at every key; 0 means not
	 * counted, so "each at its latest" is -1 */
	int key = browser_judged_year(b) ? browser_judged_year(b) : -1, k;
	struct error err;

	/* scrolled, and the rows a search left unread that the pane shows
	 * read */
	if (tree_list_show(b->v, b->s, rows, &err) < 0)
		browser_say(b, "%s", err.text);
	if (!b->kind->marks)
		return;
	for (k = b->v->top; k < b->v->top + rows && k < b->v->n; k++) {
		struct tree_item *it = &b->v->items[k];

		if (it->children && !it->expanded && it->marks_year != key) {
			status_marks(b, it->id, it->marks, sizeof it->marks);
			it->marks_year = key;
		}
	}
}

void tree_view_draw(struct browser *b, int y, int x, int h, int w)
{
	int rows = h - 2, i;

	for (i = 0; i < rows; i++) {
		int k = b->v->top + i;
		char head[96], line[TEXT_MAX], marks[64];
		const struct tree_item *it;
		attr_t attr = 0;
		int mw, hw;

		if (k >= b->v->n) {
			put(y + 1 + i, x + 1, w - 2, "", 0);
			continue;
		}
		it = &b->v->items[k];
		/* the arrow takes the row's first column; a move then redraws
		 * two characters, where the bar redraws both rows' names */
		snprintf(head, sizeof head, "%s%*s%s ",
			 !b->arrow ? "" : k == b->v->cursor ? ">" : " ", it->depth * 2, "",
			 !it->children ? leaf_mark() : it->expanded ? "▾" : "▸");
		snprintf(line, sizeof line, "%s%s%s", it->label, *it->label ? " " : "",
			 it->unread ? "" : it->title);
		if (b->kind->matches && search_is_match(b, it->id))
			attr |= A_BOLD | A_UNDERLINE;
		if (k == b->v->cursor && !b->arrow)
			attr |= A_REVERSE;
		marks[0] = '\0';
		if (b->kind->marks && it->children && !it->expanded)
			snprintf(marks, sizeof marks, "%s", it->marks);
		mw = *marks ? width_of(marks) + 1 : 0;
		if (mw > (w - 2) / 2)
			mw = 0;
		/* the bar marks the row's number and name, up to its marks
		 * or the frame; the indentation and the row's mark keep out
		 * of it, as its marks do: a move need not send them again
		 * (▸ is three bytes, and a name's width grows as its marks
		 * narrow: another official's values cost a move more) */
		hw = width_of(head) < w - 2 - mw ? width_of(head) : w - 2 - mw;
		put(y + 1 + i, x + 1, hw, head, attr & ~A_REVERSE);
		put(y + 1 + i, x + 1 + hw, w - 2 - mw - hw, line, attr);
		if (mw) {
			char right[80];

			/* the marks keep out of the highlight: a move then
			 * rewrites less of the line; a column before them
			 * (display width: ↓ is three bytes) */
			width_align(marks, mw, right, sizeof right);
			put(y + 1 + i, x + w - 1 - mw, mw, right, attr & ~A_REVERSE);
		}
	}
}
