/* field.c: the value form's fields: text that grows as typed, read as
 * UTF-8 or a number, drawn scrolled, edited a key at a time. */
#include "field.h"
#include "inert.h"
#include "i18n.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "width.h"

/* Room for n characters and the NUL. Returns 0, or -1 when memory is
 * short (the field stays as it was). */
static int field_room(struct field *f, int n)
{
	wchar_t *t;
	int cap;

	if (n + 1 <= f->cap)
		return 0;
	cap = f->cap ? f->cap : 64;
	while (cap < n + 1)
		cap *= 2;
	t = realloc(f->text, (size_t)cap * sizeof *t);
	if (!t)
		return -1;
	f->text = t;
	f->cap = cap;
	return 0;
}

void field_free(struct field *f)
{
	free(f->text);
	memset(f, 0, sizeof *f);
}

int field_set(struct field *f, const char *label, const char *text, int numeric)
{
	mbstate_t st;
	const char *p = text;
	size_t n;
	int rc = 0;

	field_free(f);
	f->label = label;
	f->numeric = numeric;
	memset(&st, 0, sizeof st);
	n = mbsrtowcs(NULL, &p, 0, &st);
	if (n == (size_t)-1 || field_room(f, (int)n) < 0) {
		rc = n == (size_t)-1 ? -1 : 0;
		field_room(f, 0);
		n = 0;
	} else {
		p = text;
		memset(&st, 0, sizeof st);
		mbsrtowcs(f->text, &p, n + 1, &st);
	}
	f->len = (int)n;
	f->text[f->len] = L'\0';
	f->cursor = f->len;
	return rc;
}

char *field_text(const struct field *f)
{
	const wchar_t *p = f->text;
	mbstate_t st;
	size_t n;
	char *buf;

	memset(&st, 0, sizeof st);
	n = p ? wcsrtombs(NULL, &p, 0, &st) : 0;
	if (n == (size_t)-1)
		n = 0;
	buf = malloc(n + 1);
	if (!buf)
		return NULL;
	p = f->text;
	memset(&st, 0, sizeof st);
	if (n)
		wcsrtombs(buf, &p, n + 1, &st);
	buf[n] = '\0';
	return buf;
}

int field_number(const struct field *f, const char *unit, int *present, double *value,
		 char *why, size_t size)
{
	char *text = field_text(f);
	struct error err;
	int rc = 0;

	if (!text) {
		snprintf(why, size, "%s", _("out of memory"));
		return -1;
	}
	*present = text[strspn(text, " \u3000")] != '\0' && strcmp(text, "-") != 0;
	if (*present && number_parse_in(text, unit, value, &err) < 0) {
		snprintf(why, size, "%s: %s", f->label, err.text);
		rc = -1;
	}
	free(text);
	return rc;
}

void field_put(WINDOW *w, int y, int x, int cols, const char *text, attr_t attr)
{
	char buf[4096];

	if (cols <= 0)
		return;
	width_cut(text, cols, 1, buf, sizeof buf);
	wattron(w, attr);
	mvwaddstr(w, y, x, buf);
	wattroff(w, attr);
}

int field_draw(WINDOW *w, int y, int x, int cols, const struct field *f, int focused)
{
	int first = 0, col, i, used = 0;
	char mb[MB_LEN_MAX + 1];

	/* scroll: the first character shown keeps the cursor inside cols,
	 * found in one pass back from the cursor (a long note stays quick) */
	for (first = f->cursor; first > 0; first--) {
		int cw = wcwidth(f->text[first - 1]) > 0 ? wcwidth(f->text[first - 1]) : 1;

		if (used + cw >= cols)
			break;
		used += cw;
	}
	used = 0;
	wattron(w, focused ? A_UNDERLINE : 0);
	mvwhline(w, y, x, ' ', cols);
	col = x;
	for (i = first; i < f->len; i++) {
		int cw = wcwidth(f->text[i]) > 0 ? wcwidth(f->text[i]) : 1, hidden;
		char visible[INERT_MAX];
		mbstate_t st;
		size_t n;

		if (used + cw > cols)
			break;
		memset(&st, 0, sizeof st);
		/* a control character in a stored note, or one that would
		 * reorder or hide what follows (inert.h), takes one column,
		 * as a ?, never two (^[), and never reaches the terminal */
		hidden = wcwidth(f->text[i]) < 0 ||
			 inert_control((unsigned long)f->text[i], visible) != 0;
		n = hidden ? 1 : wcrtomb(mb, f->text[i], &st);
		if (hidden)
			mb[0] = '?';
		if (n == (size_t)-1)
			continue;
		mb[n] = '\0';
		mvwaddstr(w, y, x + used, mb);
		if (i < f->cursor)
			col = x + used + cw;
		used += cw;
	}
	if (f->cursor == first)
		col = x;
	wattroff(w, focused ? A_UNDERLINE : 0);
	return col;
}

static void delete_at(struct field *f)
{
	if (f->cursor >= f->len)
		return;
	memmove(&f->text[f->cursor], &f->text[f->cursor + 1],
		(size_t)(f->len - f->cursor) * sizeof f->text[0]);
	f->len--;
}

void field_edit(struct field *f, const struct key *k)
{
	int backspace = k->is_key ? k->code == KEY_BACKSPACE : k->code == 127 || k->code == 8;

	if (backspace) {
		if (f->cursor > 0) {
			f->cursor--;
			delete_at(f);
		}
		return;
	}
	if (k->is_key) {
		if (k->code == KEY_LEFT && f->cursor > 0)
			f->cursor--;
		else if (k->code == KEY_RIGHT && f->cursor < f->len)
			f->cursor++;
		else if (k->code == KEY_HOME)
			f->cursor = 0;
		else if (k->code == KEY_END)
			f->cursor = f->len;
		else if (k->code == KEY_DC)
			delete_at(f);
		return;
	}
	if (k->code < 0x20 || field_room(f, f->len + 1) < 0)
		return;
	memmove(&f->text[f->cursor + 1], &f->text[f->cursor],
		(size_t)(f->len - f->cursor + 1) * sizeof f->text[0]);
	f->text[f->cursor++] = (wchar_t)k->code;
	f->len++;
}
