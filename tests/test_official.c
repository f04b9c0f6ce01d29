/* test_official.c: the official at the keyboard as an interface sees
 * them: a refusal by role or scope (and its line in the log), what is
 * due, walked in code order round and round, none for a viewer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "access.h"
#include "session.h"
#include "due.h"
#include "official.h"
#include "testdb.h"

static void session(struct session *cli, struct testdb *f, enum access_role role, const char *scope)
{
	struct error err;

	memset(cli, 0, sizeof *cli);
	cli->store = f->s;
	snprintf(cli->db_path, sizeof cli->db_path, "%s", f->path);
	snprintf(cli->identity.name, sizeof cli->identity.name, "tanaka");
	cli->identity.role = role;
	cli->identity.enforced = 1;
	if (scope) {
		cli->identity.nscopes = 1;
		assert_int_equal(access_scope_parse(scope, &cli->identity.scopes[0], &err), 0);
	}
}

static void an_editor_is_refused_outside_its_scope_and_the_refusal_logged(void **state)
{
	struct testdb *f = *state;
	struct session cli;
	char why[1200];

	session(&cli, f, ROLE_EDITOR, "project:SP1");
	assert_null(official_refusal(&cli, ACCESS_EDIT, "SP1-1", why, sizeof why));
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM audit"), 0);
	assert_non_null(official_refusal(&cli, ACCESS_EDIT, "H01", why, sizeof why));
	assert_true(*why);
	/* logged in the database's audit log, which takes it */
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM audit WHERE event = 'refused'"
				    " AND what LIKE '%H01%'"), 1);
	/* an unknown code: refused with why */
	assert_non_null(official_refusal(&cli, ACCESS_EDIT, "X99", why, sizeof why));
	/* which is not a refusal of the official: nothing more logged */
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM audit"), 1);
}

static void a_viewer_owes_nothing(void **state)
{
	struct testdb *f = *state;
	struct official_due d = { 0 };
	struct session cli;

	session(&cli, f, ROLE_VIEWER, NULL);
	assert_int_equal(official_due_load(&d, &cli), 0);
	assert_int_equal(d.n, 0);
	assert_null(official_due_next(&d));
	official_due_free(&d);
}

static void count(void *ctx, const struct access_kpi *k)
{
	(void)k;
	(*(int *)ctx)++;
}

static void an_editor_owes_what_due_lists(void **state)
{
	struct testdb *f = *state;
	struct official_due d = { 0 };
	struct error err;
	struct session cli;
	int n = 0;

	session(&cli, f, ROLE_EDITOR, NULL);
	assert_int_equal(official_due_load(&d, &cli), 0);
	assert_int_equal(d.year, due_year());
	assert_true(due_each(f->s, &cli.identity, d.year, count, &n, &err) >= 0);
	assert_int_equal(d.n, n);
	official_due_free(&d);
}

static void the_walk_goes_in_code_order_round_and_keeps_its_place(void **state)
{
	char codes[3][32] = { "H01", "H02", "SP1-1" };
	/* the list is read-only to the walk; the test changes it as a commit would */
	struct official_due d = { .year = 2025, .codes = (const char (*)[32])codes, .n = 3 };

	(void)state;
	assert_string_equal(official_due_next(&d), "H01");
	assert_int_equal(d.at, 1);
	assert_string_equal(official_due_next(&d), "H02");
	/* H02 entered meanwhile: gone from the list, the walk goes on after it */
	memmove(codes[1], codes[2], sizeof codes[1]);
	d.n = 2;
	assert_string_equal(official_due_next(&d), "SP1-1");
	assert_int_equal(d.at, 2);
	assert_string_equal(official_due_next(&d), "H01");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(an_editor_is_refused_outside_its_scope_and_the_refusal_logged, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_viewer_owes_nothing, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(an_editor_owes_what_due_lists, testdb_setup, testdb_teardown),
		cmocka_unit_test(the_walk_goes_in_code_order_round_and_keeps_its_place),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
