/* xlsx_write.h: the kpis, actuals, strategy and projects exports as Excel
 * workbooks (libxlsxwriter): the CSV export's rows and columns, numbers
 * as numbers, a frozen header row, an autofilter, column widths that fit
 * Japanese text and an A4 print set-up with the header on every page. */
#ifndef KPITREE_XLSX_WRITE_H
#define KPITREE_XLSX_WRITE_H

#include <stdio.h>

#include "csv_export.h"
#include "error.h"
#include "store.h"

/* Whether name ends in .xlsx (any case). */
int xlsx_is_name(const char *name);

/* Writes the export of kind as a workbook into path, opened by
 * outfile_open under rules (NULL: local use): whole, or path left as it
 * was. Returns 0, or -1 with err filled. */
struct outfile_rules;
int xlsx_export_file(struct store *s, enum export_kind kind, const char *path,
		     const struct outfile_rules *rules, struct error *err);

/* The same workbook's bytes onto out (through a temporary file). */
int xlsx_export(struct store *s, enum export_kind kind, FILE *out, struct error *err);

#endif
