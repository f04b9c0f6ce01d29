/* words.h: a command line split into words without a shell (what an SSH
 * client sent), and words quoted for one (a forced command). */
#ifndef KPITREE_WORDS_H
#define KPITREE_WORDS_H

#include <stddef.h>

#include "error.h"

#define WORDS_MAX 64

/* Splits text at blanks (space, tab, newline) into at most WORDS_MAX
 * words. Quotes only group: '...' keeps everything literally, "..."
 * too except \" and \\, and a backslash outside quotes keeps the next
 * character. Nothing is expanded or run: $(...), `...`, ;, |, &, > and *
 * are characters of a word like any other. The words are written into
 * buf (size bytes) and pointed at from words. Returns how many, or -1
 * with err filled (an open quote, too many words, too long). */
int words_split(const char *text, char *buf, size_t size, char **words, int max,
		struct error *err);

/* word quoted for a POSIX shell: as it is when it holds only characters
 * no shell treats specially, else in single quotes ('\'' for a quote).
 * Returns buf, or NULL if it does not fit. */
char *words_quote(const char *word, char *buf, size_t size);

#endif
