/* browser.h: the full-screen browser of the strategy tree. It takes a
 * session and what the command line read for it; it never sees argv. */
#ifndef KPITREE_BROWSER_H
#define KPITREE_BROWSER_H

#include <stddef.h>

#include "session.h"

struct browse_options {
	const char *year;	/* the fiscal year shown, or NULL: last year */
	const char *keys;	/* keystrokes to play first (tmux key names) */
	const char *ambiguous;	/* "1" or "2": columns of ①, ■, →; NULL: 1 */
	const char *cursor;	/* "bar" or "arrow"; NULL: bar */
	int mouse;		/* clicks and the wheel are the browser's */
	int key_times;		/* each key's time, on standard error at the end */
};

/* Runs the browser on the session's open store until q. Returns 0, or
 * -1 with why (an option refused, no terminal, the session ended over
 * SSH, the database found damaged). */
int browser_run(struct session *s, const struct browse_options *o, char *why, size_t size);

#endif
