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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_code_as_written_stays_as_it_is),
		cmocka_unit_test(lower_case_and_full_width_read_as_the_code),
		cmocka_unit_test(an_h_code_has_its_number_in_two_digits),
		cmocka_unit_test(a_circled_number_alone_is_its_h_code),
		cmocka_unit_test(forgiving_dashes_zeros_and_a_circled_letter),
		cmocka_unit_test(text_that_is_no_code_matches_none),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
