/* test_inert.c: stored text made inert for every output a person reads:
 * no control character, C1 or broken UTF-8 byte comes out as itself. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inert.h"

static char buf[256];

static const char *inert(const char *text)
{
	return inert_text(text, buf, sizeof buf);
}

/* What f received from write, as a string. */
static const char *written(int (*write)(const char *, FILE *), const char *text)
{
	FILE *f = fmemopen(buf, sizeof buf, "w");

	assert_non_null(f);
	assert_int_equal(write(text, f), 0);
	fclose(f);
	return buf;
}

static void control_characters_come_out_as_caret_escapes(void **state)
{
	(void)state;
	assert_string_equal(inert("a\nb"), "a^Jb");
	assert_string_equal(inert("\x1b]2;title\a"), "^[]2;title^G");
	assert_string_equal(inert("\r\t\x7f"), "^M^I^?");
}

static void c1_controls_come_out_as_their_7_bit_escape(void **state)
{
	(void)state;
	assert_string_equal(inert("\xc2\x9b" "2J"), "^[[2J");
	assert_string_equal(inert("\xc2\x85"), "^[E");
}

/* Trojan Source: U+202E would show "H01 tegrat" for "H01 target"
 * reversed, or hide a value's sign behind an isolate. */
static void bidirectional_controls_come_out_as_visible_code_points(void **state)
{
	char out[INERT_MAX];

	(void)state;
	assert_string_equal(inert("99 \xe2\x80\xae" "01"), "99 \\u202E01");
	assert_string_equal(inert("\xe2\x81\xa6x\xe2\x81\xa9"), "\\u2066x\\u2069");
	assert_string_equal(inert("\xe2\x80\x8f\xd8\x9c\xe2\x80\xa8"), "\\u200F\\u061C\\u2028");
	/* the invisible ones that hide a character in a code: H\u200B01 */
	assert_string_equal(inert("H\xe2\x80\x8b" "01\xef\xbb\xbf\xe2\x81\xa0\xe2\x81\xaa\xe1\xa0\x8e"),
			    "H\\u200B01\\uFEFF\\u2060\\u206A\\u180E");
	assert_int_equal(inert_control(0x202E, out), 6);
	assert_string_equal(out, "\\u202E");
	/* the joiners that emoji and Indic scripts need stay as they are */
	assert_int_equal(inert_control(0x200D, out), 0);
	assert_int_equal(inert_control(0x2030, out), 0);
}

static void japanese_text_is_kept_byte_for_byte(void **state)
{
	(void)state;
	assert_string_equal(inert("速報値 (R7) ①■"), "速報値 (R7) ①■");
}

static void bytes_that_are_not_utf8_come_out_as_replacement_characters(void **state)
{
	(void)state;
	/* a CP932 byte, an overlong slash, a surrogate, a cut sequence */
	assert_string_equal(inert("\x82" "a"), "\xEF\xBF\xBD" "a");
	assert_string_equal(inert("\xc0\xaf"), "\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_string_equal(inert("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_string_equal(inert("\xe3\x81"), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

static void inert_size_is_what_inert_text_writes(void **state)
{
	const char *t = "\x1b[31m速\x82\xc2\x9b";

	(void)state;
	assert_int_equal(inert_size(t), strlen(inert(t)) + 1);
}

static void a_short_buffer_is_cut_between_characters(void **state)
{
	char small[5];

	(void)state;
	assert_string_equal(inert_text("a速b", small, sizeof small), "a速");
	assert_string_equal(inert_text("ab\n", small, 4), "ab");
	assert_string_equal(inert_text("速", small, 3), "");
}

static void a_pool_keeps_each_copy_until_freed(void **state)
{
	struct inert_pool pool = { 0 };
	const char *a, *b;
	int i;

	(void)state;
	a = inert_str(&pool, "x\ny");
	for (i = 0; i < 40; i++)
		inert_str(&pool, "filler");
	b = inert_str(&pool, NULL);
	assert_string_equal(a, "x^Jy");
	assert_string_equal(b, "");
	inert_pool_free(&pool);
	assert_int_equal(pool.n, 0);
}

static void html_escapes_markup_and_makes_controls_visible(void **state)
{
	(void)state;
	assert_string_equal(written(inert_html, "<a href=\"x\">&'\n\x1b[0m"),
			    "&lt;a href=&quot;x&quot;&gt;&amp;&#39;<br/>^[[0m");
}

static void markdown_keeps_a_cell_one_cell_and_one_line(void **state)
{
	(void)state;
	assert_string_equal(written(inert_markdown, "a|b\n## c"), "a\\|b^J## c");
	/* HTML in a cell is text, not markup a renderer runs */
	assert_string_equal(written(inert_markdown, "<script>x&y</script> ->"),
			    "&lt;script>x&y&lt;/script> ->");
	assert_string_equal(written(inert_fputs, "a|b\n"), "a|b^J");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(control_characters_come_out_as_caret_escapes),
		cmocka_unit_test(c1_controls_come_out_as_their_7_bit_escape),
		cmocka_unit_test(bidirectional_controls_come_out_as_visible_code_points),
		cmocka_unit_test(japanese_text_is_kept_byte_for_byte),
		cmocka_unit_test(bytes_that_are_not_utf8_come_out_as_replacement_characters),
		cmocka_unit_test(inert_size_is_what_inert_text_writes),
		cmocka_unit_test(a_short_buffer_is_cut_between_characters),
		cmocka_unit_test(a_pool_keeps_each_copy_until_freed),
		cmocka_unit_test(html_escapes_markup_and_makes_controls_visible),
		cmocka_unit_test(markdown_keeps_a_cell_one_cell_and_one_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
