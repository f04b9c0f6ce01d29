/* test_progress.c: progress and status of strategy KPIs (up, down,
 * cumulative, 以上) and of plan/actual KPIs, on the seed's own numbers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>

#include "progress.h"

#define assert_close(actual, expected) assert_true(fabs((actual) - (expected)) < 1e-12)

static struct amount year_amount(double value, int year)
{
	return (struct amount){
		.present = 1,
		.value = value,
		.period = { .from = year, .to = year, .kind = PERIOD_YEAR },
	};
}

static struct amount period_amount(double value, int from, int to, enum period_kind kind)
{
	return (struct amount){
		.present = 1,
		.value = value,
		.period = { .from = from, .to = to, .kind = kind },
	};
}

/* H01 保育所等入所待機児童数: 28人 (R6) → 0人 (R7), down. */
static struct progress h01_at_2025(const struct year_value *actuals, size_t n)
{
	struct amount baseline = year_amount(28, 2024);
	struct amount target = year_amount(0, 2025);
	struct progress p;

	progress_at(&baseline, &target, DIRECTION_DOWN, actuals, n, 2025, &p);
	return p;
}

/* An up KPI: 157 (R5) → 176 (R9). */
static struct progress up_at(int year, double actual)
{
	struct amount baseline = year_amount(157, 2023);
	struct amount target = year_amount(176, 2027);
	struct year_value actuals[] = { { year, actual } };
	struct progress p;

	progress_at(&baseline, &target, DIRECTION_UP, actuals, 1, year, &p);
	return p;
}

static void progress_of_down_kpi_is_share_of_the_fall(void **state)
{
	struct year_value actuals[] = { { 2024, 28 }, { 2025, 12 } };
	struct progress p = h01_at_2025(actuals, 2);

	(void)state;
	assert_true(p.has_ratio);
	assert_close(p.ratio, 16.0 / 28);
	assert_close(p.expected, 1);
	assert_int_equal(p.status, STATUS_BEHIND);
}

static void progress_of_down_kpi_at_target_is_achieved(void **state)
{
	struct year_value actuals[] = { { 2025, 0 } };
	struct progress p = h01_at_2025(actuals, 1);

	(void)state;
	assert_close(p.ratio, 1);
	assert_int_equal(p.status, STATUS_ACHIEVED);
}

static void progress_of_down_kpi_beyond_target_is_achieved(void **state)
{
	struct year_value actuals[] = { { 2025, -1 } };
	struct progress p = h01_at_2025(actuals, 1);

	(void)state;
	assert_int_equal(p.status, STATUS_ACHIEVED);
}

static void progress_of_down_kpi_that_rose_is_negative(void **state)
{
	struct year_value actuals[] = { { 2025, 30 } };
	struct progress p = h01_at_2025(actuals, 1);

	(void)state;
	assert_true(p.has_ratio);
	assert_close(p.ratio, -2.0 / 28);
	assert_int_equal(p.status, STATUS_BEHIND);
}

static void progress_without_actual_at_year_is_no_data(void **state)
{
	struct year_value actuals[] = { { 2024, 12 }, { 2026, 0 } };
	struct progress p = h01_at_2025(actuals, 2);

	(void)state;
	assert_int_equal(p.status, STATUS_NO_DATA);
	assert_false(p.has_ratio);
}

static void progress_without_any_actual_is_no_data(void **state)
{
	struct progress p = h01_at_2025(NULL, 0);

	(void)state;
	assert_int_equal(p.status, STATUS_NO_DATA);
	assert_false(p.has_ratio);
}

static void progress_without_baseline_or_target_is_no_data(void **state)
{
	struct amount baseline = year_amount(28, 2024);
	struct amount target = year_amount(0, 2025);
	struct amount absent = { 0 };
	struct year_value actuals[] = { { 2025, 0 } };
	struct progress p;

	(void)state;
	progress_at(&absent, &target, DIRECTION_DOWN, actuals, 1, 2025, &p);
	assert_int_equal(p.status, STATUS_NO_DATA);
	assert_false(p.has_ratio);
	progress_at(&baseline, &absent, DIRECTION_DOWN, actuals, 1, 2025, &p);
	assert_int_equal(p.status, STATUS_NO_DATA);
	assert_false(p.has_ratio);
}

static void progress_below_straight_line_is_behind(void **state)
{
	struct progress p = up_at(2025, 165);

	(void)state;
	assert_close(p.ratio, 8.0 / 19);
	assert_close(p.expected, 0.5);
	assert_int_equal(p.status, STATUS_BEHIND);
}

static void progress_above_straight_line_is_on_track(void **state)
{
	struct progress p = up_at(2025, 170);

	(void)state;
	assert_close(p.ratio, 13.0 / 19);
	assert_close(p.expected, 0.5);
	assert_int_equal(p.status, STATUS_ON_TRACK);
}

static void progress_on_straight_line_is_on_track(void **state)
{
	struct progress p = up_at(2025, 166.5);

	(void)state;
	assert_close(p.ratio, 0.5);
	assert_int_equal(p.status, STATUS_ON_TRACK);
}

static void progress_of_up_kpi_at_target_is_achieved(void **state)
{
	struct progress p = up_at(2025, 176);

	(void)state;
	assert_close(p.ratio, 1);
	assert_int_equal(p.status, STATUS_ACHIEVED);
}

static void expected_before_baseline_period_ends_is_zero(void **state)
{
	(void)state;
	assert_close(up_at(2023, 157).expected, 0);
	assert_close(up_at(2020, 150).expected, 0);
}

static void expected_after_target_period_is_one(void **state)
{
	(void)state;
	assert_close(up_at(2027, 170).expected, 1);
	assert_close(up_at(2030, 170).expected, 1);
	assert_int_equal(up_at(2030, 170).status, STATUS_BEHIND);
}

static void progress_measures_from_end_of_average_baseline(void **state)
{
	/* 18 (H30～R4平均) → 28 (R9): the line starts at the end of R4. */
	struct amount baseline = period_amount(18, 2018, 2022, PERIOD_AVG);
	struct amount target = year_amount(28, 2027);
	struct year_value actuals[] = { { 2024, 22 } };
	struct progress p;

	(void)state;
	progress_at(&baseline, &target, DIRECTION_UP, actuals, 1, 2024, &p);
	assert_close(p.expected, 2.0 / 5);
	assert_close(p.ratio, 4.0 / 10);
	assert_int_equal(p.status, STATUS_ON_TRACK);
}

/* H17 デジタル関連企業の立地件数: 18件 (H30～R4平均) → 119件 (R7～R11累計). */
static struct progress h17_at(const struct year_value *actuals, size_t n, int year)
{
	struct amount baseline = period_amount(18, 2018, 2022, PERIOD_AVG);
	struct amount target = period_amount(119, 2025, 2029, PERIOD_CUM);
	struct progress p;

	progress_at(&baseline, &target, DIRECTION_UP, actuals, n, year, &p);
	return p;
}

static void cumulative_progress_sums_actuals_of_its_period(void **state)
{
	struct year_value actuals[] = { { 2026, 30 }, { 2025, 30 } };
	struct progress p = h17_at(actuals, 2, 2026);

	(void)state;
	assert_close(p.ratio, 60.0 / 119);
	assert_close(p.expected, 2.0 / 5);
	assert_int_equal(p.status, STATUS_ON_TRACK);
}

static void cumulative_progress_ignores_years_outside_period_or_later(void **state)
{
	struct year_value actuals[] = {
		{ 2024, 500 }, { 2025, 10 }, { 2026, 10 }, { 2027, 500 }, { 2030, 500 },
	};
	struct progress p = h17_at(actuals, 5, 2026);

	(void)state;
	assert_close(p.ratio, 20.0 / 119);
	assert_int_equal(p.status, STATUS_BEHIND);
}

static void cumulative_progress_expects_one_share_after_first_year(void **state)
{
	struct year_value actuals[] = { { 2025, 20 } };
	struct progress p = h17_at(actuals, 1, 2025);

	(void)state;
	assert_close(p.expected, 1.0 / 5);
	assert_int_equal(p.status, STATUS_BEHIND);
}

static void cumulative_target_met_by_its_sum_is_achieved(void **state)
{
	struct year_value actuals[] = { { 2025, 60 }, { 2026, 59 } };
	struct progress p = h17_at(actuals, 2, 2026);

	(void)state;
	assert_close(p.ratio, 1);
	assert_int_equal(p.status, STATUS_ACHIEVED);
}

static void cumulative_progress_without_actual_at_year_is_no_data(void **state)
{
	struct year_value actuals[] = { { 2025, 30 } };
	struct progress p = h17_at(actuals, 1, 2026);

	(void)state;
	assert_int_equal(p.status, STATUS_NO_DATA);
}

static void at_least_target_counts_as_met_when_equal(void **state)
{
	/* 道産食品輸出額 1,511億円 (R5) → 1,650億円以上 (R10). */
	struct amount baseline = year_amount(1511, 2023);
	struct amount target = year_amount(1650, 2028);
	struct year_value actuals[] = { { 2026, 1650 } };
	struct progress p;

	(void)state;
	target.at_least = 1;
	progress_at(&baseline, &target, DIRECTION_UP, actuals, 1, 2026, &p);
	assert_int_equal(p.status, STATUS_ACHIEVED);
	actuals[0].value = 1649.5;
	progress_at(&baseline, &target, DIRECTION_UP, actuals, 1, 2026, &p);
	assert_int_equal(p.status, STATUS_ON_TRACK);
}

static void baseline_equal_to_target_has_no_ratio_and_is_achieved_if_met(void **state)
{
	struct amount baseline = year_amount(179, 2024);
	struct amount target = year_amount(179, 2029);
	struct year_value actuals[] = { { 2025, 179 } };
	struct progress p;

	(void)state;
	target.all_municipalities = 1;
	progress_at(&baseline, &target, DIRECTION_UP, actuals, 1, 2025, &p);
	assert_int_equal(p.status, STATUS_ACHIEVED);
	assert_false(p.has_ratio);
}

static void baseline_equal_to_target_is_behind_if_not_met(void **state)
{
	struct amount baseline = year_amount(179, 2024);
	struct amount target = year_amount(179, 2029);
	struct year_value actuals[] = { { 2025, 178 } };
	struct progress p;

	(void)state;
	progress_at(&baseline, &target, DIRECTION_UP, actuals, 1, 2025, &p);
	assert_int_equal(p.status, STATUS_BEHIND);
	assert_false(p.has_ratio);
}

static void target_in_baseline_year_expects_all_at_once(void **state)
{
	struct amount baseline = year_amount(10, 2025);
	struct amount target = year_amount(20, 2025);
	struct year_value actuals[] = { { 2024, 15 }, { 2025, 15 } };
	struct progress p;

	(void)state;
	progress_at(&baseline, &target, DIRECTION_UP, actuals, 2, 2024, &p);
	assert_close(p.expected, 0);
	assert_int_equal(p.status, STATUS_ON_TRACK);
	progress_at(&baseline, &target, DIRECTION_UP, actuals, 2, 2025, &p);
	assert_close(p.expected, 1);
	assert_int_equal(p.status, STATUS_BEHIND);
}

static void plan_reached_is_achieved(void **state)
{
	double plan = 10, actual = 12;
	struct progress p;

	(void)state;
	progress_plan(&plan, &actual, &p);
	assert_true(p.has_ratio);
	assert_close(p.ratio, 1.2);
	assert_int_equal(p.status, STATUS_ACHIEVED);
	actual = 10;
	progress_plan(&plan, &actual, &p);
	assert_int_equal(p.status, STATUS_ACHIEVED);
}

static void plan_not_reached_is_behind(void **state)
{
	double plan = 10, actual = 5;
	struct progress p;

	(void)state;
	progress_plan(&plan, &actual, &p);
	assert_close(p.ratio, 0.5);
	assert_int_equal(p.status, STATUS_BEHIND);
}

static void plan_without_actual_is_no_data(void **state)
{
	double plan = 10;
	struct progress p;

	(void)state;
	progress_plan(&plan, NULL, &p);
	assert_int_equal(p.status, STATUS_NO_DATA);
	assert_false(p.has_ratio);
}

/* SP1-1 R2: 6 people, and no plan in the report: recorded, not missing,
 * and nothing to judge it by. */
static void actual_without_plan_is_actual_only(void **state)
{
	double actual = 6;
	struct progress p;

	(void)state;
	progress_plan(NULL, &actual, &p);
	assert_int_equal(p.status, STATUS_ACTUAL_ONLY);
	assert_false(p.has_ratio);
	assert_false(progress_judged(p.status));
}

/* SP2-2 R2: plan 0, actual 0: the plan is met, with no rate. */
static void plan_of_zero_met_is_achieved_without_rate(void **state)
{
	double plan = 0, actual = 0;
	struct progress p;

	(void)state;
	progress_plan(&plan, &actual, &p);
	assert_int_equal(p.status, STATUS_ACHIEVED);
	assert_false(p.has_ratio);
	actual = 3;
	progress_plan(&plan, &actual, &p);
	assert_int_equal(p.status, STATUS_ACHIEVED);
	assert_false(p.has_ratio);
}

static void status_order_lists_every_status_once(void **state)
{
	int seen[STATUS_COUNT] = { 0 }, i;

	(void)state;
	for (i = 0; i < STATUS_COUNT; i++)
		seen[progress_status_order[i]]++;
	for (i = 0; i < STATUS_COUNT; i++)
		assert_int_equal(seen[i], 1);
	assert_int_equal(progress_status_order[STATUS_COUNT - 1], STATUS_NO_DATA);
}

static void status_names_read_as_the_manual(void **state)
{
	(void)state;
	assert_string_equal(progress_status_name(STATUS_ACHIEVED), "achieved");
	assert_string_equal(progress_status_name(STATUS_ON_TRACK), "on track");
	assert_string_equal(progress_status_name(STATUS_BEHIND), "behind");
	assert_string_equal(progress_status_name(STATUS_NO_DATA), "no data");
	assert_string_equal(progress_status_name(STATUS_ACTUAL_ONLY), "actual only");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(progress_of_down_kpi_is_share_of_the_fall),
		cmocka_unit_test(progress_of_down_kpi_at_target_is_achieved),
		cmocka_unit_test(progress_of_down_kpi_beyond_target_is_achieved),
		cmocka_unit_test(progress_of_down_kpi_that_rose_is_negative),
		cmocka_unit_test(progress_without_actual_at_year_is_no_data),
		cmocka_unit_test(progress_without_any_actual_is_no_data),
		cmocka_unit_test(progress_without_baseline_or_target_is_no_data),
		cmocka_unit_test(progress_below_straight_line_is_behind),
		cmocka_unit_test(progress_above_straight_line_is_on_track),
		cmocka_unit_test(progress_on_straight_line_is_on_track),
		cmocka_unit_test(progress_of_up_kpi_at_target_is_achieved),
		cmocka_unit_test(expected_before_baseline_period_ends_is_zero),
		cmocka_unit_test(expected_after_target_period_is_one),
		cmocka_unit_test(progress_measures_from_end_of_average_baseline),
		cmocka_unit_test(cumulative_progress_sums_actuals_of_its_period),
		cmocka_unit_test(cumulative_progress_ignores_years_outside_period_or_later),
		cmocka_unit_test(cumulative_progress_expects_one_share_after_first_year),
		cmocka_unit_test(cumulative_target_met_by_its_sum_is_achieved),
		cmocka_unit_test(cumulative_progress_without_actual_at_year_is_no_data),
		cmocka_unit_test(at_least_target_counts_as_met_when_equal),
		cmocka_unit_test(baseline_equal_to_target_has_no_ratio_and_is_achieved_if_met),
		cmocka_unit_test(baseline_equal_to_target_is_behind_if_not_met),
		cmocka_unit_test(target_in_baseline_year_expects_all_at_once),
		cmocka_unit_test(plan_reached_is_achieved),
		cmocka_unit_test(plan_not_reached_is_behind),
		cmocka_unit_test(plan_without_actual_is_no_data),
		cmocka_unit_test(actual_without_plan_is_actual_only),
		cmocka_unit_test(plan_of_zero_met_is_achieved_without_rate),
		cmocka_unit_test(status_order_lists_every_status_once),
		cmocka_unit_test(status_names_read_as_the_manual),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
