/* report.c: the report in four formats from one walk over its items:
 * a first pass counts ranks and statuses for the summary, a second
 * writes each item, reading its years, evaluation and remarks again (so
 * that a report of every KPI of a national data set stays small). */
#include "report.h"
#include "i18n.h"
#include "alloc.h"

#include <math.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <time.h>

#include "csv_write.h"
#include "fiscal_year.h"
#include "inert.h"
#include "outfile.h"
#include "kpi_years.h"
#include "meeting.h"
#include "number.h"
#include "review.h"
#include "width.h"
#include "xlsx_write.h"

struct report {
	struct store *s;
	const struct report_options *o;
	FILE *f;
	struct csv_writer csv;
	struct meeting m;
	int has_meeting;
	char organisation[256];	/* "" when none is set */
	struct report_attendee {
		char *name, *role;
	} *attendees;	/* the meeting's, in the minutes' order */
	int nattendees;
	int year;
	int snapshot;		/* store_read_begin's answer */
	struct review_list list;
	struct rank_scheme scheme;
	int status_count[STATUS_COUNT];
	int rank_count[RANKS_MAX][2];	/* [rank][0 recorded, 1 only proposed] */
	int unranked;
	/* the workbook: its summary sheet, the charts' rows */
	lxw_workbook *book;
	struct xlsx_sheet *sheet;
	struct csv_writer chart_csv;
};

/* The year row is judged at: the report's, else its latest year with an
 * actual, else (no actual at all) last fiscal year. */
static int item_year(const struct report *r, const struct review_row *row)
{
	if (r->year)
		return r->year;
	return row->st.year ? row->st.year : fiscal_year_of(time(NULL)) - 1;
}

/* The report's year as its heading says it. */
static const char *report_year_text(const struct report *r, char *buf, size_t size)
{
	return r->year ? fiscal_year_format(r->year, buf, size) : _("each KPI at its latest actual");
}

/* One item as the second pass reads it. */
struct item {
	const struct review_row *row;
	struct kpi k;
	struct kpi_years t;
	struct evaluation e;
	char meeting_title[256];
	int year;		/* the year it is judged at */
	const struct rank *proposed;
	struct remark_text {
		char *comments, *actions;	/* one per line */
		int inert;	/* each made inert (not for CSV, which is data) */
	} remarks;
};

int report_format_parse(const char *name, enum report_format *format, struct error *err)
{
	if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
		*format = REPORT_MD;
	else if (strcmp(name, "html") == 0)
		*format = REPORT_HTML;
	else if (strcmp(name, "csv") == 0)
		*format = REPORT_CSV;
	else if (strcmp(name, "xlsx") == 0)
		*format = REPORT_XLSX;
	else
		return error_set(err, _("--format: '%s' is none of md, html, csv, xlsx"), name);
	return 0;
}

/* --- gathering ----------------------------------------------------------- */

static void tick(const struct report *r, long done, long total)
{
	if (r->o->tick)
		r->o->tick(r->o->tick_ctx, done, total);
}

static int load_items(struct report *r, struct error *err)
{
	if (r->has_meeting) {
		char (*codes)[32];
		int n, i, rc;

		if (meeting_agenda(r->s, r->m.id, &codes, &n, err) < 0)
			return -1;
		for (i = 0, rc = 0; rc == 0 && i < n; i++)
			rc = review_list_add(r->s, codes[i], r->year, &r->list, err);
		free(codes);
		return rc;
	} else {
		sqlite3_stmt *stmt = store_prepare(r->s, "SELECT id FROM strategy ORDER BY id", err);
		long long *ids = NULL;
		int n = 0, i, rc;

		if (!stmt)
			return -1;
		while ((rc = store_step(r->s, stmt, err)) == SQLITE_ROW) {
			xgrow(&ids, (size_t)n, sizeof *ids);
			ids[n++] = sqlite3_column_int64(stmt, 0);
		}
		sqlite3_finalize(stmt);
		if (rc != SQLITE_DONE) {
			free(ids);
			return -1;
		}
		for (i = 0, rc = 0; rc == 0 && i < n; i++) {
			struct review_scope scope = { .strategy_id = ids[i] };

			rc = review_list_load(r->s, &scope, r->year, &r->list, err);
			tick(r, r->list.n, 0);
		}
		free(ids);
		if (rc == 0) {
			struct review_scope projects = { 0 };

			rc = review_list_load(r->s, &projects, r->year, &r->list, err);
		}
		return rc;
	}
}

/* The evaluation that counts for row: the meeting's, or without a
 * meeting the latest one. */
static int evaluation_of(struct report *r, const struct review_row *row, struct evaluation *e,
			 char *title, size_t size, struct error *err)
{
	if (r->has_meeting) {
		snprintf(title, size, "%s", r->m.title);
		return meeting_evaluation(r->s, r->m.id, row->kpi_id, e, err);
	}
	return meeting_latest_evaluation(r->s, row->kpi_id, e, title, size, err);
}

static int count(struct report *r, struct error *err)
{
	int i;

	for (i = 0; i < r->list.n; i++) {
		const struct review_row *row = &r->list.rows[i];
		const struct rank *proposed = review_propose(&r->scheme, &row->st);
		const struct rank *rank;
		struct evaluation e;
		char title[256];

		r->status_count[row->st.progress.status]++;
		if (evaluation_of(r, row, &e, title, sizeof title, err) < 0)
			return -1;
		rank = e.present && *e.rank ? review_rank(&r->scheme, e.rank) : NULL;
		if (rank)
			r->rank_count[rank - r->scheme.ranks][0]++;
		else if (proposed && !(e.present && *e.rank))
			r->rank_count[proposed - r->scheme.ranks][1]++;
		else
			r->unranked++;
	}
	return 0;
}

static void add_text(char **list, const char *text)
{
	size_t had = *list ? strlen(*list) : 0, n = strlen(text);
	char *more = xreallocarray(*list, had + n + 2, 1);

	if (had)
		more[had++] = '\n';
	memcpy(more + had, text, n + 1);
	*list = more;
}

static void collect_remark(void *ctx, const struct remark *m)
{
	struct remark_text *t = ctx;
	struct inert_pool pool = { 0 };
	char line[2048], due[64];
	const char *text = t->inert ? inert_str(&pool, m->text) : m->text;
	const char *by = t->inert ? inert_str(&pool, m->entered_by) : m->entered_by;
	const char *owner = t->inert ? inert_str(&pool, m->owner) : m->owner;

	if (m->kind == REMARK_COMMENT) {
		snprintf(line, sizeof line, "%s (%s)", text, by);
		add_text(&t->comments, line);
	} else {
		snprintf(line, sizeof line, _("[%s] %s (owner %s, due %s)"), *m->done_at ? "x" : " ",
			 text, owner, i18n_date(m->due, due, sizeof due));
		add_text(&t->actions, line);
	}
	inert_pool_free(&pool);
}

static int item_load(struct report *r, const struct review_row *row, struct item *it,
		     struct error *err)
{
	memset(it, 0, sizeof *it);
	it->row = row;
	it->year = item_year(r, row);
	it->remarks.inert = r->o->format != REPORT_CSV;
	if (kpi_find(r->s, row->code, &it->k, err) < 0)
		return -1;
	if (kpi_years_load(r->s, &it->k, it->year, &it->t, err) < 0 ||
	    evaluation_of(r, row, &it->e, it->meeting_title, sizeof it->meeting_title, err) < 0 ||
	    meeting_remarks(r->s, r->has_meeting ? r->m.id : 0, row->kpi_id, 0, collect_remark,
			    &it->remarks, err) < 0) {
		kpi_release(&it->k);
		return -1;
	}
	it->proposed = review_propose(&r->scheme, &row->st);
	return 0;
}

static void item_free(struct item *it)
{
	kpi_release(&it->k);
	free(it->remarks.comments);
	free(it->remarks.actions);
}

/* The rank as the report states it: "C", "B (proposed: C)", "C (proposed)". */
static char *rank_text(const struct item *it, char *buf, size_t size)
{
	const char *proposed = it->proposed ? it->proposed->code : "";

	if (it->e.present && *it->e.rank) {
		if (strcmp(it->e.rank, proposed) != 0)
			snprintf(buf, size, _("%s (proposed: %s)"), it->e.rank, *proposed ? proposed : "-");
		else
			snprintf(buf, size, "%s", it->e.rank);
	} else if (*proposed) {
		snprintf(buf, size, _("%s (proposed)"), proposed);
	} else {
		snprintf(buf, size, "-");
	}
	return buf;
}

static char *choice_text(const char *code, const char *label, char *buf, size_t size)
{
	if (!*code)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%s %s", code, label);
	return buf;
}

static char *latest_text(const struct standing *st, char *buf, size_t size)
{
	char v[64], fy[32];

	if (!st->latest_year)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%s (%s)", number_format_places(st->latest_actual,
			 st->latest_decimals, 0, v, sizeof v),
			 fiscal_year_brief(st->latest_year, fy, sizeof fy));
	return buf;
}

static int has_values(const struct item *it)
{
	int i;

	for (i = 0; i < it->t.n; i++)
		if (it->t.rows[i].has_plan || it->t.rows[i].has_actual)
			return 1;
	return 0;
}

/* "28人 (R6) → 0人 (R7), down", or a project KPI's "当初値 12人, plan/actual". */
static char *amounts_text(const struct item *it, char *buf, size_t size)
{
	if (it->k.is_project)
		snprintf(buf, size, _("initial %s, plan/actual"), it->row->baseline);
	else
		snprintf(buf, size, _("%s → %s, %s"), it->row->baseline, it->row->target,
			 kpi_direction_label(it->k.direction));
	return buf;
}

static const char *title_of(const struct report *r)
{
	return r->has_meeting ? r->m.title : _("KPI report");
}

/* --- Markdown ---------------------------------------------------------- */

/* Text for a table cell or a line: | escaped, control characters (line
 * ends too) made visible. */
static void md_text(FILE *f, const char *t)
{
	inert_markdown(t, f);
}

/* The attendees, one line a role: "- 委員: 佐藤 花子、鈴木 一郎". */
static void md_attendees(struct report *r)
{
	int i;

	for (i = 0; i < r->nattendees; i++) {
		if (i == 0 || strcmp(r->attendees[i].role, r->attendees[i - 1].role)) {
			fputs(i ? "\n- " : "- ", r->f);
			md_text(r->f, r->attendees[i].role);
			fputs(": ", r->f);
		} else {
			fputs(_(", "), r->f);
		}
		md_text(r->f, r->attendees[i].name);
	}
	if (r->nattendees)
		fputs("\n\n", r->f);
}

static void md_summary(struct report *r)
{
	char fy[32], held[64];
	int i;

	if (*r->organisation) {
		md_text(r->f, r->organisation);
		fputs("\n\n", r->f);
	}
	fputs("# ", r->f);
	md_text(r->f, title_of(r));
	fputs("\n\n", r->f);
	md_attendees(r);
	if (r->has_meeting) {
		fprintf(r->f, _("- held on: %s\n- agenda: "), i18n_date(r->m.held_on, held, sizeof held));
		md_text(r->f, r->m.agenda);
		fprintf(r->f, ngettext(" (%d item)\n", " (%d items)\n", (unsigned long)r->m.items),
			r->m.items);
	} else {
		fprintf(r->f, _("- every KPI (%d), each with its latest evaluation\n"), r->list.n);
	}
	fprintf(r->f, _("- fiscal year: %s\n\n"), report_year_text(r, fy, sizeof fy));
	fputs(_("## Summary\n\n| rank | meaning | agreed | proposed, not yet agreed |\n"), r->f);
	fputs("|---|---|---:|---:|\n", r->f);
	for (i = 0; i < r->scheme.n; i++) {
		fputs("| ", r->f);
		md_text(r->f, r->scheme.ranks[i].code);
		fputs(" | ", r->f);
		md_text(r->f, r->scheme.ranks[i].label);
		fprintf(r->f, " | %d | %d |\n", r->rank_count[i][0], r->rank_count[i][1]);
	}
	fprintf(r->f, _("| - | no rank | %d | |\n\n| status | KPIs |\n"), r->unranked);
	fputs("|---|---:|\n", r->f);
	for (i = 0; i < STATUS_COUNT; i++)
		fprintf(r->f, "| %s | %d |\n", progress_status_name(progress_status_order[i]),
			r->status_count[progress_status_order[i]]);
	fputs("\n", r->f);
}

static void md_lines(FILE *f, const char *what, const char *lines)
{
	const char *p = lines;

	fprintf(f, "- %s:%s\n", what, lines ? "" : _(" none"));
	while (p && *p) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char line[2048];

		snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), p);
		if (line[0] == '[')
			fprintf(f, "  - %s\n", line);	/* [ ] a task list item */
		else {
			fputs("  - ", f);
			md_text(f, line);
			fputc('\n', f);
		}
		p = end ? end + 1 : NULL;
	}
}

static void md_item(struct report *r, const struct item *it, int index)
{
	const struct review_row *row = it->row;
	char a[64], b[64], c[64], fy[32], text[512];
	struct inert_pool pool = { 0 };
	struct progress p;
	int i;

	fprintf(r->f, "## %d. ", index + 1);
	md_text(r->f, row->code);
	fputc(' ', r->f);
	md_text(r->f, row->name);
	fputs("\n\n", r->f);
	md_text(r->f, amounts_text(it, text, sizeof text));
	if (*row->group) {
		fputs(" · ", r->f);
		md_text(r->f, row->group);
	}
	if (*row->field) {
		fputs(" · ", r->f);
		md_text(r->f, row->field);
	}
	fputs(_("\n\n| FY | plan | actual | progress | status |\n"), r->f);
	fputs("|---|---:|---:|---:|---|\n", r->f);
	for (i = 0; i < it->t.n; i++) {
		const struct kpi_year *y = &it->t.rows[i];

		kpi_years_progress(&it->k, &it->t, y, &p);
		fprintf(r->f, "| %s | %s | %s | %s | %s |\n",
			fiscal_year_format(y->year, fy, sizeof fy),
			kpi_years_cell(y->has_plan, y->plan, y->plan_decimals, a, sizeof a),
			kpi_years_cell(y->has_actual, y->actual, y->actual_decimals, b, sizeof b),
			kpi_years_ratio(&p, c, sizeof c), progress_status_name(p.status));
	}
	fprintf(r->f, _("\n- latest actual: %s\n- progress (%s): %s, %s\n- rank: %s\n"),
		latest_text(&row->st, a, sizeof a), fiscal_year_brief(it->year, fy, sizeof fy),
		kpi_years_ratio(&row->st.progress, b, sizeof b),
		progress_status_name(row->st.progress.status),
		inert_str(&pool, rank_text(it, text, sizeof text)));
	if (it->e.present && *it->e.reason) {
		fputs(_("- reason: "), r->f);
		md_text(r->f, it->e.reason);
		fputc('\n', r->f);
	}
	fputs(_("- assessment: "), r->f);
	md_text(r->f, choice_text(it->e.assessment, it->e.assessment_label, text, sizeof text));
	fputs(_("\n- policy: "), r->f);
	md_text(r->f, choice_text(it->e.policy, it->e.policy_label, text, sizeof text));
	fputc('\n', r->f);
	if (!r->has_meeting && it->e.present) {
		fputs(_("- evaluated at: "), r->f);
		md_text(r->f, it->meeting_title);
		fputc('\n', r->f);
	}
	md_lines(r->f, _("comments"), it->remarks.comments);
	md_lines(r->f, _("action items"), it->remarks.actions);
	fputc('\n', r->f);
	inert_pool_free(&pool);
}

/* --- HTML -------------------------------------------------------------- */

static void html_text(FILE *f, const char *t)
{
	inert_html(t, f);
}

static const char html_style[] =
	/* each printed page numbered at its foot, "2 / 5" */
	"@page { size: A4; margin: 15mm 15mm 18mm;"
	" @bottom-center { content: counter(page) \" / \" counter(pages); font-size: 9pt;"
	" color: #444; } }\n"
	"body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; font-size: 10pt;"
	" color: #111; margin: 0 auto; max-width: 180mm; }\n"
	"h1 { font-size: 16pt; margin: 0 0 4pt; }\n"
	"h2 { font-size: 12pt; margin: 14pt 0 4pt; border-bottom: 1px solid #888; }\n"
	"table { border-collapse: collapse; margin: 4pt 0; }\n"
	"th, td { border: 1px solid #999; padding: 2pt 6pt; }\n"
	"td.n { text-align: right; }\n"
	"section { page-break-inside: avoid; break-inside: avoid; }\n"
	"svg { display: block; margin: 4pt 0; }\n"
	".meta { color: #444; }\n"
	".organisation { margin: 0 0 2pt; color: #444; }\n"
	"table.attendees caption { text-align: left; font-weight: bold; }\n"
	"table.attendees th { text-align: left; white-space: nowrap; }\n"
	"ul { margin: 2pt 0; }\n";

/* The attendees, a row a role (出席者). */
static void html_attendees(struct report *r)
{
	int i;

	if (!r->nattendees)
		return;
	fputs(_("<table class=\"attendees\">\n<caption>attendees</caption>\n"), r->f);
	for (i = 0; i < r->nattendees; i++) {
		if (i == 0 || strcmp(r->attendees[i].role, r->attendees[i - 1].role)) {
			fputs(i ? "</td></tr>\n<tr><th>" : "<tr><th>", r->f);
			html_text(r->f, r->attendees[i].role);
			fputs("</th><td>", r->f);
		} else {
			fputs(_(", "), r->f);
		}
		fputs("<span class=\"attendee\">", r->f);
		html_text(r->f, r->attendees[i].name);
		fputs("</span>", r->f);
	}
	fputs("</td></tr>\n</table>\n", r->f);
}

static void html_summary(struct report *r)
{
	char fy[32], held[64];
	int i;

	/* polyglot: HTML5 that is also well-formed XML, so that an XML
	 * parser checks it whole (the SVG included) */
	fputs("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ja\">\n"
	      "<head>\n<meta charset=\"utf-8\"/>\n<title>", r->f);
	html_text(r->f, title_of(r));
	fprintf(r->f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", html_style);
	if (*r->organisation) {
		fputs("<p class=\"organisation\">", r->f);
		html_text(r->f, r->organisation);
		fputs("</p>\n", r->f);
	}
	fputs("<h1>", r->f);
	html_text(r->f, title_of(r));
	fputs("</h1>\n", r->f);
	html_attendees(r);
	fputs("<p class=\"meta\">", r->f);
	if (r->has_meeting) {
		fprintf(r->f, _("held on %s · agenda: "), i18n_date(r->m.held_on, held, sizeof held));
		html_text(r->f, r->m.agenda);
		fprintf(r->f, ngettext(" (%d item) · ", " (%d items) · ", (unsigned long)r->m.items),
			r->m.items);
	} else {
		fprintf(r->f, _("every KPI (%d), each with its latest evaluation · "), r->list.n);
	}
	fprintf(r->f, _("fiscal year %s</p>\n"), report_year_text(r, fy, sizeof fy));
	fputs(_("<h2>Summary</h2>\n<table>\n<tr><th>rank</th><th>meaning</th><th>agreed</th>"
		"<th>proposed, not yet agreed</th></tr>\n"), r->f);
	for (i = 0; i < r->scheme.n; i++) {
		fputs("<tr><td>", r->f);
		html_text(r->f, r->scheme.ranks[i].code);
		fputs("</td><td>", r->f);
		html_text(r->f, r->scheme.ranks[i].label);
		fprintf(r->f, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n",
			r->rank_count[i][0], r->rank_count[i][1]);
	}
	fprintf(r->f, _("<tr><td>-</td><td>no rank</td><td class=\"n\">%d</td><td></td></tr>\n"
			"</table>\n<table>\n<tr><th>status</th><th>KPIs</th></tr>\n"), r->unranked);
	for (i = 0; i < STATUS_COUNT; i++)
		fprintf(r->f, "<tr><td>%s</td><td class=\"n\">%d</td></tr>\n",
			progress_status_name(progress_status_order[i]), r->status_count[progress_status_order[i]]);
	fputs("</table>\n", r->f);
}

/* The axis of a chart whose largest value is max: a step of 1, 2, 2.5
 * or 5 times a power of ten (*mant tenths of 10^*exp), and a top, a
 * whole number of steps (*steps), at least a twentieth above max (room
 * for the value written over the highest bar). */
static void chart_axis(double max, int *mant, int *exp, int *steps)
{
	static const int nice[] = { 10, 20, 25, 50, 100 };
	double raw = max * 1.05 / 5;
	size_t i;

	*exp = (int)floor(log10(raw));
	for (i = 0; i + 1 < sizeof nice / sizeof nice[0] && nice[i] / 10.0 * pow(10, *exp) < raw; i++)
		;
	*mant = nice[i];
	*steps = (int)ceil(max * 1.05 / (*mant / 10.0 * pow(10, *exp)) - 1e-9);
}

/* The axis' value at step i: i * mant tenths of 10^exp, computed from
 * whole numbers so that it prints as written (0.3, not 0.30000000000000004). */
static double chart_tick(int i, int mant, int exp)
{
	double tenths = (double)i * mant;

	return exp - 1 >= 0 ? tenths * pow(10, exp - 1) : tenths / pow(10, 1 - exp);
}

/* A dashed line at value v across the plot, and its label (name and v)
 * to the right of the plot at label_y. */
static void chart_line(struct report *r, const char *cls, const char *colour, const char *dash,
		       double y, double label_y, int x1, int x2, const char *name, double v)
{
	char a[64];

	fprintf(r->f, "<line class=\"%s\" x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"%s\""
		" stroke-dasharray=\"%s\" data-value=\"%.17g\"/>\n<text class=\"%s-label\" x=\"%d\""
		" y=\"%.2f\" font-size=\"9\" fill=\"%s\">%s %s</text>\n",
		cls, x1, y, x2, y, colour, dash, v, cls, x2 + 4, label_y + 3, colour, name,
		number_format(v, a, sizeof a));
}

/* A bar chart of plan (outlined) and actual (filled) per fiscal year, on
 * an axis of round steps each labelled with its value, with the baseline
 * and the target as dashed lines labelled beside the plot (moved apart
 * when they would overlap), and a legend. Each bar and line carries its
 * value (data-value), for a test to check against the data. */
static void html_chart(struct report *r, const struct item *it)
{
	const int W = 600, H = 190, left = 56, right = 96, top = 24, bottom = 28;
	const struct kpi *k = &it->k;
	double max, v, yb = 0, yt = 0, lb, lt;
	int i, n = it->t.n, plot_w = W - left - right, plot_h = H - top - bottom, mant, exp, steps;
	int base = k->baseline.present && !k->is_project, target = k->target.present;
	char a[64], fy[32];

	chart_axis(kpi_years_scale(k, &it->t), &mant, &exp, &steps);
	max = chart_tick(steps, mant, exp);
	fprintf(r->f, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\""
		" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" data-code=\"", W, H, W, H);
	html_text(r->f, it->row->code);
	fputs("\">\n<title>", r->f);
	html_text(r->f, it->row->code);
	fputs(_(": plan and actual per fiscal year</title>\n"), r->f);
	/* the legend, over the plot */
	fprintf(r->f, "<g class=\"legend\" font-size=\"9\"><rect x=\"%d\" y=\"6\" width=\"10\""
		" height=\"9\" fill=\"none\" stroke=\"#d07000\" stroke-width=\"1.5\"/><text x=\"%d\""
		" y=\"14\">%s</text><rect x=\"%d\" y=\"6\" width=\"10\" height=\"9\" fill=\"#2f6db5\"/>"
		"<text x=\"%d\" y=\"14\">%s</text></g>\n", left, left + 14, _("plan"), left + 70,
		left + 84, _("actual"));
	/* the axis: a line and a label at each step, the top's included */
	for (i = 0; i <= steps; i++) {
		double tick = chart_tick(i, mant, exp);

		v = top + plot_h - tick / max * plot_h;
		fprintf(r->f, "<line class=\"grid\" x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\""
			" stroke=\"%s\"/><text class=\"tick\" x=\"%d\" y=\"%.2f\" font-size=\"10\""
			" text-anchor=\"end\" data-value=\"%.17g\">%s</text>\n", left, v, W - right, v,
			i ? "#ddd" : "#333", left - 4, v + 3, tick, number_format(tick, a, sizeof a));
	}
	fprintf(r->f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", left,
		top, left, top + plot_h);
	for (i = 0; i < n; i++) {
		const struct kpi_year *y = &it->t.rows[i];
		double slot = (double)plot_w / n, bw = slot * 0.35, fs;
		double x = left + slot * i + slot * 0.12;

		if (y->has_plan) {
			v = y->plan / max * plot_h;
			fprintf(r->f, "<rect class=\"plan\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\""
				" height=\"%.2f\" fill=\"none\" stroke=\"#d07000\" stroke-width=\"1.5\""
				" data-year=\"%d\" data-value=\"%.17g\"><title>%s %s</title></rect>\n",
				x, top + plot_h - v, bw, v, y->year, y->plan, _("plan"),
				number_format_places(y->plan, y->plan_decimals, 0, a, sizeof a));
		}
		if (y->has_actual) {
			v = y->actual / max * plot_h;
			fprintf(r->f, "<rect class=\"actual\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\""
				" height=\"%.2f\" fill=\"#2f6db5\" data-year=\"%d\" data-value=\"%.17g\">"
				"<title>%s %s</title></rect>\n", x + bw, top + plot_h - v, bw, v,
				y->year, y->actual, _("actual"),
				number_format_places(y->actual, y->actual_decimals, 0, a, sizeof a));
			fprintf(r->f, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"9\""
				" text-anchor=\"middle\">%s</text>\n", x + bw * 1.5,
				top + plot_h - v - 2, a);
		}
		/* the year as the interface writes it (令和7年度), in a font
		 * small enough for its slot: a cell about half the size */
		fiscal_year_brief(y->year, fy, sizeof fy);
		fs = 2 * (slot - 4) / width_of(fy);
		fprintf(r->f, "<text class=\"year\" x=\"%.2f\" y=\"%d\" font-size=\"%.1f\""
			" text-anchor=\"middle\" data-year=\"%d\">%s</text>\n",
			left + slot * i + slot / 2, H - 10, fs < 6 ? 6 : fs > 10 ? 10 : fs, y->year, fy);
	}
	if (base)
		yb = top + plot_h - k->baseline.value / max * plot_h;
	if (target)
		yt = top + plot_h - k->target.value / max * plot_h;
	/* the labels 11 apart at least: the higher line's above, the
	 * other's below, about their middle */
	lb = yb;
	lt = yt;
	if (base && target && fabs(yb - yt) < 11) {
		double mid = (yb + yt) / 2;

		lt = yt <= yb ? mid - 5.5 : mid + 5.5;
		lb = yt <= yb ? mid + 5.5 : mid - 5.5;
	}
	if (base)
		chart_line(r, "baseline", "#555", "4 3", yb, lb, left, W - right, _("baseline"),
			   k->baseline.value);
	if (target)
		chart_line(r, "target", "#2a8a2a", "6 3", yt, lt, left, W - right, _("target"),
			   k->target.value);
	fputs("</svg>\n", r->f);
}

static void html_list(FILE *f, const char *what, const char *lines)
{
	const char *p = lines;

	fprintf(f, "<p>%s:%s</p>\n", what, lines ? "" : _(" none"));
	if (!lines)
		return;
	fputs("<ul>\n", f);
	while (p && *p) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char line[2048];

		snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), p);
		fputs("<li>", f);
		html_text(f, line);
		fputs("</li>\n", f);
		p = end ? end + 1 : NULL;
	}
	fputs("</ul>\n", f);
}

static void html_item(struct report *r, const struct item *it, int index)
{
	const struct review_row *row = it->row;
	char a[64], b[64], c[64], fy[32], text[512];
	struct progress p;
	int i;

	fprintf(r->f, "<section>\n<h2>%d. ", index + 1);
	html_text(r->f, row->code);
	fputc(' ', r->f);
	html_text(r->f, row->name);
	fputs("</h2>\n<p class=\"meta\">", r->f);
	html_text(r->f, amounts_text(it, text, sizeof text));
	if (*row->group) {
		fputs(" · ", r->f);
		html_text(r->f, row->group);
	}
	if (*row->field) {
		fputs(" · ", r->f);
		html_text(r->f, row->field);
	}
	fputs(_("</p>\n<table>\n<tr><th>FY</th><th>plan</th><th>actual</th><th>progress</th>"
		"<th>status</th></tr>\n"), r->f);
	for (i = 0; i < it->t.n; i++) {
		const struct kpi_year *y = &it->t.rows[i];

		kpi_years_progress(&it->k, &it->t, y, &p);
		fprintf(r->f, "<tr><td>%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
			"<td class=\"n\">%s</td><td>%s</td></tr>\n",
			fiscal_year_format(y->year, fy, sizeof fy),
			kpi_years_cell(y->has_plan, y->plan, y->plan_decimals, a, sizeof a),
			kpi_years_cell(y->has_actual, y->actual, y->actual_decimals, b, sizeof b),
			kpi_years_ratio(&p, c, sizeof c), progress_status_name(p.status));
	}
	fputs("</table>\n", r->f);
	if (has_values(it))
		html_chart(r, it);
	fprintf(r->f, _("<p>latest actual: %s · progress (%s): %s, %s · rank: <strong>"),
		latest_text(&row->st, a, sizeof a), fiscal_year_brief(it->year, fy, sizeof fy),
		kpi_years_ratio(&row->st.progress, b, sizeof b),
		progress_status_name(row->st.progress.status));
	html_text(r->f, rank_text(it, text, sizeof text));
	fputs("</strong></p>\n", r->f);
	if (it->e.present && *it->e.reason) {
		fputs(_("<p>reason: "), r->f);
		html_text(r->f, it->e.reason);
		fputs("</p>\n", r->f);
	}
	fputs(_("<p>assessment: "), r->f);
	html_text(r->f, choice_text(it->e.assessment, it->e.assessment_label, text, sizeof text));
	fputs(_(" · policy: "), r->f);
	html_text(r->f, choice_text(it->e.policy, it->e.policy_label, text, sizeof text));
	if (!r->has_meeting && it->e.present) {
		fputs(_(" · evaluated at: "), r->f);
		html_text(r->f, it->meeting_title);
	}
	fputs("</p>\n", r->f);
	html_list(r->f, _("comments"), it->remarks.comments);
	html_list(r->f, _("action items"), it->remarks.actions);
	fputs("</section>\n", r->f);
}

/* --- CSV ----------------------------------------------------------------- */

/* The report is for people, not for an import: its header and words
 * are in the interface's language (the exports an import reads keep
 * their English headers: csv_export.c). The years' columns are marked,
 * for a workbook. */
static const struct {
	const char *name;
	enum csv_cell what;
} csv_header[] = {
	/* TRANSLATORS: the columns of the CSV report (export report
	 * --format csv), one word each as a spreadsheet's header */
	{ N_("meeting"), CSV_TEXT }, { N_("held_on"), CSV_TEXT },
	{ N_("fiscal_year"), CSV_YEAR }, { N_("code"), CSV_TEXT }, { N_("name"), CSV_TEXT },
	{ N_("group"), CSV_TEXT }, { N_("field"), CSV_TEXT }, { N_("baseline"), CSV_TEXT },
	{ N_("target"), CSV_TEXT }, { N_("values"), CSV_TEXT }, { N_("latest_year"), CSV_YEAR },
	{ N_("latest_actual"), CSV_TEXT }, { N_("progress"), CSV_TEXT },
	{ N_("status"), CSV_TEXT }, { N_("proposed_rank"), CSV_TEXT }, { N_("rank"), CSV_TEXT },
	{ N_("reason"), CSV_TEXT }, { N_("assessment"), CSV_TEXT }, { N_("policy"), CSV_TEXT },
	{ N_("comments"), CSV_TEXT }, { N_("action_items"), CSV_TEXT },
};

static void csv_item(struct report *r, const struct item *it)
{
	const struct review_row *row = it->row;
	char buf[512], values[4096] = "", fy[32], a[64], b[64];
	size_t used = 0;
	int i;

	csv_put_cell(&r->csv, r->has_meeting ? r->m.title : it->meeting_title);
	csv_put_number(&r->csv, r->has_meeting ? r->m.held_on : "", CSV_DATE);
	snprintf(buf, sizeof buf, "%d", it->year);
	csv_put_number(&r->csv, buf, CSV_YEAR);
	csv_put_cell(&r->csv, row->code);
	csv_put_cell(&r->csv, row->name);
	csv_put_cell(&r->csv, row->group);
	csv_put_cell(&r->csv, row->field);
	csv_put_cell(&r->csv, row->baseline);
	csv_put_cell(&r->csv, row->target);
	for (i = 0; i < it->t.n && used < sizeof values - 1; i++) {
		const struct kpi_year *y = &it->t.rows[i];

		if (!y->has_plan && !y->has_actual)
			continue;
		if (used)
			used += (size_t)snprintf(values + used, sizeof values - used, "; ");
		if (used >= sizeof values)
			break;
		/* TRANSLATORS: a year's values in the CSV report: "R6 plan
		 * - actual 28" (the year, the plan, the actual) */
		used += (size_t)snprintf(values + used, sizeof values - used, _("%s plan %s actual %s"),
					 fiscal_year_brief(y->year, fy, sizeof fy),
					 kpi_years_cell(y->has_plan, y->plan, y->plan_decimals, a, sizeof a),
					 kpi_years_cell(y->has_actual, y->actual, y->actual_decimals, b, sizeof b));
	}
	csv_put_cell(&r->csv, values);
	if (row->st.latest_year) {
		snprintf(buf, sizeof buf, "%d", row->st.latest_year);
		csv_put_number(&r->csv, buf, CSV_YEAR);
		csv_put_number(&r->csv, number_format_places(row->st.latest_actual,
							 row->st.latest_decimals, 0, buf, sizeof buf),
			       CSV_QUANTITY);
	} else {
		csv_put_cell(&r->csv, "");
		csv_put_cell(&r->csv, "");
	}
	if (row->st.progress.has_ratio)
		snprintf(buf, sizeof buf, "%.0f%%", floor(row->st.progress.ratio * 100 + 0.5));
	else
		buf[0] = '\0';
	csv_put_number(&r->csv, buf, CSV_PERCENT);
	csv_put_cell(&r->csv, progress_status_name(row->st.progress.status));
	csv_put_cell(&r->csv, it->proposed ? it->proposed->code : "");
	csv_put_cell(&r->csv, it->e.present ? it->e.rank : "");
	csv_put_cell(&r->csv, it->e.present ? it->e.reason : "");
	csv_put_cell(&r->csv, *it->e.assessment ? choice_text(it->e.assessment,
					it->e.assessment_label, buf, sizeof buf) : "");
	csv_put_cell(&r->csv, *it->e.policy ? choice_text(it->e.policy, it->e.policy_label,
							 buf, sizeof buf) : "");
	csv_put_cell(&r->csv, it->remarks.comments ? it->remarks.comments : "");
	csv_put_cell(&r->csv, it->remarks.actions ? it->remarks.actions : "");
	csv_end_row(&r->csv);
}

/* The header row, in the interface's language. */
static void csv_header_row(struct csv_writer *w)
{
	size_t i;

	for (i = 0; i < sizeof csv_header / sizeof csv_header[0]; i++)
		if (csv_header[i].what == CSV_TEXT)
			csv_put_cell(w, _(csv_header[i].name));
		else
			csv_put_number(w, _(csv_header[i].name), csv_header[i].what);
	csv_end_row(w);
}

/* --- the workbook ---------------------------------------------------------- */

/* A label and its value, as a row of the summary sheet. */
static void xlsx_pair(struct csv_writer *w, const char *label, const char *value,
		      enum csv_cell what)
{
	csv_put_cell(w, label);
	csv_put_number(w, value, what);
	csv_end_row(w);
}

static void xlsx_count(struct csv_writer *w, int n)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%d", n);
	csv_put_number(w, buf, CSV_WHOLE);
}

/* The summary: what the report covers, the ranks, the statuses. */
static void xlsx_summary(struct report *r, struct csv_writer *w)
{
	char fy[32], n[32];
	int i;

	csv_put_cell(w, title_of(r));
	csv_end_row(w);
	if (r->has_meeting) {
		xlsx_pair(w, _("held on"), r->m.held_on, CSV_DATE);
		xlsx_pair(w, _("agenda"), r->m.agenda, CSV_TEXT);
	} else {
		snprintf(n, sizeof n, "%d", r->list.n);
		xlsx_pair(w, _("KPIs (each with its latest evaluation)"), n, CSV_WHOLE);
	}
	/* 令和7年度 and the Gregorian year, as the sheets' years are */
	csv_put_cell(w, _("fiscal year"));
	if (r->year) {
		csv_put_cell(w, fiscal_year_japanese(r->year, fy, sizeof fy));
		snprintf(n, sizeof n, "%d", r->year);
		csv_put_number(w, n, CSV_WHOLE);
	} else {
		csv_put_cell(w, _("each KPI at its latest actual"));
	}
	csv_end_row(w);
	csv_end_row(w);
	xlsx_sheet_header(r->sheet);
	csv_put_cell(w, _("rank"));
	csv_put_cell(w, _("meaning"));
	csv_put_cell(w, _("agreed"));
	csv_put_cell(w, _("proposed, not yet agreed"));
	csv_end_row(w);
	for (i = 0; i < r->scheme.n; i++) {
		csv_put_cell(w, r->scheme.ranks[i].code);
		csv_put_cell(w, r->scheme.ranks[i].label);
		xlsx_count(w, r->rank_count[i][0]);
		xlsx_count(w, r->rank_count[i][1]);
		csv_end_row(w);
	}
	csv_put_cell(w, "-");
	csv_put_cell(w, _("no rank"));
	xlsx_count(w, r->unranked);
	csv_end_row(w);
	csv_end_row(w);
	xlsx_sheet_header(r->sheet);
	csv_put_cell(w, _("status"));
	csv_put_cell(w, _("KPIs"));
	csv_end_row(w);
	for (i = 0; i < STATUS_COUNT; i++) {
		csv_put_cell(w, progress_status_name(progress_status_order[i]));
		xlsx_count(w, r->status_count[progress_status_order[i]]);
		csv_end_row(w);
	}
}

/* A chart's block takes at least this many rows: the chart's height. */
#define CHART_ROWS 16

static void xlsx_value(struct csv_writer *w, int present, double v, int decimals)
{
	char buf[64];

	if (present)
		csv_put_number(w, number_format_places(v, decimals, 0, buf, sizeof buf), CSV_QUANTITY);
	else
		csv_put_cell(w, "");
}

/* An item's years (fiscal year, its Gregorian year, plan, actual,
 * target) under its name, and beside them a native chart of them: plan
 * and actual per year, marked at each year, the target as a dashed line.
 * A line chart: libxlsxwriter cannot combine columns with a line in one
 * chart; officials turn plan and actual into columns in Excel (change
 * series chart type) if they like. */
static void xlsx_chart(struct report *r, struct xlsx_sheet *sh, const struct item *it,
		       const char *sheet_name)
{
	struct csv_writer *w = &r->chart_csv;
	lxw_row_t top = xlsx_sheet_next_row(sh), first, last;
	const struct kpi *k = &it->k;
	/* plan orange, actual blue, target green, as in the HTML report */
	static const lxw_color_t colours[] = { 0xD07000, 0x2F6DB5, 0x2A8A2A };
	const char *names[] = { _("plan"), _("actual"), _("target") };
	lxw_chart_series *series;
	lxw_chart *chart;
	char year[16], title[600];
	int i;

	snprintf(title, sizeof title, "%s %s", it->row->code, it->row->name);
	csv_put_cell(w, title);
	csv_end_row(w);
	xlsx_sheet_header(sh);
	csv_put_number(w, _("FY"), CSV_YEAR);
	csv_put_cell(w, _("plan"));
	csv_put_cell(w, _("actual"));
	if (k->target.present)
		csv_put_cell(w, _("target"));
	csv_end_row(w);
	first = xlsx_sheet_next_row(sh);
	for (i = 0; i < it->t.n; i++) {
		const struct kpi_year *y = &it->t.rows[i];

		snprintf(year, sizeof year, "%d", y->year);
		csv_put_number(w, year, CSV_YEAR);
		xlsx_value(w, y->has_plan, y->plan, y->plan_decimals);
		xlsx_value(w, y->has_actual, y->actual, y->actual_decimals);
		if (k->target.present)
			xlsx_value(w, 1, k->target.value, k->target.decimals);
		csv_end_row(w);
	}
	last = xlsx_sheet_next_row(sh) - 1;
	while (xlsx_sheet_next_row(sh) < top + CHART_ROWS)
		csv_end_row(w);
	chart = workbook_add_chart(r->book, LXW_CHART_LINE);
	if (!chart)
		return;
	chart_title_set_name(chart, title);
	/* columns: A 令和7年度, B 2025, C plan, D actual, E target */
	for (i = 0; i < 2 + k->target.present; i++) {
		lxw_chart_line style = { .color = colours[i], .width = 2.25,
					 .dash_type = i == 1 ? LXW_CHART_LINE_DASH_SOLID
							     : LXW_CHART_LINE_DASH_DASH };

		series = chart_add_series(chart, NULL, NULL);
		chart_series_set_categories(series, sheet_name, first, 0, last, 0);
		chart_series_set_values(series, sheet_name, first, 2 + i, last, 2 + i);
		chart_series_set_name(series, names[i]);
		chart_series_set_line(series, &style);
		chart_series_set_marker_type(series, i < 2 ? LXW_CHART_MARKER_CIRCLE
							   : LXW_CHART_MARKER_NONE);
	}
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	worksheet_insert_chart(xlsx_sheet_worksheet(sh), top, 6, chart);
}

/* The workbook: the summary, then the CSV report's rows (one a KPI),
 * then the charts. The sheets are written side by side, each in order. */
static int report_book(void *ctx, lxw_workbook *book, const char *path, struct error *err)
{
	struct report *r = ctx;
	const char *chart_sheet = _("charts");
	struct xlsx_sheet *summary = xlsx_sheet_new(book, _("summary"), XLSX_PLAIN);
	struct xlsx_sheet *kpis = xlsx_sheet_new(book, "KPI", XLSX_TABLE);
	struct xlsx_sheet *charts = xlsx_sheet_new(book, chart_sheet, XLSX_PLAIN);
	struct csv_writer w = { 0 };
	struct error unused;
	int i, rc = 0, drawn = 0;

	if (!summary || !kpis || !charts)
		rc = error_set(err, _("out of memory"));
	r->book = book;
	if (rc == 0) {
		r->sheet = summary;
		w.sink = xlsx_sheet_sink(summary);
		xlsx_summary(r, &w);
		r->csv.sink = xlsx_sheet_sink(kpis);
		r->chart_csv.sink = xlsx_sheet_sink(charts);
		csv_header_row(&r->csv);
	}
	for (i = 0; rc == 0 && i < r->list.n; i++) {
		struct item it;

		rc = item_load(r, &r->list.rows[i], &it, err);
		if (rc < 0)
			break;
		csv_item(r, &it);
		if (has_values(&it) && drawn < REPORT_XLSX_CHARTS) {
			xlsx_chart(r, charts, &it, chart_sheet);
			drawn++;
		}
		item_free(&it);
		tick(r, i + 1, r->list.n);
	}
	if (summary && xlsx_sheet_end(summary, path, rc == 0 ? err : &unused) < 0)
		rc = -1;
	if (kpis && xlsx_sheet_end(kpis, path, rc == 0 ? err : &unused) < 0)
		rc = -1;
	if (charts && xlsx_sheet_end(charts, path, rc == 0 ? err : &unused) < 0)
		rc = -1;
	return rc;
}

/* --- the report ---------------------------------------------------------- */

static void keep_attendee(void *ctx, const struct attendee *a)
{
	struct report *r = ctx;

	xgrow(&r->attendees, (size_t)r->nattendees, sizeof *r->attendees);
	r->attendees[r->nattendees].name = xstrdup(a->name);
	r->attendees[r->nattendees++].role = xstrdup(a->role);
}

/* What every format needs: the meeting, the year, the rank scheme, the
 * items and their counts, all read in one snapshot of the database (one
 * read transaction, not a lock taken for each query), which report_end
 * ends. */
static int report_begin(struct report *r, struct error *err)
{
	const struct report_options *o = r->o;
	int rc;

	r->snapshot = store_read_begin(r->s, err);
	if (r->snapshot < 0)
		return -1;
	if (o->meeting_id) {
		if (meeting_get(r->s, o->meeting_id, &r->m, err) < 0 ||
		    meeting_attendees(r->s, o->meeting_id, keep_attendee, r, err) < 0)
			return -1;
		r->has_meeting = 1;
	}
	if (meeting_organisation(r->s, r->organisation, sizeof r->organisation, err) < 0)
		return -1;
	/* a meeting's year, or the one asked for; else each KPI is judged
	 * at its latest year with an actual, as the dashboard judges it
	 * (0 here: review.h) */
	r->year = o->year ? o->year : r->has_meeting ? r->m.year : 0;
	if (review_scheme_load(r->s, &r->scheme, err) < 0)
		return -1;
	rc = load_items(r, err);
	if (rc == 0)
		rc = count(r, err);
	return rc;
}

static void report_end(struct report *r)
{
	int i;

	for (i = 0; i < r->nattendees; i++) {
		free(r->attendees[i].name);
		free(r->attendees[i].role);
	}
	free(r->attendees);
	review_list_free(&r->list);
	store_read_end(r->s, r->snapshot);
}

static int report_xlsx(struct store *s, const struct report_options *o, FILE *out,
		       const char *path, const struct outfile_rules *rules, struct error *err)
{
	struct report r = { .s = s, .o = o };
	int rc = report_begin(&r, err);

	if (rc == 0)
		rc = path ? xlsx_book_file(path, rules, report_book, &r, err)
			  : xlsx_book_stream(out, report_book, &r, err);
	report_end(&r);
	return rc;
}

static int report_text(struct store *s, const struct report_options *o, FILE *out,
		       struct error *err)
{
	struct report r = { .s = s, .o = o, .f = out, .csv = { out, o->excel, 0, NULL, csv_for_terminal(out) } };
	int i, rc = report_begin(&r, err);

	if (rc == 0) {
		if (o->format == REPORT_MD) {
			md_summary(&r);
		} else if (o->format == REPORT_HTML) {
			html_summary(&r);
		} else {
			if (o->excel)
				fputs("\xEF\xBB\xBF", out);
			csv_header_row(&r.csv);
		}
	}
	for (i = 0; rc == 0 && i < r.list.n; i++) {
		struct item it;

		rc = item_load(&r, &r.list.rows[i], &it, err);
		if (rc < 0)
			break;
		if (o->format == REPORT_MD)
			md_item(&r, &it, i);
		else if (o->format == REPORT_HTML)
			html_item(&r, &it, i);
		else
			csv_item(&r, &it);
		item_free(&it);
		tick(&r, i + 1, r.list.n);
	}
	if (rc == 0 && o->format == REPORT_HTML)
		fputs("</body>\n</html>\n", out);
	report_end(&r);
	if (rc == 0 && (fflush(out) != 0 || ferror(out)))
		rc = error_of(err, ERROR_IO, _("cannot write: %s"), strerror(errno));
	return rc;
}

int report_write(struct store *s, const struct report_options *o, FILE *out, struct error *err)
{
	if (o->format == REPORT_XLSX)
		return report_xlsx(s, o, out, NULL, NULL, err);
	return report_text(s, o, out, err);
}

struct report_job {
	struct store *s;
	const struct report_options *o;
};

static int write_report(void *ctx, FILE *f, struct error *err)
{
	struct report_job *job = ctx;

	return report_write(job->s, job->o, f, err);
}

int report_write_file(struct store *s, const struct report_options *o, const char *path,
		      const struct outfile_rules *rules, struct error *err)
{
	struct report_job job = { s, o };

	if (o->format == REPORT_XLSX)
		return report_xlsx(s, o, NULL, path, rules, err);
	return outfile_write(path, rules, write_report, &job, err);
}
