/* codes.h: the numbers and codes the documents use: circled numbers
 * (①…㊿), the strategy KPI codes (H01, H12b) and project KPI codes (SP2-3). */
#ifndef KPITREE_CODES_H
#define KPITREE_CODES_H

#include <stddef.h>

#include "error.h"

/* Reads a circled number (① = 1 … ㊿ = 50) at the start of text; stores
 * its value in *n and returns its length in bytes, or 0 if there is none. */
size_t codes_circled_read(const char *text, int *n);

/* Writes the circled number n (1…50) into buf; returns buf, or NULL if n
 * has no circled form. */
char *codes_circled(int n, char *buf, size_t size);

/* The default code of a strategy KPI: H and the circled number as two
 * digits, and, where a cell holds several KPIs (count > 1), a letter for
 * each in order (index 0 = a): H01, H12b. Returns buf. */
char *codes_strategy_kpi(int number, int index, int count, char *buf, size_t size);

/* A KPI code as an official may type it, in the form the data writes
 * it, into buf: full-width letters, digits and hyphens made ASCII
 * (Ｈ１２, ＳＰ２－１), letters upper-cased but an H code's last letter
 * (h12b: H12b), an H code's number in two digits (H1: H01, H012:
 * H12), a circled
 * number alone its H code (⑫: H12); spaces around dropped. Text that is
 * no code comes out so changed too, and matches none. Returns buf. */
char *codes_normalize(const char *text, char *buf, size_t size);

/* Whether code is a municipality's 6-digit national code (全国地方公共
 * 団体コード, JIS X 0402 with its check digit: the first five digits
 * weighted 6, 5, 4, 3, 2, their sum's remainder r by 11, the check
 * digit the last digit of 11 − r; 011002 for 札幌市) of prefecture (its
 * name, 北海道 … 沖縄県, whose number the first two digits are; "" or
 * NULL: not checked). Returns 0; -1 when the code is wrong; -2 when the
 * prefecture is no prefecture's name (ERROR_INVALID, saying which). */
int codes_municipality_check(const char *code, const char *prefecture, struct error *err);

/* Whether the stored code is one of the KPIs that want (a code in
 * codes_normalize's form) names as a family: want an H code with no
 * letter (H12) and code it with one letter after it (H12a, H12b). A
 * code naming a family names each of it, so that a write to it must be
 * given one of them. */
int codes_in_family(const char *want, const char *code);

#endif
