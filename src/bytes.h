/* bytes.h: a growing run of bytes, kept NUL-terminated. */
#ifndef KPITREE_BYTES_H
#define KPITREE_BYTES_H

#include <stddef.h>

struct bytes {
	char *data;		/* NULL until the first bytes_add */
	size_t len, size;
};

/* Appends n bytes of s, with a NUL after them; the whole (NUL included)
 * at most max bytes, or any size for max 0. Returns 0, or -1 (b as it
 * was) when that would pass max or memory runs out. */
int bytes_add(struct bytes *b, const char *s, size_t n, size_t max);

/* Whether p starts a workbook's escape of a character, _xHHHH_ (ECMA-376
 * ST_Xstring): the character's code, or -1. A literal "_" that would
 * start one is written _x005F_. */
long bytes_xlsx_escape(const char *p);

#endif
