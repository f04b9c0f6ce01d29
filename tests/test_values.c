/* test_values.c: setting, clearing and guarding values; every change one
 * value row and one history row, or nothing at all. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundled.h"
#include "csv_import.h"
#include "kpi.h"
#include "store.h"
#include "testdb.h"
#include "values.h"

static struct value_change actual(int year, double v)
{
	return (struct value_change){
		.kpi_id = 1, .fiscal_year = year, .kind = VALUE_ACTUAL, .value = v,
		.user = "tanaka", .source = "set",
	};
}

static void set_writes_one_value_and_one_history_row(void **state)
{
	struct testdb *f = *state;
	struct value_change c = actual(2025, 12);
	struct error err;

	c.note = "速報値";
	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM value WHERE kpi_id = 1"), 1);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM history WHERE kpi_id = 1"), 1);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM value WHERE kpi_id = 1 AND value = 12"
			       " AND note = '速報値' AND entered_by = 'tanaka' AND kind = 'actual'"
			       " AND fiscal_year = 2025 AND entered_at LIKE '20__-__-__T__:__:__Z'"), 1);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM history WHERE kpi_id = 1"
			       " AND old_value IS NULL AND new_value = 12 AND changed_by = 'tanaka'"
			       " AND source = 'set'"), 1);
}

static void setting_the_same_value_again_writes_nothing(void **state)
{
	struct testdb *f = *state;
	struct value_change c = actual(2025, 12);
	struct error err;

	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	assert_int_equal(values_set(f->s, &c, &err), VALUES_UNCHANGED);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM history WHERE kpi_id = 1"), 1);
}

static void changing_a_value_records_old_and_new(void **state)
{
	struct testdb *f = *state;
	struct value_change c = actual(2025, 12);
	struct error err;

	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	c.value = 9;
	c.user = "sato";
	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM history WHERE kpi_id = 1"
			       " AND old_value = 12 AND new_value = 9 AND changed_by = 'sato'"), 1);
	assert_int_equal(testdb_int(f->s, "SELECT value FROM value WHERE kpi_id = 1"), 9);
}

static void clearing_removes_the_value_and_records_it(void **state)
{
	struct testdb *f = *state;
	struct value_change c = actual(2025, 12);
	struct error err;

	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	c.clear = 1;
	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM value WHERE kpi_id = 1"), 0);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM history WHERE kpi_id = 1"
			       " AND old_value = 12 AND new_value IS NULL"), 1);
	assert_int_equal(values_set(f->s, &c, &err), VALUES_UNCHANGED);
}

static void stale_expect_changes_nothing(void **state)
{
	struct testdb *f = *state;
	struct value_change c = actual(2025, 12);
	struct error err;
	char *before;

	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	before = testdb_snapshot(f->s);
	c.value = 15;
	c.check_expect = 1;
	c.expect = 10;
	assert_int_equal(values_set(f->s, &c, &err), -1);
	assert_non_null(strstr(err.text, "the stored actual is 12 (entered by tanaka at 20"));
	assert_non_null(strstr(err.text, "), not 10 as expected"));
	{
		char *after = testdb_snapshot(f->s);

		assert_string_equal(before, after);
		free(after);
	}
	free(before);
}

static void expect_none_refuses_when_a_value_exists(void **state)
{
	struct testdb *f = *state;
	struct value_change c = actual(2025, 12);
	struct error err;

	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	c.value = 3;
	c.check_expect = 1;
	c.expect_none = 1;
	assert_int_equal(values_set(f->s, &c, &err), -1);
	assert_non_null(strstr(err.text, ", where none was expected"));
	c.fiscal_year = 2026;
	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
}

static void matching_expect_saves(void **state)
{
	struct testdb *f = *state;
	struct value_change c = actual(2025, 12);
	struct error err;

	c.check_expect = 1;
	c.expect = 12;
	assert_int_equal(values_set(f->s, &c, &err), -1);
	assert_string_equal(err.text, "no actual is stored, not 12 as expected");
	c.check_expect = 0;
	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	c.check_expect = 1;
	c.value = 13;
	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
}

/* Sets c with the Nth store step failing, for every N until it succeeds:
 * each failed run leaves values and history exactly as they were.
 * Returns how many steps the change took (the Nth did not come). */
static long fail_each_step(struct store *s, const struct value_change *c)
{
	struct error err;
	char *before = testdb_snapshot(s);
	long n;

	for (n = 1;; n++) {
		char *after;
		int rc;

		store_fail_step(n);
		rc = values_set(s, c, &err);
		store_fail_step(0);
		after = testdb_snapshot(s);
		if (rc == VALUES_CHANGED) {
			assert_string_not_equal(before, after);
			free(after);
			break;
		}
		assert_int_equal(rc, -1);
		assert_non_null(strstr(err.text, "disk I/O error (injected)"));
		assert_string_equal(before, after);
		free(after);
	}
	free(before);
	return n - 1;
}

static void a_failing_step_anywhere_leaves_everything_as_it_was(void **state)
{
	struct testdb *f = *state;
	struct value_change c = actual(2025, 12);

	/* A new value: its insert and its history row. */
	assert_int_equal(fail_each_step(f->s, &c), 2);
	/* A changed value: the insert that finds it, the look at the old
	 * value, the write and the history row. */
	c.value = 13;
	assert_int_equal(fail_each_step(f->s, &c), 4);
	/* A cleared value: the look, the delete and the history row. */
	c.clear = 1;
	assert_int_equal(fail_each_step(f->s, &c), 3);
}

struct seen {
	int n;
	char text[512];
};

static void see_value(void *ctx, const struct value_row *r)
{
	struct seen *s = ctx;
	size_t len = strlen(s->text);

	snprintf(s->text + len, sizeof s->text - len, "%d %s %g %s;", r->fiscal_year,
		 values_kind_name(r->kind), r->value, r->note);
	s->n++;
}

static void see_history(void *ctx, const struct history_row *h)
{
	struct seen *s = ctx;
	size_t len = strlen(s->text);

	snprintf(s->text + len, sizeof s->text - len, "%s %d %s %s>%s;", h->changed_by,
		 h->fiscal_year, values_kind_name(h->kind), h->had_old ? "old" : "none",
		 h->has_new ? "new" : "none");
	s->n++;
}

static void values_and_history_are_listed_in_order(void **state)
{
	struct testdb *f = *state;
	struct value_change c = actual(2025, 12);
	struct seen seen = { 0, "" };
	struct error err;

	c.note = "確定値";
	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	c = actual(2024, 28);
	c.kind = VALUE_PLAN;
	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	c.clear = 1;
	c.user = "sato";
	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	assert_int_equal(values_each(f->s, 1, see_value, &seen, &err), 0);
	assert_string_equal(seen.text, "2025 actual 12 確定値;");
	memset(&seen, 0, sizeof seen);
	assert_int_equal(values_history(f->s, 1, see_history, &seen, &err), 0);
	assert_string_equal(seen.text,
			    "tanaka 2025 actual none>new;tanaka 2024 plan none>new;sato 2024 plan old>none;");
}

static void kpi_find_reads_amounts_and_names_unknown_codes(void **state)
{
	struct testdb *f = *state;
	struct kpi k;
	struct error err;
	char text[128];

	assert_int_equal(kpi_find(f->s, "H02", &k, &err), 0);
	assert_string_equal(k.name, "せわずき・せわやき隊等の組織化");
	assert_string_equal(kpi_amount_text(&k.baseline, k.unit, text, sizeof text), "74市町村 (R5)");
	assert_string_equal(kpi_amount_text(&k.target, k.unit, text, sizeof text),
			    "全市町村 (179市町村) (R11)");
	assert_int_equal(k.direction, DIRECTION_UP);
	assert_false(k.is_project);
	kpi_release(&k);
	assert_int_equal(kpi_find(f->s, "SP1-1", &k, &err), 0);
	assert_true(k.is_project);
	assert_false(k.baseline.present);
	assert_string_equal(kpi_amount_text(&k.baseline, k.unit, text, sizeof text), "—");
	kpi_release(&k);
	assert_int_equal(kpi_find(f->s, "H99", &k, &err), -1);
	assert_string_equal(err.text, "no KPI with code 'H99'");
}

/* A value that an import set and nothing changed since keeps its setting
 * in its own row (schema version 4); the history is the same. */
static void an_imported_value_keeps_its_setting_until_it_changes(void **state)
{
	struct testdb *f = *state;
	static const char text[] = "code,fiscal_year,kind,value,note\n"
		"H01,2024,actual,20,速報値\nH01,2025,actual,12,\nH01,2026,plan,25,\n";
	struct import_file file = { "values.csv", text, sizeof text - 1, NULL };
	struct import_stats stats;
	struct error items[4];
	struct error_list errors = { items, 0, 4, 0 };
	struct value_change c = actual(2025, 11);
	struct seen seen = { 0, "" };
	struct error err;
	char *before;

	assert_int_equal(csv_import(f->s, &file, 1, ENCODING_AUTO, "suzuki", 1, &stats, &errors), 0);
	assert_int_equal(stats.values_changed, 3);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM history_row WHERE kpi_id = 1"), 0);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM value_row WHERE kpi_id = 1"
			       " AND set_id IS NOT NULL"), 3);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM history WHERE kpi_id = 1"
			       " AND old_value IS NULL AND source = 'import' AND changed_by = 'suzuki'"), 3);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM history WHERE kpi_id = 1"
			       " AND fiscal_year = 2024 AND new_value = 20 AND new_note = '速報値'"), 1);

	/* Changed: the setting moves into history_row, before the change. */
	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	/* Cleared: the same. */
	c = actual(2024, 0);
	c.clear = 1;
	c.user = "sato";
	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM history_row WHERE kpi_id = 1"), 4);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM value_row WHERE kpi_id = 1"
			       " AND set_id IS NOT NULL"), 1);
	assert_int_equal(values_history(f->s, 1, see_history, &seen, &err), 0);
	assert_string_equal(seen.text, "suzuki 2024 actual none>new;suzuki 2025 actual none>new;"
			    "suzuki 2026 plan none>new;tanaka 2025 actual old>new;"
			    "sato 2024 actual old>none;");
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM history WHERE kpi_id = 1"
			       " AND fiscal_year = 2025 AND old_value = 12 AND new_value = 11"), 1);

	/* An update that would keep the setting where it is is refused. */
	before = testdb_snapshot(f->s);
	assert_int_not_equal(sqlite3_exec(f->s->db, "UPDATE value_row SET value = 30"
					  " WHERE kpi_id = 1 AND fiscal_year = 2026", NULL, NULL, NULL),
			     SQLITE_OK);
	{
		char *after = testdb_snapshot(f->s);

		assert_string_equal(after, before);
		free(after);
	}
	free(before);
	testdb_check_ok(f->s);
}

/* The value rules on the bundled data: each (KPI, year, value) accepted,
 * or refused with the rule it breaks. The current fiscal year is fixed at
 * R8 (2026) here; tests/cli/rules.sh drives the same cases through set,
 * an import and the form. */
static void value_rules_accept_and_refuse_by_kpi_year_and_value(void **state)
{
	static const struct {
		const char *code;
		int year;
		double value;
		const char *why;	/* NULL: accepted */
	} cases[] = {
		{ "H10", 2025, 93.7, NULL },	/* 認知度, a share */
		{ "H10", 2025, 100, NULL },
		{ "H10", 2025, 150, "150: a percentage of a whole is 0 to 100" },
		{ "H03", 2025, 0, NULL },	/* a count of 市町村 */
		{ "H03", 2025, -5, "-5: this KPI's values are never negative" },
		{ "H05", 2022, 1, NULL },	/* baseline R4, target R11 */
		{ "H05", 2021, 1, "R3 is outside this KPI's years, R4 to R13" },
		{ "H05", 2031, 1, NULL },
		{ "H05", 2032, 1, "R14 is outside this KPI's years, R4 to R13" },
		{ "H05", 2117, 1, "R99 is outside this KPI's years, R4 to R13" },
		{ "H17", 2018, 3, NULL },	/* H30～R4平均: from H30 */
		{ "H17", 2017, 3, "H29 is outside this KPI's years, H30 to R13" },
		{ "H01", 2028, 0, NULL },	/* target R7: two years past R8 */
		{ "H01", 2029, 0, "R11 is outside this KPI's years, R6 to R10" },
		{ "SP1-1", 2018, 0, NULL },	/* adopted R1: its 当初値 year */
		{ "SP1-1", 2017, 0, "H29 is outside this KPI's years, H30 to R10" },
		{ "SP4-3", 2023, 31.2, NULL },	/* a project's share */
		{ "SP4-3", 2023, 100.5, "100.5: a percentage of a whole is 0 to 100" },
	};
	struct store *s = *state;
	struct value_rules r;
	struct error err;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc;

		assert_int_equal(values_rules_find(s, cases[i].code, 2026, &r, &err), 0);
		rc = values_check(&r, cases[i].year, cases[i].value, &err);
		if (!cases[i].why) {
			assert_int_equal(rc, 0);
			continue;
		}
		assert_int_equal(rc, -1);
		assert_int_equal(err.kind, ERROR_INVALID);
		assert_string_equal(err.text, cases[i].why);
	}
	assert_int_equal(values_rules_find(s, "H99", 2026, &r, &err), -1);
	assert_int_equal(err.kind, ERROR_NOT_FOUND);
}

/* What the form asks y/n about and set takes only with --force. */
static void unusual_values_are_ten_times_last_year_or_the_wrong_side(void **state)
{
	struct store *s = *state;
	struct value_rules r;
	struct error err;

	assert_int_equal(values_rules_find(s, "H01", 2026, &r, &err), 0);	/* 28 → 0, down */
	assert_null(values_unusual(&r, 0, 0, 12));
	assert_null(values_unusual(&r, 0, 0, 28));
	assert_string_equal(values_unusual(&r, 0, 0, 30), "on the wrong side of the baseline");
	assert_int_equal(values_rules_find(s, "H05", 2026, &r, &err), 0);	/* 15,540 → up */
	assert_string_equal(values_unusual(&r, 0, 0, 100), "on the wrong side of the baseline");
	assert_null(values_unusual(&r, 1, 16000, 160000));
	assert_string_equal(values_unusual(&r, 1, 16000, 160001),
			    "more than ten times last year's actual");
	assert_int_equal(values_rules_find(s, "SP1-1", 2026, &r, &err), 0);	/* no baseline */
	assert_null(values_unusual(&r, 0, 0, 0));
	assert_string_equal(values_unusual(&r, 1, 6, 61), "more than ten times last year's actual");
}

static int bundled_setup(void **state)
{
	char *path = testdb_path();
	struct import_stats stats;
	struct error items[4];
	struct error_list errors = { items, 0, 4, 0 };
	struct error err;
	struct store *s = store_open(path, STORE_CREATE, &err);

	if (!s || bundled_import(s, "tester", &stats, &errors) < 0)
		return -1;
	free(path);	/* removed at teardown through the store's own path */
	*state = s;
	return 0;
}

static int bundled_teardown(void **state)
{
	struct store *s = *state;
	char *path = strdup(s->path);

	store_close(s);
	testdb_remove(path);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(set_writes_one_value_and_one_history_row, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(setting_the_same_value_again_writes_nothing, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(changing_a_value_records_old_and_new, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(clearing_removes_the_value_and_records_it, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(stale_expect_changes_nothing, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(expect_none_refuses_when_a_value_exists, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(matching_expect_saves, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_failing_step_anywhere_leaves_everything_as_it_was, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(values_and_history_are_listed_in_order, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(kpi_find_reads_amounts_and_names_unknown_codes, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(an_imported_value_keeps_its_setting_until_it_changes, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(value_rules_accept_and_refuse_by_kpi_year_and_value, bundled_setup, bundled_teardown),
		cmocka_unit_test_setup_teardown(unusual_values_are_ten_times_last_year_or_the_wrong_side, bundled_setup, bundled_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
