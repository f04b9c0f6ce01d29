/* tree.c: reading the tree of placements for the browser, one level at
 * a time, and finding rows by code or by text through the search index. */
#include "tree.h"

#include <string.h>

static const char children_sql[] =
	"SELECT p.id, n.level, n.label, n.title,"
	" (SELECT count(*) FROM placement c WHERE c.parent_id = p.id)"
	" FROM placement p JOIN node n ON n.id = p.node_id"
	" WHERE p.parent_id IS ? ORDER BY p.position";

int tree_children(struct store *s, long long parent,
		  void (*fn)(void *, const struct tree_row *), void *ctx, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, children_sql, err);
	int rc;

	if (!stmt)
		return -1;
	if (parent)
		sqlite3_bind_int64(stmt, 1, parent);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct tree_row row = {
			.placement = sqlite3_column_int64(stmt, 0),
			.level = sqlite3_column_int(stmt, 1),
			.label = (const char *)sqlite3_column_text(stmt, 2),
			.title = (const char *)sqlite3_column_text(stmt, 3),
			.children = sqlite3_column_int(stmt, 4),
		};
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
		error_set(err, "no KPI with code '%s'", code);
	sqlite3_reset(stmt);
	return home;
}

/* Text of three characters or more goes through the trigram index; a
 * shorter one (移住) is looked for by instr, which the index cannot do. */
static const char search_sql[] =
	"WITH hit(kind, ref) AS ("
	"  SELECT r.kind, r.ref FROM search JOIN search_ref r ON r.id = search.rowid"
	"  WHERE ?2 >= 3 AND search MATCH '\"' || replace(?1, '\"', '\"\"') || '\"'"
	"  UNION SELECT r.kind, r.ref FROM search JOIN search_ref r ON r.id = search.rowid"
	"  WHERE ?2 < 3 AND instr(search.text, ?1) > 0),"
	" row(id) AS ("
	"  SELECT p.id FROM hit JOIN placement p ON p.node_id = hit.ref AND hit.kind = 1"
	"   JOIN node n ON n.id = p.node_id AND n.level = 5"
	"  UNION SELECT kp.placement_id FROM hit JOIN kpi_placement kp ON kp.kpi_id = hit.ref"
	"   AND hit.kind = 2"
	"  UNION SELECT pm.placement_id FROM hit JOIN placement_menu pm ON pm.menu_id = hit.ref"
	"   AND hit.kind = 3"
	"  UNION SELECT hit.ref FROM hit WHERE hit.kind = 4)"
	" SELECT id FROM row ORDER BY id";

static int char_count(const char *t)
{
	int n = 0;

	for (; *t; t++)
		n += ((unsigned char)*t & 0xC0) != 0x80;
	return n;
}

int tree_search(struct store *s, const char *text, void (*fn)(void *, long long), void *ctx,
		struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, search_sql, err);
	int rc, n = 0;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, char_count(text));
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		fn(ctx, sqlite3_column_int64(stmt, 0));
		n++;
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? n : -1;
}
