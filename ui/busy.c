/* busy.c: while the store waits for another session's write: the bottom
 * line says what the browser is waiting for and for how long, and Escape
 * stops the wait (the save fails, what was typed stays in the form). Keys
 * typed meanwhile are kept for after it. */
#include "busy.h"

#include <curses.h>
#include <stdio.h>

#include "app.h"
#include "draw.h"
#include "i18n.h"
#include "input.h"

static int waiting(void *ctx, long waited_ms)
{
	char line[256];

	(void)ctx;
	if (waited_ms < 0) {
		/* the wait is over: the screen as the views draw it again */
		app_touch();
		return 0;
	}
	/* Escape typed since, wherever among other keys; they wait their
	 * turn, after the save */
	if (input_take_escape())
		return 1;
	snprintf(line, sizeof line,
		 _("waiting %ld s for another session writing to the database; Escape stops"),
		 waited_ms / 1000);
	put(LINES - 1, 0, COLS, line, A_REVERSE);
	refresh();
	return 0;
}

void busy_watch(struct store *s, int on)
{
	store_on_busy(s, on ? waiting : NULL, NULL, 0);
}
