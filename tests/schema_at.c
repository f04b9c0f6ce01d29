/* schema_at.c: a database with an earlier version's schema and no data,
 * for the migration tests (tests/cli/migrate.sh): each migration up to
 * VERSION run as that version ran them.
 *
 *   tests/schema_at FILE VERSION */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "schema.h"

int main(int argc, char **argv)
{
	const char *const *sql;
	char pragma[64];
	sqlite3 *db;
	int version, v;

	if (argc != 3 || (version = atoi(argv[2])) < 1 || version > schema_version) {
		fprintf(stderr, "usage: schema_at FILE VERSION (1 to %d)\n", schema_version);
		return 2;
	}
	if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
		fprintf(stderr, "schema_at: %s: %s\n", argv[1], sqlite3_errmsg(db));
		return 1;
	}
	for (v = 0; v < version; v++)
		for (sql = schema_migrations[v]; *sql; sql++)
			if (sqlite3_exec(db, *sql, NULL, NULL, NULL) != SQLITE_OK) {
				fprintf(stderr, "schema_at: version %d: %s\n", v + 1, sqlite3_errmsg(db));
				sqlite3_close(db);
				return 1;
			}
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version);
	if (sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "schema_at: %s\n", sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	return sqlite3_close(db) == SQLITE_OK ? 0 : 1;
}
