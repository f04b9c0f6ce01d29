/* report.h: the minutes of a review meeting, or the state of every KPI,
 * as Markdown, one self-contained HTML file (inline CSS and SVG charts,
 * for A4), CSV (plain or for Excel) or an Excel workbook (a summary
 * sheet, the CSV's rows, native charts): a summary of ranks and
 * statuses, then each item's KPI table, progress, status, rank with its
 * reason, assessment, policy, comments and action items. */
#ifndef KPITREE_REPORT_H
#define KPITREE_REPORT_H

#include <stdio.h>

#include "error.h"
#include "store.h"

enum report_format { REPORT_MD, REPORT_HTML, REPORT_CSV, REPORT_XLSX };

/* The workbook's charts: one per item that has values, for the first
 * this many such items. */
#define REPORT_XLSX_CHARTS 500

struct report_options {
	long long meeting_id;	/* 0: every KPI, each with its latest evaluation */
	int year;		/* 0: the meeting's, or last fiscal year */
	enum report_format format;
	int excel;		/* CSV: BOM and CRLF */
	/* how far it has come, if not NULL: KPIs read (total 0), then
	 * written (done of total); meter_tick fits */
	void (*tick)(void *ctx, long done, long total);
	void *tick_ctx;
};

/* "md", "html", "csv" or "xlsx" into *format. Returns 0, or -1 with err. */
int report_format_parse(const char *name, enum report_format *format, struct error *err);

/* Writes the report to out (a workbook through a temporary file).
 * Returns 0, or -1 with err filled. */
int report_write(struct store *s, const struct report_options *o, FILE *out, struct error *err);

/* The same into path, opened by outfile_open under rules (NULL: local
 * use): replaced whole or left as it was. */
struct outfile_rules;
int report_write_file(struct store *s, const struct report_options *o, const char *path,
		      const struct outfile_rules *rules, struct error *err);

#endif
