/* test_cli.c: each command's success and failure paths through cli_main,
 * on real database files: exit status, standard output, standard error,
 * and what the database holds afterwards. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "cli.h"
#include "browser.h"
#include "testdb.h"

struct run {
	int status;
	char out[8192];
	char err[4096];
};

static int browsed;

static int fake_browse(struct session *session, const struct browse_options *o, char *why,
		      size_t size)
{
	(void)session;
	(void)o;
	(void)why;
	(void)size;
	browsed++;
	return 0;
}

static void slurp(FILE *f, char *buf, size_t size)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
}

/* Runs kpitree with the words of line (split at spaces; "_" stands for
 * an empty slot that is skipped) plus extra arguments. */
static struct run *kpitree(const char *db, ...)
{
	static struct run r;
	char *argv[32];
	int argc = 0;
	FILE *out = tmpfile(), *err = tmpfile();
	va_list ap;
	const char *a;

	argv[argc++] = "kpitree";
	if (db) {
		argv[argc++] = "--db";
		argv[argc++] = (char *)db;
	}
	va_start(ap, db);
	while ((a = va_arg(ap, const char *)) != NULL)
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	r.status = cli_main(argc, argv, fake_browse, out, err);
	slurp(out, r.out, sizeof r.out);
	slurp(err, r.err, sizeof r.err);
	return &r;
}

struct fixture {
	char *path;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->path = testdb_path();
	store_close(testdb_create(f->path));
	setenv("KPITREE_USER", "tanaka", 1);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	testdb_remove(f->path);
	free(f);
	return 0;
}

static char *snapshot(const char *path)
{
	struct error err;
	struct store *s = store_open(path, STORE_READ_ONLY, &err);
	char *text;

	assert_non_null(s);
	text = testdb_snapshot(s);
	store_close(s);
	return text;
}

static void assert_unchanged(const char *path, char *before)
{
	char *after = snapshot(path);

	assert_string_equal(before, after);
	free(after);
	free(before);
}

static void version_and_help_exit_zero(void **state)
{
	struct run *r;

	(void)state;
	r = kpitree(NULL, "--version", NULL);
	assert_int_equal(r->status, 0);
	assert_string_equal(r->out, "kpitree " PACKAGE_VERSION "\n");
	r = kpitree(NULL, "--help", NULL);
	assert_int_equal(r->status, 0);
	assert_non_null(strstr(r->out, "Usage: kpitree [--db FILE] [--user NAME] [--read-only]"));
	assert_non_null(strstr(r->out, "set CODE FY VALUE [--plan] [--note TEXT] [--expect OLD]"));
	assert_string_equal(r->err, "");
}

static void unknown_command_and_option_are_usage_errors(void **state)
{
	struct run *r;

	(void)state;
	r = kpitree(NULL, "frobnicate", NULL);
	assert_int_equal(r->status, 2);
	assert_string_equal(r->err, "kpitree: no command 'frobnicate'\nTry 'kpitree --help'.\n");
	r = kpitree(NULL, "show", "H01", "--plan", NULL);
	assert_int_equal(r->status, 2);
	assert_string_equal(r->err, "kpitree: show has no option '--plan'\nTry 'kpitree --help'.\n");
	r = kpitree(NULL, "set", "H01", "R7", NULL);
	assert_int_equal(r->status, 2);
	assert_string_equal(r->err, "kpitree: usage: kpitree set CODE FY VALUE [--plan] [--note TEXT]"
			    " [--expect OLD] [--force]\nTry 'kpitree --help'.\n");
	r = kpitree(NULL, "--db", NULL);
	assert_int_equal(r->status, 2);
}

static void a_missing_db_file_names_init(void **state)
{
	struct run *r;

	(void)state;
	r = kpitree("/nonexistent/x.db", "show", "H01", NULL);
	assert_int_equal(r->status, 1);
	assert_string_equal(r->err, "kpitree: /nonexistent/x.db: no such database; create it with: "
			    "kpitree --db /nonexistent/x.db init\n");
}

static void init_creates_and_then_refuses_to_overwrite(void **state)
{
	char *path = testdb_path();
	char want[4200];
	struct run *r;

	(void)state;
	r = kpitree(path, "init", "--empty", NULL);
	assert_int_equal(r->status, 0);
	assert_int_equal(access(path, F_OK), 0);
	r = kpitree(path, "check", NULL);
	assert_int_equal(r->status, 0);
	assert_string_equal(r->out, "ok\n");
	r = kpitree(path, "init", NULL);
	assert_int_equal(r->status, 1);
	snprintf(want, sizeof want, "kpitree: %s: already exists\n", path);
	assert_string_equal(r->err, want);
	testdb_remove(path);
}

static void the_default_database_is_created_on_first_use(void **state)
{
	char *dir = testdb_path();
	char db[4200];
	struct run *r;

	(void)state;
	unsetenv("KPITREE_DB");
	setenv("XDG_DATA_HOME", dir, 1);
	r = kpitree(NULL, "check", NULL);
	assert_int_equal(r->status, 0);
	snprintf(db, sizeof db, "%s/kpitree/kpitree.db", dir);
	assert_int_equal(access(db, F_OK), 0);
	r = kpitree(NULL, NULL);
	assert_int_equal(r->status, 0);
	assert_int_equal(browsed, 1);
	store_remove(db);
	snprintf(db, sizeof db, "%s/kpitree", dir);
	rmdir(db);
	rmdir(dir);
	free(dir);
	unsetenv("XDG_DATA_HOME");
}

static void kpitree_db_environment_names_the_database(void **state)
{
	struct fixture *f = *state;
	struct run *r;

	setenv("KPITREE_DB", f->path, 1);
	r = kpitree(NULL, "show", "H01", NULL);
	unsetenv("KPITREE_DB");
	assert_int_equal(r->status, 0);
	assert_non_null(strstr(r->out, "H01  保育所等入所待機児童数\n"));
}

static void set_records_value_and_history(void **state)
{
	struct fixture *f = *state;
	struct run *r;

	r = kpitree(f->path, "set", "H01", "令和７年度", "１２", "--note", "速報値", NULL);
	assert_int_equal(r->status, 0);
	assert_string_equal(r->out, "H01 R7 (2025) actual: 12\n");
	assert_string_equal(r->err, "");
	r = kpitree(f->path, "history", "H01", NULL);
	assert_int_equal(r->status, 0);
	/* when, in local time as the interface writes it: 2026-11-23 15:18:02 */
	assert_int_equal(strspn(r->out, "0123456789-: "), 21);
	assert_true(r->out[4] == '-' && r->out[10] == ' ' && r->out[13] == ':');
	assert_string_equal(r->out + 19, "  tanaka  R7 (2025) actual  - -> 12  (set)\n"
			    "    note: - -> 速報値\n");
	r = kpitree(f->path, "--user", "sato", "set", "H01", "2025", "12", "--note", "速報値", NULL);
	assert_string_equal(r->out, "H01 R7 (2025) actual: 12 (unchanged)\n");
}

static void show_states_baseline_target_table_and_status(void **state)
{
	struct fixture *f = *state;
	struct run *r;

	r = kpitree(f->path, "set", "H01", "R7", "12", NULL);
	assert_int_equal(r->status, 0);
	r = kpitree(f->path, "show", "H01", NULL);
	assert_int_equal(r->status, 0);
	assert_string_equal(r->out,
		"H01  保育所等入所待機児童数\n"
		"baseline   28人 (R6)\n"
		"target     0人 (R7)\n"
		"direction  down\n"
		"\n"
		"FY               plan     actual  progress  status\n"
		"R6 (2024)           -          -         -  no data\n"
		"R7 (2025)           -         12       57%  behind\n"
		"\n"
		"at R7 (2025): 57% behind\n"
		"proposed rank: C 遅れ(基準値より改善)\n");
	r = kpitree(f->path, "show", "SP1-1", "--year", "R4", NULL);
	assert_int_equal(r->status, 0);
	assert_non_null(strstr(r->out, "R4 (2022)          10          0        0%  behind\n"));
	assert_non_null(strstr(r->out, "at R4 (2022): 0% behind\n"));
}

/* The example: H01 28人 (R6) → 0人 (R7) is C with 12 for R7
 * (behind, better than the baseline), A with 0, D with 30 (worse). */
static void proposed_rank_of_h01_follows_its_actual(void **state)
{
	static const struct {
		const char *actual, *line;
	} cases[] = {
		{ "12", "proposed rank: C 遅れ(基準値より改善)\n" },
		{ "0", "proposed rank: A 達成\n" },
		{ "30", "proposed rank: D 基準値から改善なし\n" },
		{ "28", "proposed rank: D 基準値から改善なし\n" },
		{ "-", "proposed rank: none (no data)\n" },
	};
	struct fixture *f = *state;
	struct run *r;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* 30 is on the wrong side of the baseline: stored with --force */
		r = kpitree(f->path, "set", "H01", "R7", cases[i].actual, "--force", NULL);
		assert_int_equal(r->status, 0);
		r = kpitree(f->path, "show", "H01", "--year", "R7", NULL);
		assert_int_equal(r->status, 0);
		assert_non_null(strstr(r->out, cases[i].line));
	}
}

static void set_refuses_bad_number_year_and_code_writing_nothing(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f->path);
	struct run *r;

	r = kpitree(f->path, "set", "H01", "R7", "abc", NULL);
	assert_int_equal(r->status, 1);
	assert_string_equal(r->err, "kpitree: value: not a number: 'abc'\n");
	r = kpitree(f->path, "set", "H01", "R77x", "12", NULL);
	assert_int_equal(r->status, 1);
	assert_string_equal(r->err, "kpitree: not a fiscal year: 'R77x'\n");
	r = kpitree(f->path, "set", "H99", "R7", "12", NULL);
	assert_int_equal(r->status, 1);
	assert_string_equal(r->err, "kpitree: no KPI with code 'H99'; the nearest is H02\n");
	assert_string_equal(r->out, "");
	assert_unchanged(f->path, before);
}

static void stale_expect_exits_1_and_changes_nothing(void **state)
{
	struct fixture *f = *state;
	struct run *r;
	char *before;

	r = kpitree(f->path, "--user", "sato", "set", "H01", "R7", "15", NULL);
	assert_int_equal(r->status, 0);
	before = snapshot(f->path);
	r = kpitree(f->path, "set", "H01", "R7", "12", "--expect", "-", NULL);
	assert_int_equal(r->status, 1);
	assert_non_null(strstr(r->err, "kpitree: H01 R7 (2025): the stored actual is 15 (entered by sato at "));
	assert_non_null(strstr(r->err, "), where none was expected\n"));
	assert_unchanged(f->path, before);
	r = kpitree(f->path, "set", "H01", "R7", "12", "--expect", "15", NULL);
	assert_int_equal(r->status, 0);
}

static void dash_clears_and_negative_numbers_are_values(void **state)
{
	struct fixture *f = *state;
	struct run *r;

	/* -3 is read as a number, and refused by the rule: a count of 人 is
	 * never negative */
	r = kpitree(f->path, "set", "SP1-1", "R4", "-3", "--plan", NULL);
	assert_int_equal(r->status, 1);
	assert_string_equal(r->err,
			    "kpitree: SP1-1 R4 (2022): -3: this KPI's values are never negative\n");
	r = kpitree(f->path, "set", "SP1-1", "R4", "-", "--plan", NULL);
	assert_int_equal(r->status, 0);
	assert_string_equal(r->out, "SP1-1 R4 (2022) plan: -\n");
	r = kpitree(f->path, "history", "SP1-1", NULL);
	assert_null(strstr(r->out, "-> -3"));
	assert_non_null(strstr(r->out, "R4 (2022) plan  10 -> -  (set)\n"));
}

static void read_only_refuses_set(void **state)
{
	struct fixture *f = *state;
	char *before = snapshot(f->path);
	char want[4200];
	struct run *r;

	r = kpitree(f->path, "--read-only", "set", "H01", "R7", "1", NULL);
	assert_int_equal(r->status, 1);
	snprintf(want, sizeof want, "kpitree: %s: not changed: the database is open read-only"
		 " (--read-only)\n", f->path);
	assert_string_equal(r->err, want);
	r = kpitree(f->path, "--read-only", "show", "H01", NULL);
	assert_int_equal(r->status, 0);
	assert_unchanged(f->path, before);
}

static void check_reports_problems_and_exits_1(void **state)
{
	struct fixture *f = *state;
	struct error err;
	struct store *s = store_open(f->path, STORE_READ_WRITE, &err);
	char want[4200];
	struct run *r;

	assert_int_equal(store_exec(s, "DELETE FROM kpi_placement WHERE kpi_id = 2", &err), 0);
	store_close(s);
	r = kpitree(f->path, "check", NULL);
	assert_int_equal(r->status, 1);
	assert_string_equal(r->out, "kpi H02: a strategy KPI without a home row\n");
	snprintf(want, sizeof want, "kpitree: %s: 1 problem found\n", f->path);
	assert_string_equal(r->err, want);
}

static void backup_writes_a_copy_that_passes_check(void **state)
{
	struct fixture *f = *state;
	char *copy = testdb_path();
	struct run *r;

	r = kpitree(f->path, "backup", copy, NULL);
	assert_int_equal(r->status, 0);
	r = kpitree(copy, "check", NULL);
	assert_int_equal(r->status, 0);
	r = kpitree(copy, "show", "SP1-1", NULL);
	assert_int_equal(r->status, 0);
	testdb_remove(copy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(version_and_help_exit_zero),
		cmocka_unit_test(unknown_command_and_option_are_usage_errors),
		cmocka_unit_test(a_missing_db_file_names_init),
		cmocka_unit_test(init_creates_and_then_refuses_to_overwrite),
		cmocka_unit_test(the_default_database_is_created_on_first_use),
		cmocka_unit_test_setup_teardown(kpitree_db_environment_names_the_database, setup, teardown),
		cmocka_unit_test_setup_teardown(set_records_value_and_history, setup, teardown),
		cmocka_unit_test_setup_teardown(show_states_baseline_target_table_and_status, setup, teardown),
		cmocka_unit_test_setup_teardown(proposed_rank_of_h01_follows_its_actual, setup, teardown),
		cmocka_unit_test_setup_teardown(set_refuses_bad_number_year_and_code_writing_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(stale_expect_exits_1_and_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(dash_clears_and_negative_numbers_are_values, setup, teardown),
		cmocka_unit_test_setup_teardown(read_only_refuses_set, setup, teardown),
		cmocka_unit_test_setup_teardown(check_reports_problems_and_exits_1, setup, teardown),
		cmocka_unit_test_setup_teardown(backup_writes_a_copy_that_passes_check, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
