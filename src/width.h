/* width.h: display width of UTF-8 text in terminal columns, and cutting
 * and padding by width, never by bytes; the one place that asks wcwidth. */
#ifndef KPITREE_WIDTH_H
#define KPITREE_WIDTH_H

#include <stddef.h>

/* How many columns the terminal gives East Asian "ambiguous" characters
 * (①, ■, →, ○, …, the box-drawing lines): 1 (most terminals) or 2 (Tera
 * Term's default, and CJK locales of some terminals). Default 1. */
void width_set_ambiguous(int cols);
int width_ambiguous(void);

/* Columns text takes (control characters count as their visible escape,
 * see width_cut; invalid bytes as one column each). */
int width_of(const char *text);

/* Copies into buf (size bytes) as much of text as fits in cols columns,
 * never half a wide character; when text is cut, its last column is an
 * ellipsis (…). Control characters and escape sequences come out as
 * visible escapes (^[, ^M), so that text never drives the terminal.
 * Pads with spaces to exactly cols columns when pad is set. Returns the
 * columns written. */
int width_cut(const char *text, int cols, int pad, char *buf, size_t size);

/* text padded to |cols| columns of display width, for tables whose
 * headings or years may be Japanese: on the left (text first) for
 * negative cols, on the right for positive ones; longer text is cut
 * only for negative cols. Returns buf. */
char *width_align(const char *text, int cols, char *buf, size_t size);

/* How many bytes of text make its first line when wrapped at cols
 * columns: up to a newline (not counted), never half a wide character,
 * at least one character; English words are not split when a space
 * before the edge allows; by Japanese line breaking (禁則), no line
 * starts with a closing bracket or punctuation (」、。）ー, small kana)
 * and none ends with an opening bracket (「（): the line breaks as many
 * characters earlier as that takes, unless it would be left empty.
 * Returns 0 only for empty text or a newline first. */
size_t width_fit(const char *text, int cols);

/* Whether text shows nothing: NULL, empty, or only blanks (ASCII
 * space, tab, line ends, Unicode's spaces: the no-break space, U+2000
 * to U+200A, the full-width space U+3000 and the rest; the line and
 * paragraph separators; and the zero-width U+200B, U+2060, U+FEFF). A
 * reason or another text the rules require must have more: "   ", "　"
 * or U+2003 is no reason. */
int width_blank(const char *text);

#endif
