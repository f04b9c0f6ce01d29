/* csv_export.c: writing the kpis, actuals, strategy and projects exports
 * in a fixed order, so that export, import, export gives the same bytes. */
#include "csv_export.h"
#include "i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codes.h"
#include "csv_write.h"
#include "fiscal_year.h"
#include "kpi.h"
#include "outfile.h"
#include "kpi_text.h"
#include "number.h"

/* A quantity, plain, with at least decimals digits after the point, as
 * it was written (31.20, 66.0), in CSV and so in a workbook too. */
static void put_number(struct csv_writer *w, int present, double v, int decimals)
{
	char buf[64];

	if (!present)
		csv_put_cell(w, "");
	else
		csv_put_number(w, number_format_places(v, decimals, 0, buf, sizeof buf), CSV_QUANTITY);
}

static void put_int(struct csv_writer *w, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	csv_put_number(w, buf, CSV_WHOLE);
}

static const char *column_text(sqlite3_stmt *stmt, int col)
{
	const char *t = (const char *)sqlite3_column_text(stmt, col);

	return t ? t : "";
}

int csv_export_kind(const char *name, enum export_kind *kind, struct error *err)
{
	static const char *const names[] = { "kpis", "actuals", "strategy", "projects" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(name, names[i]) == 0) {
			*kind = (enum export_kind)i;
			return 0;
		}
	}
	return error_set(err, _("no export kind '%s' (kpis, actuals, strategy, projects)"), name);
}

/* A period as exports write it: R6, H30-R4 avg, R7-R11 cum, with the
 * qualifiers 見込額 and 以上 after it (R5 見込額, R10 以上). */
static char *period_cell(const struct amount *a, char *buf, size_t size)
{
	char from[16], to[16];

	if (!a->period.from) {
		buf[0] = '\0';
		return buf;
	}
	fiscal_year_short(a->period.from, from, sizeof from);
	fiscal_year_short(a->period.to, to, sizeof to);
	if (a->period.kind == PERIOD_YEAR)
		snprintf(buf, size, "%s", from);
	else
		snprintf(buf, size, "%s-%s %s", from, to, a->period.kind == PERIOD_AVG ? "avg" : "cum");
	/* the qualifiers as the table writes them: 1,511億円(見込額)(R5),
	 * 1,650億円以上(R10) */
	if (a->estimate)
		snprintf(buf + strlen(buf), size - strlen(buf), " 見込額");
	if (a->at_least)
		snprintf(buf + strlen(buf), size - strlen(buf), " 以上");
	return buf;
}

/* Runs sql and hands each row to fn; the one loop every export shares. */
static int each_row(struct store *s, const char *sql, long long bind,
		    int (*fn)(struct store *, struct csv_writer *, sqlite3_stmt *, struct error *),
		    struct csv_writer *w, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s, sql, err);
	int rc;

	if (!stmt)
		return -1;
	if (bind)
		sqlite3_bind_int64(stmt, 1, bind);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW)
		if (fn(s, w, stmt, err) < 0)
			break;
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int kpi_row(struct store *s, struct csv_writer *w, sqlite3_stmt *stmt, struct error *err)
{
	struct kpi k;
	char buf[64];

	if (kpi_find(s, column_text(stmt, 0), &k, err) < 0)
		return -1;
	csv_put_cell(w, k.code);
	put_int(w, k.number);
	csv_put_cell(w, k.name);
	csv_put_cell(w, k.unit);
	put_number(w, k.baseline.present, k.baseline.value, k.baseline.decimals);
	csv_put_cell(w, period_cell(&k.baseline, buf, sizeof buf));
	put_number(w, k.target.present, k.target.value, k.target.decimals);
	csv_put_cell(w, period_cell(&k.target, buf, sizeof buf));
	csv_put_cell(w, k.is_project ? "up" : kpi_direction_name(k.direction));
	csv_put_cell(w, column_text(stmt, 1));
	csv_end_row(w);
	kpi_release(&k);
	return 0;
}

static int value_row(struct store *s, struct csv_writer *w, sqlite3_stmt *stmt, struct error *err)
{
	int i;

	(void)s;
	(void)err;
	csv_put_cell(w, column_text(stmt, 0));
	csv_put_number(w, column_text(stmt, 1), CSV_YEAR);
	csv_put_cell(w, column_text(stmt, 2));
	put_number(w, 1, sqlite3_column_double(stmt, 3), sqlite3_column_int(stmt, 7));
	for (i = 4; i < 6; i++)
		csv_put_cell(w, column_text(stmt, i));
	csv_put_number(w, column_text(stmt, 6), CSV_TIME);
	csv_end_row(w);
	return 0;
}

static int project_row(struct store *s, struct csv_writer *w, sqlite3_stmt *stmt, struct error *err)
{
	char year[16];
	int i;

	(void)s;
	(void)err;
	csv_put_cell(w, column_text(stmt, 0));
	csv_put_cell(w, column_text(stmt, 1));
	csv_put_cell(w, fiscal_year_short(sqlite3_column_int(stmt, 2), year, sizeof year));
	put_int(w, sqlite3_column_int64(stmt, 3));
	for (i = 4; i < 10; i++)
		csv_put_cell(w, column_text(stmt, i));
	csv_put_cell(w, column_text(stmt, 10));
	if (sqlite3_column_type(stmt, 11) == SQLITE_NULL)
		csv_put_cell(w, "");
	else
		put_int(w, sqlite3_column_int64(stmt, 11));
	csv_put_cell(w, column_text(stmt, 12));
	csv_put_cell(w, column_text(stmt, 13));
	put_number(w, sqlite3_column_type(stmt, 14) != SQLITE_NULL, sqlite3_column_double(stmt, 14),
		   sqlite3_column_int(stmt, 15));
	csv_put_cell(w, column_text(stmt, 16));
	csv_end_row(w);
	return 0;
}

/* Appends text to a cell being built, with a line feed between items. */
static void append_line(char *cell, size_t size, const char *text)
{
	size_t n = strlen(cell);

	snprintf(cell + n, size - n, "%s%s", n ? "\n" : "", text);
}

#define CELL_SIZE 8192

struct content {
	char codes[CELL_SIZE];
	char kpis[CELL_SIZE];
	char number[16];
	char menus[CELL_SIZE];
};

static int content_kpis(struct store *s, long long placement, struct content *c,
			struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s,
		"SELECT k.code, kp.home FROM kpi_placement kp JOIN kpi k ON k.id = kp.kpi_id"
		" WHERE kp.placement_id = ? ORDER BY kp.position", err);
	int rc, number = 0;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, placement);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct kpi_text_item item = { .relisted = !sqlite3_column_int(stmt, 1) };
		char text[2048];
		struct kpi k;

		if (kpi_find(s, column_text(stmt, 0), &k, err) < 0) {
			rc = SQLITE_ERROR;
			break;
		}
		snprintf(item.name, sizeof item.name, "%s", k.name);
		snprintf(item.unit, sizeof item.unit, "%s", k.unit);
		item.baseline = k.baseline;
		item.target = k.target;
		append_line(c->codes, sizeof c->codes, k.code);
		append_line(c->kpis, sizeof c->kpis, kpi_text_format(&item, text, sizeof text));
		if (!item.relisted && !number)
			number = k.number;
		kpi_release(&k);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return -1;
	if (!number || !codes_circled(number, c->number, sizeof c->number))
		snprintf(c->number, sizeof c->number, "%s", c->kpis[0] ? "-" : "");
	return 0;
}

static int content_menus(struct store *s, long long placement, struct content *c,
			 struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s,
		"SELECT m.name FROM placement_menu pm JOIN grant_menu m ON m.id = pm.menu_id"
		" WHERE pm.placement_id = ? ORDER BY pm.position", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, placement);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW)
		append_line(c->menus, sizeof c->menus, column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* One content row: the strategy, its five levels (columns 1-5 of the
 * query, as "label title"), its KPIs, field, menus and examples. */
static int strategy_row(struct store *s, struct csv_writer *w, sqlite3_stmt *stmt,
			struct error *err)
{
	struct content *c = calloc(1, sizeof *c);
	long long placement = sqlite3_column_int64(stmt, 6);
	int i;

	if (!c)
		return error_set(err, _("out of memory"));
	if (content_kpis(s, placement, c, err) < 0 || content_menus(s, placement, c, err) < 0) {
		free(c);
		return -1;
	}
	csv_put_cell(w, column_text(stmt, 0));
	csv_put_cell(w, c->codes);
	for (i = 1; i <= 5; i++)
		csv_put_cell(w, column_text(stmt, i));
	csv_put_cell(w, c->kpis);
	csv_put_cell(w, c->number);
	csv_put_cell(w, column_text(stmt, 7));
	csv_put_cell(w, c->menus);
	csv_put_cell(w, column_text(stmt, 8));
	csv_put_cell(w, column_text(stmt, 9));
	csv_end_row(w);
	free(c);
	return 0;
}

#define LEVEL_CELL(id) \
	"(SELECT CASE n.label WHEN '' THEN n.title ELSE n.label || ' ' || n.title END" \
	" FROM placement p JOIN node n ON n.id = p.node_id WHERE p.id = " id ")"

/* The tree walked depth first by position; each level's cell is the
 * node's label and title as the document writes them. */
static const char strategy_sql[] =
	"WITH RECURSIVE walk(id, node_id, level, sortkey, l1, l2, l3, l4) AS ("
	"  SELECT p.id, p.node_id, 1, printf('%08d', p.position), p.id, 0, 0, 0"
	"  FROM placement p WHERE p.parent_id IS NULL"
	"  UNION ALL"
	"  SELECT c.id, c.node_id, w.level + 1, w.sortkey || printf('%08d', c.position),"
	"   w.l1, CASE w.level WHEN 1 THEN c.id ELSE w.l2 END,"
	"   CASE w.level WHEN 2 THEN c.id ELSE w.l3 END, CASE w.level WHEN 3 THEN c.id ELSE w.l4 END"
	"  FROM walk w JOIN placement c ON c.parent_id = w.id WHERE w.level < 5)"
	" SELECT st.name, " LEVEL_CELL("w.l1") ", " LEVEL_CELL("w.l2") ", "
	LEVEL_CELL("w.l3") ", " LEVEL_CELL("w.l4") ", n.title, w.id,"
	"  coalesce(f.name, ''), p.example, p.ai_example"
	" FROM walk w JOIN placement p ON p.id = w.id JOIN node n ON n.id = w.node_id"
	" JOIN strategy st ON st.id = n.strategy_id LEFT JOIN field f ON f.id = p.field_id"
	" WHERE w.level = 5 ORDER BY st.id, w.sortkey";

static const char *const strategy_header[] = {
	"strategy", "code", "重点戦略プロジェクト", "基本戦略", "施策", "項目", "内容", "対象KPI",
	"番号", "主要分野", "活用が想定される交付金事業メニュー", "対象事業例",
	"AI・デジタルを活用した事業例", NULL
};
static const char *const kpis_header[] = {
	"code", "number", "name", "unit", "baseline_value", "baseline_period", "target_value",
	"target_period", "direction", "field", NULL
};
static const char *const actuals_header[] = {
	"code", "fiscal_year", "kind", "value", "note", "entered_by", "entered_at", NULL
};
static const char *const projects_header[] = {
	"municipality", "program", "adoption_year", "project", "title", "application",
	"national_share", "period", "description", "notes", "code", "kpi", "name", "unit",
	"initial_value", "program_notes", NULL
};

/* The header row, the column of fiscal years marked (CSV_YEAR). */
static void put_header(struct csv_writer *w, const char *const *names, const char *years)
{
	for (; *names; names++)
		csv_put_number(w, *names, strcmp(*names, years) == 0 ? CSV_YEAR : CSV_TEXT);
	csv_end_row(w);
}

int csv_export_rows(struct store *s, enum export_kind kind, struct csv_writer *w,
		    struct error *err)
{
	int rc;

	switch (kind) {
	case EXPORT_KPIS:
		csv_put_row(w, kpis_header);
		rc = each_row(s, "SELECT k.code, coalesce(f.name, '') FROM kpi k"
			      " LEFT JOIN field f ON f.id = k.field_id ORDER BY k.code COLLATE code_order",
			      0, kpi_row, w, err);
		break;
	case EXPORT_ACTUALS:
		put_header(w, actuals_header, "fiscal_year");
		rc = each_row(s, "SELECT k.code, v.fiscal_year, v.kind, v.value, v.note,"
			      " v.entered_by, v.entered_at, v.decimals"
			      " FROM value v JOIN kpi k ON k.id = v.kpi_id"
			      " ORDER BY k.code COLLATE code_order, v.fiscal_year, v.kind",
			      0, value_row, w, err);
		break;
	case EXPORT_STRATEGY:
		csv_put_row(w, strategy_header);
		rc = each_row(s, strategy_sql, 0, strategy_row, w, err);
		break;
	default:
		csv_put_row(w, projects_header);
		rc = each_row(s, "SELECT p.municipality, g.name, p.adoption_year, p.number, p.title,"
			      " p.application, p.national_share, p.period, p.description, p.notes,"
			      " coalesce(k.code, ''), k.number, coalesce(k.name, ''),"
			      " coalesce(k.unit, ''), k.baseline_value, k.baseline_decimals, g.notes"
			      " FROM project p JOIN grant_program g ON g.id = p.program_id"
			      " LEFT JOIN kpi k ON k.project_id = p.id"
			      " ORDER BY p.municipality, p.number, k.number",
			      0, project_row, w, err);
		break;
	}
	return rc;
}

int csv_export(struct store *s, enum export_kind kind, int excel, FILE *out, struct error *err)
{
	struct csv_writer w = { .f = out, .excel = excel, .inert = csv_for_terminal(out) };
	int rc;

	if (excel)
		fputs("\xEF\xBB\xBF", out);
	rc = csv_export_rows(s, kind, &w, err);
	if (rc == 0 && (fflush(out) != 0 || ferror(out)))
		rc = error_of(err, ERROR_IO, _("cannot write: %s"), strerror(errno));
	return rc;
}

struct export_job {
	struct store *s;
	enum export_kind kind;
	int excel;
};

static int write_export(void *ctx, FILE *f, struct error *err)
{
	struct export_job *job = ctx;

	return csv_export(job->s, job->kind, job->excel, f, err);
}

int csv_export_file(struct store *s, enum export_kind kind, int excel, const char *path,
		    const struct outfile_rules *rules, struct error *err)
{
	struct export_job job = { s, kind, excel };

	return outfile_write(path, rules, write_export, &job, err);
}
