/* test_value_undo.c: a save records what it replaced; its undo puts
 * that back as a change of its own, refuses when someone changed the
 * value since, and goes through when guarded by what is stored now. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testdb.h"
#include "value_undo.h"
#include "values.h"

/* A form's save of H01's actual at year: v with note, over old (or none). */
static struct value_change form_save(int year, double v, const char *note, int had, double old,
				     const char *old_note)
{
	return (struct value_change){
		.kpi_id = 1, .fiscal_year = year, .kind = VALUE_ACTUAL, .value = v, .note = note,
		.user = "tanaka", .source = "form", .check_expect = 1, .expect_none = !had,
		.expect = old, .expect_note = old_note,
	};
}

static void a_save_records_what_it_replaced_and_stored(void **state)
{
	struct testdb *f = *state;
	struct value_change c[2] = {
		form_save(2025, 12, "速報値", 0, 0, ""),
		{ .kpi_id = 1, .fiscal_year = 2025, .kind = VALUE_PLAN, .value = 20,
		  .user = "tanaka", .source = "form", .check_expect = 1, .expect_none = 1 },
	};
	struct value_undo u[VALUE_UNDO_MAX];
	struct error err;
	int n = 0, at;

	assert_int_equal(value_undo_save(f->s, c, 2, &at, u, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(u[0].kind, VALUE_ACTUAL);
	assert_false(u[0].had);
	assert_true(u[0].has_new);
	assert_true(u[0].new_value == 12);
	assert_string_equal(u[0].old_note, "");
	assert_string_equal(u[0].new_note, "速報値");
	assert_int_equal(u[1].kind, VALUE_PLAN);
	assert_null(u[1].old_note);
	assert_null(u[1].new_note);
	value_undo_free(u, n);
}

static void undo_puts_the_old_value_and_note_back_as_written(void **state)
{
	struct testdb *f = *state;
	struct value_change first = form_save(2025, 10, "初回", 0, 0, "");
	struct value_change second = form_save(2025, 12, "速報値", 1, 10, "初回");
	struct value_undo u[VALUE_UNDO_MAX];
	struct error err;
	int n = 0, at;

	first.decimals = 1;		/* typed 10.0, and so the form shows it */
	second.expect_decimals = 1;
	assert_int_equal(values_set(f->s, &first, &err), VALUES_CHANGED);
	assert_int_equal(value_undo_save(f->s, &second, 1, &at, u, &n, &err), 0);
	assert_int_equal(value_undo_apply(f->s, u, n, "tanaka", NULL, &err), 0);
	/* as it was written: 10.0 */
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM value WHERE kpi_id = 1"
			       " AND value = 10 AND note = '初回' AND decimals = 1"), 1);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM history WHERE kpi_id = 1"
			       " AND source = 'undo' AND old_value = 12 AND new_value = 10"), 1);
	value_undo_free(u, n);
}

static void undo_of_a_first_value_clears_it(void **state)
{
	struct testdb *f = *state;
	struct value_change c = form_save(2025, 12, NULL, 0, 0, "");
	struct value_undo u[VALUE_UNDO_MAX];
	struct error err;
	int n = 0, at;

	assert_int_equal(value_undo_save(f->s, &c, 1, &at, u, &n, &err), 0);
	assert_int_equal(value_undo_apply(f->s, u, n, "tanaka", NULL, &err), 0);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM value WHERE kpi_id = 1"), 0);
	value_undo_free(u, n);
}

static void undo_after_someone_else_s_change_refuses_then_goes_when_guarded(void **state)
{
	struct testdb *f = *state;
	struct value_change c = form_save(2025, 12, "", 0, 0, "");
	struct value_change theirs = form_save(2025, 15, "確定値", 1, 12, "");
	struct value_change now[VALUE_UNDO_MAX];
	struct value_undo u[VALUE_UNDO_MAX];
	char *notes[VALUE_UNDO_MAX] = { NULL }, *before;
	struct error err;
	int n = 0, at;

	assert_int_equal(value_undo_save(f->s, &c, 1, &at, u, &n, &err), 0);
	theirs.user = "sato";
	assert_int_equal(values_set(f->s, &theirs, &err), VALUES_CHANGED);
	before = testdb_snapshot(f->s);
	assert_int_equal(value_undo_apply(f->s, u, n, "tanaka", NULL, &err), -1);
	assert_int_equal(err.kind, ERROR_CONFLICT);
	{
		char *after = testdb_snapshot(f->s);

		assert_string_equal(before, after);
		free(after);
	}
	assert_int_equal(value_undo_stored(f->s, u, n, now, notes, &err), 0);
	assert_false(now[0].expect_none);
	assert_true(now[0].expect == 15);
	assert_string_equal(now[0].expect_note, "確定値");
	assert_int_equal(value_undo_apply(f->s, u, n, "tanaka", now, &err), 0);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM value WHERE kpi_id = 1"), 0);
	free(notes[0]);
	free(before);
	value_undo_free(u, n);
}

static void a_failed_save_keeps_the_last_undo(void **state)
{
	struct testdb *f = *state;
	struct value_change c = form_save(2025, 12, "", 0, 0, "");
	struct value_change stale = form_save(2025, 13, "", 0, 0, "");
	struct value_undo u[VALUE_UNDO_MAX];
	struct error err;
	int n = 0, at;

	assert_int_equal(value_undo_save(f->s, &c, 1, &at, u, &n, &err), 0);
	/* guarded by "none stored": refused, and u still undoes the first */
	assert_int_equal(value_undo_save(f->s, &stale, 1, &at, u, &n, &err), -1);
	assert_int_equal(err.kind, ERROR_CONFLICT);
	assert_int_equal(n, 1);
	assert_true(u[0].new_value == 12);
	value_undo_free(u, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_save_records_what_it_replaced_and_stored, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(undo_puts_the_old_value_and_note_back_as_written, testdb_setup,
						testdb_teardown),
		cmocka_unit_test_setup_teardown(undo_of_a_first_value_clears_it, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(undo_after_someone_else_s_change_refuses_then_goes_when_guarded, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_failed_save_keeps_the_last_undo, testdb_setup, testdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
