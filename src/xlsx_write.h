/* xlsx_write.h: Excel workbooks (libxlsxwriter): sheets written row by
 * row as CSV rows are (through a csv_sink), numbers as numbers, fiscal
 * years as 令和7年度 beside the Gregorian year, dates and times as
 * dates, a frozen header row, an autofilter, column widths that fit
 * Japanese text, A4 print set-up; and the four exports as workbooks. */
#ifndef KPITREE_XLSX_WRITE_H
#define KPITREE_XLSX_WRITE_H

#include <stdio.h>

#include <xlsxwriter.h>

#include "csv_export.h"
#include "csv_write.h"
#include "error.h"
#include "store.h"

/* Whether name ends in .xlsx (any case). */
int xlsx_is_name(const char *name);

/* A sheet fed as CSV rows: xlsx_sheet_sink's cells go to the sheet,
 * each as its kind says (enum csv_cell). A column marked CSV_YEAR in a
 * header row becomes two: the year as 令和7年度 (text), then the
 * Gregorian year (a number, headed "NAME (西暦)"), beside it or, with
 * xlsx_sheet_years_last, after the last column. Rows are written one
 * behind, so that a cell that repeats the one above it can be merged
 * with it (xlsx_sheet_merge). */
struct xlsx_sheet;

enum xlsx_sheet_kind {
	XLSX_TABLE,		/* row 1 a header: bold, frozen, an autofilter */
	XLSX_PLAIN		/* rows of their own: header rows as xlsx_sheet_header says */
};

/* A new sheet named name in book, or NULL (out of memory). */
struct xlsx_sheet *xlsx_sheet_new(lxw_workbook *book, const char *name, enum xlsx_sheet_kind kind);

/* The sink that writes into sh. */
const struct csv_sink *xlsx_sheet_sink(struct xlsx_sheet *sh);

/* The next row given is a header (bold; its CSV_YEAR cells mark the
 * columns of years until the next header). */
void xlsx_sheet_header(struct xlsx_sheet *sh);

/* The Gregorian years go after the header's last column, in the order
 * of their columns, so that every other cell stays where the CSV has it
 * (and import reads the workbook's columns as the CSV's). */
void xlsx_sheet_years_last(struct xlsx_sheet *sh);

/* The columns (of the rows given, n of them, in order from the
 * outermost) whose cells are merged down over the rows that repeat
 * them, as a table of nested levels is drawn: a column's run ends
 * where any column before it in the list changes. */
void xlsx_sheet_merge(struct xlsx_sheet *sh, const int *columns, int n);

/* The worksheet, and the row the next row given will take (0-based). */
lxw_worksheet *xlsx_sheet_worksheet(struct xlsx_sheet *sh);
lxw_row_t xlsx_sheet_next_row(const struct xlsx_sheet *sh);

/* Writes what is held, sets the widths and the print set-up, and frees
 * sh. Returns 0, or -1 with err filled (naming path). */
int xlsx_sheet_end(struct xlsx_sheet *sh, const char *path, struct error *err);

/* Fills the workbook book, written to path. Returns 0, or -1 with err. */
typedef int (*xlsx_book_fn)(void *ctx, lxw_workbook *book, const char *path,
			    struct error *err);

/* A workbook made by fn into path, opened by outfile_open under rules
 * (NULL: local use): whole, or path left as it was. Returns 0, or -1
 * with err filled. */
struct outfile_rules;
int xlsx_book_file(const char *path, const struct outfile_rules *rules, xlsx_book_fn fn,
		   void *ctx, struct error *err);

/* The same workbook's bytes onto out (through a temporary file). */
int xlsx_book_stream(FILE *out, xlsx_book_fn fn, void *ctx, struct error *err);

/* The export of kind as a workbook into path, or onto out. */
int xlsx_export_file(struct store *s, enum export_kind kind, const char *path,
		     const struct outfile_rules *rules, struct error *err);
int xlsx_export(struct store *s, enum export_kind kind, FILE *out, struct error *err);

#endif
