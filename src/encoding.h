/* encoding.h: input text as UTF-8, whatever Excel saved: UTF-8 with or
 * without a BOM, or CP932; detected, or named by --encoding. */
#ifndef KPITREE_ENCODING_H
#define KPITREE_ENCODING_H

#include <stddef.h>

#include "error.h"

enum encoding {
	ENCODING_AUTO, ENCODING_UTF8, ENCODING_CP932,
	ENCODING_UTF16LE, ENCODING_UTF16BE	/* only from a byte order mark */
};

struct text_source;

/* Opens a file (data NULL: read path; any readable stream) or a buffer in
 * memory (data, len; path is then only the name used in errors) as a
 * stream of UTF-8. A UTF-16 byte order mark makes it UTF-16, whatever was
 * asked. ENCODING_AUTO: a UTF-8 BOM or text that is valid UTF-8
 * throughout is UTF-8, text of which no line is UTF-8 (beyond ASCII) is
 * CP932 (Windows' CP932, as iconv names it); a file with lines of both is
 * refused at the first line of the fewer kind ("CP932 in a UTF-8 file",
 * FILE:LINE), except that a UTF-8 file's line that is not CP932 either is
 * left for text_read to report. A file is read twice (once to decide,
 * once to deliver), never held in memory whole. The BOM is never
 * delivered. Returns the source, or NULL with err filled (a file that
 * cannot be opened or read, or is refused). */
struct text_source *text_open(const char *path, const void *data, size_t len,
			      enum encoding encoding, struct error *err);

/* Reads up to size bytes of UTF-8 into buf, never splitting a character.
 * Returns the count, 0 at the end, or -1 with err at FILE:LINE:COLUMN
 * (COLUMN counts characters from 1; a line ends at LF, CR LF or a CR
 * alone): "invalid UTF-8" for bytes that are not UTF-8 in a UTF-8
 * source, "invalid CP932" and "invalid UTF-16" likewise. size must be at
 * least 8. */
long text_read(struct text_source *t, char *buf, size_t size, struct error *err);

/* What the source turned out to be (never ENCODING_AUTO). */
enum encoding text_encoding(const struct text_source *t);

/* Closes t; t may be NULL. */
void text_close(struct text_source *t);

/* "utf-8" or "cp932" to an encoding; returns 0, or -1 with err filled. */
int encoding_parse(const char *name, enum encoding *encoding, struct error *err);

#endif
