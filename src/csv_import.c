/* csv_import.c: the import of CSV files: each file's kind from its header,
 * the values and projects kinds, and the one transaction around them all. */
#include "csv_import.h"
#include "codes.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_ahead.h"
#include "fiscal_year.h"
#include "import.h"
#include "import_seen.h"
#include "iso_time.h"
#include "kpi.h"
#include "kpi_history.h"
#include "number.h"
#include "review.h"
#include "value_batch.h"
#include "values.h"
#include "verification.h"
#include "xlsx_read.h"

/* Columns of the two flat kinds, by name. */
#define MAX_COLUMNS 16

struct columns {
	const char *const *names;	/* the kind's columns, NULL-terminated */
	int index[MAX_COLUMNS];		/* where each stands in the file, or -1 */
	size_t count;			/* cells a row must have */
};

static const char *const actuals_columns[] = {
	"code", "fiscal_year", "kind", "value", "note", "entered_by", "entered_at", NULL
};
enum { A_CODE, A_YEAR, A_KIND, A_VALUE, A_NOTE, A_BY, A_AT, A_REQUIRED = 4 };

static const char *const projects_columns[] = {
	"municipality", "program", "adoption_year", "project", "title", "application",
	"national_share", "period", "description", "notes", "code", "kpi", "name", "unit",
	"initial_value", "program_notes", NULL
};
enum {
	P_MUNICIPALITY, P_PROGRAM, P_YEAR, P_PROJECT, P_TITLE, P_APPLICATION, P_SHARE,
	P_PERIOD, P_DESCRIPTION, P_NOTES, P_CODE, P_KPI, P_NAME, P_UNIT, P_INITIAL,
	P_PROGRAM_NOTES, P_REQUIRED = 15
};

/* The rank scheme and the 効果検証 lists (review.h). */
static const char *const scheme_columns[] = { "rank", "label", "rule", NULL };
enum { S_RANK, S_LABEL, S_RULE, S_REQUIRED = 3 };

static const char *const choices_columns[] = { "list", "code", "label", NULL };
enum { C_LIST, C_CODE, C_LABEL, C_REQUIRED = 3 };

/* The header of a municipality's verification table (verification.h). */
static const char *const header_columns[] = {
	"municipality", "prefecture", "code", "department", "contact", NULL
};
enum { H_MUNICIPALITY, H_PREFECTURE, H_CODE, H_DEPARTMENT, H_CONTACT, H_REQUIRED = 5 };

/* The rule that suggests a project's 事業効果 (verification.h). */
static const char *const effect_columns[] = { "effect", "rule", NULL };
enum { E_EFFECT, E_RULE, E_REQUIRED = 2 };

static int find_name(const char *const *names, const char *name)
{
	int i;

	for (i = 0; names[i]; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

/* Maps a header onto names; the first `required` names must be there.
 * Returns 0, or -1 with errors recorded. */
static int map_columns(struct import *im, const struct csv_record *header,
		       const char *const *names, int required, struct columns *c)
{
	size_t i;
	int k, bad = 0;

	c->names = names;
	c->count = header->n;
	for (k = 0; k < MAX_COLUMNS; k++)
		c->index[k] = -1;
	for (i = 0; i < header->n; i++) {
		char name[256];

		import_header_name(header->fields[i].text, name, sizeof name);
		k = find_name(names, name);
		if (k < 0) {
			import_error(im, header->line, (long)i + 1, _("unknown column '%s'"), name);
			bad = 1;
		} else if (c->index[k] >= 0) {
			import_error(im, header->line, (long)i + 1, _("column '%s' twice"), name);
			bad = 1;
		} else {
			c->index[k] = (int)i;
		}
	}
	for (k = 0; k < required; k++) {
		if (c->index[k] < 0) {
			import_error(im, header->line, 0, _("no column '%s'"), names[k]);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

static const char *cell(const struct columns *c, const struct csv_record *r, int k)
{
	return c->index[k] >= 0 ? r->fields[c->index[k]].text : "";
}

static long column_of(const struct columns *c, int k)
{
	return c->index[k] + 1;
}

/* Whether text is an ISO 8601 UTC time as kpitree writes it. */
static int is_timestamp(const char *t)
{
	time_t unused;

	return iso_time_parse(t, &unused) == 0;
}

struct reader {
	struct import *im;
	enum import_kind kind;
	int have_header;
	int skipped;
	struct columns columns;
	struct wide_table *wide;
	/* the row above the header, for the wide table's two header rows */
	struct csv_field *above_fields;
	char *above_text;
	struct csv_record above;
	/* the last code looked up, since rows come sorted by code, and the
	 * rules of its KPI (values_check) */
	char last_code[64];
	long long last_kpi;
	struct value_rules rules;
	/* the last project saved, since its fields repeat on each KPI row */
	char last_project[1024];
	long long last_project_id;
	struct value_batch *batch;	/* the values of an actuals file */
	struct csv_ahead *ahead;	/* the file, read ahead */
	int positions[3];	/* rows of a scheme, or of each list, so far */
	int failed;		/* a store error: stop reading */
	int closed;		/* a verification is closed: values may be frozen */
};

static long long find_kpi(struct reader *rd, const char *code, struct error *err)
{
	if (strcmp(code, rd->last_code) == 0 && rd->last_kpi)
		return rd->last_kpi;
	rd->last_kpi = values_rules_find(rd->im->s, code, rd->im->year, &rd->rules, err) == 0
			       ? rd->rules.kpi_id : 0;
	snprintf(rd->last_code, sizeof rd->last_code, "%s", code);
	return rd->last_kpi;
}

/* A values row's cells but its code, parsed. */
struct actual {
	int ok;			/* every cell parsed */
	int fiscal_year;
	enum value_kind kind;
	double value;
	int decimals;		/* as written: 33.00 keeps its two */
};

/* Parses a values row (r holding the header's count of cells) into a;
 * with im, says what is wrong, at the row's line and the cell's column.
 * Without im it says nothing and touches nothing but a, so that the
 * reading thread runs it ahead (prepare_actual). */
static void parse_actual(const struct columns *c, const struct csv_record *r,
			 struct actual *a, struct import *im)
{
	const char *kind = cell(c, r, A_KIND);
	const char *at = cell(c, r, A_AT);
	struct error err;

	a->ok = 1;
	if (fiscal_year_parse(cell(c, r, A_YEAR), &a->fiscal_year, &err) < 0) {
		if (im)
			import_error_from(im, r->line, column_of(c, A_YEAR), "fiscal_year", &err);
		a->ok = 0;
	}
	if (strcmp(kind, "actual") == 0 || strcmp(kind, "実績") == 0) {
		a->kind = VALUE_ACTUAL;
	} else if (strcmp(kind, "plan") == 0 || strcmp(kind, "計画") == 0) {
		a->kind = VALUE_PLAN;
	} else {
		if (im)
			import_error(im, r->line, column_of(c, A_KIND),
				     _("kind: '%s' is neither plan nor actual"), kind);
		a->ok = 0;
	}
	a->decimals = number_decimals(cell(c, r, A_VALUE));
	if (number_parse(cell(c, r, A_VALUE), &a->value, &err) < 0) {
		if (im)
			import_error_from(im, r->line, column_of(c, A_VALUE), "value", &err);
		a->ok = 0;
	}
	if (*at && !is_timestamp(at)) {
		if (im)
			import_error(im, r->line, column_of(c, A_AT),
				     _("entered_at: '%s' is not a UTC time like 2025-04-01T09:00:00Z"), at);
		a->ok = 0;
	}
}

_Static_assert(sizeof(struct actual) <= CSV_AHEAD_PREPARED, "a parsed row fits csv_ahead's room");

/* csv_ahead's prepare function: ctx is the file's columns. A row of the
 * wrong length is left for on_record to refuse (ok stays 0). */
static void prepare_actual(const void *ctx, const struct csv_record *r, void *out)
{
	const struct columns *c = ctx;

	if (r->n == c->count)
		parse_actual(c, r, out, NULL);
}

/* Whether the row's value keeps its KPI's rules (values_check); if not,
 * says which rule, at the year's or the value's column. */
static int rule_kept(struct reader *rd, const struct csv_record *r, const struct actual *a)
{
	const struct columns *c = &rd->columns;
	struct error err;

	if (values_check_year(&rd->rules, a->fiscal_year, &err) < 0) {
		import_error_from(rd->im, r->line, column_of(c, A_YEAR), "fiscal_year", &err);
		return 0;
	}
	if (values_check_value(&rd->rules, a->value, &err) < 0) {
		import_error_from(rd->im, r->line, column_of(c, A_VALUE), "value", &err);
		return 0;
	}
	return 1;
}

/* Whether the row is the first of this file to give its KPI, year and
 * kind a value: a repeat of an earlier row, the same in value and note,
 * is taken once (returns 0, nothing said); another value or note is an
 * error naming both rows. */
static int given_once(struct reader *rd, const struct csv_record *r, const struct actual *a)
{
	const struct columns *c = &rd->columns;
	const char *note = cell(c, r, A_NOTE);
	struct import *im = rd->im;
	struct error err;
	char fy[32], *stored_note = NULL;
	double stored;
	long line;
	int rc, same, file;

	rc = im->seen ? import_seen_add(im->seen, &rd->rules, a->fiscal_year, a->kind, r->line,
					a->value, note, &line, &file)
		      : -1;
	if (rc < 0) {
		import_error(im, r->line, 0, "%s", _("out of memory"));
		rd->failed = 1;
		return 0;
	}
	/* the key in the interface's language: SP2-1 R4 actual, SP2-1
	 * 令和4年度 実績 */
	fiscal_year_brief(a->fiscal_year, fy, sizeof fy);
	if (rc == SEEN_DIFFERENT)
		import_error(im, r->line, column_of(c, A_VALUE),
			     _("%s %s %s is given twice with different values or notes: line %ld and line %ld"),
			     rd->last_code, fy, _(values_kind_name(a->kind)), line, r->line);
	if (rc != SEEN_EARLIER_RUN)
		return rc == SEEN_NEW;
	if (im->errors->n)
		return 0;	/* nothing was stored to compare with */
	/* An earlier run of the KPI's rows, in this file or an earlier one,
	 * gave it: what that row stored. */
	if (value_batch_flush(rd->batch, &err) < 0 ||
	    (rc = values_get(im->s, rd->last_kpi, a->fiscal_year, a->kind, &stored, &stored_note,
			     &err)) < 0) {
		import_error(im, r->line, 0, "%s", err.text);
		rd->failed = 1;
		return 0;
	}
	same = rc == 1 && stored == a->value && strcmp(stored_note, note) == 0;
	free(stored_note);
	if (!same)
		import_error(im, r->line, column_of(c, A_VALUE),
			     _("%s %s %s is given again with another value or note than an earlier row"
			       " of its KPI (%s, whose rows start at line %ld)"),
			     rd->last_code, fy, _(values_kind_name(a->kind)),
			     im->files[file].path, line);
	return 0;
}

static void actuals_row(struct reader *rd, const struct csv_record *r)
{
	struct import *im = rd->im;
	const struct columns *c = &rd->columns;
	const struct actual *ahead = r->prepared;
	struct actual a;
	const char *at = cell(c, r, A_AT);
	struct error err;
	long long kpi_id;
	char *note = NULL;
	double stored;

	kpi_id = find_kpi(rd, cell(c, r, A_CODE), &err);
	if (!kpi_id)
		import_error_from(im, r->line, column_of(c, A_CODE), "code", &err);
	/* Parsed ahead when it parsed; otherwise again here, to say why. */
	if (ahead && ahead->ok)
		a = *ahead;
	else
		parse_actual(c, r, &a, im);
	if (!kpi_id || !a.ok || !rule_kept(rd, r, &a))
		return;
	/* after an error nothing will be written: only look for more */
	if (!given_once(rd, r, &a) || im->errors->n)
		return;
	/* A file without a note column keeps the notes stored, as set
	 * without --note does. */
	if (c->index[A_NOTE] < 0 &&
	    values_get(im->s, kpi_id, a.fiscal_year, a.kind, &stored, &note, &err) < 0) {
		import_error(im, r->line, 0, "%s", err.text);
		rd->failed = 1;
		return;
	}
	/* what a closed verification published stays, as set and the
	 * form keep it: the same value and note again is no change */
	if (rd->closed && values_frozen_check(im->s, kpi_id, a.fiscal_year, a.kind, &a.value,
					      note ? note : cell(c, r, A_NOTE), &err) < 0) {
		import_error(im, r->line, column_of(c, A_YEAR), "%s", err.text);
		rd->failed = 1;
		free(note);
		return;
	}
	if (value_batch_add(rd->batch, kpi_id, a.fiscal_year, a.kind, a.value, a.decimals,
			    note ? note : cell(c, r, A_NOTE),
			    *cell(c, r, A_BY) ? cell(c, r, A_BY) : im->user,
			    *at ? at : im->now, &err) < 0) {
		import_error(im, r->line, 0, "%s", err.text);
		rd->failed = 1;
	}
	free(note);
}

static const char program_sql[] =
	"INSERT INTO grant_program(name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = name"
	" RETURNING id";
/* a program's notes, when the file has their column */
static const char program_notes_sql[] =
	"UPDATE grant_program SET notes = ?2 WHERE id = ?1 AND notes IS NOT ?2";
static const char project_sql[] =
	"INSERT INTO project(municipality, program_id, adoption_year, number, title,"
	" application, national_share, period, description, notes)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	" ON CONFLICT(municipality, number) DO UPDATE SET program_id = excluded.program_id,"
	" adoption_year = excluded.adoption_year, title = excluded.title,"
	" application = excluded.application, national_share = excluded.national_share,"
	" period = excluded.period, description = excluded.description, notes = excluded.notes"
	" RETURNING id";

/* Runs a cached statement that returns one id. */
static long long returning_id(struct import *im, sqlite3_stmt *stmt, struct error *err)
{
	long long id = 0;

	if (store_step(im->s, stmt, err) == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return id;
}

static long long save_project(struct reader *rd, const struct csv_record *r, int year,
			      int number, struct error *err)
{
	struct import *im = rd->im;
	const struct columns *c = &rd->columns;
	sqlite3_stmt *stmt = store_cached(im->s, program_sql, err);
	long long program;
	int i;

	if (!stmt)
		return 0;
	sqlite3_bind_text(stmt, 1, cell(c, r, P_PROGRAM), -1, SQLITE_STATIC);
	program = returning_id(im, stmt, err);
	if (!program)
		return 0;
	if (c->index[P_PROGRAM_NOTES] >= 0) {
		stmt = store_cached(im->s, program_notes_sql, err);
		if (!stmt)
			return 0;
		sqlite3_bind_int64(stmt, 1, program);
		sqlite3_bind_text(stmt, 2, cell(c, r, P_PROGRAM_NOTES), -1, SQLITE_STATIC);
		i = store_step(im->s, stmt, err);
		sqlite3_reset(stmt);
		if (i != SQLITE_DONE)
			return 0;
	}
	stmt = store_cached(im->s, project_sql, err);
	if (!stmt)
		return 0;
	sqlite3_bind_text(stmt, 1, cell(c, r, P_MUNICIPALITY), -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, program);
	sqlite3_bind_int(stmt, 3, year);
	sqlite3_bind_int(stmt, 4, number);
	for (i = P_TITLE; i <= P_NOTES; i++)
		sqlite3_bind_text(stmt, 5 + i - P_TITLE, cell(c, r, i), -1, SQLITE_STATIC);
	return returning_id(im, stmt, err);
}

/* A positive whole number, or 0. */
static int whole_number(const char *text)
{
	double v;

	if (number_parse(text, &v, NULL) < 0 || v < 1 || v > 1e6 || v != (int)v)
		return 0;
	return (int)v;
}

static void projects_row(struct reader *rd, const struct csv_record *r)
{
	struct import *im = rd->im;
	const struct columns *c = &rd->columns;
	struct kpi k = { .direction = DIRECTION_UP };
	const char *initial = cell(c, r, P_INITIAL);
	char key[1024];
	struct error err;
	int year = 0, number, bad = 0, i;

	if (fiscal_year_parse(cell(c, r, P_YEAR), &year, &err) < 0) {
		import_error_from(im, r->line, column_of(c, P_YEAR), "adoption_year", &err);
		bad = 1;
	}
	number = whole_number(cell(c, r, P_PROJECT));
	if (!number) {
		import_error(im, r->line, column_of(c, P_PROJECT),
			     _("project: '%s' is not a project number (1, 2, ...)"), cell(c, r, P_PROJECT));
		bad = 1;
	}
	k.number = whole_number(cell(c, r, P_KPI));
	if (!k.number) {
		import_error(im, r->line, column_of(c, P_KPI),
			     _("kpi: '%s' is not a KPI number (1, 2, ...)"), cell(c, r, P_KPI));
		bad = 1;
	}
	for (i = 0; i < P_REQUIRED; i++) {
		if (!*cell(c, r, i) && (i == P_MUNICIPALITY || i == P_PROGRAM || i == P_TITLE ||
					i == P_CODE || i == P_NAME)) {
			import_error(im, r->line, column_of(c, i), _("%s: empty"), c->names[i]);
			bad = 1;
		}
	}
	if (*initial) {
		k.baseline.present = 1;
		if (number_parse(initial, &k.baseline.value, &err) < 0) {
			import_error_from(im, r->line, column_of(c, P_INITIAL), "initial_value", &err);
			bad = 1;
		}
		/* 31.20 stays 31.20 in every export */
		k.baseline.decimals = number_decimals(initial);
	}
	if (strlen(cell(c, r, P_CODE)) >= sizeof k.code) {
		import_error(im, r->line, column_of(c, P_CODE), _("code: longer than %zu bytes"),
			     sizeof k.code - 1);
		bad = 1;
	}
	if (bad)
		return;

	/* A project's fields repeat on each of its KPI rows: save it once. */
	snprintf(key, sizeof key, "%s\x1f%d", cell(c, r, P_MUNICIPALITY), number);
	if (strcmp(key, rd->last_project) != 0 || !rd->last_project_id) {
		rd->last_project_id = save_project(rd, r, year, number, &err);
		if (!rd->last_project_id) {
			import_error(im, r->line, 0, "%s", err.text);
			rd->failed = 1;
			return;
		}
		snprintf(rd->last_project, sizeof rd->last_project, "%s", key);
	}
	snprintf(k.code, sizeof k.code, "%s", cell(c, r, P_CODE));
	k.name = (char *)cell(c, r, P_NAME);
	k.unit = (char *)cell(c, r, P_UNIT);
	k.project_id = rd->last_project_id;
	im->kpis_saved = 1;
	if (kpi_history_save(im->s, &k, im->user, im->now, &im->stats->kpi_fields_changed, &err) < 0)
		import_error(im, r->line, column_of(c, P_CODE), _("code: %s"), err.text);
}

static void insert_row(struct reader *rd, const struct csv_record *r, long column,
		       const char *sql, const char *a, int position, const char *b,
		       const char *c)
{
	struct error err;
	sqlite3_stmt *stmt = store_cached(rd->im->s, sql, &err);
	int rc;

	if (!stmt) {
		rd->failed = 1;
		import_error(rd->im, r->line, 0, "%s", err.text);
		return;
	}
	sqlite3_bind_text(stmt, 1, a, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 2, position);
	sqlite3_bind_text(stmt, 3, b, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 4, c, -1, SQLITE_TRANSIENT);
	rc = store_step(rd->im->s, stmt, &err);
	sqlite3_reset(stmt);
	if (rc == SQLITE_CONSTRAINT)
		import_error(rd->im, r->line, column, _("'%s' is there twice"), b);
	else if (rc != SQLITE_DONE) {
		rd->failed = 1;
		import_error(rd->im, r->line, 0, "%s", err.text);
	}
}

/* rank,label,rule: a rank of the scheme, in the file's order. */
static void scheme_row(struct reader *rd, const struct csv_record *r)
{
	const struct columns *c = &rd->columns;
	struct rank rank;
	struct error err;
	char rule[64];

	if (!*cell(c, r, S_RANK)) {
		import_error(rd->im, r->line, column_of(c, S_RANK), _("rank: empty"));
		return;
	}
	if (review_rule_parse(cell(c, r, S_RULE), &rank, &err) < 0) {
		import_error(rd->im, r->line, column_of(c, S_RULE), "%s", err.text);
		return;
	}
	insert_row(rd, r, column_of(c, S_RANK),
		   "INSERT INTO rank_scheme(rule, position, code, label) VALUES (?1, ?2, ?3, ?4)",
		   review_rule_text(&rank, rule, sizeof rule), ++rd->positions[0],
		   cell(c, r, S_RANK), cell(c, r, S_LABEL));
}

/* list,code,label: a choice of the assessment, policy or verdict list;
 * the first row of a list replaces the list. */
static void choices_row(struct reader *rd, const struct csv_record *r)
{
	static const char *const lists[] = { "assessment", "policy", "verdict" };
	const struct columns *c = &rd->columns;
	const char *list = cell(c, r, C_LIST);
	int k;

	for (k = 0; k < 3 && strcmp(list, lists[k]) != 0; k++)
		;
	if (k == 3) {
		import_error(rd->im, r->line, column_of(c, C_LIST),
			     _("list: '%s' is none of assessment, policy, verdict"), list);
		return;
	}
	if (!*cell(c, r, C_CODE) || !*cell(c, r, C_LABEL)) {
		import_error(rd->im, r->line, column_of(c, *cell(c, r, C_CODE) ? C_LABEL : C_CODE),
			     _("%s: empty"), *cell(c, r, C_CODE) ? "label" : "code");
		return;
	}
	if (!rd->positions[k]) {
		struct error err;
		sqlite3_stmt *stmt = store_cached(rd->im->s, "DELETE FROM choice WHERE list = ?", &err);

		if (!stmt || (sqlite3_bind_text(stmt, 1, lists[k], -1, SQLITE_STATIC),
			      store_step(rd->im->s, stmt, &err)) != SQLITE_DONE) {
			if (stmt)
				sqlite3_reset(stmt);
			rd->failed = 1;
			import_error(rd->im, r->line, 0, "%s", err.text);
			return;
		}
		sqlite3_reset(stmt);
	}
	insert_row(rd, r, column_of(c, C_CODE),
		   "INSERT INTO choice(list, position, code, label) VALUES (?1, ?2, ?3, ?4)",
		   lists[k], ++rd->positions[k], cell(c, r, C_CODE), cell(c, r, C_LABEL));
}

/* municipality,prefecture,code,department,contact: a municipality's
 * header of the verification table, replaced; code the 6-digit one. */
static void header_row(struct reader *rd, const struct csv_record *r)
{
	const struct columns *c = &rd->columns;
	const char *code = cell(c, r, H_CODE);
	struct error err;
	sqlite3_stmt *stmt;
	int k, rc, bad;

	if (!*cell(c, r, H_MUNICIPALITY)) {
		import_error(rd->im, r->line, column_of(c, H_MUNICIPALITY), _("municipality: empty"));
		return;
	}
	bad = *code ? codes_municipality_check(code, cell(c, r, H_PREFECTURE), &err) : 0;
	if (bad < 0) {
		import_error(rd->im, r->line, column_of(c, bad == -2 ? H_PREFECTURE : H_CODE), "%s",
			     err.text);
		return;
	}
	stmt = store_cached(rd->im->s, "INSERT OR REPLACE INTO municipality_info(municipality,"
			    " prefecture, code, department, contact) VALUES (?, ?, ?, ?, ?)", &err);
	if (!stmt) {
		rd->failed = 1;
		import_error(rd->im, r->line, 0, "%s", err.text);
		return;
	}
	for (k = 0; k < H_REQUIRED; k++)
		sqlite3_bind_text(stmt, k + 1, cell(c, r, k), -1, SQLITE_TRANSIENT);
	rc = store_step(rd->im->s, stmt, &err);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		rd->failed = 1;
		import_error(rd->im, r->line, 0, "%s", err.text);
	}
}

/* effect,rule: a line of the rule suggesting 事業効果, in the file's
 * order: the assessment code it suggests, and when. */
static void effect_row(struct reader *rd, const struct csv_record *r)
{
	const struct columns *c = &rd->columns;
	struct effect_rule rule;
	struct error err;
	char text[96];

	if (!*cell(c, r, E_EFFECT)) {
		import_error(rd->im, r->line, column_of(c, E_EFFECT), _("effect: empty"));
		return;
	}
	if (verification_rule_parse(cell(c, r, E_RULE), &rule, &err) < 0) {
		import_error(rd->im, r->line, column_of(c, E_RULE), "%s", err.text);
		return;
	}
	insert_row(rd, r, column_of(c, E_EFFECT),
		   "INSERT INTO effect_rule(rule, position, code) VALUES (?1, ?2, ?3)",
		   verification_rule_text(&rule, text, sizeof text), ++rd->positions[0],
		   cell(c, r, E_EFFECT), NULL);
}

static int is_header_of(const struct csv_record *r, const char *const *names, int required)
{
	char name[256];
	int k;

	if ((int)r->n < required)
		return 0;
	for (k = 0; k < required; k++)
		if (strcmp(import_header_name(r->fields[k].text, name, sizeof name), names[k]) != 0)
			return 0;
	return 1;
}

static int is_kpis_export(const struct csv_record *r)
{
	static const char *const kpis[] = { "code", "number", "name", "unit", "baseline_value", NULL };

	return is_header_of(r, kpis, 5);
}

/* Keeps a copy of r as the row above a possible header. */
static void keep_above(struct reader *rd, const struct csv_record *r)
{
	size_t i, total = 0;
	char *p;

	for (i = 0; i < r->n; i++)
		total += r->fields[i].len + 1;
	free(rd->above_fields);
	free(rd->above_text);
	rd->above_fields = calloc(r->n ? r->n : 1, sizeof *rd->above_fields);
	rd->above_text = malloc(total ? total : 1);
	if (!rd->above_fields || !rd->above_text) {
		rd->above.n = 0;
		return;
	}
	for (i = 0, p = rd->above_text; i < r->n; i++) {
		memcpy(p, r->fields[i].text, r->fields[i].len + 1);
		rd->above_fields[i] = (struct csv_field){ p, r->fields[i].len };
		p += r->fields[i].len + 1;
	}
	rd->above = (struct csv_record){ r->line, r->n, rd->above_fields, NULL };
}

static void unknown_header(struct import *im, long line)
{
	import_error(im, line, 0, _("a header of no known kind: expected "
		     "code,fiscal_year,kind,value,... (actuals), municipality,program,... "
		     "(projects), rank,label,rule (a rank scheme), list,code,label (the assessment "
		     "and policy lists) or the wide table's 重点戦略プロジェクト,基本戦略,... (strategy)"));
}

/* Title rows above the wide table's header (別紙, the document's name,
 * a first header row) are passed over, a few at most. */
#define MAX_ROWS_ABOVE_HEADER 8

static int take_header(struct reader *rd, const struct csv_record *r)
{
	struct import *im = rd->im;

	if (is_header_of(r, actuals_columns, A_REQUIRED)) {
		struct error err;

		rd->kind = IMPORT_ACTUALS;
		rd->batch = value_batch_new(im->s, im->now, im->names_stand ? NULL : im->user, &err);
		if (!rd->batch) {
			import_error(im, r->line, 0, "%s", err.text);
			return -1;
		}
		if (map_columns(im, r, actuals_columns, A_REQUIRED, &rd->columns) < 0)
			return -1;
		rd->closed = verification_any_closed(im->s, &err);
		if (rd->closed < 0) {
			import_error(im, r->line, 0, "%s", err.text);
			return -1;
		}
		/* rd->columns stays as it is from here on. */
		csv_ahead_prepare(rd->ahead, prepare_actual, &rd->columns, sizeof(struct actual));
		return 0;
	}
	if (is_header_of(r, projects_columns, 3)) {
		rd->kind = IMPORT_PROJECTS;
		return map_columns(im, r, projects_columns, P_REQUIRED, &rd->columns);
	}
	if (is_header_of(r, scheme_columns, S_REQUIRED)) {
		struct error err;

		rd->kind = IMPORT_SCHEME;
		if (store_exec(im->s, "DELETE FROM rank_scheme", &err) < 0) {
			import_error(im, r->line, 0, "%s", err.text);
			return -1;
		}
		return map_columns(im, r, scheme_columns, S_REQUIRED, &rd->columns);
	}
	if (is_header_of(r, header_columns, H_REQUIRED)) {
		rd->kind = IMPORT_HEADER;
		return map_columns(im, r, header_columns, H_REQUIRED, &rd->columns);
	}
	if (is_header_of(r, effect_columns, E_REQUIRED)) {
		struct error err;

		rd->kind = IMPORT_EFFECT_RULE;
		if (store_exec(im->s, "DELETE FROM effect_rule", &err) < 0) {
			import_error(im, r->line, 0, "%s", err.text);
			return -1;
		}
		return map_columns(im, r, effect_columns, E_REQUIRED, &rd->columns);
	}
	if (is_header_of(r, choices_columns, C_REQUIRED)) {
		rd->kind = IMPORT_CHOICES;
		return map_columns(im, r, choices_columns, C_REQUIRED, &rd->columns);
	}
	if (is_kpis_export(r)) {
		import_error(im, r->line, 0, _("a kpis export is not imported: its KPIs come from "
			     "the strategy and projects files"));
		return -1;
	}
	if (wide_table_is_header(r)) {
		rd->kind = IMPORT_STRATEGY;
		rd->wide = wide_table_begin(im, r, rd->skipped ? &rd->above : NULL);
		return rd->wide ? 0 : -1;
	}
	if (++rd->skipped < MAX_ROWS_ABOVE_HEADER) {
		keep_above(rd, r);
		return 1;
	}
	unknown_header(im, r->line - rd->skipped + 1);
	return -1;
}

static int on_record(void *ctx, const struct csv_record *r)
{
	struct reader *rd = ctx;
	int rc;

	if (!rd->have_header) {
		rc = take_header(rd, r);
		if (rc < 0)
			return -1;
		if (rc == 0)
			rd->have_header = 1;
		return 0;
	}
	rd->im->stats->rows++;
	if (rd->kind == IMPORT_STRATEGY)
		return wide_table_row(rd->wide, r) < 0 ? -1 : 0;
	if (r->n != rd->columns.count) {
		import_error(rd->im, r->line, 0, _("expected %zu cells but found %zu"),
			     rd->columns.count, r->n);
		return 0;
	}
	if (rd->kind == IMPORT_ACTUALS)
		actuals_row(rd, r);
	else if (rd->kind == IMPORT_SCHEME)
		scheme_row(rd, r);
	else if (rd->kind == IMPORT_CHOICES)
		choices_row(rd, r);
	else if (rd->kind == IMPORT_EFFECT_RULE)
		effect_row(rd, r);
	else if (rd->kind == IMPORT_HEADER)
		header_row(rd, r);
	else
		projects_row(rd, r);
	return rd->failed ? -1 : 0;
}

/* A workbook's sheet (csv_ahead's source). */
struct workbook {
	const struct import_file *f;
	char *where;		/* "FILE:SHEET", as errors name it */
	size_t size;
};

static int read_sheet(void *src, csv_record_fn fn, void *ctx, struct error *err)
{
	struct workbook *w = src;

	return xlsx_read(w->f->path, w->f->data, w->f->len, w->f->sheet, fn, ctx, w->where, w->size,
			 err);
}

/* The file's records, read ahead in a second thread: a CSV file's, or a
 * workbook's sheet's rows (xlsx_is_workbook), whose errors name cells. */
static int read_records(struct reader *rd, const struct import_file *f, enum encoding encoding,
			char *where, size_t size)
{
	struct workbook book = { f, where, size };
	const struct csv_record *r;
	struct error err;
	int rc = 0;

	error_clear(&err);
	snprintf(where, size, "%s", f->path);
	if (xlsx_is_workbook(f->path, f->data, f->len)) {
		rd->im->path = where;
		rd->im->cells = 1;
		rd->ahead = csv_ahead_open_source(f->path, read_sheet, &book, &err);
	} else {
		rd->ahead = csv_ahead_open(f->path, f->data, f->len, encoding, &err);
	}
	if (!rd->ahead) {
		error_list_add(rd->im->errors, &err);
		return -1;
	}
	while ((r = csv_ahead_next(rd->ahead)))
		if (on_record(rd, r) != 0) {
			rc = -1;
			break;
		}
	if (csv_ahead_close(rd->ahead, &err) < 0) {
		error_list_add(rd->im->errors, &err);
		rc = -1;
	}
	return rc;
}

int import_read_again(struct import *im, csv_record_fn fn, void *ctx, struct error *err)
{
	const struct import_file *f = im->file;
	char where[sizeof err->file];

	if (xlsx_is_workbook(f->path, f->data, f->len))
		return xlsx_read(f->path, f->data, f->len, f->sheet, fn, ctx, where, sizeof where,
				 err);
	return csv_read(f->path, f->data, f->len, im->encoding, fn, ctx, err);
}

/* A stream (a pipe, /dev/stdin) read once: copied to a temporary file,
 * mapped, so that the file can be read again (import_read_again) from
 * what was read. A file that is not a stream is left as it is. Returns
 * 0, or -1 with the error recorded. */
static int keep_stream(struct import *im, const struct import_file *f, struct import_file *kept)
{
	char chunk[65536];
	struct stat st;
	ssize_t got = 0;
	FILE *copy;
	int fd;

	*kept = *f;
	if (f->data || (fd = open(f->path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;	/* one that cannot be opened is named as before */
	if (fstat(fd, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) {
		close(fd);
		return 0;
	}
	copy = tmpfile();
	while (copy && (got = read(fd, chunk, sizeof chunk)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0 || fwrite(chunk, 1, (size_t)got, copy) != (size_t)got)
			break;
	}
	close(fd);
	if (!copy || got != 0 || fflush(copy) != 0 || fstat(fileno(copy), &st) != 0) {
		import_error(im, 0, 0, _("cannot keep a copy of the stream: %s"), strerror(errno));
		if (copy)
			fclose(copy);
		return -1;
	}
	kept->len = (size_t)st.st_size;
	kept->data = kept->len ? mmap(NULL, kept->len, PROT_READ, MAP_PRIVATE, fileno(copy), 0) : "";
	fclose(copy);	/* the mapping keeps the copy */
	if (kept->data == MAP_FAILED) {
		import_error(im, 0, 0, _("cannot keep a copy of the stream: %s"), strerror(errno));
		return -1;
	}
	return 0;
}

static int import_one(struct import *im, const struct import_file *given, enum encoding encoding)
{
	struct reader rd = { .im = im };
	struct import_file copy, *f = &copy;
	struct error err;
	char where[sizeof err.file];
	int rc;

	if (keep_stream(im, given, &copy) < 0)
		return -1;
	im->file = f;
	im->encoding = encoding;
	rc = read_records(&rd, f, encoding, where, sizeof where);
	if (rc == 0 && !rd.have_header)
		unknown_header(im, 1);
	if (rd.wide && wide_table_end(rd.wide) < 0)
		rc = -1;
	if (rd.batch) {
		if (rc == 0 && !im->errors->n && value_batch_flush(rd.batch, &err) < 0) {
			error_list_add(im->errors, &err);
			rc = -1;
		}
		im->stats->values_changed += value_batch_changed(rd.batch);
		value_batch_free(rd.batch);
	}
	free(rd.above_fields);
	free(rd.above_text);
	if (copy.data != given->data && copy.len)
		munmap((void *)copy.data, copy.len);
	im->file = given;
	return rc;
}

int csv_import(struct store *s, const struct import_file *files, int nfiles,
	       enum encoding encoding, const char *user, int names_stand,
	       struct import_stats *stats, struct error_list *errors)
{
	struct import im = { .s = s, .user = user, .names_stand = names_stand, .errors = errors,
			     .stats = stats, .files = files };
	struct error err;
	long long mark;
	int i, rc = -1;

	memset(stats, 0, sizeof *stats);
	iso_now(im.now, sizeof im.now);
	im.year = fiscal_year_of(time(NULL));
	im.seen = import_seen_new();
	if (!im.seen) {
		error_of(&err, ERROR_NO_MEMORY, _("out of memory"));
		error_list_add(errors, &err);
		return -1;
	}
	/* An import's statements keep what would undo each (a statement
	 * journal) in memory: past 64 KiB SQLite writes it to a file, and
	 * then every statement after it to that file, which made an import
	 * write its database's size fifty times over. Each statement is
	 * small (the search index is filled in batches, the re-listings
	 * wait in a table), so memory stays bounded. */
	if (store_exec(s, "PRAGMA temp_store = MEMORY", &err) < 0 || store_begin(s, &err) < 0) {
		error_list_add(errors, &err);
		goto done;
	}
	if (store_search_defer(s, &mark, &err) < 0) {
		error_list_add(errors, &err);
		store_rollback(s);
		goto done;
	}
	for (i = 0; i < nfiles; i++) {
		int before = errors->n;

		im.path = files[i].path;
		import_seen_file(im.seen, i);
		im.cells = 0;
		if (import_one(&im, &files[i], encoding) < 0 && errors->n == before)
			import_error(&im, 0, 0, _("import stopped"));
	}
	if (errors->n || errors->more) {
		store_rollback(s);
		goto done;
	}
	/* what is due is counted whole after KPIs changed (due.c) */
	if (store_search_catch_up(s, mark, &err) < 0 ||
	    (im.kpis_saved && store_exec(s, "INSERT INTO setting(key, value) VALUES ('kpi_generation', 1)"
					 " ON CONFLICT(key) DO UPDATE SET value = value + 1", &err) < 0) ||
	    store_commit(s, &err) < 0) {
		store_rollback(s);
		error_list_add(errors, &err);
		goto done;
	}
	rc = 0;
done:
	store_exec(s, "PRAGMA temp_store = DEFAULT", &err);
	import_seen_free(im.seen);
	return rc;
}
