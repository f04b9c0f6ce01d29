/* csv_export.h: the four CSV exports of SPEC.md (kpis, actuals, strategy,
 * projects), plain or for Excel (BOM, CRLF), to a stream or a file. */
#ifndef KPITREE_CSV_EXPORT_H
#define KPITREE_CSV_EXPORT_H

#include <stdio.h>

#include "error.h"
#include "store.h"

enum export_kind { EXPORT_KPIS, EXPORT_ACTUALS, EXPORT_STRATEGY, EXPORT_PROJECTS };

/* "kpis", "actuals", "strategy", "projects" to a kind. Returns 0, or -1
 * with err naming the kinds there are. */
int csv_export_kind(const char *name, enum export_kind *kind, struct error *err);

/* Writes the export of kind to out; excel: a BOM first and CRLF line
 * ends. Returns 0, or -1 with err filled. */
int csv_export(struct store *s, enum export_kind kind, int excel, FILE *out, struct error *err);

/* The export's rows, header first, into w (a CSV writer or another
 * format's sink). Returns 0, or -1 with err filled. */
struct csv_writer;
int csv_export_rows(struct store *s, enum export_kind kind, struct csv_writer *w,
		    struct error *err);

/* The same into path, opened by outfile_open under rules (NULL: local
 * use): a failed export leaves path as it was. */
struct outfile_rules;
int csv_export_file(struct store *s, enum export_kind kind, int excel, const char *path,
		    const struct outfile_rules *rules, struct error *err);

#endif
