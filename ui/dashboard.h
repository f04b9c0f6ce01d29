/* dashboard.h: every KPI of a tree in one table, with counts by status
 * per project and per 主要分野; sort, filter, and Enter to go to a KPI. */
#ifndef KPITREE_DASHBOARD_H
#define KPITREE_DASHBOARD_H

#include <stddef.h>

#include "review.h"
#include "store.h"

/* Shows the KPIs of scope at year under title until q or Escape (returns
 * 0), or Enter on a KPI (returns 1 with its code in code). Errors go to
 * message. */
int dashboard_run(struct store *s, const struct review_scope *scope, const char *title,
		  int year, char *code, size_t size, char *message, size_t msize);

#endif
