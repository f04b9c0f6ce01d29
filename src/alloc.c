/* alloc.c: allocations that succeed or end the program cleanly. */
#include "alloc.h"
#include "i18n.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*on_failure)(void);

void alloc_on_failure(void (*fn)(void))
{
	on_failure = fn;
}

static void out_of_memory(void)
{
	void (*fn)(void) = on_failure;

	on_failure = NULL;
	if (fn)
		fn();
	fprintf(stderr, "kpitree: %s\n", _("out of memory"));
	exit(1);
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	void *more;

	if (size && n > SIZE_MAX / size)
		out_of_memory();
	more = realloc(p, n && size ? n * size : 1);
	if (!more)
		out_of_memory();
	return more;
}

char *xstrdup(const char *text)
{
	char *copy = strdup(text ? text : "");

	if (!copy)
		out_of_memory();
	return copy;
}

void xgrow(void *items, size_t n, size_t size)
{
	void *p;

	/* the capacity is 16, then the power of two at or above n */
	if (n != 0 && (n < 16 || (n & (n - 1)) != 0))
		return;
	memcpy(&p, items, sizeof p);
	p = xreallocarray(p, n ? 2 * n : 16, size);
	memcpy(items, &p, sizeof p);
}
