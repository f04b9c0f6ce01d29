/* check.c: kpitree check: the file's integrity (SQLite's own check) and
 * the model's rules, as set-based queries that each read a table once.
 *
 * The whole check runs PRAGMA integrity_check on a second connection in
 * a second thread while the rules run on the store's: it reads every
 * page and every index entry, the rules read the tables again, and each
 * takes about as long. What the rules find is kept until the integrity
 * check is done: on a damaged file only its lines are reported, since
 * the rules would mislead. The quick check is PRAGMA quick_check and the
 * rules that read no more than a few rows. */
#include "store.h"
#include "i18n.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A rule: a query whose rows are breaches, each column that is not NULL
 * a problem of its own; quick when it reads no more than a few rows. */
struct rule {
	int quick;
	const char *sql;
};

/* The history id, and the words, of value_row's kind (schema.c). */
#define KIND_WORD(k) "CASE " k " WHEN 0 THEN 'actual' ELSE 'plan' END"

static const struct rule rules[] = {
	/* What an init killed before it finished left, before init wrote
	 * the database in a temporary file: the schema and nothing else. */
	{ 1, "SELECT 'database: the schema without any data and without the mark of a finished init'"
	  "  || ' (an init that did not finish; make it again with kpitree init)'"
	  " WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'init')"
	  " AND NOT EXISTS (SELECT 1 FROM node) AND NOT EXISTS (SELECT 1 FROM kpi)"
	  " AND NOT EXISTS (SELECT 1 FROM project)" },
	/* An import's transaction ends with neither (schema.c version 6). */
	{ 1, "SELECT 'search index: the rows after ' || value || ' were never indexed'"
	  " FROM setting WHERE key = 'search_pending_after'" },
	{ 1, "SELECT 'import: ' || count(*) || ' re-listings left waiting in relisting_waiting'"
	  " FROM relisting_waiting HAVING count(*) > 0" },
	{ 1, "SELECT 'history: history_seq holds ' || count(*) || ' rows, not one'"
	  " FROM history_seq HAVING count(*) <> 1" },

	{ 0, "SELECT 'foreign key: ' || \"table\" || ' row ' || rowid || ' refers to a missing ' || parent"
	  " FROM pragma_foreign_key_check" },
	/* value_row, once: its references (it declares no foreign keys:
	 * schema.c), its setting (a value's only history while it has one:
	 * its id was given out; that no history row comes after it is
	 * found in history_row's pass, below), and without a setting the
	 * last history row, which must say what the value is.
	 * Cheap: a row whose ids lie within the ranges of the bounds (below)
	 * refers to rows that are there, and a row with a setting given out
	 * needs no history; only the rows that are neither are looked up
	 * (the first condition reads value_row alone, so SQLite tests it
	 * before the joins). NOT NULL columns need no test: the integrity
	 * check finds a NULL in them, and then no rule is reported. */
	{ 0, "SELECT CASE WHEN k.id IS NULL OR e.id IS NULL"
	  "  OR (v.set_id IS NOT NULL AND c.id IS NULL)"
	  "  THEN 'foreign key: value_row row (' || v.kpi_id || ', ' || v.fiscal_year || ', ' || v.kind"
	  "  || ') refers to a missing ' || CASE WHEN k.id IS NULL THEN 'kpi'"
	  "  WHEN e.id IS NULL THEN 'entry' ELSE 'change' END END,"
	  " CASE WHEN v.set_id IS NOT NULL AND k.id IS NOT NULL"
	  "  AND v.set_id > (SELECT last FROM history_seq)"
	  "  THEN 'value ' || k.code || ' ' || v.fiscal_year || ' ' || " KIND_WORD("v.kind")
	  "  || ': its setting (history id ' || v.set_id || ') is past the last history id' END,"
	  " CASE WHEN v.set_id IS NULL AND k.id IS NOT NULL AND e.id IS NOT NULL AND NOT EXISTS"
	  "  (SELECT 1 FROM history_row h WHERE h.kpi_id = v.kpi_id AND h.fiscal_year = v.fiscal_year"
	  "  AND h.kind = v.kind AND h.new_value IS v.value AND h.id = (SELECT max(id) FROM history_row"
	  "  WHERE kpi_id = v.kpi_id AND fiscal_year = v.fiscal_year AND kind = v.kind)"
	  "  AND EXISTS (SELECT 1 FROM change WHERE id = h.change_id))"
	  "  THEN 'value ' || k.code || ' ' || v.fiscal_year || ' ' || " KIND_WORD("v.kind")
	  "  || ': no history row records it' END"
	  " FROM value_row v LEFT JOIN kpi k ON k.id = v.kpi_id LEFT JOIN entry e ON e.id = v.entry_id"
	  " LEFT JOIN change c ON c.id = v.set_change"
	  " WHERE (v.set_id IS NULL OR v.set_change IS NULL"
	  "  OR NOT (v.set_id <= :last AND v.set_change BETWEEN :change_lo AND :change_hi"
	  "  AND v.entry_id BETWEEN :entry_lo AND :entry_hi AND v.kpi_id BETWEEN :kpi_lo AND :kpi_hi))"
	  " AND (k.id IS NULL OR e.id IS NULL OR v.set_id IS NULL OR c.id IS NULL"
	  " OR v.set_id > (SELECT last FROM history_seq))" },
	/* history_row, once, beside its value: its references, the last row
	 * of each value, which says a value is there when none is stored,
	 * and the first row after a value's setting, which must have none
	 * (a setting is newer than every history row of its value): read
	 * from history_row, not looked for once for each value, since most
	 * values have none. */
	{ 0, "SELECT CASE WHEN k.id IS NULL OR c.id IS NULL"
	  "  THEN 'foreign key: history_row row ' || h.id || ' refers to a missing '"
	  "  || CASE WHEN k.id IS NULL THEN 'kpi' ELSE 'change' END END,"
	  " CASE WHEN k.id IS NOT NULL AND c.id IS NOT NULL AND h.new_value IS NOT NULL"
	  "  AND h.id = (SELECT max(id) FROM history_row WHERE kpi_id = h.kpi_id"
	  "  AND fiscal_year = h.fiscal_year AND kind = h.kind)"
	  "  AND v.kpi_id IS NULL"
	  "  THEN 'value ' || k.code || ' ' || h.fiscal_year || ' ' || " KIND_WORD("h.kind")
	  "  || ': history says ' || h.new_value || ' but no value is stored' END,"
	  " CASE WHEN k.id IS NOT NULL AND h.id >= v.set_id"
	  "  AND v.set_id <= (SELECT last FROM history_seq)"
	  "  AND NOT EXISTS (SELECT 1 FROM history_row b WHERE b.kpi_id = h.kpi_id"
	  "  AND b.fiscal_year = h.fiscal_year AND b.kind = h.kind AND b.id >= v.set_id AND b.id < h.id)"
	  "  THEN 'value ' || k.code || ' ' || v.fiscal_year || ' ' || " KIND_WORD("v.kind")
	  "  || ': its setting (history id ' || v.set_id || ') has history rows after it' END"
	  " FROM history_row h LEFT JOIN kpi k ON k.id = h.kpi_id LEFT JOIN change c ON c.id = h.change_id"
	  " LEFT JOIN value_row v ON v.kpi_id = h.kpi_id AND v.fiscal_year = h.fiscal_year"
	  "  AND v.kind = h.kind" },
	{ 0, "SELECT CASE WHEN cn.level <> coalesce(pn.level, 0) + 1"
	  "  THEN 'placement ' || c.id || ': a level ' || cn.level || ' node under a level '"
	  "  || coalesce(pn.level, 0) || ' node' END,"
	  " CASE WHEN cn.strategy_id <> pn.strategy_id"
	  "  THEN 'placement ' || c.id || ': under a placement of another strategy' END"
	  " FROM placement c JOIN node cn ON cn.id = c.node_id"
	  " LEFT JOIN placement p ON p.id = c.parent_id LEFT JOIN node pn ON pn.id = p.node_id"
	  " WHERE cn.level <> coalesce(pn.level, 0) + 1 OR cn.strategy_id <> pn.strategy_id" },
	{ 0, "SELECT 'kpi ' || k.code || ': placed on a level ' || n.level || ' node, not a content row'"
	  " FROM kpi_placement kp JOIN kpi k ON k.id = kp.kpi_id"
	  " JOIN placement p ON p.id = kp.placement_id JOIN node n ON n.id = p.node_id"
	  " WHERE n.level <> 5" },
	{ 0, "SELECT CASE WHEN strategy_id IS NOT NULL AND NOT home"
	  "  THEN 'kpi ' || code || ': a strategy KPI without a home row' END,"
	  " CASE WHEN project_id IS NOT NULL AND placed"
	  "  THEN 'kpi ' || code || ': a project KPI placed in a strategy tree' END,"
	  " CASE WHEN baseline_to < baseline_from"
	  "  THEN 'kpi ' || code || ': baseline period ends before it starts' END,"
	  " CASE WHEN target_to < target_from"
	  "  THEN 'kpi ' || code || ': target period ends before it starts' END"
	  " FROM (SELECT k.*, EXISTS (SELECT 1 FROM kpi_placement WHERE kpi_id = k.id AND home = 1) AS home,"
	  "  EXISTS (SELECT 1 FROM kpi_placement WHERE kpi_id = k.id) AS placed FROM kpi k)"
	  " WHERE (strategy_id IS NOT NULL AND NOT home) OR (project_id IS NOT NULL AND placed)"
	  " OR baseline_to < baseline_from OR target_to < target_from" },
	/* No UNIQUE index holds node's text (schema.c version 6): its
	 * triggers refuse two alike, and this finds any that got in. */
	{ 0, "SELECT 'node ' || a.id || ': the same as node ' || (SELECT min(id) FROM node b"
	  "  WHERE b.strategy_id = a.strategy_id AND b.level = a.level"
	  "  AND substr(b.title, 1, 8) = substr(a.title, 1, 8) AND b.label = a.label"
	  "  AND +b.title = a.title)"
	  " FROM node a WHERE EXISTS (SELECT 1 FROM node b WHERE b.strategy_id = a.strategy_id"
	  "  AND b.level = a.level AND substr(b.title, 1, 8) = substr(a.title, 1, 8)"
	  "  AND b.label = a.label AND +b.title = a.title AND b.id < a.id)" },
	/* Each row searchable has its search row, and the index holds as
	 * many as there are (searched_count: its own count of rows). */
	{ 0, "SELECT 'search index: ' || kind || ' has ' || refs || ' search rows for ' || rows || ' rows'"
	  " FROM (SELECT 'node' AS kind, (SELECT count(*) FROM search_ref WHERE kind = 1) AS refs,"
	  "  (SELECT count(*) FROM node) AS rows"
	  " UNION ALL SELECT 'kpi', (SELECT count(*) FROM search_ref WHERE kind = 2),"
	  "  (SELECT count(*) FROM kpi)"
	  " UNION ALL SELECT 'grant_menu', (SELECT count(*) FROM search_ref WHERE kind = 3),"
	  "  (SELECT count(*) FROM grant_menu)"
	  " UNION ALL SELECT 'placement', (SELECT count(*) FROM search_ref WHERE kind = 4),"
	  "  (SELECT count(*) FROM placement)"
	  " UNION ALL SELECT 'project', (SELECT count(*) FROM search_ref WHERE kind = 5),"
	  "  (SELECT count(*) FROM project))"
	  " WHERE refs <> rows" },
	{ 0, "SELECT 'search index: ' || searched_count() || ' entries, for '"
	  "  || (SELECT count(*) FROM search_ref) || ' search rows'"
	  " WHERE searched_count() IS NOT (SELECT count(*) FROM search_ref)" },
};

/* The bounds the rules compare ids with, read once before them: the
 * last history id, and for each table below the range of its ids,
 * first to last, when every id between is there (the table's row count
 * is that range's length, its ids being unique integers), else an empty
 * range, so that a rule looks each id up. Cheap: a row count walks the
 * table's pages without reading a row, and the first and last ids are
 * the ends of its b-tree. Entries and changes are never deleted, so
 * their ids stay one range; KPIs' ids do unless a KPI is deleted. */
#define ID_RANGE(t) \
	" coalesce((SELECT min(id) FROM " t "), 1) AS " t "_lo," \
	" CASE WHEN (SELECT count(*) FROM " t ") = (SELECT max(id) FROM " t ")" \
	"  - (SELECT min(id) FROM " t ") + 1 THEN (SELECT max(id) FROM " t ")" \
	"  ELSE coalesce((SELECT min(id) FROM " t "), 1) - 1 END AS " t "_hi"

static const char bounds_sql[] =
	"SELECT (SELECT last FROM history_seq) AS last,"
	ID_RANGE("kpi") "," ID_RANGE("entry") "," ID_RANGE("change");

/* searched_count(): the rows FTS5 counts in the search index, from its
 * averages record (search_data row 1, a varint first); NULL if there is
 * none. */
static void searched_count(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *stmt;
	(void)argc;
	(void)argv;

	if (sqlite3_prepare_v2(db, "SELECT block FROM search_data WHERE id = 1", -1, &stmt,
			       NULL) != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		return;
	}
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		const unsigned char *p = sqlite3_column_blob(stmt, 0);
		int n = sqlite3_column_bytes(stmt, 0), i;
		sqlite3_uint64 v = 0;

		/* SQLite's varint: seven bits a byte, the ninth byte eight */
		for (i = 0; i < n && i < 9; i++) {
			if (i == 8) {
				v = (v << 8) | p[i];
				break;
			}
			v = (v << 7) | (p[i] & 0x7f);
			if (!(p[i] & 0x80))
				break;
		}
		if (i < n)
			sqlite3_result_int64(ctx, (sqlite3_int64)v);
		else
			sqlite3_result_null(ctx);
	} else {
		sqlite3_result_null(ctx);
	}
	sqlite3_finalize(stmt);
}

/* Problems, kept until they may be reported. */
struct found {
	char **lines;
	int n, size;
	int failed;		/* out of memory */
};

static void keep(struct found *f, const char *text)
{
	if (f->n == f->size) {
		int size = f->size ? 2 * f->size : 16;
		char **more = realloc(f->lines, (size_t)size * sizeof *more);

		if (!more) {
			f->failed = 1;
			return;
		}
		f->lines = more;
		f->size = size;
	}
	if (!(f->lines[f->n] = strdup(text))) {
		f->failed = 1;
		return;
	}
	f->n++;
}

static void found_free(struct found *f)
{
	int i;

	for (i = 0; i < f->n; i++)
		free(f->lines[i]);
	free(f->lines);
}

/* Binds each :name of stmt to the bounds' column of that name. */
static void bind_bounds(sqlite3_stmt *stmt, sqlite3_stmt *bounds)
{
	int i, c;

	for (i = 1; i <= sqlite3_bind_parameter_count(stmt); i++) {
		const char *name = sqlite3_bind_parameter_name(stmt, i);

		for (c = 0; name && c < sqlite3_column_count(bounds); c++)
			if (strcmp(name + 1, sqlite3_column_name(bounds, c)) == 0)
				sqlite3_bind_value(stmt, i, sqlite3_column_value(bounds, c));
	}
}

/* Runs a rule, keeping each problem; returns 0, or -1 with err. */
static int run_rule(struct store *s, const char *sql, sqlite3_stmt *bounds, struct found *f,
		    struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s, sql, err);
	int rc, i;

	if (!stmt)
		return -1;
	bind_bounds(stmt, bounds);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW)
		for (i = 0; i < sqlite3_column_count(stmt); i++)
			if (sqlite3_column_type(stmt, i) != SQLITE_NULL)
				keep(f, (const char *)sqlite3_column_text(stmt, i));
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The integrity check, on a connection of its own (the thread's). */
struct integrity {
	const char *path;
	const char *pragma;
	struct found found;
	int rc;			/* SQLITE_DONE, or what went wrong */
	char message[512];
};

/* Runs in->pragma on db, keeping each line that is not "ok". */
static void integrity_on(struct integrity *in, sqlite3 *db)
{
	sqlite3_stmt *stmt = NULL;

	in->rc = sqlite3_prepare_v2(db, in->pragma, -1, &stmt, NULL);
	if (in->rc == SQLITE_OK) {
		while ((in->rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			const char *text = (const char *)sqlite3_column_text(stmt, 0);

			if (!text || strcmp(text, "ok") != 0)
				keep(&in->found, text ? text : "(null)");
		}
	}
	if (in->rc != SQLITE_DONE)
		snprintf(in->message, sizeof in->message, "%s: %s", in->path, sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
}

static void *integrity_run(void *arg)
{
	struct integrity *in = arg;
	sqlite3 *db = NULL;

	in->rc = sqlite3_open_v2(in->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	if (in->rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, STORE_BUSY_TIMEOUT_MS);
		integrity_on(in, db);
	}
	sqlite3_close(db);
	return NULL;
}

int store_check_as(struct store *s, enum store_check_kind kind,
		   void (*report)(void *, const char *), void *ctx, struct error *err)
{
	struct integrity in = { .path = s->path, .rc = SQLITE_DONE };
	struct found rules_found = { NULL, 0, 0, 0 };
	int quick = kind == STORE_CHECK_QUICK, threaded = 0, rc = 0, total, i, step;
	pthread_t thread;
	sqlite3_stmt *bounds = NULL;
	size_t r;

	in.pragma = quick ? "PRAGMA quick_check" : "PRAGMA integrity_check";
	if (quick || pthread_create(&thread, NULL, integrity_run, &in) != 0)
		integrity_on(&in, s->db);	/* first, on its own */
	else
		threaded = 1;
	if (!quick || (in.rc == SQLITE_DONE && !in.found.n)) {
		if (sqlite3_create_function(s->db, "searched_count", 0, SQLITE_UTF8, NULL,
					    searched_count, NULL, NULL) != SQLITE_OK)
			rc = store_error(s, err, "searched_count");
		if (rc == 0 && !(bounds = store_prepare(s, bounds_sql, err)))
			rc = -1;
		/* a SELECT without FROM: one row, or an error */
		if (rc == 0 && (step = store_step(s, bounds, err)) != SQLITE_ROW)
			rc = step == SQLITE_DONE ? store_error(s, err, s->path) : -1;
		for (r = 0; rc == 0 && r < sizeof rules / sizeof rules[0]; r++)
			if (!quick || rules[r].quick)
				rc = run_rule(s, rules[r].sql, bounds, &rules_found, err);
		sqlite3_finalize(bounds);
	}
	if (threaded) {
		pthread_join(thread, NULL);
		/* a second connection may be refused (a file it cannot open
		 * as it is): the store's own, then */
		if (in.rc != SQLITE_DONE && !in.found.n)
			integrity_on(&in, s->db);
	}
	if (in.rc != SQLITE_DONE) {
		rc = error_of(err, store_error_kind(in.rc), "%s", in.message);
	} else if (in.found.failed || rules_found.failed) {
		rc = error_of(err, ERROR_NO_MEMORY, _("out of memory"));
	} else if (in.found.n) {
		/* a damaged file: the rules would mislead */
		rc = 0;
	}
	if (rc < 0) {
		found_free(&in.found);
		found_free(&rules_found);
		return -1;
	}
	for (i = 0; i < in.found.n; i++)
		report(ctx, in.found.lines[i]);
	total = in.found.n;
	for (i = 0; !in.found.n && i < rules_found.n; i++)
		report(ctx, rules_found.lines[i]);
	if (!in.found.n)
		total += rules_found.n;
	found_free(&in.found);
	found_free(&rules_found);
	return total;
}

int store_check(struct store *s, void (*report)(void *, const char *), void *ctx,
		struct error *err)
{
	return store_check_as(s, STORE_CHECK_FULL, report, ctx, err);
}
