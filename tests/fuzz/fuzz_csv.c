/* fuzz_csv.c: libFuzzer target for the CSV reader and the encoding
 * detection under it: any bytes give records or a clean error. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int touch(void *ctx, const struct csv_record *r)
{
	size_t *total = ctx, i;

	for (i = 0; i < r->n; i++) {
		if (strlen(r->fields[i].text) > r->fields[i].len)
			abort();
		*total += r->fields[i].len;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum encoding encodings[] = { ENCODING_AUTO, ENCODING_UTF8, ENCODING_CP932 };
	struct error err;
	size_t total = 0, i;

	for (i = 0; i < sizeof encodings / sizeof encodings[0]; i++)
		if (csv_read("fuzz.csv", size ? (const void *)data : "", size, encodings[i], touch,
			     &total, &err) < 0 && !err.text[0])
			abort();
	return 0;
}
