/* due.c: the KPIs whose actual an official has yet to enter: those in
 * scope, measured in that year, without an actual for it. */
#include "due.h"

#include <time.h>

#include "fiscal_year.h"

int due_year(void)
{
	return fiscal_year_of(time(NULL)) - 1;
}

struct due {
	struct store *s;
	const struct access_identity *id;
	int year, n, failed;
	void (*fn)(void *ctx, const struct access_kpi *k);
	void *ctx;
	struct error *err;
};

static const char due_sql[] =
	"SELECT CASE WHEN k.project_id IS NOT NULL THEN EXISTS (SELECT 1 FROM value"
	"   WHERE kpi_id = k.id AND fiscal_year = ?2 AND kind = 'plan')"
	"  ELSE (k.baseline_to IS NULL OR k.baseline_to < ?2)"
	"   AND (k.target_to IS NULL OR ?2 <= k.target_to) END"
	" AND NOT EXISTS (SELECT 1 FROM value"
	"   WHERE kpi_id = k.id AND fiscal_year = ?2 AND kind = 'actual')"
	" FROM kpi k WHERE k.id = ?1";

static void check(void *ctx, const struct access_kpi *k)
{
	struct due *d = ctx;
	sqlite3_stmt *stmt;
	int rc, due = 0;

	if (d->failed || !access_in_scope(d->id, k))
		return;
	stmt = store_cached(d->s, due_sql, d->err);
	if (!stmt) {
		d->failed = 1;
		return;
	}
	sqlite3_bind_int64(stmt, 1, k->id);
	sqlite3_bind_int(stmt, 2, d->year);
	rc = store_step(d->s, stmt, d->err);
	if (rc == SQLITE_ROW)
		due = sqlite3_column_int(stmt, 0);
	else
		d->failed = 1;
	sqlite3_reset(stmt);
	if (due) {
		d->n++;
		d->fn(d->ctx, k);
	}
}

int due_each(struct store *s, const struct access_identity *id, int year,
	     void (*fn)(void *ctx, const struct access_kpi *k), void *ctx, struct error *err)
{
	struct due d = { s, id, year, 0, 0, fn, ctx, err };

	if (access_kpis(s, 0, check, &d, err) < 0 || d.failed)
		return -1;
	return d.n;
}
