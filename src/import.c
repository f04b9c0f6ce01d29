/* import.c: what every importer shares (import.h): errors that name the
 * file, line and column or cell, and header cells reduced to names. Kept
 * apart so that the kinds' importers (csv_import.c, wide_table.c) depend
 * on it and not on each other. */
#include "import.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void import_error(struct import *im, long line, long column, const char *fmt, ...)
{
	struct error e;
	va_list ap;

	error_clear(&e);
	e.kind = ERROR_INVALID;
	snprintf(e.file, sizeof e.file, "%s", im->path);
	e.line = line;
	e.column = column;
	e.cell = im->cells;
	va_start(ap, fmt);
	vsnprintf(e.text, sizeof e.text, fmt, ap);
	va_end(ap);
	error_list_add(im->errors, &e);
}

void import_error_from(struct import *im, long line, long column, const char *name,
		       const struct error *err)
{
	import_error(im, line, column, "%s: %s", name, err->text);
}

char *import_header_name(const char *cell, char *buf, size_t size)
{
	size_t n = 0;
	const char *p = cell;

	while (*p && n + 4 < size) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			p++;
		} else if (strncmp(p, "\u3000", 3) == 0) {
			p += 3;
		} else if (strncmp(p, "【参考】", strlen("【参考】")) == 0) {
			p += strlen("【参考】");
		} else if (strncmp(p, "※", strlen("※")) == 0) {
			break;
		} else {
			buf[n++] = *p++;
		}
	}
	buf[n] = '\0';
	return buf;
}
