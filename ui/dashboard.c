/* dashboard.c: the KPIs of a tree in one table. The counts above it are
 * of every KPI listed (the CSV report counts the same way); the table
 * shows those the filter lets through, in the chosen order. */
#include "dashboard.h"
#include "alloc.h"
#include "i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "draw.h"
#include "fiscal_year.h"
#include "input.h"
#include "keymap.h"
#include "kpi_years.h"
#include "number.h"
#include "verification.h"
#include "width.h"

enum sort { SORT_CODE, SORT_STATUS, SORT_PROGRESS, SORT_FIELD, SORTS };

static const char *const sort_names[SORTS] = {
	N_("code"), N_("status"), N_("progress"), N_("field"),
};

enum filter_kind { FILTER_NONE, FILTER_STATUS, FILTER_FIELD, FILTER_GROUP };

struct dashboard {
	struct review_list list;
	int *shown;		/* indexes into list, filtered and sorted */
	int nshown;
	enum sort sort;
	enum filter_kind filter;
	enum status filter_status;
	char filter_text[256];	/* a field or a group */
	int cursor, top;
	const char *title;
	int year;
	char *code;		/* Enter: the KPI gone to */
	size_t size;
	int chosen;
	int verified;		/* the year has a 効果検証: its national summary */
	struct summary_row summary;
	/* what load reads: the KPIs of scope at year, from s */
	struct store *s;
	const struct review_scope *scope;
	char *message;		/* why it could not be read */
	size_t msize;
};

/* Distinct values of a column (group or field), in first-seen order. */
struct names {
	char name[256][300];
	int counts[256][STATUS_COUNT];
	int n;
};

/* Counts status under the name v (len bytes); status -1 only lists it. */
static void count_name(struct names *out, const char *v, size_t len, int status)
{
	int k;

	if (!len)
		return;
	for (k = 0; k < out->n && (strncmp(out->name[k], v, len) != 0 || out->name[k][len]); k++)
		;
	if (k == out->n) {
		if (out->n == 256)
			return;
		snprintf(out->name[out->n], sizeof out->name[0], "%.*s", (int)len, v);
		memset(out->counts[out->n], 0, sizeof out->counts[0]);
		out->n++;
	}
	if (status >= 0)
		out->counts[k][status]++;
}

/* By field, or by project: a KPI counts under every project it stands
 * in, re-listings' too. The projects come in the order of the KPIs'
 * homes, then those that hold only re-listings. */
static void count_by(const struct review_list *l, int field, struct names *out)
{
	int i;

	out->n = 0;
	for (i = 0; !field && i < l->n; i++)
		count_name(out, l->rows[i].group, strlen(l->rows[i].group), -1);
	for (i = 0; i < l->n; i++) {
		const struct review_row *r = &l->rows[i];
		const char *p = field ? r->field : r->groups, *end;

		for (; p && *p; p = *end ? end + 1 : end) {
			end = field ? p + strlen(p) : p + strcspn(p, "\n");
			count_name(out, p, (size_t)(end - p), r->st.progress.status);
		}
	}
}

/* Worst first: behind, on track, achieved, then actual only, no data. */
static int status_rank(enum status s)
{
	switch (s) {
	case STATUS_BEHIND: return 0;
	case STATUS_ON_TRACK: return 1;
	case STATUS_ACHIEVED: return 2;
	case STATUS_ACTUAL_ONLY: return 3;
	default: return 4;
	}
}

static const struct dashboard *sorting;

static int compare(const void *a, const void *b)
{
	const struct review_row *x = &sorting->list.rows[*(const int *)a];
	const struct review_row *y = &sorting->list.rows[*(const int *)b];
	int ia = *(const int *)a, ib = *(const int *)b, d = 0;

	switch (sorting->sort) {
	case SORT_STATUS:
		d = status_rank(x->st.progress.status) - status_rank(y->st.progress.status);
		break;
	case SORT_PROGRESS:
		if (x->st.progress.has_ratio != y->st.progress.has_ratio)
			d = x->st.progress.has_ratio ? -1 : 1;
		else if (x->st.progress.has_ratio && x->st.progress.ratio != y->st.progress.ratio)
			d = x->st.progress.ratio < y->st.progress.ratio ? -1 : 1;
		break;
	case SORT_FIELD:
		d = (!*x->field) - (!*y->field);
		if (!d)
			d = strcmp(x->field, y->field);
		break;
	default:
		break;
	}
	/* the list comes in code order: the index keeps it */
	return d ? d : ia - ib;
}

static int passes(const struct dashboard *d, const struct review_row *r)
{
	switch (d->filter) {
	case FILTER_STATUS: return r->st.progress.status == d->filter_status;
	case FILTER_FIELD: return strcmp(r->field, d->filter_text) == 0;
	case FILTER_GROUP: return review_row_in_group(r, d->filter_text);
	default: return 1;
	}
}

static void arrange(struct dashboard *d)
{
	int i;

	d->nshown = 0;
	for (i = 0; i < d->list.n; i++)
		if (passes(d, &d->list.rows[i]))
			d->shown[d->nshown++] = i;
	sorting = d;
	qsort(d->shown, (size_t)d->nshown, sizeof *d->shown, compare);
	sorting = NULL;
	if (d->cursor >= d->nshown)
		d->cursor = d->nshown ? d->nshown - 1 : 0;
}

static char *filter_text(const struct dashboard *d, char *buf, size_t size)
{
	switch (d->filter) {
	case FILTER_STATUS:
		snprintf(buf, size, "%s", progress_status_name(d->filter_status));
		break;
	case FILTER_FIELD:
	case FILTER_GROUP:
		snprintf(buf, size, "%s", d->filter_text);
		break;
	default:
		snprintf(buf, size, "%s", _("all"));
	}
	return buf;
}

/* Lines of counts: one per name, the marks at the right. */
static int draw_counts(const char *heading, const struct names *n, int y, int max, int w)
{
	int i, row = y;

	if (!n->n || max <= 1)
		return 0;
	put(row++, 0, w, heading, A_BOLD);
	for (i = 0; i < n->n && row < y + max; i++) {
		char marks[64], line[TEXT_MAX];
		int mw;

		if (row == y + max - 1 && i < n->n - 1) {
			snprintf(line, sizeof line, _("  … %d more"), n->n - i);
			put(row++, 0, w, line, 0);
			break;
		}
		draw_marks(n->counts[i], marks, sizeof marks);
		mw = width_of(marks);
		snprintf(line, sizeof line, "  %s", n->name[i]);
		put(row, 0, w - mw - 1, line, 0);
		put(row, w - mw - 1, mw + 1, marks, 0);
		row++;
	}
	return row - y;
}

/* The latest actual as written, with its year as the interface writes
 * it: 12.50人 (R7), 12.50人 (令和7年度); "-" without one. Returns buf. */
static char *latest_text(const struct review_row *r, char *buf, size_t size)
{
	char v[64], fy[32];

	if (!r->st.latest_year)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%s%s (%s)",
			 number_format_places(r->st.latest_actual, r->st.latest_decimals, 0, v,
					      sizeof v), r->unit,
			 fiscal_year_brief(r->st.latest_year, fy, sizeof fy));
	return buf;
}

/* The latest column: as wide as its widest text on the screen, 12 to
 * 20 columns (what it takes beyond 12 comes out of the name, then the
 * amounts: see draw_dashboard). */
static int latest_width(const struct dashboard *d)
{
	char text[300];
	int i, lw = 12;

	for (i = 0; i < d->nshown; i++) {
		int tw = width_of(latest_text(&d->list.rows[d->shown[i]], text, sizeof text));

		if (tw > lw)
			lw = tw > 20 ? 20 : tw;
	}
	return lw;
}

static void draw_dashboard(struct dashboard *d)
{
	int w = COLS, h = LINES, row = 0, i, budget, rows, status_w;
	int counts[STATUS_COUNT] = { 0 };
	size_t used;
	int name_w, amount_w = w >= 100 ? 30 : 20, latest_w = latest_width(d);
	struct names groups, fields;
	char line[TEXT_MAX * 3], fy[32], f[256];

	erase();
	for (i = 0; i < d->list.n; i++)
		counts[d->list.rows[i].st.progress.status]++;
	if (d->year)
		snprintf(line, sizeof line, _("Dashboard  %s  FY %s  %d KPIs"), d->title,
			 fiscal_year_format(d->year, fy, sizeof fy), d->list.n);
	else
		snprintf(line, sizeof line, _("Dashboard  %s  each KPI at its latest actual  %d KPIs"),
			 d->title, d->list.n);
	put(row++, 0, w, line, A_BOLD);
	line[0] = '\0';
	for (i = 0, used = 0; i < STATUS_COUNT && used < sizeof line; i++) {
		enum status s = progress_status_order[i];

		used += (size_t)snprintf(line + used, sizeof line - used, "%s%s %s %d",
					 i ? "  " : "", draw_status_symbol(s),
					 progress_status_name(s), counts[s]);
	}
	put(row++, 0, w, line, 0);
	if (d->verified) {
		char a[16], b[16];

		snprintf(line, sizeof line, _("効果検証: projects with a KPI met %d/%d (%s), KPIs met"
			 " %d/%d (%s)"), d->summary.projects_met, d->summary.projects,
			 verification_share(d->summary.projects_met, d->summary.projects, a,
					    sizeof a),
			 d->summary.kpis_met, d->summary.kpis,
			 verification_share(d->summary.kpis_met, d->summary.kpis, b, sizeof b));
		put(row++, 0, w, line, 0);
	}
	count_by(&d->list, 0, &groups);
	count_by(&d->list, 1, &fields);
	/* the counts take at most half of what the table leaves */
	budget = (h - 6) / 2;
	if (budget > 0) {
		int g = groups.n + 1, fl = fields.n ? fields.n + 1 : 0;

		if (g + fl > budget) {
			g = fl ? budget / 2 : budget;
			fl = budget - g;
		}
		row += draw_counts(_("by project"), &groups, row, g, w);
		row += draw_counts(_("by 主要分野"), &fields, row, fl, w);
	}
	/* the status column: a symbol and the widest status word, which
	 * may be Japanese (データなし) */
	status_w = 0;
	for (i = 0; i < STATUS_COUNT; i++)
		if (width_of(progress_status_name((enum status)i)) > status_w)
			status_w = width_of(progress_status_name((enum status)i));
	status_w += 2;
	/* code, name, amounts, latest, progress, status, a space between */
	name_w = w - (6 + 1) - 1 - (amount_w + 1) - (latest_w + 1) - (5 + 1) - status_w;
	/* a wide latest column narrows the name down to 14, then the
	 * amounts down to 14: the target matters more than the name's end */
	if (name_w < 14 && amount_w > 14) {
		int take = 14 - name_w < amount_w - 14 ? 14 - name_w : amount_w - 14;

		amount_w -= take;
		name_w += take;
	}
	if (name_w < 8)
		name_w = 8;
	{
		char code[64], name[256], amounts[256], latest[64], prog[32];

		/* padded by display width: the headings may be Japanese */
		width_cut(_("code"), 6, 1, code, sizeof code);
		width_cut(_("name"), name_w, 1, name, sizeof name);
		width_cut(_("baseline → target"), amount_w, 1, amounts, sizeof amounts);
		width_cut(_("latest"), latest_w, 1, latest, sizeof latest);
		width_cut(_("prog"), 5, 1, prog, sizeof prog);
		snprintf(line, sizeof line, "%s %s %s %s %s %s", code, name, amounts, latest, prog,
			 _("status"));
		put(row++, 0, w, line, A_UNDERLINE);
	}
	rows = h - 1 - row;
	if (d->cursor < d->top)
		d->top = d->cursor;
	if (rows > 0 && d->cursor >= d->top + rows)
		d->top = d->cursor - rows + 1;
	for (i = 0; i < rows && d->top + i < d->nshown; i++) {
		const struct review_row *r = &d->list.rows[d->shown[d->top + i]];
		char name[512], amounts[512], both[300], latest[300], ratio[16];
		const char *status = progress_status_name(r->st.progress.status);
		attr_t attr = d->top + i == d->cursor ? A_REVERSE : 0;

		width_cut(r->name, name_w, 1, name, sizeof name);
		snprintf(both, sizeof both, "%s → %s", r->baseline, r->target);
		/* the target before the years: at 80 columns both rarely fit */
		if (width_of(both) > amount_w)
			snprintf(both, sizeof both, "%s → %s", r->baseline_value, r->target_value);
		width_cut(both, amount_w, 1, amounts, sizeof amounts);
		/* padded by display width: the unit may be Japanese (人) */
		width_cut(latest_text(r, both, sizeof both), latest_w, 1, latest, sizeof latest);
		snprintf(line, sizeof line, "%-6s %s %s %s %5s %s %s", r->code, name, amounts,
			 latest, kpi_years_ratio(&r->st.progress, ratio, sizeof ratio),
			 draw_status_symbol(r->st.progress.status), status);
		put(row + i, 0, w, line, attr);
		if (draw_colors() && width_of(line) <= w)
			put(row + i, width_of(line) - width_of(status), width_of(status), status,
			    draw_status_attr(r->st.progress.status) | attr);
	}
	if (!d->nshown)
		put(row, 0, w, _("no KPI passes the filter (f: filter)"), 0);
	snprintf(line, sizeof line, _(" %d/%d  j k move  Enter go to KPI  s sort: %s  f filter: %s"
		 "  q back"), d->nshown ? d->cursor + 1 : 0, d->nshown, _(sort_names[d->sort]),
		 filter_text(d, f, sizeof f));
	put(h - 1, 0, w, line, A_REVERSE);
}

/* f: all, a status, a field or a project. */
static void choose_filter(struct dashboard *d)
{
	const enum status *statuses = progress_status_order;
	struct names groups, fields;
	const char *options[1 + STATUS_COUNT + 512];
	char text[1 + STATUS_COUNT + 512][300];
	int n = 0, i, pick;

	count_by(&d->list, 0, &groups);
	count_by(&d->list, 1, &fields);
	snprintf(text[n], sizeof text[0], "%s", _("all"));
	options[n] = text[n];
	n++;
	for (i = 0; i < STATUS_COUNT; i++, n++) {
		snprintf(text[n], sizeof text[0], _("status: %s"), progress_status_name(statuses[i]));
		options[n] = text[n];
	}
	for (i = 0; i < fields.n; i++, n++) {
		snprintf(text[n], sizeof text[0], _("主要分野: %s"), fields.name[i]);
		options[n] = text[n];
	}
	for (i = 0; i < groups.n; i++, n++) {
		snprintf(text[n], sizeof text[0], _("project: %s"), groups.name[i]);
		options[n] = text[n];
	}
	pick = dialog_choose(_("filter"), options, n, 0);
	if (pick < 0)
		return;
	if (pick == 0) {
		d->filter = FILTER_NONE;
	} else if (pick <= STATUS_COUNT) {
		d->filter = FILTER_STATUS;
		d->filter_status = statuses[pick - 1];
	} else if (pick <= STATUS_COUNT + fields.n) {
		d->filter = FILTER_FIELD;
		snprintf(d->filter_text, sizeof d->filter_text, "%s",
			 fields.name[pick - 1 - STATUS_COUNT]);
	} else {
		d->filter = FILTER_GROUP;
		snprintf(d->filter_text, sizeof d->filter_text, "%s",
			 groups.name[pick - 1 - STATUS_COUNT - fields.n]);
	}
	d->cursor = d->top = 0;
	arrange(d);
}

enum { D_MOVE = 1, D_SORT, D_FILTER, D_GO, D_BACK };

static const struct view_key dashboard_keys[] = {
	{ "j ↓ k ↑", N_("the next or previous KPI"), D_MOVE },
	{ "PgDn PgUp", N_("a page down or up"), D_MOVE },
	{ "g G Home End", N_("the first or last KPI"), D_MOVE },
	{ "s", N_("sort: by code, status, progress or field"), D_SORT },
	{ "f", N_("filter: all, a status, a field or a project"), D_FILTER },
	{ "Enter", N_("go to the KPI in the tree"), D_GO },
	{ "?", N_("this help"), 0 },
	{ "q Esc d", N_("back to the tree"), D_BACK },
	{ NULL, NULL, 0 },
};

/* Reads the KPIs and, for the year (or the latest verified), the
 * national summary of its 効果検証: all the dashboard shows. */
static int view_load(struct view *v)
{
	struct dashboard *d = v->data;
	struct verification ver;
	struct vproject_list projects;
	struct summary sum;
	struct error err;
	int verified;

	if (review_list_load(d->s, d->scope, d->year, &d->list, &err) < 0) {
		snprintf(d->message, d->msize, "%s", err.text);
		return -1;
	}
	/* no year chosen: the latest year verified */
	verified = d->year ? d->year : verification_latest(d->s, &err);
	if (verified > 0 && verification_get(d->s, verified, &ver, &err) == 0 &&
	    verification_projects(d->s, verified, &projects, &err) == 0) {
		verification_summary(&projects, verified, &sum);
		d->summary = sum.rows[sum.n - 1];
		d->verified = 1;
		verification_projects_free(&projects);
	}
	d->shown = xcalloc((size_t)d->list.n, sizeof *d->shown);
	arrange(d);
	return 0;
}

static void view_draw(struct view *v)
{
	draw_dashboard(v->data);
}

static int view_key(struct view *v, const struct key *k)
{
	struct dashboard *d = v->data;
	int page = LINES - 8 > 1 ? LINES - 8 : 1;

	switch (view_key_command(dashboard_keys, k)) {
	case D_BACK:
		return VIEW_HANDLED | VIEW_CLOSE;
	case D_GO:
		if (!d->nshown)
			return VIEW_HANDLED;
		snprintf(d->code, d->size, "%s", d->list.rows[d->shown[d->cursor]].code);
		d->chosen = 1;
		return VIEW_HANDLED | VIEW_CLOSE;
	case D_SORT:
		d->sort = (d->sort + 1) % SORTS;
		arrange(d);
		return VIEW_HANDLED;
	case D_FILTER:
		choose_filter(d);
		return VIEW_HANDLED;
	case D_MOVE:
		break;
	default:
		return VIEW_UNHANDLED;
	}
	switch (keymap_action(k)) {
	case ACT_MOVE_DOWN: d->cursor++; break;
	case ACT_MOVE_UP: d->cursor--; break;
	case ACT_PAGE_DOWN: d->cursor += page; break;
	case ACT_PAGE_UP: d->cursor -= page; break;
	case ACT_TOP: d->cursor = 0; break;
	case ACT_BOTTOM: d->cursor = d->nshown - 1; break;
	default: return VIEW_UNHANDLED;
	}
	if (d->cursor >= d->nshown)
		d->cursor = d->nshown - 1;
	if (d->cursor < 0)
		d->cursor = 0;
	return VIEW_HANDLED;
}

static const struct view_ops dashboard_ops = {
	.name = N_("dashboard"), .keys = dashboard_keys, .load = view_load, .draw = view_draw,
	.key = view_key,
	.full_screen = 1,
};

int dashboard_run(struct store *s, const struct review_scope *scope, const char *title,
		  int year, char *code, size_t size, char *message, size_t msize)
{
	struct dashboard d = { .title = title, .year = year, .code = code, .size = size,
			       .s = s, .scope = scope, .message = message, .msize = msize };
	struct view v = { &dashboard_ops, &d };

	app_run(&v);	/* load reads it all first, or says why not */
	free(d.shown);
	review_list_free(&d.list);
	return d.chosen;
}
