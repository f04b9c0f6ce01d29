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
	CSV_WHOLE,		/* a count or a number as %lld writes it (3) */
	CSV_YEAR,		/* a fiscal year, Gregorian (2025); in a header row: the
				 * column holds fiscal years */
	CSV_DATE,		/* a date, 2025-06-10 */
	CSV_TIME,		/* a UTC time, 2025-04-01T09:00:00Z */
	CSV_PERCENT		/* a whole percentage, 57% */
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
	int inert;		/* f is a terminal: each cell made inert (inert.h) */
};

/* Whether CSV for f is for a person's eyes: a terminal, where stored text
 * must not drive it; into a file or a pipe CSV is data, kept byte for
 * byte. */
int csv_for_terminal(FILE *f);

void csv_put_cell(struct csv_writer *w, const char *text);

/* A cell holding a number, a year, a date or a time, what saying which
 * (written as csv_put_cell does in CSV). */
void csv_put_number(struct csv_writer *w, const char *text, enum csv_cell what);

/* Ends the row: LF, or CRLF for Excel. */
void csv_end_row(struct csv_writer *w);

/* Writes cells (NULL-terminated) as one row. */
void csv_put_row(struct csv_writer *w, const char *const *cells);

#endif
