/* width.c: terminal columns of UTF-8 text by wcwidth (under a UTF-8
 * locale), cuts with an ellipsis, and control characters made visible. */
#define _XOPEN_SOURCE 700
#include "width.h"

#include <string.h>
#include <wchar.h>

/* One character of text: its bytes, its code point and its columns. A
 * control character is shown as ^X (two columns); an invalid byte as
 * U+FFFD. */
static size_t next_char(const char *p, wchar_t *wc, int *cols)
{
	mbstate_t st;
	size_t n;
	int w;

	memset(&st, 0, sizeof st);
	n = mbrtowc(wc, p, strlen(p), &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = 0xFFFD;
		*cols = 1;
		return 1;
	}
	if (*wc < 0x20 || *wc == 0x7F) {
		*cols = 2;
		return n;
	}
	w = wcwidth(*wc);
	*cols = w < 0 ? 1 : w;
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
	if (wc < 0x20 || wc == 0x7F) {
		out[0] = '^';
		out[1] = wc == 0x7F ? '?' : (char)('@' + wc);
		return 2;
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
	static const char ellipsis[] = "…";
	int cut = width_of(text) > cols;
	int limit = cut ? cols - 1 : cols;	/* a column for the ellipsis */
	const char *p = text;
	size_t used = 0;
	int taken = 0, w;
	wchar_t wc;

	while (*p) {
		size_t n = next_char(p, &wc, &w);

		if (taken + w > limit || used + 8 >= size)
			break;
		used += put_char(buf + used, p, n, wc);
		taken += w;
		p += n;
	}
	if (cut && cols > 0 && used + sizeof ellipsis < size) {
		memcpy(buf + used, ellipsis, sizeof ellipsis - 1);
		used += sizeof ellipsis - 1;
		taken++;
	}
	while (pad && taken < cols && used + 1 < size) {
		buf[used++] = ' ';
		taken++;
	}
	buf[used] = '\0';
	return taken;
}
