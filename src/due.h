/* due.h: what an official still owes: the KPIs in their scope that lack
 * the actual of a fiscal year (by default last year's). */
#ifndef KPITREE_DUE_H
#define KPITREE_DUE_H

#include "access.h"
#include "error.h"
#include "store.h"

/* The year whose actuals are due now: the fiscal year before today's. */
int due_year(void);

/* Calls fn for each KPI in id's scope (id NULL or without scope: every
 * KPI) that is due at year and has no actual for it, by code. A
 * strategy KPI is due in the years after its baseline up to its
 * target's; a grant project's KPI in the years it has a plan for.
 * Returns how many, or -1 with err filled. */
int due_each(struct store *s, const struct access_identity *id, int year,
	     void (*fn)(void *ctx, const struct access_kpi *k), void *ctx, struct error *err);

/* What is due, kept: loaded once, then brought up to date from what
 * changed since (another official's commit, or one's own). */
struct due_list;

struct due_list *due_list_new(void);

void due_list_free(struct due_list *d);

/* Brings d to what due_each would give for id at year: from the history
 * written since d was last brought up to date (each KPI it touched is
 * looked at again), or counted whole when that cannot tell (the first
 * time, another year or identity, an import that changed KPIs or set
 * values). id must stay valid while d is used. Returns the number due,
 * or -1 with err filled (d then empty). */
int due_list_update(struct due_list *d, struct store *s, const struct access_identity *id,
		    int year, struct error *err);

/* The due KPIs' codes, in code order: n of them, each up to 31 bytes. */
const char (*due_list_codes(const struct due_list *d, int *n))[32];

/* Whether the last update was whole (a count), not from the changes. */
int due_list_was_whole(const struct due_list *d);

#endif
