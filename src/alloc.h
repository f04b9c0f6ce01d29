/* alloc.h: the one allocation policy for what the program cannot go on
 * without: an allocation that fails ends the program, after the hook
 * has put the terminal back (the browser registers it), with "out of
 * memory" on standard error and exit status 1; never abort() with the
 * terminal raw, never a row dropped. Code that can say so to its caller
 * (an import, an export) reports ERROR_NO_MEMORY instead. */
#ifndef KPITREE_ALLOC_H
#define KPITREE_ALLOC_H

#include <stddef.h>

/* fn runs once before the program ends for want of memory (NULL: none). */
void alloc_on_failure(void (*fn)(void));

void *xcalloc(size_t n, size_t size);

/* p grown (or made) to n items of size bytes; n * size is checked. */
void *xreallocarray(void *p, size_t n, size_t size);

/* A copy of text ("" for NULL). */
char *xstrdup(const char *text);

/* Room for item n (0-based) of size bytes in *items, which holds n:
 * grown by doubling, from 16, so that appending costs no realloc at
 * each item; call before each append. */
void xgrow(void *items, size_t n, size_t size);

#endif
