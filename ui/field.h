/* field.h: a line of text the value form edits: any length, Japanese
 * included, drawn scrolled so that its cursor stays in view. */
#ifndef KPITREE_FIELD_H
#define KPITREE_FIELD_H

#include <curses.h>
#include <stddef.h>
#include <wchar.h>

#include "input.h"

/* A field holds any length the store holds: its text grows as typed. */
struct field {
	const char *label;
	wchar_t *text;		/* NUL-terminated; NULL until set */
	int len, cap, cursor;
	int numeric;
};

/* Frees the field's text and empties it. */
void field_free(struct field *f);

/* The field holds text, whole: nothing is cut. Returns 0, or -1 when
 * text is no text of the locale (the field is then empty). */
int field_set(struct field *f, const char *label, const char *text, int numeric);

/* The field's text as UTF-8, malloc'd (NULL when memory is short). */
char *field_text(const struct field *f);

/* A number as the field holds it: none (empty), a value, or an error
 * (why, after the field's label); for a KPI in % also as 88.2%
 * (number_parse_in). Returns 0, or -1. */
int field_number(const struct field *f, const char *unit, int *present, double *value,
		 char *why, size_t size);

/* Writes text in window w at y, x, cut to cols columns of display width. */
void field_put(WINDOW *w, int y, int x, int cols, const char *text, attr_t attr);

/* Draws a field from the column that keeps its cursor in view; returns
 * the screen column of the cursor. */
int field_draw(WINDOW *w, int y, int x, int cols, const struct field *f, int focused);

/* One key in a field: a character goes in at the cursor, Backspace takes
 * the character before it away (漢字 is one character, two columns). */
void field_edit(struct field *f, const struct key *k);

#endif
