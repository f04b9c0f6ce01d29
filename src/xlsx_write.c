/* xlsx_write.c: workbooks. A sheet takes rows as a CSV writer gives them
 * (csv_export_rows, the report's rows into a sink), so that both formats
 * hold the same cells; here each cell becomes text, a number, a date or
 * a fiscal year in two columns, and repeated cells of nested levels are
 * merged. libxlsxwriter runs in constant memory: a row is written before
 * the next begins, so rows are held one behind to know where a merge
 * ends. */
#include "xlsx_write.h"
#include "i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "bytes.h"
#include "fiscal_year.h"
#include "number.h"
#include "outfile.h"
#include "width.h"

/* Columns wider than this (in Excel's units: a half-width character)
 * wrap instead. */
#define MAX_WIDTH 50
#define MAX_COLUMNS 64
#define MAX_MERGED 16

/* A row as given: its cells' text (NUL-separated) and kinds. */
struct row {
	struct bytes text;
	size_t at[MAX_COLUMNS];
	enum csv_cell what[MAX_COLUMNS];
	int n;
	int header;
};

struct xlsx_sheet {
	lxw_workbook *book;
	lxw_worksheet *ws;
	enum xlsx_sheet_kind kind;
	lxw_format *header, *wrap, *merged, *integer, *percent, *date, *time;
	lxw_format *quantity[NUMBER_DIGITS + 1];
	struct row rows[2];	/* the row held and the row being given */
	int held;		/* rows[0] holds a row not yet written */
	int next_header;	/* the row being given is a header */
	lxw_row_t row;		/* where the held row goes */
	lxw_col_t columns;	/* in the widest row written */
	int year[MAX_COLUMNS];	/* the columns of years, from the last header */
	int header_n;		/* its cells */
	int years_last;		/* their Gregorian years after the last column */
	int width[MAX_COLUMNS * 2];
	int merge[MAX_MERGED], nmerge;
	lxw_row_t run[MAX_MERGED];	/* where each merged column's run began */
	lxw_error failed;	/* the first failure, LXW_NO_ERROR */
	int no_memory;
	int too_wide;		/* a row of more than MAX_COLUMNS cells */
	struct csv_sink sink;
};

int xlsx_is_name(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && strcasecmp(name + n - 5, ".xlsx") == 0;
}

/* The widest line of text in display columns. */
static int widest_line(const char *text)
{
	int widest = 0;

	while (*text) {
		const char *end = strchr(text, '\n');
		size_t len = end ? (size_t)(end - text) : strlen(text);
		char line[1024];
		int w;

		snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line ? len : sizeof line - 1),
			 text);
		w = width_of(line);
		if (w > widest)
			widest = w;
		text += len + (end != NULL);
	}
	return widest;
}

static lxw_format *new_format(struct xlsx_sheet *sh, const char *num_format)
{
	lxw_format *f = workbook_add_format(sh->book);

	if (f && num_format)
		format_set_num_format(f, num_format);
	return f;
}

/* The format of a quantity: grouped, with the decimals its text has
 * (31.20: two). */
static lxw_format *quantity_format(struct xlsx_sheet *sh, const char *text)
{
	int decimals = number_decimals(text);
	char spec[32] = "#,##0";

	if (decimals > NUMBER_DIGITS)
		decimals = NUMBER_DIGITS;
	if (!sh->quantity[decimals]) {
		if (decimals)
			snprintf(spec + 5, sizeof spec - 5, ".%.*s", decimals, "000000000000000");
		sh->quantity[decimals] = new_format(sh, spec);
	}
	return sh->quantity[decimals];
}

/* 2025-04-01 or 2025-04-01T09:00:00Z into d; 0, or -1 for other text. */
static int parse_time(const char *text, lxw_datetime *d)
{
	int y, mo, day, h = 0, mi = 0, n = 0;
	double s = 0;

	if (sscanf(text, "%4d-%2d-%2d%n", &y, &mo, &day, &n) != 3 || n != 10)
		return -1;
	if (text[10] && (sscanf(text + 10, "T%2d:%2d:%lfZ%n", &h, &mi, &s, &n) != 3 ||
			 text[10 + n]))
		return -1;
	if (mo < 1 || mo > 12 || day < 1 || day > 31 || h > 23 || mi > 59 || s < 0 || s >= 61)
		return -1;
	*d = (lxw_datetime){ y, mo, day, h, mi, s };
	return 0;
}

static void note(struct xlsx_sheet *sh, lxw_error rc)
{
	if (rc != LXW_NO_ERROR && !sh->failed)
		sh->failed = rc;
}

static void widen(struct xlsx_sheet *sh, lxw_col_t col, const char *text)
{
	int w = widest_line(text) + 2;

	if (col < MAX_COLUMNS * 2 && w > sh->width[col])
		sh->width[col] = w > MAX_WIDTH ? MAX_WIDTH : w;
}

static const char *row_text(const struct row *r, int i)
{
	return i < r->n ? r->text.data + r->at[i] : "";
}

/* The columns cell i takes: two for a year beside its Gregorian one. */
static lxw_col_t span(const struct xlsx_sheet *sh, int i)
{
	return 1 + (sh->year[i] && !sh->years_last);
}

/* The Gregorian year of the year column i at col: its header
 * "NAME (西暦)", or the year as a number. */
static void write_gregorian(struct xlsx_sheet *sh, const struct row *r, int i, lxw_col_t col)
{
	const char *text = row_text(r, i);
	char buf[256];

	if (r->header) {
		snprintf(buf, sizeof buf, "%s (西暦)", text);
		note(sh, worksheet_write_string(sh->ws, sh->row, col, buf, sh->header));
		widen(sh, col, buf);
	} else if (*text && r->what[i] == CSV_YEAR) {
		note(sh, worksheet_write_number(sh->ws, sh->row, col, atoi(text), sh->integer));
		widen(sh, col, text);
	}
}

/* text with each "_" that would start an escape (_xHHHH_) written
 * _x005F_, so that a reader takes it as written; NULL when text has none
 * (or memory ran out: then it is written as it is). Free the result. */
static char *escape_literals(const char *text)
{
	const char *p;
	size_t n = 0;
	char *out, *w;

	for (p = text; (p = strstr(p, "_x")); p++)
		n += bytes_xlsx_escape(p) >= 0;
	if (!n || !(out = malloc(strlen(text) + n * 6 + 1)))
		return NULL;
	for (p = text, w = out; *p; p++) {
		if (bytes_xlsx_escape(p) >= 0) {
			memcpy(w, "_x005F", 6);
			w += 6;
		}
		*w++ = *p;
	}
	*w = '\0';
	return out;
}

/* One cell of the held row at col, as its kind says. Returns the next
 * column. */
static lxw_col_t write_cell(struct xlsx_sheet *sh, const struct row *r, int i, lxw_col_t col,
			    lxw_format *text_format)
{
	const char *text = row_text(r, i);
	enum csv_cell what = r->what[i];
	lxw_row_t row = sh->row;
	lxw_datetime d;
	char buf[64];

	if (sh->year[i] && !sh->years_last)
		write_gregorian(sh, r, i, col + 1);
	if (r->header) {
		note(sh, worksheet_write_string(sh->ws, row, col, text, sh->header));
		widen(sh, col, text);
		return col + span(sh, i);
	}
	if (!*text)
		return col + span(sh, i);
	if (sh->year[i] && what == CSV_YEAR) {
		fiscal_year_japanese(atoi(text), buf, sizeof buf);
		note(sh, worksheet_write_string(sh->ws, row, col, buf, NULL));
		widen(sh, col, buf);
		return col + span(sh, i);
	}
	if ((what == CSV_DATE || what == CSV_TIME) && parse_time(text, &d) == 0) {
		note(sh, worksheet_write_datetime(sh->ws, row, col, &d,
						  what == CSV_DATE ? sh->date : sh->time));
		widen(sh, col, what == CSV_DATE ? "2025-04-01" : "2025-04-01 09:00:00");
		return col + span(sh, i);
	}
	switch (what) {
	case CSV_QUANTITY:
		note(sh, worksheet_write_number(sh->ws, row, col, strtod(text, NULL),
						quantity_format(sh, text)));
		break;
	case CSV_WHOLE:
	case CSV_YEAR:
		note(sh, worksheet_write_number(sh->ws, row, col, strtod(text, NULL), sh->integer));
		break;
	case CSV_PERCENT:
		note(sh, worksheet_write_number(sh->ws, row, col, strtod(text, NULL) / 100,
						sh->percent));
		break;
	default: {	/* text, and a date or time that is not one */
		char *escaped = escape_literals(text);

		note(sh, worksheet_write_string(sh->ws, row, col, escaped ? escaped : text,
						text_format ? text_format
							    : strchr(text, '\n') ? sh->wrap : NULL));
		free(escaped);
		break;
	}
	}
	widen(sh, col, text);
	return col + span(sh, i);
}

/* Where cell i of the held row stands in the merged columns, or -1. */
static int merged_index(const struct xlsx_sheet *sh, int i)
{
	int k;

	for (k = 0; k < sh->nmerge; k++)
		if (sh->merge[k] == i)
			return k;
	return -1;
}

/* Whether the merged column k's run goes on into next: it and every
 * column before it in the list the same, and not empty. */
static int run_goes_on(const struct xlsx_sheet *sh, const struct row *held,
		       const struct row *next, int k)
{
	int j;

	if (!next || next->header)
		return 0;
	for (j = 0; j <= k; j++) {
		const char *a = row_text(held, sh->merge[j]), *b = row_text(next, sh->merge[j]);

		if (!*a || strcmp(a, b) != 0)
			return 0;
	}
	return 1;
}

/* Writes the held row; next is the row after it, or NULL. */
static void write_held(struct xlsx_sheet *sh, const struct row *next)
{
	const struct row *r = &sh->rows[0];
	lxw_col_t col = 0;
	int i, k;

	if (r->header) {
		for (i = 0; i < MAX_COLUMNS; i++)
			sh->year[i] = i < r->n && r->what[i] == CSV_YEAR;
		sh->header_n = r->n;
	}
	for (i = 0; i < r->n; i++) {
		lxw_col_t at = col;

		k = r->header ? -1 : merged_index(sh, i);
		if (k < 0) {
			col = write_cell(sh, r, i, col, NULL);
			continue;
		}
		/* a merged column: its first row written, the range when it ends */
		if (sh->run[k] == sh->row)
			col = write_cell(sh, r, i, col, sh->merged);
		else
			col = at + span(sh, i);
		if (run_goes_on(sh, r, next, k))
			continue;
		if (sh->run[k] < sh->row)
			note(sh, worksheet_merge_range(sh->ws, sh->run[k], at, sh->row, at,
						       row_text(r, i), sh->merged));
		sh->run[k] = sh->row + 1;
	}
	if (sh->years_last) {
		if (col < (lxw_col_t)sh->header_n)
			col = (lxw_col_t)sh->header_n;
		for (i = 0; i < sh->header_n; i++)
			if (sh->year[i])
				write_gregorian(sh, r, i, col++);
	}
	if (r->header)
		for (k = 0; k < sh->nmerge; k++)
			sh->run[k] = sh->row + 1;
	if (col > sh->columns)
		sh->columns = col;
	sh->row++;
}

static void put_cell(void *ctx, const char *text, enum csv_cell what)
{
	struct xlsx_sheet *sh = ctx;
	struct row *r = &sh->rows[1];

	if (r->n >= MAX_COLUMNS) {
		sh->too_wide = 1;
		return;
	}
	r->at[r->n] = r->text.len;
	r->what[r->n] = what;
	if (bytes_add(&r->text, text, strlen(text) + 1, 0) < 0)
		sh->no_memory = 1;
	else
		r->n++;
}

static void clear_row(struct row *r)
{
	r->text.len = 0;
	r->n = 0;
	r->header = 0;
}

static void end_row(void *ctx)
{
	struct xlsx_sheet *sh = ctx;
	struct row spare;

	sh->rows[1].header = sh->next_header || (sh->kind == XLSX_TABLE && sh->row == 0 &&
						 !sh->held);
	sh->next_header = 0;
	if (sh->held)
		write_held(sh, &sh->rows[1]);
	spare = sh->rows[0];
	sh->rows[0] = sh->rows[1];
	sh->rows[1] = spare;
	clear_row(&sh->rows[1]);
	sh->held = 1;
}

struct xlsx_sheet *xlsx_sheet_new(lxw_workbook *book, const char *name, enum xlsx_sheet_kind kind)
{
	struct xlsx_sheet *sh = calloc(1, sizeof *sh);

	if (!sh)
		return NULL;
	sh->book = book;
	sh->kind = kind;
	sh->sink = (struct csv_sink){ put_cell, end_row, sh };
	sh->ws = workbook_add_worksheet(book, name);
	sh->header = new_format(sh, NULL);
	sh->wrap = new_format(sh, NULL);
	sh->merged = new_format(sh, NULL);
	sh->integer = new_format(sh, "0");
	sh->percent = new_format(sh, "0%");
	sh->date = new_format(sh, "yyyy-mm-dd");
	sh->time = new_format(sh, "yyyy-mm-dd hh:mm:ss");
	if (!sh->ws || !sh->header || !sh->wrap || !sh->merged || !sh->integer || !sh->percent ||
	    !sh->date || !sh->time) {
		free(sh);
		return NULL;
	}
	format_set_bold(sh->header);
	format_set_text_wrap(sh->header);
	format_set_text_wrap(sh->wrap);
	format_set_align(sh->wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_text_wrap(sh->merged);
	format_set_align(sh->merged, LXW_ALIGN_VERTICAL_TOP);
	return sh;
}

const struct csv_sink *xlsx_sheet_sink(struct xlsx_sheet *sh)
{
	return &sh->sink;
}

void xlsx_sheet_header(struct xlsx_sheet *sh)
{
	sh->next_header = 1;
}

void xlsx_sheet_years_last(struct xlsx_sheet *sh)
{
	sh->years_last = 1;
}

void xlsx_sheet_merge(struct xlsx_sheet *sh, const int *columns, int n)
{
	int k;

	sh->nmerge = n < MAX_MERGED ? n : MAX_MERGED;
	for (k = 0; k < sh->nmerge; k++)
		sh->merge[k] = columns[k];
}

lxw_worksheet *xlsx_sheet_worksheet(struct xlsx_sheet *sh)
{
	return sh->ws;
}

lxw_row_t xlsx_sheet_next_row(const struct xlsx_sheet *sh)
{
	return sh->row + (lxw_row_t)sh->held;
}

int xlsx_sheet_end(struct xlsx_sheet *sh, const char *path, struct error *err)
{
	lxw_col_t c;
	int rc = 0;

	if (sh->held)
		write_held(sh, NULL);
	for (c = 0; c < sh->columns && c < MAX_COLUMNS * 2; c++)
		worksheet_set_column(sh->ws, c, c, sh->width[c] ? sh->width[c] : 8, NULL);
	if (sh->kind == XLSX_TABLE) {
		worksheet_freeze_panes(sh->ws, 1, 0);
		if (sh->columns)
			worksheet_autofilter(sh->ws, 0, 0, sh->row ? sh->row - 1 : 0, sh->columns - 1);
		worksheet_repeat_rows(sh->ws, 0, 0);
	}
	worksheet_set_paper(sh->ws, 9);	/* A4 */
	worksheet_set_landscape(sh->ws);
	worksheet_fit_to_pages(sh->ws, 1, 0);
	if (sh->no_memory)
		rc = error_set(err, _("out of memory"));
	else if (sh->too_wide)
		rc = error_set(err, _("%s: a row of more than %d cells"), path, MAX_COLUMNS);
	else if (sh->failed)
		rc = error_set(err, "%s: %s", path, lxw_strerror(sh->failed));
	free(sh->rows[0].text.data);
	free(sh->rows[1].text.data);
	free(sh);
	return rc;
}

/* Writes the workbook fn makes into path (a new file). */
static int write_book(const char *path, xlsx_book_fn fn, void *ctx, struct error *err)
{
	lxw_workbook_options options = { .constant_memory = LXW_TRUE };
	lxw_workbook *book = workbook_new_opt(path, &options);
	lxw_error closed;
	int rc;

	if (!book)
		return error_set(err, _("%s: cannot write the workbook"), path);
	rc = fn(ctx, book, path, err);
	closed = workbook_close(book);
	if (rc == 0 && closed != LXW_NO_ERROR)
		rc = error_set(err, "%s: %s", path, lxw_strerror(closed));
	return rc;
}

int xlsx_book_file(const char *path, const struct outfile_rules *rules, xlsx_book_fn fn,
		   void *ctx, struct error *err)
{
	struct outfile o;
	int rc;

	if (outfile_open(&o, path, rules, OUTFILE_PATH, err) < 0)
		return -1;
	/* The new empty file is replaced by libxlsxwriter's own. */
	rc = write_book(o.tmp, fn, ctx, err);
	return outfile_close(&o, rc == 0, err) < 0 ? -1 : rc;
}

int xlsx_book_stream(FILE *out, xlsx_book_fn fn, void *ctx, struct error *err)
{
	const char *dir = getenv("TMPDIR");
	char tmp[4096], buf[65536];
	size_t n;
	FILE *in = NULL;
	int fd, rc;

	snprintf(tmp, sizeof tmp, "%s/kpitree-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
	fd = mkstemp(tmp);
	if (fd < 0)
		return error_set(err, "%s: %s", tmp, strerror(errno));
	close(fd);
	rc = write_book(tmp, fn, ctx, err);
	if (rc == 0 && !(in = fopen(tmp, "rb")))
		rc = error_set(err, "%s: %s", tmp, strerror(errno));
	while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = error_of(err, ERROR_IO, _("cannot write: %s"), strerror(errno));
	if (in)
		fclose(in);
	unlink(tmp);
	if (rc == 0 && (fflush(out) != 0 || ferror(out)))
		rc = error_of(err, ERROR_IO, _("cannot write: %s"), strerror(errno));
	return rc;
}

/* --- the four exports ---------------------------------------------------- */

static const char *const sheet_names[] = { "kpis", "actuals", "strategy", "projects" };

/* The wide table's nested levels: strategy, then 重点戦略プロジェクト to
 * 内容 (the code column stands between them). */
static const int strategy_levels[] = { 0, 2, 3, 4, 5, 6 };

struct export_job {
	struct store *s;
	enum export_kind kind;
};

static int export_book(void *ctx, lxw_workbook *book, const char *path, struct error *err)
{
	struct export_job *job = ctx;
	struct xlsx_sheet *sh = xlsx_sheet_new(book, sheet_names[job->kind], XLSX_TABLE);
	struct csv_writer w = { 0 };
	int rc;

	if (!sh)
		return error_set(err, _("out of memory"));
	w.sink = xlsx_sheet_sink(sh);
	/* the years' Gregorian columns last, where import passes over them
	 * without another column's cell moving (xlsx_read.c) */
	xlsx_sheet_years_last(sh);
	if (job->kind == EXPORT_STRATEGY)
		xlsx_sheet_merge(sh, strategy_levels,
				 (int)(sizeof strategy_levels / sizeof strategy_levels[0]));
	rc = csv_export_rows(job->s, job->kind, &w, err);
	if (xlsx_sheet_end(sh, path, rc == 0 ? err : &(struct error){ 0 }) < 0)
		rc = -1;
	return rc;
}

int xlsx_export_file(struct store *s, enum export_kind kind, const char *path,
		     const struct outfile_rules *rules, struct error *err)
{
	struct export_job job = { s, kind };

	return xlsx_book_file(path, rules, export_book, &job, err);
}

int xlsx_export(struct store *s, enum export_kind kind, FILE *out, struct error *err)
{
	struct export_job job = { s, kind };

	return xlsx_book_stream(out, export_book, &job, err);
}
