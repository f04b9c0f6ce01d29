/* text_view.c: a title and lines over the whole screen until a key: the
 * help screens and a KPI's history. */
#include "text_view.h"

#include <curses.h>

#include "app.h"
#include "draw.h"

struct text {
	const char *title, *empty;
	const char *const *lines;
	int n, latest_last;
};

static void draw_text(struct view *v)
{
	const struct text *t = v->data;
	int row = 2, i, first = 0;

	erase();
	put(0, 0, COLS, t->title, A_BOLD);
	if (!t->n && t->empty)
		put(row, 0, COLS, t->empty, 0);
	if (t->latest_last && t->n > LINES - 3)
		first = t->n - (LINES - 3);
	for (i = first; i < t->n && row < LINES; i++)
		put(row++, 0, COLS, t->lines[i], 0);
}

/* any key returns */
static int text_key(struct view *v, const struct key *k)
{
	(void)v;
	(void)k;
	return VIEW_HANDLED | VIEW_CLOSE;
}

static const struct view_ops text_ops = {
	.name = "text", .draw = draw_text, .key = text_key, .full_screen = 1,
};

static void run(struct text *t)
{
	struct view v = { &text_ops, t };

	app_run(&v);
}

void text_view_run(const char *title, const char *const *lines, int n, int latest_last)
{
	struct text t = { title, NULL, lines, n, latest_last };

	run(&t);
}

void text_view_run_or(const char *title, const char *const *lines, int n, const char *empty)
{
	struct text t = { title, empty, lines, n, 1 };

	run(&t);
}
