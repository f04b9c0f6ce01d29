/* fuzz_import.c: libFuzzer target for the whole import of one file, as
 * kpitree import takes it: encoding, CSV, each kind by its header (the
 * wide table of the strategy included), into a database with the bundled
 * data. Any bytes are imported or refused with at least one error; a
 * refused import changes nothing, and one that succeeds is undone before
 * the next input. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bundled.h"
#include "csv_import.h"
#include "store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *s;
static sqlite3 *template_db;
static char dir[] = "/tmp/kpitree-fuzz-import.XXXXXX";
static char path[sizeof dir + 16];

static void remove_dir(void)
{
	store_close(s);
	sqlite3_close(template_db);
	store_remove(path);
	rmdir(dir);
}

static int load(struct store *store, void *ctx, struct error *err)
{
	struct error items[4];
	struct error_list errors = { items, 0, 4, 0 };
	struct import_stats stats;

	(void)ctx;
	if (bundled_import(store, "fuzz", &stats, &errors) < 0)
		return error_set(err, "bundled data: %s", items[0].text);
	return 0;
}

/* Copies from into to, whole. */
static void copy_db(sqlite3 *to, sqlite3 *from)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");

	if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE)
		abort();
	sqlite3_backup_finish(b);
}

static void setup(void)
{
	struct error err;

	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof path, "%s/k.db", dir);
	s = store_create(path, load, NULL, &err);
	if (!s || sqlite3_open(":memory:", &template_db) != SQLITE_OK) {
		fprintf(stderr, "fuzz_import: %s\n", s ? "no memory database" : err.text);
		abort();
	}
	copy_db(template_db, s->db);
	atexit(remove_dir);
}

static long long changes(void)
{
	sqlite3_stmt *stmt;
	long long n = -1;

	if (sqlite3_prepare_v2(s->db, "SELECT (SELECT count(*) FROM history) +"
			       " (SELECT count(*) FROM kpi) + (SELECT count(*) FROM placement)",
			       -1, &stmt, NULL) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error items[20];
	struct error_list errors = { items, 0, 20, 0 };
	struct import_file file = { "fuzz.csv", size ? (const void *)data : "", size, NULL };
	struct import_stats stats;
	long long before;

	if (!s)
		setup();
	before = changes();
	if (csv_import(s, &file, 1, ENCODING_AUTO, "fuzz", 1, &stats, &errors) < 0) {
		/* Refused: said why, and nothing changed. */
		if (errors.n == 0 || changes() != before)
			abort();
		return 0;
	}
	copy_db(s->db, template_db);
	return 0;
}
