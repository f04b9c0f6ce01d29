/* test_number.c: numbers as officials type them, the messages for what is
 * not a number, and the plain and grouped forms kpitree writes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

static double parse_ok(const char *text)
{
	struct error err;
	double value = -1234.5;

	error_clear(&err);
	assert_int_equal(number_parse(text, &value, &err), 0);
	assert_string_equal(err.text, "");
	return value;
}

static const char *parse_fails(const char *text)
{
	static struct error err;
	double value = -1234.5;

	error_clear(&err);
	assert_int_equal(number_parse(text, &value, &err), -1);
	assert_true(value == -1234.5);
	return err.text;
}

static const char *format(double value)
{
	static char buf[512];

	return number_format(value, buf, sizeof buf);
}

static const char *format_grouped(double value)
{
	static char buf[512];

	return number_format_grouped(value, buf, sizeof buf);
}

/* 88.2% is a number for a KPI in %, and only for one. */
static void number_parse_in_takes_the_percent_sign_of_a_percent_kpi(void **state)
{
	struct error err;
	double v = 0;

	(void)state;
	assert_int_equal(number_parse_in("88.2%", "%", &v, &err), 0);
	assert_true(v == 88.2);
	assert_int_equal(number_parse_in("８８．２％ ", "%", &v, &err), 0);
	assert_true(v == 88.2);
	assert_int_equal(number_parse_in("12", "%", &v, &err), 0);
	assert_true(v == 12);
	assert_int_equal(number_parse_in("88.2%", "人", &v, &err), -1);
	assert_int_equal(number_parse_in("%", "%", &v, &err), -1);
	assert_int_equal(number_parse_in("88.2%%", "%", &v, &err), -1);
}

/* Any KPI's own unit after the number, as officials write it. */
static void number_parse_in_takes_the_kpis_own_unit(void **state)
{
	struct error err;
	double v = 0;

	(void)state;
	assert_int_equal(number_parse_in("1,234人", "人", &v, &err), 0);
	assert_true(v == 1234);
	assert_int_equal(number_parse_in("7,500億円", "億円", &v, &err), 0);
	assert_true(v == 7500);
	assert_int_equal(number_parse_in("１４０ 千人", "千人", &v, &err), 0);
	assert_true(v == 140);
	/* another unit than the KPI's is no number of it */
	assert_int_equal(number_parse_in("1234件", "人", &v, &err), -1);
	assert_int_equal(number_parse_in("1234億円", "円", &v, &err), -1);
	assert_int_equal(number_parse_in("人", "人", &v, &err), -1);
	assert_int_equal(number_parse_in("12", "", &v, &err), 0);
}

static void number_parse_reads_plain_integer(void **state)
{
	(void)state;
	assert_true(parse_ok("42") == 42);
	assert_true(parse_ok("0") == 0);
}

static void number_parse_reads_thousands_commas(void **state)
{
	(void)state;
	assert_true(parse_ok("1,511") == 1511);
	assert_true(parse_ok("23,261.5") == 23261.5);
	assert_true(parse_ok("1,234,567") == 1234567);
}

static void number_parse_reads_full_width_digits_and_comma(void **state)
{
	(void)state;
	assert_true(parse_ok("１，５１１") == 1511);
	assert_true(parse_ok("３１．２") == 31.2);
	assert_true(parse_ok("1，511") == 1511);
}

static void number_parse_reads_decimal_part(void **state)
{
	(void)state;
	assert_true(parse_ok("31.20") == 31.2);
	assert_true(parse_ok("0.5") == 0.5);
	assert_true(parse_ok("0.05") == 0.05);
}

static void number_parse_reads_ascii_signs(void **state)
{
	(void)state;
	assert_true(parse_ok("-3") == -3);
	assert_true(parse_ok("+2.5") == 2.5);
	assert_true(parse_ok("-1,511") == -1511);
}

static void number_parse_reads_minus_sign_u2212(void **state)
{
	(void)state;
	assert_true(parse_ok("\u22123") == -3);
}

static void number_parse_reads_full_width_signs(void **state)
{
	(void)state;
	assert_true(parse_ok("＋１") == 1);
	assert_true(parse_ok("－１") == -1);
}

static void number_parse_ignores_surrounding_spaces(void **state)
{
	(void)state;
	assert_true(parse_ok(" 42 ") == 42);
	assert_true(parse_ok("\t42\t") == 42);
	assert_true(parse_ok("\u3000４２\u3000") == 42);
}

static void number_parse_reads_digits_without_commas_of_any_length(void **state)
{
	(void)state;
	assert_true(parse_ok("1511") == 1511);
	assert_true(parse_ok("1234567") == 1234567);
}

static void number_parse_rounds_like_strtod(void **state)
{
	(void)state;
	assert_true(parse_ok("0.1") == 0.1);
	assert_true(parse_ok("9007199254740.93") == 9007199254740.93);
}

/* Nothing is rounded or cut on its way in: a value is taken only if it can
 * be stored exactly as written (15 significant digits, 15 before the point
 * and 15 after it), and then it is written back as it was typed. */
static void number_parse_refuses_what_it_cannot_store_exactly(void **state)
{
	static const char *const kept[] = {
		"123456789012345", "-999,999,999,999,999", "0.123456789012345",
		"0.000000000000001", "12345678.1234567", "100000000000000", "1.500000000000000",
		"０．０００１２３",
	};
	static const char *const refused[] = {
		"12345678901234567890", "9007199254740993", "1000000000000000",
		"0.0000000000000001", "1.0000000000000001", "123456789012345.6",
		"1,234,567,890,123,456",
	};
	char text[128], want[512], back[64];
	double v;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		v = parse_ok(kept[i]);
		number_format_places(v, number_decimals(kept[i]), strchr(kept[i], ',') != NULL,
				     back, sizeof back);
		if (kept[i][0] != '\xEF')
			assert_string_equal(back, kept[i]);
		assert_true(parse_ok(back) == v);
	}
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		snprintf(want, sizeof want, "cannot be stored exactly: '%s' (at most 15 significant"
			 " digits, 15 before the point and 15 after it)", refused[i]);
		assert_string_equal(parse_fails(refused[i]), want);
	}
	/* 80 digits, and 0. with 70 zeros and a 1, are no longer cut. */
	memset(text, '9', 80);
	text[80] = '\0';
	snprintf(want, sizeof want, "cannot be stored exactly: '%s' (at most 15 significant"
		 " digits, 15 before the point and 15 after it)", text);
	assert_string_equal(parse_fails(text), want);
	memcpy(text, "0.", 2);
	memset(text + 2, '0', 70);
	strcpy(text + 72, "1");
	snprintf(want, sizeof want, "cannot be stored exactly: '%s' (at most 15 significant"
		 " digits, 15 before the point and 15 after it)", text);
	assert_string_equal(parse_fails(text), want);
}

static void number_parse_refuses_empty_text(void **state)
{
	(void)state;
	assert_string_equal(parse_fails(""), "not a number: ''");
	assert_string_equal(parse_fails(" \u3000 "), "not a number: ' \u3000 '");
}

static void number_parse_refuses_misplaced_comma(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("1,51"), "misplaced thousands comma in '1,51'");
	assert_string_equal(parse_fails("1,5111"), "misplaced thousands comma in '1,5111'");
	assert_string_equal(parse_fails("1511,000"), "misplaced thousands comma in '1511,000'");
	assert_string_equal(parse_fails("1,,511"), "misplaced thousands comma in '1,,511'");
}

static void number_parse_refuses_leading_comma(void **state)
{
	(void)state;
	assert_string_equal(parse_fails(",1"), "misplaced thousands comma in ',1'");
	assert_string_equal(parse_fails("-,511"), "misplaced thousands comma in '-,511'");
}

static void number_parse_refuses_trailing_comma(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("1,"), "misplaced thousands comma in '1,'");
}

static void number_parse_refuses_comma_in_decimal_part(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("1.234,5"), "misplaced thousands comma in '1.234,5'");
	assert_string_equal(parse_fails("１．２，３"), "misplaced thousands comma in '１．２，３'");
}

static void number_parse_refuses_point_without_digits_after(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("1."), "not a number: '1.'");
}

static void number_parse_refuses_point_without_digits_before(void **state)
{
	(void)state;
	assert_string_equal(parse_fails(".5"), "not a number: '.5'");
}

static void number_parse_refuses_words(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("abc"), "not a number: 'abc'");
}

static void number_parse_refuses_exponent(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("1e5"), "not a number: '1e5'");
}

static void number_parse_refuses_unit(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("12人"), "not a number: '12人'");
	assert_string_equal(parse_fails("12 人"), "not a number: '12 人'");
}

static void number_parse_refuses_second_point(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("1.2.3"), "not a number: '1.2.3'");
}

static void number_parse_refuses_double_sign(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("--1"), "not a number: '--1'");
	assert_string_equal(parse_fails("+-1"), "not a number: '+-1'");
	assert_string_equal(parse_fails("-"), "not a number: '-'");
}

static void number_parse_refuses_inner_space(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("1 511"), "not a number: '1 511'");
}

static void number_parse_refuses_infinity_and_nan(void **state)
{
	(void)state;
	assert_string_equal(parse_fails("inf"), "not a number: 'inf'");
	assert_string_equal(parse_fails("nan"), "not a number: 'nan'");
	assert_string_equal(parse_fails("0x10"), "not a number: '0x10'");
}

static void number_parse_refuses_text_too_long(void **state)
{
	char text[300], expected[400];

	(void)state;
	memset(text, '1', sizeof text - 1);
	text[sizeof text - 1] = '\0';
	snprintf(expected, sizeof expected, "number too long: '%s'", text);
	assert_string_equal(parse_fails(text), expected);
}

static void number_parse_accepts_null_error_record(void **state)
{
	double value = 0;

	(void)state;
	assert_int_equal(number_parse("abc", &value, NULL), -1);
	assert_int_equal(number_parse("1,511", &value, NULL), 0);
	assert_true(value == 1511);
}

/* Where no locale with a decimal comma is installed this runs in the C
 * locale; it is not skipped, because cmocka 1.1.5 writes a skip as
 * "not ok # SKIP", which the TAP driver counts as a failure. */
static void number_conversion_ignores_decimal_comma_locale(void **state)
{
	const char *locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof locales / sizeof *locales; i++)
		if (setlocale(LC_NUMERIC, locales[i]))
			break;
	assert_true(parse_ok("31.2") == 31.2);
	assert_string_equal(format(31.2), "31.2");
	assert_string_equal(format_grouped(23261.5), "23,261.5");
	setlocale(LC_NUMERIC, "C");
}

static void number_format_writes_integer_without_point(void **state)
{
	(void)state;
	assert_string_equal(format(1511), "1511");
	assert_string_equal(format(0), "0");
	assert_string_equal(format(-3), "-3");
}

static void number_format_drops_trailing_zeros(void **state)
{
	(void)state;
	assert_string_equal(format(31.20), "31.2");
	assert_string_equal(format(0.05), "0.05");
	assert_string_equal(format(2.5), "2.5");
}

static void number_format_writes_negative_zero_as_zero(void **state)
{
	(void)state;
	assert_string_equal(format(-0.0), "0");
}

static void number_format_writes_shortest_round_trip(void **state)
{
	(void)state;
	assert_string_equal(format(0.1), "0.1");
	assert_string_equal(format(0.1 + 0.2), "0.30000000000000004");
	assert_string_equal(format(1.0 / 3), "0.3333333333333333");
	assert_string_equal(format(16.0 / 28), "0.5714285714285714");
}

static void number_format_never_writes_exponent(void **state)
{
	(void)state;
	assert_string_equal(format(1e20), "100000000000000000000");
	assert_string_equal(format(1.5e-7), "0.00000015");
	assert_string_equal(format(-2.5e-5), "-0.000025");
	assert_string_equal(format(123456789012345680.0), "123456789012345680");
}

static void number_format_reads_back_at_the_extremes(void **state)
{
	const double values[] = { DBL_MAX, -DBL_MAX, DBL_MIN, DBL_TRUE_MIN, 1e300, 1.7976931348623155e-300 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof values / sizeof *values; i++) {
		const char *text = format(values[i]);

		assert_null(strchr(text, 'e'));
		assert_true(strtod(text, NULL) == values[i]);
	}
}

static void number_format_names_infinity_and_nan(void **state)
{
	(void)state;
	assert_string_equal(format(INFINITY), "inf");
	assert_string_equal(format(-INFINITY), "-inf");
	assert_string_equal(format(NAN), "nan");
}

static void number_format_cuts_to_buffer(void **state)
{
	char buf[4];

	(void)state;
	assert_string_equal(number_format(123456, buf, sizeof buf), "123");
}

static void number_format_reads_back_what_number_parse_reads(void **state)
{
	const char *texts[] = { "1,511", "31.20", "−3", "＋１", "23,261.5", "0.05", "0.1" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof *texts; i++) {
		double value = parse_ok(texts[i]);

		assert_true(parse_ok(format(value)) == value);
	}
}

static void number_format_grouped_puts_commas_in_integer_part(void **state)
{
	(void)state;
	assert_string_equal(format_grouped(1511), "1,511");
	assert_string_equal(format_grouped(23261.5), "23,261.5");
	assert_string_equal(format_grouped(1234567.125), "1,234,567.125");
	assert_string_equal(format_grouped(0.0001234), "0.0001234");
}

static void number_format_grouped_leaves_short_numbers_alone(void **state)
{
	(void)state;
	assert_string_equal(format_grouped(0), "0");
	assert_string_equal(format_grouped(999), "999");
	assert_string_equal(format_grouped(100), "100");
}

static void number_format_grouped_keeps_sign_outside_groups(void **state)
{
	(void)state;
	assert_string_equal(format_grouped(-123456), "-123,456");
	assert_string_equal(format_grouped(-1234), "-1,234");
	assert_string_equal(format_grouped(-0.0), "0");
}

static void number_format_grouped_reads_back(void **state)
{
	(void)state;
	assert_true(parse_ok(format_grouped(1e14)) == 1e14);
	assert_true(parse_ok(format_grouped(-23261.5)) == -23261.5);
}

static void number_decimals_counts_digits_after_the_point_as_typed(void **state)
{
	(void)state;
	assert_int_equal(number_decimals("31.20"), 2);
	assert_int_equal(number_decimals("1,511"), 0);
	assert_int_equal(number_decimals("６６．０"), 1);
	assert_int_equal(number_decimals("-0.125"), 3);
}

static void number_format_places_pads_with_zeros_only(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(number_format_places(66, 1, 0, buf, sizeof buf), "66.0");
	assert_string_equal(number_format_places(31.2, 2, 1, buf, sizeof buf), "31.20");
	assert_string_equal(number_format_places(1234.5, 2, 1, buf, sizeof buf), "1,234.50");
	assert_string_equal(number_format_places(0.125, 1, 0, buf, sizeof buf), "0.125");
	assert_string_equal(number_format_places(28, 0, 1, buf, sizeof buf), "28");
}

/* Found by the fuzzer: 200 digits read, but once written with their 66
 * commas they were too long to read back. Now a number is refused unless
 * it can be stored exactly; the longest one taken reads back grouped. */
static void number_parse_reads_back_a_long_number_written_grouped(void **state)
{
	char text[256], grouped[512];
	struct error err;
	double v, back;

	(void)state;
	memset(text, '3', 200);
	text[200] = '\0';
	assert_int_equal(number_parse(text, &v, &err), -1);
	text[NUMBER_DIGITS] = '\0';
	assert_int_equal(number_parse(text, &v, &err), 0);
	number_format_grouped(v, grouped, sizeof grouped);
	assert_string_equal(grouped, "333,333,333,333,333");
	assert_int_equal(number_parse(grouped, &back, &err), 0);
	assert_true(back == v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(number_parse_reads_back_a_long_number_written_grouped),
		cmocka_unit_test(number_parse_refuses_what_it_cannot_store_exactly),
		cmocka_unit_test(number_decimals_counts_digits_after_the_point_as_typed),
		cmocka_unit_test(number_format_places_pads_with_zeros_only),
		cmocka_unit_test(number_parse_reads_plain_integer),
		cmocka_unit_test(number_parse_reads_thousands_commas),
		cmocka_unit_test(number_parse_reads_full_width_digits_and_comma),
		cmocka_unit_test(number_parse_reads_decimal_part),
		cmocka_unit_test(number_parse_reads_ascii_signs),
		cmocka_unit_test(number_parse_reads_minus_sign_u2212),
		cmocka_unit_test(number_parse_reads_full_width_signs),
		cmocka_unit_test(number_parse_ignores_surrounding_spaces),
		cmocka_unit_test(number_parse_reads_digits_without_commas_of_any_length),
		cmocka_unit_test(number_parse_rounds_like_strtod),
		cmocka_unit_test(number_parse_refuses_empty_text),
		cmocka_unit_test(number_parse_refuses_misplaced_comma),
		cmocka_unit_test(number_parse_refuses_leading_comma),
		cmocka_unit_test(number_parse_refuses_trailing_comma),
		cmocka_unit_test(number_parse_refuses_comma_in_decimal_part),
		cmocka_unit_test(number_parse_refuses_point_without_digits_after),
		cmocka_unit_test(number_parse_refuses_point_without_digits_before),
		cmocka_unit_test(number_parse_refuses_words),
		cmocka_unit_test(number_parse_refuses_exponent),
		cmocka_unit_test(number_parse_refuses_unit),
		cmocka_unit_test(number_parse_refuses_second_point),
		cmocka_unit_test(number_parse_refuses_double_sign),
		cmocka_unit_test(number_parse_refuses_inner_space),
		cmocka_unit_test(number_parse_refuses_infinity_and_nan),
		cmocka_unit_test(number_parse_refuses_text_too_long),
		cmocka_unit_test(number_parse_accepts_null_error_record),
		cmocka_unit_test(number_conversion_ignores_decimal_comma_locale),
		cmocka_unit_test(number_format_writes_integer_without_point),
		cmocka_unit_test(number_format_drops_trailing_zeros),
		cmocka_unit_test(number_format_writes_negative_zero_as_zero),
		cmocka_unit_test(number_format_writes_shortest_round_trip),
		cmocka_unit_test(number_format_never_writes_exponent),
		cmocka_unit_test(number_format_reads_back_at_the_extremes),
		cmocka_unit_test(number_format_names_infinity_and_nan),
		cmocka_unit_test(number_format_cuts_to_buffer),
		cmocka_unit_test(number_format_reads_back_what_number_parse_reads),
		cmocka_unit_test(number_format_grouped_puts_commas_in_integer_part),
		cmocka_unit_test(number_format_grouped_leaves_short_numbers_alone),
		cmocka_unit_test(number_format_grouped_keeps_sign_outside_groups),
		cmocka_unit_test(number_format_grouped_reads_back),
		cmocka_unit_test(number_parse_in_takes_the_percent_sign_of_a_percent_kpi),
		cmocka_unit_test(number_parse_in_takes_the_kpis_own_unit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
