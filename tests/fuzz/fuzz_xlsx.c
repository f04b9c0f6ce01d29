/* fuzz_xlsx.c: libFuzzer target for the workbook reader. An input that
 * starts as a ZIP does is read as a workbook whole; any other is split at
 * its first NUL into the shared strings and the sheet's XML, put into a
 * workbook made here, so that the XML is what is fuzzed. Records are
 * checked as they come: the row in Excel's range, the fields NUL-ended. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "xlsx_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char workbook[] =
	"<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
	"</workbook>";
static const char rels[] =
	"<Relationships><Relationship Id=\"rId1\" Type=\"t/worksheet\" Target=\"s.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"t/sharedStrings\" Target=\"/xl/ss.xml\"/></Relationships>";

static int record(void *ctx, const struct csv_record *r)
{
	size_t i;

	(void)ctx;
	if (r->line < 1 || r->line > XLSX_MAX_ROWS || r->n < 1 || r->n > XLSX_MAX_COLUMNS)
		abort();
	for (i = 0; i < r->n; i++)
		if (strlen(r->fields[i].text) != r->fields[i].len)
			abort();
	return 0;
}

static void add(zip_t *z, const char *name, const void *data, size_t len)
{
	zip_source_t *s = zip_source_buffer(z, data, len, 0);

	if (!s || zip_file_add(z, name, s, 0) < 0)
		abort();
}

/* A workbook of the two parts, in memory: its bytes, or NULL. */
static void *make(const uint8_t *data, size_t size, size_t *len)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t first = nul ? (size_t)(nul - data) : 0;
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, NULL);
	zip_t *z;
	void *bytes = NULL;
	zip_stat_t st;

	if (!src)
		return NULL;
	zip_source_keep(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, NULL);
	if (!z)
		abort();
	add(z, "xl/workbook.xml", workbook, sizeof workbook - 1);
	add(z, "xl/_rels/workbook.xml.rels", rels, sizeof rels - 1);
	add(z, "xl/ss.xml", data, first);
	add(z, "xl/s.xml", data + first + (nul != NULL), size - first - (nul != NULL));
	if (zip_close(z) < 0)
		abort();
	if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
		bytes = malloc(st.size ? st.size : 1);
		if (bytes && zip_source_read(src, bytes, st.size) != (zip_int64_t)st.size) {
			free(bytes);
			bytes = NULL;
		}
		*len = st.size;
		zip_source_close(src);
	}
	zip_source_free(src);
	return bytes;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error err;
	char where[300];
	void *book;
	size_t len;

	if (size >= 4 && memcmp(data, "PK\3\4", 4) == 0) {
		xlsx_read("fuzz.xlsx", data, size, NULL, record, NULL, where, sizeof where, &err);
		return 0;
	}
	book = make(data, size, &len);
	if (!book)
		return 0;
	if (xlsx_read("fuzz.xlsx", book, len, NULL, record, NULL, where, sizeof where, &err) < 0 &&
	    !err.text[0])
		abort();
	free(book);
	return 0;
}
