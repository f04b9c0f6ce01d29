/* csv_write.h: writing RFC 4180 CSV cells (quoted only where needed),
 * plain or for Excel (CRLF). */
#ifndef KPITREE_CSV_WRITE_H
#define KPITREE_CSV_WRITE_H

#include <stdio.h>

#include "error.h"

struct csv_writer {
	FILE *f;
	int excel;		/* CRLF line ends */
	int cells;		/* in the current row */
};

void csv_put_cell(struct csv_writer *w, const char *text);

/* Ends the row: LF, or CRLF for Excel. */
void csv_end_row(struct csv_writer *w);

/* Writes cells (NULL-terminated) as one row. */
void csv_put_row(struct csv_writer *w, const char *const *cells);

#endif
