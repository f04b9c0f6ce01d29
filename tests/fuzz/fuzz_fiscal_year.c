/* fuzz_fiscal_year.c: libFuzzer target for fiscal years: a year that
 * parses prints in both forms, and both forms parse back to it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fiscal_year.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), out[64];
	struct error err;
	int year, back;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (fiscal_year_parse(text, &year, &err) == 0) {
		if (year < FISCAL_YEAR_MIN || year > FISCAL_YEAR_MAX)
			abort();
		if (fiscal_year_parse(fiscal_year_short(year, out, sizeof out), &back, &err) < 0 ||
		    back != year)
			abort();
		fiscal_year_format(year, out, sizeof out);
	} else if (!err.text[0]) {
		abort();
	}
	free(text);
	return 0;
}
