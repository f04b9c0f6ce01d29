/* app.c: the one loop of the terminal program: the terminal started
 * and stopped, a stack of views painted bottom up, the key to the view
 * in front and then to the global keys, idle work between keys for
 * every view on the stack, and the help made from a view's key table. */
#include "app.h"
#include "alloc.h"
#include "i18n.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "draw.h"
#include "text_view.h"
#include "width.h"

/* Last: term.h defines macros (lines, columns) that would clash above. */
#include <term.h>

#define STACK_MAX 16

static struct view *stack[STACK_MAX];
static int depth;
static int quitting;
static SCREEN *screen;
static void (*watch)(void *ctx, int keyed);
static void *watch_ctx;
/* The views below the one in front are on the screen as they stand. */
static int fresh;

/* Keys timed (app_time_keys): each key's milliseconds, as many as fit,
 * and how many more were not kept. */
#define TIMED_MAX 4096
static struct {
	int on, n, more, pending;
	struct timespec taken;
	double ms[TIMED_MAX];
} timed;

/* What a terminal whose TERM this machine's terminfo does not know is
 * drawn as: PuTTY, Tera Term, Windows Terminal and macOS's Terminal all
 * emulate xterm, and may name themselves otherwise (putty, teraterm). */
static const char fallback_term[] = "xterm";

int app_start(int mouse)
{
	const char *term = getenv("TERM");
	int termerr = 1, fallback = 0;
	char *cup;

	/* Ask terminfo first: initscr exits the program when the terminal
	 * is unknown, and newterm, failing, leaks what it had set up; a
	 * failing command must say why on its own terms. A TERM that names
	 * no terminfo entry, on a terminal, falls back; none, or output
	 * that is no terminal, does not. */
	if (setupterm(NULL, fileno(stdout), &termerr) != OK) {
		if (termerr != 0 || !term || !*term || !isatty(fileno(stdout)) ||
		    setupterm(fallback_term, fileno(stdout), &termerr) != OK)
			return APP_NO_TERMINAL;
		fallback = 1;
	}
	/* a terminal that cannot put the cursor where it is told (dumb, a
	 * printing terminal) cannot draw the browser */
	cup = tigetstr("cup");
	del_curterm(cur_term);
	if (!cup || cup == (char *)-1)
		return APP_NO_TERMINAL;
	/* keys come from a terminal: from a file or a pipe at its end, the
	 * loop would read nothing for ever (ssh -T gives no terminal) */
	if (!isatty(fileno(stdin)))
		return APP_NO_KEYBOARD;
	screen = newterm(fallback ? fallback_term : NULL, stdout, stdin);
	if (!screen)
		return APP_NO_TERMINAL;
	draw_start_colors();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	/* Home and End as PuTTY and Tera Term send them (VT220's Find and
	 * Select), and as xterm does outside its keypad mode, whatever the
	 * terminfo entry of TERM=xterm says: else the ESC before them reads
	 * as Escape, which closes a form, and [ as the year before. */
	define_key("\033[1~", KEY_HOME);
	define_key("\033[4~", KEY_END);
	define_key("\033[7~", KEY_HOME);
	define_key("\033[8~", KEY_END);
	define_key("\033[H", KEY_HOME);
	define_key("\033[F", KEY_END);
	app_cursor(0);
	set_escdelay(25);
	if (mouse) {
		/* a press, not a click: a click waits to tell itself from a
		 * double one */
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
			  | BUTTON5_PRESSED
#endif
			  , NULL);
		mouseinterval(0);
	}
	/* without memory the terminal is given back before it is said */
	alloc_on_failure(app_stop);
	return fallback;
}

void app_cursor(int shown)
{
	curs_set(shown);
	/* A hidden cursor is left where the last change was drawn: taking it
	 * back to where the program last moved costs bytes at every key, and
	 * over a slow SSH link those are what a cursor move is made of. */
	leaveok(stdscr, shown ? FALSE : TRUE);
}

void app_stop(void)
{
	if (!screen)
		return;
	alloc_on_failure(NULL);
	endwin();
	delscreen(screen);
	screen = NULL;
}

void app_touch(void)
{
	fresh = 0;
}

void app_quit(void)
{
	quitting = 1;
}

int app_quitting(void)
{
	return quitting;
}

void app_watch(void (*fn)(void *ctx, int keyed), void *ctx)
{
	watch = fn;
	watch_ctx = ctx;
}

/* Paints the stack from the last view that covers the screen up. */
static void paint(void)
{
	int i, from = 0;

	for (i = 0; i < depth; i++)
		if (stack[i]->ops->full_screen)
			from = i;
	if (fresh)
		from = depth - 1;
	fresh = 1;
	for (i = from; i < depth; i++) {
		if (stack[i]->ops->stale && stack[i]->ops->load && stack[i]->ops->stale(stack[i]))
			stack[i]->ops->load(stack[i]);
		stack[i]->ops->draw(stack[i]);
		if (!stack[i]->ops->own_window)
			wnoutrefresh(stdscr);
	}
	doupdate();
	if (timed.pending) {
		struct timespec now;

		clock_gettime(CLOCK_MONOTONIC, &now);
		timed.pending = 0;
		if (timed.n < TIMED_MAX)
			timed.ms[timed.n++] = (double)(now.tv_sec - timed.taken.tv_sec) * 1000 +
					      (double)(now.tv_nsec - timed.taken.tv_nsec) / 1e6;
		else
			timed.more++;
	}
}

void app_time_keys(void)
{
	timed.on = 1;
}

void app_key_times_report(FILE *f)
{
	int i;

	for (i = 0; i < timed.n; i++)
		fprintf(f, _("key %d: %.2f ms\n"), i + 1, timed.ms[i]);
	if (timed.more)
		fprintf(f, _("%d more keys, not timed\n"), timed.more);
}

/* The shortest wait any view asks for (-1: forever). */
static int wait_ms(void)
{
	int i, ms = -1;

	for (i = 0; i < depth; i++) {
		int w = stack[i]->ops->wait ? stack[i]->ops->wait(stack[i]) : -1;

		if (w >= 0 && (ms < 0 || w < ms))
			ms = w;
	}
	return ms;
}

static void idle(void)
{
	int i;

	fresh = 0;
	for (i = 0; i < depth; i++)
		if (stack[i]->ops->idle)
			stack[i]->ops->idle(stack[i]);
}

static void pop(void)
{
	struct view *v = stack[--depth];

	fresh = 0;
	if (v->ops->close)
		v->ops->close(v);
	if (depth && stack[depth - 1]->ops->select)
		stack[depth - 1]->ops->select(stack[depth - 1]);
}

/* Whether the key named by name (len bytes, a name of view.h) is k. */
static int key_named(const char *name, size_t len, const struct key *k)
{
	static const struct {
		const char *name;
		int is_key;
		int code;
	} names[] = {
		{ "↓", 1, KEY_DOWN }, { "↑", 1, KEY_UP }, { "←", 1, KEY_LEFT }, { "→", 1, KEY_RIGHT },
		{ "PgDn", 1, KEY_NPAGE }, { "PgUp", 1, KEY_PPAGE }, { "Home", 1, KEY_HOME },
		{ "End", 1, KEY_END }, { "S-Tab", 1, KEY_BTAB }, { "Del", 1, KEY_DC },
		{ "Backspace", 1, KEY_BACKSPACE }, { "Backspace", 0, 127 }, { "Backspace", 0, 8 },
		{ "Enter", 0, '\n' }, { "Enter", 0, '\r' }, { "Enter", 1, KEY_ENTER },
		{ "Esc", 0, 27 }, { "Space", 0, ' ' }, { "Tab", 0, '\t' },
	};
	size_t i;

	if (len == 1)
		return !k->is_key && k->code == (wint_t)(unsigned char)*name;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i].name) == len && strncmp(names[i].name, name, len) == 0 &&
		    names[i].is_key == !!k->is_key && k->code == (wint_t)names[i].code)
			return 1;
	return 0;
}

int view_key_command(const struct view_key *keys, const struct key *k)
{
	int i;

	for (i = 0; keys[i].keys; i++) {
		const char *p = keys[i].keys;

		while (*p) {
			size_t len = strcspn(p, " ");

			if (len && key_named(p, len, k))
				return keys[i].command;
			p += len + (p[len] == ' ');
		}
	}
	return 0;
}

/* The keys every view has unless it takes them: ? its help, C-l. */
static int global_key(struct view *v, const struct key *k)
{
	if (k->is_key)
		return VIEW_UNHANDLED;
	if (k->code == '?' && v->ops->keys) {
		app_help(v);
		return VIEW_HANDLED;
	}
	if (k->code == 12)
		return VIEW_HANDLED | VIEW_REDRAW;
	return VIEW_UNHANDLED;
}

int app_run(struct view *v)
{
	int base = depth;

	if (depth == STACK_MAX || (v->ops->load && v->ops->load(v) < 0)) {
		if (v->ops->close)
			v->ops->close(v);
		return -1;
	}
	/* what is below stays as painted: a view pushed paints over it */
	stack[depth++] = v;
	while (depth > base && !quitting) {
		struct view *top = stack[depth - 1];
		struct key k;
		int r;

		paint();
		if (input_next(&k, wait_ms()) < 0) {
			idle();
			if (watch)
				watch(watch_ctx, 0);
			continue;
		}
		if (k.is_key && k.code == KEY_RESIZE) {
			fresh = 0;
			continue;
		}
		if (timed.on) {
			clock_gettime(CLOCK_MONOTONIC, &timed.taken);
			timed.pending = 1;
		}
		r = top->ops->key(top, &k);
		if (!(r & VIEW_HANDLED))
			r = global_key(top, &k);
		if (r & (VIEW_REDRAW | VIEW_RELOAD | VIEW_BELOW))
			fresh = 0;
		if (r & VIEW_REDRAW)
			clearok(curscr, TRUE);
		if ((r & VIEW_RELOAD) && top->ops->load)
			top->ops->load(top);
		if ((r & VIEW_CLOSE) && depth > base && stack[depth - 1] == top)
			pop();
		if (watch)
			watch(watch_ctx, 1);
	}
	while (depth > base)
		pop();
	return 0;
}

void app_help_lines(const char *title, const char *const *rows, int n)
{
	/* a help's lines wrap under its text, past the key column */
	text_view_run_indented(title, rows, n, 15);
}

void app_help(const struct view *v)
{
	struct text_lines l = { 0 };
	char title[TEXT_MAX];
	int n;

	for (n = 0; v->ops->keys[n].keys; n++) {
		char padded[128];

		/* padded by display width: ↓ is one column of three bytes */
		width_cut(v->ops->keys[n].keys, 14, 1, padded, sizeof padded);
		text_lines_add(&l, "%s %s", padded, _(v->ops->keys[n].help));
	}
	snprintf(title, sizeof title, _("kpitree — %s keys"), _(v->ops->name));
	app_help_lines(title, (const char *const *)l.text, l.n);
	text_lines_free(&l);
}
