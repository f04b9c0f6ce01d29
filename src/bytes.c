/* bytes.c: growing runs of bytes. */
#include "bytes.h"

#include <stdlib.h>
#include <string.h>

int bytes_add(struct bytes *b, const char *s, size_t n, size_t max)
{
	size_t need = b->len + n + 1;

	if (need < n || (max && need > max))
		return -1;
	if (need > b->size) {
		size_t size = b->size ? b->size : 256;
		char *more;

		while (size < need)
			size *= 2;
		more = realloc(b->data, size);
		if (!more)
			return -1;
		b->data = more;
		b->size = size;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

long bytes_xlsx_escape(const char *p)
{
	long code = 0;
	int i;

	if (p[0] != '_' || p[1] != 'x')
		return -1;
	for (i = 2; i < 6; i++) {
		int c = (unsigned char)p[i], d = c >= '0' && c <= '9' ? c - '0'
					 : c >= 'a' && c <= 'f' ? c - 'a' + 10
					 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

		if (d < 0)
			return -1;
		code = code * 16 + d;
	}
	return p[6] == '_' ? code : -1;
}
