/* test_placement.c: what the browser's panes read of a content row and
 * of a grant project: its KPIs (home or re-listed), its grant menus and
 * examples in order, a row's title, a project's fields. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "placement.h"
#include "store.h"
#include "tree.h"
#include "testdb.h"

static void exec(struct store *s, const char *sql)
{
	assert_int_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
}

static void a_row_lists_its_kpis_home_and_re_listed_in_order(void **state)
{
	struct testdb *f = *state;
	struct placement_kpis k;
	struct error err;

	/* H02 re-listed on H01's row, after it */
	exec(f->s, "INSERT INTO kpi_placement(kpi_id, placement_id, home, position)"
		   " VALUES (2, 5, 0, 2)");
	assert_int_equal(placement_kpis(f->s, 5, &k, &err), 0);
	assert_int_equal(k.n, 2);
	assert_string_equal(k.code[0], "H01");
	assert_int_equal(k.home[0], 1);
	assert_string_equal(k.code[1], "H02");
	assert_int_equal(k.home[1], 0);
	/* a row above the content rows has none */
	assert_int_equal(placement_kpis(f->s, 4, &k, &err), 0);
	assert_int_equal(k.n, 0);
	placement_kpis_one(&k, "SP1-1");
	assert_int_equal(k.n, 1);
	assert_string_equal(k.code[0], "SP1-1");
	assert_int_equal(k.home[0], 1);
}

/* No row's KPIs are cut at an array's end: a row of more than the pane
 * holds is refused, and the statuses under a node count every KPI. */
static void seventy_kpis_on_a_row_are_refused_or_counted_never_cut(void **state)
{
	struct testdb *f = *state;
	struct placement_kpis k;
	struct error err;
	int counts[STATUS_COUNT], i, n = 0, before = 0;

	assert_int_equal(tree_statuses(f->s, 4, 2025, counts, &err), 0);
	for (i = 0; i < STATUS_COUNT; i++)
		before += counts[i];
	exec(f->s, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 70)"
		   " INSERT INTO kpi(id, code, strategy_id, number, name)"
		   " SELECT 100 + i, printf('X%03d', i), 1, 100 + i, 'many' FROM n");
	exec(f->s, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 70)"
		   " INSERT INTO kpi_placement(kpi_id, placement_id, home, position)"
		   " SELECT 100 + i, 5, 1, 10 + i FROM n");
	assert_int_equal(placement_kpis(f->s, 5, &k, &err), -1);
	assert_int_equal(err.kind, ERROR_INVALID);
	assert_int_equal(tree_statuses(f->s, 4, 2025, counts, &err), 0);
	for (i = 0; i < STATUS_COUNT; i++)
		n += counts[i];
	assert_int_equal(n, before + 70);	/* the seventy counted too */
}

static void a_row_s_title_or_none(void **state)
{
	struct testdb *f = *state;
	struct error err;
	char title[256];

	assert_int_equal(placement_title(f->s, 3, title, sizeof title, &err), 1);
	assert_string_equal(title, "安心して子どもを産み育てられる環境の整備");
	assert_int_equal(placement_title(f->s, 99, title, sizeof title, &err), 0);
	assert_string_equal(title, "");
}

struct texts {
	char text[PROJECT_FIELDS][256];
	int what[PROJECT_FIELDS];
	int n;
};

static void take_grant(void *ctx, enum placement_text what, const char *text)
{
	struct texts *t = ctx;

	assert_true(t->n < PROJECT_FIELDS);
	t->what[t->n] = what;
	snprintf(t->text[t->n++], sizeof t->text[0], "%s", text);
}

static void grant_gives_menus_then_examples_not_empty_ones(void **state)
{
	struct testdb *f = *state;
	struct texts t = { .n = 0 };
	struct error err;

	exec(f->s, "INSERT INTO grant_menu(id, name) VALUES (2, '地域づくり総合交付金');"
		   "INSERT INTO placement_menu(placement_id, menu_id, position) VALUES (5, 2, 0);"
		   "UPDATE placement SET example = '保育所の整備', ai_example = '' WHERE id = 5");
	assert_int_equal(placement_grant(f->s, 5, take_grant, &t, &err), 0);
	assert_int_equal(t.n, 3);
	assert_int_equal(t.what[0], PLACEMENT_MENU);
	assert_string_equal(t.text[0], "地域づくり総合交付金");
	assert_int_equal(t.what[1], PLACEMENT_MENU);
	assert_string_equal(t.text[1], "社会福祉振興事業");
	assert_int_equal(t.what[2], PLACEMENT_EXAMPLE);
	assert_string_equal(t.text[2], "保育所の整備");
}

static void take_field(void *ctx, enum project_field field, const char *text)
{
	struct texts *t = ctx;

	assert_int_equal((int)field, t->n);
	assert_true(t->n < PROJECT_FIELDS);
	snprintf(t->text[t->n], sizeof t->text[0], "%s", text ? text : "(null)");
	t->n++;
}

static void a_project_gives_its_fields_in_order(void **state)
{
	struct testdb *f = *state;
	struct texts t = { .n = 0 };
	struct error err;

	assert_int_equal(placement_project(f->s, 1, take_field, &t, &err), 0);
	assert_int_equal(t.n, PROJECT_FIELDS);
	assert_string_equal(t.text[PROJECT_TITLE], "地域のデジタル改革によるスマートシティ推進事業");
	assert_string_equal(t.text[PROJECT_MUNICIPALITY], "札幌市");
	assert_string_equal(t.text[PROJECT_GRANT], "デジタル田園都市国家構想推進交付金");
	assert_string_equal(t.text[PROJECT_ADOPTED], "2022");
	assert_string_equal(t.text[PROJECT_NATIONAL_SHARE], "1/2");
	t.n = 0;
	assert_int_equal(placement_project(f->s, 9, take_field, &t, &err), 0);
	assert_int_equal(t.n, 0);
}

static void a_failing_read_says_so(void **state)
{
	struct testdb *f = *state;
	struct placement_kpis k;
	struct texts t = { .n = 0 };
	struct error err;
	char title[64];

	store_fail_step(1);
	assert_int_equal(placement_kpis(f->s, 5, &k, &err), -1);
	store_fail_step(1);
	assert_int_equal(placement_title(f->s, 5, title, sizeof title, &err), -1);
	store_fail_step(2);
	assert_int_equal(placement_grant(f->s, 5, take_grant, &t, &err), -1);
	store_fail_step(1);
	assert_int_equal(placement_project(f->s, 1, take_field, &t, &err), -1);
	store_fail_step(0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_row_lists_its_kpis_home_and_re_listed_in_order, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(seventy_kpis_on_a_row_are_refused_or_counted_never_cut,
						testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_row_s_title_or_none, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(grant_gives_menus_then_examples_not_empty_ones, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_project_gives_its_fields_in_order, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_failing_read_says_so, testdb_setup, testdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
