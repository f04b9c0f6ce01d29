/* csv_ahead.h: csv_read in a second thread, a few thousand records ahead
 * of the caller, who takes them one at a time in the same order. */
#ifndef KPITREE_CSV_AHEAD_H
#define KPITREE_CSV_AHEAD_H

#include <stddef.h>

#include "csv_read.h"

/* The most bytes a record's prepared result may take. */
#define CSV_AHEAD_PREPARED 64

struct csv_ahead;

/* Work done on a record in the reading thread, before the caller takes
 * it: writes into out (size bytes, zeroed), which the caller then finds
 * at record->prepared. It must read nothing but record and ctx. */
typedef void (*csv_prepare_fn)(const void *ctx, const struct csv_record *record, void *out);

/* Starts reading the source (as csv_read: path, data, len, encoding) in a
 * thread of its own. Returns NULL with err filled if the thread cannot
 * start. */
struct csv_ahead *csv_ahead_open(const char *path, const void *data, size_t len,
				 enum encoding encoding, struct error *err);

/* A source of records other than a CSV file (a workbook's sheet): reads
 * it all, handing each record to fn(ctx, record) as csv_read does, and
 * returns as csv_read does. */
typedef int (*csv_source_fn)(void *src, csv_record_fn fn, void *ctx, struct error *err);

/* csv_ahead_open for such a source: read(src, ...) runs in the thread. */
struct csv_ahead *csv_ahead_open_source(const char *name, csv_source_fn read, void *src,
					struct error *err);

/* The next record, valid until the next call; NULL when there are no
 * more: at the end, or where csv_read stopped on an error (which
 * csv_ahead_close gives). */
const struct csv_record *csv_ahead_next(struct csv_ahead *a);

/* From now on each record is first given to fn(ctx, record, out) in the
 * reading thread. Records read before this (already ahead) have prepared
 * NULL, and so may any other: the caller must do the work itself then.
 * ctx must not change while the reading goes on. out is aligned for any
 * type; a size over CSV_AHEAD_PREPARED prepares nothing. */
void csv_ahead_prepare(struct csv_ahead *a, csv_prepare_fn fn, const void *ctx, size_t size);

/* Stops the reading if it is not over, waits for the thread and frees a.
 * Returns 0 if csv_ahead_next has returned NULL at the end, or csv_read's
 * -1 with err filled if it returned NULL where reading stopped on an
 * error (after every record before it). Returns 1, err untouched, if the
 * caller stopped before csv_ahead_next returned NULL. */
int csv_ahead_close(struct csv_ahead *a, struct error *err);

#endif
