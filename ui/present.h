/* present.h: presentation mode: a meeting's agenda one item a screen,
 * large and uncluttered for a projector, where the room's evaluation,
 * comments and action items are recorded as it goes. */
#ifndef KPITREE_PRESENT_H
#define KPITREE_PRESENT_H

#include <stddef.h>

#include "session.h"

/* Presents meeting id of the session's store from item `start` (0-based)
 * until q or Escape; records as the session's user, where the store is writable and the
 * official's role and scope reach the KPI (else says why). Returns the
 * item shown last; a message for the status line goes to message. */
int present_run(struct session *session, long long id, int start, char *message, size_t size);

#endif
