/* present.h: presentation mode: a meeting's agenda one item a screen,
 * large and uncluttered for a projector, where the room's evaluation,
 * comments and action items are recorded as it goes. */
#ifndef KPITREE_PRESENT_H
#define KPITREE_PRESENT_H

#include <stddef.h>

#include "store.h"

/* Presents meeting id from item `start` (0-based) until q or Escape;
 * records as user unless read_only (then says why). Returns the item
 * shown last; a message for the status line goes to message. */
int present_run(struct store *s, long long id, int start, const char *user, int read_only,
		char *message, size_t size);

#endif
