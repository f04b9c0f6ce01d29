/* error.c: filling and printing error records.
 * The printed form is the one SPEC.md fixes for standard error. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void error_clear(struct error *e)
{
	memset(e, 0, sizeof *e);
}

static void error_vset(struct error *e, const char *fmt, va_list ap)
{
	vsnprintf(e->text, sizeof e->text, fmt, ap);
}

int error_set(struct error *e, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	error_clear(e);
	e->kind = ERROR_FAILED;
	va_start(ap, fmt);
	error_vset(e, fmt, ap);
	va_end(ap);
	return -1;
}

int error_of(struct error *e, enum error_kind kind, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	error_clear(e);
	e->kind = kind;
	va_start(ap, fmt);
	error_vset(e, fmt, ap);
	va_end(ap);
	return -1;
}

int error_at(struct error *e, const char *file, long line, long column,
	     const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	error_clear(e);
	e->kind = ERROR_INVALID;
	snprintf(e->file, sizeof e->file, "%s", file ? file : "");
	e->line = line;
	e->column = column;
	va_start(ap, fmt);
	error_vset(e, fmt, ap);
	va_end(ap);
	return -1;
}

char *error_column_name(long column, char *buf, size_t size)
{
	char rev[16];
	int n = 0;

	while (column > 0 && n < (int)sizeof rev) {
		rev[n++] = (char)('A' + (column - 1) % 26);
		column = (column - 1) / 26;
	}
	if (size)
		buf[0] = '\0';
	for (size_t i = 0; n > 0 && i + 1 < size; i++) {
		buf[i] = rev[--n];
		buf[i + 1] = '\0';
	}
	return buf;
}

char *error_format(const struct error *e, char *buf, size_t size)
{
	char col[16];

	/* a fault of a whole row (a header of no known kind) is at its first
	 * cell: Excel names a cell by column and row, never a row alone */
	if (e->file[0] && e->cell && e->line)
		snprintf(buf, size, "%s!%s%ld: %s", e->file,
			 error_column_name(e->column > 0 ? e->column : 1, col, sizeof col), e->line,
			 e->text);
	else if (!e->file[0])
		snprintf(buf, size, "%s", e->text);
	else if (e->line && e->column)
		snprintf(buf, size, "%s:%ld:%ld: %s", e->file, e->line, e->column, e->text);
	else if (e->line)
		snprintf(buf, size, "%s:%ld: %s", e->file, e->line, e->text);
	else
		snprintf(buf, size, "%s: %s", e->file, e->text);
	return buf;
}

const char *error_kind_name(enum error_kind kind)
{
	static const char *const names[] = {
		[ERROR_NONE] = "none", [ERROR_FAILED] = "failed", [ERROR_INVALID] = "invalid",
		[ERROR_NOT_FOUND] = "not found", [ERROR_CONFLICT] = "conflict",
		[ERROR_REFUSED] = "refused", [ERROR_READ_ONLY] = "read-only",
		[ERROR_BUSY] = "busy", [ERROR_IO] = "i/o", [ERROR_NO_MEMORY] = "no memory",
		[ERROR_CORRUPT] = "corrupt", [ERROR_LAST_ADMIN] = "last admin",
		[ERROR_NEEDS_REASON] = "needs reason", [ERROR_AMBIGUOUS] = "ambiguous",
	};

	return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "failed";
}

void error_list_add(struct error_list *list, const struct error *e)
{
	if (list->n < list->max)
		list->items[list->n++] = *e;
	else
		list->more++;
}
