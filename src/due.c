/* due.c: the KPIs whose actual an official has yet to enter: those in
 * scope, measured in that year, without an actual for it. */
#include "due.h"

#include <stdlib.h>
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
