/* fuzz_kpi_text.c: libFuzzer target for the KPI cell grammar: a cell that
 * parses prints canonically, and the canonical text parses to the same. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kpi_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ITEMS 16

static int same_amount(const struct amount *a, const struct amount *b)
{
	return a->present == b->present && a->value == b->value && a->estimate == b->estimate &&
	       a->at_least == b->at_least && a->all_municipalities == b->all_municipalities &&
	       a->decimals == b->decimals && a->period.from == b->period.from &&
	       a->period.to == b->period.to && a->period.kind == b->period.kind;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kpi_text_item items[MAX_ITEMS], again[MAX_ITEMS];
	char *cell = malloc(size + 1), text[4096];
	struct error err;
	int n, m, i;

	if (!cell)
		return 0;
	memcpy(cell, data, size);
	cell[size] = '\0';
	if (kpi_text_parse(cell, items, MAX_ITEMS, &n, &err) == 0) {
		for (i = 0; i < n; i++) {
			kpi_text_format(&items[i], text, sizeof text);
			if (kpi_text_parse(text, again, MAX_ITEMS, &m, &err) < 0 || m != 1 ||
			    strcmp(again[0].name, items[i].name) != 0 ||
			    strcmp(again[0].unit, items[i].unit) != 0 ||
			    again[0].relisted != items[i].relisted ||
			    !same_amount(&again[0].baseline, &items[i].baseline) ||
			    !same_amount(&again[0].target, &items[i].target))
				abort();
		}
	} else if (!err.text[0]) {
		abort();
	}
	free(cell);
	return 0;
}
