/* test_fiscal_year.c: every form of fiscal year SPEC.md accepts, the forms
 * kpitree prints, the year of a moment, and the messages for bad input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <string.h>
#include <time.h>

#include "fiscal_year.h"

static int parse_ok(const char *text)
{
	struct error err;
	int year = 0;

	error_clear(&err);
	assert_int_equal(fiscal_year_parse(text, &year, &err), 0);
	assert_string_equal(err.text, "");
	return year;
}

static const char *parse_fails(const char *text)
{
	static struct error err;
	int year = 1234;

	error_clear(&err);
	assert_int_equal(fiscal_year_parse(text, &year, &err), -1);
	assert_int_equal(year, 1234);
	return err.text;
}

static void fiscal_year_parse_reads_gregorian_year(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("2025"), 2025);
}

static void fiscal_year_parse_reads_fy_prefix_in_any_case(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("FY2025"), 2025);
	assert_int_equal(parse_ok("fy2025"), 2025);
	assert_int_equal(parse_ok("Fy2025"), 2025);
}

static void fiscal_year_parse_reads_gregorian_with_nendo(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("2025年度"), 2025);
}

static void fiscal_year_parse_reads_reiwa_letter_in_either_case(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("R7"), 2025);
	assert_int_equal(parse_ok("r7"), 2025);
}

static void fiscal_year_parse_reads_reiwa_letter_with_nendo(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("R4年度"), 2022);
}

static void fiscal_year_parse_reads_reiwa_in_kanji(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("令和7"), 2025);
	assert_int_equal(parse_ok("令和7年度"), 2025);
}

static void fiscal_year_parse_reads_gan_as_first_year(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("令和元年度"), 2019);
	assert_int_equal(parse_ok("令和元"), 2019);
	assert_int_equal(parse_ok("R元"), 2019);
	assert_int_equal(parse_ok("平成元年度"), 1989);
}

static void fiscal_year_parse_reads_r1_as_2019(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("R1"), 2019);
}

static void fiscal_year_parse_reads_heisei(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("H30"), 2018);
	assert_int_equal(parse_ok("h30"), 2018);
	assert_int_equal(parse_ok("平成30"), 2018);
	assert_int_equal(parse_ok("平成30年度"), 2018);
	assert_int_equal(parse_ok("H1"), FISCAL_YEAR_MIN);
}

static void fiscal_year_parse_reads_h31_as_2019(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("H31"), 2019);
}

static void fiscal_year_parse_reads_full_width_digits(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("令和７年度"), 2025);
	assert_int_equal(parse_ok("２０２５"), 2025);
	assert_int_equal(parse_ok("R７"), 2025);
	assert_int_equal(parse_ok("FY２０２５"), 2025);
}

static void fiscal_year_parse_ignores_surrounding_spaces(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("  R7 "), 2025);
	assert_int_equal(parse_ok("\t2025\t"), 2025);
	assert_int_equal(parse_ok("\u3000令和7年度\u3000"), 2025);
}

static void fiscal_year_parse_reads_range_limits(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("1989"), FISCAL_YEAR_MIN);
	assert_int_equal(parse_ok("2200"), FISCAL_YEAR_MAX);
	assert_int_equal(parse_ok("R182"), FISCAL_YEAR_MAX);
}

static void fiscal_year_parse_refuses_empty_text(void **state)
{
	(void)state;
	assert_string_equal(parse_fails(""), "not a fiscal year: ''");
	assert_string_equal(parse_fails("   "), "not a fiscal year: '   '");
}

static void fiscal_year_parse_refuses_era_without_year(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("R"), "not a fiscal year: 'R'");
	assert_string_equal(parse_fails("令和年度"), "not a fiscal year: '令和年度'");
	assert_string_equal(parse_fails("FY"), "not a fiscal year: 'FY'");
}

static void fiscal_year_parse_refuses_era_year_zero(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("R0"),
			    "not a fiscal year: 'R0' (the first year of an era is 1 or 元)");
	assert_string_equal(parse_fails("H0"),
			    "not a fiscal year: 'H0' (the first year of an era is 1 or 元)");
}

static void fiscal_year_parse_refuses_heisei_after_h31(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("H32"),
			    "not a fiscal year: 'H32' (heisei ends with H31 = R1 = 2019)");
}

static void fiscal_year_parse_refuses_trailing_garbage(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("R7x"), "not a fiscal year: 'R7x'");
	assert_string_equal(parse_fails("2025年"), "not a fiscal year: '2025年'");
	assert_string_equal(parse_fails("R 7"), "not a fiscal year: 'R 7'");
	assert_string_equal(parse_fails("FY2025年度"), "not a fiscal year: 'FY2025年度'");
}

static void fiscal_year_parse_refuses_words(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("abc"), "not a fiscal year: 'abc'");
	assert_string_equal(parse_fails("F2025"), "not a fiscal year: 'F2025'");
}

static void fiscal_year_parse_refuses_years_out_of_range(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("20255"),
			    "fiscal year out of range: '20255' (1989 to 2200)");
	assert_string_equal(parse_fails("1988"),
			    "fiscal year out of range: '1988' (1989 to 2200)");
	assert_string_equal(parse_fails("R183"),
			    "fiscal year out of range: 'R183' (1989 to 2200)");
	assert_string_equal(parse_fails("99999999999999999999"),
			    "fiscal year out of range: '99999999999999999999' (1989 to 2200)");
}

static void fiscal_year_parse_accepts_null_error_record(void **state)
{
	int year = 0;

	(void)state;
	assert_int_equal(fiscal_year_parse("R7x", &year, NULL), -1);
	assert_int_equal(fiscal_year_parse("R7", &year, NULL), 0);
	assert_int_equal(year, 2025);
}

static void fiscal_year_format_writes_reiwa_with_gregorian(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(fiscal_year_format(2025, buf, sizeof buf), "R7 (2025)");
	assert_string_equal(fiscal_year_format(2019, buf, sizeof buf), "R1 (2019)");
}

static void fiscal_year_format_writes_heisei_before_2019(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(fiscal_year_format(2018, buf, sizeof buf), "H30 (2018)");
	assert_string_equal(fiscal_year_format(1989, buf, sizeof buf), "H1 (1989)");
}

static void fiscal_year_japanese_writes_era_whatever_the_language(void **state)
{
	static const struct { int year; const char *text; } cases[] = {
		{ 2025, "令和7年度" }, { 2019, "令和元年度" }, { 2018, "平成30年度" },
		{ 1989, "平成元年度" }, { 1988, "1988" },
	};
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(fiscal_year_japanese(cases[i].year, buf, sizeof buf), cases[i].text);
}

static void fiscal_year_range_writes_a_span_in_short_form(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(fiscal_year_range(2021, 2024, buf, sizeof buf), "R3-R6");
	assert_string_equal(fiscal_year_range(2018, 2022, buf, sizeof buf), "H30-R4");
	assert_string_equal(fiscal_year_brief(2025, buf, sizeof buf), "R7");
}

static void fiscal_year_format_writes_years_before_heisei_as_gregorian(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(fiscal_year_format(1988, buf, sizeof buf), "1988");
	assert_string_equal(fiscal_year_short(1988, buf, sizeof buf), "1988");
}

static void fiscal_year_short_writes_era_and_year(void **state)
{
	char buf[16];

	(void)state;
	assert_string_equal(fiscal_year_short(2025, buf, sizeof buf), "R7");
	assert_string_equal(fiscal_year_short(2018, buf, sizeof buf), "H30");
	assert_string_equal(fiscal_year_short(2019, buf, sizeof buf), "R1");
}

static void fiscal_year_format_cuts_to_buffer(void **state)
{
	char buf[4];

	(void)state;
	assert_string_equal(fiscal_year_format(2025, buf, sizeof buf), "R7 ");
}

static void fiscal_year_short_reads_back(void **state)
{
	char buf[16];
	int year;

	(void)state;
	for (year = FISCAL_YEAR_MIN; year <= FISCAL_YEAR_MAX; year++)
		assert_int_equal(parse_ok(fiscal_year_short(year, buf, sizeof buf)), year);
}

static time_t local_time(int year, int month, int day, int hour, int min, int sec)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

static void fiscal_year_of_march_31_is_previous_year(void **state)
{
	(void)state;
	assert_int_equal(fiscal_year_of(local_time(2026, 3, 31, 12, 0, 0)), 2025);
	assert_int_equal(fiscal_year_of(local_time(2026, 3, 31, 23, 59, 59)), 2025);
}

static void fiscal_year_of_april_1_starts_new_year(void **state)
{
	(void)state;
	assert_int_equal(fiscal_year_of(local_time(2026, 4, 1, 0, 0, 0)), 2026);
	assert_int_equal(fiscal_year_of(local_time(2026, 12, 31, 23, 59, 59)), 2026);
	assert_int_equal(fiscal_year_of(local_time(2027, 1, 1, 0, 0, 0)), 2026);
}

static void fiscal_year_of_moment_beyond_calendar_is_last_year(void **state)
{
	(void)state;
	assert_int_equal(fiscal_year_of((time_t)LONG_MAX), FISCAL_YEAR_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fiscal_year_parse_reads_gregorian_year),
		cmocka_unit_test(fiscal_year_parse_reads_fy_prefix_in_any_case),
		cmocka_unit_test(fiscal_year_parse_reads_gregorian_with_nendo),
		cmocka_unit_test(fiscal_year_parse_reads_reiwa_letter_in_either_case),
		cmocka_unit_test(fiscal_year_parse_reads_reiwa_letter_with_nendo),
		cmocka_unit_test(fiscal_year_parse_reads_reiwa_in_kanji),
		cmocka_unit_test(fiscal_year_parse_reads_gan_as_first_year),
		cmocka_unit_test(fiscal_year_parse_reads_r1_as_2019),
		cmocka_unit_test(fiscal_year_parse_reads_heisei),
		cmocka_unit_test(fiscal_year_parse_reads_h31_as_2019),
		cmocka_unit_test(fiscal_year_parse_reads_full_width_digits),
		cmocka_unit_test(fiscal_year_parse_ignores_surrounding_spaces),
		cmocka_unit_test(fiscal_year_parse_reads_range_limits),
		cmocka_unit_test(fiscal_year_parse_refuses_empty_text),
		cmocka_unit_test(fiscal_year_parse_refuses_era_without_year),
		cmocka_unit_test(fiscal_year_parse_refuses_era_year_zero),
		cmocka_unit_test(fiscal_year_parse_refuses_heisei_after_h31),
		cmocka_unit_test(fiscal_year_parse_refuses_trailing_garbage),
		cmocka_unit_test(fiscal_year_parse_refuses_words),
		cmocka_unit_test(fiscal_year_parse_refuses_years_out_of_range),
		cmocka_unit_test(fiscal_year_parse_accepts_null_error_record),
		cmocka_unit_test(fiscal_year_format_writes_reiwa_with_gregorian),
		cmocka_unit_test(fiscal_year_format_writes_heisei_before_2019),
		cmocka_unit_test(fiscal_year_japanese_writes_era_whatever_the_language),
		cmocka_unit_test(fiscal_year_range_writes_a_span_in_short_form),
		cmocka_unit_test(fiscal_year_format_writes_years_before_heisei_as_gregorian),
		cmocka_unit_test(fiscal_year_short_writes_era_and_year),
		cmocka_unit_test(fiscal_year_format_cuts_to_buffer),
		cmocka_unit_test(fiscal_year_short_reads_back),
		cmocka_unit_test(fiscal_year_of_march_31_is_previous_year),
		cmocka_unit_test(fiscal_year_of_april_1_starts_new_year),
		cmocka_unit_test(fiscal_year_of_moment_beyond_calendar_is_last_year),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
