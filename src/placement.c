/* placement.c: the reads behind the browser's panes: a content row's
 * KPIs, menus and examples, a row's title, a grant project's details. */
#include "placement.h"
#include "i18n.h"

#include <stdio.h>

int placement_kpis(struct store *s, long long placement, struct placement_kpis *k,
		   struct error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	k->n = 0;
	stmt = store_cached(s, "SELECT k.code, kp.home FROM kpi_placement kp"
			    " JOIN kpi k ON k.id = kp.kpi_id WHERE kp.placement_id = ?"
			    " ORDER BY kp.position", err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, placement);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		if (k->n == PLACEMENT_KPIS_MAX) {
			/* said, not dropped: no row of a strategy holds so many */
			sqlite3_reset(stmt);
			k->n = 0;
			return error_of(err, ERROR_INVALID, _("a row with more than %d KPIs"),
					PLACEMENT_KPIS_MAX);
		}
		snprintf(k->code[k->n], sizeof k->code[k->n], "%s",
			 (const char *)sqlite3_column_text(stmt, 0));
		k->home[k->n++] = sqlite3_column_int(stmt, 1);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

void placement_kpis_one(struct placement_kpis *k, const char *code)
{
	k->n = 1;
	k->home[0] = 1;
	snprintf(k->code[0], sizeof k->code[0], "%s", code);
}

/* The first column of stmt's one row, bound to id, into buf. */
static int first_text(struct store *s, sqlite3_stmt *stmt, long long id, char *buf, size_t size,
		      struct error *err)
{
	int rc;

	buf[0] = '\0';
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0))
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int placement_title(struct store *s, long long placement, char *buf, size_t size,
		    struct error *err)
{
	return first_text(s, store_cached(s, "SELECT n.title FROM placement p"
					  " JOIN node n ON n.id = p.node_id WHERE p.id = ?", err),
			  placement, buf, size, err);
}

int placement_field_name(struct store *s, long long field, char *buf, size_t size,
			 struct error *err)
{
	return first_text(s, store_cached(s, "SELECT name FROM field WHERE id = ?", err), field,
			  buf, size, err);
}

int placement_project_label(struct store *s, long long placement, char *buf, size_t size,
			    struct error *err)
{
	return first_text(s, store_cached(s,
		"WITH RECURSIVE up(id, parent) AS (SELECT id, parent_id FROM placement WHERE id = ?1"
		" UNION ALL SELECT p.id, p.parent_id FROM placement p JOIN up ON p.id = up.parent)"
		" SELECT n.label FROM up JOIN placement p ON p.id = up.id"
		" JOIN node n ON n.id = p.node_id WHERE up.parent IS NULL", err), placement, buf,
			  size, err);
}

int placement_program_notes(struct store *s, long long program, char *buf, size_t size,
			    struct error *err)
{
	return first_text(s, store_cached(s, "SELECT notes FROM grant_program WHERE id = ?", err),
			  program, buf, size, err);
}

int placement_grant(struct store *s, long long placement,
		    void (*fn)(void *ctx, enum placement_text what, const char *text), void *ctx,
		    struct error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	stmt = store_cached(s, "SELECT m.name FROM placement_menu pm"
			    " JOIN grant_menu m ON m.id = pm.menu_id WHERE pm.placement_id = ?"
			    " ORDER BY pm.position", err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, placement);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW)
		fn(ctx, PLACEMENT_MENU, (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return -1;
	stmt = store_cached(s, "SELECT example, ai_example FROM placement WHERE id = ?", err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, placement);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		const char *ex = (const char *)sqlite3_column_text(stmt, 0);
		const char *ai = (const char *)sqlite3_column_text(stmt, 1);

		if (ex && *ex)
			fn(ctx, PLACEMENT_EXAMPLE, ex);
		if (ai && *ai)
			fn(ctx, PLACEMENT_AI_EXAMPLE, ai);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int placement_project(struct store *s, long long project,
		      void (*fn)(void *ctx, enum project_field field, const char *text),
		      void *ctx, struct error *err)
{
	sqlite3_stmt *stmt;
	int rc, i;

	stmt = store_cached(s, "SELECT p.title, p.municipality, g.name, p.adoption_year,"
			    " p.application, p.national_share, p.period, p.description, p.notes, g.notes"
			    " FROM project p JOIN grant_program g ON g.id = p.program_id"
			    " WHERE p.id = ?", err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, project);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW)
		for (i = 0; i < PROJECT_FIELDS; i++)
			fn(ctx, (enum project_field)i, (const char *)sqlite3_column_text(stmt, i));
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}
