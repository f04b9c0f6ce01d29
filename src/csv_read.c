/* csv_read.c: RFC 4180 records from a text source through libcsv, each
 * with the line it starts on; limits on cells and rows keep memory bounded. */
#include "csv_read.h"
#include "csv_write.h"
#include "i18n.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

/* UTF-8 asked of the text source at a time. */
#define CSV_CHUNK (64 * 1024)

/* Cells in one row, and bytes in one row (NULs included): with these a
 * row's storage is fixed, whatever the file holds. */
#define CSV_MAX_CELLS 1024
#define CSV_MAX_ROW (16 * CSV_MAX_CELL)

struct reader {
	struct csv_parser parser;
	const char *path;
	csv_record_fn fn;
	void *ctx;
	struct error *err;
	int status;			/* 0, -1 with err filled, or fn's return */
	long line;			/* of the text being fed */
	long record_line;		/* where the record being built starts */
	long cell_line;			/* where the cell being built opens */
	long records;
	int line_start;			/* libcsv is between records, at a line's start */
	int cr;				/* the text fed so far ends in a CR */

	/* The record being built: its cells' bytes one after the other in
	 * row, reused from record to record. */
	size_t n, used;
	struct csv_field fields[CSV_MAX_CELLS];
	char row[CSV_MAX_ROW];
	char text[CSV_CHUNK];
};

/* Spaces are part of a cell (RFC 4180), as Excel keeps them; libcsv
 * would trim them from unquoted cells. */
static int csv_no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* Whether one more cell of len bytes may come; if not, r->status says
 * why. */
static int cell_fits(struct reader *r, size_t len)
{
	long column = (long)r->n + 1;

	if (len > CSV_MAX_CELL)
		r->status = error_at(r->err, r->path, r->cell_line, column,
				     _("cell longer than %d bytes"), CSV_MAX_CELL);
	else if (r->n == CSV_MAX_CELLS)
		r->status = error_at(r->err, r->path, r->cell_line, column,
				     _("more than %d cells in one row"), CSV_MAX_CELLS);
	return !r->status;
}

/* How many bytes of cell s[0, len) are the ' that csv_put_cell writes
 * before a text a spreadsheet would take for a formula (csv_guarded):
 * 1, or 0. */
static size_t guard_of(const char *s, size_t len)
{
	return len >= 2 && s[0] == '\'' && s[1] && strchr(CSV_FORMULA_STARTS "'", s[1]);
}

/* A cell of s[0, len), which need not end in a NUL. */
static void add_cell(struct reader *r, const char *s, size_t len)
{
	size_t guard = guard_of(s, len);

	s += guard;
	len -= guard;
	if (r->status || !cell_fits(r, len))
		return;
	if (len + 1 > CSV_MAX_ROW - r->used) {
		r->status = error_at(r->err, r->path, r->record_line, 0,
				     _("row longer than %d bytes"), CSV_MAX_ROW);
		return;
	}
	memcpy(r->row + r->used, s, len);
	r->row[r->used + len] = '\0';
	r->fields[r->n].text = r->row + r->used;
	r->fields[r->n].len = len;
	r->n++;
	r->used += len + 1;
	/* The next cell starts after the comma, on the line being fed. */
	r->cell_line = r->line;
}

static void on_cell(void *s, size_t len, void *data)
{
	add_cell(data, s, len);
}

static void on_row(int c, void *data)
{
	struct reader *r = data;
	struct csv_record record;

	(void)c;
	if (r->status)
		return;
	record.line = r->record_line;
	record.n = r->n;
	record.fields = r->fields;
	record.prepared = NULL;
	r->records++;
	r->status = r->fn(r->ctx, &record);
	r->n = r->used = 0;
}

/* libcsv stopped at a quote in the wrong place. */
static int parse_error(struct reader *r)
{
	long column = (long)r->n + 1;

	if (r->status)
		return r->status;
	if (csv_error(&r->parser) != CSV_EPARSE)
		return r->status = error_set(r->err, _("out of memory"));
	/* Still in a quoted cell: something other than a comma or a line
	 * end came after its closing quote. */
	if (r->parser.quoted)
		return r->status = error_at(r->err, r->path, r->line, column,
					    _("text after a closing quote (a quote inside a quoted cell is written \"\")"));
	return r->status = error_at(r->err, r->path, r->line, column,
				    _("a quote inside an unquoted cell"));
}

/* A cell of s[0, len), s[len] a NUL, left where it is: the cell's checks
 * of add_cell without its copy. */
static void take_cell(struct reader *r, const char *s, size_t len)
{
	size_t guard = guard_of(s, len);

	s += guard;
	len -= guard;
	if (!cell_fits(r, len))
		return;
	r->fields[r->n].text = s;
	r->fields[r->n].len = len;
	r->n++;
}

/* A whole line s[0, k) (its '\n' last) read without libcsv, when it has
 * no quote and no CR but before the '\n': its cells are the text between
 * commas, as libcsv finds them, and a line of nothing is skipped as
 * libcsv skips it. The cells stay in s, each comma and the line's end
 * made a NUL (s is the reader's own text, read again from the source
 * next). Returns 0 if the line is not such a line (nothing done), 1 if
 * it was taken (r->status says how it went). */
static int plain_line(struct reader *r, char *s, size_t k)
{
	char *end = s + k - 1, *p;

	if (end > s && end[-1] == '\r')
		end--;
	if (memchr(s, '"', (size_t)(end - s)) || memchr(s, '\r', (size_t)(end - s)))
		return 0;
	if (end == s)
		return 1;
	r->record_line = r->line;
	r->cell_line = r->line;
	for (p = s;;) {
		char *comma = memchr(p, ',', (size_t)(end - p));
		char *stop = comma ? comma : end;

		*stop = '\0';
		take_cell(r, p, (size_t)(stop - p));
		if (r->status)
			return 1;
		if (!comma)
			break;
		p = comma + 1;
	}
	on_row(0, r);
	return 1;
}

/* The length of the first line of s[0, n), its end included: LF, CR LF
 * or a CR alone (*ended set), or all of s (*ended 0). A CR that ends s
 * may be the first half of a CR LF: r->cr then says so. *lf: the line
 * ends in an LF. */
static size_t first_line(struct reader *r, const char *s, size_t n, int *ended, int *lf)
{
	const char *nl = memchr(s, '\n', n);
	size_t lim = nl ? (size_t)(nl - s) : n;
	const char *cr = memchr(s, '\r', lim);

	*lf = 0;
	*ended = 1;
	r->cr = 0;
	if (cr && (size_t)(cr - s) + 1 < lim)
		return (size_t)(cr - s) + 1;	/* a CR alone */
	if (nl) {
		*lf = 1;
		return lim + 1;
	}
	*ended = 0;
	r->cr = cr != NULL;			/* the last byte, so far alone */
	return n;
}

/* Feeds s[0, n) to libcsv one line at a time, so that each record and
 * cell knows the line it opened on. Returns r->status. */
static int feed(struct reader *r, char *s, size_t n)
{
	/* A CR that ended the text before, with no LF after it, ended a line. */
	if (r->cr && n && *s != '\n') {
		r->line++;
		r->line_start = !r->parser.quoted;
	}
	while (n && !r->status) {
		int ended, lf;
		size_t k = first_line(r, s, n, &ended, &lf);

		/* Most lines of most files have no quotes: those between
		 * records are split here, libcsv's work per byte spared. */
		if (lf && r->line_start && plain_line(r, s, k)) {
			r->line++;
			s += k;
			n -= k;
			continue;
		}
		/* Only a quoted cell carries anything over a line end; outside
		 * one, what comes next opens on this line: a cell, and a record
		 * if none of its cells is in yet. */
		if (!r->parser.quoted) {
			r->cell_line = r->line;
			if (r->n == 0)
				r->record_line = r->line;
		}
		if (csv_parse(&r->parser, s, k, on_cell, on_row, r) != k)
			return parse_error(r);
		/* Stop a cell that is too long before libcsv holds much more of
		 * it; the one byte over is a closing quote it keeps until the
		 * cell ends. */
		if (!r->status && r->parser.entry_pos > CSV_MAX_CELL + 1)
			r->status = error_at(r->err, r->path, r->cell_line, (long)r->n + 1,
					     _("cell longer than %d bytes"), CSV_MAX_CELL);
		if (ended)
			r->line++;
		/* After a line's end outside quotes libcsv has ended the record. */
		r->line_start = ended && !r->parser.quoted;
		s += k;
		n -= k;
	}
	return r->status;
}

/* Reads the whole source into libcsv. Returns 0 or the first failure. */
static int read_all(struct reader *r, struct text_source *t)
{
	long got;

	while ((got = text_read(t, r->text, sizeof r->text, r->err)) > 0) {
		const char *nul = memchr(r->text, '\0', (size_t)got);
		size_t n = nul ? (size_t)(nul - r->text) : (size_t)got;

		if (feed(r, r->text, n))
			return r->status;
		if (nul)
			return error_at(r->err, r->path, r->line, (long)r->n + 1, _("NUL byte"));
	}
	if (got < 0) {
		/* An encoding error's column is the cell, as a CSV error's. */
		if (r->err && r->err->line > 0)
			r->err->column = (long)r->n + 1;
		return -1;
	}
	if (csv_fini(&r->parser, on_cell, on_row, r) != 0)
		return error_at(r->err, r->path, r->cell_line, (long)r->n + 1, _("unclosed quote"));
	if (r->status)
		return r->status;
	if (!r->records)
		return error_at(r->err, r->path, 0, 0, _("empty file"));
	return 0;
}

int csv_read(const char *path, const void *data, size_t len, enum encoding encoding,
	     csv_record_fn fn, void *ctx, struct error *err)
{
	struct reader *r;
	struct text_source *t;
	int rc;

	t = text_open(path, data, len, encoding, err);
	if (!t)
		return -1;
	r = malloc(sizeof *r);
	if (!r) {
		text_close(t);
		return error_set(err, _("out of memory"));
	}
	r->path = path;
	r->fn = fn;
	r->ctx = ctx;
	r->err = err;
	r->status = 0;
	r->line = r->record_line = r->cell_line = 1;
	r->records = 0;
	r->line_start = 1;
	r->cr = 0;
	r->n = r->used = 0;
	csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_space_func(&r->parser, csv_no_space);
	/* libcsv grows a cell's buffer by this much at a time. */
	csv_set_blk_size(&r->parser, 4096);
	rc = read_all(r, t);
	csv_free(&r->parser);
	free(r);
	text_close(t);
	return rc;
}
