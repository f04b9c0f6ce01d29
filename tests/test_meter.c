/* test_meter.c: the progress line of a long job: nothing off a terminal
 * or before its delay, a count redrawn in place at most five times a
 * second (the last count always), the line cleared at the end. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meter.h"

/* What the meter wrote into f since the start. */
static const char *written(FILE *f)
{
	static char buf[1024];
	size_t n;

	fflush(f);
	rewind(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	return buf;
}

/* Off a terminal, or before the delay: nothing at all. */
static void nothing_off_a_terminal_or_before_the_delay(void **state)
{
	static const struct { int terminal; long delay_ms; } cases[] = { { 0, 0 }, { 1, 60000 } };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		FILE *f = tmpfile();
		struct meter m;

		meter_start(&m, f, cases[i].terminal, cases[i].delay_ms, "export report");
		meter_tick(&m, 5, 10);
		meter_tick(&m, 10, 10);
		meter_end(&m);
		assert_string_equal(written(f), "");
		fclose(f);
	}
}

static void a_count_in_place_then_cleared(void **state)
{
	FILE *f = tmpfile();
	struct meter m;

	(void)state;
	meter_start(&m, f, 1, 0, "export report");
	meter_tick(&m, 7, 0);
	meter_tick(&m, 3, 10);	/* within 200 ms of the last: not drawn */
	meter_tick(&m, 10, 10);	/* the last count: always drawn */
	meter_end(&m);
	assert_string_equal(written(f),
			    "\rkpitree: export report: 7 KPIs read\033[K"
			    "\rkpitree: export report: 10 of 10 KPIs\033[K"
			    "\r\033[K");
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nothing_off_a_terminal_or_before_the_delay),
		cmocka_unit_test(a_count_in_place_then_cleared),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
