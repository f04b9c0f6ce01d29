/* history.h: a KPI's whole history, line by line, as `kpitree history`
 * prints it and the browser's H shows it: one source for both. */
#ifndef KPITREE_HISTORY_H
#define KPITREE_HISTORY_H

#include "error.h"
#include "store.h"

/* Calls fn with each line of the history of the KPI kpi_id, in the
 * interface's language, made inert: its values' changes (with their
 * notes), then the changes imports made to its own fields, to the menus
 * of its rows and to the text of those rows and the rows above them,
 * then what meetings recorded of it; each part oldest first. Returns the
 * number of lines, or -1 with err filled. */
long history_lines(struct store *s, long long kpi_id,
		   void (*fn)(void *ctx, const char *line), void *ctx, struct error *err);

/* The line said in place of a history with no line. */
const char *history_empty(void);

#endif
