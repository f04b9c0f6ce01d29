/* xlsx_read.c: a sheet of an .xlsx workbook as records. The ZIP container
 * is opened with libzip, each entry checked (its path, its encryption,
 * its inflated size and ratio) before it is inflated; the XML is
 * streamed through libxml2's SAX2 parser, pulling the inflated bytes as
 * it needs them, and any DOCTYPE is refused before its entities. A sheet's
 * merged ranges are listed after its cells: a sheet that has any is
 * parsed twice, first for them, then row by row into records. */
#define _GNU_SOURCE
#include "xlsx_read.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <zip.h>

#include "bytes.h"
#include "fiscal_year.h"
#include "iso_time.h"
#include "number.h"

/* Shared strings: their bytes and how many. */
#define MAX_STRING_BYTES (64L << 20)
#define MAX_STRINGS (1L << 22)
/* The top-left values of merged ranges, in all. */
#define MAX_MERGED_BYTES (16L << 20)
#define MAX_ENTRIES 10000
/* Cell formats (xf) and number format ids read from the styles. */
#define MAX_XFS 65536
/* What a part is inflated by, a read at a time, for the parser. */
#define XML_READ (256 << 10)
#define MAX_FORMATS 1024

enum { DATE_NONE, DATE_DAY, DATE_TIME };
/* A format's byte: its date kind in the low bits, its decimals from here. */
#define FORMAT_PLACES 4

/* A cell's type (its t): a number, a shared string, a boolean, a
 * formula's string, an inline string, or another (an error, an ISO
 * date), whose text is read as it is. */
enum cell_type { CELL_NUMBER, CELL_SHARED, CELL_BOOLEAN, CELL_STR, CELL_INLINE, CELL_OTHER };

/* Columns "NAME (西暦)" after a header's last NAME. */
#define MAX_YEAR_PAIRS 8

static const unsigned char zip_magic[4] = { 'P', 'K', 3, 4 };
static const unsigned char ole_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

/* A merged range, 24 bytes (rows and columns fit Excel's bounds). */
struct merge {
	int32_t r1, c1, r2, c2;
	char *value;		/* the top-left cell's, once its row is read */
};

/* The parts read, in order; a sheet is first searched for the word
 * mergeCell (bytes only, no parse), and only a sheet that has it is
 * parsed for its merged ranges (PASS_MERGES) before its rows. */
enum pass { PASS_WORKBOOK, PASS_RELS, PASS_STYLES, PASS_STRINGS, PASS_FIND, PASS_MERGES, PASS_ROWS };

struct book {
	const char *path;
	struct error *err;
	int failed;		/* err is filled */
	int stopped;		/* fn's non-zero return */
	zip_t *zip;
	long inflated;
	xmlParserCtxtPtr p;
	/* the entry being parsed, inflated into in as the parser asks */
	zip_file_t *zf;
	zip_uint64_t declared, total;
	char *in;
	size_t in_len, in_at;
	int zip_error;		/* zip_fread failed */
	/* the first fatal XML error */
	char xml_error[256];
	long xml_line;
	/* the element's attributes as libxml2 gives them, and those asked
	 * for copied NUL-ended (attr) */
	const xmlChar **raw;
	int nraw, atts_ready;
	const char **atts;	/* per attribute, its copy or NULL */
	size_t atts_cap;
	char *att_text;
	size_t att_size, att_used;
	const char *entry;
	enum pass pass;
	/* the workbook: the sheet wanted and found */
	const char *want;
	char sheet[256], rid[256], names[512];
	char sheet_entry[512], strings_entry[512], styles_entry[512];
	/* styles: which cell formats (s="N") show a date, or a date and time */
	/* per cell format: 0, DATE_DAY or DATE_TIME, and above FORMAT_PLACES
	 * the decimals its number format shows (#,##0.00: 2) */
	unsigned char *xf_date;
	int nxf, in_xfs;
	unsigned char fmt_date[MAX_FORMATS];	/* per number format id, the same */
	int date1904;
	char *where;
	/* shared strings */
	struct bytes sst;
	size_t *sst_at, nsst, sst_cap;
	int in_si, in_t, in_v, in_is, rph;
	int depth;		/* elements open: the parser keeps each one's name */
	size_t si_start;
	/* the sheet */
	long columns;		/* the widest row so far: records' width */
	long row_last;		/* the last column of this row with a value */
	int has_merges;		/* the sheet names mergeCell */
	struct merge *merges;	/* by first row, once all are read */
	int nmerges, merges_cap;
	int next_merge;		/* the first not yet begun */
	int *active;		/* the merges over the row being read */
	int nactive;
	long merged_bytes;	/* of the active merges' values */
	long row, col, cell_col;
	enum cell_type cell_type;
	int cell_date;		/* the cell's format shows a date (DATE_DAY, DATE_TIME) */
	int cell_places;	/* the decimals it shows: 31.20, as the cell reads */
	int has_value;
	struct bytes cell, rowtext;
	size_t *cell_at;	/* per column, 1 + the offset of its text in rowtext, or 0 */
	size_t *cell_n;		/* per column with text, its length */
	struct csv_field *fields;
	/* the Gregorian years after the last column, and their NAMEs' columns */
	long pairs_from, pair_base[MAX_YEAR_PAIRS];
	int npairs;
	csv_record_fn fn;
	void *ctx;
};

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && strcasecmp(s + n - m, suffix) == 0;
}

/* The first bytes of data, or of path when it is a regular file. */
static size_t first_bytes(const char *path, const void *data, size_t len, unsigned char *buf,
			  size_t size)
{
	struct stat st;
	ssize_t n;
	int fd;

	if (data) {
		n = (ssize_t)(len < size ? len : size);
		memcpy(buf, data, (size_t)n);
		return (size_t)n;
	}
	/* Only a regular file: opening a FIFO would take a writer's data. */
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return 0;
	n = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, buf, size) : 0;
	close(fd);
	return n > 0 ? (size_t)n : 0;
}

int xlsx_is_workbook(const char *path, const void *data, size_t len)
{
	unsigned char b[8];
	size_t n;

	if (ends_with(path, ".xlsx") || ends_with(path, ".xls"))
		return 1;
	n = first_bytes(path, data, len, b, sizeof b);
	return (n >= 4 && memcmp(b, zip_magic, 4) == 0) || (n >= 8 && memcmp(b, ole_magic, 8) == 0);
}

/* Records the first failure, at PATH (or at PATH:SHEET!CELL with row),
 * and stops the parse under way. Returns -1. */
static int failv(struct book *b, long row, long col, const char *fmt, va_list ap)
{
	if (!b->failed) {
		error_clear(b->err);
		b->err->kind = ERROR_INVALID;
		snprintf(b->err->file, sizeof b->err->file, "%s", b->where);
		b->err->line = row;
		b->err->column = col;
		b->err->cell = row != 0;
		vsnprintf(b->err->text, sizeof b->err->text, fmt, ap);
		b->failed = 1;
	}
	if (b->p)
		xmlStopParser(b->p);
	return -1;
}

static int fail(struct book *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct book *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	failv(b, 0, 0, fmt, ap);
	va_end(ap);
	return -1;
}

static int fail_at(struct book *b, long row, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int fail_at(struct book *b, long row, long col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	failv(b, row, col, fmt, ap);
	va_end(ap);
	return -1;
}

static const char *attr(struct book *b, const char *name);

/* A cell reference, A1 to XFD1048576, into row and column; with
 * no_row a column alone (D) is taken. Returns 0 or -1. */
static int parse_ref(const char *s, long *row, long *col)
{
	long c = 0, r = 0;
	int letters = 0, digits = 0;

	while (*s == '$')
		s++;
	for (; *s >= 'A' && *s <= 'Z' && letters < 4; s++, letters++)
		c = c * 26 + (*s - 'A' + 1);
	while (*s == '$')
		s++;
	for (; *s >= '0' && *s <= '9' && digits < 8; s++, digits++)
		r = r * 10 + (*s - '0');
	if (!letters || !digits || *s || r < 1)
		return -1;
	*row = r;
	*col = c;
	return 0;
}

/* s as a number when it is at most nine digits and nothing else, else -1:
 * a sheet's millions of row numbers, styles and string indexes are read
 * without strtol, which is left what is written otherwise (signs,
 * spaces, more digits). */
static long digits(const char *s)
{
	long n = 0;
	int i;

	for (i = 0; s[i] >= '0' && s[i] <= '9'; i++) {
		if (i == 9)
			return -1;
		n = n * 10 + (s[i] - '0');
	}
	return i && !s[i] ? n : -1;
}

static int check_ref(struct book *b, long row, long col)
{
	if (row > XLSX_MAX_ROWS)
		return fail(b, _("a row past row %ld, the most a sheet has"), XLSX_MAX_ROWS);
	if (col > XLSX_MAX_COLUMNS)
		return fail(b, _("a column past column %ld (XFD), the most a sheet has"),
			    XLSX_MAX_COLUMNS);
	return 0;
}

/* An entry's target, from a relationship of xl/workbook.xml, into buf. */
static int resolve(struct book *b, const char *target, char *buf, size_t size)
{
	if (strstr(target, ".."))
		return fail(b, _("the entry path '%s' leaves the workbook"), target);
	if (target[0] == '/')
		snprintf(buf, size, "%s", target + 1);
	else
		snprintf(buf, size, "xl/%s", target);
	return 0;
}

static void merge_start(struct book *b)
{
	const char *ref = attr(b, "ref"), *colon = ref ? strchr(ref, ':') : NULL;
	char first[32] = "";
	long r1, c1, r2, c2;
	struct merge *grown;

	/* a range that is none ("foo", "A1", no ref) is refused, not passed
	 * over: the cells it was to fill would be read empty */
	if (colon && colon - ref < (long)sizeof first)
		snprintf(first, sizeof first, "%.*s", (int)(colon - ref), ref);
	if (!colon || colon - ref >= (long)sizeof first || parse_ref(first, &r1, &c1) < 0 ||
	    parse_ref(colon + 1, &r2, &c2) < 0 || r2 < r1 || c2 < c1) {
		fail(b, _("the merged range '%s' is not a range like A1:B2"), ref ? ref : "");
		return;
	}
	if (check_ref(b, r2, c2) < 0)
		return;
	if (b->nmerges >= XLSX_MAX_MERGES) {
		fail(b, _("more than %d merged ranges"), XLSX_MAX_MERGES);
		return;
	}
	if (b->nmerges == b->merges_cap) {
		int cap = b->merges_cap ? b->merges_cap * 2 : 64;

		grown = realloc(b->merges, (size_t)cap * sizeof *grown);
		if (!grown) {
			fail(b, "%s", _("out of memory"));
			return;
		}
		b->merges = grown;
		b->merges_cap = cap;
	}
	b->merges[b->nmerges++] = (struct merge){ (int32_t)r1, (int32_t)c1, (int32_t)r2,
						  (int32_t)c2, NULL };
}

static enum cell_type cell_type(const char *t)
{
	if (!t || strcmp(t, "n") == 0)
		return CELL_NUMBER;
	if (strcmp(t, "s") == 0)
		return CELL_SHARED;
	if (strcmp(t, "inlineStr") == 0)
		return CELL_INLINE;
	if (strcmp(t, "str") == 0)
		return CELL_STR;
	return strcmp(t, "b") == 0 ? CELL_BOOLEAN : CELL_OTHER;
}

static void cell_start(struct book *b)
{
	const char *ref = attr(b, "r"), *t = attr(b, "t"), *style;
	long row = b->row, col = b->col + 1;

	if (ref && parse_ref(ref, &row, &col) < 0) {
		fail_at(b, b->row, b->col + 1, _("'%s' is not a cell reference"), ref);
		return;
	}
	if (check_ref(b, b->row, col) < 0)
		return;
	b->col = b->cell_col = col;
	b->cell_type = cell_type(t);
	b->cell_date = DATE_NONE;
	b->cell_places = 0;
	if ((style = attr(b, "s"))) {
		long xf = digits(style);

		if (xf < 0)
			xf = strtol(style, NULL, 10);

		if (xf >= 0 && xf < b->nxf) {
			b->cell_date = b->xf_date[xf] % FORMAT_PLACES;
			b->cell_places = b->xf_date[xf] / FORMAT_PLACES;
		}
	}
	/* empty until text comes: a cell with none (<v/>, <is></is>, a
	 * formula giving "") is empty, not the cell before it */
	b->cell.len = 0;
	if (b->cell.data)
		b->cell.data[0] = '\0';
	b->has_value = 0;
}

static void row_start(struct book *b)
{
	const char *r = attr(b, "r");
	long row = b->row + 1;
	char *end;

	if (r && (row = digits(r)) < 1) {
		errno = 0;
		row = strtol(r, &end, 10);
		if (*end || errno || row < 1) {
			fail(b, _("'%s' is not a row number"), r);
			return;
		}
	}
	if (row <= b->row) {
		fail(b, _("row %ld comes after row %ld"), row, b->row);
		return;
	}
	if (check_ref(b, row, 1) < 0)
		return;
	b->row = row;
	b->col = 0;
	b->rowtext.len = 0;
	if (b->cell_at)
		memset(b->cell_at, 0, (size_t)(b->row_last + 1) * sizeof *b->cell_at);
	b->row_last = 0;
}

/* What a number format shows, from its code: a time when it has hours
 * or seconds, a date when it has years, months or days; what is quoted,
 * bracketed ([Red], [$-411]) or escaped is passed over. */
static int date_kind_of_code(const char *code)
{
	int date = 0, time = 0;
	const char *p;

	for (p = code; *p; p++) {
		if (*p == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if (*p == '[') {
			if (p[1] == 'h' || p[1] == 'H' || p[1] == 's' || p[1] == 'S')
				time = 1;	/* [h]: elapsed hours */
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
		} else if ((*p == '\\' || *p == '_' || *p == '*') && p[1]) {
			p++;
		} else if (strchr("hHsS", *p)) {
			time = 1;
		} else if (strchr("yYmMdD", *p)) {
			date = 1;
		}
	}
	return time ? DATE_TIME : date ? DATE_DAY : DATE_NONE;
}

/* The decimals a number format shows: the 0s after the point of its
 * first section ("#,##0.00" 2, "0.0%" 1), at most NUMBER_DIGITS. */
static int places_of_code(const char *code)
{
	const char *p = code;
	int n = 0;

	while (*p && *p != '.' && *p != ';' && *p != '"')
		p++;
	if (*p != '.')
		return 0;
	for (p++; *p == '0' && n < NUMBER_DIGITS; p++)
		n++;
	return n;
}

/* Excel's built-in number formats that show dates and times (ECMA-376
 * 18.8.30, and the East Asian ones Excel in Japan uses), or decimals
 * (0.00, #,##0.00, 0.00%). */
static int date_kind_of_id(const struct book *b, long id)
{
	if (id == 2 || id == 4 || id == 10)
		return 2 * FORMAT_PLACES;
	if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58))
		return DATE_DAY;
	if ((id >= 18 && id <= 22) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47))
		return DATE_TIME;
	return id >= 0 && id < MAX_FORMATS ? b->fmt_date[id] : DATE_NONE;
}

static void style_start(struct book *b, const char *n)
{
	const char *id = attr(b, "numFmtId");
	long i = id ? strtol(id, NULL, 10) : 0;

	if (strcmp(n, "numFmt") == 0 && id && attr(b, "formatCode")) {
		if (i >= 0 && i < MAX_FORMATS)
			b->fmt_date[i] = (unsigned char)(date_kind_of_code(attr(b, "formatCode")) +
					 FORMAT_PLACES * places_of_code(attr(b, "formatCode")));
	} else if (strcmp(n, "cellXfs") == 0) {
		b->in_xfs = 1;
	} else if (strcmp(n, "xf") == 0 && b->in_xfs) {
		if (b->nxf >= MAX_XFS) {
			fail(b, _("more than %d cell formats"), MAX_XFS);
			return;
		}
		if (!b->xf_date && !(b->xf_date = calloc(MAX_XFS, 1))) {
			fail(b, "%s", _("out of memory"));
			return;
		}
		b->xf_date[b->nxf++] = (unsigned char)date_kind_of_id(b, i);
	}
}

/* Grows *p (of *cap elements of size bytes) to hold need. Returns 0, or
 * -1 with the error recorded. */
static int room(struct book *b, void *p, size_t *cap, size_t need, size_t size)
{
	void *grown;

	if (need <= *cap)
		return 0;
	need = need < 2 * *cap ? 2 * *cap : need;
	grown = realloc(*(void **)p, need * size);
	if (!grown)
		return fail(b, "%s", _("out of memory"));
	*(void **)p = grown;
	*cap = need;
	return 0;
}

/* The element's attribute by its local name, or NULL. libxml2 gives
 * each attribute as five pointers (the local name, prefix, namespace, and
 * the value's first and past-the-end bytes); a value asked for is copied
 * NUL-ended into b->att_text, where room for all the element's values is
 * made at the first asked for, so that none moves while the element is
 * read (b->atts[i], the copy of the i-th, or NULL). NULL too when memory
 * runs out (recorded). */
static const char *attr(struct book *b, const char *name)
{
	const xmlChar **a = b->raw;
	size_t text = 0, len;
	int i;

	if (!b->atts_ready) {
		for (i = 0; i < b->nraw; i++)
			text += (size_t)(a[5 * i + 4] - a[5 * i + 3]) + 1;
		if (room(b, &b->atts, &b->atts_cap, (size_t)b->nraw + 1, sizeof *b->atts) < 0 ||
		    room(b, &b->att_text, &b->att_size, text + 1, 1) < 0)
			return NULL;
		memset(b->atts, 0, (size_t)b->nraw * sizeof *b->atts);
		b->att_used = 0;
		b->atts_ready = 1;
	}
	for (i = 0; i < b->nraw; i++, a += 5) {
		const char *n = (const char *)a[0];
		char *w;

		if (n[0] != name[0] || strcmp(n, name) != 0)
			continue;
		if (b->atts[i])
			return b->atts[i];
		len = (size_t)(a[4] - a[3]);
		w = b->att_text + b->att_used;
		memcpy(w, a[3], len);
		w[len] = '\0';
		b->att_used += len + 1;
		return b->atts[i] = w;
	}
	return NULL;
}

/* libxml2's start of an element: its local name, its attributes. */
static void on_start(void *ud, const xmlChar *localname, const xmlChar *prefix,
		     const xmlChar *uri, int nnamespaces, const xmlChar **namespaces,
		     int nattributes, int ndefaulted, const xmlChar **attributes)
{
	struct book *b = ud;
	const char *n = (const char *)localname;

	(void)prefix;
	(void)uri;
	(void)nnamespaces;
	(void)namespaces;
	(void)ndefaulted;
	/* a workbook's parts nest a dozen deep; thousands of levels would
	 * make the parser's stack of open elements the memory the limits bound */
	if (++b->depth > XLSX_MAX_DEPTH) {
		fail(b, _("elements nested more than %d deep"), XLSX_MAX_DEPTH);
		return;
	}
	b->raw = attributes;
	b->nraw = nattributes;
	b->atts_ready = 0;
	switch (b->pass) {
	case PASS_WORKBOOK:
		if (strcmp(n, "workbookPr") == 0 && attr(b, "date1904"))
			b->date1904 = strcmp(attr(b, "date1904"), "1") == 0 ||
				      strcmp(attr(b, "date1904"), "true") == 0;
		if (strcmp(n, "sheet") == 0 && attr(b, "name") && attr(b, "id")) {
			const char *sheet = attr(b, "name");
			size_t len = strlen(b->names);

			snprintf(b->names + len, sizeof b->names - len, "%s%s", len ? ", " : "", sheet);
			if (!b->rid[0] && (!b->want || strcmp(b->want, sheet) == 0)) {
				snprintf(b->sheet, sizeof b->sheet, "%s", sheet);
				snprintf(b->rid, sizeof b->rid, "%s", attr(b, "id"));
			}
		}
		return;
	case PASS_RELS:
		if (strcmp(n, "Relationship") == 0 && attr(b, "Id") && attr(b, "Target")) {
			const char *type = attr(b, "Type");

			if (strcmp(attr(b, "Id"), b->rid) == 0)
				resolve(b, attr(b, "Target"), b->sheet_entry, sizeof b->sheet_entry);
			else if (type && ends_with(type, "/sharedStrings"))
				resolve(b, attr(b, "Target"), b->strings_entry, sizeof b->strings_entry);
			else if (type && ends_with(type, "/styles"))
				resolve(b, attr(b, "Target"), b->styles_entry, sizeof b->styles_entry);
		}
		return;
	case PASS_STYLES:
		style_start(b, n);
		return;
	case PASS_STRINGS:
		if (strcmp(n, "si") == 0) {
			b->in_si = 1;
			b->si_start = b->sst.len;
		} else if (strcmp(n, "rPh") == 0) {
			b->rph++;
		} else if (strcmp(n, "t") == 0 && b->in_si && !b->rph) {
			b->in_t = 1;
		}
		return;
	default:
		break;
	}
	/* a sheet's millions of elements: told apart by their first bytes */
	switch (n[0]) {
	case 'c':
		if (!n[1])
			cell_start(b);
		break;
	case 'v':
		if (!n[1])
			b->in_v = b->has_value = 1;
		break;
	case 't':
		if (!n[1] && b->in_is && !b->rph)
			b->in_t = 1;
		break;
	case 'i':
		if (n[1] == 's' && !n[2])
			b->in_is = b->has_value = 1;
		break;
	case 'r':
		if (strcmp(n, "row") == 0)
			row_start(b);
		else if (strcmp(n, "rPh") == 0)
			b->rph++;
		break;
	case 'm':
		if (b->pass == PASS_MERGES && strcmp(n, "mergeCell") == 0)
			merge_start(b);
		break;
	default:
		break;
	}
}

static void on_text(void *ud, const xmlChar *text, int len)
{
	struct book *b = ud;
	const char *s = (const char *)text;

	if (b->pass == PASS_STRINGS) {
		if (b->in_t && bytes_add(&b->sst, s, (size_t)len, MAX_STRING_BYTES) < 0)
			fail(b, _("more than %ld MiB of shared strings"), MAX_STRING_BYTES >> 20);
		else if (b->in_t && b->sst.len - b->si_start > (size_t)XLSX_MAX_CELL)
			fail(b, _("a shared string longer than %ld MiB"), XLSX_MAX_CELL >> 20);
		return;
	}
	if (b->pass != PASS_ROWS || !(b->in_v || b->in_t))
		return;
	if (bytes_add(&b->cell, s, (size_t)len, (size_t)XLSX_MAX_CELL) < 0)
		fail_at(b, b->row, b->cell_col, _("a cell longer than %ld MiB"), XLSX_MAX_CELL >> 20);
}

/* A string's escapes of characters (_xHHHH_, as Excel and libxlsxwriter
 * write a control character, and _x005F_ for a literal "_") made the
 * characters again, in place; NUL and surrogates are left as written.
 * text is len bytes, NUL-ended. Returns the new length. */
static size_t unescape(char *text, size_t len)
{
	char *r = memchr(text, '_', len), *w;

	if (!r)
		return len;
	w = r;

	while (*r) {
		long c = bytes_xlsx_escape(r);

		if (c <= 0 || (c >= 0xD800 && c <= 0xDFFF)) {
			*w++ = *r++;
			continue;
		}
		if (c < 0x80) {
			*w++ = (char)c;
		} else if (c < 0x800) {
			*w++ = (char)(0xC0 | (c >> 6));
			*w++ = (char)(0x80 | (c & 0x3F));
		} else {
			*w++ = (char)(0xE0 | (c >> 12));
			*w++ = (char)(0x80 | ((c >> 6) & 0x3F));
			*w++ = (char)(0x80 | (c & 0x3F));
		}
		r += 7;
	}
	*w = '\0';
	return (size_t)(w - text);
}

static void string_end(struct book *b)
{
	if (b->nsst >= MAX_STRINGS) {
		fail(b, _("more than %ld shared strings"), MAX_STRINGS);
		return;
	}
	if (b->nsst == b->sst_cap) {
		size_t cap = b->sst_cap ? b->sst_cap * 2 : 1024;
		size_t *p = realloc(b->sst_at, cap * sizeof *p);

		if (!p) {
			fail(b, "%s", _("out of memory"));
			return;
		}
		b->sst_at = p;
		b->sst_cap = cap;
	}
	if (b->sst.data && b->sst.len > b->si_start)
		b->sst.len = b->si_start + unescape(b->sst.data + b->si_start, b->sst.len - b->si_start);
	if (bytes_add(&b->sst, "", 1, MAX_STRING_BYTES) < 0) {
		fail(b, "%s", _("out of memory"));
		return;
	}
	b->sst_at[b->nsst++] = b->si_start;
	b->in_si = 0;
}

/* Whether a number cell's text is what number_format would write for
 * it: digits, without a leading zero but for 0.x, an optional point and
 * decimals not ending in 0, not -0, at most 15 significant digits (so
 * that it reads back as itself and no shorter text reads as the same
 * double). Excel and libxlsxwriter write most numbers so; the rest is
 * read and printed again. */
static int is_plain(const char *t)
{
	const char *p = t + (*t == '-');
	int digits = 0, significant = 0, point = 0;

	if (p[0] == '0' && p[1] != '.')
		return p[1] == '\0' && p == t;	/* "0", not "-0" or "01" */
	for (; *p; p++) {
		if (*p == '.' && !point && digits) {
			point = 1;
		} else if (*p >= '0' && *p <= '9') {
			digits++;
			significant += significant || *p != '0';
		} else {
			return 0;
		}
	}
	return digits && significant && significant <= 15 && (!point || p[-1] != '0') &&
	       p[-1] != '.';
}

/* Whether a number cell's text is a number as a workbook writes one
 * (xsd:double's decimal form: an optional sign, digits with an optional
 * point, an optional exponent), not what strtod takes besides: "0x1A"
 * (hexadecimal), "inf", "nan", leading spaces. */
static int is_decimal(const char *t)
{
	const char *p = t + (*t == '-' || *t == '+');
	int digits = 0;

	for (; *p >= '0' && *p <= '9'; p++)
		digits++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
	if (!digits)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p += 1 + (p[1] == '-' || p[1] == '+');
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

static void civil_from_days(long z, long *y, long *m, long *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* n as width digits, zeros in front. */
static void put_digits(char *p, long n, int width)
{
	while (width-- > 0) {
		p[width] = (char)('0' + n % 10);
		n /= 10;
	}
}

/* An Excel date serial as 2025-06-10, or with a time of day as
 * 2025-04-01T09:00:00Z (to the second; kpitree's times are UTC, as it
 * writes them). Serial 1 is 1900-01-01 (1904-01-02 in the 1904 date
 * system), and 60 Excel's 1900-02-29, read as 1900-02-28. NULL for a
 * serial before 1900 or after 9999. */
static char *date_text(const struct book *b, double v, char *buf, size_t size)
{
	double day = floor(v);
	long secs = lround((v - day) * 86400), days = (long)day, y, m, d;

	if (!(v >= 0 && v < 2958466))
		return NULL;
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	if (b->date1904)
		days += 1462;
	else if (days < 60)
		days++;		/* before Excel's 1900-02-29, which never was */
	civil_from_days(iso_days_from_civil(1899, 12, 30) + days, &y, &m, &d);
	/* by hand: snprintf here cost a tenth of reading a sheet of times */
	if (size < sizeof "2025-04-01T09:00:00Z")
		return NULL;
	put_digits(buf, y, 4);
	buf[4] = buf[7] = '-';
	put_digits(buf + 5, m, 2);
	put_digits(buf + 8, d, 2);
	buf[10] = '\0';
	if (secs || b->cell_date != DATE_DAY) {
		buf[10] = 'T';
		put_digits(buf + 11, secs / 3600, 2);
		buf[13] = buf[16] = ':';
		put_digits(buf + 14, secs / 60 % 60, 2);
		put_digits(buf + 17, secs % 60, 2);
		memcpy(buf + 19, "Z", 2);
	}
	return buf;
}

/* The cell just read as text into the row. */
static void cell_end(struct book *b)
{
	enum cell_type type = b->cell_type;
	const char *text = b->cell.data ? b->cell.data : "";
	char num[64];
	size_t len;

	if (!b->has_value)
		return;
	if (b->pass != PASS_ROWS)
		return;
	if (type == CELL_SHARED) {
		char *end;
		long i;

		errno = 0;
		if ((i = digits(text)) < 0)
			i = strtol(text, &end, 10);
		else
			end = (char *)text + strlen(text);
		if (end == text || *end || errno || i < 0 || (size_t)i >= b->nsst) {
			fail_at(b, b->row, b->cell_col, _("shared string '%s' is not in the workbook"), text);
			return;
		}
		text = b->sst.data + b->sst_at[i];
	} else if (type == CELL_BOOLEAN) {
		text = strcmp(text, "1") == 0 ? "TRUE" : "FALSE";
	} else if ((type == CELL_INLINE || type == CELL_STR) && b->cell.data) {
		b->cell.len = unescape(b->cell.data, b->cell.len);
	} else if (type == CELL_NUMBER && *text && !b->cell_date && !b->cell_places &&
		   is_plain(text)) {
		/* already number_format's form: kept as it is, not printed again */
	} else if (type == CELL_NUMBER && *text) {
		double v = is_decimal(text) ? strtod(text, NULL) : NAN;

		if (!isfinite(v)) {
			fail_at(b, b->row, b->cell_col, _("'%s' is not a number, in a number cell"), text);
			return;
		}
		text = b->cell_date ? date_text(b, v, num, sizeof num)
				    : number_format_places(v, b->cell_places, 0, num, sizeof num);
		if (!text) {
			fail_at(b, b->row, b->cell_col, _("'%s' is not a date, in a date cell"),
				b->cell.data);
			return;
		}
	}
	if (!*text)
		return;
	len = text == b->cell.data ? b->cell.len : strlen(text);
	b->cell_at[b->cell_col] = b->rowtext.len + 1;
	b->cell_n[b->cell_col] = len;
	if (b->cell_col > b->row_last)
		b->row_last = b->cell_col;
	if (bytes_add(&b->rowtext, text, len + 1, (size_t)XLSX_MAX_ROW) < 0)
		fail_at(b, b->row, b->cell_col, _("a row longer than %ld MiB"), XLSX_MAX_ROW >> 20);
}

static const char *cell_text(struct book *b, long col)
{
	return b->cell_at[col] ? b->rowtext.data + b->cell_at[col] - 1 : "";
}

static size_t cell_len(struct book *b, long col)
{
	return b->cell_at[col] ? b->cell_n[col] : 0;
}

#define AD_SUFFIX " (西暦)"

/* Whether text is "NAME (西暦)"; its NAME's length into *n. */
static int is_gregorian_header(const char *text, size_t *n)
{
	size_t len = strlen(text), m = strlen(AD_SUFFIX);

	*n = len - m;
	return len > m && strcmp(text + len - m, AD_SUFFIX) == 0;
}

/* A header whose last columns are "NAME (西暦)", each after a column
 * NAME (xlsx_write.c writes a fiscal year so: 令和7年度 in NAME, 2025
 * last): those columns become the Gregorian years of their NAMEs.
 * Returns whether the row is such a header. */
static int find_gregorian(struct book *b, long columns)
{
	long c = columns, base, bases[MAX_YEAR_PAIRS];
	int n = 0, i;
	size_t len;

	while (c > 1 && n < MAX_YEAR_PAIRS && is_gregorian_header(b->fields[c - 1].text, &len))
		c--, n++;
	for (i = 0; i < n; i++) {
		const char *ad = b->fields[c + i].text;

		is_gregorian_header(ad, &len);
		for (base = c; base >= 1; base--)
			if (b->fields[base - 1].len == len && memcmp(b->fields[base - 1].text, ad, len) == 0)
				break;
		if (base < 1)
			return 0;
		bases[i] = base;
	}
	if (!n)
		return 0;
	memcpy(b->pair_base, bases, sizeof bases);
	b->npairs = n;
	b->pairs_from = c + 1;
	return 1;
}

/* A row under such a header: each Gregorian year checked against the
 * fiscal year of its NAME and put in its place (2025 for 令和7年度, as
 * the CSV has it), or there alone when NAME is empty. Returns the
 * columns left, or -1 with the error recorded. */
static long join_gregorian(struct book *b, long columns)
{
	int i;

	for (i = 0; i < b->npairs; i++) {
		long col = b->pairs_from + i;
		struct csv_field *base = &b->fields[b->pair_base[i] - 1];
		const char *ad = col <= columns ? b->fields[col - 1].text : "";
		struct error unused;
		char *end;
		long year;
		int named;

		if (!*ad)
			continue;
		errno = 0;
		year = strtol(ad, &end, 10);
		if (*end || errno || year < FISCAL_YEAR_MIN || year > FISCAL_YEAR_MAX)
			return fail_at(b, b->row, col, _("'%s' is not a Gregorian year"), ad);
		if (base->len && fiscal_year_parse(base->text, &named, &unused) < 0)
			continue;	/* for import to say, at its own cell */
		if (base->len && named != year)
			return fail_at(b, b->row, col, _("%ld is not the fiscal year '%s' beside it"),
				       year, base->text);
		*base = (struct csv_field){ ad, strlen(ad) };
	}
	return columns < b->pairs_from - 1 ? columns : b->pairs_from - 1;
}

/* The merges over the row just read: those past ended (their values
 * freed), those from this row begun, each of their cells without a value
 * of its own filled from its top-left cell. The merges are sorted by
 * their first row, so a row costs the merges over it, not all of them.
 * Returns 0 or -1. */
static int fill_merged(struct book *b)
{
	int i, kept = 0;
	long c;

	for (i = 0; i < b->nactive; i++) {
		struct merge *m = &b->merges[b->active[i]];

		if (m->r2 >= b->row) {
			b->active[kept++] = b->active[i];
		} else if (m->value) {
			b->merged_bytes -= (long)strlen(m->value) + 1;
			free(m->value);
			m->value = NULL;
		}
	}
	b->nactive = kept;
	while (b->next_merge < b->nmerges && b->merges[b->next_merge].r1 <= b->row) {
		if (b->merges[b->next_merge].r2 >= b->row)
			b->active[b->nactive++] = b->next_merge;
		b->next_merge++;
	}
	for (i = 0; i < b->nactive; i++) {
		struct merge *m = &b->merges[b->active[i]];

		if (m->r1 == b->row && m->c1 <= b->columns && *cell_text(b, m->c1)) {
			b->merged_bytes += (long)strlen(cell_text(b, m->c1)) + 1;
			if (b->merged_bytes > MAX_MERGED_BYTES || !(m->value = strdup(cell_text(b, m->c1))))
				return fail_at(b, b->row, m->c1, _("more than %ld MiB in merged cells"),
					       MAX_MERGED_BYTES >> 20);
		}
		if (!m->value)
			continue;
		for (c = m->c1; c <= m->c2 && c <= b->columns; c++)
			if (!b->fields[c - 1].len)
				b->fields[c - 1] = (struct csv_field){ m->value, strlen(m->value) };
	}
	return 0;
}

static int by_first_row(const void *x, const void *y)
{
	const struct merge *a = x, *b = y;

	return a->r1 != b->r1 ? (a->r1 < b->r1 ? -1 : 1) : (a->c1 > b->c1) - (a->c1 < b->c1);
}

/* The row just read, its merged cells filled, handed to fn unless it has
 * no value at all. */
static void row_end(struct book *b)
{
	struct csv_record r;
	int any = 0;
	long c, n;

	if (b->row_last > b->columns)
		b->columns = b->row_last;
	r = (struct csv_record){ b->row, (size_t)b->columns, b->fields, NULL };
	for (c = 1; c <= b->columns; c++)
		b->fields[c - 1] = (struct csv_field){ cell_text(b, c), cell_len(b, c) };
	if (b->nmerges && fill_merged(b) < 0)
		return;
	for (c = 0; c < b->columns && !any; c++)
		any = b->fields[c].len != 0;
	if (!any)
		return;
	if (find_gregorian(b, b->columns))
		n = b->pairs_from - 1;
	else if (b->npairs)
		n = join_gregorian(b, b->columns);
	else
		n = b->columns;
	if (n < 0)
		return;
	r.n = (size_t)n;
	if ((b->stopped = b->fn(b->ctx, &r)) != 0)
		xmlStopParser(b->p);
}

static void on_end(void *ud, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	struct book *b = ud;
	const char *n = (const char *)localname;

	(void)prefix;
	(void)uri;

	b->depth--;
	if (b->failed)
		return;
	if (b->pass == PASS_ROWS || b->pass == PASS_MERGES) {
		switch (n[0]) {
		case 'c':
			if (!n[1] && b->pass == PASS_ROWS)
				cell_end(b);
			break;
		case 'v':
			if (!n[1])
				b->in_v = 0;
			break;
		case 't':
			if (!n[1])
				b->in_t = 0;
			break;
		case 'i':
			if (n[1] == 's' && !n[2])
				b->in_is = 0;
			break;
		case 'r':
			if (b->pass == PASS_ROWS && strcmp(n, "row") == 0)
				row_end(b);
			else if (b->rph && strcmp(n, "rPh") == 0)
				b->rph--;
			break;
		default:
			break;
		}
	} else if (strcmp(n, "rPh") == 0 && b->rph) {
		b->rph--;
	} else if (strcmp(n, "t") == 0) {
		b->in_t = 0;
	} else if (b->pass == PASS_STYLES) {
		if (strcmp(n, "cellXfs") == 0)
			b->in_xfs = 0;
	} else if (b->pass == PASS_STRINGS) {
		if (strcmp(n, "si") == 0 && b->in_si)
			string_end(b);
	}
}

/* libxml2 calls this on a DOCTYPE, before its internal subset's
 * declarations are read: none is. */
static void on_doctype(void *ud, const xmlChar *name, const xmlChar *pubid, const xmlChar *sysid)
{
	struct book *b = ud;

	(void)name;
	(void)sysid;
	(void)pubid;
	fail(b, _("%s declares a DOCTYPE: entities are not read"), b->entry);
}

/* The first fatal error of the XML, to be told if the parse fails. */
static void on_error(void *ud, xmlErrorPtr e)
{
	struct book *b = ud;
	size_t n;

	if (b->xml_error[0] || !e || e->level != XML_ERR_FATAL)
		return;
	snprintf(b->xml_error, sizeof b->xml_error, "%s", e->message ? e->message : "?");
	n = strlen(b->xml_error);
	while (n && (b->xml_error[n - 1] == '\n' || b->xml_error[n - 1] == ' '))
		b->xml_error[--n] = '\0';
	b->xml_line = e->line;
}

/* libxml2's input: the entry inflated a buffer at a time, within its
 * declared size. A failure is recorded here and ends the input; the
 * parse is not stopped from inside its own read. */
static int read_xml(void *ud, char *buf, int len)
{
	struct book *b = ud;
	size_t n;

	if (b->failed || b->stopped || len <= 0)
		return 0;
	if (b->in_at == b->in_len) {
		zip_int64_t got = zip_fread(b->zf, b->in, XML_READ);

		if (got < 0) {
			b->zip_error = 1;
			return -1;
		}
		b->total += (zip_uint64_t)got;
		if (b->total > b->declared) {
			xmlParserCtxtPtr p = b->p;

			b->p = NULL;
			fail(b, _("%s inflates past its declared size"), b->entry);
			b->p = p;
			return -1;
		}
		b->in_len = (size_t)got;
		b->in_at = 0;
	}
	n = b->in_len - b->in_at < (size_t)len ? b->in_len - b->in_at : (size_t)len;
	memcpy(buf, b->in + b->in_at, n);
	b->in_at += n;
	return (int)n;
}

/* Whether the open entry's bytes hold word (b->has_merges), inflated
 * within the entry's declared size. Closes zf. Returns 0 or -1. */
static int find_word(struct book *b, zip_file_t *zf, const zip_stat_t *st, const char *name,
		     const char *word)
{
	size_t keep = strlen(word) - 1, have = 0;
	zip_uint64_t total = 0;
	char buf[65536 + 16];
	zip_int64_t n;

	while ((n = zip_fread(zf, buf + have, sizeof buf - 16)) > 0) {
		total += (zip_uint64_t)n;
		if (total > st->size) {
			fail(b, _("%s inflates past its declared size"), name);
			break;
		}
		have += (size_t)n;
		if (memmem(buf, have, word, keep + 1)) {
			b->has_merges = 1;
			break;
		}
		/* a word cut between two reads */
		memmove(buf, buf + have - (have < keep ? have : keep), have < keep ? have : keep);
		have = have < keep ? have : keep;
	}
	if (!b->failed && n < 0)
		fail(b, "%s: %s", name, zip_file_strerror(zf));
	zip_fclose(zf);
	return b->failed ? -1 : 0;
}

/* Parses the entry name through the handlers for pass. An entry that is
 * not there is an error when required. Returns 0, fn's non-zero return,
 * or -1 with the error recorded. */
static int read_entry(struct book *b, const char *name, enum pass pass, int required)
{
	xmlSAXHandler sax;
	zip_stat_t st;
	zip_file_t *zf;
	int rc = 0, sheet;

	zip_stat_init(&st);
	if (zip_stat(b->zip, name, 0, &st) != 0)
		return required ? fail(b, _("no %s in the workbook"), name) : 0;
	/* The sheet is streamed, within a bound of its own; the parts held
	 * in memory count together. */
	sheet = pass == PASS_FIND || pass == PASS_MERGES || pass == PASS_ROWS;
	if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE) ||
	    (!sheet && st.size > (zip_uint64_t)(XLSX_MAX_INFLATED - b->inflated)))
		return fail(b, _("%s inflates past %ld MiB, the most read from a workbook"), name,
			    XLSX_MAX_INFLATED >> 20);
	if (sheet && st.size > (zip_uint64_t)XLSX_MAX_SHEET)
		return fail(b, _("%s inflates past %ld MiB, the most a sheet is read to"), name,
			    XLSX_MAX_SHEET >> 20);
	if (st.size > (1u << 20) && st.size / (st.comp_size ? st.comp_size : 1) > XLSX_MAX_RATIO)
		return fail(b, _("%s inflates more than %d times (a ZIP bomb?)"), name,
			    XLSX_MAX_RATIO);
	zf = zip_fopen(b->zip, name, 0);
	if (!zf)
		return fail(b, "%s: %s", name, zip_strerror(b->zip));
	if (pass == PASS_FIND)
		return find_word(b, zf, &st, name, "mergeCell");
	b->pass = pass;
	b->entry = name;
	b->in_t = b->in_v = b->in_is = b->rph = b->in_si = 0;
	b->depth = 0;
	b->zf = zf;
	b->declared = st.size;
	b->total = 0;
	b->in_len = b->in_at = 0;
	b->zip_error = 0;
	b->xml_error[0] = '\0';
	b->xml_line = 0;
	if (!b->in && !(b->in = malloc(XML_READ))) {
		zip_fclose(zf);
		return fail(b, "%s", _("out of memory"));
	}
	memset(&sax, 0, sizeof sax);
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_text;
	sax.cdataBlock = on_text;
	sax.ignorableWhitespace = on_text;
	sax.internalSubset = on_doctype;
	sax.serror = on_error;
	b->p = xmlCreateIOParserCtxt(&sax, b, read_xml, NULL, b, XML_CHAR_ENCODING_NONE);
	if (!b->p) {
		zip_fclose(zf);
		return fail(b, "%s", _("out of memory"));
	}
	/* no network, no external DTD, no entity substituted; libxml2's own
	 * limits (a text or name of 10 MB, a dictionary of names of 10 MB)
	 * stay on */
	xmlCtxtUseOptions(b->p, XML_PARSE_NONET);
	xmlParseDocument(b->p);
	if (!b->failed && !b->stopped && b->zip_error)
		fail(b, "%s: %s", name, zip_file_strerror(zf));
	if (!b->failed && !b->stopped && !b->p->wellFormed)
		fail(b, _("%s:%lu: not well-formed XML: %s"), name, (unsigned long)b->xml_line,
		     b->xml_error[0] ? b->xml_error : "?");
	if (!sheet)
		b->inflated += (long)b->total;
	xmlFreeParserCtxt(b->p);
	b->p = NULL;
	zip_fclose(zf);
	if (b->failed)
		rc = -1;
	else if (b->stopped)
		rc = b->stopped;
	return rc;
}

/* Entry i: its path stays inside the workbook, and it is not
 * encrypted. Its name into *name. Returns 0 or -1. */
static int check_entry(struct book *b, zip_int64_t i, const char **name_out)
{
	const char *name = zip_get_name(b->zip, (zip_uint64_t)i, 0);
	zip_stat_t st;

	if (!name)
		return fail(b, "%s", zip_strerror(b->zip));
	*name_out = name;
	if (name[0] == '/' || strchr(name, '\\') || strcmp(name, "..") == 0 ||
	    strncmp(name, "../", 3) == 0 || strstr(name, "/../") || ends_with(name, "/.."))
		return fail(b, _("the entry path '%s' leaves the workbook"), name);
	zip_stat_init(&st);
	if (zip_stat_index(b->zip, (zip_uint64_t)i, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
		return fail(b, "%s", _("a password-protected workbook: open it in Excel and save it"
				       " as an Excel Workbook (.xlsx) without a password, then"
				       " import that"));
	return 0;
}

static int by_name(const void *x, const void *y)
{
	return strcasecmp(*(const char *const *)x, *(const char *const *)y);
}

/* No two entries have the same name (part names are the same whatever
 * their letters' case): which of them a reader takes is up to the
 * reader, so a second sheet1.xml could show one program other cells than
 * another. Returns 0 or -1. */
static int check_duplicates(struct book *b, const char **names, size_t n)
{
	size_t i;

	qsort(names, n, sizeof *names, by_name);
	for (i = 1; i < n; i++)
		if (strcasecmp(names[i - 1], names[i]) == 0)
			return fail(b, _("the entry '%s' is in the workbook twice"), names[i]);
	return 0;
}

/* Every entry's path stays inside the workbook, none is there twice and
 * none is encrypted. */
static int check_entries(struct book *b)
{
	zip_int64_t i, n = zip_get_num_entries(b->zip, 0);
	const char **names;
	int rc = 0;

	if (n > MAX_ENTRIES)
		return fail(b, _("more than %d entries"), MAX_ENTRIES);
	if (!(names = malloc(((size_t)n + 1) * sizeof *names)))
		return fail(b, "%s", _("out of memory"));
	for (i = 0; i < n && rc == 0; i++)
		rc = check_entry(b, i, &names[i]);
	if (rc == 0)
		rc = check_duplicates(b, names, (size_t)n);
	free(names);
	return rc;
}

static int open_zip(struct book *b, const void *data, size_t len)
{
	unsigned char head[8];
	size_t n = first_bytes(b->path, data, len, head, sizeof head);
	zip_error_t ze;
	struct stat st;
	int code;

	if (!data && stat(b->path, &st) != 0)
		return fail(b, "%s", strerror(errno));
	if (!data && !S_ISREG(st.st_mode))
		return fail(b, "%s", _("a workbook must be a regular file (not a pipe or a device)"));
	if (n >= 8 && memcmp(head, ole_magic, 8) == 0)
		return fail(b, "%s", _("an Excel 97-2003 workbook (.xls) or a password-protected one:"
				       " open it in Excel and save it as an Excel Workbook (.xlsx)"
				       " without a password, then import that"));
	if (n < 4 || memcmp(head, zip_magic, 4) != 0)
		return fail(b, "%s", _("not an .xlsx workbook (no ZIP container): save it as an Excel"
				       " Workbook (.xlsx), or name a CSV file .csv"));
	zip_error_init(&ze);
	if (data) {
		zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);

		b->zip = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
		if (src && !b->zip)
			zip_source_free(src);
	} else {
		b->zip = zip_open(b->path, ZIP_RDONLY, &code);
		if (!b->zip)
			zip_error_init_with_code(&ze, code);
	}
	if (!b->zip) {
		fail(b, _("not a readable workbook: %s"), zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return -1;
	}
	zip_error_fini(&ze);
	return check_entries(b);
}

/* The sheet wanted: its entry and its shared strings' entry. */
static int find_sheet(struct book *b)
{
	if (read_entry(b, "xl/workbook.xml", PASS_WORKBOOK, 1) < 0)
		return -1;
	if (!b->rid[0])
		return b->want ? fail(b, _("no sheet '%s' (sheets: %s)"), b->want, b->names)
			       : fail(b, _("no sheet in the workbook"));
	snprintf(b->where, 512, "%s:%s", b->path, b->sheet);
	if (read_entry(b, "xl/_rels/workbook.xml.rels", PASS_RELS, 1) < 0)
		return -1;
	if (!b->sheet_entry[0])
		return fail(b, _("sheet '%s' has no part in the workbook"), b->sheet);
	return 0;
}

int xlsx_read(const char *path, const void *data, size_t len, const char *sheet,
	      csv_record_fn fn, void *ctx, char *where, size_t where_size, struct error *err)
{
	struct book b = { .path = path, .err = err, .want = sheet, .fn = fn, .ctx = ctx };
	char at[512];
	int rc, i;

	/* once, in whichever thread reads first (libxml2 makes it safe) */
	xmlInitParser();
	snprintf(at, sizeof at, "%s", path);
	b.where = at;
	rc = open_zip(&b, data, len);
	if (rc == 0)
		rc = find_sheet(&b);
	if (rc == 0 && b.styles_entry[0])
		rc = read_entry(&b, b.styles_entry, PASS_STYLES, 1);
	if (rc == 0 && b.strings_entry[0])
		rc = read_entry(&b, b.strings_entry, PASS_STRINGS, 1);
	if (rc == 0)
		rc = read_entry(&b, b.sheet_entry, PASS_FIND, 1);
	if (rc == 0 && b.has_merges)
		rc = read_entry(&b, b.sheet_entry, PASS_MERGES, 1);
	if (rc == 0 && b.nmerges) {
		qsort(b.merges, (size_t)b.nmerges, sizeof *b.merges, by_first_row);
		if (!(b.active = malloc((size_t)b.nmerges * sizeof *b.active)))
			rc = fail(&b, "%s", _("out of memory"));
	}
	if (rc == 0) {
		b.cell_at = calloc((size_t)XLSX_MAX_COLUMNS + 1, sizeof *b.cell_at);
		b.cell_n = calloc((size_t)XLSX_MAX_COLUMNS + 1, sizeof *b.cell_n);
		b.fields = calloc((size_t)XLSX_MAX_COLUMNS, sizeof *b.fields);
		if (!b.cell_at || !b.cell_n || !b.fields)
			rc = fail(&b, "%s", _("out of memory"));
	}
	snprintf(where, where_size, "%s", at);
	if (rc == 0) {
		b.row = 0;
		rc = read_entry(&b, b.sheet_entry, PASS_ROWS, 1);
	}
	if (b.zip)
		zip_discard(b.zip);
	for (i = 0; i < b.nmerges; i++)
		free(b.merges[i].value);
	free(b.merges);
	free(b.active);
	free(b.xf_date);
	free(b.sst.data);
	free(b.sst_at);
	free(b.cell.data);
	free(b.rowtext.data);
	free(b.cell_at);
	free(b.cell_n);
	free(b.fields);
	free(b.in);
	free(b.atts);
	free(b.att_text);
	return rc;
}
