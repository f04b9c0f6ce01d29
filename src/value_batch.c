/* value_batch.c: the import_values virtual table over a chunk of parsed
 * values, and the statements that merge a chunk into the store: one
 * insert for a chunk of values new to the store, else its history rows
 * and an upsert. */
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
	int decimals;		/* as written */
	size_t note;		/* an offset into the arena */
	long long entry, change;	/* ids of who entered it when, who changed it */
};

/* Who and when (an entry), or who and what the file said (a change, at
 * the import's time), and the id of its row in entry or change: an
 * import meets a few of them a million times and asks the store once
 * each. */
struct stamp {
	char *key;		/* who NUL at, or who NUL said */
	size_t len;
	long long id;
};

struct stamps {
	struct stamp *slots;
	size_t n, size;
	const struct stamp *last;	/* rows come in runs of the same */
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
	struct stamps entries, changes;
	long long last_id;	/* history_seq: the last history id given */
	char *official;		/* who the history names, or NULL: the file's entered_by */
	int writing;		/* rows[0, writing) are being written */
};

/* The virtual table: one row per staged value, read straight from the
 * batch whose pointer the statement binds to its hidden column batch
 * (import_values(?1): sqlite3_bind_pointer, of type BATCH_POINTER). */
struct chunk_cursor {
	sqlite3_vtab_cursor base;
	struct value_batch *b;
	int row;
};

#define BATCH_POINTER "kpitree_value_batch"

enum { C_KPI, C_YEAR, C_KIND, C_VALUE, C_NOTE, C_ENTRY, C_CHANGE, C_DECIMALS, C_ID, C_BATCH };

static int chunk_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
			 sqlite3_vtab **vtab, char **err)
{
	int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(kpi_id, fiscal_year, kind, value,"
				      " note, entry_id, change_id, decimals, id, batch HIDDEN)");

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

/* The batch is an argument: a plan without it is no plan (a scan of
 * nothing would write nothing, silently). */
static int chunk_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info)
{
	int i;

	(void)vtab;
	for (i = 0; i < info->nConstraint; i++)
		if (info->aConstraint[i].iColumn == C_BATCH &&
		    info->aConstraint[i].op == SQLITE_INDEX_CONSTRAINT_EQ) {
			if (!info->aConstraint[i].usable)
				return SQLITE_CONSTRAINT;
			info->aConstraintUsage[i].argvIndex = 1;
			info->aConstraintUsage[i].omit = 1;
			info->estimatedCost = CHUNK_ROWS;
			info->estimatedRows = CHUNK_ROWS;
			return SQLITE_OK;
		}
	return SQLITE_CONSTRAINT;
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

static int chunk_filter(sqlite3_vtab_cursor *cursor, int idx, const char *idx_str, int argc,
			sqlite3_value **argv)
{
	struct chunk_cursor *c = (struct chunk_cursor *)cursor;

	(void)idx;
	(void)idx_str;
	c->b = argc == 1 ? sqlite3_value_pointer(argv[0], BATCH_POINTER) : NULL;
	c->row = 0;
	return c->b ? SQLITE_OK : SQLITE_MISUSE;
}

static int chunk_next(sqlite3_vtab_cursor *cursor)
{
	((struct chunk_cursor *)cursor)->row++;
	return SQLITE_OK;
}

static int chunk_eof(sqlite3_vtab_cursor *cursor)
{
	const struct chunk_cursor *c = (const struct chunk_cursor *)cursor;

	return c->row >= c->b->writing;
}

static int chunk_column(sqlite3_vtab_cursor *cursor, sqlite3_context *ctx, int col)
{
	const struct chunk_cursor *c = (const struct chunk_cursor *)cursor;
	struct value_batch *b = c->b;
	const struct staged *r = &b->rows[c->row];

	switch (col) {
	case C_KPI:
		sqlite3_result_int64(ctx, r->kpi_id);
		break;
	case C_YEAR:
		sqlite3_result_int(ctx, r->fiscal_year);
		break;
	case C_KIND:
		sqlite3_result_int(ctx, r->kind == VALUE_PLAN);	/* value_row's code */
		break;
	case C_VALUE:
		sqlite3_result_double(ctx, r->value);
		break;
	case C_NOTE:
		sqlite3_result_text(ctx, b->arena + r->note, -1, SQLITE_STATIC);
		break;
	case C_ENTRY:
		sqlite3_result_int64(ctx, r->entry);
		break;
	case C_CHANGE:
		sqlite3_result_int64(ctx, r->change);
		break;
	case C_DECIMALS:
		sqlite3_result_int(ctx, r->decimals);
		break;
	case C_BATCH:
		sqlite3_result_null(ctx);	/* an argument, never read back */
		break;
	default:
		/* The next history id: asked only for the rows that get
		 * one (a history row, or a new value's setting), so the ids
		 * follow on from the last. */
		sqlite3_result_int64(ctx, ++b->last_id);
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
	"INSERT INTO history_row(kpi_id, id, fiscal_year, kind, old_value, old_note, new_value,"
	" new_note, change_id, old_decimals, new_decimals)"
	" SELECT c.kpi_id, c.id, c.fiscal_year, c.kind, v.value, v.note, c.value, c.note, c.change_id,"
	" coalesce(v.decimals, 0), c.decimals"
	" FROM import_values(?1) c LEFT JOIN value_row v ON v.kpi_id = c.kpi_id"
	" AND v.fiscal_year = c.fiscal_year AND v.kind = c.kind"
	" WHERE v.kpi_id IS NULL OR v.value IS NOT c.value OR v.note IS NOT c.note";

/* The same value and note written with other decimals (33 as 33.00)
 * changes the value's form alone, and who entered it stays. */
static const char upsert_sql[] =
	"INSERT INTO value_row(kpi_id, fiscal_year, kind, value, note, entry_id, decimals)"
	" SELECT kpi_id, fiscal_year, kind, value, note, entry_id, decimals"
	" FROM import_values(?1) WHERE 1"
	" ON CONFLICT(kpi_id, fiscal_year, kind) DO UPDATE SET value = excluded.value,"
	" note = excluded.note, decimals = excluded.decimals,"
	" entry_id = CASE WHEN value IS NOT excluded.value OR note IS NOT excluded.note"
	" THEN excluded.entry_id ELSE entry_id END, set_id = NULL, set_change = NULL"
	" WHERE value IS NOT excluded.value OR note IS NOT excluded.note"
	" OR decimals IS NOT excluded.decimals";

/* When no KPI in the chunk's range has a value yet (a first import of
 * their values), every row of the chunk is new (a chunk holds a key
 * once), and the history of each is its setting alone: kept in the value
 * row itself (schema version 4), with the history id it is given. */
static const char chunk_is_new_sql[] =
	"SELECT NOT EXISTS (SELECT 1 FROM value_row WHERE kpi_id BETWEEN ?1 AND ?2)";
static const char new_values_sql[] =
	"INSERT INTO value_row(kpi_id, fiscal_year, kind, value, note, entry_id, set_id,"
	" set_change, decimals)"
	" SELECT kpi_id, fiscal_year, kind, value, note, entry_id, id, change_id, decimals"
	" FROM import_values(?1)";

static const char seq_get_sql[] = "SELECT last FROM history_seq";
static const char seq_set_sql[] = "UPDATE history_seq SET last = ?";

static const char entry_add_sql[] =
	"INSERT INTO entry(who, at) VALUES (?1, ?2) ON CONFLICT DO NOTHING RETURNING id";
static const char entry_find_sql[] = "SELECT id FROM entry WHERE who = ?1 AND at = ?2";
/* A change's stamp is who and what the file said (said_by, '' when the
 * same); the import's time is ?3. */
static const char change_add_sql[] =
	"INSERT INTO change(who, at, source, said_by) VALUES (?1, ?3, 'import', ?2)"
	" ON CONFLICT DO NOTHING RETURNING id";
static const char change_find_sql[] =
	"SELECT id FROM change WHERE who = ?1 AND at = ?3 AND source = 'import' AND said_by = ?2";

struct value_batch *value_batch_new(struct store *s, const char *now, const char *official,
				    struct error *err)
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
	if (official && !(b->official = strdup(official))) {
		error_set(err, _("out of memory"));
		free(b);
		return NULL;
	}
	{
		sqlite3_stmt *stmt = store_cached(s, seq_get_sql, err);
		int rc = stmt ? store_step(s, stmt, err) : SQLITE_ERROR;

		if (rc == SQLITE_ROW)
			b->last_id = sqlite3_column_int64(stmt, 0);
		if (stmt)
			sqlite3_reset(stmt);
		if (rc != SQLITE_ROW) {
			if (rc == SQLITE_DONE)
				error_set(err, _("history_seq has no row"));
			value_batch_free(b);
			return NULL;
		}
	}
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

/* Eight bytes at a time over who, then at, each word mixed in. */
static unsigned long long hash_words(unsigned long long h, const char *s, size_t len)
{
	while (len) {
		unsigned long long w = 0;
		size_t k = len < 8 ? len : 8;

		memcpy(&w, s, k);
		h = (h ^ w) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
		s += k;
		len -= k;
	}
	return h;
}

static size_t hash_key(const char *who, size_t wlen, const char *at, size_t alen)
{
	unsigned long long h = hash_words(wlen * 0xC2B2AE3D27D4EB4Full, who, wlen);

	h = hash_words(h ^ alen, at, alen);
	h *= 0xBF58476D1CE4E5B9ull;
	return (size_t)(h ^ h >> 32);
}

/* The id of (who, at) in the store: add_sql's, or find_sql's if it was
 * there already (a statement with a third parameter gets the import's
 * time). Returns 0 with err filled on failure. */
static long long stamp_id(struct value_batch *b, struct stamps *t, const char *find_sql,
			  const char *add_sql, const char *who, const char *at, struct error *err)
{
	size_t wlen = strlen(who), alen = strlen(at), len = wlen + 1 + alen, i;
	struct stamp *e;
	long long id = 0;
	char *key;
	int k;

	e = (struct stamp *)t->last;
	if (e && e->len == len && memcmp(e->key, who, wlen + 1) == 0 &&
	    memcmp(e->key + wlen + 1, at, alen) == 0)
		return e->id;
	if (t->size) {
		for (i = hash_key(who, wlen, at, alen);; i++) {
			e = &t->slots[i & (t->size - 1)];
			if (!e->key)
				break;
			if (e->len == len && memcmp(e->key, who, wlen + 1) == 0 &&
			    memcmp(e->key + wlen + 1, at, alen) == 0) {
				t->last = e;
				return e->id;
			}
		}
	}
	for (k = 0; k < 2 && !id; k++) {
		sqlite3_stmt *stmt = store_cached(b->s, k ? find_sql : add_sql, err);
		int rc;

		if (!stmt)
			return 0;
		sqlite3_bind_text(stmt, 1, who, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, at, -1, SQLITE_STATIC);
		if (sqlite3_bind_parameter_count(stmt) == 3)
			sqlite3_bind_text(stmt, 3, b->now, -1, SQLITE_STATIC);
		rc = store_step(b->s, stmt, err);
		if (rc == SQLITE_ROW)
			id = sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return 0;
	}
	if (!id) {
		error_set(err, _("cannot record who entered a value"));
		return 0;
	}
	/* Keep it, the table at most half full. */
	if (2 * (t->n + 1) > t->size) {
		size_t size = t->size ? 2 * t->size : 1024, j;
		struct stamp *slots = calloc(size, sizeof *slots);

		if (!slots) {
			error_set(err, _("out of memory"));
			return 0;
		}
		for (j = 0; j < t->size; j++) {
			struct stamp *o = &t->slots[j];
			size_t ow;

			if (!o->key)
				continue;
			ow = strlen(o->key);
			for (i = hash_key(o->key, ow, o->key + ow + 1, o->len - ow - 1);
			     slots[i & (size - 1)].key; i++)
				;
			slots[i & (size - 1)] = *o;
		}
		free(t->slots);
		t->slots = slots;
		t->size = size;
	}
	key = malloc(len + 1);
	if (!key) {
		error_set(err, _("out of memory"));
		return 0;
	}
	memcpy(key, who, wlen + 1);
	memcpy(key + wlen + 1, at, alen + 1);
	for (i = hash_key(who, wlen, at, alen); t->slots[i & (t->size - 1)].key; i++)
		;
	t->slots[i & (t->size - 1)] = (struct stamp){ key, len, id };
	t->last = &t->slots[i & (t->size - 1)];
	t->n++;
	return id;
}

static void stamps_free(struct stamps *t)
{
	size_t i;

	for (i = 0; i < t->size; i++)
		free(t->slots[i].key);
	free(t->slots);
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

/* Runs sql over the chunk being written: import_values(?1) is b. */
static int run(struct value_batch *b, const char *sql, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(b->s, sql, err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_pointer(stmt, 1, b, BATCH_POINTER, NULL);
	rc = store_step(b->s, stmt, err);
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Writes rows[0, m) and keeps rows[m, n) as the start of the next chunk. */
static int write_rows(struct value_batch *b, int m, struct error *err)
{
	sqlite3_stmt *stmt;
	long long last_id, min_kpi, max_kpi;
	int rc, is_new, i;
	size_t from;

	if (!m)
		return 0;
	min_kpi = max_kpi = b->rows[0].kpi_id;
	for (i = 1; i < m; i++) {
		if (b->rows[i].kpi_id < min_kpi)
			min_kpi = b->rows[i].kpi_id;
		if (b->rows[i].kpi_id > max_kpi)
			max_kpi = b->rows[i].kpi_id;
	}
	stmt = store_cached(b->s, chunk_is_new_sql, err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, min_kpi);
	sqlite3_bind_int64(stmt, 2, max_kpi);
	rc = store_step(b->s, stmt, err);
	is_new = rc == SQLITE_ROW && sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return -1;
	b->writing = m;
	last_id = b->last_id;
	/* Each value written is a change: each new value row, or else each
	 * history row. */
	rc = run(b, is_new ? new_values_sql : history_sql, err);
	if (rc == 0) {
		b->changed += sqlite3_changes(b->s->db);
		if (!is_new)
			rc = run(b, upsert_sql, err);
	}
	if (rc == 0 && b->last_id != last_id) {
		stmt = store_cached(b->s, seq_set_sql, err);
		if (!stmt)
			rc = -1;
		else {
			sqlite3_bind_int64(stmt, 1, b->last_id);
			rc = store_step(b->s, stmt, err) == SQLITE_DONE ? 0 : -1;
			sqlite3_reset(stmt);
		}
	}
	/* The rows kept move to the front, their notes (kept in the arena in
	 * the rows' order) with them. */
	from = m < b->n ? b->rows[m].note : b->used;
	memmove(b->arena, b->arena + from, b->used - from);
	b->used -= from;
	memmove(b->rows, b->rows + m, (size_t)(b->n - m) * sizeof *b->rows);
	b->n -= m;
	memset(b->slots, 0, sizeof b->slots);
	for (i = 0; i < b->n; i++) {
		b->rows[i].note -= from;
		*find_slot(b, b->rows[i].kpi_id, b->rows[i].fiscal_year, b->rows[i].kind) = i + 1;
	}
	return rc;
}

int value_batch_flush(struct value_batch *b, struct error *err)
{
	return write_rows(b, b->n, err);
}

int value_batch_add(struct value_batch *b, long long kpi_id, int fiscal_year,
		    enum value_kind kind, double value, int decimals, const char *note,
		    const char *by, const char *at, struct error *err)
{
	/* who: the session's official, unless the file's names stand */
	const char *who = b->official ? b->official : by;
	const char *said = strcmp(by, who) != 0 ? by : "";
	struct staged *r;
	int *slot;

	slot = find_slot(b, kpi_id, fiscal_year, kind);
	if (*slot) {
		/* The key again: what came before it is written first. */
		if (write_rows(b, b->n, err) < 0)
			return -1;
		slot = find_slot(b, kpi_id, fiscal_year, kind);
	} else if (b->n == CHUNK_ROWS) {
		/* A full chunk: written but for the last KPI's rows, which
		 * start the next, so that a file sorted by KPI writes each
		 * KPI's values in one chunk, and a chunk of KPIs that had no
		 * values takes the shorter way (chunk_is_new_sql). */
		int m = b->n;

		while (m > 0 && b->rows[m - 1].kpi_id == b->rows[b->n - 1].kpi_id)
			m--;
		if (write_rows(b, m ? m : b->n, err) < 0)
			return -1;
		slot = find_slot(b, kpi_id, fiscal_year, kind);
	}
	r = &b->rows[b->n];
	*r = (struct staged){ kpi_id, fiscal_year, kind, value, decimals, 0, 0, 0 };
	r->entry = stamp_id(b, &b->entries, entry_find_sql, entry_add_sql, who, at, err);
	if (!r->entry)
		return -1;
	/* The history records the import's time, who entered the value, and
	 * what the file said when it said another name. */
	r->change = stamp_id(b, &b->changes, change_find_sql, change_add_sql, who, said, err);
	if (!r->change)
		return -1;
	r->note = keep(b, note, err);
	if (r->note == (size_t)-1)
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
	stamps_free(&b->entries);
	stamps_free(&b->changes);
	free(b->arena);
	free(b->official);
	free(b);
}
