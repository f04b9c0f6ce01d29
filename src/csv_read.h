/* csv_read.h: RFC 4180 records from a text source, with libcsv, each
 * with the line it starts on; errors at FILE:LINE:COLUMN. */
#ifndef KPITREE_CSV_READ_H
#define KPITREE_CSV_READ_H

#include <stddef.h>

#include "encoding.h"
#include "error.h"

/* A cell longer than this is an error, not a record. */
#define CSV_MAX_CELL (64 * 1024)

struct csv_field {
	const char *text;	/* NUL-terminated UTF-8 */
	size_t len;
};

struct csv_record {
	long line;		/* where the record starts, from 1 */
	size_t n;
	const struct csv_field *fields;
	const void *prepared;	/* csv_ahead's work on it, or NULL */
};

/* Called for each record; fields live until it returns. A non-zero return
 * stops the reading, and csv_read returns it. */
typedef int (*csv_record_fn)(void *ctx, const struct csv_record *record);

/* Reads every record of the source (see text_open for path, data, len
 * and encoding), LF or CRLF, in order, streaming. Blank lines are
 * skipped. A cell's leading ' before =, +, -, @, a tab, a CR or a ' is
 * left out: the guard against formulas that csv_put_cell writes
 * (csv_write.h), so that what was exported imports as it was. Returns 0 when all were read, fn's non-zero return, or -1 with
 * err at FILE:LINE:COLUMN, COLUMN being the CSV column (the cell's
 * number, from 1): "unclosed quote" (at the line where the cell opens),
 * "a quote inside an unquoted cell", "cell longer than 65536 bytes",
 * "empty file" (no record at all; at FILE only), or the text source's
 * encoding errors. */
int csv_read(const char *path, const void *data, size_t len, enum encoding encoding,
	     csv_record_fn fn, void *ctx, struct error *err);

#endif
