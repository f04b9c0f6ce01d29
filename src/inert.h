/* inert.h: text from the database made inert before it reaches a
 * terminal, a Markdown file or a page: control characters as visible
 * escapes (^J, ^[), bytes that are not UTF-8 as U+FFFD. */
#ifndef KPITREE_INERT_H
#define KPITREE_INERT_H

#include <stddef.h>
#include <stdio.h>

/* The most bytes inert_control writes, with its NUL. */
#define INERT_MAX 8

/* The visible form of code point c if it is a control character: C0
 * and DEL as ^J, ^[, ^? (two columns), C1 as ^[ and the character that
 * follows ESC in its 7-bit form (U+009B, CSI: ^[[); a character that
 * reorders, breaks or hides the text around it (the bidirectional
 * embeddings, overrides, isolates and marks, U+2028 and U+2029, the
 * zero-width space, word joiner and BOM) as \u202E. Writes it
 * into out (INERT_MAX bytes) with its NUL and returns its length (its
 * columns, all ASCII), or returns 0 for a character that is not one. */
size_t inert_control(unsigned long c, char *out);

/* The bytes inert_text writes for text, with the NUL. */
size_t inert_size(const char *text);

/* text made inert into buf: control characters as inert_control writes
 * them, invalid UTF-8 as U+FFFD. A buf too small cuts between
 * characters, never inside one (inert_size says how much is enough).
 * Returns buf. */
char *inert_text(const char *text, char *buf, size_t size);

/* Inert copies of texts that live until inert_pool_free: for the lines
 * of one command's output. */
struct inert_pool {
	char **items;
	int n, size;
};

/* text made inert, kept in pool; NULL text is "". Never NULL: without
 * memory for it, "?". */
const char *inert_str(struct inert_pool *pool, const char *text);

void inert_pool_free(struct inert_pool *pool);

/* Writes text made inert on f. Returns 0, or EOF on a write error. */
int inert_fputs(const char *text, FILE *f);

/* Writes text for an HTML (XHTML) page: <, >, &, " and ' as entities, a
 * line end as <br/>, any other control character visible as in
 * inert_text (no control character is well-formed in XML). Returns 0,
 * or EOF on a write error. */
int inert_html(const char *text, FILE *f);

/* Writes text for a Markdown table cell or line: as inert_fputs, with |
 * as \| so that a cell stays one cell, and < as &lt; so that no HTML tag
 * in it reaches a renderer. Returns 0, or EOF. */
int inert_markdown(const char *text, FILE *f);

#endif
