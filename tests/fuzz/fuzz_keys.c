/* fuzz_keys.c: libFuzzer target for --keys, the browser's scripted
 * keystrokes: any text is queued as keys or refused naming the word that
 * is neither a key name nor text. */
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../ui/input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	char *keys = malloc(size + 1);
	const char *bad = NULL;

	if (!keys)
		return 0;
	if (!ready) {
		setlocale(LC_CTYPE, "C.UTF-8");
		ready = 1;
	}
	memcpy(keys, data, size);
	keys[size] = '\0';
	if (input_queue(keys, &bad) < 0 && (!bad || bad < keys || bad >= keys + strlen(keys)))
		abort();
	free(keys);
	return 0;
}
