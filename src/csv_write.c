/* csv_write.c: CSV cells and rows. */
#include "csv_write.h"
#include "alloc.h"
#include "inert.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int csv_for_terminal(FILE *f)
{
	return isatty(fileno(f));
}

static void put_plain(struct csv_writer *w, const char *text);

/* Whether text, a number as a spreadsheet reads one (-3.5, +12, -1,511,
 * 57%), starts with a sign as a number does. */
static int is_number(const char *text)
{
	const char *p = text + (*text == '-' || *text == '+');
	int digits = 0;

	for (; (*p >= '0' && *p <= '9') || (*p == ',' && digits); p++)
		digits += *p != ',';
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
	if (*p == '%')
		p++;
	return digits && !*p;
}

int csv_guarded(const char *text)
{
	if (*text == '\'')
		return strchr(CSV_FORMULA_STARTS "'", text[1]) && text[1];
	return *text && strchr(CSV_FORMULA_STARTS, *text) && !is_number(text) &&
	       strcmp(text, "-") != 0;
}

/* A cell into f: guarded (a text cell) or not (a number's). */
static void put_cell(struct csv_writer *w, const char *text, int guard)
{
	char *shown = NULL, *guarded = NULL;

	if (guard && csv_guarded(text)) {
		guarded = xreallocarray(NULL, strlen(text) + 2, 1);
		guarded[0] = '\'';
		strcpy(guarded + 1, text);
		text = guarded;
	}
	if (w->inert) {
		shown = xreallocarray(NULL, inert_size(text), 1);
		text = inert_text(text, shown, inert_size(text));
	}
	put_plain(w, text);
	free(shown);
	free(guarded);
}

void csv_put_cell(struct csv_writer *w, const char *text)
{
	if (w->sink)
		w->sink->cell(w->sink->ctx, text, CSV_TEXT);
	else
		put_cell(w, text, 1);
}

static void put_plain(struct csv_writer *w, const char *text)
{
	const char *p;

	if (w->cells++)
		fputc(',', w->f);
	if (!strpbrk(text, ",\"\r\n")) {
		fputs(text, w->f);
		return;
	}
	fputc('"', w->f);
	for (p = text; *p; p++) {
		if (*p == '"')
			fputc('"', w->f);
		fputc(*p, w->f);
	}
	fputc('"', w->f);
}

void csv_put_number(struct csv_writer *w, const char *text, enum csv_cell what)
{
	if (w->sink)
		w->sink->cell(w->sink->ctx, text, what);
	else
		put_cell(w, text, 0);
}

void csv_end_row(struct csv_writer *w)
{
	if (w->sink) {
		w->sink->end_row(w->sink->ctx);
		return;
	}
	fputs(w->excel ? "\r\n" : "\n", w->f);
	w->cells = 0;
}

void csv_put_row(struct csv_writer *w, const char *const *cells)
{
	for (; *cells; cells++)
		csv_put_cell(w, *cells);
	csv_end_row(w);
}
