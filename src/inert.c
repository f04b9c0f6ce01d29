/* inert.c: control characters and broken UTF-8 in stored text turned
 * into visible escapes, for every output that a person reads: the
 * command line, the Markdown and HTML reports, and the browser's cuts. */
#include "inert.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Characters that reorder or hide the text around them on a terminal
 * that honours them (the "Trojan Source" controls): Arabic letter mark,
 * LRM and RLM, the embeddings and overrides, the isolates, the
 * deprecated shaping and swapping controls (U+206A-206F); the line and
 * paragraph separators, which some terminals break a line at; and the
 * invisible ones that would hide a character inside a code or a value
 * (zero width space, word joiner and invisible operators, the BOM as a
 * zero width no-break space, the Mongolian vowel separator). The
 * joiners U+200C and U+200D stay: scripts and emoji are made of them. */
static int is_format_control(unsigned long c)
{
	return c == 0x061C || c == 0x180E || c == 0x200B || c == 0x200E || c == 0x200F ||
	       (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
	       (c >= 0x2066 && c <= 0x206F) || c == 0xFEFF;
}

size_t inert_control(unsigned long c, char *out)
{
	if (is_format_control(c))
		return (size_t)snprintf(out, INERT_MAX, "\\u%04lX", c);
	if (c < 0x20 || c == 0x7F) {
		out[0] = '^';
		out[1] = c == 0x7F ? '?' : (char)('@' + c);
		out[2] = '\0';
		return 2;
	}
	if (c >= 0x80 && c <= 0x9F) {
		out[0] = '^';
		out[1] = '[';
		out[2] = (char)(c - 0x40);
		out[3] = '\0';
		return 3;
	}
	return 0;
}

/* The code point at p and its length in bytes (1 to 4), or 0 for a
 * byte that does not start a well-formed UTF-8 sequence (overlong forms
 * and surrogates included). */
static size_t utf8_char(const unsigned char *p, unsigned long *c)
{
	size_t n, i;
	unsigned long min;

	if (p[0] < 0x80) {
		*c = p[0];
		return 1;
	}
	if ((p[0] & 0xE0) == 0xC0) {
		n = 2, *c = p[0] & 0x1F, min = 0x80;
	} else if ((p[0] & 0xF0) == 0xE0) {
		n = 3, *c = p[0] & 0x0F, min = 0x800;
	} else if ((p[0] & 0xF8) == 0xF0) {
		n = 4, *c = p[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		*c = *c << 6 | (p[i] & 0x3F);
	}
	if (*c < min || *c > 0x10FFFF || (*c >= 0xD800 && *c <= 0xDFFF))
		return 0;
	return n;
}

/* The inert form of the character at p into out (INERT_MAX bytes);
 * *len is the bytes of p it stands for. Returns the bytes written (no NUL). */
static size_t inert_char(const char *p, char *out, size_t *len)
{
	unsigned long c;
	size_t n = utf8_char((const unsigned char *)p, &c), v;

	if (!n) {
		*len = 1;
		memcpy(out, "\xEF\xBF\xBD", 3);
		return 3;
	}
	*len = n;
	v = inert_control(c, out);
	if (v)
		return v;
	memcpy(out, p, n);
	return n;
}

size_t inert_size(const char *text)
{
	size_t total = 1, len;
	char one[INERT_MAX];

	while (*text) {
		total += inert_char(text, one, &len);
		text += len;
	}
	return total;
}

char *inert_text(const char *text, char *buf, size_t size)
{
	size_t used = 0, len, n;
	char one[INERT_MAX];

	if (!size)
		return buf;
	while (*text) {
		n = inert_char(text, one, &len);
		if (used + n >= size)
			break;
		memcpy(buf + used, one, n);
		used += n;
		text += len;
	}
	buf[used] = '\0';
	return buf;
}

const char *inert_str(struct inert_pool *pool, const char *text)
{
	size_t size = inert_size(text ? text : "");
	char *copy;

	if (pool->n == pool->size) {
		int more = pool->size ? 2 * pool->size : 16;
		char **items = realloc(pool->items, (size_t)more * sizeof *items);

		if (!items)
			return "?";
		pool->items = items;
		pool->size = more;
	}
	copy = malloc(size);
	if (!copy)
		return "?";
	pool->items[pool->n++] = copy;
	return inert_text(text ? text : "", copy, size);
}

void inert_pool_free(struct inert_pool *pool)
{
	int i;

	for (i = 0; i < pool->n; i++)
		free(pool->items[i]);
	free(pool->items);
	memset(pool, 0, sizeof *pool);
}

/* Writes text inert; each character first offered to special (which
 * returns the replacement, or NULL to keep the inert form). */
static int put(const char *text, FILE *f, const char *(*special)(char c))
{
	size_t len, n;
	char one[INERT_MAX];
	const char *s;

	while (*text) {
		s = special ? special(*text) : NULL;
		if (s) {
			if (fputs(s, f) == EOF)
				return EOF;
			text++;
			continue;
		}
		n = inert_char(text, one, &len);
		if (fwrite(one, 1, n, f) != n)
			return EOF;
		text += len;
	}
	return 0;
}

int inert_fputs(const char *text, FILE *f)
{
	return put(text, f, NULL);
}

static const char *html_special(char c)
{
	switch (c) {
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '&': return "&amp;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	case '\n': return "<br/>";
	}
	return NULL;
}

int inert_html(const char *text, FILE *f)
{
	return put(text, f, html_special);
}

/* A table cell's bar, and the < that would open an HTML tag a Markdown
 * renderer runs (<script>): written as text. A > or an & opens none,
 * and stays as written (->). */
static const char *markdown_special(char c)
{
	switch (c) {
	case '|': return "\\|";
	case '<': return "&lt;";
	default: return NULL;
	}
}

int inert_markdown(const char *text, FILE *f)
{
	return put(text, f, markdown_special);
}
