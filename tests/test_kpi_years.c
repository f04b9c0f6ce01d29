/* test_kpi_years.c: a KPI's table of years: every year from the
 * baseline's to the target's end (a baseline over a period shown as its
 * period, the rows after it), the years with values added, and the
 * window of a pane shorter than the table, which keeps the year in view. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "kpi_years.h"
#include "testdb.h"

static struct amount amount(int from, int to, enum period_kind kind)
{
	return (struct amount){ .present = 1, .value = 1,
				.period = { .from = from, .to = to, .kind = kind } };
}

/* The years of t, as "2023 2024 …". */
static const char *years(const struct kpi_years *t)
{
	static char out[512];
	size_t used = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < t->n; i++)
		used += (size_t)snprintf(out + used, sizeof out - used, "%s%d", i ? " " : "",
					 t->rows[i].year);
	return out;
}

static const char *load(struct store *s, struct amount baseline, struct amount target,
			int is_project, int extra)
{
	static struct kpi_years t;
	struct kpi k = { .id = -1, .baseline = baseline, .target = target,
			 .is_project = is_project };
	struct error err;

	assert_int_equal(kpi_years_load(s, &k, extra, &t, &err), 0);
	return years(&t);
}

static void every_year_from_baseline_to_target(void **state)
{
	struct testdb *f = *state;

	/* H06: 182人 (R5) → 246人 (R11) */
	assert_string_equal(load(f->s, amount(2023, 2023, PERIOD_YEAR), amount(2029, 2029, PERIOD_YEAR), 0, 0),
			    "2023 2024 2025 2026 2027 2028 2029");
	/* H17: 18件 (H30～R4平均) → 119件 (R7～R11累計): the average is its
	 * period; the sum's years are each in view */
	assert_string_equal(load(f->s, amount(2018, 2022, PERIOD_AVG), amount(2025, 2029, PERIOD_CUM), 0, 0),
			    "2023 2024 2025 2026 2027 2028 2029");
	/* no baseline: the target's years */
	assert_string_equal(load(f->s, (struct amount){ 0 }, amount(2025, 2029, PERIOD_CUM), 0, 0),
			    "2025 2026 2027 2028 2029");
	/* the year asked for is there too */
	assert_string_equal(load(f->s, amount(2024, 2024, PERIOD_YEAR), amount(2025, 2025, PERIOD_YEAR), 0, 2031),
			    "2024 2025 2031");
	/* a span no one means (a typing mistake): its two ends */
	assert_string_equal(load(f->s, amount(1990, 1990, PERIOD_YEAR), amount(2100, 2100, PERIOD_YEAR), 0, 0),
			    "1990 2100");
	/* a grant project's KPI: the years that hold values only */
	assert_string_equal(load(f->s, amount(2019, 2019, PERIOD_YEAR), amount(2024, 2024, PERIOD_YEAR), 1, 0),
			    "");
}

static void a_short_pane_keeps_the_year_in_view(void **state)
{
	struct kpi_years t = { .n = 0 };
	int y;

	(void)state;
	for (y = 2023; y <= 2033; y++)
		kpi_years_row(&t, y);
	/* room for all: from the first */
	assert_int_equal(kpi_years_window(&t, 2025, 11), 0);
	assert_int_equal(kpi_years_window(&t, 2025, 20), 0);
	/* 2025 (index 2) in 5 rows: from the first, the year and after */
	assert_int_equal(kpi_years_window(&t, 2025, 5), 0);
	/* 2030 (index 7) in 5 rows: 2027 to 2031, the year and one after */
	assert_int_equal(kpi_years_window(&t, 2030, 5), 4);
	/* the last year: the last rows */
	assert_int_equal(kpi_years_window(&t, 2033, 5), 6);
	/* a year past the table: its end */
	assert_int_equal(kpi_years_window(&t, 2040, 5), 6);
	/* a year before it: its start */
	assert_int_equal(kpi_years_window(&t, 2000, 5), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_year_from_baseline_to_target, testdb_setup, testdb_teardown),
		cmocka_unit_test(a_short_pane_keeps_the_year_in_view),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
