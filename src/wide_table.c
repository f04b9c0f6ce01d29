/* wide_table.c: the government's wide table (the columns of seed 000) as
 * Excel keeps it: merged cells, repeated headers, re-listed KPIs. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "i18n.h"
#include "import.h"
#include "kpi.h"
#include "kpi_history.h"
#include "kpi_text.h"

#define DEFAULT_STRATEGY "第3期北海道創生総合戦略"

enum wide_column {
	W_STRATEGY, W_CODE, W_PROJECT, W_BASIC, W_MEASURE, W_ITEM, W_CONTENT, W_KPI,
	W_NUMBER, W_FIELD, W_MENUS, W_EXAMPLE, W_AI_EXAMPLE, W_COLUMNS
};

static const char *const wide_names[W_COLUMNS] = {
	"strategy", "code", "重点戦略プロジェクト", "基本戦略", "施策", "項目", "内容",
	"対象KPI", "番号", "主要分野", "活用が想定される交付金事業メニュー", "対象事業例",
	"AI・デジタルを活用した事業例",
};

/* Merged cells: an empty cell in these columns means the same as above. */
static const int carried[W_COLUMNS] = {
	[W_STRATEGY] = 1, [W_PROJECT] = 1, [W_BASIC] = 1, [W_MEASURE] = 1, [W_ITEM] = 1,
	[W_FIELD] = 1,
};

#define MAX_KPIS_IN_CELL 16
#define MAX_CELL_TEXT 4096

/* A re-listing whose KPI has no home row yet waits for the end of the
 * file, since its home row may come later: in the table
 * relisting_waiting (schema.c), so that memory stays the same whatever
 * the file's shape. */
struct relisting {
	long long placement;
	int position;
	long long strategy;
	char code[32];
	const char *name;
	long line, column;
};

/* A name met lately and its id (named_id). */
#define NAMES_KEPT 64
struct named {
	const struct names_table *table;
	long long id;
	char name[256];
};

/* The texts of the file's rows (a hash of level, label and title each),
 * read only when a re-import meets a row whose text is new where an old
 * row stands: that old row is renamed only if the file no longer has
 * its text. */
struct file_texts {
	int read;		/* 0 not yet, 1 read, -1 could not be */
	uint64_t *hash;		/* sorted */
	size_t n, size;
	uint64_t last[5];	/* each level's last, kept once for the rows it heads */
};

struct wide_table {
	struct import *im;
	struct named names[NAMES_KEPT];
	int index[W_COLUMNS];		/* file column of each, or -1 */
	char header[W_COLUMNS][256];	/* the header's names, for repeats */
	size_t cells;
	char carry[W_COLUMNS][MAX_CELL_TEXT];
	/* the placements of the last row's levels 1-4 and its strategy */
	long long strategy;
	long long level[5];
	char path_key[W_ITEM + 1][MAX_CELL_TEXT];
	int relistings;		/* some wait in relisting_waiting */
	long line;		/* of the row being taken */
	int made;		/* its content placement was made, not found */
	int menus_gone;		/* a row's menus changed: some menu may be named by none */
	int failed;
	/* the placements there before the import: ids up to this */
	long long old_placements;
	/* the KPIs there before the file: ids up to this */
	long long old_kpis;
	/* The nodes the file made for the strategy at hand, when the file
	 * made that strategy and its rows have not left it before (entered:
	 * a bit per strategy): a hash of each (text_hash) in new_nodes, so
	 * that a node whose hash is not there is known new without asking
	 * the store. */
	long long old_strategies;	/* there before the file: ids up to this */
	unsigned char *entered;
	size_t entered_size;
	uint64_t *new_nodes;		/* MADE_SLOTS, 0 for none */
	size_t nmade;
	int made_whole;			/* new_nodes holds each node of w->strategy */
	struct file_texts texts;
	/* with old placements: the strategies of the file, and its rows
	 * found among the old (a bit per placement id), to count the old
	 * rows the file no longer has */
	long long *strategies;
	size_t nstrategies, strategies_size;
	unsigned char *taken;
	long rows_taken;
	/* the KPIs whose home row the file has given (a bit per KPI id) */
	unsigned char *homed;
	size_t homed_size;
};

/* Copies src into dst of size bytes, cut at size - 1 (the callers' sizes
 * match their sources, so nothing is cut in practice). */
static void set_text(char *dst, size_t size, const char *src)
{
	size_t n = strnlen(src, size - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

static long column_of(const struct wide_table *w, int k)
{
	return w->index[k] + 1;
}

int wide_table_is_header(const struct csv_record *header)
{
	char name[256];
	size_t i;
	int found = 0, k;

	for (i = 0; i < header->n; i++) {
		import_header_name(header->fields[i].text, name, sizeof name);
		for (k = W_PROJECT; k <= W_KPI; k++)
			if (strcmp(name, wide_names[k]) == 0)
				found++;
	}
	return found == W_KPI - W_PROJECT + 1;
}

/* The placements there before an import: ids up to this (asked once:
 * for every file of the import, the rows of another are new). */
static const char placements_old_sql[] = "SELECT coalesce(max(id), 0) FROM placement";
/* The KPIs and strategies there before a file: ids up to these. */
static const char kpis_old_sql[] = "SELECT coalesce(max(id), 0) FROM kpi";
static const char strategies_old_sql[] = "SELECT coalesce(max(id), 0) FROM strategy";
static sqlite3_stmt *cached(struct wide_table *w, const char *sql);
static long long one_id(struct wide_table *w, sqlite3_stmt *stmt);

/* The one id a query of the ids there before gives (placements_old_sql,
 * kpis_old_sql). */
static long long max_id(struct wide_table *w, const char *sql)
{
	sqlite3_stmt *stmt = cached(w, sql);

	return stmt ? one_id(w, stmt) : 0;
}

struct wide_table *wide_table_begin(struct import *im, const struct csv_record *header,
				    const struct csv_record *above)
{
	struct wide_table *w = calloc(1, sizeof *w);
	size_t i;
	int k, bad = 0;

	if (!w) {
		import_error(im, header->line, 0, _("out of memory"));
		return NULL;
	}
	w->im = im;
	w->cells = header->n;
	for (k = 0; k < W_COLUMNS; k++)
		w->index[k] = -1;
	for (i = 0; i < header->n; i++) {
		char name[256];

		import_header_name(header->fields[i].text, name, sizeof name);
		/* Excel's two header rows: a name may stand in the row above. */
		if (!*name && above && i < above->n)
			import_header_name(above->fields[i].text, name, sizeof name);
		if (!*name)
			continue;
		for (k = 0; k < W_COLUMNS && strcmp(name, wide_names[k]) != 0; k++)
			;
		if (k == W_COLUMNS) {
			import_error(im, header->line, (long)i + 1, _("unknown column '%s'"), name);
			bad = 1;
		} else if (w->index[k] >= 0) {
			import_error(im, header->line, (long)i + 1, _("column '%s' twice"), name);
			bad = 1;
		} else {
			w->index[k] = (int)i;
			set_text(w->header[k], sizeof w->header[k], name);
		}
	}
	if (bad) {
		free(w);
		return NULL;
	}
	snprintf(w->carry[W_STRATEGY], MAX_CELL_TEXT, "%s", DEFAULT_STRATEGY);
	w->line = header->line;
	if (!im->placements_known) {
		im->old_placements = max_id(w, placements_old_sql);
		im->placements_known = !w->failed;
	}
	w->old_placements = im->old_placements;
	if (!w->failed)
		w->old_kpis = max_id(w, kpis_old_sql);
	if (!w->failed)
		w->old_strategies = max_id(w, strategies_old_sql);
	if (w->failed) {
		free(w);
		return NULL;
	}
	return w;
}

/* Whether cell may read as the header name (import_header_name): its
 * first character, past spaces, is the name's, or it starts with what
 * that function takes away. Saves reading every cell of every row as a
 * header name: a data cell rarely passes. */
static int may_be_named(const char *cell, const char *name)
{
	size_t n = 1;

	for (;;) {
		if (*cell == ' ' || *cell == '\t' || *cell == '\r' || *cell == '\n')
			cell++;
		else if (strncmp(cell, "\u3000", 3) == 0)
			cell += 3;
		else
			break;
	}
	if (strncmp(cell, "【", strlen("【")) == 0)
		return 1;
	while (n < 4 && ((unsigned char)name[n] & 0xC0) == 0x80)
		n++;
	return strncmp(cell, name, n) == 0;
}

/* A repeated header (a page break in the document) names its columns;
 * a short row names only those it has. */
static int is_repeated_header(const struct wide_table *w, const struct csv_record *r)
{
	char name[256];
	int k, same = 0;

	for (k = 0; k < W_COLUMNS; k++) {
		if (w->index[k] < 0 || (size_t)w->index[k] >= r->n || !*w->header[k] ||
		    !may_be_named(r->fields[w->index[k]].text, w->header[k]))
			continue;
		import_header_name(r->fields[w->index[k]].text, name, sizeof name);
		if (*name && strcmp(name, w->header[k]) == 0)
			same++;
	}
	return same >= 3;
}

/* node_key (schema.c) finds the nodes of a strategy and level whose
 * titles begin alike; then the whole text decides (+title: see
 * NODE_EXISTS in schema.c). */
static const char node_find_sql[] =
	"SELECT id FROM node WHERE strategy_id = ?1 AND level = ?2"
	" AND substr(title, 1, 8) = substr(?4, 1, 8) AND label = ?3 AND +title = ?4";
static const char node_insert_sql[] =
	"INSERT INTO node(strategy_id, level, label, title) VALUES (?, ?, ?, ?)";
static const char placement_find_sql[] =
	"SELECT id FROM placement WHERE coalesce(parent_id, 0) = ? AND node_id = ?";
/* The old placements (ids up to ?2) under the placement ?1, or at the
 * top of the strategy ?3, at level ?4, in their order, with their
 * nodes: those a row whose text is new may be, renamed. The top is
 * found through the strategy's nodes (node_key), not through every
 * strategy's tops. */
static const char children_old_sql[] =
	"SELECT p.id, n.id, n.label, n.title FROM placement p JOIN node n ON n.id = p.node_id"
	" WHERE p.parent_id = ?1 AND p.id <= ?2 AND n.strategy_id = ?3 AND n.level = ?4"
	" ORDER BY p.position";
static const char tops_old_sql[] =
	"SELECT p.id, n.id, n.label, n.title FROM node n JOIN placement p ON p.node_id = n.id"
	" WHERE n.strategy_id = ?3 AND n.level = ?4 AND +p.parent_id IS NULL AND p.id <= ?2"
	" AND ?1 = 0 ORDER BY p.position";
static const char node_rename_sql[] = "UPDATE node SET title = ?2 WHERE id = ?1";
/* The content rows of strategy ?1 there before the import (node_key). */
static const char rows_old_sql[] =
	"SELECT count(*) FROM node n JOIN placement p ON p.node_id = n.id"
	" WHERE n.strategy_id = ?1 AND n.level = 5 AND p.id <= ?2";
/* A content row gets its field and examples as it is inserted: updating
 * them after would send its search row back through FTS5, which then
 * flushes what it had built in memory. */
static const char placement_insert_sql[] =
	"INSERT INTO placement(node_id, parent_id, position, field_id, example, ai_example)"
	" VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM placement"
	" WHERE parent_id IS ?2), ?3, ?4, ?5)";
/* A table of names (UNIQUE): found, else made. */
struct names_table {
	unsigned tag;
	const char *find, *insert;
};
static const struct names_table strategy_sql = {
	1, "SELECT id FROM strategy WHERE name = ?", "INSERT INTO strategy(name) VALUES (?)"
};
static const struct names_table field_sql = {
	2, "SELECT id FROM field WHERE name = ?", "INSERT INTO field(name) VALUES (?)"
};
static const struct names_table menu_sql = {
	3, "SELECT id FROM grant_menu WHERE name = ?", "INSERT INTO grant_menu(name) VALUES (?)"
};
static const char content_sql[] =
	"UPDATE placement SET field_id = ?1, example = ?2, ai_example = ?3 WHERE id = ?4"
	" AND (field_id IS NOT ?1 OR example IS NOT ?2 OR ai_example IS NOT ?3)";
static const char menu_link_sql[] =
	"INSERT INTO placement_menu(placement_id, menu_id, position) VALUES (?, ?, ?)"
	" ON CONFLICT DO UPDATE SET position = excluded.position";
static const char menus_now_sql[] =
	"SELECT group_concat(name, ', ') FROM (SELECT m.name FROM placement_menu pm"
	" JOIN grant_menu m ON m.id = pm.menu_id WHERE pm.placement_id = ? ORDER BY pm.position)";
static const char menus_unlink_sql[] = "DELETE FROM placement_menu WHERE placement_id = ?";
/* a menu no row names any more is no menu */
static const char menus_orphan_sql[] =
	"DELETE FROM grant_menu WHERE id NOT IN (SELECT menu_id FROM placement_menu)";
/* The conflict is the row's own link: a KPI's home elsewhere is moved
 * first (link_kpi), never updated in place of the new link. */
static const char kpi_link_sql[] =
	"INSERT INTO kpi_placement(kpi_id, placement_id, home, position) VALUES (?, ?, ?, ?)"
	" ON CONFLICT(placement_id, kpi_id) DO UPDATE SET home = excluded.home,"
	" position = excluded.position";
static const char kpi_home_sql[] =
	"SELECT placement_id FROM kpi_placement WHERE kpi_id = ? AND home = 1";
static const char kpi_unhome_sql[] = "DELETE FROM kpi_placement WHERE kpi_id = ? AND home = 1";
/* By code when the row gives one, else by name; two statements, so that
 * each finds its KPI through an index. */
static const char relisted_by_code_sql[] =
	"SELECT k.id FROM kpi k WHERE k.code = ?2 AND k.strategy_id = ?1"
	" AND EXISTS (SELECT 1 FROM kpi_placement WHERE kpi_id = k.id AND home = 1)";
static const char relisted_by_name_sql[] =
	"SELECT k.id FROM kpi k WHERE k.strategy_id = ?1 AND k.name = ?3"
	" AND EXISTS (SELECT 1 FROM kpi_placement WHERE kpi_id = k.id AND home = 1)";
static const char setting_sql[] =
	"SELECT CAST(value AS REAL) FROM setting WHERE key = 'municipality_count'";

/* A store error stops the import; it is reported at the row's line. */
static void store_failed(struct wide_table *w, const struct error *err)
{
	if (!w->failed)
		import_error(w->im, w->line, 0, "%s", err->text);
	w->failed = 1;
}

/* Steps a cached statement that yields one id (0 if none) and resets it. */
static long long one_id(struct wide_table *w, sqlite3_stmt *stmt)
{
	struct error err;
	long long id = 0;
	int rc = store_step(w->im->s, stmt, &err);

	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	else if (rc != SQLITE_DONE)
		store_failed(w, &err);
	sqlite3_reset(stmt);
	return id;
}

static sqlite3_stmt *cached(struct wide_table *w, const char *sql)
{
	struct error err;
	sqlite3_stmt *stmt = store_cached(w->im->s, sql, &err);

	if (!stmt)
		store_failed(w, &err);
	return stmt;
}

static int run(struct wide_table *w, sqlite3_stmt *stmt);

static long long named_id(struct wide_table *w, const struct names_table *table,
			  const char *name)
{
	unsigned h = 2166136261u;
	const unsigned char *p;
	struct named *kept;
	sqlite3_stmt *stmt;
	long long id;

	/* a row names the same few strategies, fields and menus as the
	 * rows before it: each is asked of the store once */
	for (p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 16777619u;
	kept = &w->names[(h ^ table->tag) % NAMES_KEPT];
	if (kept->table == table && strcmp(kept->name, name) == 0)
		return kept->id;
	stmt = cached(w, table->find);
	if (!stmt)
		return 0;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	id = one_id(w, stmt);
	if (!id && !w->failed) {
		stmt = cached(w, table->insert);
		if (!stmt)
			return 0;
		sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
		if (run(w, stmt) == 0)
			id = sqlite3_last_insert_rowid(w->im->s->db);
	}
	if (id && strlen(name) < sizeof kept->name) {
		kept->table = table;
		kept->id = id;
		memcpy(kept->name, name, strlen(name) + 1);
	}
	return id;
}

static int run(struct wide_table *w, sqlite3_stmt *stmt)
{
	struct error err;
	int rc = store_step(w->im->s, stmt, &err);

	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		store_failed(w, &err);
		return -1;
	}
	return 0;
}

/* The code point of the UTF-8 character at p and its length in *n; a
 * byte that starts none is itself, of length 1. */
static unsigned long code_point(const char *p, size_t *n)
{
	const unsigned char *u = (const unsigned char *)p;

	if (u[0] >= 0xE0 && u[0] < 0xF0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		*n = 3;
		return (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
	}
	*n = 1;
	return u[0];
}

/* The value of a digit, half or full width (０-９), at p, its length in
 * *n; -1 if none. */
static int digit_at(const char *p, size_t *n)
{
	unsigned long c = code_point(p, n);

	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0xFF10 && c <= 0xFF19)
		return (int)(c - 0xFF10);
	return -1;
}

/* Splits "1 「…」プロジェクト", "① 安心して…", "■ 待機児童…" into the
 * number and the title, the number as the document writes it with
 * full-width digits made half-width (１ is 1), and split where no space
 * follows it too (①安心して…, 3安心して…, 1「…」); a heading of levels
 * 1-2 whose digits run on into a date or ASCII (2030年, 2030s, 1.5) has
 * no number. */
static void split_label(int level, const char *cell, char *label, size_t lsize,
			const char **title)
{
	const char *p = cell;
	size_t n, len = 0;
	int d;

	*label = '\0';
	if (level <= 2) {
		while (len + 1 < lsize && (d = digit_at(p, &n)) >= 0) {
			label[len++] = (char)('0' + d);
			p += n;
		}
		label[len] = '\0';
		/* digits run on into a date or ASCII (2030年, 2030s, 1.5)
		 * begin a title that has no number; before other text they
		 * are its number, with or without a space (3安心して…) */
		if (len && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '.' ||
			    *p == ',' || strncmp(p, "年", strlen("年")) == 0 ||
			    strncmp(p, "月", strlen("月")) == 0 || strncmp(p, "日", strlen("日")) == 0))
			p = cell;
	} else if (level == 3) {
		p += codes_circled_read(p, &d);
	} else if (level == 4 && strncmp(p, "■", strlen("■")) == 0) {
		p += strlen("■");
	}
	if (p == cell) {
		*label = '\0';
		*title = cell;
		return;
	}
	if (level > 2)
		snprintf(label, lsize, "%.*s", (int)(p - cell), cell);
	while (*p == ' ')
		p++;
	while (strncmp(p, "\u3000", 3) == 0)
		p += 3;
	*title = p;
}

/* The node of a strategy's level with label and title: found (find
 * 1), else 0; or made (find 0). */
static long long node_id(struct wide_table *w, int find, int level, const char *label,
			 const char *title)
{
	sqlite3_stmt *stmt = cached(w, find ? node_find_sql : node_insert_sql);

	if (!stmt)
		return 0;
	sqlite3_bind_int64(stmt, 1, w->strategy);
	sqlite3_bind_int(stmt, 2, level);
	sqlite3_bind_text(stmt, 3, label, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, title, -1, SQLITE_STATIC);
	if (find)
		return one_id(w, stmt);
	return run(w, stmt) == 0 ? sqlite3_last_insert_rowid(w->im->s->db) : 0;
}

/* The placement of node under parent, found (find 1) or made. cells is
 * the row, for a content placement's field and examples; NULL for the
 * levels above. A node made just now stands nowhere yet: find 0. */
static long long placement_id(struct wide_table *w, int find, long long parent, long long node,
			      long long field, const char *const *cells)
{
	sqlite3_stmt *stmt;
	long long id;

	if (find) {
		stmt = cached(w, placement_find_sql);
		if (!stmt)
			return 0;
		sqlite3_bind_int64(stmt, 1, parent);
		sqlite3_bind_int64(stmt, 2, node);
		id = one_id(w, stmt);
		if (id || w->failed)
			return id;
	}
	if (!node)
		return 0;
	stmt = cached(w, placement_insert_sql);
	if (!stmt)
		return 0;
	sqlite3_bind_int64(stmt, 1, node);
	if (parent)
		sqlite3_bind_int64(stmt, 2, parent);
	else
		sqlite3_bind_null(stmt, 2);
	if (field)
		sqlite3_bind_int64(stmt, 3, field);
	else
		sqlite3_bind_null(stmt, 3);
	sqlite3_bind_text(stmt, 4, cells ? cells[W_EXAMPLE] : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, cells ? cells[W_AI_EXAMPLE] : "", -1, SQLITE_STATIC);
	if (run(w, stmt) < 0)
		return 0;
	w->made = cells != NULL;
	w->im->stats->rows_added += w->made;
	return sqlite3_last_insert_rowid(w->im->s->db);
}

/* A row's text as the file's texts keep it. */
static uint64_t text_hash(int level, const char *label, const char *title)
{
	uint64_t h = 14695981039346656037u;
	const unsigned char *p;

	h = (h ^ (unsigned)level) * 1099511628211u;
	for (p = (const unsigned char *)label; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	h = (h ^ 0xff) * 1099511628211u;	/* no UTF-8 byte: label and title apart */
	for (p = (const unsigned char *)title; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	return h;
}

static int hash_order(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void split_label(int level, const char *cell, char *label, size_t lsize,
			const char **title);

/* Keeps the texts of a record's cells of the five levels. Any record,
 * headers too: a text too many only keeps an old row from a rename. */
static int keep_texts(void *ctx, const struct csv_record *r)
{
	struct wide_table *w = ctx;
	struct file_texts *t = &w->texts;
	int k;

	for (k = W_PROJECT; k <= W_CONTENT; k++) {
		int level = k - W_PROJECT + 1;
		char label[32];
		const char *title;
		uint64_t h;

		if (w->index[k] < 0 || (size_t)w->index[k] >= r->n || !*r->fields[w->index[k]].text)
			continue;
		split_label(level, r->fields[w->index[k]].text, label, sizeof label, &title);
		h = text_hash(level, label, title);
		if (t->n && t->last[level - 1] == h)
			continue;
		t->last[level - 1] = h;
		if (t->n == t->size) {
			size_t size = t->size ? 2 * t->size : 1024;
			uint64_t *hash = realloc(t->hash, size * sizeof *hash);

			if (!hash)
				return -1;
			t->hash = hash;
			t->size = size;
		}
		t->hash[t->n++] = h;
	}
	return 0;
}

/* Whether the file has a row of level with label and title, reading its
 * texts the first time. A file that cannot be read again has them all:
 * no old row is renamed then, as before renames were known. */
static int file_has(struct wide_table *w, int level, const char *label, const char *title)
{
	struct file_texts *t = &w->texts;
	uint64_t h;

	if (!t->read) {
		struct error err;

		t->read = import_read_again(w->im, keep_texts, w, &err) == 0 ? 1 : -1;
		if (t->read > 0)
			qsort(t->hash, t->n, sizeof *t->hash, hash_order);
	}
	if (t->read < 0)
		return 1;
	h = text_hash(level, label, title);
	return bsearch(&h, t->hash, t->n, sizeof *t->hash, hash_order) != NULL;
}

/* The characters of text's first n bytes (n at a character's start). */
static size_t characters(const char *text, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		count += ((unsigned char)text[i] & 0xC0) != 0x80;
	return count;
}

/* Text folded for measuring a correction: full-width ASCII (Ａ, １, （)
 * as ASCII, the ideographic space as a space, and every quotation mark
 * (「」『』“”‘’＂＇) as ", so that a text whose digits or quotes
 * alone changed is the same text. Cut at size - 1 bytes. */
static void fold_text(const char *text, char *out, size_t size)
{
	static const unsigned long quotes[] = {
		0x300C, 0x300D, 0x300E, 0x300F, 0x201C, 0x201D, 0x2018, 0x2019, '\'',
	};
	size_t o = 0, n, i;

	while (*text && o + 4 < size) {
		unsigned long c = code_point(text, &n);

		if (c >= 0xFF01 && c <= 0xFF5E)
			c -= 0xFEE0;
		else if (c == 0x3000)
			c = ' ';
		for (i = 0; i < sizeof quotes / sizeof *quotes; i++)
			if (c == quotes[i])
				c = '"';
		if (c < 0x80)
			out[o++] = (char)c;
		else {
			memcpy(out + o, text, n);
			o += n;
		}
		text += n;
	}
	out[o] = '\0';
}

/* Whether new is old corrected, not another text: what they share at
 * their start and at their end, folded alike (fold_text), is at least
 * half the longer's characters. */
static int corrected(const char *old_text, const char *new_text)
{
	char old[MAX_CELL_TEXT], new[MAX_CELL_TEXT];
	size_t lo, ln, head = 0, tail = 0, longer;

	fold_text(old_text, old, sizeof old);
	fold_text(new_text, new, sizeof new);
	lo = strlen(old);
	ln = strlen(new);
	while (head < lo && head < ln && old[head] == new[head])
		head++;
	while (head > 0 && ((unsigned char)old[head] & 0xC0) == 0x80)
		head--;		/* the shared start ends before a character */
	while (tail < lo - head && tail < ln - head && old[lo - 1 - tail] == new[ln - 1 - tail])
		tail++;
	while (tail > 0 && ((unsigned char)old[lo - tail] & 0xC0) == 0x80)
		tail--;		/* the shared end starts at a character */
	longer = lo > ln ? characters(old, lo) : characters(new, ln);
	return 2 * (characters(old, head) + characters(old + lo - tail, tail)) >= longer;
}

/* A row whose text no node has is an old row renamed when that row
 * stands under the same parent, of the same level and label, its text
 * nowhere in the file, and the new text is it corrected (corrected):
 * the first such in the parent's order. Its node takes the new title,
 * keeping its id, and the history has the change. Returns the old
 * placement, or 0 when the row is new. */
static long long renamed(struct wide_table *w, long long parent, int level, const char *label,
			 const char *title)
{
	char old_title[MAX_CELL_TEXT];
	sqlite3_stmt *stmt;
	struct error err;
	long long id = 0, node = 0;
	int rc;

	if (!w->old_placements || parent > w->old_placements)
		return 0;	/* no old row stands under a parent made by this import */
	stmt = cached(w, parent ? children_old_sql : tops_old_sql);
	if (!stmt)
		return 0;
	sqlite3_bind_int64(stmt, 1, parent);
	sqlite3_bind_int64(stmt, 2, w->old_placements);
	sqlite3_bind_int64(stmt, 3, w->strategy);
	sqlite3_bind_int(stmt, 4, level);
	while ((rc = store_step(w->im->s, stmt, &err)) == SQLITE_ROW) {
		const char *old = (const char *)sqlite3_column_text(stmt, 3);

		if (strcmp((const char *)sqlite3_column_text(stmt, 2), label) != 0 ||
		    !corrected(old, title) || file_has(w, level, label, old))
			continue;
		id = sqlite3_column_int64(stmt, 0);
		node = sqlite3_column_int64(stmt, 1);
		set_text(old_title, sizeof old_title, old);
		break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		store_failed(w, &err);
	sqlite3_reset(stmt);
	if (!id)
		return 0;
	stmt = cached(w, node_rename_sql);
	if (!stmt)
		return 0;
	sqlite3_bind_int64(stmt, 1, node);
	sqlite3_bind_text(stmt, 2, title, -1, SQLITE_STATIC);
	if (run(w, stmt) < 0)
		return 0;
	if (kpi_history_rename(w->im->s, node, level, old_title, title, w->im->user, w->im->now,
			       &w->im->stats->rows_renamed, &err) < 0) {
		store_failed(w, &err);
		return 0;
	}
	return id;
}

/* Counts the old content row id as one the file has, once. */
static void take_row(struct wide_table *w, long long id)
{
	if (!w->taken) {
		w->taken = calloc((size_t)(w->old_placements / 8 + 1), 1);
		if (!w->taken) {
			struct error err;

			error_of(&err, ERROR_NO_MEMORY, _("out of memory"));
			store_failed(w, &err);
			return;
		}
	}
	if (w->taken[id / 8] & (1u << (id % 8)))
		return;
	w->taken[id / 8] |= (unsigned char)(1u << (id % 8));
	w->rows_taken++;
}

/* Keeps the strategy of the rows now begun among the file's, once. */
static void keep_strategy(struct wide_table *w)
{
	size_t i;

	for (i = 0; i < w->nstrategies; i++)
		if (w->strategies[i] == w->strategy)
			return;
	if (w->nstrategies == w->strategies_size) {
		size_t size = w->strategies_size ? 2 * w->strategies_size : 16;
		long long *strategies = realloc(w->strategies, size * sizeof *strategies);

		if (!strategies) {
			struct error err;

			error_of(&err, ERROR_NO_MEMORY, _("out of memory"));
			store_failed(w, &err);
			return;
		}
		w->strategies = strategies;
		w->strategies_size = size;
	}
	w->strategies[w->nstrategies++] = w->strategy;
}

/* The old content rows of the file's strategies that it no longer has:
 * they stay, and the summary counts them. */
static void count_rows_gone(struct wide_table *w)
{
	long old = 0;
	size_t i;

	for (i = 0; i < w->nstrategies && !w->failed; i++) {
		sqlite3_stmt *stmt = cached(w, rows_old_sql);

		if (!stmt)
			return;
		sqlite3_bind_int64(stmt, 1, w->strategies[i]);
		sqlite3_bind_int64(stmt, 2, w->old_placements);
		old += (long)one_id(w, stmt);
	}
	if (!w->failed)
		w->im->stats->rows_gone += old - w->rows_taken;
}

/* The nodes made for a strategy that new_nodes can hold; past three
 * quarters of them the set gives up, and the store is asked. */
#define MADE_SLOTS 8192

static int mark_bit(unsigned char **bits, size_t *size, long long id);

/* The rows now begin a strategy: new_nodes starts empty, and holds
 * its nodes if the file made the strategy and has not met it before. */
static void begin_made(struct wide_table *w)
{
	int again = mark_bit(&w->entered, &w->entered_size, w->strategy);

	w->nmade = 0;
	w->made_whole = 0;
	if (again > 0 || w->strategy <= w->old_strategies)
		return;
	if (!again && !w->new_nodes)
		w->new_nodes = malloc(MADE_SLOTS * sizeof *w->new_nodes);
	if (again < 0 || !w->new_nodes) {
		struct error err;

		error_of(&err, ERROR_NO_MEMORY, _("out of memory"));
		store_failed(w, &err);
		return;
	}
	memset(w->new_nodes, 0, MADE_SLOTS * sizeof *w->new_nodes);
	w->made_whole = 1;
}

/* Whether new_nodes has the hash h (1), or adds it (add 1). */
static int made_has(struct wide_table *w, uint64_t h, int add)
{
	size_t i;

	h += !h;	/* 0 marks an empty slot */
	for (i = h % MADE_SLOTS; w->new_nodes[i]; i = (i + 1) % MADE_SLOTS)
		if (w->new_nodes[i] == h)
			return 1;
	if (add) {
		if (++w->nmade > MADE_SLOTS / 4 * 3)
			w->made_whole = 0;
		w->new_nodes[i] = h;
	}
	return 0;
}

/* The placement of a row's level under parent: the node of its text
 * placed there (found or made), or an old row renamed (renamed), or a
 * new node placed there. */
static long long level_placement(struct wide_table *w, long long parent, int level,
				 const char *cell, long long field, const char *const *cells)
{
	char label[32];
	const char *title;
	long long node = 0, id = 0;
	uint64_t h = 0;
	int made_whole = w->made_whole;

	split_label(level, cell, label, sizeof label, &title);
	if (made_whole)
		h = text_hash(level, label, title);
	if (!made_whole || made_has(w, h, 0))
		node = node_id(w, 1, level, label, title);
	if (node) {
		id = placement_id(w, 1, parent, node, field, cells);
	} else if (!w->failed && !(id = renamed(w, parent, level, label, title)) && !w->failed) {
		node = node_id(w, 0, level, label, title);
		if (node && made_whole)
			made_has(w, h, 1);
		id = placement_id(w, 0, parent, node, field, cells);
	}
	if (level == 5 && id && id <= w->old_placements)
		take_row(w, id);
	return w->failed ? 0 : id;
}

/* Places the node of each level of the row under the one above, reusing
 * the last row's placements where its cells are the same. */
static long long place_row(struct wide_table *w, const char *cells[W_COLUMNS], long long field)
{
	long long parent = 0;
	int level, same = 1;

	if (strcmp(cells[W_STRATEGY], w->path_key[W_STRATEGY]) != 0 || !w->strategy) {
		w->strategy = named_id(w, &strategy_sql, cells[W_STRATEGY]);
		set_text(w->path_key[W_STRATEGY], MAX_CELL_TEXT, cells[W_STRATEGY]);
		if (w->strategy)
			begin_made(w);
		if (w->old_placements && w->strategy)
			keep_strategy(w);
		same = 0;
	}
	for (level = 1; level <= 5 && !w->failed; level++) {
		int k = W_PROJECT + level - 1;

		if (level < 5 && same && strcmp(cells[k], w->path_key[k]) == 0) {
			parent = w->level[level];
			continue;
		}
		same = 0;
		parent = level_placement(w, parent, level, cells[k], level == 5 ? field : 0,
					 level == 5 ? cells : NULL);
		if (level < 5) {
			w->level[level] = parent;
			set_text(w->path_key[k], MAX_CELL_TEXT, cells[k]);
		}
	}
	return w->failed ? 0 : parent;
}

static int unlink_menus(struct wide_table *w, long long placement)
{
	sqlite3_stmt *stmt = cached(w, menus_unlink_sql);

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, placement);
	return run(w, stmt);
}

/* The menus of a content row found again, in order, joined by ", " as
 * the history keeps them. */
static void menus_now(struct wide_table *w, long long placement, char *text, size_t size)
{
	sqlite3_stmt *stmt = cached(w, menus_now_sql);
	struct error err;
	int rc;

	text[0] = '\0';
	if (!stmt)
		return;
	sqlite3_bind_int64(stmt, 1, placement);
	rc = store_step(w->im->s, stmt, &err);
	if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0))
		set_text(text, size, (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		store_failed(w, &err);
}

/* The menus of a content row as its cell gives them, one a line; on a
 * row found again whose menus are not those, the change is recorded
 * and those gone are unlinked. */
static void link_menus(struct wide_table *w, long long placement, const char *cell)
{
	char menu[1024], was[MAX_CELL_TEXT], is[MAX_CELL_TEXT] = "";
	const char *p;
	int position = 0;

	for (p = cell; *p; p += strspn(p, "\r\n")) {
		size_t n = strcspn(p, "\r\n");

		if (n)
			snprintf(is + strlen(is), sizeof is - strlen(is), "%s%.*s", *is ? ", " : "",
				 (int)n, p);
		p += n;
	}
	if (!w->made) {
		struct error err;

		menus_now(w, placement, was, sizeof was);
		if (!w->failed && strcmp(was, is) != 0) {
			if (kpi_history_menus(w->im->s, placement, was, is, w->im->user, w->im->now,
					      &w->im->stats->menus_changed, &err) < 0)
				store_failed(w, &err);
			else if (unlink_menus(w, placement) == 0)
				w->menus_gone = 1;
		}
	}
	for (p = cell; *p && !w->failed;) {
		size_t n = strcspn(p, "\r\n");
		sqlite3_stmt *stmt;
		long long id;

		snprintf(menu, sizeof menu, "%.*s", (int)n, p);
		p += n;
		p += strspn(p, "\r\n");
		if (!*menu)
			continue;
		id = named_id(w, &menu_sql, menu);
		stmt = cached(w, menu_link_sql);
		if (!id || !stmt)
			return;
		sqlite3_bind_int64(stmt, 1, placement);
		sqlite3_bind_int64(stmt, 2, id);
		sqlite3_bind_int(stmt, 3, ++position);
		run(w, stmt);
	}
}

/* Sets the bit of id in *bits (grown to hold it); returns whether it
 * was set already, or -1 out of memory. */
static int mark_bit(unsigned char **bits, size_t *size, long long id)
{
	size_t byte = (size_t)(id / 8);

	if (byte >= *size) {
		size_t grown = 2 * byte + 64;
		unsigned char *more = realloc(*bits, grown);

		if (!more)
			return -1;
		memset(more + *size, 0, grown - *size);
		*bits = more;
		*size = grown;
	}
	if ((*bits)[byte] & (1u << (id % 8)))
		return 1;
	(*bits)[byte] |= (unsigned char)(1u << (id % 8));
	return 0;
}

/* The KPI's home follows the file: its home row elsewhere (an old row
 * the file no longer puts it on) gives it up, and the summary counts
 * the KPI moved. A file giving one KPI two home rows is refused at the
 * second. Returns 0, or -1. */
static int move_home(struct wide_table *w, long long kpi, long long placement, const char *code)
{
	sqlite3_stmt *stmt;
	long long was;
	int again = mark_bit(&w->homed, &w->homed_size, kpi);

	if (again < 0) {
		struct error err;

		error_of(&err, ERROR_NO_MEMORY, _("out of memory"));
		store_failed(w, &err);
		return -1;
	}
	/* a KPI this file made has no home until the file gives it one */
	if (kpi > w->old_kpis && !again)
		return 0;
	stmt = cached(w, kpi_home_sql);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, kpi);
	was = one_id(w, stmt);
	if (w->failed)
		return -1;
	if (!was || was == placement)
		return 0;
	if (again) {
		import_error(w->im, w->line, column_of(w, W_NUMBER),
			     _("番号: %s has its home row above already; a row listing it again"
			       " has 番号 -"), code);
		return -1;
	}
	stmt = cached(w, kpi_unhome_sql);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, kpi);
	if (run(w, stmt) < 0)
		return -1;
	w->im->stats->kpis_moved++;
	return 0;
}

static void link_kpi(struct wide_table *w, long long kpi, long long placement, int home,
		     int position)
{
	sqlite3_stmt *stmt = cached(w, kpi_link_sql);

	if (!stmt)
		return;
	sqlite3_bind_int64(stmt, 1, kpi);
	sqlite3_bind_int64(stmt, 2, placement);
	sqlite3_bind_int(stmt, 3, home);
	sqlite3_bind_int(stmt, 4, position);
	run(w, stmt);
}

static double municipality_count(struct wide_table *w)
{
	sqlite3_stmt *stmt = cached(w, setting_sql);
	struct error err;
	double n = 0;

	if (!stmt)
		return 0;
	if (store_step(w->im->s, stmt, &err) == SQLITE_ROW)
		n = sqlite3_column_double(stmt, 0);
	sqlite3_reset(stmt);
	return n;
}

static const char relisting_add_sql[] =
	"INSERT INTO relisting_waiting(placement_id, position, strategy_id, code, name, line, col)"
	" VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char relisting_all_sql[] =
	"SELECT placement_id, position, strategy_id, code, name, line, col FROM relisting_waiting"
	" ORDER BY id";

/* The KPI a re-listing stands for, if it has its home row; 0 if not. */
static long long relisted_kpi(struct wide_table *w, const struct relisting *r)
{
	sqlite3_stmt *stmt = cached(w, *r->code ? relisted_by_code_sql : relisted_by_name_sql);

	if (!stmt)
		return 0;
	sqlite3_bind_int64(stmt, 1, r->strategy);
	sqlite3_bind_text(stmt, 2, r->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, r->name, -1, SQLITE_STATIC);
	return one_id(w, stmt);
}

static void link_kpi(struct wide_table *w, long long kpi, long long placement, int home,
		     int position);

/* Links a re-listing to its KPI now if the KPI has its home row, else
 * keeps it for the end of the file. */
static void take_relisting(struct wide_table *w, const struct relisting *r)
{
	long long kpi = relisted_kpi(w, r);
	sqlite3_stmt *stmt;

	if (kpi) {
		link_kpi(w, kpi, r->placement, 0, r->position);
		return;
	}
	if (w->failed)
		return;
	w->relistings = 1;
	stmt = cached(w, relisting_add_sql);
	if (!stmt)
		return;
	sqlite3_bind_int64(stmt, 1, r->placement);
	sqlite3_bind_int(stmt, 2, r->position);
	sqlite3_bind_int64(stmt, 3, r->strategy);
	sqlite3_bind_text(stmt, 4, r->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, r->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 6, r->line);
	sqlite3_bind_int64(stmt, 7, r->column);
	run(w, stmt);
}

/* A code of the code column as an official types it: full-width
 * (Ｈ０３) or an H code's number in one digit (H3) is the code it names
 * (H03); an ASCII code of another form (M0001S1-H12a) is kept as it is,
 * its letters' case and all. */
static void code_as_typed(const char *raw, char *buf, size_t size)
{
	const char *p;

	for (p = raw; *p && !((unsigned char)*p & 0x80); p++)
		;
	if (*p || ((raw[0] == 'H' || raw[0] == 'h') && isdigit((unsigned char)raw[1])))
		codes_normalize(raw, buf, size);
	else
		snprintf(buf, size, "%s", raw);
}

/* The codes of the cell's KPIs: from the code column (one per line), or
 * for the default strategy H and the circled number. Returns 0 or -1. */
static int kpi_codes(struct wide_table *w, const struct csv_record *r, const char *cells[],
		     int count, int number, char codes[][32])
{
	const char *p = cells[W_CODE];
	char raw[32];
	int i;

	if (*p) {
		for (i = 0; i < count; i++) {
			size_t n = strcspn(p, "\r\n");

			if (n == 0 || n >= 32) {
				import_error(w->im, r->line, column_of(w, W_CODE),
					     _("code: %d codes for %d KPIs"), i, count);
				return -1;
			}
			snprintf(raw, sizeof raw, "%.*s", (int)n, p);
			code_as_typed(raw, codes[i], 32);
			p += n;
			p += strspn(p, "\r\n");
		}
		if (*p) {
			import_error(w->im, r->line, column_of(w, W_CODE),
				     _("code: more codes than the %d KPIs of the cell"), count);
			return -1;
		}
		return 0;
	}
	for (i = 0; i < count; i++)
		codes[i][0] = '\0';
	if (number && strcmp(cells[W_STRATEGY], DEFAULT_STRATEGY) != 0) {
		import_error(w->im, r->line, column_of(w, W_CODE) > 0 ? column_of(w, W_CODE) : 0,
			     _("code: a KPI of %s needs its code (the code column)"), cells[W_STRATEGY]);
		return -1;
	}
	for (i = 0; i < count && number; i++)
		codes_strategy_kpi(number, i, count, codes[i], 32);
	return 0;
}

/* 番号: a circled number (or a plain one) on a KPI's home row; -, or
 * nothing, on a row that re-lists. Returns the number, 0 for a
 * re-listing, -1 for neither. */
static int read_number(const char *cell)
{
	int n = 0;
	size_t len = codes_circled_read(cell, &n);

	if (len && cell[len] == '\0')
		return n;
	if (!*cell || strcmp(cell, "-") == 0 || strcmp(cell, "－") == 0 ||
	    strcmp(cell, "―") == 0 || strcmp(cell, "ー") == 0)
		return 0;
	for (n = 0; *cell >= '0' && *cell <= '9' && n < 1000; cell++)
		n = n * 10 + (*cell - '0');
	return *cell || n == 0 ? -1 : n;
}

static void take_kpis(struct wide_table *w, const struct csv_record *r, const char *cells[],
		      long long placement, long long field)
{
	struct kpi_text_item items[MAX_KPIS_IN_CELL];
	char codes[MAX_KPIS_IN_CELL][32];
	struct error err;
	int n, i, number;

	if (!*cells[W_KPI])
		return;
	if (kpi_text_parse(cells[W_KPI], items, MAX_KPIS_IN_CELL, &n, &err) < 0) {
		import_error_from(w->im, r->line, column_of(w, W_KPI), "対象KPI", &err);
		return;
	}
	number = read_number(cells[W_NUMBER]);
	if (number < 0) {
		import_error(w->im, r->line, column_of(w, W_NUMBER),
			     _("番号: '%s' is neither a circled number (①) nor - (a re-listing)"),
			     cells[W_NUMBER]);
		return;
	}
	if (kpi_codes(w, r, cells, n, number, codes) < 0)
		return;
	for (i = 0; i < n && !w->failed; i++) {
		if (!number || items[i].relisted) {
			struct relisting rl = {
				.placement = placement, .position = i + 1, .strategy = w->strategy,
				.line = r->line, .column = column_of(w, W_KPI),
			};

			set_text(rl.code, sizeof rl.code, codes[i]);
			rl.name = items[i].name;
			take_relisting(w, &rl);
			continue;
		}
		{
			struct kpi k = {
				.number = number, .name = items[i].name, .unit = items[i].unit,
				.baseline = items[i].baseline, .target = items[i].target,
				.strategy_id = w->strategy, .field_id = field,
			};

			set_text(k.code, sizeof k.code, codes[i]);
			if (k.target.all_municipalities)
				k.target.value = municipality_count(w);
			k.direction = k.baseline.present && k.target.present &&
				k.target.value < k.baseline.value ? DIRECTION_DOWN : DIRECTION_UP;
			w->im->kpis_saved = 1;
			if (kpi_history_save(w->im->s, &k, w->im->user, w->im->now,
					     &w->im->stats->kpi_fields_changed, &err) < 0) {
				import_error(w->im, r->line, column_of(w, W_CODE) > 0 ?
					     column_of(w, W_CODE) : column_of(w, W_KPI), _("code: %s"), err.text);
				continue;
			}
			if (move_home(w, k.id, placement, *k.code ? k.code : k.name) == 0)
				link_kpi(w, k.id, placement, 1, i + 1);
		}
	}
}

int wide_table_row(struct wide_table *w, const struct csv_record *r)
{
	const char *cells[W_COLUMNS];
	long long placement, field = 0;
	sqlite3_stmt *stmt;
	int k, bad = 0;

	w->line = r->line;
	if (is_repeated_header(w, r))
		return 0;
	if (r->n != w->cells) {
		import_error(w->im, r->line, 0, _("expected %zu cells but found %zu"), w->cells, r->n);
		return 0;
	}
	for (k = 0; k < W_COLUMNS; k++) {
		cells[k] = w->index[k] >= 0 ? r->fields[w->index[k]].text : "";
		if (!carried[k])
			continue;
		if (*cells[k])
			set_text(w->carry[k], MAX_CELL_TEXT, cells[k]);
		cells[k] = w->carry[k];
		if (!*cells[k] && k != W_FIELD) {
			import_error(w->im, r->line, column_of(w, k),
				     _("%s: empty, and no row above to take it from"), wide_names[k]);
			bad = 1;
		}
	}
	if (!*cells[W_CONTENT]) {
		import_error(w->im, r->line, column_of(w, W_CONTENT), _("内容: empty"));
		bad = 1;
	}
	if (bad)
		return 0;
	if (*cells[W_FIELD])
		field = named_id(w, &field_sql, cells[W_FIELD]);
	w->made = 0;
	placement = place_row(w, cells, field);
	/* A placement found again (a re-import) may have new examples; one
	 * just made has them. */
	if (!w->made) {
		stmt = cached(w, content_sql);
		if (w->failed || !stmt)
			return -1;
		if (field)
			sqlite3_bind_int64(stmt, 1, field);
		else
			sqlite3_bind_null(stmt, 1);
		sqlite3_bind_text(stmt, 2, cells[W_EXAMPLE], -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, cells[W_AI_EXAMPLE], -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 4, placement);
		run(w, stmt);
	}
	if (w->failed)
		return -1;
	link_menus(w, placement, cells[W_MENUS]);
	take_kpis(w, r, cells, placement, field);
	return w->failed ? -1 : 0;
}

/* The re-listings whose home rows came after them. */
static void take_waiting_relistings(struct wide_table *w)
{
	struct error err;
	sqlite3_stmt *all = store_prepare(w->im->s, relisting_all_sql, &err);
	int rc = SQLITE_DONE;

	if (!all) {
		store_failed(w, &err);
		return;
	}
	while (!w->failed && (rc = store_step(w->im->s, all, &err)) == SQLITE_ROW) {
		struct relisting rl = {
			.placement = sqlite3_column_int64(all, 0),
			.position = sqlite3_column_int(all, 1),
			.strategy = sqlite3_column_int64(all, 2),
			.name = (const char *)sqlite3_column_text(all, 4),
			.line = (long)sqlite3_column_int64(all, 5),
			.column = (long)sqlite3_column_int64(all, 6),
		};
		long long kpi;

		set_text(rl.code, sizeof rl.code, (const char *)sqlite3_column_text(all, 3));
		w->line = rl.line;
		kpi = relisted_kpi(w, &rl);
		if (!kpi) {
			if (w->failed)
				break;
			if (*rl.code)
				import_error(w->im, rl.line, rl.column,
					     _("対象KPI: re-lists %s, which has no home row"), rl.code);
			else
				import_error(w->im, rl.line, rl.column,
					     _("対象KPI: re-lists '%s', but no KPI of that name has a home row"),
					     rl.name);
			continue;
		}
		link_kpi(w, kpi, rl.placement, 0, rl.position);
	}
	if (!w->failed && rc != SQLITE_DONE)
		store_failed(w, &err);
	sqlite3_finalize(all);
	if (!w->failed && store_exec(w->im->s, "DELETE FROM relisting_waiting", &err) < 0)
		store_failed(w, &err);
}

int wide_table_end(struct wide_table *w)
{
	int rc;

	if (w->relistings && !w->failed)
		take_waiting_relistings(w);
	if (w->menus_gone && !w->failed) {
		struct error err;

		if (store_exec(w->im->s, menus_orphan_sql, &err) < 0)
			store_failed(w, &err);
	}
	if (w->nstrategies && !w->failed)
		count_rows_gone(w);
	rc = w->failed ? -1 : 0;
	free(w->texts.hash);
	free(w->strategies);
	free(w->taken);
	free(w->homed);
	free(w->entered);
	free(w->new_nodes);
	free(w);
	return rc;
}
