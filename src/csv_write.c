/* csv_write.c: CSV cells and rows, and files replaced whole. */
#include "csv_write.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

void csv_put_cell(struct csv_writer *w, const char *text)
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

void csv_end_row(struct csv_writer *w)
{
	fputs(w->excel ? "\r\n" : "\n", w->f);
	w->cells = 0;
}

void csv_put_row(struct csv_writer *w, const char *const *cells)
{
	for (; *cells; cells++)
		csv_put_cell(w, *cells);
	csv_end_row(w);
}

int file_replace(const char *path, int (*write)(void *ctx, FILE *f, struct error *err),
		 void *ctx, struct error *err)
{
	char tmp[4200];
	FILE *f;
	int rc;

	snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
	f = fopen(tmp, "wb");
	if (!f)
		return error_set(err, "%s: %s", path, strerror(errno));
	rc = write(ctx, f, err);
	if (rc == 0 && (fflush(f) != 0 || ferror(f)))
		rc = error_set(err, "%s: %s", path, strerror(errno));
	if (rc == 0 && fsync(fileno(f)) != 0)
		rc = error_set(err, "%s: %s", path, strerror(errno));
	if (fclose(f) != 0 && rc == 0)
		rc = error_set(err, "%s: %s", path, strerror(errno));
	if (rc == 0 && rename(tmp, path) != 0)
		rc = error_set(err, "%s: %s", path, strerror(errno));
	if (rc != 0)
		unlink(tmp);
	return rc;
}
