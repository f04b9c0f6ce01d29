/* values.c: setting and clearing plan/actual values, each change paired
 * with its history row in the same transaction. */
#include "values.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fiscal_year.h"
#include "iso_time.h"
#include "number.h"
#include "verification.h"

const char *values_kind_name(enum value_kind kind)
{
	return kind == VALUE_PLAN ? "plan" : "actual";
}

static const char *text_or_empty(sqlite3_stmt *stmt, int col)
{
	const char *t = (const char *)sqlite3_column_text(stmt, col);

	return t ? t : "";
}

static void bind_value(sqlite3_stmt *stmt, int col, int present, double v)
{
	if (present)
		sqlite3_bind_double(stmt, col, v);
	else
		sqlite3_bind_null(stmt, col);
}

static int expect_failed(const struct value_change *c, int had, double old,
			 const char *by, const char *at, struct error *err)
{
	/* in the official's language: the kind's word, the local time */
	const char *kind = c->kind == VALUE_PLAN ? _("plan") : _("actual");
	char stored[64], expected[64], when[64];

	if (had)
		number_format(old, stored, sizeof stored);
	if (!c->expect_none)
		number_format(c->expect, expected, sizeof expected);
	i18n_time(at, when, sizeof when);
	if (had && !c->expect_none && old == c->expect)
		return error_of(err, ERROR_CONFLICT, _("the note of the stored %s %s was changed (by %s at %s)"),
				kind, stored, by, when);
	if (had && c->expect_none)
		return error_of(err, ERROR_CONFLICT, _("the stored %s is %s (entered by %s at %s), where none"
						       " was expected"), kind, stored, by, when);
	if (had)
		return error_of(err, ERROR_CONFLICT, _("the stored %s is %s (entered by %s at %s), not %s as expected"),
				 kind, stored, by, when, expected);
	return error_of(err, ERROR_CONFLICT, _("no %s is stored, not %s as expected"), kind, expected);
}

static const char select_old_sql[] =
	"SELECT value, note, entered_by, entered_at, decimals FROM value"
	" WHERE kpi_id = ? AND fiscal_year = ? AND kind = ?";
/* value and history are views (schema version 3): their INSTEAD OF
 * triggers store who and when once, each write still one statement. */
static const char delete_sql[] =
	"DELETE FROM value WHERE kpi_id = ? AND fiscal_year = ? AND kind = ?";
static const char update_sql[] =
	"UPDATE value SET value = ?4, note = ?5, entered_by = ?6, entered_at = ?7, decimals = ?8"
	" WHERE kpi_id = ?1 AND fiscal_year = ?2 AND kind = ?3";
/* Whether the value of KPI ?1 at year ?2 is one a closed verification
 * published (verification_frozen, which says which): in the statements
 * a write takes anyway, so that it costs no step of its own. */
#define FROZEN_SQL "EXISTS (SELECT 1 FROM kpi k JOIN verification c ON c.closed_at IS NOT NULL" \
	" WHERE k.id = ?1 AND k.project_id IS NOT NULL AND instr(k.code, '-') > 1" \
	" AND c.fiscal_year IN (?2, ?2 + 1))"
/* what a write looks at first: the stored value, if any (column 5), and
 * whether it is frozen (6) */
static const char look_sql[] =
	"SELECT v.value, v.note, v.entered_by, v.entered_at, v.decimals, v.kpi_id IS NOT NULL, "
	FROZEN_SQL " FROM (SELECT 1) LEFT JOIN value v ON v.kpi_id = ?1 AND v.fiscal_year = ?2"
	" AND v.kind = ?3";
static const char insert_new_sql[] =
	"INSERT INTO value(kpi_id, fiscal_year, kind, value, note, entered_by, entered_at,"
	" decimals) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE NOT EXISTS (SELECT 1 FROM value_row"
	" WHERE kpi_id = ?1 AND fiscal_year = ?2 AND kind = (?3 = 'plan')) AND NOT " FROZEN_SQL;
/* The same value written with other decimals (33 as 33.00): its form
 * alone, no change in the history (a value set by an import has its
 * setting moved into history_row first, as any update of it does). */
static const char form_sql[] =
	"UPDATE value_row SET decimals = ?4, set_id = NULL, set_change = NULL"
	" WHERE kpi_id = ?1 AND fiscal_year = ?2 AND kind = (?3 = 'plan')";
static const char history_sql[] =
	"INSERT INTO history(kpi_id, fiscal_year, kind, old_value, old_note, new_value,"
	" new_note, changed_by, changed_at, source, old_decimals, new_decimals)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

/* The history row of a change from (had, old_value, old_note), the old
 * value written with old_decimals. */
static int record_history(struct store *s, const struct value_change *c, int had,
			  double old_value, int old_decimals, const char *old_note,
			  const char *now, struct error *err)
{
	sqlite3_stmt *hist = store_cached(s, history_sql, err);
	int rc;

	if (!hist)
		return -1;
	sqlite3_bind_int64(hist, 1, c->kpi_id);
	sqlite3_bind_int(hist, 2, c->fiscal_year);
	sqlite3_bind_text(hist, 3, values_kind_name(c->kind), -1, SQLITE_STATIC);
	bind_value(hist, 4, had, old_value);
	if (had)
		sqlite3_bind_text(hist, 5, old_note, -1, SQLITE_STATIC);
	bind_value(hist, 6, !c->clear, c->value);
	if (!c->clear)
		sqlite3_bind_text(hist, 7, c->note ? c->note : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(hist, 8, c->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(hist, 9, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(hist, 10, c->source, -1, SQLITE_STATIC);
	sqlite3_bind_int(hist, 11, had ? old_decimals : 0);
	sqlite3_bind_int(hist, 12, c->clear ? 0 : c->decimals);
	rc = store_step(s, hist, err);
	sqlite3_reset(hist);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void bind_new_value(sqlite3_stmt *write, const struct value_change *c, const char *now)
{
	sqlite3_bind_int64(write, 1, c->kpi_id);
	sqlite3_bind_int(write, 2, c->fiscal_year);
	sqlite3_bind_text(write, 3, values_kind_name(c->kind), -1, SQLITE_STATIC);
	if (c->clear)
		return;
	sqlite3_bind_double(write, 4, c->value);
	sqlite3_bind_text(write, 5, c->note ? c->note : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(write, 6, c->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(write, 7, c->at ? c->at : now, -1, SQLITE_STATIC);
	sqlite3_bind_int(write, 8, c->decimals);
}

/* A value where there was none, the common case of an import: one
 * statement instead of a look and a write. Returns 1 if it was new, 0 if
 * a value is there already (nothing written), -1 on error. */
static int insert_new(struct store *s, const struct value_change *c, const char *now,
		      struct error *err)
{
	sqlite3_stmt *write = store_cached(s, insert_new_sql, err);
	int rc, before;

	if (!write)
		return -1;
	bind_new_value(write, c, now);
	/* A view's INSTEAD OF trigger leaves sqlite3_changes at 0; the rows
	 * its trigger wrote count in the total. */
	before = sqlite3_total_changes(s->db);
	rc = store_step(s, write, err);
	sqlite3_reset(write);
	if (rc != SQLITE_DONE)
		return -1;
	if (sqlite3_total_changes(s->db) == before)
		return 0;
	return record_history(s, c, 0, 0, 0, "", now, err) < 0 ? -1 : 1;
}

static int write_form(struct store *s, const struct value_change *c, struct error *err)
{
	sqlite3_stmt *write = store_cached(s, form_sql, err);
	int rc;

	if (!write)
		return -1;
	sqlite3_bind_int64(write, 1, c->kpi_id);
	sqlite3_bind_int(write, 2, c->fiscal_year);
	sqlite3_bind_text(write, 3, values_kind_name(c->kind), -1, SQLITE_STATIC);
	sqlite3_bind_int(write, 4, c->decimals);
	rc = store_step(s, write, err);
	sqlite3_reset(write);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Whether text is UTF-8 throughout (no overlong forms, no surrogates). */
static int utf8_valid(const unsigned char *p)
{
	while (*p) {
		int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2
			: (*p & 0xF8) == 0xF0 ? 3 : -1;
		unsigned long c = n == 0 ? *p : n == 1 ? *p & 0x1F : n == 2 ? *p & 0x0F : *p & 0x07;
		int i;

		if (n < 0)
			return 0;
		for (i = 1; i <= n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return 0;
			c = c << 6 | (p[i] & 0x3F);
		}
		if ((n == 1 && c < 0x80) || (n == 2 && c < 0x800) || (n == 3 && c < 0x10000) ||
		    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return 0;
		p += n + 1;
	}
	return 1;
}

/* A note c may store: UTF-8, at most VALUES_NOTE_MAX bytes. */
static int note_ok(const struct value_change *c, struct error *err)
{
	if (c->clear || !c->note)
		return 0;
	if (strlen(c->note) > VALUES_NOTE_MAX)
		return error_of(err, ERROR_INVALID, _("note: longer than %d bytes"), VALUES_NOTE_MAX);
	if (!utf8_valid((const unsigned char *)c->note))
		return error_of(err, ERROR_INVALID,
				_("note: not UTF-8 (is the terminal set to UTF-8?)"));
	return 0;
}

/* The statements are cached (imports call this a million times) and
 * reset on every path, so that none keeps a lock. */
int values_apply(struct store *s, const struct value_change *c, struct error *err)
{
	const char *kind = values_kind_name(c->kind);
	struct value_change w = *c;	/* c with the note it leaves stored */
	sqlite3_stmt *old, *write = NULL;
	int had, frozen, rc, result = -1, old_decimals = 0;
	double old_value = 0;
	char *old_note = NULL, now[32];


	if (note_ok(c, err) < 0)
		return -1;
	if (c->now)
		snprintf(now, sizeof now, "%s", c->now);
	else
		iso_now(now, sizeof now);
	/* (a frozen value is not inserted: the look below says why) */
	if (!c->clear && !c->check_expect) {
		rc = insert_new(s, c, now, err);
		if (rc != 0)
			return rc < 0 ? -1 : VALUES_CHANGED;
	}
	old = store_cached(s, look_sql, err);
	if (!old)
		return -1;
	sqlite3_bind_int64(old, 1, c->kpi_id);
	sqlite3_bind_int(old, 2, c->fiscal_year);
	sqlite3_bind_text(old, 3, kind, -1, SQLITE_STATIC);
	rc = store_step(s, old, err);
	if (rc != SQLITE_ROW)
		goto done;
	had = sqlite3_column_int(old, 5);
	frozen = sqlite3_column_int(old, 6);
	/* the whole note, however long: a cut one would be a change */
	old_note = strdup(had ? text_or_empty(old, 1) : "");
	if (!old_note) {
		error_of(err, ERROR_NO_MEMORY, _("out of memory"));
		goto done;
	}
	if (had) {
		old_value = sqlite3_column_double(old, 0);
		old_decimals = sqlite3_column_int(old, 4);
	}
	if (!w.note)
		w.note = old_note;
	if (c->check_expect &&
	    (c->expect_none ? had
	     : !had || old_value != c->expect ||
		       (c->expect_note && strcmp(old_note, c->expect_note) != 0))) {
		expect_failed(c, had, old_value, had ? text_or_empty(old, 2) : "",
			      had ? text_or_empty(old, 3) : "", err);
		goto done;
	}
	if (c->clear ? !had : had && old_value == c->value && strcmp(old_note, w.note) == 0) {
		int form = !c->clear && sqlite3_column_int(old, 4) != c->decimals;

		sqlite3_reset(old);
		if (form && write_form(s, c, err) < 0)
			goto done;
		result = VALUES_UNCHANGED;
		goto done;
	}
	sqlite3_reset(old);
	/* what a closed verification published stays as published: a
	 * change of it is refused (the same value again is no change) */
	if (frozen && values_frozen_check(s, c->kpi_id, c->fiscal_year, c->kind,
					  c->clear ? NULL : &c->value, w.note, err) < 0)
		goto done;

	write = store_cached(s, c->clear ? delete_sql : had ? update_sql : insert_new_sql, err);
	if (!write)
		goto done;
	bind_new_value(write, &w, now);
	if (store_step(s, write, err) != SQLITE_DONE)
		goto done;
	if (record_history(s, &w, had, old_value, old_decimals, old_note, now, err) < 0)
		goto done;
	result = VALUES_CHANGED;
done:
	sqlite3_reset(old);
	if (write)
		sqlite3_reset(write);
	free(old_note);
	return result;
}

int values_set(struct store *s, const struct value_change *c, struct error *err)
{
	int rc;

	if (store_begin(s, err) < 0)
		return -1;
	rc = values_apply(s, c, err);
	if (rc < 0) {
		store_rollback(s);
		return -1;
	}
	if (store_commit(s, err) < 0)
		return -1;
	return rc;
}

int values_save(struct store *s, const struct value_change *c, int n, int *failed,
		struct error *err)
{
	int i;

	*failed = -1;
	if (store_begin(s, err) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (values_apply(s, &c[i], err) < 0) {
			store_rollback(s);
			*failed = i;
			return -1;
		}
	}
	return store_commit(s, err) < 0 ? -1 : 0;
}

static enum value_kind kind_of(sqlite3_stmt *stmt, int col)
{
	return strcmp(text_or_empty(stmt, col), "plan") == 0 ? VALUE_PLAN : VALUE_ACTUAL;
}

int values_each(struct store *s, long long kpi_id,
		void (*fn)(void *, const struct value_row *), void *ctx, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s,
		"SELECT fiscal_year, kind, value, note, entered_by, entered_at, decimals FROM value"
		" WHERE kpi_id = ? ORDER BY fiscal_year, kind", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, kpi_id);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct value_row row = {
			.fiscal_year = sqlite3_column_int(stmt, 0),
			.kind = kind_of(stmt, 1),
			.value = sqlite3_column_double(stmt, 2),
			.note = text_or_empty(stmt, 3),
			.entered_by = text_or_empty(stmt, 4),
			.entered_at = text_or_empty(stmt, 5),
			.decimals = sqlite3_column_int(stmt, 6),
		};
		fn(ctx, &row);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int values_history(struct store *s, long long kpi_id,
		   void (*fn)(void *, const struct history_row *), void *ctx, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s,
		"SELECT fiscal_year, kind, old_value, old_note, new_value, new_note,"
		" changed_by, changed_at, source, said_by, old_decimals, new_decimals FROM history"
		" WHERE kpi_id = ? ORDER BY id", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, kpi_id);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct history_row row = {
			.fiscal_year = sqlite3_column_int(stmt, 0),
			.kind = kind_of(stmt, 1),
			.had_old = sqlite3_column_type(stmt, 2) != SQLITE_NULL,
			.old_value = sqlite3_column_double(stmt, 2),
			.old_note = text_or_empty(stmt, 3),
			.has_new = sqlite3_column_type(stmt, 4) != SQLITE_NULL,
			.new_value = sqlite3_column_double(stmt, 4),
			.new_note = text_or_empty(stmt, 5),
			.changed_by = text_or_empty(stmt, 6),
			.changed_at = text_or_empty(stmt, 7),
			.source = text_or_empty(stmt, 8),
			.said_by = text_or_empty(stmt, 9),
			.old_decimals = sqlite3_column_int(stmt, 10),
			.new_decimals = sqlite3_column_int(stmt, 11),
		};
		fn(ctx, &row);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* --- the rules of a value ------------------------------------------------- */

static const char rules_sql[] =
	"SELECT k.id, k.unit, k.baseline_value, k.baseline_from, k.target_value, k.target_to,"
	" k.direction = 'down', k.project_id IS NOT NULL, p.adoption_year"
	" FROM kpi k LEFT JOIN project p ON p.id = k.project_id WHERE k.code = ?";

static int is_percent(const char *unit)
{
	return strcmp(unit, "%") == 0 || strcmp(unit, "\uff05") == 0;	/* ％ */
}

static int later(int a, int b)
{
	return a > b ? a : b;
}

int values_rules_find(struct store *s, const char *code, int current_year,
		      struct value_rules *r, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, rules_sql, err);
	int rc, has_target, end;
	double target;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = store_step(s, stmt, err);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(stmt);
		if (rc == SQLITE_DONE)
			error_of(err, ERROR_NOT_FOUND, _("no KPI with code '%s'"), code);
		return -1;
	}
	memset(r, 0, sizeof *r);
	r->kpi_id = sqlite3_column_int64(stmt, 0);
	r->has_baseline = sqlite3_column_type(stmt, 2) != SQLITE_NULL;
	r->baseline = sqlite3_column_double(stmt, 2);
	has_target = sqlite3_column_type(stmt, 4) != SQLITE_NULL;
	target = sqlite3_column_double(stmt, 4);
	r->down = sqlite3_column_int(stmt, 6);
	r->is_project = sqlite3_column_int(stmt, 7);
	/* A percentage is a share of a whole unless the KPI's own numbers go
	 * past 100 (a rate of growth, say). */
	r->share = is_percent(text_or_empty(stmt, 1)) &&
		   !(r->has_baseline && r->baseline > 100) && !(has_target && target > 100);
	r->may_be_negative = (r->has_baseline && r->baseline < 0) || (has_target && target < 0);
	if (r->is_project) {
		int adopted = sqlite3_column_int(stmt, 8);

		r->first_year = adopted - 1;
		end = adopted + 5;
	} else {
		r->first_year = sqlite3_column_type(stmt, 3) != SQLITE_NULL
					? sqlite3_column_int(stmt, 3)
				: sqlite3_column_type(stmt, 5) != SQLITE_NULL
					? sqlite3_column_int(stmt, 5)
					: current_year;
		end = sqlite3_column_type(stmt, 5) != SQLITE_NULL ? sqlite3_column_int(stmt, 5)
								  : r->first_year;
	}
	r->last_year = later(end, current_year) + VALUES_YEARS_AHEAD;
	if (r->first_year > r->last_year)
		r->first_year = r->last_year;
	sqlite3_reset(stmt);
	return 0;
}

int values_check_year(const struct value_rules *r, int year, struct error *err)
{
	char a[32], b[32], n[32];

	if (year >= r->first_year && year <= r->last_year)
		return 0;
	return error_of(err, ERROR_INVALID, _("%s is outside this KPI's years, %s to %s"),
			fiscal_year_brief(year, n, sizeof n),
			fiscal_year_brief(r->first_year, a, sizeof a),
			fiscal_year_brief(r->last_year, b, sizeof b));
}

int values_check_value(const struct value_rules *r, double v, struct error *err)
{
	char n[64];

	if (v < 0 && !r->may_be_negative)
		return error_of(err, ERROR_INVALID, _("%s: this KPI's values are never negative"),
				number_format(v, n, sizeof n));
	if (r->share && v > 100)
		return error_of(err, ERROR_INVALID, _("%s: a percentage of a whole is 0 to 100"),
				number_format(v, n, sizeof n));
	return 0;
}

int values_check(const struct value_rules *r, int year, double v, struct error *err)
{
	return values_check_year(r, year, err) < 0 ? -1 : values_check_value(r, v, err);
}

const char *values_unusual(const struct value_rules *r, int has_last, double last, double v)
{
	if (has_last && last > 0 && v > 10 * last)
		return _("more than ten times last year's actual");
	if (!r->is_project && r->has_baseline && (r->down ? v > r->baseline : v < r->baseline))
		return _("on the wrong side of the baseline");
	return NULL;
}

int values_frozen_check(struct store *s, long long kpi_id, int year, enum value_kind kind,
			const double *value, const char *note, struct error *err)
{
	struct error frozen;
	char *stored_note = NULL;
	double stored;
	int had, same;

	if (verification_frozen(s, kpi_id, year, &frozen) == 0)
		return 0;
	if (frozen.kind != ERROR_INVALID) {
		*err = frozen;
		return -1;
	}
	had = values_get(s, kpi_id, year, kind, &stored, &stored_note, err);
	if (had < 0)
		return -1;
	/* the same value again is no change; another, or another note, is */
	same = had && value && stored == *value &&
	       strcmp(stored_note, note ? note : "") == 0;
	free(stored_note);
	if (same)
		return 0;
	*err = frozen;
	return -1;
}

int values_get(struct store *s, long long kpi_id, int year, enum value_kind kind, double *v,
	       char **note, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, select_old_sql, err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, kpi_id);
	sqlite3_bind_int(stmt, 2, year);
	sqlite3_bind_text(stmt, 3, values_kind_name(kind), -1, SQLITE_STATIC);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_double(stmt, 0);
		if (note && !(*note = strdup(text_or_empty(stmt, 1)))) {
			sqlite3_reset(stmt);
			return error_of(err, ERROR_NO_MEMORY, _("out of memory"));
		}
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
