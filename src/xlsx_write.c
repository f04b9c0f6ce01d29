/* xlsx_write.c: the exports as workbooks. The rows come from the CSV
 * export itself (csv_export_rows into a sink), so that both formats hold
 * the same cells; here each cell becomes a string or a number. */
#include "xlsx_write.h"
#include "i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "csv_write.h"
#include "number.h"
#include "outfile.h"
#include "width.h"

/* Columns wider than this (in Excel's units: a half-width character)
 * wrap instead. */
#define MAX_WIDTH 50
#define MAX_COLUMNS 64

struct sheet {
	lxw_workbook *book;
	lxw_worksheet *ws;
	lxw_format *header, *wrap, *integer, *quantity[NUMBER_DIGITS + 1];
	lxw_row_t row;
	lxw_col_t col;
	lxw_col_t columns;	/* in the widest row */
	int width[MAX_COLUMNS];
	lxw_error failed;	/* the first failure, LXW_NO_ERROR */
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

/* The format of a number as csv_export wrote it: whole numbers (codes'
 * numbers, years) plain, quantities grouped with their decimals. */
static lxw_format *number_format_of(struct sheet *sh, const char *text, enum csv_cell what)
{
	int decimals = number_decimals(text);
	char spec[32] = "#,##0";

	if (what == CSV_WHOLE)
		return sh->integer;
	if (decimals > NUMBER_DIGITS)
		decimals = NUMBER_DIGITS;
	if (!sh->quantity[decimals]) {
		if (decimals)
			snprintf(spec + 5, sizeof spec - 5, ".%.*s", decimals, "000000000000000");
		sh->quantity[decimals] = workbook_add_format(sh->book);
		format_set_num_format(sh->quantity[decimals], spec);
	}
	return sh->quantity[decimals];
}

static void put_cell(void *ctx, const char *text, enum csv_cell what)
{
	struct sheet *sh = ctx;
	lxw_error rc = LXW_NO_ERROR;
	lxw_col_t col = sh->col++;
	int w;

	if (sh->failed || !*text)
		return;
	if (what != CSV_TEXT) {
		rc = worksheet_write_number(sh->ws, sh->row, col, strtod(text, NULL),
					    number_format_of(sh, text, what));
	} else {
		lxw_format *f = sh->row == 0 ? sh->header : strchr(text, '\n') ? sh->wrap : NULL;

		rc = worksheet_write_string(sh->ws, sh->row, col, text, f);
	}
	if (rc != LXW_NO_ERROR)
		sh->failed = rc;
	w = widest_line(text) + 2;
	if (col < MAX_COLUMNS && w > sh->width[col])
		sh->width[col] = w > MAX_WIDTH ? MAX_WIDTH : w;
}

static void end_row(void *ctx)
{
	struct sheet *sh = ctx;

	if (sh->col > sh->columns)
		sh->columns = sh->col;
	sh->row++;
	sh->col = 0;
}

static const char *const sheet_names[] = { "kpis", "actuals", "strategy", "projects" };

/* Writes the workbook into path (a new file). */
static int write_book(struct store *s, enum export_kind kind, const char *path,
		      struct error *err)
{
	lxw_workbook_options options = { .constant_memory = LXW_TRUE };
	struct sheet sh = { 0 };
	struct csv_sink sink = { put_cell, end_row, &sh };
	struct csv_writer w = { .sink = &sink };
	lxw_error closed;
	lxw_col_t c;
	int rc;

	sh.book = workbook_new_opt(path, &options);
	if (!sh.book)
		return error_set(err, _("%s: cannot write the workbook"), path);
	sh.ws = workbook_add_worksheet(sh.book, sheet_names[kind]);
	sh.header = workbook_add_format(sh.book);
	format_set_bold(sh.header);
	format_set_text_wrap(sh.header);
	sh.wrap = workbook_add_format(sh.book);
	format_set_text_wrap(sh.wrap);
	format_set_align(sh.wrap, LXW_ALIGN_VERTICAL_TOP);
	sh.integer = workbook_add_format(sh.book);
	format_set_num_format(sh.integer, "0");
	rc = sh.ws ? csv_export_rows(s, kind, &w, err) : error_set(err, _("out of memory"));
	if (rc == 0 && sh.failed)
		rc = error_set(err, "%s: %s", path, lxw_strerror(sh.failed));
	if (rc == 0) {
		for (c = 0; c < sh.columns && c < MAX_COLUMNS; c++)
			worksheet_set_column(sh.ws, c, c, sh.width[c] ? sh.width[c] : 8, NULL);
		worksheet_freeze_panes(sh.ws, 1, 0);
		if (sh.columns)
			worksheet_autofilter(sh.ws, 0, 0, sh.row ? sh.row - 1 : 0, sh.columns - 1);
		worksheet_set_paper(sh.ws, 9);	/* A4 */
		worksheet_set_landscape(sh.ws);
		worksheet_repeat_rows(sh.ws, 0, 0);
		worksheet_fit_to_pages(sh.ws, 1, 0);
	}
	closed = workbook_close(sh.book);
	if (rc == 0 && closed != LXW_NO_ERROR)
		rc = error_set(err, "%s: %s", path, lxw_strerror(closed));
	return rc;
}

int xlsx_export_file(struct store *s, enum export_kind kind, const char *path,
		     const struct outfile_rules *rules, struct error *err)
{
	struct outfile o;
	int rc;

	if (outfile_open(&o, path, rules, OUTFILE_PATH, err) < 0)
		return -1;
	/* The new empty file is replaced by libxlsxwriter's own. */
	rc = write_book(s, kind, o.tmp, err);
	return outfile_close(&o, rc == 0, err) < 0 ? -1 : rc;
}

int xlsx_export(struct store *s, enum export_kind kind, FILE *out, struct error *err)
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
	rc = write_book(s, kind, tmp, err);
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
