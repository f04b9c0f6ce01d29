/* error.h: the error record that core functions fill and only the
 * command line and the browser print. */
#ifndef KPITREE_ERROR_H
#define KPITREE_ERROR_H

#include <stddef.h>

/* Where something went wrong and what. file is empty when the error is
 * not about an input file; line and column are 0 when unknown. */
struct error {
	char file[256];
	long line;
	long column;
	char text[512];
};

/* Several errors of one input, up to a limit; the rest are counted. */
struct error_list {
	struct error *items;
	int n;
	int max;
	long more;		/* errors past max, not kept */
};

/* Clears e (no error). */
void error_clear(struct error *e);

/* Records an error with no location. Always returns -1, so that a caller
 * can write `return error_set(err, ...)`. e may be NULL. */
int error_set(struct error *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Records an error at FILE:LINE:COLUMN. Returns -1; e may be NULL. */
int error_at(struct error *e, const char *file, long line, long column,
	     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Writes the printed form, "FILE:LINE:COLUMN: text" or "text", into buf.
 * Returns buf. */
char *error_format(const struct error *e, char *buf, size_t size);

/* Appends a copy of e to list (or counts it when the list is full). */
void error_list_add(struct error_list *list, const struct error *e);

#endif
