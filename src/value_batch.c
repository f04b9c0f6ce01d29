/* value_batch.c: the import_values virtual table over a chunk of parsed
 * values, and the two statements that merge a chunk into the store. */
#include "value_batch.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_ROWS 8192
#define SLOTS (2 * CHUNK_ROWS)	/* the key hash: half full at most */

struct staged {
	long long kpi_id;
	int fiscal_year;
	enum value_kind kind;
	double value;
	size_t note, by, at;	/* offsets into the arena */
};

struct value_batch {
	struct store *s;
	char now[32];
	struct staged rows[CHUNK_ROWS];
	int n;
	int slots[SLOTS];	/* row index + 1, or 0 */
	char *arena;
	size_t used, size;
	long changed;
};

/* The virtual table: one row per staged value, read straight from the
 * batch that the store points at while a chunk is written. */
struct chunk_cursor {
	sqlite3_vtab_cursor base;
	int row;
};

enum { C_KPI, C_YEAR, C_KIND, C_VALUE, C_NOTE, C_BY, C_AT };

static int chunk_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
			 sqlite3_vtab **vtab, char **err)
{
	int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(kpi_id, fiscal_year, kind, value,"
				      " note, entered_by, entered_at)");

	(void)aux;
	(void)argc;
	(void)argv;
	(void)err;
	if (rc != SQLITE_OK)
		return rc;
	*vtab = sqlite3_malloc(sizeof **vtab);
	if (!*vtab)
		return SQLITE_NOMEM;
	memset(*vtab, 0, sizeof **vtab);
	return SQLITE_OK;
}

static int chunk_disconnect(sqlite3_vtab *vtab)
{
	sqlite3_free(vtab);
	return SQLITE_OK;
}

static int chunk_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info)
{
	(void)vtab;
	info->estimatedCost = CHUNK_ROWS;
	info->estimatedRows = CHUNK_ROWS;
	return SQLITE_OK;
}

static int chunk_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **cursor)
{
	struct chunk_cursor *c = sqlite3_malloc(sizeof *c);

	(void)vtab;
	if (!c)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof *c);
	*cursor = &c->base;
	return SQLITE_OK;
}

static int chunk_close(sqlite3_vtab_cursor *cursor)
{
	sqlite3_free(cursor);
	return SQLITE_OK;
}

static struct value_batch *current;	/* the batch being written */

static int chunk_filter(sqlite3_vtab_cursor *cursor, int idx, const char *idx_str, int argc,
			sqlite3_value **argv)
{
	(void)idx;
	(void)idx_str;
	(void)argc;
	(void)argv;
	((struct chunk_cursor *)cursor)->row = 0;
	return SQLITE_OK;
}

static int chunk_next(sqlite3_vtab_cursor *cursor)
{
	((struct chunk_cursor *)cursor)->row++;
	return SQLITE_OK;
}

static int chunk_eof(sqlite3_vtab_cursor *cursor)
{
	return !current || ((struct chunk_cursor *)cursor)->row >= current->n;
}

static int chunk_column(sqlite3_vtab_cursor *cursor, sqlite3_context *ctx, int col)
{
	const struct staged *r = &current->rows[((struct chunk_cursor *)cursor)->row];

	switch (col) {
	case C_KPI:
		sqlite3_result_int64(ctx, r->kpi_id);
		break;
	case C_YEAR:
		sqlite3_result_int(ctx, r->fiscal_year);
		break;
	case C_KIND:
		sqlite3_result_text(ctx, values_kind_name(r->kind), -1, SQLITE_STATIC);
		break;
	case C_VALUE:
		sqlite3_result_double(ctx, r->value);
		break;
	default:
		sqlite3_result_text(ctx, current->arena + (col == C_NOTE ? r->note :
							   col == C_BY ? r->by : r->at),
				    -1, SQLITE_STATIC);
		break;
	}
	return SQLITE_OK;
}

static int chunk_rowid(sqlite3_vtab_cursor *cursor, sqlite3_int64 *rowid)
{
	*rowid = ((struct chunk_cursor *)cursor)->row;
	return SQLITE_OK;
}

/* Eponymous only: no CREATE VIRTUAL TABLE, the module's name is the
 * table's, in every connection that registered it. */
static const sqlite3_module chunk_module = {
	.xConnect = chunk_connect,
	.xBestIndex = chunk_best_index,
	.xDisconnect = chunk_disconnect,
	.xOpen = chunk_open,
	.xClose = chunk_close,
	.xFilter = chunk_filter,
	.xNext = chunk_next,
	.xEof = chunk_eof,
	.xColumn = chunk_column,
	.xRowid = chunk_rowid,
};

/* The history rows of the chunk's changes, read before the values move:
 * a value that is new, or differs in value or note, is a change. */
static const char history_sql[] =
	"INSERT INTO history(kpi_id, fiscal_year, kind, old_value, old_note, new_value,"
	" new_note, changed_by, changed_at, source)"
	" SELECT c.kpi_id, c.fiscal_year, c.kind, v.value, v.note, c.value, c.note,"
	" c.entered_by, ?, 'import'"
	" FROM import_values c LEFT JOIN value v ON v.kpi_id = c.kpi_id"
	" AND v.fiscal_year = c.fiscal_year AND v.kind = c.kind"
	" WHERE v.kpi_id IS NULL OR v.value IS NOT c.value OR v.note IS NOT c.note";

static const char upsert_sql[] =
	"INSERT INTO value(kpi_id, fiscal_year, kind, value, note, entered_by, entered_at)"
	" SELECT kpi_id, fiscal_year, kind, value, note, entered_by, entered_at"
	" FROM import_values WHERE 1"
	" ON CONFLICT(kpi_id, fiscal_year, kind) DO UPDATE SET value = excluded.value,"
	" note = excluded.note, entered_by = excluded.entered_by,"
	" entered_at = excluded.entered_at"
	" WHERE value IS NOT excluded.value OR note IS NOT excluded.note";

struct value_batch *value_batch_new(struct store *s, const char *now, struct error *err)
{
	struct value_batch *b;

	if (!s->import_module) {
		if (sqlite3_create_module_v2(s->db, "import_values", &chunk_module, NULL, NULL)
		    != SQLITE_OK) {
			store_error(s, err, "cannot register import_values");
			return NULL;
		}
		s->import_module = 1;
	}
	b = calloc(1, sizeof *b);
	if (!b) {
		error_set(err, _("out of memory"));
		return NULL;
	}
	b->s = s;
	snprintf(b->now, sizeof b->now, "%s", now);
	return b;
}

static size_t keep(struct value_batch *b, const char *text, struct error *err)
{
	size_t len = strlen(text) + 1, at = b->used;

	if (b->used + len > b->size) {
		size_t size = b->size ? b->size : 1 << 16;
		char *more;

		while (b->used + len > size)
			size *= 2;
		more = realloc(b->arena, size);
		if (!more) {
			error_set(err, _("out of memory"));
			return (size_t)-1;
		}
		b->arena = more;
		b->size = size;
	}
	memcpy(b->arena + at, text, len);
	b->used += len;
	return at;
}

static unsigned slot_of(long long kpi_id, int fiscal_year, enum value_kind kind)
{
	unsigned long long h = (unsigned long long)kpi_id * 0x9E3779B97F4A7C15ull;

	h ^= (unsigned long long)fiscal_year * 0xC2B2AE3D27D4EB4Full + (unsigned)kind;
	return (unsigned)(h >> 40) % SLOTS;
}

/* The slot holding the key, or the empty one where it would go. */
static int *find_slot(struct value_batch *b, long long kpi_id, int fiscal_year,
		      enum value_kind kind)
{
	unsigned i = slot_of(kpi_id, fiscal_year, kind);

	for (;; i = (i + 1) % SLOTS) {
		const struct staged *r;

		if (!b->slots[i])
			return &b->slots[i];
		r = &b->rows[b->slots[i] - 1];
		if (r->kpi_id == kpi_id && r->fiscal_year == fiscal_year && r->kind == kind)
			return &b->slots[i];
	}
}

static int run(struct value_batch *b, const char *sql, int bind_now, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(b->s, sql, err);
	int rc;

	if (!stmt)
		return -1;
	if (bind_now)
		sqlite3_bind_text(stmt, 1, b->now, -1, SQLITE_STATIC);
	rc = store_step(b->s, stmt, err);
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int value_batch_flush(struct value_batch *b, struct error *err)
{
	int rc;

	if (!b->n)
		return 0;
	current = b;
	rc = run(b, history_sql, 1, err);
	if (rc == 0) {
		b->changed += sqlite3_changes(b->s->db);
		rc = run(b, upsert_sql, 0, err);
	}
	current = NULL;
	b->n = 0;
	b->used = 0;
	memset(b->slots, 0, sizeof b->slots);
	return rc;
}

int value_batch_add(struct value_batch *b, long long kpi_id, int fiscal_year,
		    enum value_kind kind, double value, const char *note, const char *by,
		    const char *at, struct error *err)
{
	struct staged *r;
	int *slot;

	slot = find_slot(b, kpi_id, fiscal_year, kind);
	if (*slot || b->n == CHUNK_ROWS) {
		if (value_batch_flush(b, err) < 0)
			return -1;
		slot = find_slot(b, kpi_id, fiscal_year, kind);
	}
	r = &b->rows[b->n];
	*r = (struct staged){ kpi_id, fiscal_year, kind, value, 0, 0, 0 };
	r->note = keep(b, note, err);
	r->by = keep(b, by, err);
	r->at = keep(b, at, err);
	if (r->note == (size_t)-1 || r->by == (size_t)-1 || r->at == (size_t)-1)
		return -1;
	*slot = ++b->n;
	return 0;
}

long value_batch_changed(const struct value_batch *b)
{
	return b->changed;
}

void value_batch_free(struct value_batch *b)
{
	if (!b)
		return;
	free(b->arena);
	free(b);
}
