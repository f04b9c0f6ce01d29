/* test_encoding.c: what Excel saves (UTF-8 with or without BOM, CP932)
 * comes out as UTF-8, from files and from memory, and bad bytes are named. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "encoding.h"

/* Output of a decode, or "error: " and the printed error with the file
 * name written FILE. */
#define OUT_MAX (512 * 1024)
static char out[OUT_MAX];

static const char *fixture(const char *name)
{
	static char path[4096];
	const char *dir = getenv("srcdir");

	snprintf(path, sizeof path, "%s/tests/fixtures/%s", dir && *dir ? dir : ".", name);
	return path;
}

/* A file in $TMPDIR holding s[0, n); the caller unlinks and frees it. */
static char *temp_file(const void *s, size_t n)
{
	const char *tmp = getenv("TMPDIR");
	char *path = malloc(4096);
	FILE *f;
	int fd;

	assert_non_null(path);
	snprintf(path, 4096, "%s/kpitree-enc-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* Writes "error: " and err's printed form at out + used, the file name
 * written FILE. */
static void error_text(const struct error *err, const char *path, size_t used)
{
	struct error shown = *err;

	if (!strcmp(shown.file, path))
		snprintf(shown.file, sizeof shown.file, "FILE");
	snprintf(out + used, OUT_MAX - used, "error: ");
	error_format(&shown, out + used + 7, OUT_MAX - used - 7);
}

/* Reads the source size bytes at a time into out, checking that no call
 * splits a character; an error follows the text delivered before it.
 * Returns out. */
static const char *decode_source(const char *path, const void *data, size_t len,
				 enum encoding encoding, size_t size, enum encoding *found)
{
	struct error err;
	struct text_source *t;
	static char buf[OUT_MAX];
	size_t used = 0;
	long n;

	assert_true(size <= sizeof buf);
	error_clear(&err);
	t = text_open(path, data, len, encoding, &err);
	if (!t) {
		error_text(&err, path, 0);
		return out;
	}
	if (found)
		*found = text_encoding(t);
	while ((n = text_read(t, buf, size, &err)) > 0) {
		assert_true((size_t)n <= size);
		/* Whole characters: no chunk starts with a continuation byte. */
		assert_true(((unsigned char)buf[0] & 0xC0) != 0x80);
		assert_true(used + (size_t)n < OUT_MAX);
		memcpy(out + used, buf, (size_t)n);
		used += (size_t)n;
	}
	out[used] = '\0';
	if (n < 0)
		error_text(&err, path, used);
	text_close(t);
	return out;
}

/* Decodes s[0, n) from memory, then from a file, and checks that both
 * give the same. Returns the text or the error. */
static const char *decode(const void *s, size_t n, enum encoding encoding, size_t size)
{
	static char from_memory[OUT_MAX];
	enum encoding in_memory = ENCODING_AUTO, in_file = ENCODING_AUTO;
	char *path = temp_file(s, n);

	decode_source("FILE", s, n, encoding, size, &in_memory);
	strcpy(from_memory, out);
	decode_source(path, NULL, 0, encoding, size, &in_file);
	unlink(path);
	free(path);
	assert_string_equal(out, from_memory);
	assert_int_equal(in_file, in_memory);
	return out;
}

static const char *decode_text(const char *s, enum encoding encoding)
{
	return decode(s, strlen(s), encoding, 4096);
}

/* The encoding text_open settles on for s. */
static enum encoding detected(const char *s)
{
	enum encoding found = ENCODING_AUTO;

	decode_source("FILE", s, strlen(s), ENCODING_AUTO, 4096, &found);
	return found;
}

/* A file must be in one encoding: a UTF-8 file with a CP932 line (見込み
 * saved by Excel into a file of UTF-8 rows), or with an overlong UTF-8
 * sequence, and a CP932 file with a UTF-8 line, are refused at the first
 * line of the fewer kind, saying what it is; nothing turns into mojibake. */
static void a_file_of_two_encodings_is_refused_at_the_line_that_breaks_it(void **state)
{
	(void)state;
	assert_string_equal(decode_text("code,note\nH01,見込み\nH02,見込み\n"
					"H03,\x8C\xA9\x8D\x9E\x82\xDD\n", ENCODING_AUTO),
			    "error: FILE:4: CP932 in a UTF-8 file (line 2 is UTF-8); save the whole"
			    " file in one encoding");
	assert_string_equal(decode_text("code,note\r\nH01,見込み\r\nH02,ab\xC0\xAF\r\n",
					ENCODING_AUTO),
			    "error: FILE:3: CP932 in a UTF-8 file (line 2 is UTF-8); save the whole"
			    " file in one encoding");
	assert_string_equal(decode_text("code,note\n\x8C\xA9\x8D\x9E\x82\xDD\n"
					"\x8C\xA9\x8D\x9E\x82\xDD\nH03,見込み\n", ENCODING_AUTO),
			    "error: FILE:4: UTF-8 in a CP932 file (line 2 is CP932); save the whole"
			    " file in one encoding");
	/* A UTF-8 file's line that is neither: invalid UTF-8, at its place. */
	assert_string_equal(decode_text("見込み\nab\xFF\n", ENCODING_AUTO),
			    "見込み\nab" "error: FILE:2:3: invalid UTF-8");
	/* A CP932 file throughout is still CP932. */
	assert_int_equal(detected("\x8C\xA9\x8D\x9E\x82\xDD\n\x82\xA0\n"), ENCODING_CP932);
}

/* UTF-16 with its byte order mark is read; without it, it is named. */
static void utf16_is_read_with_its_mark_and_named_without(void **state)
{
	static const char le[] = "\xFF\xFE" "c\0o\0d\0e\0\n\0\x8B\x89\xBC\x8F\n\0";
	static const char be[] = "\xFE\xFF" "\0c\0o\0d\0e\0\n\x89\x8B\x8F\xBC\0\n";
	enum encoding found = ENCODING_AUTO;

	(void)state;
	assert_string_equal(decode(le, sizeof le - 1, ENCODING_AUTO, 4096), "code\n見込\n");
	assert_string_equal(decode(be, sizeof be - 1, ENCODING_AUTO, 4096), "code\n見込\n");
	decode_source("FILE", le, sizeof le - 1, ENCODING_CP932, 4096, &found);
	assert_int_equal(found, ENCODING_UTF16LE);
	assert_string_equal(decode("\xFF\xFE" "c\0\x00\xD8", 6, ENCODING_AUTO, 4096),
			    "c" "error: FILE:1:2: invalid UTF-16");
	assert_string_equal(decode("c\0o\0d\0e\0", 8, ENCODING_AUTO, 4096),
			    "error: FILE:1: UTF-16 without a byte order mark; save it as UTF-8,"
			    " CP932, or UTF-16 with its mark");
}

/* A file whose lines end in a CR alone (old Mac) names its lines right;
 * delivered 8 bytes at a time, a CR alone is known at the next byte. */
static void a_cr_alone_ends_a_line(void **state)
{
	static const struct {
		const char *text;
		size_t size;
		const char *want;
	} cases[] = {
		{ "a\rb\rc\xFF", 4096, "a\rb\rc" "error: FILE:3:2: invalid UTF-8" },
		{ "a\rb\r\xFF", 4096, "a\rb\r" "error: FILE:3:1: invalid UTF-8" },
		{ "a\r\nb\r\n\xFF", 4096, "a\r\nb\r\n" "error: FILE:3:1: invalid UTF-8" },
		{ "a\rb\r\xE8\xA6\xFF", 8, "a\rb\r" "error: FILE:3:1: invalid UTF-8" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(decode(cases[i].text, strlen(cases[i].text), ENCODING_UTF8,
					   cases[i].size), cases[i].want);
}

static void text_open_reads_plain_utf8_as_it_is(void **state)
{
	(void)state;
	assert_string_equal(decode_text("code,name\nH01,待機児童数\n", ENCODING_AUTO),
			    "code,name\nH01,待機児童数\n");
	assert_int_equal(detected("code\nH01\n"), ENCODING_UTF8);
	assert_int_equal(detected("待機児童"), ENCODING_UTF8);
}

static void text_open_never_delivers_the_bom(void **state)
{
	(void)state;
	assert_string_equal(decode_text("\xEF\xBB\xBF" "code\r\nH01\r\n", ENCODING_AUTO),
			    "code\r\nH01\r\n");
	assert_string_equal(decode_text("\xEF\xBB\xBF" "code", ENCODING_UTF8), "code");
	assert_int_equal(detected("\xEF\xBB\xBF" "code"), ENCODING_UTF8);
}

static void text_open_reads_bom_only_as_empty_utf8(void **state)
{
	(void)state;
	assert_string_equal(decode_text("\xEF\xBB\xBF", ENCODING_AUTO), "");
	assert_int_equal(detected("\xEF\xBB\xBF"), ENCODING_UTF8);
}

static void text_open_reads_empty_input_as_empty_utf8(void **state)
{
	(void)state;
	assert_string_equal(decode_text("", ENCODING_AUTO), "");
	assert_int_equal(detected(""), ENCODING_UTF8);
}

static void text_open_detects_cp932_and_decodes_it(void **state)
{
	enum encoding found = ENCODING_AUTO;
	static char utf8[OUT_MAX];

	(void)state;
	decode_source(fixture("csv_utf8_bom_crlf.csv"), NULL, 0, ENCODING_AUTO, 4096, &found);
	assert_int_equal(found, ENCODING_UTF8);
	strcpy(utf8, out);
	decode_source(fixture("csv_cp932.csv"), NULL, 0, ENCODING_AUTO, 4096, &found);
	assert_int_equal(found, ENCODING_CP932);
	assert_string_equal(out, utf8);
	assert_non_null(strstr(out, "H02,㈱髙橋製作所の新規雇用者数①,人,\"1,511\",R2～R6\r\n"));
}

static void cp932_decodes_excel_characters_as_excel_means_them(void **state)
{
	(void)state;
	/* ① 0x8740, ～ 0x8160, － 0x817C, ㈱ 0x878A, 髙 0xFBFC, and 0x5C and
	 * 0x7E left as ASCII, as Windows reads them. */
	assert_string_equal(decode_text("\x87\x40\x81\x60\x81\x7C\x87\x8A\xFB\xFC\x5C\x7E",
					ENCODING_CP932),
			    "\xE2\x91\xA0\xEF\xBD\x9E\xEF\xBC\x8D\xE3\x88\xB1\xE9\xAB\x99\\~");
	assert_string_equal(decode_text("\x87\x40\x81\x60\x81\x7C\x87\x8A\xFB\xFC", ENCODING_CP932),
			    "①～－㈱髙");
	/* Half-width katakana are single bytes. */
	assert_string_equal(decode_text("\xBA\xB0\xC4\xDE", ENCODING_CP932), "ｺｰﾄﾞ");
}

static void short_cp932_text_is_not_taken_for_utf8(void **state)
{
	(void)state;
	/* A CP932 lead byte (0x81-0x9F) is a UTF-8 continuation byte, and one
	 * at 0xE0-0xEF needs two continuation bytes after it, which CP932's
	 * second bytes rarely are: a single character decides. */
	assert_int_equal(detected("\x89\x7E"), ENCODING_CP932);
	assert_string_equal(decode_text("\x89\x7E", ENCODING_AUTO), "円");
	assert_int_equal(detected("\x8A\xBF\r\n"), ENCODING_CP932);
	assert_string_equal(decode_text("\x8A\xBF\r\n", ENCODING_AUTO), "漢\r\n");
	assert_int_equal(detected("\xE0\x40"), ENCODING_CP932);
	assert_string_equal(decode_text("\xE0\x40", ENCODING_AUTO), "漾");
	assert_int_equal(detected("\xB1"), ENCODING_CP932);
	assert_string_equal(decode_text("\xB1", ENCODING_AUTO), "ｱ");
}

static void utf8_refuses_overlong_surrogate_too_large_and_cut_short(void **state)
{
	(void)state;
	assert_string_equal(decode_text("ab\xC0\xAF", ENCODING_UTF8),
			    "ab" "error: FILE:1:3: invalid UTF-8");
	assert_string_equal(decode_text("ab\xE0\x80\xAF", ENCODING_UTF8),
			    "ab" "error: FILE:1:3: invalid UTF-8");
	assert_string_equal(decode_text("ab\xF0\x80\x80\xAF", ENCODING_UTF8),
			    "ab" "error: FILE:1:3: invalid UTF-8");
	assert_string_equal(decode_text("ab\xED\xA0\x80", ENCODING_UTF8),
			    "ab" "error: FILE:1:3: invalid UTF-8");
	assert_string_equal(decode_text("ab\xF4\x90\x80\x80", ENCODING_UTF8),
			    "ab" "error: FILE:1:3: invalid UTF-8");
	assert_string_equal(decode_text("ab\xF5\x80\x80\x80", ENCODING_UTF8),
			    "ab" "error: FILE:1:3: invalid UTF-8");
	assert_string_equal(decode_text("ab\x80", ENCODING_UTF8),
			    "ab" "error: FILE:1:3: invalid UTF-8");
	assert_string_equal(decode_text("あい\xE3\x81", ENCODING_UTF8),
			    "あい" "error: FILE:1:3: invalid UTF-8");
	/* The largest of each length is fine. */
	assert_string_equal(decode_text("\xDF\xBF\xED\x9F\xBF\xEF\xBF\xBF\xF4\x8F\xBF\xBF",
					ENCODING_UTF8),
			    "\xDF\xBF\xED\x9F\xBF\xEF\xBF\xBF\xF4\x8F\xBF\xBF");
	/* Each of these makes detection choose CP932. */
	assert_int_equal(detected("ab\xED\xA0\x80"), ENCODING_CP932);
	assert_int_equal(detected("ab\xC0\xAF"), ENCODING_CP932);
	assert_int_equal(detected("あい\xE3\x81"), ENCODING_CP932);
}

static void forced_utf8_on_cp932_names_line_and_character_column(void **state)
{
	enum encoding found = ENCODING_AUTO;

	(void)state;
	decode_source(fixture("csv_cp932.csv"), NULL, 0, ENCODING_UTF8, 4096, &found);
	assert_int_equal(found, ENCODING_UTF8);
	assert_string_equal(out, "code,name,unit,baseline_value,baseline_period\r\n"
			    "H01," "error: FILE:2:5: invalid UTF-8");
}

static void bom_then_bad_byte_is_invalid_utf8_at_its_place(void **state)
{
	(void)state;
	/* The BOM takes no column; a CR LF pair is one line end. */
	assert_string_equal(decode_text("\xEF\xBB\xBF" "\xFF", ENCODING_AUTO),
			    "error: FILE:1:1: invalid UTF-8");
	assert_string_equal(decode_text("\xEF\xBB\xBF" "code\r\nあい,\x82\xA0\n", ENCODING_AUTO),
			    "code\r\nあい," "error: FILE:2:4: invalid UTF-8");
}

static void bad_cp932_names_line_and_character_column(void **state)
{
	(void)state;
	assert_string_equal(decode_text("\x83\x52\x81\x5B\x83\x68\r\n\x82\xA0\x82\xA2\xFF", ENCODING_CP932),
			    "コード\r\nあい" "error: FILE:2:3: invalid CP932");
	assert_string_equal(decode_text("ab\r\n\x85\x40", ENCODING_AUTO),
			    "ab\r\n" "error: FILE:2:1: invalid CP932");
	/* A lead byte with nothing after it. */
	assert_string_equal(decode_text("\x82\xA0\x82", ENCODING_CP932),
			    "あ" "error: FILE:1:2: invalid CP932");
}

static void text_read_never_splits_a_character(void **state)
{
	const char *text = "あい😀,ｺ\n漢字😀😀😀xyz";
	size_t size;

	(void)state;
	/* decode_source checks each chunk's start; sizes from the least. */
	for (size = 8; size <= 16; size++)
		assert_string_equal(decode(text, strlen(text), ENCODING_UTF8, size), text);
	for (size = 8; size <= 16; size++)
		assert_string_equal(decode("\x82\xA0\x82\xA2\xBA\x8A\xBF\x8E\x9A\x87\x40", 11,
					   ENCODING_CP932, size),
				    "あいｺ漢字①");
}

/* Up to n bytes: a first line, then the character c over and over. */
static char *repeated(size_t n, const char *first, const char *c)
{
	char *s = malloc(n + 1);
	size_t i = strlen(first), w = strlen(c);

	assert_non_null(s);
	memcpy(s, first, i);
	for (; i + w <= n; i += w)
		memcpy(s + i, c, w);
	s[i] = '\0';
	return s;
}

static void file_larger_than_a_chunk_keeps_characters_cut_by_chunks(void **state)
{
	/* Characters from an offset that lets the 64 KiB chunks cut them. */
	char *utf8 = repeated(200 * 1024, "x\n", "漢");
	char *cp932 = repeated(200 * 1024, "xy\n", "\x8A\xBF");
	char *want = repeated(3 + (200 * 1024 - 3) / 2 * 3, "xy\n", "漢");
	enum encoding found = ENCODING_AUTO;
	char *path;

	(void)state;
	path = temp_file(utf8, strlen(utf8));
	assert_string_equal(decode_source(path, NULL, 0, ENCODING_AUTO, 65536, &found), utf8);
	assert_int_equal(found, ENCODING_UTF8);
	unlink(path);
	free(path);

	path = temp_file(cp932, strlen(cp932));
	assert_string_equal(decode_source(path, NULL, 0, ENCODING_AUTO, 65536, &found), want);
	assert_int_equal(found, ENCODING_CP932);
	unlink(path);
	free(path);
	free(utf8);
	free(cp932);
	free(want);
}

static void cp932_after_a_long_utf8_like_start_is_still_cp932(void **state)
{
	/* Detection reads the whole file, not a sample: the one CP932
	 * character is past the first chunk. */
	size_t n = 150 * 1024;
	char *s = repeated(n, "", "a");
	char *path;
	enum encoding found = ENCODING_AUTO;
	const char *text;

	(void)state;
	memcpy(s + n - 3, "\n\x89\x7E", 3);
	path = temp_file(s, n);
	text = decode_source(path, NULL, 0, ENCODING_AUTO, 4096, &found);
	assert_int_equal(found, ENCODING_CP932);
	assert_string_equal(text + n - 3, "\n円");
	unlink(path);
	free(path);

	/* Nor is a UTF-8 lead byte cut short by the end of the file. */
	memcpy(s + n - 3, "\n\xE3\x81", 3);
	path = temp_file(s, n);
	text = decode_source(path, NULL, 0, ENCODING_AUTO, 4096, &found);
	assert_int_equal(found, ENCODING_CP932);
	assert_string_equal(text + n - 3, "\n縺");
	unlink(path);
	free(path);
	free(s);
}

static void error_column_counts_characters_of_a_line_longer_than_a_chunk(void **state)
{
	/* Line 2 holds 100,000 two-byte characters, then a bad byte. */
	size_t n = 2 + 200000 + 1;
	char *s = repeated(n, "x\n", "\xC3\xA9");
	char *path;

	(void)state;
	s[n - 1] = '\xFF';
	path = temp_file(s, n);
	decode_source(path, NULL, 0, ENCODING_UTF8, 65536, NULL);
	assert_string_equal(strstr(out, "error: "), "error: FILE:2:100001: invalid UTF-8");
	unlink(path);
	free(path);
	free(s);
}

static void text_open_names_file_that_cannot_be_opened(void **state)
{
	struct error err;
	char buf[1024];

	(void)state;
	assert_null(text_open("no/such/file.csv", NULL, 0, ENCODING_AUTO, &err));
	assert_string_equal(error_format(&err, buf, sizeof buf),
			    "no/such/file.csv: No such file or directory");
	assert_null(text_open(".", NULL, 0, ENCODING_AUTO, &err));
	assert_string_equal(error_format(&err, buf, sizeof buf), ".: Is a directory");
	text_close(NULL);
}

static void encoding_parse_reads_names_in_any_case(void **state)
{
	static const struct {
		const char *name;
		enum encoding encoding;
	} names[] = {
		{ "utf-8", ENCODING_UTF8 }, { "UTF-8", ENCODING_UTF8 }, { "utf8", ENCODING_UTF8 },
		{ "cp932", ENCODING_CP932 }, { "CP932", ENCODING_CP932 },
		{ "shift_jis", ENCODING_CP932 }, { "Shift_JIS", ENCODING_CP932 },
		{ "sjis", ENCODING_CP932 }, { "SJIS", ENCODING_CP932 },
	};
	struct error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		enum encoding e = ENCODING_AUTO;

		assert_int_equal(encoding_parse(names[i].name, &e, &err), 0);
		assert_int_equal(e, names[i].encoding);
	}
}

static void encoding_parse_refuses_other_names(void **state)
{
	struct error err;
	enum encoding e = ENCODING_UTF8;
	char buf[1024];

	(void)state;
	assert_int_equal(encoding_parse("latin1", &e, &err), -1);
	assert_string_equal(error_format(&err, buf, sizeof buf),
			    "unknown encoding 'latin1' (use utf-8 or cp932)");
	assert_int_equal(encoding_parse("", &e, &err), -1);
	assert_string_equal(error_format(&err, buf, sizeof buf),
			    "unknown encoding '' (use utf-8 or cp932)");
	assert_int_equal(e, ENCODING_UTF8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_open_reads_plain_utf8_as_it_is),
		cmocka_unit_test(a_file_of_two_encodings_is_refused_at_the_line_that_breaks_it),
		cmocka_unit_test(utf16_is_read_with_its_mark_and_named_without),
		cmocka_unit_test(a_cr_alone_ends_a_line),
		cmocka_unit_test(text_open_never_delivers_the_bom),
		cmocka_unit_test(text_open_reads_bom_only_as_empty_utf8),
		cmocka_unit_test(text_open_reads_empty_input_as_empty_utf8),
		cmocka_unit_test(text_open_detects_cp932_and_decodes_it),
		cmocka_unit_test(cp932_decodes_excel_characters_as_excel_means_them),
		cmocka_unit_test(short_cp932_text_is_not_taken_for_utf8),
		cmocka_unit_test(utf8_refuses_overlong_surrogate_too_large_and_cut_short),
		cmocka_unit_test(forced_utf8_on_cp932_names_line_and_character_column),
		cmocka_unit_test(bom_then_bad_byte_is_invalid_utf8_at_its_place),
		cmocka_unit_test(bad_cp932_names_line_and_character_column),
		cmocka_unit_test(text_read_never_splits_a_character),
		cmocka_unit_test(file_larger_than_a_chunk_keeps_characters_cut_by_chunks),
		cmocka_unit_test(cp932_after_a_long_utf8_like_start_is_still_cp932),
		cmocka_unit_test(error_column_counts_characters_of_a_line_longer_than_a_chunk),
		cmocka_unit_test(text_open_names_file_that_cannot_be_opened),
		cmocka_unit_test(encoding_parse_reads_names_in_any_case),
		cmocka_unit_test(encoding_parse_refuses_other_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
