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

void csv_put_cell(struct csv_writer *w, const char *text)
{
	char *shown;

	if (w->sink) {
		w->sink->cell(w->sink->ctx, text, CSV_TEXT);
		return;
	}
	if (!w->inert) {
		put_plain(w, text);
		return;
	}
	shown = xreallocarray(NULL, inert_size(text), 1);
	put_plain(w, inert_text(text, shown, inert_size(text)));
	free(shown);
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
		csv_put_cell(w, text);
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
