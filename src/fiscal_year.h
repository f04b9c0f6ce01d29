/* fiscal_year.h: Japanese fiscal years, read in any form officials write
 * them and printed as R7 (2025). A year is stored as the Gregorian year
 * in which it starts (April). */
#ifndef KPITREE_FISCAL_YEAR_H
#define KPITREE_FISCAL_YEAR_H

#include <stddef.h>
#include <time.h>

#include "error.h"

#define FISCAL_YEAR_MIN 1989	/* H1 */
#define FISCAL_YEAR_MAX 2200

/* Reads 2025, FY2025, 2025年度, R7, 令和7, 令和7年度, 令和元年度, H30, 平成30,
 * H31 (= R1 = 2019), with ASCII or full-width digits, surrounding spaces
 * ignored, era letters in either case. Stores the Gregorian year in *year.
 * Returns 0, or -1 with err saying why (the text is quoted in it). */
int fiscal_year_parse(const char *text, int *year, struct error *err);

/* "R7 (2025)"; years before Reiwa use Heisei ("H30 (2018)"). Under the
 * Japanese interface: 令和7年度, 令和元年度, 平成30年度. Returns buf. */
char *fiscal_year_format(int year, char *buf, size_t size);

/* 令和7年度, 令和元年度, 平成30年度: how Japanese officials write a year,
 * whatever the interface's language; a year before Heisei as
 * fiscal_year_short writes it. Returns buf. */
char *fiscal_year_japanese(int year, char *buf, size_t size);

/* "R7", "R1", "H30": the short form used in periods and exports. */
char *fiscal_year_short(int year, char *buf, size_t size);

/* A year in a running text: R7 ("R7 actual", "(R7)"); under the
 * Japanese interface 令和7年度, as fiscal_year_japanese writes it, so
 * that one screen speaks one language. Returns buf. */
char *fiscal_year_brief(int year, char *buf, size_t size);

/* The years first to last: R3-R6; under the Japanese interface 令和3～6年度
 * (one era), 平成30年度～令和4年度 (two). Returns buf. */
char *fiscal_year_range(int first, int last, char *buf, size_t size);

/* The fiscal year that contains the moment now (local time). */
int fiscal_year_of(time_t now);

#endif
