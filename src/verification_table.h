/* verification_table.h: the national table of a year's 効果検証 (様式2,
 * 「事業実施結果報告 (各交付対象事業の重要業績評価指標(KPI)の実績値等)」),
 * one per municipality: its header fields, the national summary, and a
 * block per project (① name, ② kind of grant, ③ 実績額, ④ its KPIs,
 * ⑤ actuals and 事業効果, ⑥ the outside experts' verdict and opinion, ⑦
 * the policy and its reason; the final result), then 見直しの有無. As
 * Markdown, HTML for A4 landscape, an Excel workbook (print set-up, frozen
 * header, merged project cells), or CSV by the rules for machine-readable
 * tables: one datum per cell, one row a KPI, no merged cells, no
 * machine-dependent characters, codes in columns of their own. */
#ifndef KPITREE_VERIFICATION_TABLE_H
#define KPITREE_VERIFICATION_TABLE_H

#include <stdio.h>

#include "error.h"
#include "report.h"
#include "store.h"

struct verification_table_options {
	int year;
	enum report_format format;
	int excel;		/* CSV: BOM and CRLF */
	int voices;		/* the committee's sheet: per project the suggestion
				 * and the three voices side by side */
	/* Called for each project with more KPIs than the form's rows
	 * (VERIFICATION_FORM_KPIS); its block has a row for each all the
	 * same. NULL: not called. */
	void (*over_form)(void *ctx, const char *project, int kpis);
	void *ctx;
};

/* Writes the table onto out. Returns 0, or -1 with err. */
int verification_table_write(struct store *s, const struct verification_table_options *o,
			     FILE *out, struct error *err);

/* The same into path, opened by outfile_open under rules (NULL: local
 * use): replaced whole or left as it was. */
struct outfile_rules;
int verification_table_write_file(struct store *s, const struct verification_table_options *o,
				  const char *path, const struct outfile_rules *rules,
				  struct error *err);

/* text without machine-dependent characters (①→(1), Ⅱ→II, ㈱→(株)) into
 * buf, as the rules for machine-readable tables ask. Returns buf. */
char *verification_plain_text(const char *text, char *buf, size_t size);

#endif
