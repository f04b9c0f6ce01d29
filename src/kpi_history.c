/* kpi_history.c: a KPI's fields and its rows' grant menus changed by an
 * import, kept in the append-only kpi_history and menu_history tables
 * beside the values' history. */
#include "kpi_history.h"
#include "i18n.h"
#include "tree.h"

#include <stdio.h>
#include <string.h>

static const char kpi_insert_sql[] =
	"INSERT INTO kpi_history(kpi_id, what, old_text, new_text, changed_by, changed_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char menu_insert_sql[] =
	"INSERT INTO menu_history(placement_id, old_text, new_text, changed_by, changed_at)"
	" VALUES (?1, ?3, ?4, ?5, ?6)";
static const char node_insert_sql[] =
	"INSERT INTO node_history(node_id, what, old_text, new_text, changed_by, changed_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/* Appends a change by sql (one of the three above: ?2 is what, which
 * menu_history has not) when old_text and new_text differ. */
static int append(struct store *s, const char *sql, long long id, const char *what,
		  const char *old_text, const char *new_text, const char *user, const char *now,
		  long *changes, struct error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if (strcmp(old_text, new_text) == 0)
		return 0;
	stmt = store_cached(s, sql, err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, what, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, old_text, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, new_text, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, user, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, now, -1, SQLITE_STATIC);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return -1;
	(*changes)++;
	return 0;
}

static int record(struct store *s, long long kpi_id, const char *what, const char *old_text,
		  const char *new_text, const char *user, const char *now, long *changes,
		  struct error *err)
{
	return append(s, kpi_insert_sql, kpi_id, what, old_text, new_text, user, now, changes, err);
}

/* An amount as the history writes it: without the unit, which is a
 * field of its own ("265 (R11)"; "-" for none); with decimals digits
 * after the point, so that 31.20 and 31.2, one number (a CSV export
 * writes it plain), are no change. */
static char *amount(const struct amount *a, int decimals, char *buf, size_t size)
{
	struct amount plain = *a;

	if (!a->present)
		return strcpy(buf, "-");
	plain.decimals = decimals;
	return kpi_amount_text(&plain, "", buf, size);
}

/* The text of old and new as the history compares them: the more
 * decimals of the two for both. */
static void amounts(const struct amount *old, const struct amount *new, char *was, char *is,
		    size_t size)
{
	int decimals = old->decimals > new->decimals ? old->decimals : new->decimals;

	amount(old, decimals, was, size);
	amount(new, decimals, is, size);
}

int kpi_history_save(struct store *s, struct kpi *k, const char *user, const char *now,
		     long *changes, struct error *err)
{
	char was[256], is[256];
	struct error find;
	struct kpi old;
	int rc;

	if (kpi_find(s, k->code, &old, &find) < 0) {
		if (find.kind != ERROR_NOT_FOUND) {
			*err = find;
			return -1;
		}
		return kpi_save_over(s, k, NULL, err);
	}
	rc = kpi_save_over(s, k, &old, err);
	if (rc == 0)
		rc = record(s, k->id, "name", old.name, k->name, user, now, changes, err);
	if (rc == 0)
		rc = record(s, k->id, "unit", old.unit ? old.unit : "", k->unit ? k->unit : "",
			    user, now, changes, err);
	if (rc == 0) {
		amounts(&old.baseline, &k->baseline, was, is, sizeof was);
		rc = record(s, k->id, "baseline", was, is, user, now, changes, err);
	}
	if (rc == 0) {
		amounts(&old.target, &k->target, was, is, sizeof was);
		rc = record(s, k->id, "target", was, is, user, now, changes, err);
	}
	kpi_release(&old);
	return rc;
}

int kpi_history_menus(struct store *s, long long placement, const char *old_text,
		      const char *new_text, const char *user, const char *now, long *changes,
		      struct error *err)
{
	return append(s, menu_insert_sql, placement, "menus", old_text, new_text, user, now,
		      changes, err);
}

int kpi_history_rename(struct store *s, long long node, int level, const char *old_text,
		       const char *new_text, const char *user, const char *now, long *changes,
		       struct error *err)
{
	return append(s, node_insert_sql, node, tree_level_name(level), old_text, new_text, user,
		      now, changes, err);
}

int kpi_history_each(struct store *s, long long kpi_id,
		     void (*fn)(void *ctx, const struct kpi_change *c), void *ctx,
		     struct error *err)
{
	/* the fields' changes, the menus' of the rows where it stands and
	 * the renames of those rows and of the rows above them, in the
	 * order they were made */
	sqlite3_stmt *stmt = store_cached(s, "WITH RECURSIVE up(id) AS (SELECT placement_id"
					  " FROM kpi_placement WHERE kpi_id = ?1 UNION SELECT"
					  " p.parent_id FROM placement p JOIN up ON p.id = up.id"
					  " WHERE p.parent_id IS NOT NULL)"
					  " SELECT what, old_text, new_text, changed_by,"
					  " changed_at FROM (SELECT 0 AS t, id, what, old_text,"
					  " new_text, changed_by, changed_at FROM kpi_history"
					  " WHERE kpi_id = ?1 UNION ALL SELECT 1, m.id, 'menus',"
					  " m.old_text, m.new_text, m.changed_by, m.changed_at"
					  " FROM menu_history m WHERE m.placement_id IN"
					  " (SELECT placement_id FROM kpi_placement WHERE kpi_id = ?1)"
					  " UNION ALL SELECT 2, n.id, n.what, n.old_text, n.new_text,"
					  " n.changed_by, n.changed_at FROM node_history n WHERE"
					  " n.node_id IN (SELECT node_id FROM placement WHERE id IN up))"
					  " ORDER BY changed_at, t, id", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, kpi_id);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct kpi_change c = {
			(const char *)sqlite3_column_text(stmt, 0),
			(const char *)sqlite3_column_text(stmt, 1),
			(const char *)sqlite3_column_text(stmt, 2),
			(const char *)sqlite3_column_text(stmt, 3),
			(const char *)sqlite3_column_text(stmt, 4),
		};

		fn(ctx, &c);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

long long kpi_history_last_rename(struct store *s)
{
	struct error err;
	sqlite3_stmt *stmt = store_cached(s, "SELECT coalesce(max(id), 0) FROM node_history", &err);
	long long last = -1;

	if (!stmt)
		return -1;
	if (store_step(s, stmt, &err) == SQLITE_ROW)
		last = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return last;
}
