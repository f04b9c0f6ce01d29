/* check.c: kpitree check: the file's integrity (SQLite's own check) and
 * the model's rules, as set-based queries that each read a table once.
 *
 * The whole check runs PRAGMA integrity_check on a second connection
 * (opened as the store's is: read-only, SQLite checks no CHECK) in
 * a second thread while the rules run on the store's: it reads every
 * page and every index entry. On a machine whose cores are busy the
 * rules get none of their own, and the check takes the sum of both; so
 * the rules are made cheap beside it: the cheap aggregate first (row
 * counts, the ends of b-trees and indexes, one pass over the tree's
 * tables into arrays), and a rule's query, which looks rows up one by
 * one and says what is wrong, only where that did not clear it. What
 * the rules find is kept until the integrity check is done: on a
 * damaged file only its lines are reported, since the rules would
 * mislead. The quick check is PRAGMA quick_check and the rules that
 * read no more than a few rows. */
#include "store.h"
#include "i18n.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct found;
struct rule;
struct passes;

/* The rules a cheaper pass may clear (tree_pass(), below), each a
 * bit. */
enum {
	TREE_PLACEMENT = 1,	/* a placement's level and strategy */
	TREE_KPI_LEVEL = 2,	/* a KPI placed on a content row */
	TREE_KPI = 4,		/* a KPI's home row, place and periods */
	TREE_NODE = 8,		/* no two nodes alike */
	TREE_ALL = 15
};

/* A rule: a query whose rows are breaches, each column that is not NULL
 * a problem of its own; quick when it reads no more than a few rows; run
 * by its own function when it has one (which decides where it needs
 * the query); not run when a cheaper pass has cleared it. */
struct rule {
	int quick;
	const char *sql;
	int (*run)(struct store *s, const struct rule *rule, struct passes *p, struct found *f,
		   struct error *err);
	unsigned cleared_by;	/* its bit of a pass that may clear it */
};

static int foreign_keys(struct store *s, const struct rule *rule, struct passes *p,
			struct found *f, struct error *err);

/* The history id, and the words, of value_row's kind (schema.c). */
#define KIND_WORD(k) "CASE " k " WHEN 0 THEN 'actual' ELSE 'plan' END"

static const struct rule rules[] = {
	/* What an init killed before it finished left, before init wrote
	 * the database in a temporary file: the schema and nothing else. */
	{ 1, "SELECT 'database: the schema without any data and without the mark of a finished init'"
	  "  || ' (an init that did not finish; make it again with kpitree init)'"
	  " WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'init')"
	  " AND NOT EXISTS (SELECT 1 FROM node) AND NOT EXISTS (SELECT 1 FROM kpi)"
	  " AND NOT EXISTS (SELECT 1 FROM project)", NULL, 0 },
	/* An import's transaction ends with neither (schema.c version 6). */
	{ 1, "SELECT 'search index: the rows after ' || value || ' were never indexed'"
	  " FROM setting WHERE key = 'search_pending_after'", NULL, 0 },
	{ 1, "SELECT 'import: ' || count(*) || ' re-listings left waiting in relisting_waiting'"
	  " FROM relisting_waiting HAVING count(*) > 0", NULL, 0 },
	{ 1, "SELECT 'history: history_seq holds ' || count(*) || ' rows, not one'"
	  " FROM history_seq HAVING count(*) <> 1", NULL, 0 },

	/* The foreign keys SQLite knows, a table at a time: foreign_keys(),
	 * below, runs this only for a table whose keys it cannot clear. A
	 * table WITHOUT ROWID has no rowid to name its row by (NULL). */
	{ 0, "SELECT 'foreign key: ' || CASE WHEN rowid IS NULL THEN 'a ' || \"table\" || ' row'"
	  "  ELSE \"table\" || ' row ' || rowid END || ' refers to a missing ' || parent"
	  " FROM pragma_foreign_key_check(:table)", foreign_keys, 0 },
	/* value_row, once: its references (it declares no foreign keys:
	 * schema.c), its setting (a value's only history while it has one:
	 * its id was given out; that no history row comes after it is
	 * found in history_row's pass, below), and without a setting the
	 * last history row, which must say what the value is.
	 * Cheap: a row whose ids lie within their tables' ranges of ids
	 * (struct table_ids, below) refers to rows that are there, and a row
	 * with a setting given out needs no history; only the rows that are
	 * neither are looked up
	 * (the first condition reads value_row alone, so SQLite tests it
	 * before the joins; a NULL, as 0, is in no range, which begins at
	 * 1 or more). NOT NULL columns need no test: the integrity check
	 * finds a NULL in them, and then no rule is reported. An id that is
	 * no integer (20.5 lies within a range) is looked up: ids_within()
	 * tests the type and the range of each at once. */
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
	  " WHERE NOT ids_within(v.set_id, v.set_change, v.entry_id, v.kpi_id)"
	  " AND (k.id IS NULL OR e.id IS NULL OR v.set_id IS NULL OR c.id IS NULL"
	  " OR v.set_id > (SELECT last FROM history_seq))", NULL, 0 },
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
	  "  AND v.kind = h.kind", NULL, 0 },
	{ 0, "SELECT CASE WHEN cn.level <> coalesce(pn.level, 0) + 1"
	  "  THEN 'placement ' || c.id || ': a level ' || cn.level || ' node under a level '"
	  "  || coalesce(pn.level, 0) || ' node' END,"
	  " CASE WHEN cn.strategy_id <> pn.strategy_id"
	  "  THEN 'placement ' || c.id || ': under a placement of another strategy' END"
	  " FROM placement c JOIN node cn ON cn.id = c.node_id"
	  " LEFT JOIN placement p ON p.id = c.parent_id LEFT JOIN node pn ON pn.id = p.node_id"
	  " WHERE cn.level <> coalesce(pn.level, 0) + 1 OR cn.strategy_id <> pn.strategy_id", NULL,
	  TREE_PLACEMENT },
	{ 0, "SELECT 'kpi ' || k.code || ': placed on a level ' || n.level || ' node, not a content row'"
	  " FROM kpi_placement kp JOIN kpi k ON k.id = kp.kpi_id"
	  " JOIN placement p ON p.id = kp.placement_id JOIN node n ON n.id = p.node_id"
	  " WHERE n.level <> 5", NULL, TREE_KPI_LEVEL },
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
	  " OR baseline_to < baseline_from OR target_to < target_from", NULL, TREE_KPI },
	/* No UNIQUE index holds node's text (schema.c version 6): its
	 * triggers refuse two alike, and this finds any that got in. */
	{ 0, "SELECT 'node ' || a.id || ': the same as node ' || (SELECT min(id) FROM node b"
	  "  WHERE b.strategy_id = a.strategy_id AND b.level = a.level"
	  "  AND substr(b.title, 1, 8) = substr(a.title, 1, 8) AND b.label = a.label"
	  "  AND +b.title = a.title)"
	  " FROM node a WHERE EXISTS (SELECT 1 FROM node b WHERE b.strategy_id = a.strategy_id"
	  "  AND b.level = a.level AND substr(b.title, 1, 8) = substr(a.title, 1, 8)"
	  "  AND b.label = a.label AND +b.title = a.title AND b.id < a.id)", NULL, TREE_NODE },
	/* Each row searchable has its search row, and the index holds as
	 * many as there are (searched_count: its own count of rows). It
	 * counts the entries of each kind in search_ref's (kind, ref) index,
	 * which reads no row and no value: cheaper than a proof from the
	 * index's ends, which would have to read every entry's types (a
	 * fraction among the refs, or for a kind, lies within the ends). */
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
	  " WHERE refs <> rows", NULL, 0 },
	{ 0, "SELECT 'search index: ' || searched_count() || ' entries, for '"
	  "  || (SELECT count(*) FROM search_ref) || ' search rows'"
	  " WHERE searched_count() IS NOT (SELECT count(*) FROM search_ref)", NULL, 0 },
};

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

/* ids_within(set_id, set_change, entry_id, kpi_id): 1 when each is an
 * integer within its range (struct passes: within), else 0 (a NULL or a
 * fraction is in none): the cheap test of value_row's references, one
 * call for a row where SQL would take a comparison and a typeof() for
 * each. */
static void ids_within(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	const sqlite3_int64 (*within)[2] = sqlite3_user_data(ctx);
	int i;

	for (i = 0; i < argc; i++) {
		sqlite3_int64 x = sqlite3_value_int64(v[i]);

		if (sqlite3_value_type(v[i]) != SQLITE_INTEGER || x < within[i][0] || x > within[i][1])
			break;
	}
	sqlite3_result_int(ctx, i == argc);
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

/* A column's least and greatest values, as a pass over its table read
 * them (the same as min() and max() over it, when they are integers). */
struct column_ends {
	int read;		/* the pass read every row */
	int seen;		/* a value that is not NULL */
	int odd;		/* a value that is no integer */
	sqlite3_int64 lo, hi;
};

/* A table's ids, read once for all the rules that ask: the first and
 * last (the ends of its b-tree) and its row count (a walk over its
 * pages that reads no row); and lo to hi, the range of ids each of which
 * is there: first to last when the row count is that range's length
 * (rowids being unique integers) and the first is 1 or more, else none
 * (1 to 0), so that a rule looks each id up. Entries and changes are
 * never deleted, so their ids stay one range; the others' do unless a
 * row is deleted. */
struct table_ids {
	char *table;
	int any;		/* a row */
	sqlite3_int64 first, last, rows, lo, hi;
};

/* The key columns tree_pass() reads, whose ends it keeps. */
enum end {
	END_NODE_STRATEGY, END_PLACEMENT_NODE, END_PLACEMENT_PARENT, END_PLACEMENT_FIELD,
	END_KP_KPI, END_KP_PLACEMENT, END_KPI_STRATEGY, END_KPI_PROJECT, END_KPI_FIELD,
	END_PM_PLACEMENT, END_PM_MENU, END_COLUMNS
};

static const struct {
	const char *table, *column;
} end_columns[END_COLUMNS] = {
	{ "node", "strategy_id" }, { "placement", "node_id" }, { "placement", "parent_id" },
	{ "placement", "field_id" }, { "kpi_placement", "kpi_id" },
	{ "kpi_placement", "placement_id" }, { "kpi", "strategy_id" }, { "kpi", "project_id" },
	{ "kpi", "field_id" }, { "placement_menu", "placement_id" }, { "placement_menu", "menu_id" }
};

/* What the cheaper passes found, for the rules. */
struct passes {
	struct table_ids ids[48];
	int n_ids;
	sqlite3_value *last;	/* history_seq's last history id */
	unsigned cleared;	/* the rules found to hold */
	/* the key columns tree_pass() reads (enum end) */
	struct column_ends ends[END_COLUMNS];
	/* the ids value_row may refer to, from each lo to hi: histories
	 * given out (1 to history_seq's last), changes, entries, KPIs */
	sqlite3_int64 within[4][2];
};

/* Reads one row of sql: each value's type into types, and into v the
 * value if it is an integer; returns 0, or -1 with err. */
static int row_of(struct store *s, char *sql, sqlite3_int64 *v, int *types, int n,
		  struct error *err)
{
	sqlite3_stmt *stmt;
	int step, i;

	if (!sql)
		return error_of(err, ERROR_NO_MEMORY, _("out of memory"));
	stmt = store_prepare(s, sql, err);
	sqlite3_free(sql);
	if (!stmt)
		return -1;
	if ((step = store_step(s, stmt, err)) == SQLITE_ROW) {
		for (i = 0; i < n; i++) {
			types[i] = sqlite3_column_type(stmt, i);
			v[i] = sqlite3_column_int64(stmt, i);
		}
	}
	sqlite3_finalize(stmt);
	if (step == SQLITE_DONE)
		return store_error(s, err, s->path);
	return step == SQLITE_ROW ? 0 : -1;
}

/* The ids of table (of its rowid), kept in p; NULL with err. */
static const struct table_ids *ids_of(struct store *s, struct passes *p, const char *table,
				      struct error *err)
{
	const int size = (int)(sizeof p->ids / sizeof p->ids[0]);
	struct table_ids *t;
	sqlite3_int64 v[3];
	int types[3], i;

	for (i = 0; i < p->n_ids; i++)
		if (!strcmp(p->ids[i].table, table))
			return &p->ids[i];
	/* with no room left, the last is read again when asked */
	t = &p->ids[p->n_ids < size ? p->n_ids++ : size - 1];
	sqlite3_free(t->table);
	memset(t, 0, sizeof *t);
	if (row_of(s, sqlite3_mprintf("SELECT (SELECT min(rowid) FROM \"%w\"),"
				      " (SELECT max(rowid) FROM \"%w\"), (SELECT count(*) FROM \"%w\")",
				      table, table, table), v, types, 3, err) < 0)
		return NULL;
	if (!(t->table = sqlite3_mprintf("%s", table))) {
		error_of(err, ERROR_NO_MEMORY, _("out of memory"));
		return NULL;
	}
	t->any = types[0] == SQLITE_INTEGER;
	t->first = v[0];
	t->last = v[1];
	t->rows = v[2];
	t->lo = t->any && t->first >= 1 ? t->first : 1;
	t->hi = t->any && t->first >= 1 && t->last - t->first == t->rows - 1 ? t->last : 0;
	return t;
}

static void passes_free(struct passes *p)
{
	while (p->n_ids > 0)
		sqlite3_free(p->ids[--p->n_ids].table);
	sqlite3_value_free(p->last);
}

/* Reads history_seq's last id into p (NULL when there is none). */
static int last_id(struct store *s, struct passes *p, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s, "SELECT (SELECT last FROM history_seq)", err);
	int step;

	if (!stmt)
		return -1;
	if ((step = store_step(s, stmt, err)) == SQLITE_ROW &&
	    !(p->last = sqlite3_value_dup(sqlite3_column_value(stmt, 0))))
		step = error_of(err, ERROR_NO_MEMORY, _("out of memory"));
	sqlite3_finalize(stmt);
	if (step == SQLITE_DONE)
		return store_error(s, err, s->path);
	return step == SQLITE_ROW ? 0 : -1;
}

/* Reads into p the ranges of ids_within(); returns 0, or -1 with err. */
static int value_ids(struct store *s, struct passes *p, struct error *err)
{
	static const char *const tables[] = { "change", "entry", "kpi" };
	int i;

	p->within[0][0] = 1;
	p->within[0][1] = p->last && sqlite3_value_type(p->last) == SQLITE_INTEGER ?
			  sqlite3_value_int64(p->last) : 0;
	for (i = 0; i < 3; i++) {
		const struct table_ids *t = ids_of(s, p, tables[i], err);

		if (!t)
			return -1;
		p->within[i + 1][0] = t->lo;
		p->within[i + 1][1] = t->hi;
	}
	return 0;
}

/* Binds each parameter of stmt: :last, and :T_lo, :T_hi and :T_rows
 * of table T's ids; returns 0, or -1 with err. */
static int bind_ids(struct store *s, sqlite3_stmt *stmt, struct passes *p, struct error *err)
{
	int i;

	for (i = 1; i <= sqlite3_bind_parameter_count(stmt); i++) {
		const char *name = sqlite3_bind_parameter_name(stmt, i), *end;
		const struct table_ids *t;
		char table[64];

		if (!name)
			continue;
		if (!strcmp(name, ":last")) {
			sqlite3_bind_value(stmt, i, p->last);
			continue;
		}
		if (!(end = strrchr(name, '_')) || end - name - 1 >= (long)sizeof table)
			continue;
		memcpy(table, name + 1, (size_t)(end - name - 1));
		table[end - name - 1] = '\0';
		if (!(t = ids_of(s, p, table, err)))
			return -1;
		sqlite3_bind_int64(stmt, i, !strcmp(end, "_lo") ? t->lo : !strcmp(end, "_hi") ? t->hi : t->rows);
	}
	return 0;
}

/* Runs a rule's statement, keeping each problem and finalizing it;
 * returns 0, or -1 with err. */
static int run_stmt(struct store *s, sqlite3_stmt *stmt, struct passes *p, struct found *f,
		    struct error *err)
{
	int rc, i;

	if (bind_ids(s, stmt, p, err) < 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW)
		for (i = 0; i < sqlite3_column_count(stmt); i++)
			if (sqlite3_column_type(stmt, i) != SQLITE_NULL)
				keep(f, (const char *)sqlite3_column_text(stmt, i));
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Runs a rule, keeping each problem; returns 0, or -1 with err. */
static int run_rule(struct store *s, const struct rule *rule, struct passes *p,
		    struct found *f, struct error *err)
{
	sqlite3_stmt *stmt;

	if (rule->run)
		return rule->run(s, rule, p, f, err);
	if (!(stmt = store_prepare(s, rule->sql, err)))
		return -1;
	return run_stmt(s, stmt, p, f, err);
}

/* Each table's foreign keys, cleared without a look-up where the ends
 * prove them: a key of one column that refers to its parent's INTEGER
 * PRIMARY KEY (the rowid), whose ids from lo to hi are all there
 * (struct table_ids), holds for every row when the column's least and
 * greatest values lie in that range. Cheap: the ends of an index whose
 * first column is the key's (every large table has one, or tree_pass()
 * read them), and the parent's ids, instead of a look-up in the parent
 * for each row. A table with a key not cleared so is checked by SQLite
 * row by row (rule->sql). A fraction (2.5) is not an integer id yet
 * lies in the range: a key is cleared only when every value is an
 * integer too, which tree_pass() sees as it reads the row, and a query
 * learns from each entry's type in the index (or the table). */

/* Sets *cleared when column from of table (indexed: an index begins
 * with it) lies within parent's ids. */
static int key_cleared(struct store *s, struct passes *p, const char *table, const char *from,
		       int indexed, const char *parent, int *cleared, struct error *err)
{
	const struct column_ends *e = NULL;
	const struct table_ids *range = ids_of(s, p, parent, err);
	sqlite3_int64 ends[3];
	char *sql;
	int types[3], k;

	*cleared = 0;
	if (!range)
		return -1;
	/* read by the tree's pass, or else by a query of their own */
	for (k = 0; k < END_COLUMNS; k++)
		if (p->ends[k].read && !strcmp(end_columns[k].table, table) &&
		    !strcmp(end_columns[k].column, from))
			e = &p->ends[k];
	if (e) {
		*cleared = !e->odd && (!e->seen || (e->lo >= range->lo && e->hi <= range->hi));
		return 0;
	}
	/* the least and greatest, both NULL when no row refers to any, and
	 * whether a value is no integer (a fraction lies between integers:
	 * the ends do not show it), which the index alone answers */
	if (indexed)
		sql = sqlite3_mprintf("SELECT (SELECT min(\"%w\") FROM \"%w\"),"
				      " (SELECT max(\"%w\") FROM \"%w\"),"
				      " EXISTS (SELECT 1 FROM \"%w\" WHERE typeof(\"%w\") NOT IN"
				      " ('integer', 'null'))", from, table, from, table, table, from);
	else
		sql = sqlite3_mprintf("SELECT min(\"%w\"), max(\"%w\"),"
				      " max(typeof(\"%w\") NOT IN ('integer', 'null')) FROM \"%w\"",
				      from, from, from, table);
	if (row_of(s, sql, ends, types, 3, err) < 0)
		return -1;
	if (types[2] == SQLITE_INTEGER && ends[2])
		*cleared = 0;
	else if (types[0] == SQLITE_NULL && types[1] == SQLITE_NULL)
		*cleared = 1;
	else if (types[0] == SQLITE_INTEGER && types[1] == SQLITE_INTEGER)
		*cleared = ends[0] >= range->lo && ends[1] <= range->hi;
	return 0;
}

static int foreign_keys(struct store *s, const struct rule *rule, struct passes *p,
			struct found *f, struct error *err)
{
	/* each table's keys; of each, whether it is one column that refers
	 * to its parent's rowid, and whether an index begins with it */
	static const char keys_sql[] =
		"SELECT m.name, k.\"table\", k.\"from\","
		" (SELECT count(*) FROM pragma_foreign_key_list(m.name) o WHERE o.id = k.id) = 1"
		" AND (SELECT count(*) FROM pragma_table_info(k.\"table\") WHERE pk > 0) = 1"
		" AND EXISTS (SELECT 1 FROM pragma_table_info(k.\"table\") WHERE pk = 1"
		"  AND upper(type) = 'INTEGER' AND name = coalesce(k.\"to\", name))"
		" AND NOT EXISTS (SELECT 1 FROM pragma_index_list(k.\"table\") WHERE origin = 'pk'),"
		" EXISTS (SELECT 1 FROM pragma_index_list(m.name) l, pragma_index_info(l.name) i"
		"  WHERE i.seqno = 0 AND i.name = k.\"from\")"
		" FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) k"
		" WHERE m.type = 'table' AND k.seq = 0 ORDER BY m.name, k.id";
	sqlite3_stmt *keys = store_prepare(s, keys_sql, err);
	char *table = NULL;
	int cleared = 1, rc = 0, step;

	if (!keys)
		return -1;
	/* a table is checked once its last key is read: at the next
	 * table's first, or at the end */
	do {
		const char *name = NULL;

		if ((step = store_step(s, keys, err)) == SQLITE_ROW)
			name = (const char *)sqlite3_column_text(keys, 0);
		else if (step != SQLITE_DONE)
			rc = -1;
		if (rc == 0 && table && (!name || strcmp(name, table) != 0)) {
			sqlite3_stmt *check = cleared ? NULL : store_prepare(s, rule->sql, err);

			if (!cleared && !check) {
				rc = -1;
			} else if (check && sqlite3_bind_text(check, 1, table, -1, SQLITE_TRANSIENT) != SQLITE_OK) {
				sqlite3_finalize(check);
				rc = error_of(err, ERROR_NO_MEMORY, _("out of memory"));
			} else if (check) {
				rc = run_stmt(s, check, p, f, err);
			}
			sqlite3_free(table);
			table = NULL;
		}
		if (rc == 0 && name && !table) {
			if (!(table = sqlite3_mprintf("%s", name)))
				rc = error_of(err, ERROR_NO_MEMORY, _("out of memory"));
			cleared = 1;
		}
		if (rc == 0 && name && cleared) {
			if (sqlite3_column_int(keys, 3))
				rc = key_cleared(s, p, name, (const char *)sqlite3_column_text(keys, 2),
						 sqlite3_column_int(keys, 4),
						 (const char *)sqlite3_column_text(keys, 1), &cleared, err);
			else
				cleared = 0;
		}
	} while (rc == 0 && step == SQLITE_ROW);
	sqlite3_free(table);
	sqlite3_finalize(keys);
	return rc;
}

/* The tree's rules (placements' levels and strategies, KPIs on content
 * rows, KPIs' home rows and periods, nodes alike), cleared in one pass
 * over node, placement, kpi_placement and kpi (and placement_menu, for
 * the ends and types of its keys): each table read once in
 * rowid order, its rows kept in arrays indexed by id, so that a
 * placement finds its node and its parent's node, and a KPI its
 * placements, in memory rather than by a look-up in a b-tree; nodes
 * alike are found by a hash of what makes them alike, two alike
 * meeting in hashes_meet(). The pass only clears: a rule it finds anything
 * against (or any row it cannot judge: a reference to no row, an id
 * or period that is no integer) is then run as the query above, which
 * says what is wrong in its own words. When a table's ids are too
 * spread out for arrays (more than twice its rows and 65536), it clears
 * nothing. */

/* One table's ids: the first, and how many from it the arrays hold. */
struct ids {
	sqlite3_int64 lo;
	size_t n;
};

/* ids from table's ids; sets *spread when they are too many for its
 * rows. */
static void span_of(const struct table_ids *table, struct ids *ids, int *spread)
{
	sqlite3_uint64 span = (sqlite3_uint64)table->last - (sqlite3_uint64)table->first;

	ids->lo = table->first;
	ids->n = table->any ? (size_t)span + 1 : 0;
	/* the arrays hold an offset in 31 bits */
	if (table->any && (span >= 2 * (sqlite3_uint64)table->rows + 65536 || span >= INT32_MAX))
		*spread = 1;
}

/* The offset of v[col] in ids, or -1 if it is no integer there. */
static sqlite3_int64 id_at(sqlite3_value **v, int col, const struct ids *ids)
{
	sqlite3_int64 id;

	if (sqlite3_value_type(v[col]) != SQLITE_INTEGER)
		return -1;
	id = sqlite3_value_int64(v[col]);
	if (id < ids->lo || (sqlite3_uint64)id - (sqlite3_uint64)ids->lo >= ids->n)
		return -1;
	return (sqlite3_int64)((sqlite3_uint64)id - (sqlite3_uint64)ids->lo);
}

/* A hash of a column's type and value, mixed into h: eight bytes at a
 * time (a multiply and a rotation each), an integer as itself. */
static sqlite3_uint64 mix(sqlite3_uint64 h, sqlite3_uint64 w)
{
	h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
	return h ^ (h >> 29);
}

static sqlite3_uint64 hash_column(sqlite3_uint64 h, sqlite3_value **v, int col)
{
	int type = sqlite3_value_type(v[col]), n, i;
	const unsigned char *p;

	h = mix(h, (sqlite3_uint64)type);
	if (type == SQLITE_INTEGER)
		return mix(h, (sqlite3_uint64)sqlite3_value_int64(v[col]));
	p = sqlite3_value_blob(v[col]);
	n = sqlite3_value_bytes(v[col]);
	for (i = 0; i + 8 <= n; i += 8) {
		sqlite3_uint64 w;

		memcpy(&w, p + i, 8);
		h = mix(h, w);
	}
	if (i < n) {
		sqlite3_uint64 w = 0;

		memcpy(&w, p + i, (size_t)(n - i));
		h = mix(h, w);
	}
	return mix(h, (sqlite3_uint64)n);
}

/* Whether two of n hashes are equal: sorted by their top 16 bits (two
 * passes of a radix sort, each reading one array in order and writing
 * 256 runs, which the caches keep, where a hash table would miss them
 * at each node), then each run of the same top bits (a few hashes)
 * compared within. tmp holds n. */
static int hashes_meet(sqlite3_uint64 *a, sqlite3_uint64 *tmp, size_t n)
{
	size_t count[256], i, j, run;
	int shift, b;

	for (shift = 48; shift < 64; shift += 8) {
		size_t at = 0;

		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[(a[i] >> shift) & 0xff]++;
		for (b = 0; b < 256; b++) {
			size_t c = count[b];

			count[b] = at;
			at += c;
		}
		for (i = 0; i < n; i++)
			tmp[count[(a[i] >> shift) & 0xff]++] = a[i];
		memcpy(a, tmp, n * sizeof *a);
	}
	for (run = 0; run < n; run = i) {
		for (i = run + 1; i < n && a[i] >> 48 == a[run] >> 48; i++)
			for (j = run; j < i; j++)
				if (a[j] == a[i])
					return 1;
	}
	return 0;
}

/* Calls row, as the SQL function tree_row, for each row of table's
 * columns: SQLite reads the rows and hands them over without a call
 * for each column; returns 0, or -1 with err. */
static int each_row(struct store *s, const char *table, const char *columns, int n,
		    void (*row)(sqlite3_context *, int, sqlite3_value **), void *ctx,
		    struct error *err)
{
	char *sql = sqlite3_mprintf("SELECT count(tree_row(%s)) FROM %s", columns, table);
	sqlite3_stmt *stmt;
	int step;

	if (!sql)
		return error_of(err, ERROR_NO_MEMORY, _("out of memory"));
	if (sqlite3_create_function(s->db, "tree_row", n, SQLITE_UTF8, ctx, row, NULL, NULL) != SQLITE_OK) {
		sqlite3_free(sql);
		return store_error(s, err, "tree_row");
	}
	stmt = store_prepare(s, sql, err);
	sqlite3_free(sql);
	if (!stmt)
		return -1;
	step = store_step(s, stmt, err);
	sqlite3_finalize(stmt);
	sqlite3_create_function(s->db, "tree_row", n, SQLITE_UTF8, NULL, NULL, NULL, NULL);
	if (step == SQLITE_DONE)
		return store_error(s, err, s->path);
	return step == SQLITE_ROW ? 0 : -1;
}

struct tree {
	struct ids node, placement, kpi;
	unsigned char *level;		/* a node's, 0: no node */
	sqlite3_int64 *strategy;	/* a node's */
	sqlite3_uint64 *hash;		/* each node's, in the order read */
	size_t hashes;
	int32_t *place_node;		/* a placement's node, -1: none, -2: no placement */
	int32_t *parent;		/* a placement's parent, -1: none */
	unsigned char *kpi_flags;	/* KPI_HOME, KPI_PLACED */
	unsigned found;			/* the rules found against */
	struct passes *passes;		/* its column ends */
};

enum { KPI_HOME = 1, KPI_PLACED = 2 };

static void note_end(struct column_ends *e, sqlite3_value *v)
{
	sqlite3_int64 x;

	if (sqlite3_value_type(v) == SQLITE_NULL)
		return;
	if (sqlite3_value_type(v) != SQLITE_INTEGER) {
		e->odd = 1;
		return;
	}
	x = sqlite3_value_int64(v);
	if (!e->seen || x < e->lo)
		e->lo = x;
	if (!e->seen || x > e->hi)
		e->hi = x;
	e->seen = 1;
}

static void node_row(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	struct tree *t = sqlite3_user_data(ctx);
	sqlite3_int64 at = id_at(v, 0, &t->node);
	sqlite3_uint64 h = 0xcbf29ce484222325ULL;
	int c;

	(void)argc;
	for (c = 1; c <= 4; c++)
		h = hash_column(h, v, c);
	t->hash[t->hashes++] = h;
	note_end(&t->passes->ends[END_NODE_STRATEGY], v[1]);
	/* a level is 1 to 5 (its CHECK, which the integrity check proves),
	 * if it is an integer (2.5 would pass the CHECK) */
	if (at < 0 || sqlite3_value_type(v[1]) != SQLITE_INTEGER ||
	    sqlite3_value_type(v[2]) != SQLITE_INTEGER) {
		t->found |= TREE_PLACEMENT | TREE_KPI_LEVEL;
		return;
	}
	t->level[at] = (unsigned char)sqlite3_value_int(v[2]);
	t->strategy[at] = sqlite3_value_int64(v[1]);
}

static void placement_row(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	struct tree *t = sqlite3_user_data(ctx);
	sqlite3_int64 at = id_at(v, 0, &t->placement), node = id_at(v, 1, &t->node);

	(void)argc;
	note_end(&t->passes->ends[END_PLACEMENT_NODE], v[1]);
	note_end(&t->passes->ends[END_PLACEMENT_PARENT], v[2]);
	note_end(&t->passes->ends[END_PLACEMENT_FIELD], v[3]);
	if (at < 0 || node < 0 || !t->level[node]) {
		t->found |= TREE_PLACEMENT | TREE_KPI_LEVEL;
		return;
	}
	t->place_node[at] = (int32_t)node;
	if (sqlite3_value_type(v[2]) == SQLITE_NULL)
		t->parent[at] = -1;
	else if ((t->parent[at] = (int32_t)id_at(v, 2, &t->placement)) < 0)
		t->found |= TREE_PLACEMENT;
}

static void kpi_placement_row(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	struct tree *t = sqlite3_user_data(ctx);
	sqlite3_int64 kpi = id_at(v, 0, &t->kpi), at = id_at(v, 1, &t->placement);

	(void)argc;
	note_end(&t->passes->ends[END_KP_KPI], v[0]);
	note_end(&t->passes->ends[END_KP_PLACEMENT], v[1]);
	if (at < 0 || t->place_node[at] < 0 || t->level[t->place_node[at]] != 5)
		t->found |= TREE_KPI_LEVEL;
	/* a row of a KPI that is not there is no KPI's */
	if (kpi >= 0)
		t->kpi_flags[kpi] |= KPI_PLACED | (sqlite3_value_type(v[2]) == SQLITE_INTEGER
						   && sqlite3_value_int64(v[2]) == 1 ? KPI_HOME : 0);
}

/* A period's end before its start, or what cannot be compared so. */
static int period_wrong(sqlite3_value **v, int from, int to)
{
	int a = sqlite3_value_type(v[from]), b = sqlite3_value_type(v[to]);

	if (a == SQLITE_NULL || b == SQLITE_NULL)
		return 0;
	return a != SQLITE_INTEGER || b != SQLITE_INTEGER ||
	       sqlite3_value_int64(v[to]) < sqlite3_value_int64(v[from]);
}

static void kpi_row(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	struct tree *t = sqlite3_user_data(ctx);
	sqlite3_int64 at = id_at(v, 0, &t->kpi);
	int flags = at < 0 ? 0 : t->kpi_flags[at];

	(void)argc;
	note_end(&t->passes->ends[END_KPI_STRATEGY], v[1]);
	note_end(&t->passes->ends[END_KPI_PROJECT], v[2]);
	note_end(&t->passes->ends[END_KPI_FIELD], v[7]);
	if ((sqlite3_value_type(v[1]) != SQLITE_NULL && !(flags & KPI_HOME)) ||
	    (sqlite3_value_type(v[2]) != SQLITE_NULL && (flags & KPI_PLACED)) ||
	    period_wrong(v, 3, 4) || period_wrong(v, 5, 6))
		t->found |= TREE_KPI;
}

/* placement_menu's keys, read here (a table as large as placement)
 * rather than by a scan of each of its indexes for a value that is no
 * integer. */
static void placement_menu_row(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	struct tree *t = sqlite3_user_data(ctx);

	(void)argc;
	note_end(&t->passes->ends[END_PM_PLACEMENT], v[0]);
	note_end(&t->passes->ends[END_PM_MENU], v[1]);
}

/* Adds to p->cleared the tree's rules found to hold, and reads the ends
 * of p's columns; returns 0, or -1 with err. Without the memory for its
 * arrays it clears nothing. */
static int tree_pass(struct store *s, struct passes *p, struct error *err)
{
	const struct table_ids *ids;
	struct tree t;
	size_t i;
	int spread = 0, rc = 0;

	memset(&t, 0, sizeof t);
	t.passes = p;
	/* each read before the next is asked for (ids_of() may reuse) */
	if (!(ids = ids_of(s, p, "node", err)))
		return -1;
	span_of(ids, &t.node, &spread);
	if (!(ids = ids_of(s, p, "placement", err)))
		return -1;
	span_of(ids, &t.placement, &spread);
	if (!(ids = ids_of(s, p, "kpi", err)))
		return -1;
	span_of(ids, &t.kpi, &spread);
	if (spread)
		return 0;
	t.level = calloc(t.node.n + 1, 1);
	t.strategy = calloc(t.node.n + 1, sizeof *t.strategy);
	t.hash = calloc(2 * t.node.n + 1, sizeof *t.hash);
	t.place_node = malloc((t.placement.n + 1) * sizeof *t.place_node);
	t.parent = calloc(t.placement.n + 1, sizeof *t.parent);
	t.kpi_flags = calloc(t.kpi.n + 1, 1);
	if (!t.level || !t.strategy || !t.hash || !t.place_node || !t.parent || !t.kpi_flags)
		goto done;
	for (i = 0; i < t.placement.n; i++)
		t.place_node[i] = -2;
	if (each_row(s, "node", "id, strategy_id, level, label, title", 5, node_row, &t, err) < 0 ||
	    each_row(s, "placement", "id, node_id, parent_id, field_id", 4, placement_row, &t, err) < 0 ||
	    each_row(s, "kpi_placement", "kpi_id, placement_id, home", 3, kpi_placement_row, &t,
		     err) < 0 ||
	    each_row(s, "kpi", "id, strategy_id, project_id, baseline_from, baseline_to, target_from,"
		     " target_to, field_id", 8, kpi_row, &t, err) < 0 ||
	    each_row(s, "placement_menu", "placement_id, menu_id", 2, placement_menu_row, &t,
		     err) < 0) {
		rc = -1;
		goto done;
	}
	/* each placement one level below its parent's, in its strategy */
	for (i = 0; i < t.placement.n; i++) {
		int32_t node = t.place_node[i], parent = node >= 0 ? t.parent[i] : -1;

		if (node < 0)
			continue;
		if (parent < 0 ? t.level[node] != 1 :
		    t.place_node[parent] < 0 || t.level[node] != t.level[t.place_node[parent]] + 1 ||
		    t.strategy[node] != t.strategy[t.place_node[parent]])
			t.found |= TREE_PLACEMENT;
	}
	if (hashes_meet(t.hash, t.hash + t.node.n, t.hashes))
		t.found |= TREE_NODE;
	p->cleared |= TREE_ALL & ~t.found;
	for (i = 0; i < END_COLUMNS; i++)
		p->ends[i].read = 1;
done:
	free(t.level);
	free(t.strategy);
	free(t.hash);
	free(t.place_node);
	free(t.parent);
	free(t.kpi_flags);
	return rc;
}

/* The integrity check, on a connection of its own (the thread's). */
struct integrity {
	const char *path;
	int read_only;		/* the store's connection is */
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

	/* as the store's is: SQLite checks no CHECK constraint on a
	 * connection opened read-only */
	in->rc = sqlite3_open_v2(in->path, &db, (in->read_only ? SQLITE_OPEN_READONLY :
						 SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX, NULL);
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
	int quick = kind == STORE_CHECK_QUICK, threaded = 0, rc = 0, total, i;
	pthread_t thread;
	struct passes p;
	size_t r;

	memset(&p, 0, sizeof p);
	in.read_only = sqlite3_db_readonly(s->db, "main") == 1;
	in.pragma = quick ? "PRAGMA quick_check" : "PRAGMA integrity_check";
	if (quick || pthread_create(&thread, NULL, integrity_run, &in) != 0)
		integrity_on(&in, s->db);	/* first, on its own */
	else
		threaded = 1;
	if (!quick || (in.rc == SQLITE_DONE && !in.found.n)) {
		if (sqlite3_create_function(s->db, "searched_count", 0, SQLITE_UTF8, NULL,
					    searched_count, NULL, NULL) != SQLITE_OK)
			rc = store_error(s, err, "searched_count");
		else if (sqlite3_create_function(s->db, "ids_within", 4,
						 SQLITE_UTF8 | SQLITE_DETERMINISTIC, p.within, ids_within,
						 NULL, NULL) != SQLITE_OK)
			rc = store_error(s, err, "ids_within");
		/* it defines functions, which no running statement may see
		 * change: before the rules */
		if (rc == 0 && !quick)
			rc = tree_pass(s, &p, err);
		if (rc == 0)
			rc = last_id(s, &p, err);
		if (rc == 0 && !quick)
			rc = value_ids(s, &p, err);
		for (r = 0; rc == 0 && r < sizeof rules / sizeof rules[0]; r++)
			if ((!quick || rules[r].quick) && !(rules[r].cleared_by & p.cleared))
				rc = run_rule(s, &rules[r], &p, &rules_found, err);
		passes_free(&p);
		/* p.within is gone */
		sqlite3_create_function(s->db, "ids_within", 4, SQLITE_UTF8, NULL, NULL, NULL, NULL);
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
