/* xlsx_read.h: an Excel workbook's sheet read as CSV records (libzip for
 * the container, libxml2 for the XML), so that import takes a workbook as
 * it takes a CSV file. Hostile files are refused within fixed bounds. */
#ifndef KPITREE_XLSX_READ_H
#define KPITREE_XLSX_READ_H

#include <stddef.h>

#include "csv_read.h"
#include "error.h"

/* The bounds: what the parts held in memory (the workbook, its
 * relationships, styles and shared strings) may inflate to in all; what
 * the sheet, streamed a row at a time and never held whole, may inflate
 * to (a bound on time, not memory: Excel's 1,048,576 rows of 2 KiB); the
 * most an entry over 1 MiB may inflate per compressed byte; a cell's
 * bytes and a row's; Excel's own sheet size; merged ranges. */
#define XLSX_MAX_INFLATED (256L << 20)
#define XLSX_MAX_SHEET (2048L << 20)
#define XLSX_MAX_RATIO 1000
#define XLSX_MAX_CELL (1L << 20)
/* The deepest nesting of a part's elements: a workbook's go a dozen deep. */
#define XLSX_MAX_DEPTH 256
#define XLSX_MAX_ROW (16L << 20)
#define XLSX_MAX_ROWS 1048576L
#define XLSX_MAX_COLUMNS 16384L
#define XLSX_MAX_MERGES 1048576

/* Whether the file is to be read as a workbook: its name ends in .xlsx
 * or .xls, or (a regular file, or data) it starts with a ZIP's or an OLE
 * compound file's magic bytes (PK\3\4, D0 CF 11 E0: the old .xls format,
 * and password-protected workbooks). */
int xlsx_is_workbook(const char *path, const void *data, size_t len);

/* Reads the sheet named sheet (NULL: the first) of the workbook at path
 * (or in data, len bytes, when data is not NULL), handing fn each row
 * that has a value as a record: line is the row's number, fields the
 * columns from A to the last that has a value in this row or any row
 * read before it (a header's width, for the rows under it); a cell of
 * a merged range holds its top-left cell's value; numbers in their
 * shortest round-trip form (number_format); shared, inline and rich
 * strings as their text (without phonetic runs); formulas as their
 * cached values. where (where_size bytes) gets "PATH:SHEET" before the
 * first record. Returns 0, fn's non-zero return, or -1 with err filled,
 * at PATH:SHEET!CELL when a cell is at fault (err->cell set). */
int xlsx_read(const char *path, const void *data, size_t len, const char *sheet,
	      csv_record_fn fn, void *ctx, char *where, size_t where_size, struct error *err);

#endif
