/* number.h: numbers as officials type them (1,511, １，５１１, 31.20, −3)
 * and as kpitree writes them (plain, no separators). */
#ifndef KPITREE_NUMBER_H
#define KPITREE_NUMBER_H

#include <stddef.h>

#include "error.h"

/* The precision of a value: at most this many significant digits, and at
 * most this many before the decimal point and after it. */
#define NUMBER_DIGITS 15

/* Reads an optional sign (+, -, full-width ＋, －, or U+2212 −), digits
 * with optional thousands commas in groups of three (ASCII or full-width
 * digits and commas ，), an optional decimal part (. or ．). Surrounding
 * spaces (ASCII and U+3000) are ignored. Nothing else is accepted: no
 * exponent, no unit, no empty text, and no number that cannot be stored
 * exactly as written (NUMBER_DIGITS): nothing is ever rounded or cut.
 * Returns 0, or -1 with err quoting the text and saying what is wrong. */
int number_parse(const char *text, double *value, struct error *err);

/* A value of a KPI whose unit is unit, as number_parse reads it, also
 * with that unit after it, as officials write it: "1,234人", "7,500億円";
 * a percentage in either width: "88.2%", "88.2 ％". Another unit than the
 * KPI's is refused. Returns 0, or -1 with err. */
int number_parse_in(const char *text, const char *unit, double *value, struct error *err);

/* The plain form: "1511", "31.2", "-3", "0.05": the shortest text that
 * reads back as the same double, no exponent, no trailing zeros. */
char *number_format(double value, char *buf, size_t size);

/* The same with thousands commas in the integer part: "1,511", "23,261.5". */
char *number_format_grouped(double value, char *buf, size_t size);

/* How many digits follow the decimal point (. or ．) in text, as typed:
 * 2 for "31.20", 0 for "1,511". */
int number_decimals(const char *text);

/* number_format or (grouped) number_format_grouped, with zeros added
 * until at least decimals digits follow the point: 66 with 1 is "66.0". */
char *number_format_places(double value, int decimals, int grouped, char *buf, size_t size);

#endif
