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

/* The characters a spreadsheet takes a cell to be a formula by when it
 * starts with one (=, +, -, @, a tab, a CR). */
#define CSV_FORMULA_STARTS "=+-@\t\r"

/* Whether a text cell is written with a ' before it, as OWASP advises
 * against CSV injection, so that Excel and LibreOffice show it rather
 * than evaluate it: text starting with one of CSV_FORMULA_STARTS that
 * is no number (-3.5, +12, 57% stay numbers) and not "-" alone; and,
 * so that reading strips exactly what writing added (csv_read.h), text
 * starting with ' and then one of them or a '. */
int csv_guarded(const char *text);

/* A text cell, guarded (csv_guarded); into a sink (a workbook, where
 * text is a string and never a formula) as it is. */
void csv_put_cell(struct csv_writer *w, const char *text);

/* A cell holding a number, a year, a date or a time, what saying which
 * (in CSV as csv_put_cell writes it, never guarded: -3.5 is a number). */
void csv_put_number(struct csv_writer *w, const char *text, enum csv_cell what);

/* Ends the row: LF, or CRLF for Excel. */
void csv_end_row(struct csv_writer *w);

/* Writes cells (NULL-terminated) as one row. */
void csv_put_row(struct csv_writer *w, const char *const *cells);

#endif
