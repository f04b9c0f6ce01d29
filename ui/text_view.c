/* text_view.c: a title and lines over the whole screen, wrapped by
 * display width and scrolled, until a key that is not a scroll key: the
 * help screens, a KPI's history, a row's whole text. */
#include "text_view.h"
#include "alloc.h"
#include "i18n.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "width.h"

struct text {
	const char *title, *empty;
	const char *const *lines;
	int n, latest_last;
	int indent;		/* columns a wrapped line's later rows start at */
	int top;		/* the first screen row shown; -1: not placed yet */
	int rows, height;	/* wrapped rows in all, rows on the screen (last draw) */
};

/* Calls fn (when not NULL) for each screen row of line at cols columns,
 * with its text and length; returns the rows. */
static int wrap(const char *line, int cols, int indent,
		void (*fn)(void *, const char *, size_t, int), void *ctx)
{
	int rows = 0, x = 0;

	for (;;) {
		size_t n = width_fit(line, cols - x > 0 ? cols - x : 1);

		if (fn)
			fn(ctx, line, n, x);
		rows++;
		line += n;
		/* a row the line wraps onto is indented; one after a newline
		 * starts a paragraph of its own at the left */
		if (*line == '\n') {
			line++;
			x = 0;
			continue;
		}
		if (!*line)
			break;
		while (*line == ' ')
			line++;
		if (!*line)
			break;
		x = indent;
	}
	return rows;
}

struct painter {
	int row, first, last, seen;
};

static void paint_row(void *ctx, const char *text, size_t n, int x)
{
	struct painter *p = ctx;
	char part[TEXT_MAX];

	if (p->seen >= p->first && p->row <= p->last) {
		snprintf(part, sizeof part, "%.*s", (int)n, text);
		put(p->row++, x, COLS - x, part, 0);
	}
	p->seen++;
}

static void draw_text(struct view *v)
{
	struct text *t = v->data;
	struct painter p = { 2, 0, LINES - 1, 0 };
	int i;

	erase();
	t->height = LINES - 2 > 1 ? LINES - 2 : 1;
	for (t->rows = 0, i = 0; i < t->n; i++)
		t->rows += wrap(t->lines[i], COLS, t->indent, NULL, NULL);
	if (t->top < 0)
		t->top = t->latest_last ? t->rows - t->height : 0;
	if (t->top > t->rows - t->height)
		t->top = t->rows - t->height;
	if (t->top < 0)
		t->top = 0;
	put(0, 0, COLS, t->title, A_BOLD);
	if (t->rows > t->height) {
		char where[TEXT_MAX];

		/* where the screen stands, so that more below is never a guess */
		snprintf(where, sizeof where,
			 _("rows %d-%d of %d  j k PgDn PgUp: scroll, any other key returns"),
			 t->top + 1, t->top + t->height, t->rows);
		put(1, 0, COLS, where, A_DIM);
	} else {
		put(1, 0, COLS, _("any key returns"), A_DIM);
	}
	if (!t->n && t->empty)
		put(2, 0, COLS, t->empty, 0);
	p.first = t->top;
	for (i = 0; i < t->n && p.row <= p.last; i++)
		wrap(t->lines[i], COLS, t->indent, paint_row, &p);
}

/* The scroll keys: a text's, and as the help of a row's whole text (i)
 * lists them; any other key returns. */
enum { T_LINE = 1, T_PAGE, T_ENDS, T_HELP };

static const struct view_key detail_keys[] = {
	{ "j ↓ k ↑", N_("scroll a row down or up"), T_LINE },
	{ "PgDn PgUp", N_("scroll a page down or up"), T_PAGE },
	{ "Space", N_("scroll a page down"), T_PAGE },
	{ "g G Home End", N_("the top or the end"), T_ENDS },
	{ "?", N_("this help"), T_HELP },
	{ "q Esc", N_("back to the tree; so does any other key"), 0 },
	{ NULL, NULL, 0 },
};

static int text_key(struct view *v, const struct key *k)
{
	struct text *t = v->data;
	int page = t->height > 1 ? t->height - 1 : 1;
	int forward = k->is_key ? k->code == KEY_DOWN || k->code == KEY_NPAGE
				: k->code == 'j' || k->code == ' ';

	if (k->is_key && k->code == KEY_MOUSE) {
		/* the wheel scrolls; a click is no key to return on */
		if (k->button == MOUSE_WHEEL_UP || k->button == MOUSE_WHEEL_DOWN)
			t->top += k->button == MOUSE_WHEEL_UP ? -3 : 3;
		return VIEW_HANDLED;
	}
	switch (view_key_command(detail_keys, k)) {
	case T_LINE: t->top += forward ? 1 : -1; break;
	case T_PAGE: t->top += forward ? page : -page; break;
	case T_ENDS:
		t->top = (!k->is_key && k->code == 'g') || (k->is_key && k->code == KEY_HOME) ? 0
										   : t->rows;
		break;
	case T_HELP:
		if (v->ops->keys)
			return VIEW_UNHANDLED;	/* the view's help, which app.c shows */
		return VIEW_HANDLED | VIEW_CLOSE;
	default:
		return VIEW_HANDLED | VIEW_CLOSE;
	}
	if (t->top < 0)
		t->top = 0;
	return VIEW_HANDLED;
}

static const struct view_ops text_ops = {
	.name = "text", .draw = draw_text, .key = text_key, .full_screen = 1,
};

static const struct view_ops detail_ops = {
	.name = N_("whole text"), .keys = detail_keys, .draw = draw_text, .key = text_key,
	.full_screen = 1,
};

static void run_as(struct text *t, const struct view_ops *ops)
{
	struct view v = { ops, t };

	t->top = -1;
	app_run(&v);
}

static void run(struct text *t)
{
	run_as(t, &text_ops);
}

void text_view_run_detail(const char *title, const char *const *lines, int n, int indent)
{
	struct text t = { .title = title, .lines = lines, .n = n, .indent = indent };

	run_as(&t, &detail_ops);
}

void text_view_run(const char *title, const char *const *lines, int n, int latest_last)
{
	struct text t = { .title = title, .lines = lines, .n = n, .latest_last = latest_last };

	run(&t);
}

void text_view_run_indented(const char *title, const char *const *lines, int n, int indent)
{
	struct text t = { .title = title, .lines = lines, .n = n, .indent = indent };

	run(&t);
}

/* A KPI's history (H): the same keys, and ? lists them. */
static const struct view_ops history_ops = {
	.name = N_("history"), .keys = detail_keys, .draw = draw_text, .key = text_key,
	.full_screen = 1,
};

void text_view_run_or(const char *title, const char *const *lines, int n, const char *empty)
{
	struct text t = { .title = title, .empty = empty, .lines = lines, .n = n, .latest_last = 1 };

	run_as(&t, &history_ops);
}

void text_lines_add(struct text_lines *l, const char *fmt, ...)
{
	va_list ap, again;
	int len;

	xgrow(&l->text, (size_t)l->n, sizeof *l->text);
	va_start(ap, fmt);
	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, ap);
	l->text[l->n] = xreallocarray(NULL, len > 0 ? (size_t)len + 1 : 1, 1);
	if (len < 0)
		l->text[l->n][0] = '\0';
	else
		vsnprintf(l->text[l->n], (size_t)len + 1, fmt, again);
	l->n++;
	va_end(again);
	va_end(ap);
}

void text_lines_free(struct text_lines *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		free(l->text[i]);
	free(l->text);
	l->text = NULL;
	l->n = 0;
}
