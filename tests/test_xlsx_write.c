/* test_xlsx_write.c: a sheet written through its sink and read back by
 * the workbook reader: fiscal years as 令和7年度 with their Gregorian
 * years last, joined again into the CSV's one column; times read back
 * as the times written; a row wider than the sheet's room refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xlsx_read.h"
#include "xlsx_write.h"

struct rows {
	const char *const (*cells)[4];	/* the rows given, each of four cells */
	const enum csv_cell (*what)[4];
	int n;
	int wide;			/* a row of this many cells after them */
};

static int write_rows(void *ctx, lxw_workbook *book, const char *path, struct error *err)
{
	const struct rows *rows = ctx;
	struct xlsx_sheet *sh = xlsx_sheet_new(book, "Sheet1", XLSX_TABLE);
	struct csv_writer w = { 0 };
	int i, j;

	assert_non_null(sh);
	w.sink = xlsx_sheet_sink(sh);
	xlsx_sheet_years_last(sh);
	for (i = 0; i < rows->n; i++) {
		for (j = 0; j < 4; j++)
			csv_put_number(&w, rows->cells[i][j], rows->what[i][j]);
		csv_end_row(&w);
	}
	for (j = 0; j < rows->wide; j++)
		csv_put_cell(&w, "x");
	if (rows->wide)
		csv_end_row(&w);
	return xlsx_sheet_end(sh, path, err);
}

/* The records read back, one a line, cells separated by |. */
static char got[4096];

static int on_record(void *ctx, const struct csv_record *r)
{
	size_t i, n = strlen(got);

	(void)ctx;
	for (i = 0; i < r->n; i++)
		n += (size_t)snprintf(got + n, sizeof got - n, "%s%s", i ? "|" : "", r->fields[i].text);
	snprintf(got + n, sizeof got - n, "\n");
	return 0;
}

static char path[4096];

/* Writes rows into a new file, path, in $TMPDIR. */
static int write_book(const struct rows *rows, struct error *err)
{
	const char *tmp = getenv("TMPDIR");
	int fd;

	snprintf(path, sizeof path, "%s/kpitree-xlsx-XXXXXX.xlsx", tmp && *tmp ? tmp : "/tmp");
	fd = mkstemps(path, 5);
	assert_true(fd >= 0);
	close(fd);
	return xlsx_book_file(path, NULL, write_rows, (void *)rows, err);
}

static const char *const cells[][4] = {
	{ "code", "fiscal_year", "value", "entered_at" },
	{ "H01", "2025", "12", "2025-04-01T09:00:00Z" },
	{ "H01", "2019", "31.25", "2024-03-31T23:59:59Z" },
};
static const enum csv_cell kinds[][4] = {
	{ CSV_TEXT, CSV_YEAR, CSV_TEXT, CSV_TEXT },
	{ CSV_TEXT, CSV_YEAR, CSV_QUANTITY, CSV_TIME },
	{ CSV_TEXT, CSV_YEAR, CSV_QUANTITY, CSV_TIME },
};

static void years_and_times_read_back_as_the_csv_cells(void **state)
{
	struct rows rows = { cells, kinds, 3, 0 };
	char where[512];
	struct error err;

	(void)state;
	error_clear(&err);
	assert_int_equal(write_book(&rows, &err), 0);
	got[0] = '\0';
	assert_int_equal(xlsx_read(path, NULL, 0, NULL, on_record, NULL, where, sizeof where, &err), 0);
	unlink(path);
	assert_string_equal(got, "code|fiscal_year|value|entered_at\n"
				 "H01|2025|12|2025-04-01T09:00:00Z\n"
				 "H01|2019|31.25|2024-03-31T23:59:59Z\n");
}

static void a_row_wider_than_the_sheet_holds_is_refused(void **state)
{
	struct rows rows = { cells, kinds, 3, 65 };
	struct error err;

	(void)state;
	error_clear(&err);
	assert_int_equal(write_book(&rows, &err), -1);
	assert_non_null(strstr(err.text, ": a row of more than 64 cells"));
	unlink(path);
	rows.wide = 64;
	assert_int_equal(write_book(&rows, &err), 0);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(years_and_times_read_back_as_the_csv_cells),
		cmocka_unit_test(a_row_wider_than_the_sheet_holds_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
