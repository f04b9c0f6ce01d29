/* kpi.c: reading and writing KPIs and their amounts (baseline, target)
 * in the kpi table. */
#include "kpi.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fiscal_year.h"
#include "number.h"

/* The columns read_kpi expects, in its order. */
#define KPI_COLUMNS \
	"id, code, number, name, unit," \
	" baseline_value, baseline_from, baseline_to, baseline_kind," \
	" baseline_estimate, baseline_at_least," \
	" target_value, target_from, target_to, target_kind," \
	" target_estimate, target_at_least, target_all_municipalities," \
	" direction, coalesce(strategy_id, 0), coalesce(project_id, 0), coalesce(field_id, 0)," \
	" baseline_decimals, target_decimals," \
	" EXISTS (SELECT 1 FROM kpi_increment i WHERE i.kpi_id = kpi.id)"

/* Kept prepared: the browser and the exports look KPIs up by the thousand. */
static const char find_sql[] = "SELECT " KPI_COLUMNS " FROM kpi WHERE code = ?";

static char *dup_text(sqlite3_stmt *stmt, int col)
{
	const char *t = (const char *)sqlite3_column_text(stmt, col);

	return strdup(t ? t : "");
}

/* Reads the five columns of an amount starting at col. */
static void read_amount(sqlite3_stmt *stmt, int col, struct amount *a)
{
	memset(a, 0, sizeof *a);
	a->present = sqlite3_column_type(stmt, col) != SQLITE_NULL;
	a->value = sqlite3_column_double(stmt, col);
	a->period.from = sqlite3_column_int(stmt, col + 1);
	a->period.to = sqlite3_column_int(stmt, col + 2);
	a->period.kind = (enum period_kind)sqlite3_column_int(stmt, col + 3);
	a->estimate = sqlite3_column_int(stmt, col + 4);
	a->at_least = sqlite3_column_int(stmt, col + 5);
}

int kpi_find(struct store *s, const char *code, struct kpi *k, struct error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	memset(k, 0, sizeof *k);
	stmt = store_cached(s, find_sql, err);
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		k->id = sqlite3_column_int64(stmt, 0);
		snprintf(k->code, sizeof k->code, "%s", (const char *)sqlite3_column_text(stmt, 1));
		k->number = sqlite3_column_int(stmt, 2);
		k->name = dup_text(stmt, 3);
		k->unit = dup_text(stmt, 4);
		read_amount(stmt, 5, &k->baseline);
		read_amount(stmt, 11, &k->target);
		k->target.all_municipalities = sqlite3_column_int(stmt, 17);
		k->direction = strcmp((const char *)sqlite3_column_text(stmt, 18), "down") == 0
			? DIRECTION_DOWN : DIRECTION_UP;
		k->strategy_id = sqlite3_column_int64(stmt, 19);
		k->project_id = sqlite3_column_int64(stmt, 20);
		k->field_id = sqlite3_column_int64(stmt, 21);
		k->is_project = k->project_id != 0;
		k->baseline.decimals = sqlite3_column_int(stmt, 22);
		k->target.decimals = sqlite3_column_int(stmt, 23);
		k->is_increment = sqlite3_column_int(stmt, 24);
	} else if (rc == SQLITE_DONE) {
		error_of(err, ERROR_NOT_FOUND, _("no KPI with code '%s'"), code);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW && (!k->name || !k->unit)) {
		kpi_release(k);
		return error_of(err, ERROR_NO_MEMORY, _("out of memory"));
	}
	return rc == SQLITE_ROW ? 0 : -1;
}

static void bind_id(sqlite3_stmt *stmt, int col, long long id)
{
	if (id)
		sqlite3_bind_int64(stmt, col, id);
	else
		sqlite3_bind_null(stmt, col);
}

static void bind_amount(sqlite3_stmt *stmt, int col, const struct amount *a)
{
	if (a->present)
		sqlite3_bind_double(stmt, col, a->value);
	else
		sqlite3_bind_null(stmt, col);
	bind_id(stmt, col + 1, a->period.from);
	bind_id(stmt, col + 2, a->period.to);
	sqlite3_bind_int(stmt, col + 3, (int)a->period.kind);
	sqlite3_bind_int(stmt, col + 4, a->estimate);
	sqlite3_bind_int(stmt, col + 5, a->at_least);
}

static const char insert_sql[] =
	"INSERT INTO kpi(code, number, name, unit,"
	" baseline_value, baseline_from, baseline_to, baseline_kind,"
	" baseline_estimate, baseline_at_least,"
	" target_value, target_from, target_to, target_kind,"
	" target_estimate, target_at_least, target_all_municipalities,"
	" direction, strategy_id, project_id, field_id, baseline_decimals, target_decimals)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?22, ?23)";

/* The same columns in the same order, so that one binding serves both. */
static const char update_sql[] =
	"UPDATE kpi SET code = ?1, number = ?2, name = ?3, unit = ?4,"
	" baseline_value = ?5, baseline_from = ?6, baseline_to = ?7, baseline_kind = ?8,"
	" baseline_estimate = ?9, baseline_at_least = ?10,"
	" target_value = ?11, target_from = ?12, target_to = ?13, target_kind = ?14,"
	" target_estimate = ?15, target_at_least = ?16, target_all_municipalities = ?17,"
	" direction = ?18, strategy_id = ?19, project_id = ?20, field_id = ?21,"
	" baseline_decimals = ?22, target_decimals = ?23"
	" WHERE id = ?24";

static const char owner_sql[] =
	"SELECT id, coalesce(strategy_id, 0), coalesce(project_id, 0) FROM kpi WHERE code = ?";

static int write_kpi(struct store *s, const char *sql, struct kpi *k, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, sql, err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, k->code, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, k->number);
	sqlite3_bind_text(stmt, 3, k->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, k->unit ? k->unit : "", -1, SQLITE_STATIC);
	bind_amount(stmt, 5, &k->baseline);
	bind_amount(stmt, 11, &k->target);
	sqlite3_bind_int(stmt, 17, k->target.all_municipalities);
	sqlite3_bind_text(stmt, 18, kpi_direction_name(k->direction), -1, SQLITE_STATIC);
	bind_id(stmt, 19, k->strategy_id);
	bind_id(stmt, 20, k->project_id);
	bind_id(stmt, 21, k->field_id);
	sqlite3_bind_int(stmt, 22, k->baseline.decimals);
	sqlite3_bind_int(stmt, 23, k->target.decimals);
	if (sql == update_sql)
		sqlite3_bind_int64(stmt, 24, k->id);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return -1;
	if (sql == insert_sql)
		k->id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

/* Writes k over the KPI k->id, of the strategy or project given. */
static int save_over(struct store *s, struct kpi *k, long long strategy_id, long long project_id,
		     struct error *err)
{
	if (strategy_id != k->strategy_id || project_id != k->project_id)
		return error_set(err, _("code %s belongs to another %s already"), k->code,
				 strategy_id ? "strategy" : "project");
	return write_kpi(s, update_sql, k, err);
}

int kpi_save(struct store *s, struct kpi *k, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, owner_sql, err);
	long long strategy_id, project_id;
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, k->code, -1, SQLITE_STATIC);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(stmt);
		return write_kpi(s, insert_sql, k, err);
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(stmt);
		return -1;
	}
	k->id = sqlite3_column_int64(stmt, 0);
	strategy_id = sqlite3_column_int64(stmt, 1);
	project_id = sqlite3_column_int64(stmt, 2);
	sqlite3_reset(stmt);
	return save_over(s, k, strategy_id, project_id, err);
}

int kpi_save_over(struct store *s, struct kpi *k, const struct kpi *old, struct error *err)
{
	if (!old)
		return write_kpi(s, insert_sql, k, err);
	k->id = old->id;
	return save_over(s, k, old->strategy_id, old->project_id, err);
}

void kpi_release(struct kpi *k)
{
	free(k->name);
	free(k->unit);
	memset(k, 0, sizeof *k);
}

static char *period_text(const struct period *p, char *buf, size_t size)
{
	char from[16], to[16];

	fiscal_year_short(p->from, from, sizeof from);
	fiscal_year_short(p->to, to, sizeof to);
	switch (p->kind) {
	case PERIOD_AVG:
		snprintf(buf, size, "%s～%s平均", from, to);
		break;
	case PERIOD_CUM:
		snprintf(buf, size, "%s～%s累計", from, to);
		break;
	default:
		snprintf(buf, size, "%s", from);
		break;
	}
	return buf;
}

char *kpi_amount_value_text(const struct amount *a, const char *unit, char *buf, size_t size)
{
	char value[64];

	if (!a->present) {
		snprintf(buf, size, "—");
		return buf;
	}
	number_format_places(a->value, a->decimals, 1, value, sizeof value);
	if (a->all_municipalities)
		snprintf(buf, size, "全市町村 (%s%s)", value, unit);
	else
		snprintf(buf, size, "%s%s%s%s", value, unit, a->at_least ? "以上" : "",
			 a->estimate ? " (見込額)" : "");
	return buf;
}

char *kpi_amount_text(const struct amount *a, const char *unit, char *buf, size_t size)
{
	size_t len;

	kpi_amount_value_text(a, unit, buf, size);
	len = strlen(buf);
	if (a->present && a->period.from && len < size) {
		char p[48];

		snprintf(buf + len, size - len, " (%s)", period_text(&a->period, p, sizeof p));
	}
	return buf;
}

const char *kpi_direction_name(enum direction d)
{
	return d == DIRECTION_DOWN ? "down" : "up";
}

const char *kpi_direction_label(enum direction d)
{
	return d == DIRECTION_DOWN ? _("down") : _("up");
}
