/* tree.c: reading the tree of placements for the browser, one level at
 * a time, and finding rows by code or by text through the search index. */
#include "tree.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "codes.h"
#include "fiscal_year.h"
#include "kpi.h"
#include "kpi_years.h"

const char *tree_level_name(int level)
{
	static const char *const names[] = {
		N_("project"), N_("basic strategy"), N_("measure"), N_("item"), N_("content"),
	};

	return level >= 1 && level <= 5 ? names[level - 1] : NULL;
}

/* Both trees' queries give id, level, label, title, children. */
static struct tree_row row_of(sqlite3_stmt *stmt)
{
	return (struct tree_row){
		.placement = sqlite3_column_int64(stmt, 0),
		.level = sqlite3_column_int(stmt, 1),
		.label = (const char *)sqlite3_column_text(stmt, 2),
		.title = (const char *)sqlite3_column_text(stmt, 3),
		.children = sqlite3_column_int(stmt, 4),
	};
}

static const char children_sql[] =
	"SELECT p.id, n.level, n.label, n.title,"
	" (SELECT count(*) FROM placement c WHERE c.parent_id = p.id)"
	" FROM placement p JOIN node n ON n.id = p.node_id"
	" WHERE p.parent_id IS ?1 ORDER BY p.position";

static int level_rows(struct store *s, const char *sql, int parent_level, long long parent,
		      void (*fn)(void *, const struct tree_row *), void *ctx, struct error *err);

static const char row_sql[] =
	"SELECT p.id, n.level, n.label, n.title,"
	" (SELECT count(*) FROM placement c WHERE c.parent_id = p.id)"
	" FROM placement p JOIN node n ON n.id = p.node_id WHERE p.id = ?1";

int tree_row(struct store *s, long long placement,
	     void (*fn)(void *, const struct tree_row *), void *ctx, struct error *err)
{
	return level_rows(s, row_sql, 1, placement, fn, ctx, err);
}

int tree_children(struct store *s, long long parent,
		  void (*fn)(void *, const struct tree_row *), void *ctx, struct error *err)
{
	/* The top rows have no parent: ?1 stays NULL. */
	return level_rows(s, children_sql, parent != 0, parent, fn, ctx, err);
}

/* By position, not OFFSET: a page deep down costs what the first does. */
static const char top_sql[] =
	"SELECT p.id, n.level, n.label, n.title,"
	" (SELECT count(*) FROM placement c WHERE c.parent_id = p.id), p.position"
	" FROM placement p JOIN node n ON n.id = p.node_id"
	" WHERE p.parent_id IS NULL AND p.position > ?1 ORDER BY p.position LIMIT ?2";

int tree_top(struct store *s, long long *after, int limit,
	     void (*fn)(void *, const struct tree_row *), void *ctx, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, top_sql, err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, *after);
	sqlite3_bind_int(stmt, 2, limit);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct tree_row row = row_of(stmt);

		*after = sqlite3_column_int64(stmt, 5);
		fn(ctx, &row);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int tree_path(struct store *s, long long placement, long long *path, int max,
	      struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT parent_id FROM placement WHERE id = ?", err);
	long long up[16];
	int n = 0, i;

	if (!stmt)
		return -1;
	while (placement && n < 16) {
		int rc;

		up[n++] = placement;
		sqlite3_bind_int64(stmt, 1, placement);
		rc = store_step(s, stmt, err);
		placement = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
		sqlite3_reset(stmt);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return -1;
	}
	for (i = 0; i < n && i < max; i++)
		path[i] = up[n - 1 - i];
	return i;
}

int tree_code_of(struct store *s, const char *typed, char *code, size_t size,
		 struct error *err)
{
	/* the codes that start with ?1, the index's range, in code order */
	sqlite3_stmt *stmt = store_cached(s,
		"SELECT code FROM kpi WHERE code >= ?1 AND code < ?1 || char(1114111)"
		" ORDER BY code = ?1 DESC, code COLLATE code_order LIMIT 1", err);
	/* of the codes that start with ?1, the one whose number (after the
	 * letters, ?2 of them) is nearest ?3: H17 for H18, not H10 */
	sqlite3_stmt *near = store_cached(s,
		"SELECT code FROM kpi WHERE code >= ?1 AND code < ?1 || char(1114111)"
		" ORDER BY abs(CAST(substr(code, ?2 + 1) AS INTEGER) - ?3), code COLLATE code_order"
		" LIMIT 1", err);
	char want[64];
	int len, full, letters, rc = SQLITE_DONE;

	if (!stmt || !near)
		return -1;
	codes_normalize(typed, want, sizeof want);
	full = (int)strlen(want);
	for (letters = 0; want[letters] && (want[letters] < '0' || want[letters] > '9'); letters++)
		;
	code[0] = '\0';
	for (len = full; len > 0 && !*code; len--) {
		sqlite3_stmt *q = len < full && want[letters] ? near : stmt;

		sqlite3_bind_text(q, 1, want, len, SQLITE_STATIC);
		if (q == near) {
			sqlite3_bind_int(near, 2, letters);
			sqlite3_bind_int(near, 3, atoi(want + letters));
		}
		rc = store_step(s, q, err);
		if (rc == SQLITE_ROW)
			snprintf(code, size, "%s", (const char *)sqlite3_column_text(q, 0));
		sqlite3_reset(q);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return -1;
		/* H12 for the family H12a, H12b, H12c: its first */
		if (len == full && *code && strcmp(code, want) != 0 && full > letters &&
		    code[full] >= 'a' && code[full] <= 'z' && code[full + 1] == '\0')
			return 1;
	}
	return *code && strcmp(code, want) == 0;
}

int tree_codes_named(struct store *s, const char *typed, char *names, size_t size,
		     struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s,
		"SELECT code FROM kpi WHERE code >= ?1 AND code < ?1 || char(1114111)"
		" ORDER BY code COLLATE code_order", err);
	char want[64], code[64];
	int n = 0, rc;

	if (!stmt)
		return -1;
	names[0] = '\0';
	codes_normalize(typed, want, sizeof want);
	sqlite3_bind_text(stmt, 1, want, -1, SQLITE_STATIC);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(stmt, 0);
		size_t used = strlen(names);

		if (!codes_in_family(want, c))
			continue;
		snprintf(names + used, size - used, "%s%s", n ? ", " : "", c);
		n++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return -1;
	if (n)
		return n;
	/* no family: the one KPI it names, if any */
	rc = tree_code_of(s, typed, code, sizeof code, err);
	if (rc == 1)
		snprintf(names, size, "%s", code);
	return rc;
}

int tree_code_to_write(struct store *s, const char *typed, char *code, size_t size,
		       struct error *err)
{
	char names[512];
	int n = tree_codes_named(s, typed, names, sizeof names, err);

	if (n > 1)
		return error_of(err, ERROR_AMBIGUOUS, _("'%s' names several KPIs: %s; give one of them"),
				typed, names);
	return n < 0 ? -1 : tree_code_of(s, typed, code, size, err);
}

long long tree_home_of(struct store *s, const char *code, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s,
		"SELECT k.id, (SELECT placement_id FROM kpi_placement WHERE kpi_id = k.id AND home = 1)"
		" FROM kpi k WHERE k.code = ?", err);
	long long home = -1;
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW)
		home = sqlite3_column_int64(stmt, 1);
	else if (rc == SQLITE_DONE)
		error_set(err, _("no KPI with code '%s'"), code);
	sqlite3_reset(stmt);
	return home;
}

/* Text of three characters or more goes through the trigram index; a
 * shorter one (移住) is looked for by instr, which the index cannot do,
 * over a range of rows at a time so that a search can stop for the
 * keyboard between ranges and go on after. Hits come in the index's
 * order: the order rows were added in, an import's table by table. */
static const char match_sql[] =
	"SELECT r.kind, r.ref FROM search JOIN search_ref r ON r.id = search.rowid"
	" WHERE search MATCH '\"' || replace(?1, '\"', '\"\"') || '\"'";
/* instr reads the text where the model keeps it (search_text, the view
 * the index is built from: schema.c), not through FTS5, which fetches
 * each row's text from that view by a query of its own: a third of the
 * time. */
static const char instr_sql[] =
	"SELECT r.kind, r.ref FROM search_text t JOIN search_ref r ON r.id = t.id"
	" WHERE t.id >= ?2 AND t.id < ?3 AND instr(t.text, ?1) > 0";

/* Rows of the index an instr step reads before it looks at the clock. */
#define SEARCH_RANGE 250

/* The content rows a hit stands for, by its kind (see schema.c). */
static const char *const rows_of_hit_sql[] = {
	NULL,
	/* a row of any level: a heading is looked for as a content row is */
	"SELECT id FROM placement WHERE node_id = ?1",
	/* a grant project's KPI stands in no row: minus its id */
	"SELECT placement_id FROM kpi_placement WHERE kpi_id = ?1"
	" UNION ALL SELECT -id FROM kpi WHERE id = ?1 AND project_id IS NOT NULL",
	"SELECT placement_id FROM placement_menu WHERE menu_id = ?1",
	"SELECT ?1",
	/* a grant project: its KPIs */
	"SELECT -id FROM kpi WHERE project_id = ?1 ORDER BY number",
};

#define HIT_KINDS 6

/* The KPIs whose codes start with ?1 (the code as typed, normalized),
 * in code order: their home rows first, then their re-listings; a grant
 * project's KPI as minus its id. */
static const char codes_sql[] =
	"SELECT coalesce(kp.placement_id, -k.id) FROM kpi k"
	" LEFT JOIN kpi_placement kp ON kp.kpi_id = k.id"
	" WHERE k.code >= ?1 AND k.code < ?1 || char(1114111)"
	" ORDER BY k.code COLLATE code_order, kp.home DESC, kp.placement_id";

struct tree_search {
	struct store *s;
	char *text;
	int short_text;		/* instr over ranges, not MATCH */
	long long next, end;	/* the next range, and past the last row */
	sqlite3_stmt *hits;
	sqlite3_stmt *rows[HIT_KINDS];
	sqlite3_stmt *codes;	/* the KPIs by code, before the text; NULL: done */
	int found;
};

static int char_count(const char *t)
{
	int n = 0;

	for (; *t; t++)
		n += ((unsigned char)*t & 0xC0) != 0x80;
	return n;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void tree_search_end(struct tree_search *ts)
{
	int i;

	if (!ts)
		return;
	sqlite3_finalize(ts->hits);
	sqlite3_finalize(ts->codes);
	for (i = 0; i < HIT_KINDS; i++)
		sqlite3_finalize(ts->rows[i]);
	free(ts->text);
	free(ts);
}

/* Text with a digit in it (h12, ⑫ is H12, SP2-1) is looked for among
 * the KPI codes first. Returns 0, or -1 with err. */
static int looks_like_code(struct store *s, struct tree_search *ts, struct error *err)
{
	char code[64];

	codes_normalize(ts->text, code, sizeof code);
	if (!strpbrk(code, "0123456789"))
		return 0;
	ts->codes = store_prepare(s, codes_sql, err);
	if (!ts->codes)
		return -1;
	sqlite3_bind_text(ts->codes, 1, code, -1, SQLITE_TRANSIENT);
	return 0;
}

struct tree_search *tree_search_start(struct store *s, const char *text, struct error *err)
{
	struct tree_search *ts = calloc(1, sizeof *ts);
	sqlite3_stmt *last;
	int i;

	if (!ts || !(ts->text = strdup(text))) {
		free(ts);
		error_set(err, _("out of memory"));
		return NULL;
	}
	ts->s = s;
	ts->short_text = char_count(text) < 3;
	ts->hits = store_prepare(s, ts->short_text ? instr_sql : match_sql, err);
	for (i = 1; i < HIT_KINDS && ts->hits; i++)
		if (!(ts->rows[i] = store_prepare(s, rows_of_hit_sql[i], err)))
			break;
	last = ts->hits && i == HIT_KINDS && looks_like_code(s, ts, err) == 0
		? store_prepare(s, "SELECT coalesce(max(rowid), 0) + 1 FROM search", err) : NULL;
	if (!last) {
		tree_search_end(ts);
		return NULL;
	}
	if (store_step(s, last, err) == SQLITE_ROW)
		ts->end = sqlite3_column_int64(last, 0);
	sqlite3_finalize(last);
	sqlite3_bind_text(ts->hits, 1, ts->text, -1, SQLITE_STATIC);
	ts->next = 0;
	if (ts->short_text) {
		sqlite3_bind_int64(ts->hits, 2, 0);
		sqlite3_bind_int64(ts->hits, 3, SEARCH_RANGE);
		ts->next = SEARCH_RANGE;
	}
	return ts;
}

/* Hands fn the rows of one hit; returns 0, or -1 with err. */
static int take_hit(struct tree_search *ts, int max, int (*fn)(void *, long long), void *ctx,
		    struct error *err)
{
	int kind = sqlite3_column_int(ts->hits, 0), rc;
	sqlite3_stmt *rows;

	if (kind < 1 || kind >= HIT_KINDS)
		return 0;
	rows = ts->rows[kind];
	sqlite3_bind_int64(rows, 1, sqlite3_column_int64(ts->hits, 1));
	while (ts->found < max && (rc = store_step(ts->s, rows, err)) == SQLITE_ROW)
		ts->found += fn(ctx, sqlite3_column_int64(rows, 0));
	sqlite3_reset(rows);
	return ts->found >= max || rc == SQLITE_DONE ? 0 : -1;
}

int tree_search_step(struct tree_search *ts, int max, int ms,
		     int (*fn)(void *, long long), void *ctx, struct error *err)
{
	return tree_search_step_to(ts, max, max, ms, fn, ctx, err);
}

int tree_search_step_to(struct tree_search *ts, int max, int enough, int ms,
			int (*fn)(void *, long long), void *ctx, struct error *err)
{
	long long deadline = now_ms() + ms;

	/* the codes first: a handful of rows, read at once */
	while (ts->codes && ts->found < max) {
		int rc = store_step(ts->s, ts->codes, err);

		if (rc == SQLITE_ROW) {
			ts->found += fn(ctx, sqlite3_column_int64(ts->codes, 0));
			continue;
		}
		if (rc != SQLITE_DONE)
			return -1;
		sqlite3_finalize(ts->codes);
		ts->codes = NULL;
	}
	while (ts->found < max) {
		int rc;

		/* enough for now: a whole hit's rows are taken, the rest wait */
		if (ts->found >= enough)
			return 0;
		rc = store_step(ts->s, ts->hits, err);
		if (rc == SQLITE_ROW) {
			if (take_hit(ts, max, fn, ctx, err) < 0)
				return -1;
			/* the statement stays where it is for the next step */
			if (ms >= 0 && ts->found < max && now_ms() >= deadline)
				return 0;
			continue;
		}
		if (rc != SQLITE_DONE)
			return -1;
		sqlite3_reset(ts->hits);
		if (!ts->short_text || ts->next >= ts->end)
			return 1;
		/* the next range, unless the time is up */
		sqlite3_bind_int64(ts->hits, 2, ts->next);
		sqlite3_bind_int64(ts->hits, 3, ts->next + SEARCH_RANGE);
		ts->next += SEARCH_RANGE;
		if (ms >= 0 && now_ms() >= deadline)
			return 0;
	}
	return 1;
}

int tree_search_found(const struct tree_search *ts)
{
	return ts->found;
}

/* A year row's id: its program and its year, both kept. */
#define YEAR_ID(program, year) ((program) * 10000 + (year))

long long tree_program_year(long long program, int year)
{
	return YEAR_ID(program, year);
}

long long tree_program_of(long long program_year)
{
	return program_year / 10000;
}

int tree_year_of(long long program_year)
{
	return (int)(program_year % 10000);
}

static const char *const project_sql[] = {
	"SELECT g.id, 1, '', g.name, (SELECT count(DISTINCT adoption_year) FROM project"
	" WHERE program_id = g.id) FROM grant_program g ORDER BY g.id",
	"SELECT ?1 * 10000 + adoption_year, 2, '', adoption_year, count(*) FROM project"
	" WHERE program_id = ?1 GROUP BY adoption_year ORDER BY adoption_year",
	"SELECT p.id, 3, p.number, p.title, (SELECT count(*) FROM kpi WHERE project_id = p.id)"
	" FROM project p WHERE p.program_id = ?1 / 10000 AND p.adoption_year = ?1 % 10000"
	" ORDER BY p.municipality, p.number",
	"SELECT k.id, 4, k.code, k.name, 0 FROM kpi k WHERE k.project_id = ?1 ORDER BY k.number",
};

/* Runs one level's query of a tree (parent bound as ?1 below the top),
 * passing each row to fn; a year row's title is its fiscal year. */
static int level_rows(struct store *s, const char *sql, int parent_level, long long parent,
		      void (*fn)(void *, const struct tree_row *), void *ctx, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, sql, err);
	int rc;

	if (!stmt)
		return -1;
	if (parent_level)
		sqlite3_bind_int64(stmt, 1, parent);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		char year[32] = "";
		struct tree_row row = row_of(stmt);

		if (sql == project_sql[1]) {
			fiscal_year_format(sqlite3_column_int(stmt, 3), year, sizeof year);
			row.title = year;
		}
		fn(ctx, &row);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

static const char *const field_sql[] = {
	"SELECT f.id, 1, '', f.name, (SELECT count(*) FROM kpi WHERE field_id = f.id"
	" AND strategy_id IS NOT NULL) FROM field f ORDER BY f.id",
	"SELECT kp.placement_id, 2, k.code, k.name, 0 FROM kpi k"
	" JOIN kpi_placement kp ON kp.kpi_id = k.id AND kp.home = 1"
	" WHERE k.field_id = ?1 ORDER BY k.code COLLATE code_order",
};

static const char *const menu_sql[] = {
	"SELECT m.id, 1, '', m.name, (SELECT count(*) FROM placement_menu WHERE menu_id = m.id)"
	" FROM grant_menu m ORDER BY m.id",
	/* a content row's label is the project it stands under, "[4]": two
	 * projects may hold the same text (measures placed twice) */
	"SELECT pm.placement_id, 2, '[' || (WITH RECURSIVE up(id, parent) AS"
	" (SELECT id, parent_id FROM placement WHERE id = pm.placement_id UNION ALL"
	" SELECT q.id, q.parent_id FROM placement q JOIN up ON q.id = up.parent)"
	" SELECT t.label FROM up JOIN placement r ON r.id = up.id JOIN node t ON t.id = r.node_id"
	" WHERE up.parent IS NULL) || ']', n.title, 0 FROM placement_menu pm"
	" JOIN placement p ON p.id = pm.placement_id JOIN node n ON n.id = p.node_id"
	" WHERE pm.menu_id = ?1 ORDER BY pm.placement_id",
};

/* Each other tree: its query per level, and how many levels have rows
 * under them. */
static const struct {
	const char *const *sql;
	int levels;
} others[] = {
	[TREE_OTHER_PROJECTS] = { project_sql, 4 },
	[TREE_OTHER_FIELDS] = { field_sql, 2 },
	[TREE_OTHER_MENUS] = { menu_sql, 2 },
};

int tree_other_children(struct store *s, enum tree_other which, int parent_level,
			long long parent, void (*fn)(void *, const struct tree_row *), void *ctx,
			struct error *err)
{
	if (parent_level < 0 || parent_level >= others[which].levels)
		return 0;
	return level_rows(s, others[which].sql[parent_level], parent_level, parent, fn, ctx, err);
}

int tree_project_path(struct store *s, const char *code, long long path[4], struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s,
		"SELECT p.program_id, p.adoption_year, p.id, k.id FROM kpi k"
		" JOIN project p ON p.id = k.project_id WHERE k.code = ?", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		path[0] = sqlite3_column_int64(stmt, 0);
		path[1] = YEAR_ID(path[0], sqlite3_column_int64(stmt, 1));
		path[2] = sqlite3_column_int64(stmt, 2);
		path[3] = sqlite3_column_int64(stmt, 3);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	return rc == SQLITE_ROW ? 4 : 0;
}

int tree_search_kpi_row(struct store *s, long long kpi,
			void (*fn)(void *, const struct tree_row *), void *ctx, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT code, name FROM kpi WHERE id = ?", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, kpi);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		struct tree_row row = {
			.placement = -kpi, .level = TREE_PROJECT_KPI,
			.label = (const char *)sqlite3_column_text(stmt, 0),
			.title = (const char *)sqlite3_column_text(stmt, 1),
		};

		fn(ctx, &row);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int tree_places(struct store *s, const char *code, long long **places, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s,
		"SELECT kp.placement_id FROM kpi_placement kp JOIN kpi k ON k.id = kp.kpi_id"
		" WHERE k.code = ? ORDER BY kp.home DESC, kp.placement_id", err);
	int rc, n = 0;

	*places = NULL;
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		xgrow(places, (size_t)n, sizeof **places);
		(*places)[n++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		free(*places);
		*places = NULL;
		return -1;
	}
	return n;
}

int tree_statuses(struct store *s, long long placement, int year, int counts[STATUS_COUNT],
		  struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s,
		"WITH RECURSIVE under(id) AS (SELECT ?1 UNION ALL"
		" SELECT c.id FROM placement c JOIN under u ON c.parent_id = u.id)"
		" SELECT DISTINCT k.code FROM under"
		" JOIN kpi_placement kp ON kp.placement_id = under.id"
		" JOIN kpi k ON k.id = kp.kpi_id", err);
	char (*codes)[32] = NULL;
	int rc, n = 0, i;

	memset(counts, 0, STATUS_COUNT * sizeof *counts);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, placement);
	/* every KPI under the row, however many: a count cut is a lie */
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		xgrow(&codes, (size_t)n, sizeof *codes);
		snprintf(codes[n++], sizeof codes[0], "%s",
			 (const char *)sqlite3_column_text(stmt, 0));
	}
	sqlite3_reset(stmt);
	rc = rc == SQLITE_DONE ? 0 : -1;
	for (i = 0; rc == 0 && i < n; i++) {
		const struct kpi_year *r;
		struct kpi_years t;
		struct progress p;
		struct kpi k;

		if (kpi_find(s, codes[i], &k, err) < 0) {
			rc = -1;
			break;
		}
		if (kpi_years_load(s, &k, year, &t, err) < 0) {
			kpi_release(&k);
			rc = -1;
			break;
		}
		r = kpi_years_judged(&t, year, fiscal_year_of(time(NULL)));
		if (r)
			kpi_years_progress(&k, &t, r, &p);
		else
			p.status = STATUS_NO_DATA;
		counts[p.status]++;
		kpi_release(&k);
	}
	free(codes);
	return rc;
}
