/* test_codes.c: the KPI codes as officials type them (h12, Ｈ１２, ⑫,
 * ｓｐ２－１) read as the data writes them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "codes.h"

static char buf[64];

static const char *normal(const char *text)
{
	return codes_normalize(text, buf, sizeof buf);
}

static void a_code_as_written_stays_as_it_is(void **state)
{
	(void)state;
	assert_string_equal(normal("H12b"), "H12b");
	assert_string_equal(normal("SP2-1"), "SP2-1");
}

static void lower_case_and_full_width_read_as_the_code(void **state)
{
	(void)state;
	assert_string_equal(normal("h12"), "H12");
	assert_string_equal(normal("H１２"), "H12");
	assert_string_equal(normal("ｈ１２Ｂ"), "H12b");
	assert_string_equal(normal("ｓｐ２－１"), "SP2-1");
	assert_string_equal(normal(" sp2-1 "), "SP2-1");
}

static void an_h_code_has_its_number_in_two_digits(void **state)
{
	(void)state;
	assert_string_equal(normal("h1"), "H01");
	assert_string_equal(normal("H1a"), "H01a");
	assert_string_equal(normal("H012"), "H12");
	assert_string_equal(normal("h013"), "H13");
	assert_string_equal(normal("Ｈ００１２ｂ"), "H12b");
	/* three digits that are not leading zeros are no H code */
	assert_string_equal(normal("H123"), "H123");
}

static void a_circled_number_alone_is_its_h_code(void **state)
{
	(void)state;
	assert_string_equal(normal("⑫"), "H12");
	assert_string_equal(normal("①"), "H01");
	/* in a text it is no code */
	assert_string_equal(normal("①直近"), "①直近");
}

/* issue 18: the dashes and zeros officials type, a circled number with
 * its letter */
static void forgiving_dashes_zeros_and_a_circled_letter(void **state)
{
	(void)state;
	assert_string_equal(normal("SP2-01"), "SP2-1");
	assert_string_equal(normal("sp02-001"), "SP2-1");
	assert_string_equal(normal("ＳＰ２\xe2\x88\x92１"), "SP2-1");	/* U+2212 minus */
	assert_string_equal(normal("SP2ー1"), "SP2-1");			/* long vowel mark */
	assert_string_equal(normal("ＳＰ２ｰ１"), "SP2-1");			/* its half-width form */
	assert_string_equal(normal("SP2\xe2\x80\x90" "1"), "SP2-1");	/* U+2010 hyphen */
	assert_string_equal(normal("SP2–1"), "SP2-1");			/* en dash */
	assert_string_equal(normal("⑫b"), "H12b");
	assert_string_equal(normal("⑫Ｂ"), "H12b");
	assert_string_equal(normal("① "), "H01");
	/* a circled number with more than a letter is still no code */
	assert_string_equal(normal("⑫bc"), "⑫BC");
	/* a dash in a text is still the text's */
	assert_string_equal(normal("SP2ー"), "SP2-");
}

static void text_that_is_no_code_matches_none(void **state)
{
	(void)state;
	assert_string_equal(normal("移住"), "移住");
	assert_string_equal(normal("Hokkaido"), "HOKKAIDO");
}

/* 全国地方公共団体コード: the check digit and the prefecture's number */
static void a_municipality_code_has_its_check_digit_and_prefecture(void **state)
{
	static const struct {
		const char *code, *prefecture;
		int rc;
	} cases[] = {
		{ "011002", "北海道", 0 },	/* 札幌市: 9 mod 11 = 9, 11 − 9 = 2 */
		{ "012025", "北海道", 0 },	/* 函館市 */
		{ "131016", "東京都", 0 },	/* 千代田区 */
		{ "472018", "沖縄県", 0 },	/* 那覇市 */
		{ "011002", "", 0 },		/* no prefecture given: not compared */
		{ "011003", "北海道", -1 },	/* a wrong check digit */
		{ "131016", "北海道", -1 },	/* 千代田区 is not of 北海道 */
		{ "011002", "東京都", -1 },
		{ "999999", "", -1 },		/* no prefecture 99 */
		{ "000001", "", -1 },		/* nor 00 */
		{ "01100", "北海道", -1 },	/* the 5-digit code without its check digit */
		{ "０１１００２", "北海道", -1 },
		{ "011002", "北海", -2 },	/* no prefecture's name */
	};
	struct error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = codes_municipality_check(cases[i].code, cases[i].prefecture, &err);

		if (rc != cases[i].rc)
			fail_msg("%s %s: %d, not %d", cases[i].code, cases[i].prefecture, rc,
				 cases[i].rc);
		if (rc)
			assert_int_equal(err.kind, ERROR_INVALID);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_code_as_written_stays_as_it_is),
		cmocka_unit_test(lower_case_and_full_width_read_as_the_code),
		cmocka_unit_test(an_h_code_has_its_number_in_two_digits),
		cmocka_unit_test(a_circled_number_alone_is_its_h_code),
		cmocka_unit_test(forgiving_dashes_zeros_and_a_circled_letter),
		cmocka_unit_test(text_that_is_no_code_matches_none),
		cmocka_unit_test(a_municipality_code_has_its_check_digit_and_prefecture),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
