/* dialog.h: the small dialogs, each a view on top of the one that asks:
 * a line of input at the bottom, a list to choose from, a y/n question. */
#ifndef KPITREE_DIALOG_H
#define KPITREE_DIALOG_H

#include <stddef.h>

/* Reads a line at the bottom after prefix into buf (which may hold a
 * start); change (when not NULL) is called with the text after every
 * key, and returns 1 when it changed what the views below show. Returns
 * 1 on Enter, 0 on Escape. */
int dialog_prompt(const char *prefix, char *buf, size_t size,
		  int (*change)(void *ctx, const char *text), void *ctx);

/* A list of n options in a box in the middle, the cursor on current (-1:
 * on none, until j or ↓ moves it to the first; Enter picks nothing
 * then); j k ↓ ↑ move, Enter picks, Escape or q cancels. Returns the
 * index, or -1. */
int dialog_choose(const char *title, const char *const *options, int n, int current);

/* y or n on the status line (question NULL: the view below shows it);
 * Escape means n. */
int dialog_ask(const char *question);

#endif
