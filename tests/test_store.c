/* test_store.c: opening, creating, migrating, checking and backing up
 * real SQLite files through the store. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "csv_import.h"
#include "iso_time.h"
#include "schema.h"
#include "store.h"
#include "testdb.h"
#include "values.h"
#include "tree.h"

static const char *text_query(struct store *s, const char *sql, char *buf, size_t size)
{
	sqlite3_stmt *stmt;

	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	snprintf(buf, size, "%s", (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return buf;
}

static void store_create_sets_wal_foreign_keys_and_version(void **state)
{
	char *path = testdb_path();
	struct error err;
	struct store *s = store_open(path, STORE_CREATE, &err);
	char mode[32];

	(void)state;
	assert_non_null(s);
	assert_string_equal(text_query(s, "PRAGMA journal_mode", mode, sizeof mode), "wal");
	assert_int_equal(testdb_int(s, "PRAGMA foreign_keys"), 1);
	assert_int_equal(testdb_int(s, "PRAGMA user_version"), schema_version);
	/* the wait is the store's own handler (a_writer_waits_says_so_and_gives_up),
	 * not SQLite's busy_timeout, which then reads 0 */
	assert_int_equal(s->busy_timeout_ms, STORE_BUSY_TIMEOUT_MS);
	store_close(s);
	testdb_remove(path);
}

static void store_open_refuses_missing_file_naming_init(void **state)
{
	struct error err;

	(void)state;
	assert_null(store_open("/nonexistent/k.db", STORE_READ_WRITE, &err));
	assert_string_equal(err.text, "/nonexistent/k.db: no such database; create it with: "
			    "kpitree --db /nonexistent/k.db init");
}

static void store_create_refuses_existing_file(void **state)
{
	char *path = testdb_path();
	struct error err;
	struct store *s = testdb_create(path);
	char want[4200];

	(void)state;
	store_close(s);
	assert_null(store_open(path, STORE_CREATE, &err));
	snprintf(want, sizeof want, "%s: already exists", path);
	assert_string_equal(err.text, want);
	testdb_remove(path);
}

static void store_open_refuses_a_file_that_is_not_sqlite(void **state)
{
	char *path = testdb_path();
	FILE *f = fopen(path, "w");
	struct error err;
	char want[4200];

	(void)state;
	fputs("code,fiscal_year\n", f);
	fclose(f);
	assert_null(store_open(path, STORE_READ_WRITE, &err));
	snprintf(want, sizeof want, "%s: not a kpitree database (not an SQLite file)", path);
	assert_string_equal(err.text, want);
	testdb_remove(path);
}

static void store_refuses_a_database_from_a_newer_kpitree(void **state)
{
	char *path = testdb_path();
	struct store *s = testdb_create(path);
	struct error err;
	char want[4200];

	(void)state;
	assert_int_equal(store_exec(s, "PRAGMA user_version = 999", &err), 0);
	store_close(s);
	assert_null(store_open(path, STORE_READ_WRITE, &err));
	snprintf(want, sizeof want, "%s: made by a newer kpitree (schema 999; this one knows %d)",
		 path, schema_version);
	assert_string_equal(err.text, want);
	testdb_remove(path);
}

/* The bytes of the file at path, or NULL if there is none; free it. */
static char *file_bytes(const char *path, long *size)
{
	FILE *f = fopen(path, "rb");
	char *data;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	*size = ftell(f);
	rewind(f);
	data = malloc((size_t)*size + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)*size, f), (size_t)*size);
	fclose(f);
	return data;
}

/* Opens path (read-write and read-only) expecting err_suffix after the
 * path, and asserts that the file is as it was: no byte changed, no -wal
 * or -shm made. */
static void assert_refused_untouched(const char *path, const char *err_suffix)
{
	static const enum store_mode modes[] = { STORE_READ_WRITE, STORE_READ_ONLY };
	char want[4200], wal[4200], shm[4200];
	struct error err;
	long before_size, after_size;
	char *before = file_bytes(path, &before_size), *after;
	size_t i;

	assert_non_null(before);
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(shm, sizeof shm, "%s-shm", path);
	snprintf(want, sizeof want, "%s: %s", path, err_suffix);
	for (i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		assert_null(store_open(path, modes[i], &err));
		assert_string_equal(err.text, want);
		after = file_bytes(path, &after_size);
		assert_non_null(after);
		assert_int_equal(after_size, before_size);
		assert_memory_equal(after, before, (size_t)before_size);
		free(after);
		assert_int_not_equal(access(wal, F_OK), 0);
		assert_int_not_equal(access(shm, F_OK), 0);
	}
	free(before);
}

static const char no_schema[] =
	"not a kpitree database (no schema: an empty file, or an init that did not finish)";

/* An empty file, or an SQLite file without kpitree's schema (what an init
 * killed before it finished left), is refused and nothing is written to
 * it: kpitree check names it instead of calling it ok. */
static void store_refuses_a_file_without_schema_and_writes_nothing(void **state)
{
	char *path = testdb_path();
	sqlite3 *db;
	FILE *f;

	(void)state;
	f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	assert_refused_untouched(path, no_schema);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 0; CREATE TABLE t(x)", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	assert_refused_untouched(path, no_schema);
	testdb_remove(path);
}

/* A newer kpitree's database in rollback-journal mode is refused as it is,
 * not first switched to WAL. */
static void store_refuses_a_newer_database_without_switching_it_to_wal(void **state)
{
	char *path = testdb_path();
	sqlite3 *db;
	char sql[128], want[128];

	(void)state;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA journal_mode = DELETE; PRAGMA user_version = %d;"
		 " CREATE TABLE t(x)", schema_version + 1);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	snprintf(want, sizeof want, "made by a newer kpitree (schema %d; this one knows %d)",
		 schema_version + 1, schema_version);
	assert_refused_untouched(path, want);
	testdb_remove(path);
}

/* A time is taken only if it is one: 2025-13-45T99:99:99Z is refused, not
 * carried into 2026. */
static void iso_time_parse_refuses_a_time_that_is_none(void **state)
{
	static const char *const refused[] = {
		"2025-13-45T99:99:99Z", "2025-02-29T00:00:00Z", "2025-04-31T00:00:00Z",
		"2025-04-01T24:00:00Z", "2025-04-01T09:60:00Z", "2025-00-01T00:00:00Z",
		"2025-04-01T09:00:00", "2025-04-01T09:00:00Z ", "2025-4-01T09:00:00Z",
	};
	time_t t;
	size_t i;

	(void)state;
	assert_int_equal(iso_time_parse("2024-02-29T23:59:59Z", &t), 0);
	assert_int_equal((long long)t, 1709251199LL);
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++)
		assert_int_equal(iso_time_parse(refused[i], &t), -1);
}

/* iso_time_parse reads a time by hand: it takes what timegm takes and
 * gives the same second, every day of the years 1601 to 2400 (a leap
 * century and three that are not, at both ends of each day), and 0000
 * and 9999; what timegm would carry into another day it refuses. */
static void iso_time_parse_agrees_with_timegm(void **state)
{
	static const int month_days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	static const int years[] = { 0, 1, 1600, 9999 };
	char iso[32];
	int y, m, d, k;
	time_t t;

	(void)state;
	for (y = 1601; y <= 2400; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= month_days[m - 1]; d++)
				for (k = 0; k < 2; k++) {
					struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d,
							 .tm_hour = 23 * k, .tm_min = 59 * k, .tm_sec = 59 * k };
					struct tm back = tm;
					time_t want = timegm(&back);
					int real = back.tm_mday == d && back.tm_mon == m - 1;

					snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
						 23 * k, 59 * k, 59 * k);
					assert_int_equal(iso_time_parse(iso, &t), real ? 0 : -1);
					if (real)
						assert_true(t == want);
				}
	for (k = 0; k < 4; k++) {
		struct tm tm = { .tm_year = years[k] - 1900, .tm_mon = 2, .tm_mday = 1, .tm_hour = 12 };

		snprintf(iso, sizeof iso, "%04d-03-01T12:00:00Z", years[k]);
		assert_int_equal(iso_time_parse(iso, &t), 0);
		assert_true(t == timegm(&tm));
	}
}

/* store_create makes the file appear at its path only once complete:
 * while fill runs, the path does not exist; when fill fails, nothing is
 * left, not even the temporary file. */
static int fill_looks(struct store *s, void *ctx, struct error *err)
{
	const char *path = ctx;

	assert_int_not_equal(access(path, F_OK), 0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM sqlite_master WHERE name = 'kpi'"), 1);
	return store_exec(s, "INSERT INTO setting(key, value) VALUES ('filled', 'yes')", err);
}

static int fill_fails(struct store *s, void *ctx, struct error *err)
{
	(void)s;
	(void)ctx;
	return error_set(err, "fill failed");
}

static void store_create_names_the_file_only_when_complete(void **state)
{
	char *path = testdb_path();
	char tmp[4200];
	struct error err;
	struct store *s;

	(void)state;
	s = store_create(path, fill_looks, path, &err);
	assert_non_null(s);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM setting WHERE key = 'filled'"), 1);
	store_close(s);
	testdb_remove(path);
	path = testdb_path();
	assert_null(store_create(path, fill_fails, NULL, &err));
	assert_string_equal(err.text, "fill failed");
	snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
	assert_int_not_equal(access(path, F_OK), 0);
	assert_int_not_equal(access(tmp, F_OK), 0);
	free(path);
}

/* A database of each earlier version, with values and history, is
 * migrated on open to the same values and history, which then take
 * changes as before. */
static void store_migrates_values_and_history_of_each_version(void **state)
{
	int version;

	(void)state;
	for (version = 1; version < schema_version; version++) {
		char *path = testdb_path(), *before, *after;
		struct value_change c = {
			.kpi_id = 1, .fiscal_year = 2025, .kind = VALUE_ACTUAL, .value = 7,
			.user = "tanaka", .source = "set",
		};
		struct error err;
		struct store *s;
		sqlite3 *db;

		testdb_create_at(path, version);
		assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
		before = testdb_snapshot_db(db);
		sqlite3_close(db);
		assert_true(strlen(before) > 100);

		s = store_open(path, STORE_READ_WRITE, &err);
		assert_non_null(s);
		assert_int_equal(testdb_int(s, "PRAGMA user_version"), schema_version);
		after = testdb_snapshot(s);
		assert_string_equal(after, before);
		testdb_check_ok(s);
		assert_int_equal(values_set(s, &c, &err), VALUES_CHANGED);
		assert_int_equal(testdb_int(s, "SELECT count(*) FROM history WHERE kpi_id = 1"
				   " AND new_value = 7 AND id = (SELECT max(id) FROM history)"), 1);
		testdb_check_ok(s);
		free(before);
		free(after);
		store_close(s);
		testdb_remove(path);
	}
}

/* A KPI's baseline_kind and target_kind take 0, 1 and 2 and nothing
 * else, in a new database and in one of version 16 migrated (version 17
 * wrote their checks without a list of three), whose kpi table is then
 * the new one's, and which passes check. */
static void store_kpi_kinds_checked_as_before(void **state)
{
	static const char *const good[] = { "0", "1", "2", "'2'", "2.0" };
	static const char *const bad[] = { "3", "-1", "1.5", "'x'", "NULL" };
	char *paths[2] = { testdb_path(), testdb_path() }, *kpi_sql[2];
	struct store *s[2];
	struct error err;
	size_t i, k;

	(void)state;
	s[0] = testdb_create(paths[0]);
	testdb_create_at(paths[1], 16);
	s[1] = store_open(paths[1], STORE_READ_WRITE, &err);
	assert_non_null(s[1]);
	for (i = 0; i < 2; i++) {
		sqlite3_stmt *stmt;

		for (k = 0; k < 2 * (sizeof good / sizeof *good); k++) {
			char sql[128];

			snprintf(sql, sizeof sql, "UPDATE kpi SET %s = %s WHERE id = 1",
				 k % 2 ? "target_kind" : "baseline_kind", good[k / 2]);
			assert_int_equal(store_exec(s[i], sql, &err), 0);
		}
		for (k = 0; k < 2 * (sizeof bad / sizeof *bad); k++) {
			char sql[128];

			snprintf(sql, sizeof sql, "UPDATE kpi SET %s = %s WHERE id = 1",
				 k % 2 ? "target_kind" : "baseline_kind", bad[k / 2]);
			assert_int_equal(store_exec(s[i], sql, &err), -1);
		}
		assert_int_equal(testdb_int(s[i], "SELECT baseline_kind + target_kind FROM kpi"
					   " WHERE id = 1"), 4);
		testdb_check_ok(s[i]);
		stmt = store_prepare(s[i], "SELECT sql FROM sqlite_master WHERE name = 'kpi'", &err);
		assert_non_null(stmt);
		assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
		kpi_sql[i] = strdup((const char *)sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	assert_string_equal(kpi_sql[1], kpi_sql[0]);
	assert_null(strstr(kpi_sql[0], "IN (0, 1, 2)"));
	for (i = 0; i < 2; i++) {
		free(kpi_sql[i]);
		store_close(s[i]);
		testdb_remove(paths[i]);
	}
}

static void store_read_only_refuses_writes(void **state)
{
	char *path = testdb_path();
	struct store *s = testdb_create(path);
	struct error err;
	char want[4200];

	(void)state;
	store_close(s);
	s = store_open(path, STORE_READ_ONLY, &err);
	assert_non_null(s);
	assert_int_equal(store_begin(s, &err), -1);
	snprintf(want, sizeof want, "%s: the database is open read-only", path);
	assert_string_equal(err.text, want);
	assert_int_not_equal(store_exec(s, "DELETE FROM kpi", &err), 0);
	store_close(s);
	testdb_remove(path);
}

static void count_problem(void *ctx, const char *problem)
{
	(void)problem;
	(*(int *)ctx)++;
}

static void keep_problem(void *ctx, const char *problem)
{
	snprintf(ctx, 512, "%s", problem);
}

static void store_check_passes_the_fixture(void **state)
{
	char *path = testdb_path();
	struct store *s = testdb_create(path);
	struct error err;
	int n = 0;

	(void)state;
	assert_int_equal(store_check(s, count_problem, &n, &err), 0);
	assert_int_equal(n, 0);
	store_close(s);
	testdb_remove(path);
}

static void store_check_finds_a_kpi_without_home_row(void **state)
{
	char *path = testdb_path();
	struct store *s = testdb_create(path);
	struct error err;
	char problem[512] = "";

	(void)state;
	assert_int_equal(store_exec(s, "DELETE FROM kpi_placement WHERE kpi_id = 1", &err), 0);
	assert_int_equal(store_check(s, keep_problem, problem, &err), 1);
	assert_string_equal(problem, "kpi H01: a strategy KPI without a home row");
	store_close(s);
	testdb_remove(path);
}

static void store_check_finds_a_value_without_history(void **state)
{
	char *path = testdb_path();
	struct store *s = testdb_create(path);
	struct error err;
	char problem[512] = "";

	(void)state;
	assert_int_equal(store_exec(s, "UPDATE value SET value = 7 WHERE kpi_id = 3 AND kind = 'plan'",
				    &err), 0);
	assert_int_equal(store_check(s, keep_problem, problem, &err), 1);
	assert_string_equal(problem, "value SP1-1 2022 plan: no history row records it");
	store_close(s);
	testdb_remove(path);
}

static void store_check_finds_a_setting_out_of_place(void **state)
{
	char *path = testdb_path();
	struct store *s = testdb_create(path);
	struct error err;
	char problem[512] = "";
	int i;

	(void)state;
	/* A value whose setting has an id never given out. */
	assert_int_equal(store_exec(s, "INSERT INTO value_row(kpi_id, fiscal_year, kind, value,"
				    " entry_id, set_id, set_change) VALUES (1, 2030, 1, 5,"
				    " (SELECT min(id) FROM entry), (SELECT last + 1 FROM history_seq),"
				    " (SELECT min(id) FROM change))", &err), 0);
	assert_int_equal(store_check(s, keep_problem, problem, &err), 1);
	assert_string_equal(problem, "value H01 2030 plan: its setting (history id 3) is past the"
			    " last history id");
	/* Given out, but with history after it: one row, then two, the
	 * value named once (history_row's pass finds them). */
	assert_int_equal(store_exec(s, "UPDATE history_seq SET last = last + 1", &err), 0);
	for (i = 0; i < 2; i++) {
		assert_int_equal(store_exec(s, "UPDATE history_seq SET last = last + 1;"
					    " INSERT INTO history_row(kpi_id, id, fiscal_year, kind,"
					    " old_value, new_value, change_id) SELECT 1, last, 2030, 1, 5, 5,"
					    " (SELECT min(id) FROM change) FROM history_seq", &err), 0);
		assert_int_equal(store_check(s, keep_problem, problem, &err), 1);
		assert_string_equal(problem, "value H01 2030 plan: its setting (history id 3) has"
				    " history rows after it");
	}
	store_close(s);
	testdb_remove(path);
}

static void store_check_finds_a_level_skipped(void **state)
{
	char *path = testdb_path();
	struct store *s = testdb_create(path);
	struct error err;
	char problem[512] = "";

	(void)state;
	assert_int_equal(store_exec(s, "UPDATE placement SET parent_id = 3 WHERE id = 5", &err), 0);
	assert_int_equal(store_check(s, keep_problem, problem, &err), 1);
	assert_string_equal(problem, "placement 5: a level 5 node under a level 3 node");
	store_close(s);
	testdb_remove(path);
}

/* Each rule of kpitree check, its invariant broken in the fixture (past
 * the triggers and foreign keys that keep it, where they would): the
 * lines it must report, in the order the check reports them; quick when
 * check --quick must report them too. */
static const struct {
	int quick;
	const char *sql;
	const char *lines;
} broken[] = {
	{ 1, "INSERT INTO setting(key, value) VALUES ('search_pending_after', '17')",
	  "search index: the rows after 17 were never indexed\n" },
	{ 1, "INSERT INTO relisting_waiting(placement_id, position, strategy_id, code, name, line,"
	  " col) VALUES (5, 2, 1, 'X', 'x', 1, 1)",
	  "import: 1 re-listings left waiting in relisting_waiting\n" },
	{ 1, "DROP TRIGGER history_seq_no_insert; INSERT INTO history_seq(last) VALUES (2)",
	  "history: history_seq holds 2 rows, not one\n" },
	/* no last history id: a value without a setting is still looked at */
	{ 1, "DROP TRIGGER history_seq_no_delete; DELETE FROM history_seq",
	  "history: history_seq holds 0 rows, not one\n" },
	{ 0, "DROP TRIGGER history_seq_no_delete; DELETE FROM history_seq;"
	  " INSERT INTO value_row(kpi_id, fiscal_year, kind, value, entry_id) VALUES (3, 2023, 0, 1, 1)",
	  "history: history_seq holds 0 rows, not one\nvalue SP1-1 2023 actual: no history row records it\n" },
	{ 0, "INSERT INTO placement_menu(placement_id, menu_id, position) VALUES (5, 9, 2)",
	  "foreign key: placement_menu row 3 refers to a missing grant_menu\n" },
	{ 0, "INSERT INTO value_row(kpi_id, fiscal_year, kind, value, entry_id)"
	  " VALUES (99, 2022, 0, 1, 1)",
	  "foreign key: value_row row (99, 2022, 0) refers to a missing kpi\n" },
	{ 0, "INSERT INTO value_row(kpi_id, fiscal_year, kind, value, entry_id, set_id, set_change)"
	  " VALUES (3, 2023, 0, 1, 9, 2, 1)",
	  "foreign key: value_row row (3, 2023, 0) refers to a missing entry\n" },
	{ 0, "INSERT INTO value_row(kpi_id, fiscal_year, kind, value, entry_id, set_id, set_change)"
	  " VALUES (3, 2023, 0, 1, 1, 2, 9)",
	  "foreign key: value_row row (3, 2023, 0) refers to a missing change\n" },
	{ 0, "INSERT INTO value_row(kpi_id, fiscal_year, kind, value, entry_id, set_id, set_change)"
	  " VALUES (3, 2023, 0, 1, 1, 2, NULL)",
	  "foreign key: value_row row (3, 2023, 0) refers to a missing change\n" },
	/* columns no index begins with, and a placement under none */
	{ 0, "UPDATE placement SET field_id = 9 WHERE id = 5; UPDATE kpi SET field_id = 9 WHERE id = 2",
	  "foreign key: kpi row 2 refers to a missing field\n"
	  "foreign key: placement row 5 refers to a missing field\n" },
	{ 0, "INSERT INTO placement(id, node_id, parent_id, position) VALUES (7, 4, 99, 1)",
	  "foreign key: placement row 7 refers to a missing placement\n"
	  "placement 7: a level 4 node under a level 0 node\n" },
	{ 0, "INSERT INTO history_row(kpi_id, id, fiscal_year, kind, new_value, change_id)"
	  " VALUES (3, 3, 2023, 0, 5, 1); UPDATE history_seq SET last = 3",
	  "value SP1-1 2023 actual: history says 5.0 but no value is stored\n" },
	{ 0, "INSERT INTO history_row(kpi_id, id, fiscal_year, kind, old_value, change_id)"
	  " VALUES (99, 3, 2023, 0, 5, 1); UPDATE history_seq SET last = 3",
	  "foreign key: history_row row 3 refers to a missing kpi\n" },
	{ 0, "INSERT INTO history_row(kpi_id, id, fiscal_year, kind, old_value, change_id)"
	  " VALUES (3, 3, 2023, 0, 5, 9); UPDATE history_seq SET last = 3",
	  "foreign key: history_row row 3 refers to a missing change\n" },
	{ 0, "INSERT INTO strategy(id, name) VALUES (2, 'b');"
	  " INSERT INTO node(id, strategy_id, level, title) VALUES (7, 2, 5, 'x');"
	  " INSERT INTO placement(id, node_id, parent_id, position) VALUES (7, 7, 4, 3)",
	  "placement 7: under a placement of another strategy\n" },
	/* a level that is no integer passes the CHECK of 1 to 5 */
	{ 0, "UPDATE node SET level = 3.5 WHERE id = 3",
	  "placement 3: a level 3.5 node under a level 2 node\n"
	  "placement 4: a level 4 node under a level 3.5 node\n" },
	{ 0, "UPDATE placement SET parent_id = NULL WHERE id = 2",
	  "placement 2: a level 2 node under a level 0 node\n" },
	{ 0, "INSERT INTO kpi_placement(kpi_id, placement_id, home, position) VALUES (2, 4, 0, 2)",
	  "kpi H02: placed on a level 4 node, not a content row\n" },
	{ 0, "INSERT INTO kpi_placement(kpi_id, placement_id, home, position) VALUES (3, 5, 0, 2)",
	  "kpi SP1-1: a project KPI placed in a strategy tree\n" },
	{ 0, "UPDATE kpi SET baseline_to = 2020 WHERE id = 1; UPDATE kpi SET target_to = 2020 WHERE id = 2",
	  "kpi H01: baseline period ends before it starts\n"
	  "kpi H02: target period ends before it starts\n" },
	{ 0, "DROP TRIGGER node_unique; INSERT INTO node(id, strategy_id, level, label, title)"
	  " SELECT 7, strategy_id, level, label, title FROM node WHERE id = 5",
	  "node 7: the same as node 5\n" },
	{ 0, "DROP TRIGGER node_unique; INSERT INTO node(id, strategy_id, level, label, title)"
	  " SELECT id + 6, strategy_id, level, label, title FROM node",
	  "node 7: the same as node 1\nnode 8: the same as node 2\nnode 9: the same as node 3\n"
	  "node 10: the same as node 4\nnode 11: the same as node 5\nnode 12: the same as node 6\n" },
	/* ids too spread out for the tree's pass: the rule runs as a query */
	{ 0, "DROP TRIGGER node_unique; INSERT INTO node(id, strategy_id, level, label, title)"
	  " SELECT 1000000, strategy_id, level, label, title FROM node WHERE id = 3",
	  "node 1000000: the same as node 3\n" },
	{ 0, "UPDATE kpi SET baseline_to = 2020 WHERE id = 1; UPDATE kpi SET id = 1000000 WHERE id = 2",
	  "foreign key: kpi_placement row 2 refers to a missing kpi\n"
	  "kpi H01: baseline period ends before it starts\n"
	  "kpi H02: a strategy KPI without a home row\n" },
	/* an id that is no integer yet lies between the ids there: a cheap
	 * pass that proves a range must prove integers too */
	{ 0, "UPDATE placement SET node_id = 5.5 WHERE id = 5",
	  "foreign key: placement row 5 refers to a missing node\n" },
	{ 0, "UPDATE placement SET parent_id = 3.5 WHERE id = 4",
	  "foreign key: placement row 4 refers to a missing placement\n"
	  "placement 4: a level 4 node under a level 0 node\n" },
	{ 0, "UPDATE kpi_placement SET placement_id = 5.5 WHERE kpi_id = 1;"
	  " INSERT INTO kpi_placement(kpi_id, placement_id, home, position) VALUES (1, 5, 0, 2)",
	  "foreign key: kpi_placement row 1 refers to a missing placement\n" },
	{ 0, "DROP TRIGGER kpi_keeps_values; UPDATE kpi_placement SET kpi_id = 1.5 WHERE kpi_id = 1;"
	  " INSERT INTO kpi_placement(kpi_id, placement_id, home, position) VALUES (1, 5, 0, 2)",
	  "foreign key: kpi_placement row 1 refers to a missing kpi\n"
	  "kpi H01: a strategy KPI without a home row\n" },
	{ 0, "UPDATE placement_menu SET placement_id = 5.5 WHERE placement_id = 5;"
	  " INSERT INTO placement_menu(placement_id, menu_id, position) VALUES (5, 1, 2)",
	  "foreign key: placement_menu row 1 refers to a missing placement\n" },
	{ 0, "INSERT INTO value_row(kpi_id, fiscal_year, kind, value, entry_id, set_id, set_change)"
	  " VALUES (2.5, 2023, 0, 1, 1, 2, 1)",
	  "foreign key: value_row row (2.5, 2023, 0) refers to a missing kpi\n" },
	{ 0, "INSERT INTO change(id, who, at, source) VALUES (2, 'x', 'y', 'z');"
	  " INSERT INTO value_row(kpi_id, fiscal_year, kind, value, entry_id, set_id, set_change)"
	  " VALUES (3, 2023, 0, 1, 1, 2, 1.5)",
	  "foreign key: value_row row (3, 2023, 0) refers to a missing change\n" },
	{ 0, "DELETE FROM search_ref WHERE kind = 2 AND ref = 3;"
	  " INSERT INTO search_ref(kind, ref) VALUES (1, 5.5)",
	  "search index: node has 7 search rows for 6 rows\n"
	  "search index: kpi has 2 search rows for 3 rows\n" },
	{ 0, "DELETE FROM search_ref WHERE kind = 1 AND ref = 3;"
	  " INSERT INTO search_ref(kind, ref) VALUES (1.5, 3)",
	  "search index: node has 5 search rows for 6 rows\n" },
	/* a table WITHOUT ROWID names no row by its rowid */
	{ 0, "INSERT INTO value_flag(kpi_id, fiscal_year, entered_by, entered_at)"
	  " VALUES (9, 2024, 'x', 'y')",
	  "foreign key: a value_flag row refers to a missing kpi\n" },
	{ 0, "INSERT INTO project_year(project_id, fiscal_year, entered_by, entered_at)"
	  " VALUES (9, 2024, 'x', 'y')",
	  "foreign key: a project_year row refers to a missing project\n" },
	/* a key that no pass reads: its index's ends, and its types */
	{ 0, "INSERT INTO value_flag(kpi_id, fiscal_year, entered_by, entered_at)"
	  " VALUES (1, 2024, 'x', 'y'), (1.5, 2024, 'x', 'y'), (2, 2024, 'x', 'y')",
	  "foreign key: a value_flag row refers to a missing kpi\n" },
	/* a CHECK broken: the whole check's integrity check, on a second
	 * connection, finds it as the quick check does */
	{ 1, "PRAGMA ignore_check_constraints = ON; UPDATE node SET level = 261 WHERE id = 5;"
	  " PRAGMA ignore_check_constraints = OFF",
	  "CHECK constraint failed in node\n" },
	/* as many search rows as rows, but one of the wrong kind */
	{ 0, "UPDATE search_ref SET kind = 2 WHERE kind = 1 AND ref = 4",
	  "search index: node has 5 search rows for 6 rows\n"
	  "search index: kpi has 4 search rows for 3 rows\n" },
	{ 0, "DELETE FROM search_ref WHERE kind = 5",
	  "search index: project has 0 search rows for 1 rows\n"
	  "search index: 17 entries, for 16 search rows\n" },
	{ 0, "INSERT INTO search_ref(kind, ref) VALUES (6, 1)",
	  "search index: 17 entries, for 18 search rows\n" },
};

static void append_problem(void *ctx, const char *problem)
{
	size_t n = strlen(ctx);

	snprintf((char *)ctx + n, 1024 - n, "%s\n", problem);
}

static void store_check_finds_each_rule_broken(void **state)
{
	struct error err;
	size_t i;
	int quick;

	(void)state;
	for (i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		char *path = testdb_path();
		struct store *s = testdb_create(path);

		if (store_exec(s, "PRAGMA foreign_keys = OFF", &err) < 0 ||
		    store_exec(s, broken[i].sql, &err) < 0)
			fail_msg("%s: %s", broken[i].sql, err.text);
		for (quick = 0; quick <= broken[i].quick; quick++) {
			char problems[1024] = "";
			int lines = 0;
			const char *p;

			for (p = broken[i].lines; *p; p++)
				lines += *p == '\n';
			assert_int_equal(store_check_as(s, quick ? STORE_CHECK_QUICK : STORE_CHECK_FULL,
							append_problem, problems, &err), lines);
			assert_string_equal(problems, broken[i].lines);
		}
		store_close(s);
		testdb_remove(path);
	}
}

static void history_refuses_update_and_delete(void **state)
{
	char *path = testdb_path();
	struct store *s = testdb_create(path);
	struct error err;

	(void)state;
	assert_int_equal(store_exec(s, "UPDATE history SET new_value = 1", &err), -1);
	assert_non_null(strstr(err.text, "history is append-only"));
	assert_int_equal(store_exec(s, "DELETE FROM history", &err), -1);
	assert_non_null(strstr(err.text, "history is append-only"));
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM history"), 2);
	store_close(s);
	testdb_remove(path);
}

/* Japanese has no spaces: the trigram index finds substrings of three
 * characters or more. SQLite 3.40's trigram LIKE finds nothing for a
 * shorter pattern such as 移住, so two-character searches scan with instr;
 * this test pins both behaviours down. */
static void search_index_finds_japanese_substrings_and_follows_updates(void **state)
{
	char *path = testdb_path();
	struct store *s = testdb_create(path);
	struct error err;

	(void)state;
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM search WHERE search MATCH '子育て'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM search WHERE search MATCH '待機児童'"), 3);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM search WHERE instr(text, '移住') > 0"), 0);
	assert_int_equal(store_exec(s, "UPDATE kpi SET name = '移住相談件数' WHERE code = 'H01'", &err), 0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM search WHERE instr(text, '移住') > 0"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM search WHERE search MATCH '移住相'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM search WHERE search MATCH '待機児童'"), 2);
	assert_int_equal(store_exec(s, "DELETE FROM kpi WHERE code = 'H02'", &err), 0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM search_ref WHERE kind = 2 AND ref = 2"), 0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM search WHERE search MATCH 'せわずき'"), 1);
	store_close(s);
	testdb_remove(path);
}

static void one_measure_placed_twice_is_one_node(void **state)
{
	char *path = testdb_path();
	struct store *s = testdb_create(path);
	struct error err;

	(void)state;
	assert_int_equal(store_exec(s,
		"INSERT INTO node(id, strategy_id, level, label, title) VALUES"
		" (10, 1, 1, '4', '「未来技術を育て、活かし、広める産業づくり」プロジェクト'),"
		" (11, 1, 2, '3', '安心して暮らせる豊かな地域をつくる');"
		"INSERT INTO placement(id, node_id, parent_id, position) VALUES"
		" (10, 10, NULL, 2), (11, 11, 10, 1), (12, 3, 11, 1)", &err), 0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM placement WHERE node_id = 3"), 2);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM node WHERE level = 3"), 1);
	assert_int_equal(store_exec(s, "INSERT INTO node(strategy_id, level, label, title) VALUES"
				    " (1, 3, '①', '安心して子どもを産み育てられる環境の整備')", &err), -1);
	store_close(s);
	testdb_remove(path);
}

/* A wide table whose re-listings all come before their home rows (a 67
 * MB file with 16 re-listings a row took 553 MB): RELISTING_ROWS rows
 * of 16 re-listings each, then the KPIs' home rows. */
#define RELISTING_ROWS 6000
#define RELISTED_KPIS 1000

static char *relisting_file(size_t *len)
{
	static const char header[] = "strategy,code,重点戦略プロジェクト,基本戦略,施策,項目,内容,"
		"対象KPI,番号,主要分野,活用が想定される交付金事業メニュー,対象事業例,"
		"AI・デジタルを活用した事業例\n";
	size_t size = (RELISTING_ROWS + RELISTED_KPIS) * 1200, used;
	char *text = malloc(size);
	int i, j;

	assert_non_null(text);
	used = (size_t)snprintf(text, size, "%s", header);
	for (i = 0; i < RELISTING_ROWS; i++) {
		used += (size_t)snprintf(text + used, size - used, "試験市戦略,\"");
		for (j = 0; j < 16; j++)
			used += (size_t)snprintf(text + used, size - used, "%sT-K%d", j ? "\n" : "",
						 (i * 16 + j) % RELISTED_KPIS);
		used += (size_t)snprintf(text + used, size - used,
					 "\",1 計画,1 基本,① 施策,■ 項目,再掲の行 %d,\"", i);
		for (j = 0; j < 16; j++)
			used += (size_t)snprintf(text + used, size - used,
						 "%s指標%d【再掲】 16人(R5) → 0人(R12)", j ? "\n" : "",
						 (i * 16 + j) % RELISTED_KPIS);
		used += (size_t)snprintf(text + used, size - used, "\",-,,,,\n");
	}
	for (i = 0; i < RELISTED_KPIS; i++)
		used += (size_t)snprintf(text + used, size - used, "試験市戦略,T-K%d,1 計画,1 基本,"
					 "① 施策,■ 項目,掲載元の行 %d,指標%d 16人(R5) → 0人(R12),①,,,,\n",
					 i, i, i);
	assert_true(used < size);
	*len = used;
	return text;
}

/* Imported in a child, whose peak memory is its own: the re-listings
 * wait in a table, not in memory (they took 600 bytes each there). */
/* The growth of the import's memory, in KiB. Its peak RSS, except under
 * AddressSanitizer, whose shadow and quarantine of freed blocks are RSS
 * the program does not use: there, the peak of the bytes the program has
 * allocated and not freed, counted by the allocator's own hooks. */
#if defined(__SANITIZE_ADDRESS__)
/* the sanitizer's allocator interface (GCC ships no header for it) */
size_t __sanitizer_get_allocated_size(const volatile void *p);
int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *, size_t),
					      void (*free_hook)(const volatile void *));
static long long heap_live, heap_peak;

static void on_malloc(const volatile void *p, size_t size)
{
	(void)p;
	heap_live += (long long)size;
	if (heap_live > heap_peak)
		heap_peak = heap_live;
}

static void on_free(const volatile void *p)
{
	heap_live -= (long long)__sanitizer_get_allocated_size(p);
}

static void growth_start(struct rusage *ru)
{
	(void)ru;
	heap_live = heap_peak = 0;
	__sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
}

static long growth_kib(const struct rusage *ru)
{
	(void)ru;
	return (long)(heap_peak / 1024);
}
#else
static void growth_start(struct rusage *ru)
{
	getrusage(RUSAGE_SELF, ru);
}

static long growth_kib(const struct rusage *before)
{
	struct rusage after;

	getrusage(RUSAGE_SELF, &after);
	return after.ru_maxrss - before->ru_maxrss;
}
#endif

static void relistings_before_their_home_rows_keep_memory_bounded(void **state)
{
	char *path = testdb_path();
	struct store *s;
	size_t len;
	char *text = relisting_file(&len);
	int status;
	pid_t pid;

	(void)state;
	s = store_open(path, STORE_CREATE, &(struct error){ 0 });
	assert_non_null(s);
	store_close(s);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct import_file file = { "relistings.csv", text, len, NULL };
		struct error items[4], err;
		struct error_list errors = { items, 0, 4, 0 };
		struct import_stats stats;
		struct rusage before;
		long grown;
		int rc;

		growth_start(&before);
		s = store_open(path, STORE_READ_WRITE, &err);
		rc = s ? csv_import(s, &file, 1, ENCODING_AUTO, "t", 1, &stats, &errors) : -1;
		grown = growth_kib(&before);
		if (rc == 0 && testdb_int(s, "SELECT count(*) FROM kpi_placement WHERE home = 0")
		    != RELISTING_ROWS * 16) {
			fprintf(stderr, "# not every re-listing was linked\n");
			rc = -1;
		}
		if (rc == 0 && grown > 32 * 1024) {
			fprintf(stderr, "# the import grew by %ld KiB\n", grown);
			rc = -1;
		}
		if (rc < 0 && errors.n)
			fprintf(stderr, "# %s\n", errors.items[0].text);
		store_close(s);
		_exit(rc == 0 ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	free(text);
	testdb_remove(path);
}

static void backup_copies_a_database_that_passes_check(void **state)
{
	char *path = testdb_path();
	char *copy = testdb_path();
	struct store *s = testdb_create(path);
	struct error err;
	int n = 0;

	(void)state;
	assert_int_equal(store_backup(s, copy, NULL, &err), 0);
	store_close(s);
	s = store_open(copy, STORE_READ_WRITE, &err);
	assert_non_null(s);
	assert_int_equal(store_check(s, count_problem, &n, &err), 0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM kpi"), 3);
	store_close(s);
	testdb_remove(copy);
	testdb_remove(path);
}

struct waits {
	int asked;
	long last_ms;
	int stop_at;		/* the call that stops the wait; 0: never */
	int over;		/* told the wait is over */
};

static int count_wait(void *ctx, long waited_ms)
{
	struct waits *w = ctx;

	if (waited_ms < 0) {
		w->over++;
		return 0;
	}
	assert_int_equal(w->over, 0);
	assert_true(waited_ms >= w->last_ms);
	w->last_ms = waited_ms;
	return ++w->asked == w->stop_at;
}

/* While another session holds the write lock: the waiting one is asked
 * as it waits, gives up after its timeout, or at once when told to stop;
 * either way an ERROR_BUSY, nothing written, and the lock free again
 * takes the write. */
static void a_writer_waits_says_so_and_gives_up(void **state)
{
	char *path = testdb_path();
	struct store *holder = testdb_create(path), *s;
	struct waits w = { 0 };
	struct error err;

	(void)state;
	s = store_open(path, STORE_READ_WRITE, &err);
	assert_non_null(s);
	assert_int_equal(store_begin(holder, &err), 0);

	store_on_busy(s, count_wait, &w, 600);
	assert_int_equal(store_begin(s, &err), -1);
	assert_int_equal(err.kind, ERROR_BUSY);
	assert_true(w.asked >= 3);
	assert_true(w.last_ms >= 300 && w.last_ms < 600);
	assert_true(s->busy_waited_ms >= 600);
	assert_false(s->busy_stopped);
	assert_int_equal(w.over, 1);

	w = (struct waits){ .stop_at = 2 };
	assert_int_equal(store_begin(s, &err), -1);
	assert_int_equal(err.kind, ERROR_BUSY);
	assert_int_equal(w.asked, 2);
	assert_true(s->busy_stopped);
	assert_true(s->busy_waited_ms < 600);
	assert_int_equal(w.over, 1);

	store_rollback(holder);
	w = (struct waits){ 0 };
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(w.asked, 0);
	assert_int_equal(w.over, 0);
	store_rollback(s);
	store_close(s);
	store_close(holder);
	testdb_remove(path);
}

static void backup_to_an_unwritable_place_leaves_nothing(void **state)
{
	char *path = testdb_path();
	struct store *s = testdb_create(path);
	struct error err;

	(void)state;
	assert_int_equal(store_backup(s, "/nonexistent/dir/copy.db", NULL, &err), -1);
	assert_non_null(strstr(err.text, "/nonexistent/dir/copy.db: "));
	assert_int_equal(access("/nonexistent/dir/copy.db", F_OK), -1);
	store_close(s);
	testdb_remove(path);
}

static int take_row(void *ctx, long long placement)
{
	long long *rows = ctx;

	rows[++rows[0]] = placement;
	return 1;
}

/* Searches for text to its end in steps: with no time at all each
 * (ms 0), or (ms -1) asking each for one row more than it has; the rows
 * into rows. */
static void search_in_steps(struct store *s, const char *text, int ms, long long *rows)
{
	struct error err;
	struct tree_search *ts = tree_search_start(s, text, &err);
	int rc;

	assert_non_null(ts);
	while ((rc = tree_search_step_to(ts, 10, ms < 0 ? (int)rows[0] + 1 : 10, ms, take_row,
					 rows, &err)) == 0)
		;
	assert_int_equal(rc, 1);
	assert_int_equal(tree_search_found(ts), (int)rows[0]);
	tree_search_end(ts);
}

/* Stepped with no time at all, or asked for a row more each step, a
 * search still finds what one long step does: it goes on from where it
 * stopped. */
static void a_search_in_slices_finds_what_one_step_finds(void **state)
{
	char *path = testdb_path();
	struct store *s = testdb_create(path);
	static const char *const texts[] = { "子育て", "待機", "社会福祉振興", "待", "鰊", "待機児童" };
	struct error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		long long whole[16] = { 0 }, sliced[16] = { 0 }, few[16] = { 0 };
		struct tree_search *ts = tree_search_start(s, texts[i], &err);

		assert_non_null(ts);
		assert_int_equal(tree_search_step(ts, 10, -1, take_row, whole, &err), 1);
		tree_search_end(ts);
		search_in_steps(s, texts[i], 0, sliced);
		assert_memory_equal(whole, sliced, sizeof whole);
		search_in_steps(s, texts[i], -1, few);
		assert_memory_equal(whole, few, sizeof whole);
	}
	{
		long long rows[16] = { 0 };
		struct tree_search *ts = tree_search_start(s, "待機児童", &err);

		/* the ■ heading by its text (a heading is looked for too), the
		 * content row by its text, and again by its KPI H01's name */
		assert_int_equal(tree_search_step(ts, 10, -1, take_row, rows, &err), 1);
		assert_int_equal(rows[0], 3);
		assert_int_equal(rows[1], 4);
		assert_int_equal(rows[2], 5);
		assert_int_equal(rows[3], 5);
		tree_search_end(ts);
	}
	store_close(s);
	testdb_remove(path);
}

/* Asked for enough rows, a step stops at the end of the hit that brings
 * it there: a KPI's rows, its re-listing too, are not split. */
static void a_search_stops_at_enough_after_a_whole_hit(void **state)
{
	char *path = testdb_path();
	struct store *s = testdb_create(path);
	long long rows[16] = { 0 };
	struct tree_search *ts;
	struct error err;

	(void)state;
	/* H01 (待機児童) re-listed at row 6 */
	assert_int_equal(store_exec(s, "INSERT INTO kpi_placement VALUES (1, 6, 0, 2)", &err), 0);
	ts = tree_search_start(s, "待機児童", &err);
	assert_non_null(ts);
	/* the heading's row 4, the content row 5: enough */
	assert_int_equal(tree_search_step_to(ts, 10, 2, -1, take_row, rows, &err), 0);
	assert_int_equal(rows[0], 2);
	/* H01's name: its home row 5 and its re-listing 6, both */
	assert_int_equal(tree_search_step_to(ts, 10, 3, -1, take_row, rows, &err), 0);
	assert_int_equal(rows[0], 4);
	assert_int_equal(rows[3], 5);
	assert_int_equal(rows[4], 6);
	assert_int_equal(tree_search_step_to(ts, 10, 10, -1, take_row, rows, &err), 1);
	assert_int_equal(rows[0], 4);
	tree_search_end(ts);
	store_close(s);
	testdb_remove(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(store_create_sets_wal_foreign_keys_and_version),
		cmocka_unit_test(store_open_refuses_missing_file_naming_init),
		cmocka_unit_test(store_create_refuses_existing_file),
		cmocka_unit_test(store_open_refuses_a_file_that_is_not_sqlite),
		cmocka_unit_test(store_refuses_a_database_from_a_newer_kpitree),
		cmocka_unit_test(store_refuses_a_file_without_schema_and_writes_nothing),
		cmocka_unit_test(store_refuses_a_newer_database_without_switching_it_to_wal),
		cmocka_unit_test(store_create_names_the_file_only_when_complete),
		cmocka_unit_test(iso_time_parse_refuses_a_time_that_is_none),
		cmocka_unit_test(iso_time_parse_agrees_with_timegm),
		cmocka_unit_test(store_migrates_values_and_history_of_each_version),
		cmocka_unit_test(store_kpi_kinds_checked_as_before),
		cmocka_unit_test(store_read_only_refuses_writes),
		cmocka_unit_test(store_check_passes_the_fixture),
		cmocka_unit_test(store_check_finds_a_kpi_without_home_row),
		cmocka_unit_test(store_check_finds_a_value_without_history),
		cmocka_unit_test(store_check_finds_a_setting_out_of_place),
		cmocka_unit_test(store_check_finds_a_level_skipped),
		cmocka_unit_test(store_check_finds_each_rule_broken),
		cmocka_unit_test(history_refuses_update_and_delete),
		cmocka_unit_test(search_index_finds_japanese_substrings_and_follows_updates),
		cmocka_unit_test(one_measure_placed_twice_is_one_node),
		cmocka_unit_test(a_search_in_slices_finds_what_one_step_finds),
		cmocka_unit_test(a_search_stops_at_enough_after_a_whole_hit),
		cmocka_unit_test(relistings_before_their_home_rows_keep_memory_bounded),
		cmocka_unit_test(backup_copies_a_database_that_passes_check),
		cmocka_unit_test(backup_to_an_unwritable_place_leaves_nothing),
		cmocka_unit_test(a_writer_waits_says_so_and_gives_up),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
