/* words.c: splitting a command line into words the way a shell would
 * group them, with none of a shell's expansions; quoting a word so that
 * a shell reads it back unchanged. */
#include "words.h"
#include "i18n.h"

#include <string.h>

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int words_split(const char *text, char *buf, size_t size, char **words, int max,
		struct error *err)
{
	const char *p = text;
	size_t used = 0;
	int n = 0;

	for (;;) {
		while (is_blank(*p))
			p++;
		if (!*p)
			return n;
		if (n == max)
			return error_set(err, _("more than %d words"), max);
		words[n++] = buf + used;
		while (*p && !is_blank(*p)) {
			char quote = 0, c;

			if (*p == '\'' || *p == '"') {
				quote = *p++;
				while (*p && *p != quote) {
					c = *p++;
					if (quote == '"' && c == '\\' && (*p == '"' || *p == '\\'))
						c = *p++;
					if (used + 2 > size)
						return error_set(err, _("the command is too long"));
					buf[used++] = c;
				}
				if (!*p)
					return error_set(err, _("%s quote not closed"),
							 quote == '"' ? "a double" : "a single");
				p++;
				continue;
			}
			c = *p++;
			if (c == '\\' && *p)
				c = *p++;
			if (used + 2 > size)
				return error_set(err, _("the command is too long"));
			buf[used++] = c;
		}
		buf[used++] = '\0';
	}
}

char *words_quote(const char *word, char *buf, size_t size)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "0123456789-_./:=@+,%";
	size_t used = 0;
	const char *p;

	if (*word && strspn(word, plain) == strlen(word)) {
		if (strlen(word) + 1 > size)
			return NULL;
		memcpy(buf, word, strlen(word) + 1);
		return buf;
	}
	if (size < 3)
		return NULL;
	buf[used++] = '\'';
	for (p = word; *p; p++) {
		const char *piece = *p == '\'' ? "'\\''" : NULL;
		size_t len = piece ? 4 : 1;

		if (used + len + 2 > size)
			return NULL;
		if (piece)
			memcpy(buf + used, piece, len);
		else
			buf[used] = *p;
		used += len;
	}
	buf[used++] = '\'';
	buf[used] = '\0';
	return buf;
}
