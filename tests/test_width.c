/* test_width.c: display width, cuts and pads of Japanese text: every cut
 * by columns, never by bytes, never half a wide character. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <string.h>

#include "width.h"

static char buf[256];

static const char *cut(const char *text, int cols, int pad)
{
	width_cut(text, cols, pad, buf, sizeof buf);
	return buf;
}

static void width_counts_wide_characters_as_two_columns(void **state)
{
	(void)state;
	assert_int_equal(width_of("H01"), 3);
	assert_int_equal(width_of("待機児童"), 8);
	assert_int_equal(width_of("28人 (R6)"), 9);
}

static void text_that_fits_is_not_cut(void **state)
{
	(void)state;
	assert_string_equal(cut("待機児童", 8, 0), "待機児童");
	assert_string_equal(cut("待機児童", 9, 1), "待機児童 ");
}

static void text_one_column_too_wide_ends_in_an_ellipsis(void **state)
{
	(void)state;
	assert_string_equal(cut("待機児童", 7, 0), "待機児…");
	assert_int_equal(width_of(buf), 6 + 1);
}

static void a_wide_character_at_the_right_edge_is_never_halved(void **state)
{
	(void)state;
	/* 6 columns: 待機 (4) and the ellipsis leave one column, padded. */
	assert_string_equal(cut("待機児童", 6, 1), "待機… ");
	assert_int_equal(width_of(buf), 6);
}

static void a_column_of_width_one_holds_only_the_ellipsis(void **state)
{
	(void)state;
	assert_string_equal(cut("待機児童", 1, 1), "…");
	assert_string_equal(cut("a", 1, 1), "a");
	assert_string_equal(cut("待", 1, 1), "…");
}

static void control_characters_are_shown_as_visible_escapes(void **state)
{
	(void)state;
	assert_string_equal(cut("ESC\x1b[31mRED", 20, 0), "ESC^[[31mRED");
	assert_int_equal(width_of("\x1b"), 2);
	assert_string_equal(cut("a\rb\n", 20, 0), "a^Mb^J");
}

static void c1_controls_are_shown_as_their_escape_form(void **state)
{
	(void)state;
	/* U+009B is CSI to a terminal that reads C1: ESC [ in 7 bits */
	assert_string_equal(cut("a\xc2\x9b" "31mb", 20, 0), "a^[[31mb");
	assert_int_equal(width_of("\xc2\x9b"), 3);
}

static void bidirectional_controls_are_shown_and_counted_as_visible_code_points(void **state)
{
	(void)state;
	/* U+202E would reverse what follows it on the official's screen */
	assert_string_equal(cut("目標\xe2\x80\xae" "99", 20, 0), "目標\\u202E99");
	assert_int_equal(width_of("\xe2\x80\xae"), 6);
	/* cut before the escape, never inside it */
	assert_string_equal(cut("ab\xe2\x80\xae" "cd", 5, 0), "ab…");
}

static void ambiguous_characters_take_the_columns_the_terminal_gives(void **state)
{
	(void)state;
	assert_int_equal(width_of("①■→…"), 4);
	width_set_ambiguous(2);
	assert_int_equal(width_of("①■→…"), 8);
	assert_int_equal(width_of("H01"), 3);
	/* the cut is marked with a tilde, itself one column */
	assert_string_equal(cut("①②③", 5, 1), "①②~");
	width_set_ambiguous(1);
	assert_string_equal(cut("①②③", 2, 1), "①…");
}

static void a_wrapped_line_ends_before_the_column_that_would_not_fit(void **state)
{
	(void)state;
	/* 待機児童 is 8 columns: 7 hold three characters, never half one */
	assert_int_equal(width_fit("待機児童", 7), strlen("待機児"));
	assert_int_equal(width_fit("待機児童", 8), strlen("待機児童"));
	/* an English word goes whole to the next line */
	assert_int_equal(width_fit("move down fast", 11), strlen("move down "));
	/* a word longer than the line is cut where the line ends */
	assert_int_equal(width_fit("abcdefgh", 3), 3);
	/* a line ends at a newline, which is not counted */
	assert_int_equal(width_fit("ab\ncd", 10), 2);
	/* at least one character, even wider than the line */
	assert_int_equal(width_fit("待", 1), strlen("待"));
}

static void no_wrapped_line_starts_with_a_closing_bracket_or_punctuation(void **state)
{
	(void)state;
	/* 10 columns hold 「待機児童」 but for its 」: 童 goes down with it */
	assert_int_equal(width_fit("「待機児童」の解消", 10), strlen("「待機児"));
	assert_int_equal(width_fit("「待機児童」の解消", 12), strlen("「待機児童」"));
	/* nor with 、 or 。: る goes down with 。 */
	assert_int_equal(width_fit("解消する。次に", 8), strlen("解消す"));
	assert_int_equal(width_fit("取組、推進", 4), strlen("取"));
	/* nor with 」。: 童 goes down with both */
	assert_int_equal(width_fit("待機児童」。次に", 8), strlen("待機児"));
	/* nor with a small kana or the long vowel mark */
	assert_int_equal(width_fit("センター", 6), strlen("セン"));
	assert_int_equal(width_fit("大ショップ", 4), strlen("大"));
	/* a full-width closing parenthesis, as 対象事業例 write them: its
	 * 例 goes down, and （ with it, which may not end a line */
	assert_int_equal(width_fit("事業（例）です", 8), strlen("事業"));
}

static void no_wrapped_line_ends_with_an_opening_bracket(void **state)
{
	(void)state;
	/* 「 at the edge goes down with what it opens */
	assert_int_equal(width_fit("推進「北海道」", 6), strlen("推進"));
	assert_int_equal(width_fit("推進（道）", 6), strlen("推進"));
}

static void a_line_that_keeps_no_rule_still_holds_a_character(void **state)
{
	(void)state;
	/* nothing but punctuation: it breaks where it must, never empty */
	assert_int_equal(width_fit("」」」」", 4), strlen("」」"));
	assert_int_equal(width_fit("「」", 2), strlen("「"));
	/* text that fits is not moved */
	assert_int_equal(width_fit("解消する。", 10), strlen("解消する。"));
}

static void blanks_ascii_or_full_width_are_no_text(void **state)
{
	static const char *const blank[] = { NULL, "", " ", "   ", "\t\n", "\u3000",
					     "\u3000\u3000", " \u3000 ", "\u00a0", "\u2003",
					     "\u200b\u200b", "\u2028", "\ufeff ", "\u2000\u200a\u202f" };
	static const char *const text[] = { "a", " 理由 ", "\u3000x", "。", "\u3000\u3000済",
					    "\u2003理由", "\u200bx", "\u2010" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof blank / sizeof blank[0]; i++)
		assert_true(width_blank(blank[i]));
	for (i = 0; i < sizeof text / sizeof text[0]; i++)
		assert_false(width_blank(text[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(width_counts_wide_characters_as_two_columns),
		cmocka_unit_test(bidirectional_controls_are_shown_and_counted_as_visible_code_points),
		cmocka_unit_test(text_that_fits_is_not_cut),
		cmocka_unit_test(text_one_column_too_wide_ends_in_an_ellipsis),
		cmocka_unit_test(a_wide_character_at_the_right_edge_is_never_halved),
		cmocka_unit_test(a_column_of_width_one_holds_only_the_ellipsis),
		cmocka_unit_test(control_characters_are_shown_as_visible_escapes),
		cmocka_unit_test(c1_controls_are_shown_as_their_escape_form),
		cmocka_unit_test(ambiguous_characters_take_the_columns_the_terminal_gives),
		cmocka_unit_test(a_wrapped_line_ends_before_the_column_that_would_not_fit),
		cmocka_unit_test(no_wrapped_line_starts_with_a_closing_bracket_or_punctuation),
		cmocka_unit_test(no_wrapped_line_ends_with_an_opening_bracket),
		cmocka_unit_test(a_line_that_keeps_no_rule_still_holds_a_character),
		cmocka_unit_test(blanks_ascii_or_full_width_are_no_text),
	};

	if (!setlocale(LC_ALL, "C.UTF-8"))
		fail_msg("no C.UTF-8 locale");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
