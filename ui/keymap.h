/* keymap.h: which key does which action (vi keys and arrows alike). */
#ifndef KPITREE_KEYMAP_H
#define KPITREE_KEYMAP_H

#include <stddef.h>

#include "action.h"
#include "input.h"

/* The action of a key, or ACT_NONE. */
enum action keymap_action(const struct key *k);

/* The keys bound to action, as the help writes them ("j ↓"). */
char *keymap_keys(enum action action, char *buf, size_t size);

#endif
