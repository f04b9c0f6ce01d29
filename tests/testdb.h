/* testdb.h: real temporary SQLite databases for the cmocka tests, made
 * by the store and filled from tests/fixtures/small.sql. */
#ifndef KPITREE_TESTDB_H
#define KPITREE_TESTDB_H

#include "store.h"

/* A fresh path under $TMPDIR (no file yet); free with testdb_remove. */
char *testdb_path(void);

/* Creates path with the schema and the small fixture; returns it open. */
struct store *testdb_create(const char *path);

/* Removes path and its -wal and -shm files, and frees it. */
void testdb_remove(char *path);

/* The fixture of most cmocka tests: a fresh database of the fixture. */
struct testdb {
	char *path;
	struct store *s;
};

/* cmocka setup: *state becomes a struct testdb. */
int testdb_setup(void **state);

/* cmocka teardown: turns store_fail_step off, closes and removes. */
int testdb_teardown(void **state);

/* Asserts that kpitree check finds nothing wrong in s (each problem
 * found fails the test with its text). */
void testdb_check_ok(struct store *s);

/* Imports text as one CSV file, as kpitree import does. Returns what
 * csv_import returns, errors into errors. */
struct error_list;
int testdb_import_text(struct store *s, const char *text, struct error_list *errors);

/* Sets (or clears) the actual or plan (kind: enum value_kind) of code
 * at year, as user "t", asserting it is stored. */
void testdb_set_value(struct store *s, const char *code, int year, int kind, double v,
		      int clear);

/* The one integer that sql (a SELECT) gives. */
long long testdb_int(struct store *s, const char *sql);

/* Every value and history row as one text, for "nothing changed"
 * assertions; free the result. */
char *testdb_snapshot(struct store *s);

/* The same of a database open without the store (an older schema). */
char *testdb_snapshot_db(sqlite3 *db);

/* Creates path at schema version `version` (its migrations applied
 * straight, not by the store) with the small fixture, and closes it. */
void testdb_create_at(const char *path, int version);

#endif
