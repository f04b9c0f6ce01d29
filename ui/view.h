/* view.h: a screen or a dialog of the terminal program as a table of
 * functions, which app.c stacks and runs in its one loop: the view on
 * top sees a key first, then the program's global keys; each view draws
 * only from what it holds, and the loop paints the stack bottom up (after
 * a key, only the view in front, unless it says those below changed). */
#ifndef KPITREE_VIEW_H
#define KPITREE_VIEW_H

#include <stddef.h>

#include "input.h"

/* What a view's key did, as flags. */
enum {
	VIEW_UNHANDLED = 0,
	VIEW_HANDLED = 1 << 0,	/* the key was the view's */
	VIEW_REDRAW = 1 << 1,	/* draw everything again (C-l) */
	VIEW_RELOAD = 1 << 2,	/* read the store again, then draw */
	VIEW_CLOSE = 1 << 3,	/* the view is done: off the stack */
	VIEW_BELOW = 1 << 4	/* the views below changed too: paint them again */
};

/* A key of a view as its help lists it: the keys ("j ↓"), what they do
 * (N_() text), and the view's own number for it (0: none, as ? or the
 * keys a field edits). The help of whatever is in front is made from
 * these, and the view's keys are found in them (view_key_command): a key
 * works only as its view's table says. Key names: a character, Space,
 * Tab, S-Tab, Enter, Esc, Backspace, Del, Home, End, PgDn, PgUp, and
 * the arrows ↓ ↑ ← →. */
struct view_key {
	const char *keys;
	const char *help;
	int command;
};

/* The command of the first entry of keys (ended by { NULL }) whose keys
 * name k, or 0. */
int view_key_command(const struct view_key *keys, const struct key *k);

struct view;

struct view_ops {
	const char *name;
	const struct view_key *keys;	/* its key table, ended by { NULL, NULL } */
	/* reads the store into the view (no curses); returns 0, or -1 */
	int (*load)(struct view *v);
	/* whether what the view holds is out of date (what it shows moved,
	 * or the store changed): load is then called before it is painted;
	 * NULL: loaded when pushed and on VIEW_RELOAD only */
	int (*stale)(struct view *v);
	/* paints the view from what it holds */
	void (*draw)(struct view *v);
	/* a key; returns VIEW_* flags */
	int (*key)(struct view *v, const struct key *k);
	/* how long to wait for a key before idle is called (ms; 0: at
	 * once, work is going on; -1: forever); NULL: forever */
	int (*wait)(struct view *v);
	/* between keys: the work that goes on; NULL: none */
	void (*idle)(struct view *v);
	/* after a view above it closed */
	void (*select)(struct view *v);
	/* frees what the view holds; NULL: nothing */
	void (*close)(struct view *v);
	int full_screen;	/* covers every view below: they are not drawn */
	int own_window;		/* draws into a window of its own, which it refreshes */
};

struct view {
	const struct view_ops *ops;
	void *data;
};

#endif
