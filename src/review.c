/* review.c: standings, the rank scheme and its proposals, the 効果検証
 * lists, and the KPIs of a tree with their standings. */
#include "review.h"
#include "i18n.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

/* --- standing ------------------------------------------------------------ */

static const struct kpi_year *row_of(const struct kpi_years *t, int year)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (t->rows[i].year == year)
			return &t->rows[i];
	return NULL;
}

void review_standing(const struct kpi *k, const struct kpi_years *t, int year,
		     struct standing *st)
{
	const struct kpi_year *r = row_of(t, year);
	int i;

	memset(st, 0, sizeof *st);
	st->year = year;
	st->progress.status = STATUS_NO_DATA;
	for (i = 0; i < t->n; i++)
		if (t->rows[i].has_actual && t->rows[i].year <= year) {
			st->latest_year = t->rows[i].year;
			st->latest_actual = t->rows[i].actual;
		}
	if (!r)
		return;
	kpi_years_progress(k, t, r, &st->progress);
	if (r->has_actual) {
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
	case RULE_IMPROVED: return p->status != STATUS_NO_DATA && st->improved;
	case RULE_PROGRESS: return p->status != STATUS_NO_DATA && p->has_ratio &&
				   p->ratio * 100 >= r->min_percent - 1e-9;
	case RULE_NO_DATA: return p->status == STATUS_NO_DATA;
	case RULE_OTHERWISE: return p->status != STATUS_NO_DATA;
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

/* Columns of each: code, group, field. */
static const char strategy_sql[] =
	"WITH RECURSIVE down(id, top) AS ("
	" SELECT p.id, p.id FROM placement p JOIN node n ON n.id = p.node_id"
	"  WHERE p.parent_id IS NULL AND n.strategy_id = ?1"
	" UNION ALL SELECT c.id, d.top FROM placement c JOIN down d ON c.parent_id = d.id)"
	" SELECT k.code, trim(tn.label || ' ' || tn.title), coalesce(f.name, '') FROM down"
	" JOIN kpi_placement kp ON kp.placement_id = down.id AND kp.home = 1"
	" JOIN kpi k ON k.id = kp.kpi_id"
	" JOIN placement tp ON tp.id = down.top JOIN node tn ON tn.id = tp.node_id"
	" LEFT JOIN field f ON f.id = k.field_id"
	" ORDER BY k.code COLLATE code_order";

static const char placement_sql[] =
	"WITH RECURSIVE up(id, parent) AS ("
	" SELECT id, parent_id FROM placement WHERE id = ?1"
	" UNION ALL SELECT p.id, p.parent_id FROM placement p JOIN up ON p.id = up.parent),"
	" down(id) AS (SELECT ?1 UNION ALL"
	" SELECT c.id FROM placement c JOIN down d ON c.parent_id = d.id)"
	" SELECT k.code, (SELECT trim(n.label || ' ' || n.title) FROM up"
	"  JOIN placement tp ON tp.id = up.id JOIN node n ON n.id = tp.node_id"
	"  WHERE up.parent IS NULL), coalesce(f.name, '') FROM down"
	" JOIN kpi_placement kp ON kp.placement_id = down.id AND kp.home = 1"
	" JOIN kpi k ON k.id = kp.kpi_id LEFT JOIN field f ON f.id = k.field_id"
	" ORDER BY k.code COLLATE code_order";

static const char projects_sql[] =
	"SELECT k.code, p.title, '' FROM kpi k JOIN project p ON p.id = k.project_id"
	" WHERE ?1 = 0 OR p.id = ?1 ORDER BY k.code COLLATE code_order";

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

static char *dup(const char *t)
{
	char *d = strdup(t ? t : "");

	if (!d)
		abort();
	return d;
}

static int add_row(struct store *s, struct review_list *l, const char *code, const char *group,
		   const char *field, int year, struct error *err)
{
	struct review_row *more, *r;
	struct kpi_years t;
	struct kpi k;

	if (kpi_find(s, code, &k, err) < 0)
		return -1;
	if (kpi_years_load(s, &k, year, &t, err) < 0) {
		kpi_release(&k);
		return -1;
	}
	more = realloc(l->rows, (size_t)(l->n + 1) * sizeof *more);
	if (!more)
		abort();
	l->rows = more;
	r = &l->rows[l->n++];
	memset(r, 0, sizeof *r);
	snprintf(r->code, sizeof r->code, "%s", k.code);
	r->name = dup(k.name);
	r->unit = dup(k.unit);
	r->group = dup(group);
	r->field = dup(field);
	r->kpi_id = k.id;
	r->is_project = k.is_project;
	kpi_amount_text(&k.baseline, k.unit, r->baseline, sizeof r->baseline);
	kpi_amount_text(&k.target, k.unit, r->target, sizeof r->target);
	review_standing(&k, &t, year, &r->st);
	kpi_release(&k);
	return 0;
}

/* The (code, group, field) rows of stmt, gathered first: the KPIs are
 * looked up with statements of their own. */
struct key_rows {
	char (*code)[32];
	char **group, **field;
	int n;
};

static int gather(struct store *s, sqlite3_stmt *stmt, struct key_rows *g, struct error *err)
{
	int rc;

	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		void *a = realloc(g->code, (size_t)(g->n + 1) * sizeof *g->code);
		void *b = a ? realloc(g->group, (size_t)(g->n + 1) * sizeof *g->group) : NULL;
		void *c = b ? realloc(g->field, (size_t)(g->n + 1) * sizeof *g->field) : NULL;

		if (!c)
			abort();
		g->code = a;
		g->group = b;
		g->field = c;
		snprintf(g->code[g->n], sizeof g->code[0], "%s",
			 (const char *)sqlite3_column_text(stmt, 0));
		g->group[g->n] = dup((const char *)sqlite3_column_text(stmt, 1));
		g->field[g->n] = dup((const char *)sqlite3_column_text(stmt, 2));
		g->n++;
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void free_keys(struct key_rows *g)
{
	int i;

	for (i = 0; i < g->n; i++) {
		free(g->group[i]);
		free(g->field[i]);
	}
	free(g->code);
	free(g->group);
	free(g->field);
}

static int load_keys(struct store *s, const char *sql, long long bind, const char *text,
		     int year, struct review_list *l, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, sql, err);
	struct key_rows g = { NULL, NULL, NULL, 0 };
	int i, rc;

	if (!stmt)
		return -1;
	if (text)
		sqlite3_bind_text(stmt, 1, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(stmt, 1, bind);
	rc = gather(s, stmt, &g, err);
	for (i = 0; rc == 0 && i < g.n; i++)
		rc = add_row(s, l, g.code[i], g.group[i], g.field[i], year, err);
	if (rc == 0 && text && !g.n)
		rc = error_set(err, _("no KPI with code '%s'"), text);
	free_keys(&g);
	return rc;
}

int review_list_load(struct store *s, const struct review_scope *scope, int year,
		     struct review_list *l, struct error *err)
{
	if (scope->placement)
		return load_keys(s, placement_sql, scope->placement, NULL, year, l, err);
	if (scope->strategy_id)
		return load_keys(s, strategy_sql, scope->strategy_id, NULL, year, l, err);
	return load_keys(s, projects_sql, scope->project_id, NULL, year, l, err);
}

int review_list_add(struct store *s, const char *code, int year, struct review_list *l,
		    struct error *err)
{
	return load_keys(s, code_sql, 0, code, year, l, err);
}

void review_list_free(struct review_list *l)
{
	int i;

	for (i = 0; i < l->n; i++) {
		free(l->rows[i].name);
		free(l->rows[i].unit);
		free(l->rows[i].group);
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
