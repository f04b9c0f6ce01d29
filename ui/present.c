/* present.c: one agenda item a screen: name, baseline → target, a chart
 * of plan and actual per fiscal year in block characters (ASCII on a
 * vt100 or under NO_COLOR), progress, status, the proposed rank and what
 * the room has recorded; Space and PgDn forward, PgUp back, a clock. */
#include "present.h"
#include "alloc.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "dialog.h"
#include "draw.h"
#include "fiscal_year.h"
#include "input.h"
#include "iso_time.h"
#include "kpi.h"
#include "kpi_years.h"
#include "meeting.h"
#include "number.h"
#include "official.h"
#include "review.h"
#include "text_view.h"
#include "width.h"

struct presentation {
	struct store *s;
	struct meeting m;
	char (*codes)[32];
	int n, i;
	const char *user;
	int read_only;
	struct session *session;	/* the official, whose role and scope bind */
	time_t opened;		/* the meeting's start, for its clock */
	struct rank_scheme scheme;
	char message[600];
	/* the item shown */
	struct kpi k;
	int loaded;
	struct kpi_years t;
	struct standing st;
	const struct rank *proposed;
	struct evaluation e;
	struct text_lines comments, actions;
	long long *open;		/* open action items shown, by id */
	int nopen;
};

/* This meeting's comments and action items, and the action items of
 * earlier meetings still open. */
static void collect(void *ctx, const struct remark *r)
{
	struct presentation *p = ctx;
	char line[TEXT_MAX], due[64];

	if (r->meeting_id != p->m.id && (r->kind == REMARK_COMMENT || *r->done_at))
		return;
	if (r->kind == REMARK_ACTION && !*r->done_at) {
		xgrow(&p->open, (size_t)p->nopen, sizeof *p->open);
		p->open[p->nopen++] = r->id;
	}
	if (r->kind == REMARK_COMMENT) {
		snprintf(line, sizeof line, "・%s (%s)", r->text, r->entered_by);
		text_lines_add(&p->comments, "%s", line);
	} else {
		snprintf(line, sizeof line, "%s %s (%s, %s)", *r->done_at ? "[x]" : "[ ]", r->text,
			 r->owner, i18n_date(r->due, due, sizeof due));
		text_lines_add(&p->actions, "%s", line);
	}
}

static void unload(struct presentation *p)
{
	if (p->loaded)
		kpi_release(&p->k);
	p->loaded = 0;
	text_lines_free(&p->comments);
	text_lines_free(&p->actions);
	free(p->open);
	p->open = NULL;
	p->nopen = 0;
}

static int load(struct presentation *p, struct error *err)
{
	unload(p);
	if (kpi_find(p->s, p->codes[p->i], &p->k, err) < 0)
		return -1;
	p->loaded = 1;
	if (kpi_years_load(p->s, &p->k, p->m.year, &p->t, err) < 0 ||
	    meeting_evaluation(p->s, p->m.id, p->k.id, &p->e, err) < 0 ||
	    meeting_remarks(p->s, 0, p->k.id, 0, collect, p, err) < 0)
		return -1;
	review_standing(&p->k, &p->t, p->m.year, &p->st);
	p->proposed = review_propose(&p->scheme, &p->st);
	return 0;
}

/* One bar of the chart: label, blocks scaled to max, the value. */
static void bar_line(int y, int x, int w, const char *label, const char *block, int has,
		     double v, int decimals, double max, int bar_w)
{
	char bar[TEXT_MAX * 3], num[64], line[TEXT_MAX * 4];
	int len = has ? (int)(v / max * bar_w + 0.5) : 0, b;
	size_t used = 0;

	bar[0] = '\0';
	for (b = 0; b < len && used + 4 < sizeof bar; b++)
		used += (size_t)snprintf(bar + used, sizeof bar - used, "%s", block);
	snprintf(line, sizeof line, "%s %s%s%s", label, bar, len ? " " : "",
		 has ? number_format_places(v, decimals, 0, num, sizeof num) : "-");
	put(y, x, w, line, 0);
}

/* A bar's label: two columns, 10 and b_w wide by display width. */
static void chart_label(const char *a, const char *b, int b_w, char *buf, size_t size)
{
	char x[128], y[128];

	width_cut(a, 10, 1, x, sizeof x);
	width_cut(b, b_w, 1, y, sizeof y);
	snprintf(buf, size, "%s %s", x, y);
}

/* Bars of plan and actual per fiscal year, with the baseline above and
 * the target below them, scaled to the largest. Returns the rows drawn. */
static int draw_chart(const struct presentation *p, int y, int x, int w, int max_rows)
{
	const char *full = draw_ascii() ? "#" : "█", *light = draw_ascii() ? "=" : "░";
	const char *mark = draw_ascii() ? "-" : "▒";
	const struct kpi *k = &p->k;
	double max = kpi_years_scale(k, &p->t);
	int bounds = !k->is_project && k->baseline.present && k->target.present;
	char label[300], fy[32], base_fy[32], target_fy[32];
	/* the labels' second column: the words and the baseline's and
	 * target's years as wide as they are (令和6年度 takes 9), 6 at least */
	const char *second[] = { _("plan"), _("actual"),
		fiscal_year_brief(k->baseline.period.to, base_fy, sizeof base_fy),
		fiscal_year_brief(k->target.period.to, target_fy, sizeof target_fy) };
	int i, row = y, b_w = 6, bar_w, any_plan = 0, any = 0, years;

	for (i = 0; i < (bounds ? 4 : 2); i++)
		if (width_of(second[i]) > b_w)
			b_w = width_of(second[i]);
	bar_w = w - (10 + 1 + b_w + 1) - 6;
	if (bar_w > 120)
		bar_w = 120;
	for (i = 0; i < p->t.n; i++) {
		const struct kpi_year *r = &p->t.rows[i];

		any_plan |= r->has_plan;
		any |= r->has_plan || r->has_actual;
	}
	if (!any) {
		put(row++, x, w, _("no values yet"), 0);
		return 1;
	}
	if (bounds && max_rows >= 4) {
		chart_label(_("baseline"), second[2], b_w, label, sizeof label);
		bar_line(row++, x, w, label, mark, 1, k->baseline.value, k->baseline.decimals, max, bar_w);
		max_rows -= 2;
	} else {
		bounds = 0;
	}
	/* the latest years first when the rows do not all fit */
	years = 0;
	for (i = p->t.n - 1; i >= 0 && (years + 1) * (any_plan ? 2 : 1) <= max_rows; i--)
		years++;
	for (i = p->t.n - years; i < p->t.n; i++) {
		const struct kpi_year *r = &p->t.rows[i];

		fiscal_year_format(r->year, fy, sizeof fy);
		if (any_plan) {
			chart_label(fy, _("plan"), b_w, label, sizeof label);
			bar_line(row++, x, w, label, light, r->has_plan, r->plan, r->plan_decimals, max, bar_w);
			chart_label("", _("actual"), b_w, label, sizeof label);
		} else {
			chart_label(fy, "", b_w, label, sizeof label);
		}
		bar_line(row++, x, w, label, full, r->has_actual, r->actual, r->actual_decimals, max,
			 bar_w);
	}
	if (bounds) {
		chart_label(_("target"), second[3], b_w, label, sizeof label);
		bar_line(row++, x, w, label, mark, 1, k->target.value, k->target.decimals, max, bar_w);
	}
	return row - y;
}

static void draw_screen(struct presentation *p)
{
	int h = LINES, w = COLS, row = 0, gap = h >= 40 ? 1 : 0, x = w >= 120 ? 4 : 1;
	int iw = w - 2 * x, rest, i;
	char line[TEXT_MAX * 2], right[128], base[128], target[128], ratio[16];
	time_t now = time(NULL);
	long elapsed = p->opened ? (long)difftime(now, p->opened) : 0;
	struct tm tm;

	erase();
	localtime_r(&now, &tm);
	if (elapsed < 0)
		elapsed = 0;
	snprintf(right, sizeof right, "%d/%d  %02d:%02d  +%ld:%02ld", p->i + 1, p->n, tm.tm_hour,
		 tm.tm_min, elapsed / 3600, elapsed / 60 % 60);
	put(row, x, iw - width_of(right) - 1, p->m.title, A_BOLD);
	put(row, x + iw - width_of(right), width_of(right), right, A_BOLD);
	row += 1 + gap;
	if (!p->loaded) {
		put(row, x, iw, p->message, 0);
		return;
	}
	snprintf(line, sizeof line, "%s  %s", p->k.code, p->k.name);
	put(row++, x, iw, line, A_BOLD | A_UNDERLINE);
	if (p->k.is_project)
		snprintf(line, sizeof line, _("当初値 %s   plan/actual"),
			 kpi_amount_text(&p->k.baseline, p->k.unit, base, sizeof base));
	else
		snprintf(line, sizeof line, "%s → %s   %s",
			 kpi_amount_text(&p->k.baseline, p->k.unit, base, sizeof base),
			 kpi_amount_text(&p->k.target, p->k.unit, target, sizeof target),
			 kpi_direction_label(p->k.direction));
	put(row++, x, iw, line, 0);
	row += 1 + gap;
	/* what stays below the chart: progress, rank, records, keys */
	rest = 3 + (p->k.is_project ? 1 : 0) + (p->comments.n ? 1 + p->comments.n : 0) +
	       (p->actions.n ? 1 + p->actions.n : 0) + 2 + gap * 2;
	if (rest > (h - row) / 2)
		rest = (h - row) / 2;
	row += draw_chart(p, row, x, iw, h - row - rest > 1 ? h - row - rest : 1);
	row += 1 + gap;
	snprintf(line, sizeof line, _("progress %s   status %s %s   proposed rank %s %s"),
		 kpi_years_ratio(&p->st.progress, ratio, sizeof ratio),
		 draw_status_symbol(p->st.progress.status),
		 progress_status_name(p->st.progress.status),
		 p->proposed ? p->proposed->code : "-", p->proposed ? p->proposed->label : "");
	put(row++, x, iw, line, A_BOLD);
	if (p->e.present && *p->e.rank)
		snprintf(line, sizeof line, _("rank %s %s%s%s"), p->e.rank, p->e.rank_label,
			 *p->e.reason ? " — " : "", p->e.reason);
	else
		snprintf(line, sizeof line, "%s", _("rank not recorded yet (r)"));
	if (row < h - 1)
		put(row++, x, iw, line, p->e.present && *p->e.rank ? A_BOLD : 0);
	if (p->k.is_project && row < h - 1) {
		snprintf(line, sizeof line, _("assessment %s %s   policy %s"),
			 *p->e.assessment ? p->e.assessment : "-", p->e.assessment_label,
			 *p->e.policy ? p->e.policy_label : "-");
		put(row++, x, iw, line, 0);
	}
	if (p->comments.n && row < h - 1) {
		put(row++, x, iw, _("comments"), A_UNDERLINE);
		for (i = 0; i < p->comments.n && row < h - 1; i++)
			put(row++, x + 2, iw - 2, p->comments.text[i], 0);
	}
	if (p->actions.n && row < h - 1) {
		put(row++, x, iw, _("action items"), A_UNDERLINE);
		for (i = 0; i < p->actions.n && row < h - 1; i++)
			put(row++, x + 2, iw - 2, p->actions.text[i], 0);
	}
	if (*p->message)
		put(h - 1, 0, w, p->message, A_REVERSE);
	else
		put(h - 1, 0, w, p->k.is_project
		    ? _(" Space next  PgUp back  r rank  a assessment  o policy  c comment  A action  x done  q back")
		    : _(" Space next  PgUp back  r rank  c comment  A action item  x done  q back"), A_REVERSE);
}

static int refuse(struct presentation *p)
{
	char why[512];

	/* the role and scope first (a viewer's database is read-only too):
	 * their refusal is said and logged */
	if (p->loaded && official_refusal(p->session, ACCESS_EVALUATE, p->k.code, why, sizeof why))
		snprintf(p->message, sizeof p->message, _("not permitted: %s"), why);
	else if (p->read_only)
		snprintf(p->message, sizeof p->message, "%s", _("read-only: nothing can be recorded"));
	else if (*p->m.closed_at)
		snprintf(p->message, sizeof p->message, "%s",
			 _("this meeting is closed: nothing can be recorded"));
	else if (!p->loaded)
		snprintf(p->message, sizeof p->message, "%s", _("no KPI here"));
	else
		return 0;
	return 1;
}

static void done(struct presentation *p, int rc, const struct error *err, const char *what)
{
	struct error e2;

	if (rc < 0) {
		snprintf(p->message, sizeof p->message, _("not recorded: %s"), err->text);
		return;
	}
	snprintf(p->message, sizeof p->message, _("recorded: %s"), what);
	if (load(p, &e2) < 0)
		snprintf(p->message, sizeof p->message, "%s", e2.text);
}

static void record_rank(struct presentation *p)
{
	const char *options[RANKS_MAX];
	char text[RANKS_MAX][200], reason[512] = "";
	const char *proposed = p->proposed ? p->proposed->code : "";
	const struct rank *r;
	struct error err;
	int i, current = -1, pick;

	/* on the rank recorded, else the one proposed, else on none: no
	 * rank is offered where the data proposes none */
	for (i = 0; i < p->scheme.n; i++) {
		const struct rank *x = &p->scheme.ranks[i];

		snprintf(text[i], sizeof text[i], "%s %s%s", x->code, x->label,
			 strcmp(x->code, proposed) == 0 ? _("  (proposed)") : "");
		options[i] = text[i];
		if (p->e.present && *p->e.rank ? strcmp(x->code, p->e.rank) == 0
					       : strcmp(x->code, proposed) == 0)
			current = i;
	}
	pick = dialog_choose(_("rank"), options, p->scheme.n, current);
	if (pick < 0)
		return;
	r = &p->scheme.ranks[pick];
	if (strcmp(r->code, proposed) != 0) {
		if (!dialog_prompt(_("reason: "), reason, sizeof reason, NULL, NULL))
			return;
	}
	done(p, meeting_record(p->s, p->m.id, p->k.id, RECORD_RANK, r->code, r->label, reason,
			       proposed, p->user, &err), &err, r->code);
}

static void record_choice(struct presentation *p, const char *list, enum record_what what)
{
	const char *options[CHOICES_MAX];
	char text[CHOICES_MAX][300];
	struct choices c;
	struct error err;
	int i, pick;

	if (!p->k.is_project) {
		snprintf(p->message, sizeof p->message, "%s",
			 what == RECORD_ASSESSMENT ? _("the assessment is for grant projects' KPIs")
						   : _("the policy is for grant projects' KPIs"));
		return;
	}
	if (review_choices_load(p->s, list, &c, &err) < 0) {
		snprintf(p->message, sizeof p->message, "%s", err.text);
		return;
	}
	for (i = 0; i < c.n; i++) {
		snprintf(text[i], sizeof text[i], "%s %s", c.items[i].code, c.items[i].label);
		options[i] = text[i];
	}
	pick = dialog_choose(what == RECORD_ASSESSMENT ? _("assessment") : _("policy"), options, c.n,
			   0);
	if (pick < 0)
		return;
	done(p, meeting_record(p->s, p->m.id, p->k.id, what, c.items[pick].code,
			       c.items[pick].label, NULL, NULL, p->user, &err), &err,
	     c.items[pick].label);
}

static void record_remark(struct presentation *p, enum remark_kind kind)
{
	char text[1024] = "", owner[256] = "", due[64] = "";
	struct error err;

	if (!dialog_prompt(kind == REMARK_ACTION ? _("action item: ") : _("comment: "), text,
			   sizeof text, NULL, NULL))
		return;
	if (kind == REMARK_ACTION && !dialog_prompt(_("owner: "), owner, sizeof owner, NULL, NULL))
		return;
	/* a date refused is asked again, with why, what was typed kept */
	if (kind == REMARK_ACTION) {
		char prompt[256], day[16];

		snprintf(prompt, sizeof prompt, "%s", _("due (2027/3/31, R9.3.31): "));
		for (;;) {
			if (!dialog_prompt(prompt, due, sizeof due, NULL, NULL))
				return;
			if (meeting_date_parse(due, day, sizeof day, &err) == 0)
				break;
			snprintf(prompt, sizeof prompt, "%s", _("not a date; due (2027/3/31, R9.3.31): "));
		}
	}
	done(p, meeting_remark_add(p->s, p->m.id, p->k.id, kind, text, owner, due, p->user, &err),
	     &err, kind == REMARK_ACTION ? _("action item") : _("comment"));
}

/* x: an open action item done. */
static void action_done(struct presentation *p)
{
	const char **options;
	struct error err;
	int i, k = 0, pick;

	if (!p->nopen) {
		snprintf(p->message, sizeof p->message, "%s", _("no open action item here"));
		return;
	}
	/* the open ones, in the order shown, every one of them */
	options = xreallocarray(NULL, (size_t)p->nopen, sizeof *options);
	for (i = 0; i < p->actions.n && k < p->nopen; i++)
		if (strncmp(p->actions.text[i], "[ ]", 3) == 0)
			options[k++] = p->actions.text[i];
	pick = dialog_choose(_("done"), options, k, 0);
	free(options);
	if (pick < 0)
		return;
	done(p, meeting_action_done(p->s, p->open[pick], p->user, &err), &err, _("done"));
}

enum { P_NEXT = 1, P_PREVIOUS, P_PAGE, P_FIRST, P_LAST, P_RANK, P_ASSESSMENT, P_POLICY, P_COMMENT,
       P_ACTION, P_DONE, P_BACK };

static const struct view_key present_keys[] = {
	{ "Space j ↓ →", N_("the next item"), P_NEXT },
	{ "k ↑ ←", N_("the previous item"), P_PREVIOUS },
	{ "PgDn PgUp", N_("the next or previous item"), P_PAGE },
	{ "g Home", N_("the first item"), P_FIRST },
	{ "G End", N_("the last item"), P_LAST },
	{ "r", N_("record the rank (the proposed one first)"), P_RANK },
	{ "a", N_("record the assessment (grant projects' KPIs)"), P_ASSESSMENT },
	{ "o", N_("record the policy (grant projects' KPIs)"), P_POLICY },
	{ "c", N_("add a comment"), P_COMMENT },
	{ "A", N_("add an action item: what, who, by when"), P_ACTION },
	{ "x", N_("mark an open action item done"), P_DONE },
	{ "?", N_("this help"), 0 },
	{ "q Esc", N_("back to the tree"), P_BACK },
	{ NULL, NULL, 0 },
};

static void view_draw(struct view *v)
{
	draw_screen(v->data);
}

/* The clock on the screen: once a second. */
static int view_wait(struct view *v)
{
	(void)v;
	return 1000;
}

static int view_key(struct view *v, const struct key *k)
{
	struct presentation *p = v->data;
	int to = p->i, command = view_key_command(present_keys, k);

	if (!command)
		return VIEW_UNHANDLED;
	p->message[0] = '\0';
	switch (command) {
	case P_BACK: return VIEW_HANDLED | VIEW_CLOSE;
	case P_NEXT: to = p->i + 1 < p->n ? p->i + 1 : p->i; break;
	case P_PREVIOUS: to = p->i > 0 ? p->i - 1 : 0; break;
	case P_PAGE:
		if (k->code == KEY_NPAGE)
			to = p->i + 1 < p->n ? p->i + 1 : p->i;
		else
			to = p->i > 0 ? p->i - 1 : 0;
		break;
	case P_FIRST: to = 0; break;
	case P_LAST: to = p->n - 1; break;
	default:
		/* recording: where the official may */
		if (refuse(p))
			break;
		if (command == P_RANK)
			record_rank(p);
		else if (command == P_ASSESSMENT)
			record_choice(p, "assessment", RECORD_ASSESSMENT);
		else if (command == P_POLICY)
			record_choice(p, "policy", RECORD_POLICY);
		else if (command == P_DONE)
			action_done(p);
		else
			record_remark(p, command == P_COMMENT ? REMARK_COMMENT : REMARK_ACTION);
		break;
	}
	if (to != p->i) {
		p->i = to;
		return VIEW_HANDLED | VIEW_RELOAD;	/* the item it moved to, read */
	}
	return VIEW_HANDLED;
}

/* Reads the item shown; a failure is said on the screen, which stays. */
static int view_load(struct view *v)
{
	struct presentation *p = v->data;
	struct error err;

	if (load(p, &err) < 0)
		snprintf(p->message, sizeof p->message, "%s", err.text);
	return 0;
}

static const struct view_ops present_ops = {
	.name = N_("presentation"), .keys = present_keys, .load = view_load, .draw = view_draw,
	.key = view_key,
	.wait = view_wait, .full_screen = 1,
};

int present_run(struct session *session, long long id, int start, char *message, size_t size)
{
	struct store *s = session->store;
	struct presentation p = { .s = s, .user = session->user, .read_only = s->read_only,
				   .session = session };
	struct view v = { &present_ops, &p };
	struct error err;
	int last;

	if (meeting_get(s, id, &p.m, &err) < 0 || review_scheme_load(s, &p.scheme, &err) < 0 ||
	    meeting_agenda(s, id, &p.codes, &p.n, &err) < 0) {
		snprintf(message, size, "%s", err.text);
		return 0;
	}
	if (!p.n) {
		snprintf(message, size, _("meeting %lld has no agenda"), id);
		free(p.codes);
		return 0;
	}
	/* the meeting's clock: no start read, no clock */
	if (iso_time_parse(p.m.opened_at, &p.opened) < 0)
		p.opened = 0;
	p.i = start >= 0 && start < p.n ? start : 0;
	app_run(&v);	/* load reads the item first */
	last = p.i;
	unload(&p);
	free(p.codes);
	snprintf(message, size, _("meeting %lld: %s"), p.m.id, p.m.title);
	return last;
}
