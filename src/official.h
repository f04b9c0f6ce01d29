/* official.h: the official at the keyboard, as an interface sees them: which
 * KPIs they may enter values for, and the ones still due, to walk. */
#ifndef KPITREE_OFFICIAL_H
#define KPITREE_OFFICIAL_H

#include <stddef.h>

#include "session.h"
#include "due.h"

/* Why the official may not do action (ACCESS_EDIT: enter values;
 * ACCESS_EVALUATE: record a meeting's evaluation) on the KPI with code
 * (the refusal logged), in why; or NULL when they may. */
const char *official_refusal(struct session *session, enum access_action action, const char *code,
			     char *why, size_t size);

/* The KPIs in the official's scope that lack the due year's actual,
 * walked one after the other. */
struct official_due {
	int year;
	struct due_list *list;	/* the core's, kept up to date */
	const char (*codes)[32];	/* the list's */
	int n;
	int at;			/* the last walked is the at-th (from 1) */
	char last[32];		/* its code */
};

/* Reads what is due now into d, keeping where the walk is. Returns 0,
 * or -1 (d then empty). */
int official_due_load(struct official_due *d, struct session *session);

/* The next due KPI's code (after the last one walked, round), or NULL
 * when nothing is due; d->at says which of d->n it is. */
const char *official_due_next(struct official_due *d);

void official_due_free(struct official_due *d);

#endif
