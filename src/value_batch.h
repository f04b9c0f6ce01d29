/* value_batch.h: an import's values written a chunk at a time, each
 * chunk in set-based statements that read it through a virtual table:
 * no statement per row. A chunk of values new to the store is one insert
 * (each value keeping its setting, schema version 4); any other chunk is
 * its history rows, then an upsert of the values. */
#ifndef KPITREE_VALUE_BATCH_H
#define KPITREE_VALUE_BATCH_H

#include "error.h"
#include "store.h"
#include "values.h"

struct value_batch;

/* A batch for an import in s's open transaction; now is the time its
 * history rows record. official, if not NULL, is who entered every
 * value and made every change, whatever name a row gives (kept beside
 * as the change's said_by); NULL lets each row's name stand. Returns
 * NULL with err filled on failure. */
struct value_batch *value_batch_new(struct store *s, const char *now, const char *official,
				    struct error *err);

/* Adds a value (the text is copied). A row whose key the chunk holds
 * already, or a full chunk, flushes the chunk first. Returns 0, or -1
 * with err filled. */
int value_batch_add(struct value_batch *b, long long kpi_id, int fiscal_year,
		    enum value_kind kind, double value, int decimals, const char *note,
		    const char *by, const char *at, struct error *err);

/* Writes what the chunk holds. Returns 0, or -1 with err filled. */
int value_batch_flush(struct value_batch *b, struct error *err);

/* How many values the batch has changed so far (each a history row or a
 * new value's setting). */
long value_batch_changed(const struct value_batch *b);

/* Frees b (without flushing); b may be NULL. */
void value_batch_free(struct value_batch *b);

#endif
