/* review.c: standings, the rank scheme and its proposals, the 効果検証
 * lists, and the KPIs of a tree with their standings. */
#include "review.h"
#include "alloc.h"
#include "i18n.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fiscal_year.h"
#include "number.h"

/* --- standing ------------------------------------------------------------ */

void review_standing(const struct kpi *k, const struct kpi_years *t, int year,
		     struct standing *st)
{
	const struct kpi_year *r = kpi_years_judged(t, year, fiscal_year_of(time(NULL)));
	int i;

	memset(st, 0, sizeof *st);
	st->year = r ? r->year : year;
	st->progress.status = STATUS_NO_DATA;
	for (i = 0; i < t->n; i++)
		if (t->rows[i].has_actual && t->rows[i].year <= st->year) {
			st->latest_year = t->rows[i].year;
			st->latest_actual = t->rows[i].actual;
			st->latest_decimals = t->rows[i].actual_decimals;
		}
	if (!r)
		return;
	kpi_years_progress(k, t, r, &st->progress);
	if (r->has_actual && k->is_increment) {
		struct increment in;

		/* better than before: the increments sum to a gain */
		kpi_years_increment(k, t, r->year, &in);
		st->improved = k->direction == DIRECTION_DOWN ? in.actual_sum < 0 : in.actual_sum > 0;
	} else if (r->has_actual) {
		double base = k->baseline.present ? k->baseline.value : 0;

		if (!k->is_project && !k->baseline.present)
			st->improved = 0;
		else if (k->direction == DIRECTION_DOWN)
			st->improved = r->actual < base;
		else
			st->improved = r->actual > base;
	}
}

/* --- rules and the scheme --------------------------------------------- */

/* text without spaces, in lower case, into buf. */
static char *squeeze(const char *text, char *buf, size_t size)
{
	size_t n = 0;

	for (; *text && n + 1 < size; text++)
		if (!isspace((unsigned char)*text))
			buf[n++] = (char)tolower((unsigned char)*text);
	buf[n] = '\0';
	return buf;
}

int review_rule_parse(const char *text, struct rank *r, struct error *err)
{
	static const struct {
		const char *name;
		enum rank_rule rule;
	} words[] = {
		{ "achieved", RULE_ACHIEVED }, { "ontrack", RULE_ON_TRACK },
		{ "improved", RULE_IMPROVED }, { "nodata", RULE_NO_DATA },
		{ "otherwise", RULE_OTHERWISE },
	};
	char s[128];
	size_t i;

	squeeze(text, s, sizeof s);
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(s, words[i].name) == 0) {
			r->rule = words[i].rule;
			r->min_percent = 0;
			return 0;
		}
	if (strncmp(s, "progress>=", 10) == 0) {
		char *pct = s + 10, *end = pct + strlen(pct);
		double v;

		if (end > pct && end[-1] == '%')
			*--end = '\0';
		if (number_parse(pct, &v, err) == 0) {
			r->rule = RULE_PROGRESS;
			r->min_percent = v;
			return 0;
		}
	}
	return error_set(err, _("rule: '%s' is none of achieved, on track, improved, "
			 "progress >= N%%, no data, otherwise"), text);
}

char *review_rule_text(const struct rank *r, char *buf, size_t size)
{
	static const char *const names[] = {
		[RULE_ACHIEVED] = "achieved", [RULE_ON_TRACK] = "on track",
		[RULE_IMPROVED] = "improved", [RULE_NO_DATA] = "no data",
		[RULE_OTHERWISE] = "otherwise",
	};
	char pct[64];

	if (r->rule == RULE_PROGRESS)
		snprintf(buf, size, "progress >= %s%%",
			 number_format(r->min_percent, pct, sizeof pct));
	else
		snprintf(buf, size, "%s", names[r->rule]);
	return buf;
}

char *review_rule_words(const struct rank *r, char *buf, size_t size)
{
	static const char *const names[] = {
		[RULE_ACHIEVED] = N_("achieved"), [RULE_ON_TRACK] = N_("on track"),
		[RULE_IMPROVED] = N_("improved"), [RULE_NO_DATA] = N_("no data"),
		[RULE_OTHERWISE] = N_("otherwise"),
	};
	char pct[64];

	if (r->rule == RULE_PROGRESS)
		snprintf(buf, size, _("progress >= %s%%"),
			 number_format(r->min_percent, pct, sizeof pct));
	else
		snprintf(buf, size, "%s", _(names[r->rule]));
	return buf;
}

int review_scheme_load(struct store *s, struct rank_scheme *scheme, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT code, label, rule FROM rank_scheme"
					  " ORDER BY position", err);
	int rc;

	scheme->n = 0;
	if (!stmt)
		return -1;
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW && scheme->n < RANKS_MAX) {
		struct rank *r = &scheme->ranks[scheme->n];

		snprintf(r->code, sizeof r->code, "%s", (const char *)sqlite3_column_text(stmt, 0));
		snprintf(r->label, sizeof r->label, "%s", (const char *)sqlite3_column_text(stmt, 1));
		if (review_rule_parse((const char *)sqlite3_column_text(stmt, 2), r, err) < 0) {
			sqlite3_reset(stmt);
			return -1;
		}
		scheme->n++;
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int holds(const struct rank *r, const struct standing *st)
{
	const struct progress *p = &st->progress;

	switch (r->rule) {
	case RULE_ACHIEVED: return p->status == STATUS_ACHIEVED;
	case RULE_ON_TRACK: return p->status == STATUS_ACHIEVED || p->status == STATUS_ON_TRACK;
	case RULE_IMPROVED: return progress_judged(p->status) && st->improved;
	case RULE_PROGRESS: return progress_judged(p->status) && p->has_ratio &&
				   p->ratio * 100 >= r->min_percent - 1e-9;
	case RULE_NO_DATA: return p->status == STATUS_NO_DATA;
	case RULE_OTHERWISE: return progress_judged(p->status);
	}
	return 0;
}

const struct rank *review_propose(const struct rank_scheme *scheme, const struct standing *st)
{
	int i;

	for (i = 0; i < scheme->n; i++)
		if (holds(&scheme->ranks[i], st))
			return &scheme->ranks[i];
	return NULL;
}

const struct rank *review_rank(const struct rank_scheme *scheme, const char *code)
{
	int i;

	for (i = 0; i < scheme->n; i++)
		if (strcmp(scheme->ranks[i].code, code) == 0)
			return &scheme->ranks[i];
	return NULL;
}

int review_choices_load(struct store *s, const char *list, struct choices *c,
			struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT code, label FROM choice WHERE list = ?"
					  " ORDER BY position", err);
	int rc;

	c->n = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, list, -1, SQLITE_STATIC);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW && c->n < CHOICES_MAX) {
		snprintf(c->items[c->n].code, sizeof c->items[0].code, "%s",
			 (const char *)sqlite3_column_text(stmt, 0));
		snprintf(c->items[c->n].label, sizeof c->items[0].label, "%s",
			 (const char *)sqlite3_column_text(stmt, 1));
		c->n++;
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* --- the KPIs of a tree -------------------------------------------------- */

/* Columns of each: code, group, field, a row for each place a KPI stands
 * (home row first): load_keys makes one row of them, its groups. The
 * roots are found from the strategy's own nodes (CROSS JOIN keeps that
 * order): from the placements without a parent, every strategy's, each
 * strategy would cost the whole country's roots, and a national report
 * the square of it. */
static const char strategy_sql[] =
	"WITH RECURSIVE down(id, top) AS ("
	" SELECT p.id, p.id FROM node n CROSS JOIN placement p ON p.node_id = n.id"
	"  WHERE n.strategy_id = ?1 AND p.parent_id IS NULL"
	" UNION ALL SELECT c.id, d.top FROM placement c JOIN down d ON c.parent_id = d.id)"
	" SELECT k.code, trim(tn.label || ' ' || tn.title), coalesce(f.name, '') FROM down"
	" JOIN kpi_placement kp ON kp.placement_id = down.id"
	" JOIN kpi k ON k.id = kp.kpi_id"
	" JOIN placement tp ON tp.id = down.top JOIN node tn ON tn.id = tp.node_id"
	" LEFT JOIN field f ON f.id = k.field_id"
	" ORDER BY k.code COLLATE code_order, kp.home DESC, down.top";

static const char placement_sql[] =
	"WITH RECURSIVE up(id, parent) AS ("
	" SELECT id, parent_id FROM placement WHERE id = ?1"
	" UNION ALL SELECT p.id, p.parent_id FROM placement p JOIN up ON p.id = up.parent),"
	" down(id) AS (SELECT ?1 UNION ALL"
	" SELECT c.id FROM placement c JOIN down d ON c.parent_id = d.id)"
	" SELECT k.code, (SELECT trim(n.label || ' ' || n.title) FROM up"
	"  JOIN placement tp ON tp.id = up.id JOIN node n ON n.id = tp.node_id"
	"  WHERE up.parent IS NULL), coalesce(f.name, '') FROM down"
	" JOIN kpi_placement kp ON kp.placement_id = down.id"
	" JOIN kpi k ON k.id = kp.kpi_id LEFT JOIN field f ON f.id = k.field_id"
	" ORDER BY k.code COLLATE code_order";

static const char projects_sql[] =
	"SELECT k.code, p.title, '' FROM kpi k JOIN project p ON p.id = k.project_id"
	" WHERE ?1 = 0 OR p.id = ?1 ORDER BY k.code COLLATE code_order";

static const char program_sql[] =
	"SELECT k.code, p.title, '' FROM kpi k JOIN project p ON p.id = k.project_id"
	" WHERE p.program_id = ?1 / 10000 AND (?1 % 10000 = 0 OR p.adoption_year = ?1 % 10000)"
	" ORDER BY k.code COLLATE code_order";

static const char code_sql[] =
	"SELECT k.code, coalesce((WITH RECURSIVE up(id, parent) AS ("
	"  SELECT p.id, p.parent_id FROM kpi_placement kp JOIN placement p ON p.id = kp.placement_id"
	"  WHERE kp.kpi_id = k.id AND kp.home = 1"
	"  UNION ALL SELECT p.id, p.parent_id FROM placement p JOIN up ON p.id = up.parent)"
	"  SELECT trim(n.label || ' ' || n.title) FROM up JOIN placement tp ON tp.id = up.id"
	"  JOIN node n ON n.id = tp.node_id WHERE up.parent IS NULL),"
	"  (SELECT title FROM project WHERE id = k.project_id), ''),"
	" coalesce(f.name, '') FROM kpi k LEFT JOIN field f ON f.id = k.field_id"
	" WHERE k.code = ?1";

int review_row_in_group(const struct review_row *r, const char *group)
{
	size_t n = strlen(group);
	const char *p;

	for (p = r->groups; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strncmp(p, group, n) == 0 && (p[n] == '\n' || p[n] == '\0'))
			return 1;
	return 0;
}

/* Adds group to r's groups, unless it is there already. */
static void add_group(struct review_row *r, const char *group)
{
	size_t have = strlen(r->groups);
	char *more;

	if (!group || !*group || review_row_in_group(r, group))
		return;
	more = xreallocarray(r->groups, have + 1 + strlen(group) + 1, 1);
	more[have] = '\n';
	strcpy(more + have + 1, group);
	r->groups = more;
}

/* Reads the KPI of a gathered row (its code) into the rest of it. */
static int complete(struct store *s, struct review_row *r, int year, struct error *err)
{
	struct kpi_years t;
	struct kpi k;

	if (kpi_find(s, r->code, &k, err) < 0)
		return -1;
	if (kpi_years_load(s, &k, year, &t, err) < 0) {
		kpi_release(&k);
		return -1;
	}
	r->name = xstrdup(k.name);
	r->unit = xstrdup(k.unit);
	r->kpi_id = k.id;
	r->is_project = k.is_project;
	kpi_amount_text(&k.baseline, k.unit, r->baseline, sizeof r->baseline);
	kpi_amount_text(&k.target, k.unit, r->target, sizeof r->target);
	kpi_amount_value_text(&k.baseline, k.unit, r->baseline_value, sizeof r->baseline_value);
	kpi_amount_value_text(&k.target, k.unit, r->target_value, sizeof r->target_value);
	review_standing(&k, &t, year, &r->st);
	kpi_release(&k);
	return 0;
}

/* Appends the (code, group, field) rows of sql to l, then completes each:
 * the KPIs are read with statements of their own once sql is done. */
static int load_keys(struct store *s, const char *sql, long long bind, const char *text,
		     int year, struct review_list *l, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, sql, err);
	int first = l->n, rc, i;

	if (!stmt)
		return -1;
	if (text)
		sqlite3_bind_text(stmt, 1, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(stmt, 1, bind);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(stmt, 0);
		const char *group = (const char *)sqlite3_column_text(stmt, 1);
		struct review_row *r;

		/* the same KPI again: another place it stands */
		if (l->n > first && strcmp(l->rows[l->n - 1].code, code) == 0) {
			add_group(&l->rows[l->n - 1], group);
			continue;
		}
		xgrow(&l->rows, (size_t)l->n, sizeof *l->rows);
		r = &l->rows[l->n++];
		memset(r, 0, sizeof *r);
		snprintf(r->code, sizeof r->code, "%s", code);
		r->group = xstrdup(group);
		r->groups = xstrdup(group);
		r->field = xstrdup((const char *)sqlite3_column_text(stmt, 2));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return -1;
	for (i = first; i < l->n; i++)
		if (complete(s, &l->rows[i], year, err) < 0)
			return -1;
	if (text && l->n == first)
		return error_of(err, ERROR_NOT_FOUND, _("no KPI with code '%s'"), text);
	return 0;
}

int review_list_load(struct store *s, const struct review_scope *scope, int year,
		     struct review_list *l, struct error *err)
{
	if (scope->placement)
		return load_keys(s, placement_sql, scope->placement, NULL, year, l, err);
	if (scope->strategy_id)
		return load_keys(s, strategy_sql, scope->strategy_id, NULL, year, l, err);
	if (scope->program_year)
		return load_keys(s, program_sql, scope->program_year, NULL, year, l, err);
	return load_keys(s, projects_sql, scope->project_id, NULL, year, l, err);
}

int review_list_add(struct store *s, const char *code, int year, struct review_list *l,
		    struct error *err)
{
	return load_keys(s, code_sql, 0, code, year, l, err);
}

int review_list_year(const struct review_list *l, int fallback)
{
	int i, year = 0;

	for (i = 0; i < l->n; i++)
		if (l->rows[i].st.year > year)
			year = l->rows[i].st.year;
	return year ? year : fallback;
}

void review_list_free(struct review_list *l)
{
	int i;

	for (i = 0; i < l->n; i++) {
		free(l->rows[i].name);
		free(l->rows[i].unit);
		free(l->rows[i].group);
		free(l->rows[i].groups);
		free(l->rows[i].field);
	}
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

long long review_strategy_of(struct store *s, long long placement, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT n.strategy_id FROM placement p"
					  " JOIN node n ON n.id = p.node_id WHERE p.id = ?", err);
	long long id = -1;
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, placement);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	else if (rc == SQLITE_DONE)
		error_set(err, _("no row %lld"), placement);
	sqlite3_reset(stmt);
	return id;
}

int review_strategy_named(struct store *s, long long id, long long *strategy_id, char *name,
			  size_t size, struct error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	stmt = store_cached(s, id > 0 ? "SELECT id, name FROM strategy WHERE id = ?"
				  : "SELECT id, name FROM strategy WHERE ?1 = ?1 ORDER BY id LIMIT 1",
			    err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		*strategy_id = sqlite3_column_int64(stmt, 0);
		snprintf(name, size, "%s", (const char *)sqlite3_column_text(stmt, 1));
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int review_filter_parse(const char *what, struct review_filter *f, struct error *err)
{
	/* the words of a meeting's command, as typed: no spaces */
	static const char *const statuses[] = {
		[STATUS_NO_DATA] = "no-data", [STATUS_BEHIND] = "behind",
		[STATUS_ON_TRACK] = "on-track", [STATUS_ACHIEVED] = "achieved",
		[STATUS_ACTUAL_ONLY] = "actual-only",
	};
	int k;

	memset(f, 0, sizeof *f);
	f->status = -1;
	for (k = 0; k < STATUS_COUNT; k++)
		if (strcmp(what, statuses[k]) == 0)
			f->status = k;
	if (f->status >= 0)
		return 0;
	if (strncmp(what, "field ", 6) != 0)
		return error_of(err, ERROR_INVALID,
				_("agenda: node, behind, on-track, achieved, actual-only, no-data or field NAME"));
	snprintf(f->field, sizeof f->field, "%s", what + 6);
	return 0;
}

int review_agenda(struct store *s, const struct review_scope *scope,
		  const struct review_filter *f, int year, struct review_list *l,
		  struct error *err)
{
	struct review_list all = { NULL, 0 };
	int i, rc = 0;

	memset(l, 0, sizeof *l);
	if (review_list_load(s, scope, year, &all, err) < 0)
		rc = -1;
	for (i = 0; rc == 0 && i < all.n; i++) {
		const struct review_row *r = &all.rows[i];
		int keep = f->status >= 0 ? (int)r->st.progress.status == f->status
					  : strcmp(r->field, f->field) == 0;

		if (keep && review_list_add(s, r->code, year, l, err) < 0)
			rc = -1;
	}
	review_list_free(&all);
	if (rc < 0)
		review_list_free(l);
	return rc;
}
