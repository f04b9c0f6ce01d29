/* width.c: terminal columns of UTF-8 text by wcwidth (under a UTF-8
 * locale), cuts with an ellipsis, and control characters made visible. */
#define _XOPEN_SOURCE 700
#include "width.h"
#include "inert.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

static int ambiguous = 1;

void width_set_ambiguous(int cols)
{
	ambiguous = cols == 2 ? 2 : 1;
}

int width_ambiguous(void)
{
	return ambiguous;
}

/* The East Asian Ambiguous characters that Japanese text uses (from
 * Unicode's EastAsianWidth.txt, the ranges that matter here). */
static const struct {
	unsigned from, to;
} ambiguous_ranges[] = {
	{ 0x00A1, 0x00A1 }, { 0x00A4, 0x00A4 }, { 0x00A7, 0x00A8 }, { 0x00AA, 0x00AA },
	{ 0x00AD, 0x00AE }, { 0x00B0, 0x00B4 }, { 0x00B6, 0x00BA }, { 0x00BC, 0x00BF },
	{ 0x00D7, 0x00D7 }, { 0x00F7, 0x00F7 }, { 0x0391, 0x03C9 }, { 0x0401, 0x0451 },
	{ 0x2010, 0x2010 }, { 0x2013, 0x2016 }, { 0x2018, 0x2019 }, { 0x201C, 0x201D },
	{ 0x2020, 0x2022 }, { 0x2024, 0x2027 }, { 0x2030, 0x2030 }, { 0x2032, 0x2033 },
	{ 0x2035, 0x2035 }, { 0x203B, 0x203B }, { 0x203E, 0x203E }, { 0x2103, 0x2103 },
	{ 0x2116, 0x2116 }, { 0x2121, 0x2122 }, { 0x2160, 0x216B }, { 0x2170, 0x2179 },
	{ 0x2190, 0x2199 }, { 0x21D2, 0x21D2 }, { 0x21D4, 0x21D4 }, { 0x2200, 0x22FF },
	{ 0x2312, 0x2312 }, { 0x2460, 0x24E9 }, { 0x24EB, 0x254B }, { 0x2550, 0x2573 },
	{ 0x2580, 0x258F }, { 0x2592, 0x2595 }, { 0x25A0, 0x25A1 }, { 0x25A3, 0x25A9 },
	{ 0x25B2, 0x25B3 }, { 0x25B6, 0x25B7 }, { 0x25BC, 0x25BD }, { 0x25C0, 0x25C1 },
	{ 0x25C6, 0x25C8 }, { 0x25CB, 0x25CB }, { 0x25CE, 0x25D1 }, { 0x25E2, 0x25E5 },
	{ 0x25EF, 0x25EF }, { 0x2605, 0x2606 }, { 0x2609, 0x2609 }, { 0x260E, 0x260F },
	{ 0x261C, 0x261C }, { 0x261E, 0x261E }, { 0x2640, 0x2640 }, { 0x2642, 0x2642 },
	{ 0x2660, 0x2661 }, { 0x2663, 0x2665 }, { 0x2667, 0x266A }, { 0x266C, 0x266D },
	{ 0x266F, 0x266F }, { 0x273D, 0x273D }, { 0x2776, 0x277F }, { 0x3248, 0x324F },
};

static int is_ambiguous(wchar_t wc)
{
	size_t i;

	for (i = 0; i < sizeof ambiguous_ranges / sizeof ambiguous_ranges[0]; i++)
		if ((unsigned)wc >= ambiguous_ranges[i].from && (unsigned)wc <= ambiguous_ranges[i].to)
			return 1;
	return 0;
}

/* One character of text: its bytes, its code point and its columns. A
 * control character is shown as inert_control writes it (^X, two
 * columns; ^[X for C1, three; \u202E, six); an invalid byte as U+FFFD. */
static size_t next_char(const char *p, wchar_t *wc, int *cols)
{
	mbstate_t st;
	size_t n, v;
	char visible[INERT_MAX];
	int w;

	memset(&st, 0, sizeof st);
	n = mbrtowc(wc, p, strlen(p), &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = 0xFFFD;
		*cols = 1;
		return 1;
	}
	v = inert_control((unsigned long)*wc, visible);
	if (v) {
		*cols = (int)v;
		return n;
	}
	w = wcwidth(*wc);
	*cols = w < 0 ? 1 : w;
	if (ambiguous == 2 && *cols == 1 && is_ambiguous(*wc))
		*cols = 2;
	return n;
}

int width_of(const char *text)
{
	int total = 0, cols;
	wchar_t wc;

	while (*text) {
		text += next_char(text, &wc, &cols);
		total += cols;
	}
	return total;
}

/* Appends the visible form of one character. */
static size_t put_char(char *out, const char *p, size_t n, wchar_t wc)
{
	char visible[INERT_MAX];
	size_t v = inert_control((unsigned long)wc, visible);

	if (v) {
		memcpy(out, visible, v);
		return v;
	}
	if (wc == 0xFFFD && n == 1 && (unsigned char)*p >= 0x80) {
		memcpy(out, "\xEF\xBF\xBD", 3);
		return 3;
	}
	memcpy(out, p, n);
	return n;
}

int width_cut(const char *text, int cols, int pad, char *buf, size_t size)
{
	/* The ellipsis is ambiguous itself: at width 2 a tilde marks the cut,
	 * as tig does. */
	const char *ellipsis = ambiguous == 2 ? "~" : "…";
	size_t elen = strlen(ellipsis);
	int cut = width_of(text) > cols;
	int limit = cut ? cols - 1 : cols;	/* a column for the ellipsis */
	const char *p = text;
	size_t used = 0;
	int taken = 0, w;
	wchar_t wc;

	while (*p) {
		size_t n = next_char(p, &wc, &w);

		if (taken + w > limit || used + INERT_MAX >= size)
			break;
		used += put_char(buf + used, p, n, wc);
		taken += w;
		p += n;
	}
	if (cut && cols > 0 && used + elen < size) {
		memcpy(buf + used, ellipsis, elen);
		used += elen;
		taken++;
	}
	while (pad && taken < cols && used + 1 < size) {
		buf[used++] = ' ';
		taken++;
	}
	buf[used] = '\0';
	return taken;
}

char *width_align(const char *text, int cols, char *buf, size_t size)
{
	int w = width_of(text), n = cols < 0 ? -cols : cols;

	if (cols < 0)
		width_cut(text, n, 1, buf, size);
	else
		snprintf(buf, size, "%*s%s", w < n ? n - w : 0, "", text);
	return buf;
}

/* Japanese line breaking (禁則処理): the characters no line starts with
 * (closing brackets, punctuation, small kana, the long vowel mark) and
 * those no line ends with (opening brackets). */
static int no_line_start(wchar_t wc)
{
	static const wchar_t marks[] = L"、。，．,.)]}）］｝」』】〕〉》〙〗”’:;!?：；！？・"
		L"ー…‥ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻ゝゞヽヾ";

	return wc && wcschr(marks, wc) != NULL;
}

static int no_line_end(wchar_t wc)
{
	static const wchar_t marks[] = L"([{（［｛「『【〔〈《〘〖“‘";

	return wc && wcschr(marks, wc) != NULL;
}

/* The start of the character before p (text <= p). */
static const char *char_before(const char *text, const char *p)
{
	while (p > text && ((unsigned char)*--p & 0xC0) == 0x80)
		;
	return p;
}

/* Where a line of text that would break at brk breaks by 禁則: one
 * character earlier for each that may not start the next line (」 after
 * the edge) or end this one (「 before it), never before the first
 * character; brk itself when no earlier break keeps the rules. */
static const char *kinsoku(const char *text, const char *brk)
{
	const char *b = brk;

	while (b > text) {
		const char *before = char_before(text, b);
		wchar_t at, prev;
		int w;

		next_char(b, &at, &w);
		next_char(before, &prev, &w);
		if (!no_line_start(*b ? at : 0) && !no_line_end(prev))
			return b;
		b = before;
	}
	return brk;
}

size_t width_fit(const char *text, int cols)
{
	const char *p = text, *space = NULL;
	int taken = 0, w;
	wchar_t wc;

	while (*p && *p != '\n') {
		size_t n = next_char(p, &wc, &w);

		if (taken + w > cols && p > text) {
			/* a word cut mid-way goes whole to the next line */
			if (wc != L' ' && space && space > text && wc < 0x80)
				return (size_t)(space - text);
			return (size_t)(kinsoku(text, p) - text);
		}
		if (wc == L' ')
			space = p + n;
		taken += w;
		p += n;
	}
	return (size_t)(p - text);
}

int width_blank(const char *text)
{
	/* the spaces of Unicode (Zs), the line and paragraph separators,
	 * and the zero-width ones that show nothing (U+200B, U+2060, the
	 * byte-order mark U+FEFF) */
	static const char *const blanks[] = {
		"\u00a0", "\u1680", "\u180e", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004",
		"\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u200b", "\u2028",
		"\u2029", "\u202f", "\u205f", "\u2060", "\u3000", "\ufeff",
	};
	const char *p = text;

	while (p && *p) {
		size_t i, n = 0;

		if (strchr(" \t\n\r\v\f", *p))
			n = 1;
		for (i = 0; !n && i < sizeof blanks / sizeof blanks[0]; i++)
			if (strncmp(p, blanks[i], strlen(blanks[i])) == 0)
				n = strlen(blanks[i]);
		if (!n)
			return 0;
		p += n;
	}
	return 1;
}
