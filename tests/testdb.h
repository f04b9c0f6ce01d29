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

/* Every value and history row as one text, for "nothing changed"
 * assertions; free the result. */
char *testdb_snapshot(struct store *s);

#endif
