/* test_csv_read.c: records with the lines they start on, from files and
 * from memory, and the messages for what is not CSV. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "csv_ahead.h"
#include "csv_read.h"
#include "csv_write.h"

/* What a reading gave: each record as "LINE:cell|cell\n" (line ends in
 * cells written \r and \n), then "error: " and the printed error with
 * the file name written FILE. */
#define DUMP_MAX (1280 * 1024)

struct dump {
	char text[DUMP_MAX];
	size_t used;
	long records;
	int stop_after;		/* fn returns 7 at this record; 0: never */
};

static void put(struct dump *d, const char *s, size_t n)
{
	assert_true(d->used + n < DUMP_MAX);
	memcpy(d->text + d->used, s, n);
	d->used += n;
	d->text[d->used] = '\0';
}

static int dump_record(void *ctx, const struct csv_record *record)
{
	struct dump *d = ctx;
	char line[32];
	size_t i, k;

	put(d, line, (size_t)snprintf(line, sizeof line, "%ld:", record->line));
	for (i = 0; i < record->n; i++) {
		const struct csv_field *f = &record->fields[i];

		assert_int_equal(strlen(f->text), f->len);
		if (i)
			put(d, "|", 1);
		for (k = 0; k < f->len; k++) {
			if (f->text[k] == '\n')
				put(d, "\\n", 2);
			else if (f->text[k] == '\r')
				put(d, "\\r", 2);
			else
				put(d, f->text + k, 1);
		}
	}
	put(d, "\n", 1);
	d->records++;
	return d->records == d->stop_after ? 7 : 0;
}

static void dump_error(struct dump *d, const struct error *err, const char *path)
{
	struct error shown = *err;
	char text[1024];

	if (!strcmp(shown.file, path))
		snprintf(shown.file, sizeof shown.file, "FILE");
	put(d, "error: ", 7);
	error_format(&shown, text, sizeof text);
	put(d, text, strlen(text));
}

/* Reads a file or a buffer (data non-NULL) into d; returns csv_read's. */
static int dump_read(struct dump *d, const char *path, const void *data, size_t len,
		       enum encoding encoding)
{
	struct error err;
	int rc;

	d->used = 0;
	d->text[0] = '\0';
	d->records = 0;
	error_clear(&err);
	rc = csv_read(path, data, len, encoding, dump_record, d, &err);
	if (rc == -1)
		dump_error(d, &err, path);
	return rc;
}

/* The same reading through csv_ahead: its caller stops where fn says. */
static int dump_ahead(struct dump *d, const char *path, const void *data, size_t len,
		      enum encoding encoding)
{
	const struct csv_record *r;
	struct csv_ahead *a;
	struct error err;
	int rc = 0, closed;

	d->used = 0;
	d->text[0] = '\0';
	d->records = 0;
	error_clear(&err);
	a = csv_ahead_open(path, data, len, encoding, &err);
	assert_non_null(a);
	while ((r = csv_ahead_next(a))) {
		assert_null(r->prepared);
		rc = dump_record(d, r);
		if (rc)
			break;
	}
	closed = csv_ahead_close(a, &err);
	if (rc)
		assert_int_equal(closed, 1);	/* stopped before the end */
	else
		rc = closed;
	if (rc == -1)
		dump_error(d, &err, path);
	return rc;
}

/* Reads a source both ways (csv_read, and csv_read in a second thread),
 * checks that they read alike, and returns csv_read's. */
static int dump_source(struct dump *d, const char *path, const void *data, size_t len,
		       enum encoding encoding)
{
	static struct dump ahead;
	int rc = dump_read(d, path, data, len, encoding);

	ahead.stop_after = d->stop_after;
	assert_int_equal(dump_ahead(&ahead, path, data, len, encoding), rc);
	assert_string_equal(ahead.text, d->text);
	return rc;
}

static const char *fixture(const char *name)
{
	static char path[4096];
	const char *dir = getenv("srcdir");

	snprintf(path, sizeof path, "%s/tests/fixtures/%s", dir && *dir ? dir : ".", name);
	return path;
}

static char *temp_path(void)
{
	const char *tmp = getenv("TMPDIR");
	char *path = malloc(4096);
	int fd;

	assert_non_null(path);
	snprintf(path, 4096, "%s/kpitree-csv-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	return path;
}

/* A file in $TMPDIR holding s[0, n); the caller unlinks and frees it. */
static char *temp_file(const void *s, size_t n)
{
	char *path = temp_path();
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* Reads s[0, n) from memory, then from a file, checks that both read
 * alike, and returns the dump. */
static const char *read_bytes(const void *s, size_t n, enum encoding encoding)
{
	static struct dump from_memory, from_file;
	char *path = temp_file(s, n);
	int rc_memory, rc_file;

	rc_memory = dump_source(&from_memory, "FILE", s, n, encoding);
	rc_file = dump_source(&from_file, path, NULL, 0, encoding);
	unlink(path);
	free(path);
	assert_string_equal(from_file.text, from_memory.text);
	assert_int_equal(rc_file, rc_memory);
	return from_memory.text;
}

static const char *read_text(const char *s)
{
	return read_bytes(s, strlen(s), ENCODING_AUTO);
}

static const char *read_fixture(const char *name, enum encoding encoding)
{
	static struct dump d;
	const char *path = fixture(name);

	dump_source(&d, path, NULL, 0, encoding);
	return d.text;
}

static const char *const records_of_fixture =
	"1:code|name|unit|baseline_value|baseline_period\n"
	"2:H01|保育所等入所待機児童数|人|28|R6\n"
	"3:H02|㈱髙橋製作所の新規雇用者数①|人|1,511|R2～R6\n"
	"4:H03|社会増減|人|－3|R5\n";

static void csv_read_gives_each_record_with_its_line(void **state)
{
	(void)state;
	assert_string_equal(read_fixture("csv_utf8.csv", ENCODING_AUTO), records_of_fixture);
	assert_string_equal(read_text("code,name\nH01,待機児童数\n"),
			    "1:code|name\n2:H01|待機児童数\n");
}

static void csv_read_keeps_the_bom_out_of_the_first_cell(void **state)
{
	static struct dump d = { .stop_after = 1 };

	(void)state;
	assert_string_equal(read_fixture("csv_utf8_bom_crlf.csv", ENCODING_AUTO), records_of_fixture);
	assert_int_equal(dump_source(&d, fixture("csv_utf8_bom_crlf.csv"), NULL, 0, ENCODING_AUTO), 7);
	assert_string_equal(d.text, "1:code|name|unit|baseline_value|baseline_period\n");
	assert_string_equal(read_text("\xEF\xBB\xBF" "code\n"), "1:code\n");
}

static void csv_read_takes_crlf_as_a_line_end(void **state)
{
	(void)state;
	assert_string_equal(read_text("a,b\r\nc,d\r\n"), "1:a|b\n2:c|d\n");
	assert_string_equal(read_text("a,\r\n,d"), "1:a|\n2:|d\n");
}

static void csv_read_decodes_cp932_to_the_same_records(void **state)
{
	(void)state;
	assert_string_equal(read_fixture("csv_cp932.csv", ENCODING_AUTO), records_of_fixture);
	assert_string_equal(read_fixture("csv_cp932.csv", ENCODING_CP932), records_of_fixture);
}

static void csv_read_detects_a_short_cp932_file(void **state)
{
	(void)state;
	assert_string_equal(read_fixture("csv_cp932_short.csv", ENCODING_AUTO), "1:円\n");
	assert_string_equal(read_text("\x8A\xBF,\xB1\r\n"), "1:漢|ｱ\n");
}

/* Lines that end in a CR alone are counted, across chunks too; a CSV
 * error and an encoding error there name the same line and the cell. */
static void csv_read_counts_lines_that_end_in_a_cr_alone(void **state)
{
	(void)state;
	assert_string_equal(read_text("code,name\rH01,待機児童数\rH02,x\r"),
			    "1:code|name\n2:H01|待機児童数\n3:H02|x\n");
	assert_string_equal(read_text("a,b\rc,d\re,\"f\r"),
			    "1:a|b\n2:c|d\nerror: FILE:3:2: unclosed quote");
	assert_string_equal(read_bytes("a,b\rc,d\re,\xFF\r", 13, ENCODING_UTF8),
			    "1:a|b\n2:c|d\nerror: FILE:3:2: invalid UTF-8");
}

/* The column of an encoding error is the cell, as in every other CSV
 * error: line 2's bad byte is the 5th character but in the 2nd cell. */
static void csv_read_names_line_and_column_of_utf8_forced_on_cp932(void **state)
{
	(void)state;
	assert_string_equal(read_fixture("csv_cp932.csv", ENCODING_UTF8),
			    "1:code|name|unit|baseline_value|baseline_period\n"
			    "error: FILE:2:2: invalid UTF-8");
}

static void csv_read_keeps_comma_quotes_and_newline_of_a_quoted_cell(void **state)
{
	(void)state;
	assert_string_equal(read_text("code,note\n"
				      "H01,\"a, \"\"b\"\"\nc\"\n"
				      "H02,x\n"),
			    "1:code|note\n2:H01|a, \"b\"\\nc\n4:H02|x\n");
	/* In a CRLF file too, and with a blank line inside the cell. */
	assert_string_equal(read_text("\"1\r\n\r\n3\",x\r\ny\r\n\"\"\r\n"),
			    "1:1\\r\\n\\r\\n3|x\n4:y\n5:\n");
}

static void csv_read_keeps_the_line_of_a_record_longer_than_a_chunk(void **state)
{
	/* Line 2 runs on past the 64 KiB the reader takes at a time. */
	size_t n = 1000, cell = 100, i;
	char *s = malloc(16 + n * (cell + 1) + 16);
	char *p = s;
	const char *dump;

	(void)state;
	assert_non_null(s);
	p += sprintf(p, "\"a\nb\"");
	for (i = 0; i < n; i++) {
		*p++ = ',';
		memset(p, 'x', cell);
		p += cell;
	}
	strcpy(p, "\nnext\n");
	dump = read_text(s);
	assert_memory_equal(dump, "1:a\\nb|x", 8);
	assert_string_equal(dump + strlen(dump) - 8, "\n3:next\n");
	free(s);
}

static void csv_read_keeps_spaces_and_empty_cells(void **state)
{
	(void)state;
	assert_string_equal(read_text(" a , b \n,,\n  \n"), "1: a | b \n2:||\n3:  \n");
}

/* A text a spreadsheet would take for a formula is written with a '
 * before it, numbers and "-" as they are, and each reads back as it
 * was: the guard is the writer's, not the cell's. */
static void csv_write_guards_formulas_and_csv_read_takes_the_guard_off(void **state)
{
	static const char *const cells[] = {
		"=1+1", "+81-11-211-2192", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx",
		"-3.5", "+12", "-1,511", "57%", "-", "'=x", "''x", "'x", "a=b", "", NULL
	};
	const char *written = "'=1+1,'+81-11-211-2192,'-2+3+cmd|' /C calc'!A0,'@SUM(A1),'\tx,"
			      "\"'\rx\",-3.5,+12,\"-1,511\",57%,-,''=x,'''x,'x,a=b,\n";
	struct csv_writer w = { 0 };
	char *out = NULL, expect[512] = "1:";
	size_t len = 0;
	int i;

	(void)state;
	w.f = open_memstream(&out, &len);
	assert_non_null(w.f);
	csv_put_row(&w, cells);
	fclose(w.f);
	assert_string_equal(out, written);
	for (i = 0; cells[i]; i++) {
		strcat(expect, i ? "|" : "");
		strcat(expect, cells[i][0] == '\r' ? "\\rx" : cells[i]);
	}
	strcat(expect, "\n");
	assert_string_equal(read_text(out), expect);
	free(out);
}

static void csv_read_reads_a_last_line_without_line_end(void **state)
{
	(void)state;
	assert_string_equal(read_text("a\nb,c"), "1:a\n2:b|c\n");
	assert_string_equal(read_text("a\n\"b\nc\""), "1:a\n2:b\\nc\n");
}

static void csv_read_skips_blank_lines(void **state)
{
	(void)state;
	assert_string_equal(read_text("\na\n\n\r\nb\r\n\n"), "2:a\n5:b\n");
}

static void csv_read_names_the_line_where_an_unclosed_quote_opens(void **state)
{
	(void)state;
	assert_string_equal(read_text("a,b\nc,\"d\ne\nf\n"),
			    "1:a|b\nerror: FILE:2:2: unclosed quote");
	/* The record opens on line 2, its second cell on line 3. */
	assert_string_equal(read_text("h\n\"x\ny\",\"z\nw\n"),
			    "1:h\nerror: FILE:3:2: unclosed quote");
	assert_string_equal(read_text("\""), "error: FILE:1:1: unclosed quote");
}

static void csv_read_refuses_a_quote_inside_an_unquoted_cell(void **state)
{
	(void)state;
	assert_string_equal(read_text("a,b\nc,d\"e\"\n"),
			    "1:a|b\nerror: FILE:2:2: a quote inside an unquoted cell");
	assert_string_equal(read_text("x, \"y\"\n"),
			    "error: FILE:1:2: a quote inside an unquoted cell");
}

static void csv_read_refuses_text_after_a_closing_quote(void **state)
{
	(void)state;
	assert_string_equal(read_text("a\n\"He said \"hi\"\"\n"),
			    "1:a\nerror: FILE:2:1: text after a closing quote "
			    "(a quote inside a quoted cell is written \"\")");
	assert_string_equal(read_text("a,\"b\nc\" ,d\n"),
			    "error: FILE:2:2: text after a closing quote "
			    "(a quote inside a quoted cell is written \"\")");
}

/* "a,<cell>,b\n" with a cell of n x, quoted or not. */
static char *row_with_cell(size_t n, int quoted)
{
	char *s = malloc(n + 16);
	size_t i = 0;

	assert_non_null(s);
	memcpy(s + i, "h\na,", 4);
	i += 4;
	if (quoted)
		s[i++] = '"';
	memset(s + i, 'x', n);
	i += n;
	if (quoted)
		s[i++] = '"';
	memcpy(s + i, ",b\n", 4);
	return s;
}

static void csv_read_takes_a_cell_of_65536_bytes(void **state)
{
	int quoted;

	(void)state;
	for (quoted = 0; quoted <= 1; quoted++) {
		char *s = row_with_cell(CSV_MAX_CELL, quoted);
		const char *dump = read_text(s);

		assert_int_equal(strlen(dump), strlen("1:h\n2:a||b\n") + CSV_MAX_CELL);
		assert_memory_equal(dump, "1:h\n2:a|xxx", 11);
		free(s);
	}
}

static void csv_read_refuses_a_cell_longer_than_65536_bytes(void **state)
{
	static const size_t sizes[] = { CSV_MAX_CELL + 1, 1024 * 1024 };
	size_t i;
	int quoted;

	(void)state;
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		for (quoted = 0; quoted <= 1; quoted++) {
			char *s = row_with_cell(sizes[i], quoted);

			assert_string_equal(read_text(s),
					    "1:h\nerror: FILE:2:2: cell longer than 65536 bytes");
			/* The same cell at the end of the text, with no line end. */
			s[strlen(s) - 3] = '\0';
			assert_string_equal(read_text(s),
					    "1:h\nerror: FILE:2:2: cell longer than 65536 bytes");
			free(s);
		}
	}
}

static long peak_kib(void)
{
	struct rusage usage;

	assert_int_equal(getrusage(RUSAGE_SELF, &usage), 0);
	return usage.ru_maxrss;
}

static void csv_read_memory_stays_bounded_for_a_huge_cell(void **state)
{
	/* A 64 MiB quoted cell spanning lines, written a line at a time. */
	static char line[1024];
	char *path = temp_path();
	FILE *f = fopen(path, "wb");
	static struct dump d;
	long before;
	int i;

	(void)state;
	assert_non_null(f);
	memset(line, 'x', sizeof line - 1);
	line[sizeof line - 1] = '\n';
	fputs("code\n\"", f);
	for (i = 0; i < 64 * 1024; i++)
		assert_int_equal(fwrite(line, 1, sizeof line, f), sizeof line);
	fputs("\"\n", f);
	assert_int_equal(fclose(f), 0);

	before = peak_kib();
	assert_int_equal(dump_source(&d, path, NULL, 0, ENCODING_AUTO), -1);
	assert_string_equal(d.text, "1:code\nerror: FILE:2:1: cell longer than 65536 bytes");
	/* Far less than the cell, whatever the sanitizers add. */
	assert_true(peak_kib() - before < 16 * 1024);
	unlink(path);
	free(path);
}

static void csv_read_refuses_more_than_1024_cells_in_one_row(void **state)
{
	static char s[2048];

	(void)state;
	memset(s, ',', 1023);
	strcpy(s + 1023, "\n");
	assert_int_equal(strlen(read_text(s)), strlen("1:\n") + 1023);
	memset(s, ',', 1024);
	strcpy(s + 1024, "\n");
	assert_string_equal(read_text(s), "error: FILE:1:1025: more than 1024 cells in one row");
}

static void csv_read_refuses_a_row_longer_than_1048576_bytes(void **state)
{
	/* 20 cells of 60,000 bytes: each fine, the row not. */
	size_t cell = 60000, n = 20 * (cell + 1);
	char *s = malloc(n + 16);
	size_t i;

	(void)state;
	assert_non_null(s);
	memcpy(s, "h\n", 2);
	for (i = 0; i < 20; i++) {
		memset(s + 2 + i * (cell + 1), 'x', cell);
		s[2 + i * (cell + 1) + cell] = ',';
	}
	s[2 + n - 1] = '\n';
	s[2 + n] = '\0';
	assert_string_equal(read_text(s), "1:h\nerror: FILE:2: row longer than 1048576 bytes");
	free(s);
}

static void csv_read_refuses_a_nul_byte(void **state)
{
	(void)state;
	assert_string_equal(read_bytes("a,b\nc,d\0e\n", 10, ENCODING_AUTO),
			    "1:a|b\nerror: FILE:2:2: NUL byte");
}

static void csv_read_calls_a_file_without_records_empty(void **state)
{
	(void)state;
	assert_string_equal(read_text(""), "error: FILE: empty file");
	assert_string_equal(read_text("\xEF\xBB\xBF"), "error: FILE: empty file");
	assert_string_equal(read_text("\n\r\n\n"), "error: FILE: empty file");
	assert_string_equal(read_text("\xEF\xBB\xBF\r\n"), "error: FILE: empty file");
}

static void csv_read_names_a_file_that_cannot_be_opened(void **state)
{
	static struct dump d;

	(void)state;
	assert_int_equal(dump_source(&d, "no/such/file.csv", NULL, 0, ENCODING_AUTO), -1);
	assert_string_equal(d.text, "error: FILE: No such file or directory");
}

static void csv_read_stops_when_fn_returns_non_zero(void **state)
{
	static struct dump d = { .stop_after = 2 };
	const char *s = "a\nb\nc\nd";

	(void)state;
	assert_int_equal(dump_source(&d, "FILE", s, strlen(s), ENCODING_AUTO), 7);
	assert_string_equal(d.text, "1:a\n2:b\n");
	d.stop_after = 4;
	assert_int_equal(dump_source(&d, "FILE", s, strlen(s), ENCODING_AUTO), 7);
	assert_string_equal(d.text, "1:a\n2:b\n3:c\n4:d\n");
}

struct tally {
	long records, last_line, bad;
};

/* Checks each generated row: row i is H<i>, with 3 cells, on line
 * 1 + i + the rows before it that took two lines (every 1000th). */
static int tally_record(void *ctx, const struct csv_record *record)
{
	struct tally *t = ctx;
	long i = t->records;
	char code[32];

	snprintf(code, sizeof code, "H%06ld", i);
	if (record->n != 3 || (i && strcmp(record->fields[0].text, code)))
		t->bad++;
	if (record->line != 1 + i + (i ? (i - 1) / 1000 : 0))
		t->bad++;
	t->records++;
	t->last_line = record->line;
	return 0;
}

static void csv_read_reads_200000_rows_in_chunks_with_their_lines(void **state)
{
	char *path = temp_path();
	FILE *f = fopen(path, "wb");
	struct tally t = { 0, 0, 0 };
	struct error err;
	long i;

	(void)state;
	assert_non_null(f);
	fputs("\xEF\xBB\xBF" "code,name,value\r\n", f);
	for (i = 1; i <= 200000; i++) {
		if (i % 1000 == 0) {
			fprintf(f, "H%06ld,\"保育所\r\n等 %ld\",\"1,%03ld\"\r\n", i, i, i % 1000);
		} else {
			fprintf(f, "H%06ld,待機児童数 %ld,\"1,%03ld\"\r\n", i, i, i % 1000);
		}
	}
	assert_int_equal(fclose(f), 0);

	assert_int_equal(csv_read(path, NULL, 0, ENCODING_AUTO, tally_record, &t, &err), 0);
	assert_int_equal(t.records, 200001);
	assert_int_equal(t.bad, 0);
	/* After the header and 199 rows of two lines (the 200th is this one). */
	assert_int_equal(t.last_line, 1 + 200000 + 199);
	unlink(path);
	free(path);
}

/* csv_ahead's prepare function of the test: the number of the code. */
static void prepare_code(const void *ctx, const struct csv_record *record, void *out)
{
	long *number = out;

	assert_string_equal(ctx, "H");
	if (record->n == 3 && record->fields[0].text[0] == 'H')
		*number = atol(record->fields[0].text + 1);
}

static void csv_ahead_reads_200000_rows_prepared_ahead(void **state)
{
	char *path = temp_path();
	FILE *f = fopen(path, "wb");
	struct tally t = { 0, 0, 0 };
	const struct csv_record *r;
	struct csv_ahead *a;
	struct error err;
	long i, prepared = 0;

	(void)state;
	assert_non_null(f);
	fputs("code,name,value\n", f);
	for (i = 1; i <= 200000; i++) {
		if (i % 1000 == 0)
			fprintf(f, "H%06ld,\"保育所\n等 %ld\",\"1,%03ld\"\n", i, i, i % 1000);
		else
			fprintf(f, "H%06ld,待機児童数 %ld,\"1,%03ld\"\n", i, i, i % 1000);
	}
	assert_int_equal(fclose(f), 0);

	a = csv_ahead_open(path, NULL, 0, ENCODING_AUTO, &err);
	assert_non_null(a);
	while ((r = csv_ahead_next(a))) {
		if (t.records == 0)
			csv_ahead_prepare(a, prepare_code, "H", sizeof(long));
		else if (r->prepared) {
			assert_int_equal(*(const long *)r->prepared, t.records);
			prepared++;
		}
		tally_record(&t, r);
	}
	assert_int_equal(csv_ahead_close(a, &err), 0);
	assert_int_equal(t.records, 200001);
	assert_int_equal(t.bad, 0);
	assert_int_equal(t.last_line, 1 + 200000 + 199);
	/* The reader takes the prepare function at its next batch: all but
	 * the few thousand records read before that come prepared. */
	assert_true(prepared >= 200000 - 4 * 2048);
	unlink(path);
	free(path);
}

static void csv_ahead_reads_a_record_longer_than_its_batch(void **state)
{
	/* 15 cells of 60,000 bytes: 900,000 bytes, more than a batch holds
	 * until it grows. */
	size_t cell = 60000, row = 15 * (cell + 1), i;
	char *s = malloc(row + 64);
	const char *dump;

	(void)state;
	assert_non_null(s);
	memcpy(s, "a,b\n", 4);
	for (i = 0; i < 15; i++) {
		memset(s + 4 + i * (cell + 1), (int)('a' + i), cell);
		s[4 + i * (cell + 1) + cell] = ',';
	}
	strcpy(s + 4 + row - 1, "\nc,d\n");
	dump = read_text(s);	/* both ways alike */
	assert_memory_equal(dump, "1:a|b\n2:aaa", 10);
	assert_string_equal(dump + strlen(dump) - 9, "oo\n3:c|d\n");
	assert_int_equal(strlen(dump), strlen("1:a|b\n2:") + row - 1 + strlen("\n3:c|d\n"));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		/* First, while the process's peak memory is still low. */
		cmocka_unit_test(csv_read_memory_stays_bounded_for_a_huge_cell),
		cmocka_unit_test(csv_read_gives_each_record_with_its_line),
		cmocka_unit_test(csv_read_keeps_the_bom_out_of_the_first_cell),
		cmocka_unit_test(csv_write_guards_formulas_and_csv_read_takes_the_guard_off),
		cmocka_unit_test(csv_read_takes_crlf_as_a_line_end),
		cmocka_unit_test(csv_read_decodes_cp932_to_the_same_records),
		cmocka_unit_test(csv_read_detects_a_short_cp932_file),
		cmocka_unit_test(csv_read_names_line_and_column_of_utf8_forced_on_cp932),
		cmocka_unit_test(csv_read_counts_lines_that_end_in_a_cr_alone),
		cmocka_unit_test(csv_read_keeps_comma_quotes_and_newline_of_a_quoted_cell),
		cmocka_unit_test(csv_read_keeps_the_line_of_a_record_longer_than_a_chunk),
		cmocka_unit_test(csv_read_keeps_spaces_and_empty_cells),
		cmocka_unit_test(csv_read_reads_a_last_line_without_line_end),
		cmocka_unit_test(csv_read_skips_blank_lines),
		cmocka_unit_test(csv_read_names_the_line_where_an_unclosed_quote_opens),
		cmocka_unit_test(csv_read_refuses_a_quote_inside_an_unquoted_cell),
		cmocka_unit_test(csv_read_refuses_text_after_a_closing_quote),
		cmocka_unit_test(csv_read_takes_a_cell_of_65536_bytes),
		cmocka_unit_test(csv_read_refuses_a_cell_longer_than_65536_bytes),
		cmocka_unit_test(csv_read_refuses_more_than_1024_cells_in_one_row),
		cmocka_unit_test(csv_read_refuses_a_row_longer_than_1048576_bytes),
		cmocka_unit_test(csv_read_refuses_a_nul_byte),
		cmocka_unit_test(csv_read_calls_a_file_without_records_empty),
		cmocka_unit_test(csv_read_names_a_file_that_cannot_be_opened),
		cmocka_unit_test(csv_read_stops_when_fn_returns_non_zero),
		cmocka_unit_test(csv_read_reads_200000_rows_in_chunks_with_their_lines),
		cmocka_unit_test(csv_ahead_reads_200000_rows_prepared_ahead),
		cmocka_unit_test(csv_ahead_reads_a_record_longer_than_its_batch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
