/* csv_import.h: loading CSV files into the store: each file's kind told
 * by its header, all files in one transaction, every error reported. */
#ifndef KPITREE_CSV_IMPORT_H
#define KPITREE_CSV_IMPORT_H

#include <stddef.h>

#include "encoding.h"
#include "error.h"
#include "store.h"

/* A file to import: read from path, or (data non-NULL) from memory with
 * path as its name. A workbook (xlsx_is_workbook) is read from its sheet
 * named sheet, or its first (sheet NULL). */
struct import_file {
	const char *path;
	const void *data;
	size_t len;
	const char *sheet;
};

enum import_kind {
	IMPORT_STRATEGY, IMPORT_ACTUALS, IMPORT_PROJECTS,
	IMPORT_SCHEME,		/* rank,label,rule: the rank scheme, replaced whole */
	IMPORT_CHOICES,		/* list,code,label: the 効果検証 lists, each replaced */
	IMPORT_EFFECT_RULE,	/* effect,rule: the rule suggesting 事業効果, replaced whole */
	IMPORT_HEADER		/* municipality,prefecture,code,department,contact: the
				 * verification table's header of a municipality */
};

struct import_stats {
	long rows;		/* data rows read, all files */
	long values_changed;	/* values set or cleared (history rows) */
	long kpi_fields_changed;	/* a KPI's name, unit, baseline or target */
	long menus_changed;	/* content rows whose grant menus changed */
	long rows_renamed;	/* strategy rows whose text changed (a wide table's
				 * heading or 内容 corrected: the row kept) */
	long rows_added;	/* content rows a wide table added */
	long rows_gone;		/* content rows of a wide table's strategies that it
				 * no longer has (kept) */
	long kpis_moved;	/* KPIs whose home row the wide table moved to
				 * another row */
};

/* Imports files in one transaction: the government's wide table
 * (strategy), values (the actuals format) and grant projects, told apart
 * by their headers. On any error nothing is imported: every error found
 * (up to errors->max; the rest counted) is in errors, each at
 * FILE:LINE:COLUMN. Returns 0, or -1. user is who imports: with
 * names_stand (the account's own use, restoring a database from its
 * exports), a values row's entered_by is who entered the value and made
 * the change, and user stands in for a row without one; otherwise (an
 * official over SSH) user is who, always, and a row's other name is
 * kept beside it as what the file said (history's said_by). */
int csv_import(struct store *s, const struct import_file *files, int nfiles,
	       enum encoding encoding, const char *user, int names_stand,
	       struct import_stats *stats, struct error_list *errors);

#endif
