/* busy.h: what the terminal shows while the store waits for a lock. */
#ifndef KPITREE_BUSY_H
#define KPITREE_BUSY_H

#include "store.h"

/* Shows the wait of s on the bottom line, with Escape to stop it (on),
 * or leaves s waiting quietly again (off). */
void busy_watch(struct store *s, int on);

#endif
