/* dialog.c: a line of input, a list to choose from and a y/n question,
 * as views run on top of whatever asked (app.c). */
#include "dialog.h"
#include "i18n.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app.h"
#include "draw.h"
#include "width.h"

/* --- a line of input ---------------------------------------------------- */

struct prompt {
	const char *prefix;
	char *buf;
	size_t size, len;
	int (*change)(void *ctx, const char *text);
	void *ctx;
	int entered;
};

static void draw_prompt(struct view *v)
{
	const struct prompt *p = v->data;
	char line[TEXT_MAX];

	snprintf(line, sizeof line, "%s%s", p->prefix, p->buf);
	put(LINES - 1, 0, COLS, line, 0);
	move(LINES - 1, width_of(line) < COLS ? width_of(line) : COLS - 1);
	app_cursor(1);
}

static int prompt_key(struct view *v, const struct key *k)
{
	struct prompt *p = v->data;

	app_cursor(0);
	if (!k->is_key && k->code == 27)
		return VIEW_HANDLED | VIEW_CLOSE;
	if (!k->is_key && (k->code == '\n' || k->code == '\r')) {
		p->entered = 1;
		return VIEW_HANDLED | VIEW_CLOSE;
	}
	if ((k->is_key && k->code == KEY_BACKSPACE) ||
	    (!k->is_key && (k->code == 127 || k->code == 8))) {
		while (p->len > 0 && ((unsigned char)p->buf[p->len - 1] & 0xC0) == 0x80)
			p->len--;
		if (p->len > 0)
			p->len--;
		p->buf[p->len] = '\0';
	} else if (!k->is_key && k->code >= 0x20) {
		char mb[MB_LEN_MAX];
		mbstate_t st;
		size_t n;

		memset(&st, 0, sizeof st);
		n = wcrtomb(mb, (wchar_t)k->code, &st);
		if (n != (size_t)-1 && p->len + n < p->size) {
			memcpy(p->buf + p->len, mb, n);
			p->len += n;
			p->buf[p->len] = '\0';
		}
	}
	return VIEW_HANDLED | (p->change && p->change(p->ctx, p->buf) ? VIEW_BELOW : 0);
}

static const struct view_ops prompt_ops = {
	.name = "input", .draw = draw_prompt, .key = prompt_key,
};

int dialog_prompt(const char *prefix, char *buf, size_t size,
		  int (*change)(void *ctx, const char *text), void *ctx)
{
	struct prompt p = { prefix, buf, size, strlen(buf), change, ctx, 0 };
	struct view v = { &prompt_ops, &p };

	app_run(&v);
	app_cursor(0);
	return p.entered;
}

/* --- a list to choose from ---------------------------------------------- */

struct choice {
	const char *title;
	const char *const *options;
	int n, current, picked;
	int top, rows;		/* the first option shown, and how many fit */
};

static void draw_choice(struct view *v)
{
	struct choice *c = v->data;
	int i, w = width_of(c->title) + 6, h, y, x;

	for (i = 0; i < c->n; i++)
		if (width_of(c->options[i]) + 6 > w)
			w = width_of(c->options[i]) + 6;
	if (w > COLS)
		w = COLS;
	h = c->n + 4 < LINES ? c->n + 4 : LINES;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	for (i = 0; i < h; i++)
		put(y + i, x, w, "", 0);
	frame(y, x, h, w, c->title, 1);
	/* more options than fit scroll, the chosen one always in view */
	c->rows = h - 4 > 1 ? h - 4 : 1;
	if (c->current < c->top)
		c->top = c->current > 0 ? c->current : 0;
	if (c->current >= c->top + c->rows)
		c->top = c->current - c->rows + 1;
	if (c->top > c->n - c->rows)	/* a taller screen shows more above */
		c->top = c->n - c->rows > 0 ? c->n - c->rows : 0;
	for (i = 0; c->top + i < c->n && i < c->rows; i++) {
		int o = c->top + i;
		char line[TEXT_MAX];

		snprintf(line, sizeof line, "%s %s", o == c->current ? ">" : " ", c->options[o]);
		put(y + 1 + i, x + 1, w - 2, line, o == c->current ? A_REVERSE : 0);
	}
	if (c->n > c->rows) {
		char more[TEXT_MAX];

		snprintf(more, sizeof more, _(" Enter: choose  Esc: cancel  (%d/%d)"), c->current + 1,
			 c->n);
		put(y + h - 2, x + 1, w - 2, more, A_DIM);
	} else {
		put(y + h - 2, x + 1, w - 2, _(" Enter: choose  Esc: cancel"), A_DIM);
	}
}

static int choice_key(struct view *v, const struct key *k)
{
	struct choice *c = v->data;

	if (k->is_key ? k->code == KEY_DOWN : (k->code == 'j'))
		c->current = c->current + 1 < c->n ? c->current + 1 : c->current;
	else if (k->is_key ? k->code == KEY_UP : (k->code == 'k'))
		c->current = c->current > 0 ? c->current - 1 : 0;
	else if (k->is_key ? k->code == KEY_NPAGE : k->code == ' ')
		c->current = c->current + c->rows < c->n ? c->current + c->rows : c->n - 1;
	else if (k->is_key && k->code == KEY_PPAGE)
		c->current = c->current > c->rows ? c->current - c->rows : 0;
	else if (k->is_key ? k->code == KEY_HOME : k->code == 'g')
		c->current = 0;
	else if (k->is_key ? k->code == KEY_END : k->code == 'G')
		c->current = c->n - 1;
	else if (!k->is_key && (k->code == '\n' || k->code == '\r'))
		c->picked = c->current;	/* -1 (none chosen yet): stays open */
	else if (!k->is_key && (k->code == 27 || k->code == 'q'))
		return VIEW_HANDLED | VIEW_CLOSE;
	else
		return VIEW_UNHANDLED;
	return c->picked >= 0 ? VIEW_HANDLED | VIEW_CLOSE : VIEW_HANDLED;
}

static const struct view_ops choice_ops = {
	.name = "choice", .draw = draw_choice, .key = choice_key,
};

int dialog_choose(const char *title, const char *const *options, int n, int current)
{
	struct choice c = { title, options, n, current < -1 || current >= n ? 0 : current, -1, 0, 1 };
	struct view v = { &choice_ops, &c };

	app_run(&v);
	return c.picked;
}

/* --- y or n ------------------------------------------------------------- */

struct question {
	const char *text;
	int answer;
};

static void draw_question(struct view *v)
{
	const struct question *q = v->data;
	char line[TEXT_MAX + 8];

	if (!q->text)
		return;
	snprintf(line, sizeof line, _("%.1000s  y/n"), q->text);
	put(LINES - 1, 0, COLS, line, A_REVERSE | A_BOLD);
}

/* y or n; any other key waits on */
static int question_key(struct view *v, const struct key *k)
{
	struct question *q = v->data;

	if (k->is_key)
		return VIEW_HANDLED;
	if (k->code == 'y' || k->code == 'Y')
		q->answer = 1;
	else if (k->code == 'n' || k->code == 'N' || k->code == 27)
		q->answer = 0;
	else
		return VIEW_HANDLED;
	return VIEW_HANDLED | VIEW_CLOSE;
}

static const struct view_ops question_ops = {
	.name = "y/n", .draw = draw_question, .key = question_key,
};

/* Asked in the view below (the form): nothing of its own to paint, and
 * the cursor stays where that view put it. */
static const struct view_ops silent_question_ops = {
	.name = "y/n", .draw = draw_question, .key = question_key, .own_window = 1,
};

int dialog_ask(const char *question)
{
	struct question q = { question, 0 };
	struct view v = { question ? &question_ops : &silent_question_ops, &q };

	app_run(&v);
	return q.answer;
}
