/* app.h: the terminal program's one loop: the terminal started and
 * stopped, the stack of views and dialogs, the idle work of every view
 * in it, and the global keys (? help, C-l redraw). */
#ifndef KPITREE_APP_H
#define KPITREE_APP_H

#include "view.h"

#include <stdio.h>

enum { APP_NO_TERMINAL = -1, APP_NO_KEYBOARD = -2 };

/* Starts the terminal, with the mouse's clicks and wheel read as keys
 * (KEY_MOUSE) when mouse is set. Returns 0; 1 when TERM names a terminal that
 * terminfo does not know, which is then drawn as xterm;
 * APP_NO_TERMINAL when there is none to draw on (no TERM, output that
 * is no terminal, a terminal that cannot move its cursor); or
 * APP_NO_KEYBOARD when standard input is no terminal. */
int app_start(int mouse);

/* Shows the terminal's cursor where the program moves it (1: a field
 * being typed in) or hides it (0: browsing), left where drawing ended. */
void app_cursor(int shown);

/* Stops the terminal (again: nothing). */
void app_stop(void);

/* Pushes v, loads it, and runs the loop until v closes (or the program
 * quits: app_quit); the views below stay, drawn under it and idle.
 * Returns 0, or -1 when v's load failed (v then closed). */
int app_run(struct view *v);

/* The views on the stack changed outside a key of theirs (before a
 * dialog is pushed over them): all are painted again. */
void app_touch(void);

/* Ends every loop: each app_run returns, its view closed. */
void app_quit(void);

/* Whether app_quit was called. */
int app_quitting(void);

/* Called after every key and every idle turn (keyed says which), for
 * what watches the whole session (rights, idleness); NULL: nothing. */
void app_watch(void (*fn)(void *ctx, int keyed), void *ctx);

/* Times each key from when it is taken to the end of the screen's
 * update that follows it (browse --key-times): what a key costs, less
 * the program's start and the terminal's transit. */
void app_time_keys(void);

/* Prints each key's time (app_time_keys), one line a key, to f. */
void app_key_times_report(FILE *f);

/* The help screen of title and its lines, until a key. */
void app_help_lines(const char *title, const char *const *lines, int n);

/* The help of a view: its key table, each key with what it does. */
void app_help(const struct view *v);

#endif
