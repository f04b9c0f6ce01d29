/* import.h: what the importers of each kind share (inside the core only):
 * the running import, its error reporting, and cell helpers. */
#ifndef KPITREE_IMPORT_H
#define KPITREE_IMPORT_H

#include "csv_import.h"
#include "csv_read.h"

struct import {
	struct store *s;
	const char *path;	/* the file's name; a workbook's "FILE:SHEET" */
	int cells;		/* a workbook: lines are rows, errors name cells */
	const char *user;
	int names_stand;	/* a file's entered_by is the history's who */
	char now[32];
	int year;		/* the current fiscal year, for the value rules */
	struct error_list *errors;
	struct import_stats *stats;
	const struct import_file *files;	/* all of the import's */
	const struct import_file *file;		/* the one being read */
	enum encoding encoding;			/* as the import was asked */
	struct import_seen *seen;	/* the keys its values files have given */
	int kpis_saved;		/* KPIs made or changed: what is due may differ */
	long long old_placements;	/* the placements there before: ids up to this */
	int placements_known;		/* old_placements asked (by a wide table) */
};

/* Records an error of the import at line and column (a CSV column, from
 * 1; 0 for the whole line). */
void import_error(struct import *im, long line, long column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Records err (from a core function) at line and column, prefixed by the
 * column's name. */
void import_error_from(struct import *im, long line, long column, const char *name,
		       const struct error *err);

/* Reads the file being imported once more, from its start, handing
 * each record to fn(ctx, record) as csv_read does (a workbook's sheet
 * as xlsx_read does). Returns as csv_read does. */
int import_read_again(struct import *im, csv_record_fn fn, void *ctx, struct error *err);

/* A header cell reduced to its name: spaces (ASCII and U+3000) removed,
 * 【参考】 removed, and everything from ※ on removed. Writes into buf. */
char *import_header_name(const char *cell, char *buf, size_t size);

/* The wide table (wide_table.c). */
struct wide_table;

/* Whether a header record is the wide table's. */
int wide_table_is_header(const struct csv_record *header);

/* Starts a wide-table import at its header; above is the row just above
 * the header (a second header row, as Excel keeps it) or NULL. Returns
 * NULL with an error recorded when the header lacks a required column. */
struct wide_table *wide_table_begin(struct import *im, const struct csv_record *header,
				    const struct csv_record *above);

/* Takes one data row (repeated headers are skipped here). Returns 0, or
 * -1 on a failure that stops the import (a store error). */
int wide_table_row(struct wide_table *w, const struct csv_record *row);

/* Links the re-listings to their KPIs, then frees w. Returns 0 or -1. */
int wide_table_end(struct wide_table *w);

#endif
