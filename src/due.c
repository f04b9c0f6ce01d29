/* due.c: the KPIs whose actual an official has yet to enter: those in
 * scope, measured in that year, without an actual for it. */
#include "due.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fiscal_year.h"

int due_year(void)
{
	return fiscal_year_of(time(NULL)) - 1;
}

/* The KPIs measured in year (a strategy KPI after its baseline up to
 * its target, a grant project's KPI in a year it has a plan for) that
 * lack its actual, in one pass over the KPIs: value_row's key (KPI,
 * year, kind 0 actual, 1 plan) answers each in one probe. */
static const char due_sql[] =
	"SELECT k.id, k.code, k.name FROM kpi k"
	" WHERE CASE WHEN k.project_id IS NOT NULL THEN EXISTS (SELECT 1 FROM value_row"
	"   WHERE kpi_id = k.id AND fiscal_year = ?1 AND kind = 1)"
	"  ELSE (k.baseline_to IS NULL OR k.baseline_to < ?1)"
	"   AND (k.target_to IS NULL OR ?1 <= k.target_to) END"
	" AND NOT EXISTS (SELECT 1 FROM value_row"
	"   WHERE kpi_id = k.id AND fiscal_year = ?1 AND kind = 0)"
	" ORDER BY k.code";

struct due {
	const struct access_identity *id;
	const long long *ids;	/* the due KPIs' ids, sorted */
	int nids, n;
	void (*fn)(void *ctx, const struct access_kpi *k);
	void *ctx;
};

static int compare_ids(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* A KPI with what its scope is matched against: taken when it is due
 * and in scope. */
static void take(void *ctx, const struct access_kpi *k)
{
	struct due *d = ctx;

	if (!bsearch(&k->id, d->ids, (size_t)d->nids, sizeof *d->ids, compare_ids) ||
	    !access_in_scope(d->id, k))
		return;
	d->n++;
	d->fn(d->ctx, k);
}

int due_each(struct store *s, const struct access_identity *id, int year,
	     void (*fn)(void *ctx, const struct access_kpi *k), void *ctx, struct error *err)
{
	struct due d = { id, NULL, 0, 0, fn, ctx };
	int scoped = id && id->nscopes > 0, size = 0, rc;
	sqlite3_stmt *stmt = store_prepare(s, due_sql, err);
	long long *ids = NULL;

	if (!stmt)
		return -1;
	sqlite3_bind_int(stmt, 1, year);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		if (!scoped) {
			/* everything is in scope: the KPI as it comes */
			struct access_kpi k = {
				.id = sqlite3_column_int64(stmt, 0),
				.code = (const char *)sqlite3_column_text(stmt, 1),
				.name = (const char *)sqlite3_column_text(stmt, 2),
				.strategy = "", .priority = "", .project = "", .municipality = "",
			};

			d.n++;
			fn(ctx, &k);
			continue;
		}
		if (d.nids == size) {
			long long *more;

			size = size ? 2 * size : 256;
			more = realloc(ids, (size_t)size * sizeof *more);
			if (!more) {
				rc = error_set(err, "out of memory");
				break;
			}
			ids = more;
		}
		ids[d.nids++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE && scoped && d.nids) {
		/* one pass over every KPI's scope, taking the due ones */
		qsort(ids, (size_t)d.nids, sizeof *ids, compare_ids);
		d.ids = ids;
		if (access_kpis(s, 0, take, &d, err) < 0)
			rc = -1;
	}
	free(ids);
	return rc == SQLITE_DONE ? d.n : -1;
}

/* A due list: the codes in code order (as due_sql gives them), with the
 * history id and the KPIs' generation it stands at. */
struct due_list {
	char (*codes)[32];
	int n, size;
	int loaded, whole;
	const struct access_identity *id;
	int year;
	long long history_last;	/* history_seq.last when brought up to date */
	long long generation;	/* setting kpi_generation then */
};

/* More than this many history rows since the last update: counted whole. */
#define DUE_CHANGES_MAX 2000

struct due_list *due_list_new(void)
{
	return calloc(1, sizeof(struct due_list));
}

void due_list_free(struct due_list *d)
{
	if (!d)
		return;
	free(d->codes);
	free(d);
}

const char (*due_list_codes(const struct due_list *d, int *n))[32]
{
	*n = d->n;
	return (const char (*)[32])d->codes;
}

int due_list_was_whole(const struct due_list *d)
{
	return d->whole;
}

/* The last history id and the KPIs' generation, now. */
static int marks(struct store *s, long long *history_last, long long *generation,
		 struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s,
		"SELECT (SELECT last FROM history_seq),"
		" coalesce((SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'kpi_generation'), 0)",
		err);
	int rc;

	if (!stmt)
		return -1;
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		*history_last = sqlite3_column_int64(stmt, 0);
		*generation = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Where code is, or would go, in d's codes. */
static int code_at(const struct due_list *d, const char *code, int *found)
{
	int lo = 0, hi = d->n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2, c = strcmp(d->codes[mid], code);

		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = 0;
	return lo;
}

/* Room for one more code; 0, or -1 when memory is short. */
static int room(struct due_list *d)
{
	int size;
	char (*more)[32];

	if (d->n < d->size)
		return 0;
	size = d->size ? 2 * d->size : 256;
	more = realloc(d->codes, (size_t)size * sizeof *more);
	if (!more)
		return -1;
	d->codes = more;
	d->size = size;
	return 0;
}

static int add_code(struct due_list *d, const char *code)
{
	int found, at = code_at(d, code, &found);

	if (found)
		return 0;
	if (room(d) < 0)
		return -1;
	memmove(&d->codes[at + 1], &d->codes[at], (size_t)(d->n - at) * sizeof *d->codes);
	snprintf(d->codes[at], sizeof d->codes[at], "%s", code);
	d->n++;
	return 0;
}

static void remove_code(struct due_list *d, const char *code)
{
	int found, at = code_at(d, code, &found);

	if (!found)
		return;
	memmove(&d->codes[at], &d->codes[at + 1], (size_t)(d->n - at - 1) * sizeof *d->codes);
	d->n--;
}

struct whole {
	struct due_list *d;
	int failed;
};

static void take_whole(void *ctx, const struct access_kpi *k)
{
	struct whole *w = ctx;
	struct due_list *d = w->d;

	/* due_each gives them in code order: each goes at the end */
	if (room(d) < 0) {
		w->failed = 1;
		return;
	}
	snprintf(d->codes[d->n++], sizeof d->codes[0], "%s", k->code);
}

static int count_whole(struct due_list *d, struct store *s, struct error *err)
{
	struct whole w = { d, 0 };
	int rc;

	d->n = 0;
	d->whole = 1;
	rc = due_each(s, d->id, d->year, take_whole, &w, err);
	if (rc >= 0 && w.failed)
		rc = error_of(err, ERROR_NO_MEMORY, "out of memory");
	if (rc < 0)
		d->n = 0;
	return rc;
}

/* The KPIs the history rows after last touched, each once. */
static const char touched_sql[] =
	"SELECT DISTINCT kpi_id FROM history_row WHERE id > ?1 AND id <= ?2";
static const char touched_count_sql[] =
	"SELECT count(*) FROM history_row WHERE id > ?1 AND id <= ?2";
/* One KPI's code, and whether it is due at ?2 (due_sql's test). */
static const char one_sql[] =
	"SELECT k.code, CASE WHEN k.project_id IS NOT NULL THEN EXISTS (SELECT 1 FROM value_row"
	"   WHERE kpi_id = k.id AND fiscal_year = ?2 AND kind = 1)"
	"  ELSE (k.baseline_to IS NULL OR k.baseline_to < ?2)"
	"   AND (k.target_to IS NULL OR ?2 <= k.target_to) END"
	" AND NOT EXISTS (SELECT 1 FROM value_row"
	"   WHERE kpi_id = k.id AND fiscal_year = ?2 AND kind = 0)"
	" FROM kpi k WHERE k.id = ?1";

struct one {
	const struct access_identity *id;
	int in_scope;
};

static void take_one(void *ctx, const struct access_kpi *k)
{
	struct one *o = ctx;

	o->in_scope = access_in_scope(o->id, k);
}

/* Looks at one KPI again: in d if due and in scope, else not. */
static int recheck(struct due_list *d, struct store *s, long long kpi, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, one_sql, err);
	char code[32] = "";
	int rc, due = 0;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, kpi);
	sqlite3_bind_int(stmt, 2, d->year);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		snprintf(code, sizeof code, "%s", (const char *)sqlite3_column_text(stmt, 0));
		due = sqlite3_column_int(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : -1;	/* a KPI gone: a generation */
	if (due && d->id && d->id->nscopes > 0) {
		struct one o = { d->id, 0 };

		if (access_kpis(s, kpi, take_one, &o, err) < 0)
			return -1;
		due = o.in_scope;
	}
	if (!due) {
		remove_code(d, code);
		return 0;
	}
	return add_code(d, code) < 0 ? error_of(err, ERROR_NO_MEMORY, "out of memory") : 0;
}

/* From the history rows between d's mark and last: 1 done, 0 when they
 * do not say everything that changed (then counted whole), -1. */
static int from_changes(struct due_list *d, struct store *s, long long last, struct error *err)
{
	sqlite3_stmt *stmt;
	long long rows = -1;
	int rc;

	if (last - d->history_last > DUE_CHANGES_MAX)
		return 0;
	stmt = store_cached(s, touched_count_sql, err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, d->history_last);
	sqlite3_bind_int64(stmt, 2, last);
	if (store_step(s, stmt, err) == SQLITE_ROW)
		rows = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (rows < 0)
		return -1;
	/* every id given out is a history row: nothing was set by an
	 * import, which keeps a setting in the value's own row */
	if (rows != last - d->history_last)
		return 0;
	stmt = store_prepare(s, touched_sql, err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, d->history_last);
	sqlite3_bind_int64(stmt, 2, last);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW)
		if (recheck(d, s, sqlite3_column_int64(stmt, 0), err) < 0) {
			rc = SQLITE_ERROR;
			break;
		}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 1 : -1;
}

int due_list_update(struct due_list *d, struct store *s, const struct access_identity *id,
		    int year, struct error *err)
{
	long long last, generation;
	int rc = 0;

	if (marks(s, &last, &generation, err) < 0) {
		d->n = 0;
		d->loaded = 0;
		return -1;
	}
	d->whole = 0;
	if (d->loaded && d->id == id && d->year == year && d->generation == generation) {
		if (last == d->history_last)
			return d->n;
		rc = from_changes(d, s, last, err);
	}
	if (rc == 0) {
		d->id = id;
		d->year = year;
		rc = count_whole(d, s, err);
	}
	if (rc < 0) {
		d->n = 0;
		d->loaded = 0;
		return -1;
	}
	d->loaded = 1;
	d->history_last = last;
	d->generation = generation;
	return d->n;
}
