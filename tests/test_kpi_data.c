/* test_kpi_data.c: what the KPI pane reads of a KPI, without curses: the
 * KPI and its years, the latest meeting's rank and the open action
 * items, the other rows it stands in (home first), and how far it came
 * when a read fails. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi_data.h"
#include "meeting.h"
#include "store.h"
#include "testdb.h"
#include "values.h"

static void a_kpi_is_read_with_its_years(void **state)
{
	struct testdb *f = *state;
	struct value_change c = { .kpi_id = 1, .fiscal_year = 2025, .kind = VALUE_ACTUAL,
				  .value = 12, .user = "t", .source = "test" };
	struct kpi_data d;
	struct error err;
	int i, seen = 0;

	assert_int_equal(values_set(f->s, &c, &err), VALUES_CHANGED);
	assert_int_equal(kpi_data_load(&d, f->s, "H01", 2025), 0);
	assert_true(d.found && d.has_years);
	assert_false(d.has_review);	/* read only when asked */
	assert_int_equal(kpi_data_load_review(&d, f->s), 0);
	assert_true(d.has_review);
	assert_string_equal(d.k.code, "H01");
	for (i = 0; i < d.t.n; i++)
		if (d.t.rows[i].year == 2025 && d.t.rows[i].has_actual && d.t.rows[i].actual == 12)
			seen = 1;
	assert_true(seen);
	assert_false(d.e.present);
	assert_int_equal(d.nactions, 0);
	assert_int_equal(d.nplaces, 0);
	kpi_data_free(&d);
}

static void the_latest_rank_and_open_action_items_are_read(void **state)
{
	struct testdb *f = *state;
	long long ids[1] = { 1 };
	struct kpi_data d;
	struct meeting m;
	struct error err;

	assert_int_equal(meeting_start(f->s, "第2回推進会議", 2025, "test", ids, 1, "tanaka", &m, &err), 0);
	assert_int_equal(meeting_record(f->s, m.id, 1, RECORD_RANK, "B", "順調", "見込み", "C",
					"tanaka", &err), 0);
	assert_int_equal(meeting_remark_add(f->s, m.id, 1, REMARK_ACTION, "保育士を確保する", "子ども政策課",
					    "2026-03-31", "tanaka", &err), 0);
	assert_int_equal(meeting_remark_add(f->s, m.id, 1, REMARK_COMMENT, "意見", "", "", "tanaka",
					    &err), 0);
	assert_int_equal(kpi_data_load(&d, f->s, "H01", 2025), 0);
	assert_int_equal(kpi_data_load_review(&d, f->s), 0);
	assert_true(d.e.present);
	assert_string_equal(d.e.rank, "B");
	assert_string_equal(d.e.reason, "見込み");
	assert_string_equal(d.e_title, "第2回推進会議");
	assert_int_equal(d.nactions, 1);	/* the comment is no action item */
	assert_string_equal(d.actions[0].text, "保育士を確保する");
	assert_string_equal(d.actions[0].owner, "子ども政策課");
	assert_string_equal(d.actions[0].due, "2026-03-31");
	kpi_data_free(&d);
}

static void the_other_rows_come_home_first_and_without_here(void **state)
{
	struct testdb *f = *state;
	struct kpi_data d;

	/* H01 (home row 5) re-listed on row 6 */
	assert_int_equal(sqlite3_exec(f->s->db, "INSERT INTO kpi_placement(kpi_id, placement_id,"
				      " home, position) VALUES (1, 6, 0, 2)", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(kpi_data_load(&d, f->s, "H01", 2025), 0);
	kpi_data_load_places(&d, f->s, 6, 10);
	assert_int_equal(d.nplaces, 1);
	assert_true(d.places[0].home);
	assert_string_equal(d.places[0].title,
			    "保育所及び認定こども園の計画的な整備や地域型保育事業の実施などを進め、待機児童の解消を図る。");
	kpi_data_free(&d);
	assert_int_equal(kpi_data_load(&d, f->s, "H01", 2025), 0);
	kpi_data_load_places(&d, f->s, 5, 10);
	assert_int_equal(d.nplaces, 1);
	assert_false(d.places[0].home);
	kpi_data_free(&d);
	/* no room: none read */
	assert_int_equal(kpi_data_load(&d, f->s, "H01", 2025), 0);
	kpi_data_load_places(&d, f->s, 5, 0);
	assert_int_equal(d.nplaces, 0);
	kpi_data_free(&d);
	/* a KPI that stands in one row: no places */
	assert_int_equal(kpi_data_load(&d, f->s, "H02", 2025), 0);
	kpi_data_load_places(&d, f->s, 6, 10);
	assert_int_equal(d.nplaces, 0);
	kpi_data_free(&d);
}

static void a_failed_read_says_how_far_it_came(void **state)
{
	struct testdb *f = *state;
	struct kpi_data d;

	assert_int_equal(kpi_data_load(&d, f->s, "X99", 2025), -1);
	assert_false(d.found);
	assert_int_equal(d.err.kind, ERROR_NOT_FOUND);
	kpi_data_free(&d);
	store_fail_step(1);
	assert_int_equal(kpi_data_load(&d, f->s, "H01", 2025), -1);
	store_fail_step(0);
	assert_false(d.found);
	assert_true(*d.err.text);
	kpi_data_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_kpi_is_read_with_its_years, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(the_latest_rank_and_open_action_items_are_read, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(the_other_rows_come_home_first_and_without_here, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_failed_read_says_how_far_it_came, testdb_setup, testdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
