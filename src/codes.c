/* codes.c: circled numbers as the government's table numbers its KPIs,
 * and the KPI codes kpitree derives from them. */
#include "codes.h"

#include <stdio.h>

/* The three Unicode runs of circled numbers: ①-⑳, ㉑-㉟, ㊱-㊿. */
static const struct {
	unsigned first;
	int from, to;
} circled_runs[] = {
	{ 0x2460, 1, 20 },
	{ 0x3251, 21, 35 },
	{ 0x32B1, 36, 50 },
};

#define NRUNS (sizeof circled_runs / sizeof circled_runs[0])

size_t codes_circled_read(const char *text, int *n)
{
	const unsigned char *p = (const unsigned char *)text;
	unsigned cp;
	size_t i;

	if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
		return 0;
	cp = (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	for (i = 0; i < NRUNS; i++) {
		unsigned last = circled_runs[i].first +
			(unsigned)(circled_runs[i].to - circled_runs[i].from);

		if (cp >= circled_runs[i].first && cp <= last) {
			*n = circled_runs[i].from + (int)(cp - circled_runs[i].first);
			return 3;
		}
	}
	return 0;
}

char *codes_circled(int n, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i < NRUNS; i++) {
		if (n >= circled_runs[i].from && n <= circled_runs[i].to) {
			unsigned cp = circled_runs[i].first + (unsigned)(n - circled_runs[i].from);

			snprintf(buf, size, "%c%c%c", (char)(0xE0 | cp >> 12),
				 (char)(0x80 | (cp >> 6 & 0x3F)), (char)(0x80 | (cp & 0x3F)));
			return buf;
		}
	}
	return NULL;
}

char *codes_strategy_kpi(int number, int index, int count, char *buf, size_t size)
{
	if (count > 1)
		snprintf(buf, size, "H%02d%c", number, 'a' + index % 26);
	else
		snprintf(buf, size, "H%02d", number);
	return buf;
}
