/* fuzz_number.c: libFuzzer target for numbers: a number that parses
 * prints plainly and grouped, and both read back as the same double. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), out[512];
	struct error err;
	double v, back;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (number_parse(text, &v, &err) == 0) {
		if (number_parse(number_format(v, out, sizeof out), &back, &err) < 0 || back != v)
			abort();
		if (number_parse(number_format_grouped(v, out, sizeof out), &back, &err) < 0 ||
		    back != v)
			abort();
		number_format_places(v, number_decimals(text), 1, out, sizeof out);
	} else if (!err.text[0]) {
		abort();
	}
	free(text);
	return 0;
}
