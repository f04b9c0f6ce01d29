/* verification.c: the yearly 効果検証 of the grant projects: the
 * suggestion rule, verifications, projects' amounts, the three voices
 * and their history, the national summary. Each write is one
 * transaction with its verification_history rows. */
#include "verification.h"
#include "alloc.h"
#include "i18n.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "access.h"
#include "fiscal_year.h"
#include "iso_time.h"
#include "kpi.h"
#include "kpi_years.h"
#include "meeting.h"
#include "number.h"
#include "width.h"

static const char *text_of(sqlite3_stmt *stmt, int col)
{
	const char *t = (const char *)sqlite3_column_text(stmt, col);

	return t ? t : "";
}

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

/* The integer sql (one parameter, id) gives into *out: 1, 0 when it
 * gives no row (*out 0), or -1 with err. */
/* a project's code: its KPIs' prefix (SP1 of SP1-2) */
#define PROJECT_CODE "substr(min(k.code), 1, instr(min(k.code), '-') - 1)"

static int int_of(struct store *s, const char *sql, long long id, long long *out,
		  struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, sql, err);
	int rc;

	*out = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Copies the first n columns of stmt's row into texts (NULL: skipped). */
static void copy_columns(sqlite3_stmt *stmt, char *const *texts, const size_t *sizes, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (texts[i])
			copy(texts[i], sizes[i], text_of(stmt, i));
}

/* A choice or a reason that is there: not blank ("　" is none). */
static int given(const char *t)
{
	return !width_blank(t);
}

/* --- the suggestion rule ------------------------------------------------ */

int verification_rule_parse(const char *text, struct effect_rule *r, struct error *err)
{
	const char *p = text;
	size_t i;

	memset(r, 0, sizeof *r);
	while (isspace((unsigned char)*p))
		p++;
	for (i = 0; p[i] && !isspace((unsigned char)p[i]); i++)
		;
	if (i == 3 && strncasecmp(p, "all", 3) == 0)
		r->quantifier = EFFECT_ALL;
	else if (i == 3 && strncasecmp(p, "any", 3) == 0)
		r->quantifier = EFFECT_ANY;
	else {
		if (review_rule_parse(text, &r->test, NULL) == 0 && r->test.rule == RULE_OTHERWISE) {
			r->quantifier = EFFECT_OTHERWISE;
			return 0;
		}
		return error_of(err, ERROR_INVALID, _("rule: '%s' is none of all RULE, any RULE,"
				" otherwise (RULE: achieved, on track, improved, progress >= N%%)"),
				text);
	}
	if (review_rule_parse(p + i, &r->test, NULL) < 0 || r->test.rule == RULE_NO_DATA ||
	    r->test.rule == RULE_OTHERWISE)
		return error_of(err, ERROR_INVALID, _("rule: '%s' is none of all RULE, any RULE,"
				" otherwise (RULE: achieved, on track, improved, progress >= N%%)"),
				text);
	return 0;
}

char *verification_rule_text(const struct effect_rule *r, char *buf, size_t size)
{
	char rule[64];

	if (r->quantifier == EFFECT_OTHERWISE)
		snprintf(buf, size, "otherwise");
	else
		snprintf(buf, size, "%s %s", r->quantifier == EFFECT_ALL ? "all" : "any",
			 review_rule_text(&r->test, rule, sizeof rule));
	return buf;
}

char *verification_rule_words(const struct effect_rule *r, char *buf, size_t size)
{
	char rule[64];

	review_rule_words(&r->test, rule, sizeof rule);
	if (r->quantifier == EFFECT_OTHERWISE)
		snprintf(buf, size, "%s", rule);
	else
		snprintf(buf, size, r->quantifier == EFFECT_ALL ? _("all %s") : _("any %s"),
			 rule);
	return buf;
}

int verification_rules_load(struct store *s, struct effect_rules *rules, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT code, rule FROM effect_rule"
					  " ORDER BY position", err);
	int rc;

	rules->n = 0;
	if (!stmt)
		return -1;
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW && rules->n < RANKS_MAX) {
		struct effect_rule *r = &rules->rules[rules->n];

		if (verification_rule_parse(text_of(stmt, 1), r, err) < 0) {
			sqlite3_reset(stmt);
			return -1;
		}
		copy(r->code, sizeof r->code, text_of(stmt, 0));
		rules->n++;
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

void verification_standing(const struct kpi *k, const struct kpi_years *t, int year,
			   struct standing *st)
{
	const struct kpi_year *r = NULL;
	int i;

	review_standing(k, t, year, st);
	/* a strategy KPI's progress already runs from its baseline to its
	 * target, an increment KPI's from the sums of its increments */
	if (!k->is_project || k->is_increment)
		return;
	for (i = 0; i < t->n; i++)
		if (t->rows[i].year == st->year)
			r = &t->rows[i];
	if (r)
		kpi_years_plan_way(k, r, &st->progress);
}

/* Whether rule r holds for the standings st[0..n-1]: "all R" when every
 * KPI passes R (one that cannot be judged passes nothing), "any R" when
 * one does, "otherwise" when every KPI can be judged. */
static int rule_holds(const struct effect_rule *r, const struct standing *st, int n,
		      int judged, int *passing)
{
	struct rank_scheme one = { .n = 1 };
	int i;

	*passing = judged;
	if (r->quantifier == EFFECT_OTHERWISE)
		return judged == n;
	one.ranks[0] = r->test;
	*passing = 0;
	for (i = 0; i < n; i++)
		if (progress_judged(st[i].progress.status) && review_propose(&one, &st[i]))
			(*passing)++;
	return r->quantifier == EFFECT_ALL ? *passing == n : *passing > 0;
}

void verification_suggest(const struct effect_rules *rules, const struct standing *st, int n,
			  struct suggestion *out)
{
	int i, k;

	memset(out, 0, sizeof *out);
	out->kpis = n;
	/* a KPI is judged by its plan or target: an actual alone (actual
	 * only) has nothing to be measured against */
	for (i = 0; i < n; i++)
		if (progress_judged(st[i].progress.status))
			out->with_data++;
	if (!out->with_data)
		return;
	for (k = 0; k < rules->n; k++)
		if (rule_holds(&rules->rules[k], st, n, out->with_data, &out->passing)) {
			out->rule = &rules->rules[k];
			return;
		}
	out->passing = 0;
}

char *verification_suggestion_text(const struct suggestion *sg, char *buf, size_t size)
{
	char rule[96];
	int n;

	if (!sg->rule) {
		if (sg->with_data)
			n = snprintf(buf, size, _("no suggestion: %d of the %d KPIs cannot be judged"
					    " (an actual and its plan or target), and no rule holds"
					    " without them"), sg->kpis - sg->with_data, sg->kpis);
		else
			n = snprintf(buf, size, _("no suggestion: none of the %d KPIs can be judged (an actual and its plan or target)"),
				     sg->kpis);
		if (sg->unknown && n > 0 && (size_t)n < size)
			snprintf(buf + n, size - (size_t)n, _("; %d not known yet"), sg->unknown);
		return buf;
	}
	if (sg->rule->quantifier == EFFECT_OTHERWISE)
		n = snprintf(buf, size, _("%s (%s): no rule above holds for the %d KPIs"
				    " with data"), sg->rule->code,
			     verification_rule_words(sg->rule, rule, sizeof rule), sg->with_data);
	else
		n = snprintf(buf, size, _("%s (%s): %d of %d KPIs with data"), sg->rule->code,
			     verification_rule_words(sg->rule, rule, sizeof rule), sg->passing,
			     sg->with_data);
	if (sg->with_data + sg->unknown < sg->kpis && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, _("; %d without"),
			      sg->kpis - sg->with_data - sg->unknown);
	if (sg->unknown && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, _("; %d not known yet"), sg->unknown);
	return buf;
}

/* --- history ------------------------------------------------------------- */

static int log_change(struct store *s, int year, long long project_id, const char *what,
		      const char *old_text, const char *new_text, const char *reason,
		      const char *user, const char *now, struct error *err)
{
	return store_log_change(s, "INSERT INTO verification_history(fiscal_year, project_id, what,"
				" old_text, new_text, reason, changed_by, changed_at)"
				" VALUES (?, ?, ?, ?, ?, ?, ?, ?)", year, project_id, what,
				given(old_text) ? old_text : NULL, given(new_text) ? new_text : NULL,
				reason, user, now, err);
}

/* Steps stmt (a write of year's verification), logs it as what, and
 * commits. Returns 0, or -1 (the caller rolls back). */
static int step_log_commit(struct store *s, sqlite3_stmt *stmt, int year, const char *what,
			   const char *old_text, const char *new_text, const char *user,
			   const char *now, struct error *err)
{
	int rc = store_step(s, stmt, err);

	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE ||
	    log_change(s, year, 0, what, old_text, new_text, NULL, user, now, err) < 0)
		return -1;
	return store_commit(s, err);
}

/* Logs a field that changed (old and new differ). */
static int log_if_changed(struct store *s, int year, long long id, const char *what,
			  const char *old_text, const char *new_text, const char *reason,
			  const char *user, const char *now, struct error *err)
{
	if (strcmp(old_text ? old_text : "", new_text ? new_text : "") == 0)
		return 0;
	return log_change(s, year, id, what, old_text, new_text, reason, user, now, err);
}

/* Ends a write of one field: logs it when it changed and commits, or
 * rolls back. Returns 0, or -1. */
static int log_and_commit(struct store *s, int year, long long id, const char *what,
			  const char *old_text, const char *new_text, const char *reason,
			  const char *user, const char *now, struct error *err)
{
	if (log_if_changed(s, year, id, what, old_text, new_text, reason, user, now, err) < 0 ||
	    store_commit(s, err) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int verification_history(struct store *s, long long id,
			 void (*fn)(void *ctx, const struct verification_change *c), void *ctx,
			 struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT fiscal_year, what, coalesce(old_text, ''),"
		" coalesce(new_text, ''), reason, changed_by, changed_at FROM verification_history"
		" WHERE project_id = ?1 OR (project_id IS NULL AND ?1 = 0) ORDER BY id", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct verification_change c = {
			.year = sqlite3_column_int(stmt, 0), .what = text_of(stmt, 1),
			.old_text = text_of(stmt, 2), .new_text = text_of(stmt, 3),
			.reason = text_of(stmt, 4), .changed_by = text_of(stmt, 5),
			.changed_at = text_of(stmt, 6),
		};

		fn(ctx, &c);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* --- a verification ----------------------------------------------------- */

int verification_default_year(void)
{
	return fiscal_year_of(time(NULL)) - 1;
}

int verification_latest(struct store *s, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT coalesce(max(fiscal_year), 0) FROM verification",
					  err);
	int rc, year = 0;

	if (!stmt)
		return -1;
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW)
		year = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? year : -1;
}

int verification_get(struct store *s, int year, struct verification *v, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT opened_by, opened_at, coalesce(closed_at, ''),"
		" coalesce(revised, -1), revised_by, revised_at FROM verification"
		" WHERE fiscal_year = ?", err);
	char fy[32];
	int rc;

	if (!stmt)
		return -1;
	memset(v, 0, sizeof *v);
	sqlite3_bind_int(stmt, 1, year);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		char *const texts[] = { v->opened_by, v->opened_at, v->closed_at, NULL,
					v->revised_by, v->revised_at };
		const size_t sizes[] = { sizeof v->opened_by, sizeof v->opened_at,
					 sizeof v->closed_at, 0, sizeof v->revised_by,
					 sizeof v->revised_at };

		v->year = year;
		copy_columns(stmt, texts, sizes, 6);
		v->revised = sqlite3_column_int(stmt, 3);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return error_of(err, ERROR_NOT_FOUND, _("no verification of %s: open it first"),
				fiscal_year_format(year, fy, sizeof fy));
	return rc == SQLITE_ROW ? 0 : -1;
}

int verification_may_conduct(const struct access_identity *who, struct error *err)
{
	char desc[1024];

	if (!who->enforced || who->role == ROLE_ADMIN || (who->role == ROLE_EDITOR && !who->nscopes))
		return 0;
	return error_of(err, ERROR_REFUSED, who->role == ROLE_EDITOR
			? _("%s may not open, close or answer a verification: it speaks for every"
			    " project, and the key's scope holds only some")
			: _("%s may not open, close or answer a verification"),
			access_describe(who, desc, sizeof desc));
}

/* Refuses to open (closing 0) or close a year no project is due at
 * (due 0): nothing to verify, nothing to close. Returns 0, or -1. */
static int none_due(int due, int year, int closing, struct error *err)
{
	char fy[32];

	if (due)
		return 0;
	fiscal_year_format(year, fy, sizeof fy);
	return error_of(err, ERROR_INVALID, closing ? _("no project is due at %s: nothing to close")
				       : _("no project is due at %s: nothing to verify"), fy);
}

int verification_open(struct store *s, int year, const char *user, struct verification *v,
		      struct error *err)
{
	struct vproject_list l;
	sqlite3_stmt *stmt;
	char now[32], fy[32];
	int due;

	/* the verification of a year is of its results: once it has ended */
	if (year > verification_default_year())
		return error_of(err, ERROR_INVALID, _("%s has not ended yet: nothing to verify"),
				fiscal_year_format(year, fy, sizeof fy));
	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	if (verification_get(s, year, v, err) == 0) {
		error_of(err, ERROR_CONFLICT, *v->closed_at ? _("the verification of %s is closed")
					      : _("the verification of %s is already open"),
			 fiscal_year_format(year, fy, sizeof fy));
		goto fail;
	}
	if (err->kind != ERROR_NOT_FOUND)
		goto fail;
	/* a year no project is due at has nothing to verify (and could
	 * never be closed) */
	if (verification_projects(s, year, &l, err) < 0)
		goto fail;
	due = l.n;
	verification_projects_free(&l);
	if (none_due(due, year, 0, err) < 0)
		goto fail;
	stmt = store_cached(s, "INSERT INTO verification(fiscal_year, opened_by, opened_at)"
			    " VALUES (?, ?, ?)", err);
	if (!stmt)
		goto fail;
	sqlite3_bind_int(stmt, 1, year);
	sqlite3_bind_text(stmt, 2, user, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_TRANSIENT);
	if (step_log_commit(s, stmt, year, "open", NULL, fiscal_year_short(year, fy, sizeof fy),
			    user, now, err) < 0)
		goto fail;
	return verification_get(s, year, v, err);
fail:
	store_rollback(s);
	return -1;
}

/* Refuses a change to what a closed verification of year published;
 * before one is opened, or while it is, nothing stops it. */
static int not_closed(struct store *s, int year, struct error *err)
{
	struct verification v;
	char fy[32];

	if (verification_get(s, year, &v, err) < 0)
		return err->kind == ERROR_NOT_FOUND ? 0 : -1;
	if (*v.closed_at)
		return error_of(err, ERROR_INVALID, _("the verification of %s is closed"),
				fiscal_year_format(year, fy, sizeof fy));
	return 0;
}

static int check_open(struct store *s, int year, struct error *err)
{
	struct verification v;
	char fy[32];

	if (verification_get(s, year, &v, err) < 0)
		return -1;
	if (*v.closed_at)
		return error_of(err, ERROR_INVALID, _("the verification of %s is closed"),
				fiscal_year_format(year, fy, sizeof fy));
	return 0;
}

/* Refuses what is entered of project project_id at year unless year's
 * verification is open and lists the project as due, as the voices are.
 * Returns 0, or -1 (ERROR_NOT_FOUND: not opened; ERROR_INVALID: closed,
 * or not due). */
static int check_due(struct store *s, int year, long long project_id, struct error *err)
{
	struct vproject_list l;
	sqlite3_stmt *stmt;
	char fy[32], name[32] = "";
	int i, due = 0;

	if (check_open(s, year, err) < 0 || verification_projects(s, year, &l, err) < 0)
		return -1;
	for (i = 0; i < l.n; i++)
		due |= l.items[i].id == project_id;
	verification_projects_free(&l);
	if (due)
		return 0;
	stmt = store_cached(s, "SELECT " PROJECT_CODE " FROM kpi k WHERE k.project_id = ?1"
			    " AND instr(k.code, '-') > 1", err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, project_id);
	if (store_step(s, stmt, err) == SQLITE_ROW)
		copy(name, sizeof name, text_of(stmt, 0));
	sqlite3_reset(stmt);
	return error_of(err, ERROR_INVALID, _("%s is not due at %s: the verification of that year"
					       " does not list it (no plan or actual then or the"
					       " year before)"),
			name, fiscal_year_format(year, fy, sizeof fy));
}

int verification_set_revised(struct store *s, int year, int yes, const char *user,
			     struct error *err)
{
	static const char *const words[] = { "", "no", "yes" };
	struct verification v;
	sqlite3_stmt *stmt;
	char now[32];

	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	if (check_open(s, year, err) < 0 || verification_get(s, year, &v, err) < 0)
		goto fail;
	stmt = store_cached(s, "UPDATE verification SET revised = ?, revised_by = ?,"
			    " revised_at = ? WHERE fiscal_year = ?", err);
	if (!stmt)
		goto fail;
	sqlite3_bind_int(stmt, 1, yes ? 1 : 0);
	sqlite3_bind_text(stmt, 2, user, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 4, year);
	if (step_log_commit(s, stmt, year, "revised", words[v.revised + 1], words[yes ? 2 : 1],
			    user, now, err) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int verification_close(struct store *s, int year, const char *user, struct error *err)
{
	struct vproject_list l;
	sqlite3_stmt *stmt;
	char now[32], fy[32], lacking[1024] = "";
	size_t n = 0;
	int i, due;

	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	if (check_open(s, year, err) < 0 || verification_projects(s, year, &l, err) < 0)
		goto fail;
	for (i = 0; i < l.n; i++) {
		struct voice_entry e;

		if (verification_voice(s, year, l.items[i].id, VOICE_FINAL, &e, err) < 0) {
			verification_projects_free(&l);
			goto fail;
		}
		if (!e.present && n < sizeof lacking)
			n += (size_t)snprintf(lacking + n, sizeof lacking - n, "%s%s", n ? " " : "",
					      l.items[i].code);
	}
	due = l.n;
	verification_projects_free(&l);
	if (none_due(due, year, 1, err) < 0)
		goto fail;
	if (*lacking) {
		error_of(err, ERROR_INVALID, _("not closed: no final result yet: %s"), lacking);
		goto fail;
	}
	stmt = store_cached(s, "UPDATE verification SET closed_at = ? WHERE fiscal_year = ?",
			    err);
	if (!stmt)
		goto fail;
	sqlite3_bind_text(stmt, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 2, year);
	if (step_log_commit(s, stmt, year, "close", NULL, fiscal_year_short(year, fy, sizeof fy),
			    user, now, err) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

/* Steps stmt with id as ?1 and year as ?2: 1 with its first column into
 * *value (and its second, a text, into text when given), 0 without a
 * row, or -1 with err. */
static int id_year_row(struct store *s, sqlite3_stmt *stmt, long long id, int year, int *value,
		       char *text, size_t size, struct error *err)
{
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, year);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		*value = sqlite3_column_int(stmt, 0);
		if (text)
			copy(text, size, text_of(stmt, 1));
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int verification_any_closed(struct store *s, struct error *err)
{
	int closed = 0;

	return id_year_row(s, store_cached(s, "SELECT EXISTS (SELECT 1 FROM verification"
		" WHERE closed_at IS NOT NULL) WHERE ?1 = ?1 AND ?2 = ?2", err), 0, 0, &closed, NULL,
		0, err) < 0 ? -1 : closed;
}

int verification_frozen(struct store *s, long long kpi_id, int year, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT v.fiscal_year, k.code FROM kpi k"
		" JOIN verification v ON v.closed_at IS NOT NULL"
		" WHERE k.id = ?1 AND k.project_id IS NOT NULL AND instr(k.code, '-') > 1"
		" AND (v.fiscal_year IN (?2, ?2 + 1) OR (?2 = 0 AND EXISTS (SELECT 1 FROM value_row r"
		"  WHERE r.kpi_id = k.id AND r.fiscal_year IN (v.fiscal_year, v.fiscal_year - 1))))"
		" ORDER BY v.fiscal_year LIMIT 1", err);
	char code[32], vfy[32];
	int verified = 0, rc = id_year_row(s, stmt, kpi_id, year, &verified, code, sizeof code, err);

	if (rc <= 0)
		return rc;
	fiscal_year_format(verified, vfy, sizeof vfy);
	if (!year)
		return error_of(err, ERROR_INVALID, _("%s: the closed verification of %s published its"
						      " values"), code, vfy);
	return error_of(err, ERROR_INVALID, _("the closed verification of %s published this value:"
					      " it stays as published"), vfy);
}

/* --- what a value is ------------------------------------------------------ */

int verification_flag_get(struct store *s, long long kpi_id, int year, struct value_flag *f,
			  struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT f.unknown AND NOT EXISTS (SELECT 1"
		" FROM value_row v WHERE v.kpi_id = f.kpi_id AND v.fiscal_year = f.fiscal_year"
		" AND v.kind = 0), coalesce(f.describes, 0), f.note FROM value_flag f"
		" WHERE f.kpi_id = ? AND f.fiscal_year = ?", err);
	int rc;

	memset(f, 0, sizeof *f);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, kpi_id);
	sqlite3_bind_int(stmt, 2, year);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		f->unknown = sqlite3_column_int(stmt, 0);
		f->describes = sqlite3_column_int(stmt, 1);
		copy(f->note, sizeof f->note, text_of(stmt, 2));
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* The KPI's code and project (0: a strategy KPI), and whether it has an
 * actual at year. Returns 0, or -1. */
static int kpi_of(struct store *s, long long kpi_id, int year, char *code, size_t size,
		  long long *project_id, int *has_actual, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT code, coalesce(project_id, 0), EXISTS"
		" (SELECT 1 FROM value_row v WHERE v.kpi_id = k.id AND v.fiscal_year = ?2"
		" AND v.kind = 0) FROM kpi k WHERE k.id = ?1", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, kpi_id);
	sqlite3_bind_int(stmt, 2, year);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		copy(code, size, text_of(stmt, 0));
		*project_id = sqlite3_column_int64(stmt, 1);
		*has_actual = sqlite3_column_int(stmt, 2);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return error_of(err, ERROR_NOT_FOUND, _("no KPI %lld"), kpi_id);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int ran_in(struct store *s, long long id, int year, struct error *err);

/* Writes kpi_id's flag (unknown < 0 or describes < 0: kept), with its
 * history, in one transaction, at the year the verification of year
 * judges it on. */
static int flag_write(struct store *s, long long kpi_id, int year, int unknown,
		      const char *note, int describes, const char *user, struct error *err)
{
	struct value_flag old;
	sqlite3_stmt *stmt;
	char now[32], code[32], what[64], was[32], is[32], fy[32];
	long long project_id = 0;
	int has_actual = 0, rc;

	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	if (kpi_of(s, kpi_id, year, code, sizeof code, &project_id, &has_actual, err) < 0)
		goto fail;
	/* a strategy KPI is judged by its review, not by the 効果検証 */
	if (!project_id) {
		error_of(err, ERROR_INVALID, _("%s is not a grant project's KPI"), code);
		goto fail;
	}
	if (check_due(s, year, project_id, err) < 0 ||
	    (year = verification_kpi_year(s, kpi_id, year, err)) < 0 ||
	    not_closed(s, year, err) < 0 ||
	    kpi_of(s, kpi_id, year, code, sizeof code, &project_id, &has_actual, err) < 0 ||
	    verification_flag_get(s, kpi_id, year, &old, err) < 0)
		goto fail;
	/* a value of its own year describes that year: nothing to record */
	if (describes == year)
		describes = 0;
	/* statistics published late describe an earlier year, never a later */
	if (describes > year) {
		error_of(err, ERROR_INVALID, _("%s: the value of %s cannot describe %s, a later year"),
			 code, fiscal_year_format(year, fy, sizeof fy),
			 fiscal_year_brief(describes, was, sizeof was));
		goto fail;
	}
	if (unknown > 0 && has_actual) {
		error_of(err, ERROR_INVALID, _("%s has an actual at %s: it is known"), code,
			 fiscal_year_format(year, fy, sizeof fy));
		goto fail;
	}
	stmt = store_cached(s, "INSERT INTO value_flag(kpi_id, fiscal_year, unknown, describes,"
		" note, entered_by, entered_at) VALUES (?1, ?2, max(?3, 0), nullif(max(?4, 0), 0),"
		" coalesce(?5, ''), ?6, ?7) ON CONFLICT (kpi_id, fiscal_year) DO UPDATE SET"
		" unknown = CASE WHEN ?3 < 0 THEN unknown ELSE ?3 END,"
		" describes = CASE WHEN ?4 < 0 THEN describes ELSE nullif(?4, 0) END,"
		" note = coalesce(?5, note), entered_by = ?6, entered_at = ?7", err);
	if (!stmt)
		goto fail;
	sqlite3_bind_int64(stmt, 1, kpi_id);
	sqlite3_bind_int(stmt, 2, year);
	sqlite3_bind_int(stmt, 3, unknown);
	sqlite3_bind_int(stmt, 4, describes);
	if (note)
		sqlite3_bind_text(stmt, 5, note, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 6, user, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 7, now, -1, SQLITE_TRANSIENT);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		goto fail;
	snprintf(what, sizeof what, "%s %s", code, unknown >= 0 ? "unknown" : "describes");
	if (unknown >= 0) {
		snprintf(was, sizeof was, "%s", old.unknown ? "unknown" : "");
		snprintf(is, sizeof is, "%s", unknown ? "unknown" : "");
	} else {
		snprintf(was, sizeof was, "%s", old.describes
			 ? fiscal_year_short(old.describes, fy, sizeof fy) : "");
		snprintf(is, sizeof is, "%s", describes ? fiscal_year_short(describes, fy, sizeof fy)
							 : "");
	}
	return log_and_commit(s, year, project_id, what, was, is, note, user, now, err);
fail:
	store_rollback(s);
	return -1;
}

int verification_set_unknown(struct store *s, long long kpi_id, int year, int unknown,
			     const char *note, const char *user, struct error *err)
{
	return flag_write(s, kpi_id, year, unknown ? 1 : 0, note, -1, user, err);
}

int verification_describes_parse(const char *text, int *year, struct error *err)
{
	if (strcmp(text, "none") == 0 || strcmp(text, "-") == 0) {
		*year = 0;
		return 0;
	}
	return fiscal_year_parse(text, year, err);
}

int verification_set_describes(struct store *s, long long kpi_id, int year, int describes,
			       const char *user, struct error *err)
{
	return flag_write(s, kpi_id, year, -1, NULL, describes, user, err);
}

/* --- increment KPIs -------------------------------------------------------- */

int verification_is_increment(struct store *s, long long kpi_id, struct error *err)
{
	long long one;

	return int_of(s, "SELECT 1 FROM kpi_increment WHERE kpi_id = ?", kpi_id, &one, err);
}

int verification_set_increment(struct store *s, long long kpi_id, int on, const char *user,
			       struct error *err)
{
	sqlite3_stmt *stmt;
	char now[32], code[32], what[64];
	long long project_id = 0;
	int has_actual = 0, was, rc;

	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	/* an increment KPI's progress is judged from its sums: a closed
	 * verification's table would change */
	if (kpi_of(s, kpi_id, 0, code, sizeof code, &project_id, &has_actual, err) < 0 ||
	    (was = verification_is_increment(s, kpi_id, err)) < 0 ||
	    (was != !!on && verification_frozen(s, kpi_id, 0, err) < 0))
		goto fail;
	stmt = store_cached(s, on ? "INSERT OR IGNORE INTO kpi_increment(kpi_id, declared_by,"
			    " declared_at) VALUES (?1, ?2, ?3)"
			    : "DELETE FROM kpi_increment WHERE kpi_id = ?1 AND ?2 = ?2 AND ?3 = ?3",
			    err);
	if (!stmt)
		goto fail;
	sqlite3_bind_int64(stmt, 1, kpi_id);
	sqlite3_bind_text(stmt, 2, user, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, now, -1, SQLITE_TRANSIENT);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	snprintf(what, sizeof what, "%s increment", code);
	if (rc != SQLITE_DONE)
		goto fail;
	return log_and_commit(s, 0, project_id, what, was ? "on" : "", on ? "on" : "", NULL,
			      user, now, err);
fail:
	store_rollback(s);
	return -1;
}

int verification_set_direction(struct store *s, long long kpi_id, enum direction d,
			       const char *user, struct error *err)
{
	sqlite3_stmt *stmt;
	char now[32], code[32], what[64], was[8];
	long long project_id = 0;
	int has_actual = 0, rc;

	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	if (kpi_of(s, kpi_id, 0, code, sizeof code, &project_id, &has_actual, err) < 0)
		goto fail;
	/* a strategy KPI's direction comes with its baseline and target
	 * from the strategy's import */
	if (!project_id) {
		error_of(err, ERROR_INVALID, _("%s is not a grant project's KPI"), code);
		goto fail;
	}
	stmt = store_cached(s, "SELECT direction FROM kpi WHERE id = ?1", err);
	if (!stmt)
		goto fail;
	sqlite3_bind_int64(stmt, 1, kpi_id);
	rc = store_step(s, stmt, err);
	copy(was, sizeof was, rc == SQLITE_ROW ? text_of(stmt, 0) : "");
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		goto fail;
	/* the direction decides whether a value met its plan: a closed
	 * verification's table would change */
	if (strcmp(was, kpi_direction_name(d)) != 0 && verification_frozen(s, kpi_id, 0, err) < 0)
		goto fail;
	stmt = store_cached(s, "UPDATE kpi SET direction = ?2 WHERE id = ?1", err);
	if (!stmt)
		goto fail;
	sqlite3_bind_int64(stmt, 1, kpi_id);
	sqlite3_bind_text(stmt, 2, kpi_direction_name(d), -1, SQLITE_STATIC);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	snprintf(what, sizeof what, "%s direction", code);
	if (rc != SQLITE_DONE)
		goto fail;
	return log_and_commit(s, 0, project_id, what, was, kpi_direction_name(d), NULL, user,
			      now, err);
fail:
	store_rollback(s);
	return -1;
}

char *verification_percent(int has, double ratio, char *buf, size_t size)
{
	int pct = (int)(ratio * 100 + (ratio < 0 ? -0.5 : 0.5));

	/* 3023 of 3030 is not met: rounding never makes it 100% */
	if (ratio < 1 && pct >= 100)
		pct = 99;
	if (has)
		snprintf(buf, size, "%d%%", pct);
	else
		snprintf(buf, size, "-");
	return buf;
}

char *verification_increment_text(const struct increment *in, char *buf, size_t size)
{
	char sum[64], target[64], total[16], gap[16];

	verification_percent(in->has_total, in->rate_total, total, sizeof total);
	verification_percent(in->has_gap, in->rate_gap, gap, sizeof gap);
	snprintf(buf, size, _("increments summed %s of %s: total ÷ target %s,"
			      " (actual − baseline) ÷ (target − baseline) %s"),
		 number_format(in->actual_sum, sum, sizeof sum),
		 number_format(in->target_sum, target, sizeof target), total, gap);
	return buf;
}

/* The sums of row's KPI at year when it is declared incremental (in
 * zeroed when not), for people to see both rates, and its standing as
 * the 効果検証 measures it (verification_standing). Returns 0, or -1. */
static int measure_of(struct store *s, const struct review_row *row, int year,
		      struct increment *in, struct standing *st, struct error *err)
{
	struct kpi_years t;
	struct kpi k;

	memset(in, 0, sizeof *in);
	if (kpi_find(s, row->code, &k, err) < 0)
		return -1;
	if (kpi_years_load(s, &k, year, &t, err) < 0) {
		kpi_release(&k);
		return -1;
	}
	if (k.is_increment)
		kpi_years_increment(&k, &t, year, in);
	verification_standing(&k, &t, year, st);
	kpi_release(&k);
	return 0;
}

/* --- the projects ------------------------------------------------------- */


int verification_project_find(struct store *s, const char *name, long long *id, char *code,
			      size_t size, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT p.id, " PROJECT_CODE " FROM project p"
		" JOIN kpi k ON k.project_id = p.id WHERE instr(k.code, '-') > 1 GROUP BY p.id"
		" HAVING " PROJECT_CODE " = ?1 OR p.title = ?1 ORDER BY p.id LIMIT 1", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		copy(code, size, text_of(stmt, 1));
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return error_of(err, ERROR_NOT_FOUND, _("no grant project '%s'"), name);
	return rc == SQLITE_ROW ? 0 : -1;
}

int verification_project_kpi(struct store *s, long long id, long long *kpi_id,
			     struct error *err)
{
	return int_of(s, "SELECT min(id) FROM kpi WHERE project_id = ?", id, kpi_id, err) < 0
		       ? -1 : 0;
}

/* Whether project id has a value (plan or actual) at year, or one its
 * officials marked 把握できない there (the year is its own, its data
 * late): 1 or 0, or -1 with err. */
int verification_judged_year(struct store *s, long long project_id, int year, struct error *err)
{
	int ran = ran_in(s, project_id, year, err);

	return ran < 0 ? -1 : ran ? year : year - 1;
}

int verification_kpi_year(struct store *s, long long kpi_id, int year, struct error *err)
{
	int project = 0, rc = id_year_row(s, store_cached(s, "SELECT coalesce(project_id, 0)"
		" FROM kpi WHERE id = ?1 AND ?2 = ?2", err), kpi_id, year, &project, NULL, 0, err);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return error_of(err, ERROR_NOT_FOUND, _("no KPI %lld"), kpi_id);
	return project ? verification_judged_year(s, project, year, err) : year;
}

static int ran_in(struct store *s, long long id, int year, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s,
		"SELECT EXISTS (SELECT 1 FROM kpi k JOIN value_row v ON v.kpi_id = k.id"
		" WHERE k.project_id = ?1 AND v.fiscal_year = ?2)"
		" OR EXISTS (SELECT 1 FROM kpi k JOIN value_flag f ON f.kpi_id = k.id"
		" WHERE k.project_id = ?1 AND f.fiscal_year = ?2 AND f.unknown)", err);
	int ran = 0;

	return id_year_row(s, stmt, id, year, &ran, NULL, 0, err) < 0 ? -1 : ran;
}

int verification_projects(struct store *s, int year, struct vproject_list *l,
			  struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s,
		"SELECT p.id, " PROJECT_CODE ", p.title, g.name, p.municipality, y.amount,"
		" coalesce(y.grant_kind, '') FROM project p JOIN grant_program g ON g.id = p.program_id"
		" JOIN kpi k ON k.project_id = p.id"
		" LEFT JOIN project_year y ON y.project_id = p.id AND y.fiscal_year = ?1"
		" WHERE instr(k.code, '-') > 1 GROUP BY p.id"
		" HAVING max(EXISTS (SELECT 1 FROM value_row v WHERE v.kpi_id = k.id"
		"  AND v.fiscal_year IN (?1, ?1 - 1)))"
		" ORDER BY " PROJECT_CODE " COLLATE code_order", err);
	int rc, i, j;

	memset(l, 0, sizeof *l);
	if (!stmt || verification_rules_load(s, &l->rules, err) < 0)
		return -1;
	sqlite3_bind_int(stmt, 1, year);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct vproject *p;

		xgrow(&l->items, (size_t)l->n, sizeof *l->items);
		p = &l->items[l->n++];
		memset(p, 0, sizeof *p);
		p->id = sqlite3_column_int64(stmt, 0);
		copy(p->code, sizeof p->code, text_of(stmt, 1));
		p->title = xstrdup(text_of(stmt, 2));
		p->program = xstrdup(text_of(stmt, 3));
		p->municipality = xstrdup(text_of(stmt, 4));
		p->has_amount = sqlite3_column_type(stmt, 5) != SQLITE_NULL;
		p->amount = sqlite3_column_int64(stmt, 5);
		copy(p->grant_kind, sizeof p->grant_kind, text_of(stmt, 6));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		goto fail;
	for (i = 0; i < l->n; i++) {
		struct vproject *p = &l->items[i];
		struct review_scope scope = { .project_id = p->id };
		struct standing *st;
		int n = 0, ran;

		/* a project in its year after (no value of its at the year) is
		 * verified on the year it ran, against that year's plans */
		ran = verification_judged_year(s, p->id, year, err);
		if (ran < 0)
			goto fail;
		p->year = ran;
		if (review_list_load(s, &scope, p->year, &p->kpis, err) < 0)
			goto fail;
		p->flags = xcalloc((size_t)p->kpis.n + 1, sizeof *p->flags);
		p->increments = xcalloc((size_t)p->kpis.n + 1, sizeof *p->increments);
		/* every KPI of the project judged, however many it has */
		st = xcalloc((size_t)p->kpis.n + 1, sizeof *st);
		for (j = 0; j < p->kpis.n; j++) {
			if (measure_of(s, &p->kpis.rows[j], p->year, &p->increments[j], &st[n],
				       err) < 0 ||
			    verification_flag_get(s, p->kpis.rows[j].kpi_id, p->year, &p->flags[j],
						  err) < 0) {
				free(st);
				goto fail;
			}
			n++;
			if (p->kpis.rows[j].st.latest_year != p->year)
				p->missing += !p->flags[j].unknown;
		}
		verification_suggest(&l->rules, st, n, &p->suggestion);
		free(st);
		for (j = 0; j < p->kpis.n; j++)
			p->suggestion.unknown += p->flags[j].unknown;
	}
	return 0;
fail:
	verification_projects_free(l);
	return -1;
}

void verification_projects_free(struct vproject_list *l)
{
	int i;

	for (i = 0; i < l->n; i++) {
		free(l->items[i].title);
		free(l->items[i].program);
		free(l->items[i].municipality);
		free(l->items[i].flags);
		free(l->items[i].increments);
		review_list_free(&l->items[i].kpis);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

int verification_set_amount(struct store *s, long long id, int year, long long amount,
			    const char *kind, const char *user, struct error *err)
{
	sqlite3_stmt *stmt;
	char now[32], old_amount[32] = "", new_amount[32] = "", old_kind[128] = "";
	int rc;

	if (amount < 0 && !kind)
		return error_of(err, ERROR_INVALID, _("give an amount, a kind of grant, or both"));
	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	if (check_due(s, year, id, err) < 0)
		goto fail;
	stmt = store_cached(s, "SELECT amount, grant_kind FROM project_year"
			    " WHERE project_id = ? AND fiscal_year = ?", err);
	if (!stmt)
		goto fail;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, year);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_type(stmt, 0) != SQLITE_NULL)
			snprintf(old_amount, sizeof old_amount, "%lld",
				 (long long)sqlite3_column_int64(stmt, 0));
		copy(old_kind, sizeof old_kind, text_of(stmt, 1));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		goto fail;
	if (amount >= 0)
		snprintf(new_amount, sizeof new_amount, "%lld", amount);
	else
		copy(new_amount, sizeof new_amount, old_amount);
	stmt = store_cached(s, "INSERT INTO project_year(project_id, fiscal_year, amount,"
			    " grant_kind, entered_by, entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
			    " ON CONFLICT (project_id, fiscal_year) DO UPDATE SET amount = ?3,"
			    " grant_kind = ?4, entered_by = ?5, entered_at = ?6", err);
	if (!stmt)
		goto fail;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, year);
	if (*new_amount)
		sqlite3_bind_int64(stmt, 3, atoll(new_amount));
	sqlite3_bind_text(stmt, 4, kind ? kind : old_kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 5, user, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 6, now, -1, SQLITE_TRANSIENT);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE ||
	    log_if_changed(s, year, id, "amount", old_amount, new_amount, NULL, user, now,
			   err) < 0 ||
	    log_if_changed(s, year, id, "grant kind", old_kind, kind ? kind : old_kind, NULL, user,
			   now, err) < 0 ||
	    store_commit(s, err) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

/* --- the voices ---------------------------------------------------------- */

char *verification_change_words(const char *what, char *buf, size_t size)
{
	/* the words the history keeps, longest first where one begins another */
	static const struct {
		const char *word, *name;
	} words[] = {
		{ "grant kind", N_("grant kind") }, { "self", N_("self") },
		{ "committee", N_("committee") }, { "final", N_("final") },
		{ "effect", N_("effect") }, { "policy", N_("policy") }, { "reason", N_("reason") },
		{ "verdict", N_("verdict") }, { "opinion", N_("opinion") },
		{ "amount", N_("amount") }, { "increment", N_("increment") },
		{ "direction", N_("direction") }, { "up", N_("up") }, { "down", N_("down") },
		{ "unknown", N_("unknown") }, { "describes", N_("describes") },
		{ "open", N_("opened") }, { "close", N_("closed") }, { "revised", N_("revised") },
		{ "on", N_("on") }, { "yes", N_("yes") }, { "no", N_("no") },
	};
	const char *p = what;
	size_t n = 0, i, len;

	*buf = '\0';
	while (*p && n + 1 < size) {
		for (i = 0; i < sizeof words / sizeof words[0]; i++) {
			len = strlen(words[i].word);
			if (strncmp(p, words[i].word, len) == 0 && (p[len] == ' ' || !p[len]))
				break;
		}
		if (i < sizeof words / sizeof words[0]) {
			n += (size_t)snprintf(buf + n, size - n, "%s", _(words[i].name));
			p += len;
		} else {
			len = strcspn(p, " ");
			n += (size_t)snprintf(buf + n, size - n, "%.*s", (int)len, p);
			p += len;
		}
		if (n >= size)
			break;
		if (*p == ' ') {
			n += (size_t)snprintf(buf + n, size - n, " ");
			p++;
		}
	}
	return buf;
}

char *verification_change_text(const char *what, const char *text, char *buf, size_t size)
{
	size_t n = strlen(what);
	int words = strcmp(what, "revised") == 0 ||
		    (n > 10 && strcmp(what + n - 10, " increment") == 0) ||
		    (n > 8 && strcmp(what + n - 8, " unknown") == 0);

	if (words)
		return verification_change_words(text, buf, size);
	copy(buf, size, text);
	return buf;
}

const char *verification_voice_word(enum voice v)
{
	static const char *const words[] = { "self", "committee", "final" };

	return words[v];
}

const char *verification_voice_name(enum voice v)
{
	static const char *const names[] = {
		N_("self-assessment"), N_("committee"), N_("final"),
	};

	return _(names[v]);
}

int verification_voice(struct store *s, int year, long long id, enum voice v,
		       struct voice_entry *e, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT suggested, effect, effect_label, policy,"
		" policy_label, reason, verdict, verdict_label, opinion, coalesce(meeting_id, 0),"
		" entered_by, entered_at FROM voice WHERE fiscal_year = ? AND project_id = ?"
		" AND voice = ?", err);
	int rc;

	memset(e, 0, sizeof *e);
	if (!stmt)
		return -1;
	sqlite3_bind_int(stmt, 1, year);
	sqlite3_bind_int64(stmt, 2, id);
	sqlite3_bind_text(stmt, 3, verification_voice_word(v), -1, SQLITE_STATIC);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		char *const texts[] = { e->suggested, e->effect, e->effect_label, e->policy,
					e->policy_label, e->reason, e->verdict, e->verdict_label,
					e->opinion, NULL, e->entered_by, e->entered_at };
		const size_t sizes[] = { sizeof e->suggested, sizeof e->effect,
					 sizeof e->effect_label, sizeof e->policy,
					 sizeof e->policy_label, sizeof e->reason, sizeof e->verdict,
					 sizeof e->verdict_label, sizeof e->opinion, 0,
					 sizeof e->entered_by, sizeof e->entered_at };

		e->present = 1;
		copy_columns(stmt, texts, sizes, 12);
		e->meeting_id = sqlite3_column_int64(stmt, 9);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* The label of code in list into label; refuses a code not in it. */
static int choice_label(struct store *s, const char *list, const char *what, const char *code,
			char *label, size_t size, struct error *err)
{
	struct choices c;
	char codes[512] = "";
	size_t n = 0;
	int i;

	*label = '\0';
	if (!given(code))
		return 0;
	if (review_choices_load(s, list, &c, err) < 0)
		return -1;
	for (i = 0; i < c.n; i++) {
		if (strcmp(c.items[i].code, code) == 0) {
			copy(label, size, c.items[i].label);
			return 0;
		}
		if (n < sizeof codes)
			n += (size_t)snprintf(codes + n, sizeof codes - n, "%s%s", i ? ", " : "",
					      c.items[i].code);
	}
	return error_of(err, ERROR_INVALID, _("%s: '%s' is none of %s"), what, code, codes);
}

/* The suggestion for project id at year (its code into code, "" none). */
static int suggested_code(struct store *s, int year, long long id, char *code, size_t size,
			  struct error *err)
{
	struct vproject_list l;
	int i;

	*code = '\0';
	if (verification_projects(s, year, &l, err) < 0)
		return -1;
	for (i = 0; i < l.n; i++)
		if (l.items[i].id == id && l.items[i].suggestion.rule)
			copy(code, size, l.items[i].suggestion.rule->code);
	verification_projects_free(&l);
	return 0;
}

static unsigned long long fnv(unsigned long long h, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;

	/* the NUL too, so that "ab" "c" and "a" "bc" differ */
	do
		h = (h ^ *p) * 1099511628211ULL;
	while (*p++);
	return h;
}

unsigned long long verification_voice_version(const struct voice_entry *e)
{
	unsigned long long h = 14695981039346656037ULL;
	char meeting[32];
	const char *const fields[] = { e->effect, e->policy, e->reason, e->verdict, e->opinion,
				       meeting, e->entered_by, e->entered_at };
	size_t i;

	if (!e->present)
		return 0;
	snprintf(meeting, sizeof meeting, "%lld", e->meeting_id);
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		h = fnv(h, fields[i]);
	return h ? h : 1;
}

char *verification_voice_brief(enum voice v, const struct voice_entry *e, char *buf,
			       size_t size)
{
	if (!e->present)
		snprintf(buf, size, "-");
	else if (v == VOICE_COMMITTEE)
		snprintf(buf, size, "%s", e->verdict);
	else
		snprintf(buf, size, "%s%s%s", e->effect, *e->policy ? " " : "", e->policy);
	return buf;
}

/* Whether old, voice v as stored, is what in expects: 0, or -1 with
 * err (ERROR_CONFLICT) naming what is stored, who entered it and when. */
static int voice_expected(enum voice v, const struct voice_entry *old,
			  const struct voice_input *in, struct error *err)
{
	const char *code = v == VOICE_COMMITTEE ? old->verdict : old->effect;
	char brief[600], at[64];
	int none = in->expect && strcmp(in->expect, "-") == 0;

	verification_voice_brief(v, old, brief, sizeof brief);
	/* when, in local time as everywhere else */
	i18n_time(old->entered_at, at, sizeof at);
	if (in->check_version && verification_voice_version(old) != in->version) {
		if (!old->present)
			return error_of(err, ERROR_CONFLICT, _("the %s voice was taken back since"
					" it was read: there is none now"), verification_voice_name(v));
		return error_of(err, ERROR_CONFLICT, _("now %s (entered by %s at %s): the %s voice"
				" changed since it was read"), brief, old->entered_by, at,
				verification_voice_name(v));
	}
	if (!in->expect || (none ? !old->present : old->present && strcmp(code, in->expect) == 0))
		return 0;
	if (!old->present)
		return error_of(err, ERROR_CONFLICT, _("no %s voice is stored, not %s as expected"),
				verification_voice_name(v), in->expect);
	if (none)
		return error_of(err, ERROR_CONFLICT, _("the stored %s voice is %s (entered by %s"
				" at %s), where none was expected"), verification_voice_name(v), brief,
				old->entered_by, at);
	return error_of(err, ERROR_CONFLICT, _("the stored %s voice is %s (entered by %s at %s),"
			" not %s as expected"), verification_voice_name(v), brief, old->entered_by,
			at, in->expect);
}

int verification_record(struct store *s, int year, long long id, enum voice v,
			const struct voice_input *in, const char *user, struct error *err)
{
	struct voice_entry old, e;
	sqlite3_stmt *stmt;
	char now[32], suggested[32];
	const char *what = verification_voice_word(v);
	char field[64];
	int rc;

	memset(&e, 0, sizeof e);
	if (v != VOICE_COMMITTEE && !given(in->effect))
		return error_of(err, ERROR_INVALID, _("%s: give the 事業効果 (--effect)"),
				verification_voice_name(v));
	if (v == VOICE_FINAL && !given(in->policy))
		return error_of(err, ERROR_INVALID, _("%s: give the 今後の方針 (--policy)"),
				verification_voice_name(v));
	if (v == VOICE_COMMITTEE && !given(in->verdict))
		return error_of(err, ERROR_INVALID, _("%s: give the 事業の評価 (--verdict)"),
				verification_voice_name(v));
	if (v == VOICE_FINAL && !given(in->reason))
		return error_of(err, ERROR_NEEDS_REASON,
				_("final: give the 今後の方針の理由 (--reason)"));
	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	if (check_open(s, year, err) < 0 ||
	    suggested_code(s, year, id, suggested, sizeof suggested, err) < 0 ||
	    choice_label(s, "assessment", "effect", in->effect, e.effect_label,
			 sizeof e.effect_label, err) < 0 ||
	    choice_label(s, "policy", "policy", in->policy, e.policy_label,
			 sizeof e.policy_label, err) < 0 ||
	    choice_label(s, "verdict", "verdict", in->verdict, e.verdict_label,
			 sizeof e.verdict_label, err) < 0 ||
	    verification_voice(s, year, id, v, &old, err) < 0 ||
	    voice_expected(v, &old, in, err) < 0)
		goto fail;
	if (in->meeting_id) {
		struct meeting m;

		if (meeting_get(s, in->meeting_id, &m, err) < 0)
			goto fail;
	}
	if (v != VOICE_COMMITTEE && strcmp(in->effect, suggested) != 0 && !given(in->reason)) {
		if (*suggested)
			error_of(err, ERROR_NEEDS_REASON, _("事業効果 %s differs from the suggested %s:"
				 " give a reason"), in->effect, suggested);
		else
			error_of(err, ERROR_NEEDS_REASON, _("no 事業効果 is suggested (no data):"
				 " give a reason for %s"), in->effect);
		goto fail;
	}
	stmt = store_cached(s, "INSERT OR REPLACE INTO voice(fiscal_year, project_id, voice,"
		" suggested, effect, effect_label, policy, policy_label, reason, verdict,"
		" verdict_label, opinion, meeting_id, entered_by, entered_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", err);
	if (!stmt)
		goto fail;
	sqlite3_bind_int(stmt, 1, year);
	sqlite3_bind_int64(stmt, 2, id);
	sqlite3_bind_text(stmt, 3, what, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, suggested, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 5, in->effect ? in->effect : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 6, e.effect_label, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 7, in->policy ? in->policy : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 8, e.policy_label, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 9, in->reason ? in->reason : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 10, in->verdict ? in->verdict : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 11, e.verdict_label, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 12, in->opinion ? in->opinion : "", -1, SQLITE_TRANSIENT);
	if (in->meeting_id)
		sqlite3_bind_int64(stmt, 13, in->meeting_id);
	sqlite3_bind_text(stmt, 14, user, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 15, now, -1, SQLITE_TRANSIENT);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		goto fail;
#define LOG(name, o, n, r) \
	(snprintf(field, sizeof field, "%s %s", what, name), \
	 log_if_changed(s, year, id, field, o, n, r, user, now, err) < 0)
	if (LOG("effect", old.effect, in->effect, in->reason) ||
	    LOG("policy", old.policy, in->policy, in->reason) ||
	    LOG("reason", old.reason, in->reason, NULL) ||
	    LOG("verdict", old.verdict, in->verdict, NULL) ||
	    LOG("opinion", old.opinion, in->opinion, NULL) ||
	    store_commit(s, err) < 0)
		goto fail;
#undef LOG
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int verification_pending(struct store *s, const struct access_identity *who, int year,
			 int *pending, int *total, struct error *err)
{
	struct verification v;
	struct vproject_list l;
	int i, rc;

	*pending = *total = 0;
	if (verification_get(s, year, &v, err) < 0)
		return err->kind == ERROR_NOT_FOUND ? 0 : -1;
	if (*v.closed_at)
		return 0;
	if (verification_projects(s, year, &l, err) < 0)
		return -1;
	for (i = 0, rc = 0; i < l.n && rc >= 0; i++) {
		struct voice_entry e;
		long long kpi_id;
		int may;

		/* only the projects whose final result who may record */
		rc = verification_project_kpi(s, l.items[i].id, &kpi_id, err);
		may = rc < 0 ? -1 : access_owes_kpi(s, who, ACCESS_EVALUATE, kpi_id, err);
		if (may < 0)
			rc = -1;
		else if (may == 1 &&
			 (rc = verification_voice(s, year, l.items[i].id, VOICE_FINAL, &e, err)) == 0) {
			*pending += !e.present;
			++*total;
		}
	}
	verification_projects_free(&l);
	return rc < 0 ? -1 : 1;
}

/* --- the state of a verification ------------------------------------------ */

/* A line of a voice. */
/* A text of several lines (an opinion written in paragraphs) as lines:
 * the first in format, the others under it, indented, each a line of
 * its own rather than a ^J within one. */
static void text_lines(const char *format, const char *text,
		       void (*fn)(void *ctx, const char *line), void *ctx)
{
	char line[4096];
	const char *p = text;
	size_t len;
	int first = 1;

	do {
		len = strcspn(p, "\n");
		/* a CR before the line end (a file from Windows) ends it too */
		snprintf(line, sizeof line, "%.*s", (int)(len && p[len - 1] == '\r' ? len - 1 : len), p);
		if (first) {
			char head[4096];

			snprintf(head, sizeof head, format, line);
			fn(ctx, head);
		} else {
			char more[4200];

			snprintf(more, sizeof more, "      %s", line);
			fn(ctx, more);
		}
		first = 0;
		p += len;
	} while (*p++ == '\n');
}

static void voice_lines(enum voice v, const struct voice_entry *e,
			void (*fn)(void *ctx, const char *line), void *ctx)
{
	char line[4096], at[64];
	size_t n;

	n = (size_t)snprintf(line, sizeof line, "  %s:", verification_voice_name(v));
	if (!e->present) {
		snprintf(line + n, sizeof line - n, " -");
		fn(ctx, line);
		return;
	}
	if (*e->effect && n < sizeof line)
		n += (size_t)snprintf(line + n, sizeof line - n, " %s %s", e->effect,
				      e->effect_label);
	if (*e->verdict && n < sizeof line)
		n += (size_t)snprintf(line + n, sizeof line - n, " %s", e->verdict_label);
	if (*e->policy && n < sizeof line)
		n += (size_t)snprintf(line + n, sizeof line - n, " / %s", e->policy_label);
	if (n < sizeof line)
		snprintf(line + n, sizeof line - n, " (%s, %s)", e->entered_by,
			 i18n_time(e->entered_at, at, sizeof at));
	fn(ctx, line);
	if (*e->reason)
		text_lines(_("    reason: %s"), e->reason, fn, ctx);
	if (*e->opinion)
		text_lines(_("    opinion: %s"), e->opinion, fn, ctx);
}

/* Whether p's KPI j lacks its actual at the year it is judged at, not
 * marked not known yet. */
static int lacks_actual(const struct vproject *p, int j)
{
	return p->kpis.rows[j].st.latest_year != p->year && !p->flags[j].unknown;
}

/* The codes of p's KPIs without an actual at year (unknown 0) or marked
 * not known yet (1), after head, into line. */
static void kpi_codes(const struct vproject *p, int unknown, const char *head,
		      char *line, size_t size)
{
	size_t n = (size_t)snprintf(line, size, "%s", head);
	int j;

	for (j = 0; j < p->kpis.n && n < size; j++)
		if (unknown ? p->flags[j].unknown : lacks_actual(p, j))
			n += (size_t)snprintf(line + n, size - n, " %s", p->kpis.rows[j].code);
}

/* The officials whose KPIs lack their actual, each with those KPIs, as
 * lines after a heading; last, those no official's key covers. Returns
 * 0, or -1 with err. */
static int missing_lines(struct store *s, const struct vproject_list *l,
			 const struct access_identity *officials, int n_officials,
			 void (*fn)(void *ctx, const char *line), void *ctx, struct error *err)
{
	char line[4096], *covered;
	int i, j, o, headed = 0;
	size_t m, at, total = 0;

	for (i = 0; i < l->n; i++)
		total += (size_t)l->items[i].kpis.n;
	covered = xcalloc(total + 1, 1);
	for (o = 0; o <= n_officials; o++) {
		int found = 0;

		m = (size_t)snprintf(line, sizeof line, "  %s:", o < n_officials ? officials[o].name
					: _("no official's key covers"));
		for (i = 0, at = 0; i < l->n; i++)
			for (j = 0; j < l->items[i].kpis.n; j++, at++) {
				const struct vproject *p = &l->items[i];
				int owes = !covered[at];

				if (!lacks_actual(p, j))
					continue;
				if (o < n_officials)
					owes = access_owes_kpi(s, &officials[o], ACCESS_EDIT,
							       p->kpis.rows[j].kpi_id, err);
				if (owes < 0) {
					free(covered);
					return -1;
				}
				if (!owes)
					continue;
				covered[at] = 1;
				found = 1;
				if (m < sizeof line)
					m += (size_t)snprintf(line + m, sizeof line - m, " %s",
							      p->kpis.rows[j].code);
			}
		if (!found)
			continue;
		if (!headed++) {
			fn(ctx, "");
			fn(ctx, _("actuals not entered yet, by the officials responsible:"));
		}
		fn(ctx, line);
	}
	free(covered);
	return 0;
}

/* The codes of p's KPIs whose value describes another year than the
 * one verified, each with that year, into line ("" when none). */
static void describes_line(const struct vproject *p, char *line, size_t size)
{
	size_t n = 0;
	char fy[16];
	int j;

	*line = '\0';
	for (j = 0; j < p->kpis.n && n < size; j++)
		if (p->flags[j].describes) {
			if (!n)
				n = (size_t)snprintf(line, size, "%s",
						     _("  data of another year (データの年度):"));
			if (n < size)
				n += (size_t)snprintf(line + n, size - n, " %s (%s)",
						      p->kpis.rows[j].code,
						      fiscal_year_brief(p->flags[j].describes, fy,
									sizeof fy));
		}
}

int verification_status_lines(struct store *s, int year,
			      const struct access_identity *officials, int n_officials,
			      void (*fn)(void *ctx, const char *line), void *ctx,
			      struct error *err)
{
	struct verification v;
	struct vproject_list l;
	char fy[32], line[4096], text[1024], amount[64], at[64];
	int i, k, finals = 0;

	if (verification_get(s, year, &v, err) < 0 || verification_projects(s, year, &l, err) < 0)
		return -1;
	/* the time as officials read it: local, in the interface's form */
	snprintf(line, sizeof line, _("verification of %s: opened by %s at %s; %s"),
		 fiscal_year_format(year, fy, sizeof fy), v.opened_by,
		 i18n_time(v.opened_at, at, sizeof at),
		 *v.closed_at ? _("closed") : _("in progress"));
	fn(ctx, line);
	snprintf(line, sizeof line, _("strategy revised (見直しの有無): %s"),
		 v.revised < 0 ? "-" : v.revised ? _("yes") : _("no"));
	fn(ctx, line);
	for (i = 0; i < l.n; i++) {
		const struct vproject *p = &l.items[i];

		fn(ctx, "");
		snprintf(line, sizeof line, "%s %s", p->code, p->title);
		fn(ctx, line);
		if (p->has_amount)
			snprintf(amount, sizeof amount, _("%lld yen"), p->amount);
		/* the kind after the program, when there is one: no space
		 * before the Japanese full stop without */
		snprintf(text, sizeof text, "%s%s%s", p->program, *p->grant_kind ? " " : "",
			 p->grant_kind);
		snprintf(line, sizeof line, _("  grant: %s; amount: %s"), text,
			 p->has_amount ? amount : "-");
		fn(ctx, line);
		snprintf(line, sizeof line, _("  suggested: %s"),
			 verification_suggestion_text(&p->suggestion, text, sizeof text));
		fn(ctx, line);
		if (p->missing) {
			kpi_codes(p, 0, _("  no actual yet:"), line, sizeof line);
			fn(ctx, line);
		}
		if (p->suggestion.unknown) {
			kpi_codes(p, 1, _("  not known yet (把握できない):"), line, sizeof line);
			fn(ctx, line);
		}
		describes_line(p, line, sizeof line);
		if (*line)
			fn(ctx, line);
		for (k = 0; k < p->kpis.n; k++)
			if (p->increments[k].present) {
				snprintf(line, sizeof line, "  %s: %s", p->kpis.rows[k].code,
					 verification_increment_text(&p->increments[k], text,
								     sizeof text));
				fn(ctx, line);
			}
		for (k = 0; k < VOICES; k++) {
			struct voice_entry e;

			if (verification_voice(s, year, p->id, k, &e, err) < 0) {
				verification_projects_free(&l);
				return -1;
			}
			finals += k == VOICE_FINAL && e.present;
			voice_lines(k, &e, fn, ctx);
		}
	}
	if (missing_lines(s, &l, officials, n_officials, fn, ctx, err) < 0) {
		verification_projects_free(&l);
		return -1;
	}
	fn(ctx, "");
	snprintf(line, sizeof line, _("%d of %d projects have their final result"), finals, l.n);
	fn(ctx, line);
	verification_projects_free(&l);
	return 0;
}

/* --- the national summary ------------------------------------------------ */

char *verification_share(int part, int whole, char *buf, size_t size)
{
	return verification_percent(whole != 0, whole ? (double)part / whole : 0, buf, size);
}

static struct summary_row *summary_row_of(struct summary *sum, const char *program)
{
	int i;

	for (i = 0; i < sum->n; i++)
		if (strcmp(sum->rows[i].program, program) == 0)
			return &sum->rows[i];
	if (sum->n == SUMMARY_MAX - 1)
		return NULL;
	copy(sum->rows[sum->n].program, sizeof sum->rows[0].program, program);
	return &sum->rows[sum->n++];
}

void verification_summary(const struct vproject_list *l, int year, struct summary *sum)
{
	struct summary_row total;
	int i, j;

	memset(sum, 0, sizeof *sum);
	memset(&total, 0, sizeof total);
	sum->year = year;
	for (i = 0; i < l->n; i++) {
		const struct vproject *p = &l->items[i];
		struct summary_row *r = summary_row_of(sum, p->program);
		struct summary_row *both[2] = { r, &total };
		int met = 0, k;

		for (j = 0; j < p->kpis.n; j++) {
			enum status st = p->kpis.rows[j].st.progress.status;
			int unknown = p->flags && p->flags[j].unknown;

			met += st == STATUS_ACHIEVED;
			for (k = 0; k < 2; k++)
				if (both[k]) {
					both[k]->kpis++;
					both[k]->kpis_met += st == STATUS_ACHIEVED;
					both[k]->kpis_no_data += st == STATUS_NO_DATA && !unknown;
					both[k]->kpis_unknown += unknown;
				}
		}
		for (k = 0; k < 2; k++)
			if (both[k]) {
				both[k]->projects++;
				both[k]->projects_met += met > 0;
			}
	}
	sum->rows[sum->n++] = total;
}

/* --- what an official enters, within their rights ----------------------- */

/* An amount as typed, into buf in ASCII: full-width digits and commas
 * (１，０００) as ASCII, a 円 at the end dropped (1,000円). */
static char *yen_ascii(const char *text, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t n = 0;

	while (*p && n + 1 < size) {
		if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
			buf[n++] = (char)('0' + p[2] - 0x90);	/* ０..９ */
			p += 3;
		} else if (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) {
			buf[n++] = ',';				/* ， */
			p += 3;
		} else if (strcmp((const char *)p, "円") == 0) {
			break;
		} else {
			buf[n++] = (char)*p++;
		}
	}
	buf[n] = '\0';
	return buf;
}

int verification_yen_parse(const char *typed, long long *yen, struct error *err)
{
	long long v = 0;
	const char *p;
	int digits = 0, group = -1;	/* digits since the last comma (-1: none yet) */
	char text[256];

	yen_ascii(typed, text, sizeof text);

	if (strcmp(text, "-") == 0) {
		*yen = -1;
		return 0;
	}
	for (p = text; *p; p++) {
		if (*p == ',') {
			/* 1,234,567: a comma after one to three digits, then
			 * groups of exactly three */
			if (digits == 0 || digits > 3 || (group >= 0 && digits != 3))
				break;
			group = 0;
			digits = 0;
			continue;
		}
		if (*p < '0' || *p > '9' || v > (LLONG_MAX - 9) / 10)
			break;
		v = v * 10 + (*p - '0');
		digits++;
	}
	if (!*text || *p || digits == 0 || (group >= 0 && digits != 3))
		return error_of(err, ERROR_INVALID, _("amount: '%s' is not a whole number of yen"),
				typed);
	*yen = v;
	return 0;
}

int verification_enter(struct store *s, const struct access_identity *who, const char *user,
		       enum verification_entry what, long long id, int year, long long value,
		       const char *text, struct error *err)
{
	char why[1024];
	long long kpi_id = id;
	int rc;

	if (what == ENTER_AMOUNT && verification_project_kpi(s, id, &kpi_id, err) < 0)
		return -1;
	rc = access_may_kpi(s, who, ACCESS_EDIT, kpi_id, why, sizeof why, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return error_of(err, ERROR_REFUSED, "%s", why);
	switch (what) {
	case ENTER_AMOUNT:
		return verification_set_amount(s, id, year, value, text, user, err);
	case ENTER_UNKNOWN:
		return verification_set_unknown(s, id, year, (int)value, text, user, err);
	case ENTER_INCREMENT:
		return verification_set_increment(s, id, (int)value, user, err);
	case ENTER_DIRECTION:
		return verification_set_direction(s, id, value ? DIRECTION_DOWN : DIRECTION_UP,
						  user, err);
	case ENTER_DESCRIBES:
		break;
	}
	return verification_set_describes(s, id, year, (int)value, user, err);
}
