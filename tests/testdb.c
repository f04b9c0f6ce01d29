/* testdb.c: temporary databases for tests: created by the real store and
 * loaded from the SQL fixture that the shell tests use too. */
#include "testdb.h"
#include "csv_import.h"
#include "kpi.h"
#include "values.h"
#include "schema.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef FIXTURE_DIR
#define FIXTURE_DIR "tests/fixtures"
#endif

char *testdb_path(void)
{
	const char *tmp = getenv("TMPDIR");
	char *path = malloc(4096);
	int fd;

	assert_non_null(path);
	snprintf(path, 4096, "%s/kpitree-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	return path;
}

static char *read_fixture(const char *name)
{
	char path[4096];
	const char *dir = getenv("srcdir");
	FILE *f;
	long size;
	char *text;

	snprintf(path, sizeof path, "%s/%s/%s", dir ? dir : ".", dir ? "tests/fixtures" : FIXTURE_DIR, name);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	text = malloc((size_t)size + 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)size, f), (size_t)size);
	text[size] = '\0';
	fclose(f);
	return text;
}

struct store *testdb_create(const char *path)
{
	struct error err;
	struct store *s = store_open(path, STORE_CREATE, &err);
	char *sql;

	if (!s)
		fail_msg("%s", err.text);
	sql = read_fixture("small.sql");
	if (store_exec(s, sql, &err) < 0)
		fail_msg("%s", err.text);
	free(sql);
	return s;
}

void testdb_remove(char *path)
{
	store_remove(path);
	free(path);
}

static void no_problem(void *ctx, const char *problem)
{
	(void)ctx;
	fail_msg("kpitree check: %s", problem);
}

void testdb_check_ok(struct store *s)
{
	struct error err;

	if (store_check(s, no_problem, NULL, &err) != 0)
		fail_msg("kpitree check could not run: %s", err.text);
}

char *testdb_snapshot(struct store *s)
{
	return testdb_snapshot_db(s->db);
}

void testdb_create_at(const char *path, int version)
{
	const char *const *sql;
	char *fixture, pragma[64];
	sqlite3 *db;
	int v;

	assert_true(version <= schema_version);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (v = 0; v < version; v++)
		for (sql = schema_migrations[v]; *sql; sql++)
			if (sqlite3_exec(db, *sql, NULL, NULL, NULL) != SQLITE_OK)
				fail_msg("version %d: %s: %s", v + 1, *sql, sqlite3_errmsg(db));
	fixture = read_fixture("small.sql");
	if (sqlite3_exec(db, fixture, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("small.sql at version %d: %s", version, sqlite3_errmsg(db));
	free(fixture);
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version);
	assert_int_equal(sqlite3_exec(db, pragma, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

char *testdb_snapshot_db(sqlite3 *db)
{
	sqlite3_stmt *stmt;
	char *text;
	const char *sql =
		"SELECT coalesce((SELECT group_concat(kpi_id || '/' || fiscal_year || '/' || kind"
		"  || '=' || value || '/' || note || '/' || entered_by || '/' || entered_at, ';')"
		"  FROM (SELECT * FROM value ORDER BY kpi_id, fiscal_year, kind)), '') || '|' ||"
		" coalesce((SELECT group_concat(id || '/' || kpi_id || '/' || fiscal_year || '/' || kind"
		"  || '/' || quote(old_value) || '/' || quote(new_value) || '/' || changed_by, ';')"
		"  FROM (SELECT * FROM history ORDER BY id)), '')";

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	text = strdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	assert_non_null(text);
	return text;
}

int testdb_setup(void **state)
{
	struct testdb *t = calloc(1, sizeof *t);

	assert_non_null(t);
	t->path = testdb_path();
	t->s = testdb_create(t->path);
	*state = t;
	return 0;
}

int testdb_teardown(void **state)
{
	struct testdb *t = *state;

	store_fail_step(0);
	store_close(t->s);
	testdb_remove(t->path);
	free(t);
	return 0;
}

long long testdb_int(struct store *s, const char *sql)
{
	sqlite3_stmt *stmt;
	long long v;

	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

int testdb_import_text(struct store *s, const char *text, struct error_list *errors)
{
	struct import_file file = { "test.csv", text, strlen(text), NULL };
	struct import_stats stats;

	return csv_import(s, &file, 1, ENCODING_AUTO, "t", 1, &stats, errors);
}

void testdb_set_value(struct store *s, const char *code, int year, int kind, double v,
		      int clear)
{
	struct value_change c = { .fiscal_year = year, .kind = kind, .value = v,
				  .clear = clear, .user = "t", .source = "test" };
	struct error err;
	struct kpi k;

	assert_int_equal(kpi_find(s, code, &k, &err), 0);
	c.kpi_id = k.id;
	kpi_release(&k);
	assert_true(values_set(s, &c, &err) >= 0);
}
