/* encoding.c: input files and buffers as a stream of UTF-8: the BOM, the
 * choice of UTF-8 or CP932, CP932 through iconv, and where a bad byte is. */
#include "encoding.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bytes read from a file at a time; the whole file is never held. */
#define TEXT_CHUNK (64 * 1024)

/* The longest UTF-8 character, and so the most a chunk may end short of one. */
#define UTF8_MAX 4

struct text_source {
	char name[sizeof ((struct error *)0)->file];
	int fd;				/* -1 for a buffer in memory */
	enum encoding encoding;
	iconv_t cd;			/* CP932 only */

	/* The undecoded bytes at hand: the caller's buffer itself, or the
	 * chunk last read from the file. */
	const unsigned char *win;
	size_t pos, len;
	int eof;			/* nothing more beyond win[len] */
	unsigned char *chunk;		/* files only */

	/* Where the next character delivered stands, for errors; cr: the
	 * last byte delivered was a CR, which ends a line unless an LF
	 * follows. */
	long line, column;
	int cr;
};

enum utf8_scan { UTF8_VALID, UTF8_PARTIAL, UTF8_INVALID };

/* Scans s[0, n) for UTF-8 and sets *end to the length of its longest
 * prefix made of whole valid characters. Returns UTF8_VALID when that is
 * all of it, UTF8_PARTIAL when what follows is a valid character cut
 * short by the end of s, UTF8_INVALID when it is not UTF-8 at all
 * (overlong forms, surrogates, past U+10FFFF, stray continuation bytes). */
static enum utf8_scan utf8_scan(const unsigned char *s, size_t n, size_t *end)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c, lo = 0x80, hi = 0xBF;
		size_t need, k;
		uint64_t word;

		/* Most CSV text is ASCII: skip it eight bytes at a time. */
		while (i + 8 <= n) {
			memcpy(&word, s + i, 8);
			if (word & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		/* Japanese text is mostly characters of three bytes whose
		 * first asks nothing special of the second (E1-EC, EE, EF):
		 * taken in a tight loop. */
		while (i + 3 <= n && s[i] >= 0xE1 && s[i] <= 0xEF && s[i] != 0xED &&
		       (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80)
			i += 3;
		if (i == n)
			break;
		c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* The second byte's range is what rules out overlong forms
		 * (E0, F0), surrogates (ED) and code points past U+10FFFF (F4). */
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else {
			*end = i;
			return UTF8_INVALID;
		}
		for (k = 1; k <= need; k++) {
			if (i + k == n) {
				*end = i;
				return UTF8_PARTIAL;
			}
			if (s[i + k] < lo || s[i + k] > hi) {
				*end = i;
				return UTF8_INVALID;
			}
			lo = 0x80;
			hi = 0xBF;
		}
		i += need + 1;
	}
	*end = n;
	return UTF8_VALID;
}

/* Reads until buf holds size bytes or the file ends; returns the count,
 * or -1 with err filled. */
static long read_full(struct text_source *t, unsigned char *buf, size_t size,
		      struct error *err)
{
	size_t got = 0;

	while (got < size) {
		ssize_t n = read(t->fd, buf + got, size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return error_at(err, t->name, 0, 0, "%s", strerror(errno));
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (long)got;
}

/* Keeps the bytes not yet decoded (at most a cut-short character) and
 * reads the file's next chunk after them. Returns 0, or -1 with err filled. */
static int refill(struct text_source *t, struct error *err)
{
	size_t keep = t->len - t->pos;
	long got;

	memmove(t->chunk, t->win + t->pos, keep);
	got = read_full(t, t->chunk + keep, TEXT_CHUNK - keep, err);
	if (got < 0)
		return -1;
	t->pos = 0;
	t->len = keep + (size_t)got;
	t->eof = keep + (size_t)got < TEXT_CHUNK;
	return 0;
}

static int rewind_file(struct text_source *t, struct error *err);

/* Whether the rest of the file, from the chunk at hand on, is UTF-8:
 * 1 or 0, or -1 with err filled. Reads to the end (or the first bad
 * byte), then goes back to the start, so that t delivers from byte 0. */
static int file_is_utf8(struct text_source *t, struct error *err)
{
	int utf8 = 1;

	for (;;) {
		size_t end;
		enum utf8_scan scan = utf8_scan(t->win + t->pos, t->len - t->pos, &end);

		t->pos += end;
		if (scan == UTF8_INVALID || (scan == UTF8_PARTIAL && t->eof)) {
			utf8 = 0;
			break;
		}
		if (t->eof)
			break;
		if (refill(t, err) < 0)
			return -1;
	}
	if (rewind_file(t, err) < 0)
		return -1;
	return utf8;
}

/* Copies what the stream t->fd holds into a temporary file of its own
 * (already unlinked) and reads from that instead, from its start: a pipe
 * or a terminal cannot be read twice, and detection reads a file twice.
 * Returns 0, or -1 with err filled. */
static int spool(struct text_source *t, struct error *err)
{
	FILE *f = tmpfile();
	long got;
	int fd;

	if (!f)
		return error_at(err, t->name, 0, 0, _("cannot keep a copy of the stream: %s"),
				strerror(errno));
	while ((got = read_full(t, t->chunk, TEXT_CHUNK, err)) > 0)
		if (fwrite(t->chunk, 1, (size_t)got, f) != (size_t)got)
			break;
	if (got < 0 || fflush(f) != 0 || ferror(f) || (fd = dup(fileno(f))) < 0 ||
	    lseek(fd, 0, SEEK_SET) < 0) {
		if (got >= 0)
			error_at(err, t->name, 0, 0, _("cannot keep a copy of the stream: %s"),
				 strerror(errno));
		fclose(f);
		return -1;
	}
	fclose(f);
	close(t->fd);
	t->fd = fd;
	return 0;
}

/* What each line of a text is, for telling a file in one encoding from
 * one with lines of another (a UTF-8 file with a CP932 row). A line ends
 * at LF, CR LF or a CR alone. */
struct lines {
	long line;		/* the line being scanned */
	int nonascii, not_utf8, not_cp932, cr;
	int need;		/* UTF-8: continuation bytes still to come */
	unsigned char lo, hi;	/* the range of the next one */
	int cp932_trail;	/* CP932: a trail byte must come */
	long utf8, other;	/* lines beyond ASCII that are UTF-8, that are not */
	long first_utf8, first_other;
	int first_other_cp932;	/* that line is CP932 */
};

static void line_end(struct lines *l)
{
	if (l->need)
		l->not_utf8 = 1;
	if (l->cp932_trail)
		l->not_cp932 = 1;
	if (l->nonascii && !l->not_utf8) {
		if (!l->utf8++)
			l->first_utf8 = l->line;
	} else if (l->nonascii) {
		if (!l->other++) {
			l->first_other = l->line;
			l->first_other_cp932 = !l->not_cp932;
		}
	}
	l->line++;
	l->nonascii = l->not_utf8 = l->not_cp932 = l->need = l->cp932_trail = 0;
}

/* The UTF-8 and CP932 rules for one byte c, not a line end. */
static void scan_byte(struct lines *l, unsigned char c)
{
	if (c >= 0x80)
		l->nonascii = 1;
	if (l->need) {
		if (c >= l->lo && c <= l->hi) {
			l->need--;
			l->lo = 0x80;
			l->hi = 0xBF;
		} else {
			l->not_utf8 = 1;
			l->need = 0;
		}
	} else if (c >= 0x80) {
		l->lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
		l->hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
		if (c >= 0xC2 && c <= 0xDF)
			l->need = 1;
		else if (c >= 0xE0 && c <= 0xEF)
			l->need = 2;
		else if (c >= 0xF0 && c <= 0xF4)
			l->need = 3;
		else
			l->not_utf8 = 1;
	}
	if (l->cp932_trail) {
		if (c < 0x40 || c == 0x7F || c > 0xFC)
			l->not_cp932 = 1;
		l->cp932_trail = 0;
	} else if ((c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC)) {
		l->cp932_trail = 1;
	} else if (c == 0x80 || c == 0xA0 || c > 0xFC) {
		l->not_cp932 = 1;
	}
}

static void scan(struct lines *l, const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (l->cr && c == '\n') {
			l->cr = 0;
			continue;
		}
		l->cr = 0;
		if (c == '\n' || c == '\r') {
			line_end(l);
			l->cr = c == '\r';
			continue;
		}
		scan_byte(l, c);
	}
}

/* Goes back to the file's start, so that t delivers from byte 0. */
static int rewind_file(struct text_source *t, struct error *err)
{
	if (lseek(t->fd, 0, SEEK_SET) < 0)
		return error_at(err, t->name, 0, 0, "%s", strerror(errno));
	t->pos = t->len = 0;
	t->eof = 0;
	return refill(t, err);
}

/* Decides between UTF-8 and CP932 line by line for text that is not
 * UTF-8 throughout (see text_open). Returns 0, or -1 with err filled. */
static int decide_by_lines(struct text_source *t, struct error *err)
{
	struct lines l;

	memset(&l, 0, sizeof l);
	l.line = 1;
	if (t->fd >= 0 && rewind_file(t, err) < 0)
		return -1;
	for (;;) {
		scan(&l, t->win + t->pos, t->len - t->pos);
		if (t->eof)
			break;
		t->pos = t->len;
		if (refill(t, err) < 0)
			return -1;
	}
	if (l.nonascii || l.need || l.cp932_trail)
		line_end(&l);
	if (t->fd >= 0 && rewind_file(t, err) < 0)
		return -1;
	t->pos = 0;
	t->encoding = l.utf8 && l.utf8 >= l.other ? ENCODING_UTF8 : ENCODING_CP932;
	if (!l.utf8 || !l.other)
		return 0;
	if (t->encoding == ENCODING_CP932)
		return error_at(err, t->name, l.first_utf8, 0,
				_("UTF-8 in a CP932 file (line %ld is CP932); save the whole file"
				  " in one encoding"), l.first_other);
	if (l.first_other_cp932)
		return error_at(err, t->name, l.first_other, 0,
				_("CP932 in a UTF-8 file (line %ld is UTF-8); save the whole file"
				  " in one encoding"), l.first_utf8);
	return 0;	/* invalid UTF-8, which reading names at its place */
}

/* Opens the file and reads its first chunk into t; any readable stream
 * (a pipe, /dev/stdin) is first copied aside. Returns 0, or -1. */
static int open_file(struct text_source *t, const char *path, struct error *err)
{
	struct stat st;

	t->chunk = malloc(TEXT_CHUNK);
	if (!t->chunk)
		return error_set(err, _("out of memory"));
	t->win = t->chunk;
	t->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (t->fd < 0)
		return error_at(err, t->name, 0, 0, "%s", strerror(errno));
	if (fstat(t->fd, &st) != 0)
		return error_at(err, t->name, 0, 0, "%s", strerror(errno));
	if (S_ISDIR(st.st_mode))
		return error_at(err, t->name, 0, 0, "%s", strerror(EISDIR));
	if (!S_ISREG(st.st_mode) && spool(t, err) < 0)
		return -1;
	return refill(t, err);
}

/* Settles t->encoding from what it was asked and from the text, skipping
 * a UTF-8 BOM. Returns 0, or -1 with err filled. */
static int decide(struct text_source *t, enum encoding asked, struct error *err)
{
	static const unsigned char bom[3] = { 0xEF, 0xBB, 0xBF };
	int utf8;

	/* A UTF-16 byte order mark is never text of the others. */
	if (t->len >= 2 && ((t->win[0] == 0xFF && t->win[1] == 0xFE) ||
			    (t->win[0] == 0xFE && t->win[1] == 0xFF))) {
		t->encoding = t->win[0] == 0xFF ? ENCODING_UTF16LE : ENCODING_UTF16BE;
		t->pos = 2;
		return 0;
	}
	if (asked != ENCODING_CP932 && t->len >= 3 && !memcmp(t->win, bom, 3)) {
		t->pos = 3;
		t->encoding = ENCODING_UTF8;
		return 0;
	}
	if (asked != ENCODING_AUTO) {
		t->encoding = asked;
		return 0;
	}
	/* ASCII as UTF-16 without a mark: every other byte a NUL. */
	if (t->len >= 2 && (!t->win[0]) != (!t->win[1]))
		return error_at(err, t->name, 1, 0, _("UTF-16 without a byte order mark; save it as"
						      " UTF-8, CP932, or UTF-16 with its mark"));
	if (t->fd < 0 || t->eof) {
		size_t end;

		utf8 = utf8_scan(t->win, t->len, &end) == UTF8_VALID;
	} else {
		utf8 = file_is_utf8(t, err);
		if (utf8 < 0)
			return -1;
	}
	t->encoding = ENCODING_UTF8;
	return utf8 ? 0 : decide_by_lines(t, err);
}

/* iconv's name of an encoding read through it. */
static const char *iconv_name(enum encoding e)
{
	return e == ENCODING_UTF16LE ? "UTF-16LE" : e == ENCODING_UTF16BE ? "UTF-16BE" : "CP932";
}

struct text_source *text_open(const char *path, const void *data, size_t len,
			      enum encoding encoding, struct error *err)
{
	struct text_source *t = calloc(1, sizeof *t);

	if (!t) {
		error_set(err, _("out of memory"));
		return NULL;
	}
	snprintf(t->name, sizeof t->name, "%s", path ? path : "");
	t->fd = -1;
	t->cd = (iconv_t)-1;
	t->line = t->column = 1;
	if (data) {
		t->win = data;
		t->len = len;
		t->eof = 1;
	} else if (open_file(t, path, err) < 0) {
		text_close(t);
		return NULL;
	}
	if (decide(t, encoding, err) < 0) {
		text_close(t);
		return NULL;
	}
	if (t->encoding != ENCODING_UTF8) {
		t->cd = iconv_open("UTF-8", iconv_name(t->encoding));
		if (t->cd == (iconv_t)-1) {
			error_set(err, _("cannot decode %s: %s"), iconv_name(t->encoding),
				  strerror(errno));
			text_close(t);
			return NULL;
		}
	}
	return t;
}

/* Moves the position for errors past n bytes of delivered UTF-8. A line
 * ends at LF, at CR LF (the CR counts in the column, and the LF then
 * starts the next line at column 1), and at a CR alone, which is known
 * only once the next byte is seen. */
static void advance(struct text_source *t, const char *s, size_t n)
{
	const char *end = s + n;

	if (t->cr && *s != '\n') {
		t->line++;
		t->column = 1;
	}
	t->cr = 0;
	if (!memchr(s, '\r', n)) {
		const char *nl;

		while ((nl = memchr(s, '\n', (size_t)(end - s)))) {
			t->line++;
			t->column = 1;
			s = nl + 1;
		}
		for (; s < end; s++)
			if ((*s & 0xC0) != 0x80)
				t->column++;
		return;
	}
	for (; s < end; s++) {
		if (*s == '\n') {
			t->line++;
			t->column = 1;
		} else if (*s == '\r' && s + 1 < end && s[1] != '\n') {
			t->line++;
			t->column = 1;
		} else if ((*s & 0xC0) != 0x80) {
			t->column++;
		}
	}
	t->cr = end[-1] == '\r';
}

/* An error at the next character to be delivered. */
static long error_here(struct text_source *t, struct error *err, const char *what)
{
	if (t->cr)
		return error_at(err, t->name, t->line + 1, 1, "%s", what);
	return error_at(err, t->name, t->line, t->column, "%s", what);
}

/* Delivers whole valid characters; the first call that meets a bad
 * byte with nothing before it reports that byte. */
static long read_utf8(struct text_source *t, char *buf, size_t size, struct error *err)
{
	size_t n, end;

	/* A character cut by the chunk's end must be completed before it can
	 * be judged. */
	while (t->len - t->pos < UTF8_MAX && !t->eof)
		if (refill(t, err) < 0)
			return -1;
	n = t->len - t->pos < size ? t->len - t->pos : size;
	if (n == 0)
		return 0;
	utf8_scan(t->win + t->pos, n, &end);
	/* n >= UTF8_MAX unless at the end (size is at least 8), so nothing
	 * whole before the first bad byte, or before a character that the
	 * text ends inside, is the only way to deliver nothing. */
	if (end == 0)
		return error_here(t, err, _("invalid UTF-8"));
	memcpy(buf, t->win + t->pos, end);
	t->pos += end;
	return (long)end;
}

static const char *invalid(enum encoding e)
{
	return e == ENCODING_CP932 ? _("invalid CP932") : _("invalid UTF-16");
}

/* Decodes CP932 or UTF-16 into buf until it is full or the text ends. An
 * illegal sequence is reported once what came before it has been
 * delivered. */
static long read_iconv(struct text_source *t, char *buf, size_t size, struct error *err)
{
	char *out = buf;
	size_t out_left = size;

	for (;;) {
		/* iconv takes a non-const input it never writes to. */
		char *in = (char *)(uintptr_t)(t->win + t->pos);
		size_t in_left = t->len - t->pos;
		size_t rc = in_left ? iconv(t->cd, &in, &in_left, &out, &out_left) : 0;
		int e = errno;

		t->pos = t->len - in_left;
		if (rc != (size_t)-1 || e == EINVAL) {
			/* All taken, or the last character is cut by the chunk. */
			if (t->eof && (rc != (size_t)-1 || out != buf))
				break;
			if (t->eof)
				return error_here(t, err, invalid(t->encoding));
			if (refill(t, err) < 0)
				return -1;
		} else if (e == E2BIG) {
			break;
		} else if (out != buf) {
			break;
		} else {
			return error_here(t, err, invalid(t->encoding));
		}
	}
	return (long)(out - buf);
}

long text_read(struct text_source *t, char *buf, size_t size, struct error *err)
{
	long n;

	if (t->encoding != ENCODING_UTF8)
		n = read_iconv(t, buf, size, err);
	else
		n = read_utf8(t, buf, size, err);
	if (n > 0)
		advance(t, buf, (size_t)n);
	return n;
}

enum encoding text_encoding(const struct text_source *t)
{
	return t->encoding;
}

void text_close(struct text_source *t)
{
	if (!t)
		return;
	if (t->cd != (iconv_t)-1)
		iconv_close(t->cd);
	if (t->fd >= 0)
		close(t->fd);
	free(t->chunk);
	free(t);
}

int encoding_parse(const char *name, enum encoding *encoding, struct error *err)
{
	static const struct {
		const char *name;
		enum encoding encoding;
	} names[] = {
		{ "utf-8", ENCODING_UTF8 },
		{ "utf8", ENCODING_UTF8 },
		{ "cp932", ENCODING_CP932 },
		{ "shift_jis", ENCODING_CP932 },
		{ "sjis", ENCODING_CP932 },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!strcasecmp(name, names[i].name)) {
			*encoding = names[i].encoding;
			return 0;
		}
	}
	return error_set(err, _("unknown encoding '%s' (use utf-8 or cp932)"), name);
}
