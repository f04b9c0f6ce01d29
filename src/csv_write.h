/* csv_write.h: writing RFC 4180 CSV cells (quoted only where needed),
 * plain or for Excel (CRLF). */
#ifndef KPITREE_CSV_WRITE_H
#define KPITREE_CSV_WRITE_H

#include <stdio.h>

#include "error.h"

/* What a cell holds, for a sink. */
enum csv_cell {
	CSV_TEXT,		/* text, kept as it is (codes keep their zeros) */
	CSV_QUANTITY,		/* a number as number_format writes it (1511, 31.2) */
	CSV_WHOLE		/* a count or a year as %lld writes it (2025, 3) */
};

/* Where the rows go instead of f, for another format (xlsx_write.c):
 * each cell's text and what it holds. */
struct csv_sink {
	void (*cell)(void *ctx, const char *text, enum csv_cell what);
	void (*end_row)(void *ctx);
	void *ctx;
};

struct csv_writer {
	FILE *f;
	int excel;		/* CRLF line ends */
	int cells;		/* in the current row */
	const struct csv_sink *sink;	/* NULL: CSV into f */
};

void csv_put_cell(struct csv_writer *w, const char *text);

/* A cell holding a number, what being CSV_QUANTITY or CSV_WHOLE
 * (written as csv_put_cell does in CSV). */
void csv_put_number(struct csv_writer *w, const char *text, enum csv_cell what);

/* Ends the row: LF, or CRLF for Excel. */
void csv_end_row(struct csv_writer *w);

/* Writes cells (NULL-terminated) as one row. */
void csv_put_row(struct csv_writer *w, const char *const *cells);

#endif
