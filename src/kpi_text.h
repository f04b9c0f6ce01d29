/* kpi_text.h: the KPI cell of the government's wide table, read and
 * written: "保育所等入所待機児童数 28人(R6) → 0人(R7)" and its variants. */
#ifndef KPITREE_KPI_TEXT_H
#define KPITREE_KPI_TEXT_H

#include <stddef.h>

#include "error.h"
#include "model.h"

#define KPI_TEXT_MAX_NAME 512
#define KPI_TEXT_MAX_UNIT 32

/* One KPI of a cell. The unit is the baseline's (a 全市町村 target has
 * none of its own). A 全市町村 amount has present = 1, all_municipalities
 * = 1 and value 0: the caller fills in the municipality count. */
struct kpi_text_item {
	char name[KPI_TEXT_MAX_NAME];	/* without 【再掲】 */
	int relisted;			/* the cell marks it 【再掲】 */
	char unit[KPI_TEXT_MAX_UNIT];
	struct amount baseline;
	struct amount target;
};

/* Parses a KPI cell: one KPI per line ("\n" or "\r\n" between them).
 * Fills items[0..*n-1] (at most max). Returns 0, or -1 with err->text
 * saying what is wrong and quoting the offending KPI (err has no
 * location: the caller knows the file, line and column of the cell). */
int kpi_text_parse(const char *cell, struct kpi_text_item *items, int max, int *n,
		   struct error *err);

/* The canonical text of one KPI, as the seed writes it:
 * NAME[【再掲】] BASELINE → TARGET, an amount being VALUE UNIT [以上]
 * [(見込額)] (PERIOD) with thousands commas, or 全市町村(PERIOD).
 * Returns buf (cut short, NUL-terminated, if size is too small). */
char *kpi_text_format(const struct kpi_text_item *item, char *buf, size_t size);

/* A period as the KPI cell writes it: R6, H30～R4平均, R7～R11累計. */
char *kpi_text_period(const struct period *p, char *buf, size_t size);

#endif
