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

#endif
