/* error.h: the error record that core functions fill and only the
 * command line and the browser print. */
#ifndef KPITREE_ERROR_H
#define KPITREE_ERROR_H

#include <stddef.h>

/* What kind of failure an error is: callers decide by this, never by the
 * text, which is translated. */
enum error_kind {
	ERROR_NONE = 0,
	ERROR_FAILED,		/* none of the below */
	ERROR_INVALID,		/* bad input: a value, a file, an argument */
	ERROR_NOT_FOUND,	/* no such KPI, meeting, official, file */
	ERROR_CONFLICT,		/* another official changed it first */
	ERROR_REFUSED,		/* the official's role or scope forbids it */
	ERROR_READ_ONLY,	/* the database or session is read-only */
	ERROR_BUSY,		/* another writer held the lock too long */
	ERROR_IO,		/* the file system or the disk failed */
	ERROR_NO_MEMORY,
	ERROR_CORRUPT,		/* the database file is damaged */
	ERROR_LAST_ADMIN,	/* it would leave no active admin to manage access */
	ERROR_NEEDS_REASON,	/* a choice other than the suggested one, or one that
				 * always wants a reason, came without one */
	ERROR_AMBIGUOUS		/* a code naming several KPIs given to a write */
};

/* Where something went wrong and what. file is empty when the error is
 * not about an input file; line and column are 0 when unknown. In a
 * workbook (cell set) file is "FILE:SHEET" and line and column are the
 * cell's row and column, printed as Excel names the cell: FILE:SHEET!D17
 * (a row's fault, column 0, at its first cell: FILE:SHEET!A1). */
struct error {
	enum error_kind kind;
	char file[256];
	long line;
	long column;
	char text[512];
	int cell;
};

/* Excel's name of column (from 1): A, Z, AA, XFD. Returns buf. */
char *error_column_name(long column, char *buf, size_t size);

/* Several errors of one input, up to a limit; the rest are counted. */
struct error_list {
	struct error *items;
	int n;
	int max;
	long more;		/* errors past max, not kept */
};

/* Clears e (no error). */
void error_clear(struct error *e);

/* Records an error with no location, of kind ERROR_FAILED. Always returns
 * -1, so that a caller can write `return error_set(err, ...)`. e may be
 * NULL. */
int error_set(struct error *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* error_set with its kind. Returns -1. */
int error_of(struct error *e, enum error_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Records an error at FILE:LINE:COLUMN, of kind ERROR_INVALID (bad
 * input). Returns -1; e may be NULL. */
int error_at(struct error *e, const char *file, long line, long column,
	     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Writes the printed form, "FILE:LINE:COLUMN: text" (FILE:SHEET!D17:
 * text in a workbook) or "text", into buf.
 * Returns buf. */
char *error_format(const struct error *e, char *buf, size_t size);

/* A lower-case name of kind, for logs and tests: "conflict". */
const char *error_kind_name(enum error_kind kind);

/* Appends a copy of e to list (or counts it when the list is full). */
void error_list_add(struct error_list *list, const struct error *e);

#endif
