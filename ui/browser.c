/* browser.c: the browser's screen: the strategy tree on the left, the KPI
 * pane and the grant-menu pane on the right, the status line, the keys. */
#include "browser.h"
#include "i18n.h"

#include <curses.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "csv_export.h"
#include "dashboard.h"
#include "draw.h"
#include "fiscal_year.h"
#include "form.h"
#include "input.h"
#include "keymap.h"
#include "kpi.h"
#include "kpi_years.h"
#include "meeting.h"
#include "number.h"
#include "official.h"
#include "placement.h"
#include "present.h"
#include "report.h"
#include "review.h"
#include "tree.h"
#include "tree_list.h"
#include "trees.h"
#include "values.h"
#include "width.h"
#include "xlsx_write.h"

/* Last: term.h defines macros (lines, columns) that would clash above. */
#include <term.h>

#define MIN_COLS 40
#define MIN_LINES 12

enum focus { FOCUS_TREE, FOCUS_KPI, FOCUS_GRANT };

struct browser {
	struct cli *cli;
	struct store *s;
	struct tree_list lists[TREES];	/* each tree keeps its rows, cursor, scroll */
	enum tree_id tree;
	const struct tree_kind *kind;	/* trees[tree] */
	struct tree_list *v;		/* lists[tree] */
	enum focus focus;
	int year;
	int kpi_index;
	char message[256];
	/* search */
	char query[256];
	long long *matches;
	int nmatches, match;
	struct tree_search *search;	/* still going, between keys */
	long long data_version;		/* of the database, when last drawn */
	struct value_undo last[VALUE_UNDO_MAX];	/* the session's last save */
	int nlast;
	struct meeting meeting;		/* the open meeting; id 0: none */
	int presented;			/* the agenda item shown last */
	struct official_due due;	/* what the official still owes */
	int due_stale;			/* to be counted again when idle */
	time_t key_at, checked_at;	/* the last key; the key's rights last read */
	char ended[1200];		/* why the session ended (over SSH), or "" */
	int quit;
};

static void set_message(struct browser *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Shows another tree; each keeps its rows, cursor and scroll. */
static void load_view(struct browser *b, enum tree_id tree)
{
	b->tree = tree;
	b->kind = &trees[tree];
	b->v = &b->lists[tree];
	b->kpi_index = 0;
}

static void set_message(struct browser *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(b->message, sizeof b->message, fmt, ap);
	va_end(ap);
}

/* --- the tree as a list --------------------------------------------- */

/* Reads the children of item i (or the next page of top rows, i = -1)
 * into the list; a failure is said on the status line. */
static int expand(struct browser *b, int i)
{
	struct error err;

	if (tree_list_expand(b->v, b->s, i, &err) < 0) {
		set_message(b, "%s", err.text);
		return -1;
	}
	return 0;
}

/* Opens the current tree along path (ids from the top) and puts the
 * cursor on its last row. */
static int reveal_path(struct browser *b, const long long *path, int n)
{
	struct error err;
	int rc = tree_list_reveal(b->v, b->s, path, n, &err);

	if (err.kind != ERROR_NONE)
		set_message(b, "%s", err.text);
	if (rc == 0)
		b->kpi_index = 0;
	return rc;
}

/* Opens the strategy tree down to placement and puts the cursor on it. */
static int reveal(struct browser *b, long long placement)
{
	long long path[16];
	struct error err;
	int n = tree_path(b->s, placement, path, 16, &err);

	if (n < 0) {
		set_message(b, "%s", err.text);
		return -1;
	}
	if (b->tree != TREE_STRATEGY)
		load_view(b, TREE_STRATEGY);
	return reveal_path(b, path, n);
}

static int is_match(const struct browser *b, long long placement)
{
	int i;

	for (i = 0; i < b->nmatches; i++)
		if (b->matches[i] == placement)
			return 1;
	return 0;
}

/* --- drawing --------------------------------------------------------- */

/* • is ambiguous in width, ▸ and ▾ are not. */
static const char *leaf_mark(void)
{
	return width_ambiguous() == 2 ? "*" : "•";
}

/* How the KPIs under a collapsed node stand at the year (draw_marks). */
static void status_marks(struct browser *b, long long placement, char *buf, size_t size)
{
	struct error err;
	int counts[4];

	buf[0] = '\0';
	if (tree_statuses(b->s, placement, b->year, counts, &err) == 0)
		draw_marks(counts, buf, size);
}

static void draw_tree(struct browser *b, int y, int x, int h, int w)
{
	int rows = h - 2, i;

	tree_list_scroll(b->v, rows);
	for (i = 0; i < rows; i++) {
		int k = b->v->top + i;
		char line[TEXT_MAX], marks[64];
		const struct tree_item *it;
		attr_t attr = 0;
		int mw;

		if (k >= b->v->n) {
			put(y + 1 + i, x + 1, w - 2, "", 0);
			continue;
		}
		it = &b->v->items[k];
		snprintf(line, sizeof line, "%*s%s %s%s%s", it->depth * 2, "",
			 !it->children ? leaf_mark() : it->expanded ? "▾" : "▸",
			 it->label, *it->label ? " " : "", it->title);
		if (b->kind->matches && is_match(b, it->id))
			attr |= A_BOLD | A_UNDERLINE;
		if (k == b->v->cursor)
			attr |= A_REVERSE;
		marks[0] = '\0';
		if (b->kind->marks && it->children && !it->expanded) {
			/* counted once a year per row, not at every key */
			if (it->marks_year != b->year) {
				status_marks(b, it->id, b->v->items[k].marks, sizeof it->marks);
				b->v->items[k].marks_year = b->year;
			}
			snprintf(marks, sizeof marks, "%s", it->marks);
		}
		mw = *marks ? width_of(marks) + 1 : 0;
		if (mw > (w - 2) / 2)
			mw = 0;
		put(y + 1 + i, x + 1, w - 2 - mw, line, attr);
		if (mw) {
			char right[80];

			/* the marks keep out of the highlight: a move then
			 * rewrites less of the line */
			snprintf(right, sizeof right, "%*s", mw, marks);
			put(y + 1 + i, x + w - 1 - mw, mw, right, attr & ~A_REVERSE);
		}
	}
}

/* The KPIs of a content row; the one-KPI list of a project's or a field's. */
static int row_kpis(struct browser *b, long long placement, struct placement_kpis *c)
{
	struct error err;

	return placement_kpis(b->s, placement, c, &err);
}

static const struct placement_kpis *one_code(struct placement_kpis *c, const char *code)
{
	placement_kpis_one(c, code);
	return c;
}

/* The actuals as a sparkline, one cell a year from the lowest to the
 * highest: "actual ▁▃▆█ (R2-R5)". The blocks are ambiguous in width, so
 * at width 2 an ASCII ramp stands in. Returns 0 with fewer than two. */
static int sparkline(const struct kpi_years *t, char *buf, size_t size)
{
	static const char *const blocks[2][8] = {
		{ "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" },
		{ "_", ".", ":", "-", "=", "+", "*", "#" },
	};
	double lo = 0, hi = 0;
	int i, n = 0, first = 0, last = 0;
	size_t used;
	char from[16], to[16];

	for (i = 0; i < t->n; i++) {
		if (!t->rows[i].has_actual)
			continue;
		if (!n || t->rows[i].actual < lo)
			lo = t->rows[i].actual;
		if (!n || t->rows[i].actual > hi)
			hi = t->rows[i].actual;
		if (!n)
			first = t->rows[i].year;
		last = t->rows[i].year;
		n++;
	}
	if (n < 2)
		return 0;
	used = (size_t)snprintf(buf, size, "%s ", _("actual"));
	for (i = 0; i < t->n && used + 4 < size; i++) {
		int level;

		if (!t->rows[i].has_actual)
			continue;
		level = hi > lo ? (int)((t->rows[i].actual - lo) / (hi - lo) * 7 + 0.5) : 3;
		used += (size_t)snprintf(buf + used, size - used, "%s",
					 blocks[width_ambiguous() == 2][level]);
	}
	snprintf(buf + used, size - used, " (%s-%s)", fiscal_year_short(first, from, sizeof from),
		 fiscal_year_short(last, to, sizeof to));
	return 1;
}

/* The KPI pane: the selected KPI of the row, its amounts, its years. */
/* The KPIs of a row in one line, the selected one highlighted: the pane
 * then shows that one (Tab to the pane, then j k to choose). */
static int draw_codes(const struct placement_kpis *c, int index, int y, int x, int w)
{
	int col = 0, i;

	for (i = 0; i < c->n && col < w; i++) {
		int cw = width_of(c->code[i]);

		if (col + cw > w)
			break;
		put(y, x + col, cw, c->code[i], i == index ? A_REVERSE : 0);
		col += cw + 1;
	}
	if (col < w)
		put(y, x + col, w - col, "", 0);
	return 1;
}

/* Where else the KPI stands: its home row or its re-listings, by their
 * content rows, one line each; r goes there. */
static int draw_places(struct browser *b, const char *code, long long here, int y, int last,
		       int x, int w)
{
	long long places[16];
	struct error err;
	int n = tree_places(b->s, code, places, 16, &err), i, row = y;

	if (n <= 1)
		return 0;
	for (i = 0; i < n && row < last; i++) {
		char line[TEXT_MAX + 64], title[TEXT_MAX];
		int rc;

		if (places[i] == here)
			continue;
		rc = placement_title(b->s, places[i], title, sizeof title, &err);
		if (rc < 0)
			break;
		if (rc == 1) {
			snprintf(line, sizeof line, "%s (r) %s", i == 0 ? _("home") : _("re-listed"),
				 title);
			put(row++, x, w, line, 0);
		}
	}
	return row - y;
}

struct open_actions {
	int y, last, x, w, rows;
};

static void draw_action(void *ctx, const struct remark *r)
{
	struct open_actions *a = ctx;
	char line[TEXT_MAX], due[64];

	if (a->y + a->rows >= a->last)
		return;
	snprintf(line, sizeof line, "%s %s (%s, %s)", draw_ascii() ? "[ ]" : "□", r->text, r->owner,
		 i18n_date(r->due, due, sizeof due));
	put(a->y + a->rows++, a->x, a->w, line, 0);
}

/* What the latest meeting made of the KPI, and its open action items. */
static int draw_review(struct browser *b, const struct kpi *k, int y, int last, int x, int w)
{
	struct open_actions a = { y, last, x, w, 0 };
	struct evaluation e;
	struct error err;
	char title[256], line[TEXT_MAX];

	if (meeting_latest_evaluation(b->s, k->id, &e, title, sizeof title, &err) < 0)
		return 0;
	if (e.present) {
		if (*e.rank)
			snprintf(line, sizeof line, _("rank %s %s (%s)%s%s"), e.rank, e.rank_label, title,
				 *e.reason ? ": " : "", e.reason);
		else
			snprintf(line, sizeof line, _("evaluated (%s) %s %s"), title, e.assessment,
				 e.policy_label);
		put(a.y + a.rows++, x, w, line, 0);
	}
	meeting_remarks(b->s, 0, k->id, 1, draw_action, &a, &err);
	return a.rows;
}

static void draw_kpi(struct browser *b, const struct placement_kpis *c, int index, long long here,
		     int y, int x, int h, int w)
{
	char line[TEXT_MAX], base[128], target[128];
	struct kpi_years t;
	struct kpi k;
	struct error err;
	int row = y + 1, last = y + h - 1, i;

	if (kpi_find(b->s, c->code[index], &k, &err) < 0) {
		put(row, x + 1, w - 2, err.text, 0);
		return;
	}
	if (c->n > 1)
		row += draw_codes(c, index, row, x + 1, w - 2);
	snprintf(line, sizeof line, "%s %s%s", k.code, k.name, c->home[index] ? "" : _(" [re-listed]"));
	put(row++, x + 1, w - 2, line, A_BOLD);
	if (k.is_project) {
		snprintf(line, sizeof line, _("initial %s"), kpi_amount_text(&k.baseline, k.unit, base,
								     sizeof base));
	} else {
		snprintf(line, sizeof line, "%s → %s  %s",
			 kpi_amount_text(&k.baseline, k.unit, base, sizeof base),
			 kpi_amount_text(&k.target, k.unit, target, sizeof target),
			 kpi_direction_label(k.direction));
	}
	put(row++, x + 1, w - 2, line, 0);
	if (kpi_years_load(b->s, &k, b->year, &t, &err) < 0) {
		put(row, x + 1, w - 2, err.text, 0);
		kpi_release(&k);
		return;
	}
	if (sparkline(&t, line, sizeof line))
		put(row++, x + 1, w - 2, line, 0);
	{
		char h[4][64];

		/* padded by display width: headings and years may be Japanese */
		snprintf(line, sizeof line, "%s %s %s %s %s", width_align(_("FY"), -10, h[0], 64),
			 width_align(_("plan"), 8, h[1], 64), width_align(_("actual"), 8, h[2], 64),
			 width_align(k.is_project ? _("rate") : _("prog"), 5, h[3], 64), _("status"));
	}
	put(row++, x + 1, w - 2, line, A_UNDERLINE);
	for (i = 0; i < t.n && row < last; i++) {
		const struct kpi_year *r = &t.rows[i];
		char fy[32], fy_cell[64], plan[32], actual[32], ratio[16];
		struct progress p;

		kpi_years_progress(&k, &t, r, &p);
		snprintf(line, sizeof line, "%s %8s %8s %5s %s",
			 width_align(fiscal_year_format(r->year, fy, sizeof fy), -10, fy_cell,
				     sizeof fy_cell),
			 kpi_years_cell(r->has_plan, r->plan, plan, sizeof plan),
			 kpi_years_cell(r->has_actual, r->actual, actual, sizeof actual),
			 kpi_years_ratio(&p, ratio, sizeof ratio), progress_status_name(p.status));
		put(row, x + 1, w - 2, line, r->year == b->year ? A_REVERSE : 0);
		if (draw_colors() && width_of(line) <= w - 2)
			put(row, x + 1 + width_of(line) - width_of(progress_status_name(p.status)),
			    width_of(progress_status_name(p.status)), progress_status_name(p.status),
			    draw_status_attr(p.status) | (r->year == b->year ? A_REVERSE : 0));
		row++;
	}
	if (row < last)
		row += draw_review(b, &k, row, last, x + 1, w - 2);
	if (here && row < last)
		row += draw_places(b, k.code, here, row, last, x + 1, w - 2);
	while (row < last)
		put(row++, x + 1, w - 2, "", 0);
	kpi_release(&k);
}

struct grant_lines {
	int row, last, x, w;
};

static void grant_line(void *ctx, enum placement_text what, const char *text)
{
	struct grant_lines *g = ctx;
	char line[TEXT_MAX];

	if (g->row >= g->last)
		return;
	if (what == PLACEMENT_EXAMPLE)
		snprintf(line, sizeof line, _("e.g. %s"), text);
	else if (what == PLACEMENT_AI_EXAMPLE)
		snprintf(line, sizeof line, "AI: %s", text);
	else
		snprintf(line, sizeof line, "%s", text);
	put(g->row++, g->x, g->w, line, 0);
}

static void draw_grant(struct browser *b, long long placement, int y, int x, int h, int w)
{
	struct grant_lines g = { y + 1, y + h - 1, x + 1, w - 2 };
	struct error err;

	placement_grant(b->s, placement, grant_line, &g, &err);
	while (g.row < g.last)
		put(g.row++, x + 1, w - 2, "", 0);
}

/* A grant project's details: what seed 002 says of it. */
static void project_line(void *ctx, enum project_field field, const char *text)
{
	static const char *const labels[PROJECT_FIELDS] = {
		[PROJECT_MUNICIPALITY] = N_("municipality"), [PROJECT_GRANT] = N_("grant"),
		[PROJECT_ADOPTED] = N_("adopted"), [PROJECT_APPLICATION] = N_("application"),
		[PROJECT_NATIONAL_SHARE] = N_("national share"), [PROJECT_PERIOD] = N_("period"),
	};
	struct grant_lines *g = ctx;
	char line[TEXT_MAX], fy[32];

	if (field == PROJECT_ADOPTED)
		text = fiscal_year_format(text ? atoi(text) : 0, fy, sizeof fy);
	if (!text || !*text)
		return;
	if (field == PROJECT_DESCRIPTION || field == PROJECT_NOTES) {
		/* description and notes: each of their lines, cut */
		const char *p = text;

		while (*p && g->row < g->last) {
			size_t n = strcspn(p, "\n");

			snprintf(line, sizeof line, "%.*s", (int)n, p);
			put(g->row++, g->x, g->w, line, field == PROJECT_NOTES ? A_DIM : 0);
			p += n + (p[n] == '\n');
		}
		return;
	}
	if (g->row >= g->last)
		return;
	snprintf(line, sizeof line, "%s%s%s", labels[field] ? _(labels[field]) : "",
		 labels[field] ? "  " : "", text);
	put(g->row++, g->x, g->w, line, field == PROJECT_TITLE ? A_BOLD : 0);
}

static void draw_project(struct browser *b, long long project, int y, int x, int h, int w)
{
	struct grant_lines g = { y + 1, y + h - 1, x + 1, w - 2 };
	struct error err;

	placement_project(b->s, project, project_line, &g, &err);
	while (g.row < g.last)
		put(g.row++, x + 1, w - 2, "", 0);
}

static void draw_status(struct browser *b, int y, int w)
{
	char line[TEXT_MAX], fy[40], year[16], meeting[300] = "", due_hint[160];
	const char *name = strrchr(b->cli->db_path, '/');

	/* the message first: the meeting's name may be cut, not what was said */
	if (b->meeting.id)
		snprintf(meeting, sizeof meeting, _("  [meeting %lld %.200s]"), b->meeting.id,
			 b->meeting.title);
	snprintf(due_hint, sizeof due_hint, _("?:help  %d due (%s): ! walks them  d:dashboard  q:quit"),
		 b->due.n, fiscal_year_short(b->due.year, fy, sizeof fy));
	/* FY R7, or in Japanese 令和7年度 */
	if (i18n_japanese())
		fiscal_year_format(b->year, fy, sizeof fy);
	else
		snprintf(fy, sizeof fy, "FY %s", fiscal_year_short(b->year, year, sizeof year));
	snprintf(line, sizeof line, " %.200s%s  %s  %.64s  %s%s", name ? name + 1 : b->cli->db_path,
		 b->s->read_only ? _(" (read-only)") : "", fy,
		 b->cli->user, *b->message ? b->message : b->due.n ? due_hint
		 : _("?:help  /:search  d:dashboard  ::command  q:quit"),
		 meeting);
	put(y, 0, w, line, A_REVERSE);
}

/* Where the panes go: side by side from 60 columns; below that the
 * tree above the KPI pane, and the grant-menu pane hidden. */
struct layout {
	int ty, tx, th, tw;	/* the tree */
	int ky, kx, kh, kw;	/* the KPI pane */
	int gy, gx, gh, gw;	/* the grant-menu (or project) pane; gh 0: hidden */
};

#define STACK_BELOW_COLS 60

static struct layout layout_for(int h, int w)
{
	int left = w * 2 / 5, kh = (h - 1) * 3 / 5, th = (h - 1) / 2;

	if (w < STACK_BELOW_COLS)
		return (struct layout){ 0, 0, th, w, th, 0, h - 1 - th, w, 0, 0, 0, 0 };
	return (struct layout){ 0, 0, h - 1, left, 0, left, kh, w - left,
				kh, left, h - 1 - kh, w - left };
}

/* The panes of the selected row, as its tree's level table says. */
static void draw_panes(struct browser *b, const struct tree_item *it, const struct layout *l)
{
	const struct tree_level *lv = trees_level(b->kind, it);
	struct placement_kpis c;
	int have = 0;

	if (lv->kpis == ROW_KPIS_LABEL)
		have = one_code(&c, it->label)->n;
	else if (lv->kpis == ROW_KPIS_OF_ROW)
		have = row_kpis(b, it->id, &c) == 0 && c.n;
	if (have && lv->pick && b->kpi_index >= c.n)
		b->kpi_index = c.n - 1;
	switch (lv->panes) {
	case PANES_KPI_GRANT:
	case PANES_KPI_PROJECT:
		if (have)
			draw_kpi(b, &c, lv->pick ? b->kpi_index : 0, lv->places ? it->id : 0, l->ky,
				 l->kx, l->kh, l->kw);
		if (l->gh && lv->panes == PANES_KPI_GRANT)
			draw_grant(b, it->id, l->gy, l->gx, l->gh, l->gw);
		else if (l->gh)
			draw_project(b, b->v->items[tree_list_parent(b->v, b->v->cursor)].id, l->gy,
				     l->gx, l->gh, l->gw);
		break;
	case PANES_PROJECT:
		draw_project(b, it->id, l->ky, l->kx, l->kh + l->gh, l->kw);
		break;
	case PANES_NONE:
		put(l->ky + 1, l->kx + 1, l->kw - 2, _("select a • row for its details"), 0);
		break;
	}
}

static void draw(struct browser *b)
{
	int h = LINES, w = COLS;
	const struct tree_item *it = b->v->n ? &b->v->items[b->v->cursor] : NULL;
	struct layout l;

	erase();
	if (w < MIN_COLS || h < MIN_LINES) {
		char line[128];

		snprintf(line, sizeof line, _("too small: %dx%d of %dx%d"), w, h, MIN_COLS, MIN_LINES);
		put(0, 0, w, line, 0);
		refresh();
		return;
	}
	l = layout_for(h, w);
	frame(l.ty, l.tx, l.th, l.tw, _(b->kind->title), b->focus == FOCUS_TREE);
	if (trees_level(b->kind, it)->panes == PANES_PROJECT) {
		frame(l.ky, l.kx, l.kh + l.gh, l.kw, _("Project"), b->focus != FOCUS_TREE);
	} else {
		frame(l.ky, l.kx, l.kh, l.kw, "KPI", b->focus == FOCUS_KPI);
		if (l.gh)
			frame(l.gy, l.gx, l.gh, l.gw,
			      _(b->kind->side_title),
			      b->focus == FOCUS_GRANT);
	}
	draw_tree(b, l.ty, l.tx, l.th, l.tw);
	draw_panes(b, it, &l);
	draw_status(b, h - 1, w);
	refresh();
}

/* --- the prompt and commands ------------------------------------------ */

static void search_slice(struct browser *b);
static void forget_marks(struct browser *b);
static void search_changed(struct browser *b, const char *text);

static int searching(void *ctx)
{
	return ((struct browser *)ctx)->search != NULL;
}

static void search_idle(void *ctx)
{
	search_slice(ctx);
	draw(ctx);
}

static void redraw(void *ctx)
{
	draw(ctx);
}

static void search_typed(void *ctx, const char *text)
{
	search_changed(ctx, text);
}

/* Reads a line at the bottom after prefix; calls on_change after every
 * key, and goes on with a search between keys. Returns 1 on Enter, 0 on
 * Escape. */
static int prompt(struct browser *b, const char *prefix, char *buf, size_t size, int search)
{
	struct prompt_hooks h = { b, searching, search_idle, redraw, search ? search_typed : NULL };

	return draw_prompt(prefix, buf, size, &h);
}

/* A search keeps its first matches: enough to walk, quick to find. */
#define MAX_MATCHES 500

static int add_match(void *ctx, long long placement)
{
	struct browser *b = ctx;
	long long *more;

	if (is_match(b, placement))
		return 0;
	more = realloc(b->matches, (size_t)(b->nmatches + 1) * sizeof *more);
	if (!more)
		return 0;
	b->matches = more;
	b->matches[b->nmatches++] = placement;
	return 1;
}

/* In the search view the cursor goes to the match; in the strategy tree
 * the tree opens down to it. */
static void go_match(struct browser *b, int index)
{
	if (!b->nmatches)
		return;
	b->match = (index + b->nmatches) % b->nmatches;
	if (b->kind->pruned) {
		int i = tree_list_find(b->v, b->matches[b->match]);

		if (i >= 0)
			b->v->cursor = i;
	} else {
		reveal(b, b->matches[b->match]);
	}
	set_message(b, "/%s: %d/%d", b->query, b->match + 1, b->nmatches);
}

/* Puts placement (with the rows above it, found by path) into the search
 * view, under its parent's row: a pruned tree of the matches. */
static void filter_add(struct browser *b, long long placement)
{
	long long path[16];
	struct error err;
	int n = tree_path(b->s, placement, path, 16, &err);

	if (n > 0)
		tree_list_add_path(&b->lists[TREE_SEARCH], b->s, path, n, &err);
}

static void filter_clear(struct browser *b)
{
	tree_list_clear(&b->lists[TREE_SEARCH]);
}

/* A search works this long at a key, and on between keys. */
#define SEARCH_SLICE_MS 10

static void search_stop(struct browser *b)
{
	tree_search_end(b->search);
	b->search = NULL;
}

/* Searches on for a slice; shows the first match as soon as there is one. */
static void search_slice(struct browser *b)
{
	int before = b->nmatches, rc, i;
	struct error err;

	rc = tree_search_step(b->search, MAX_MATCHES, SEARCH_SLICE_MS, add_match, b, &err);
	for (i = before; i < b->nmatches; i++)
		filter_add(b, b->matches[i]);
	if (!before && b->nmatches)
		go_match(b, 0);
	if (rc < 0) {
		set_message(b, "%s", err.text);
		search_stop(b);
	} else if (rc == 0) {
		set_message(b, _("/%s: %d so far, searching…"), b->query, b->nmatches);
	} else {
		search_stop(b);
		if (!b->nmatches)
			set_message(b, _("/%s: no match"), b->query);
		else if (b->nmatches == MAX_MATCHES)
			set_message(b, _("/%s: the first %d matches"), b->query, MAX_MATCHES);
		else
			set_message(b, "/%s: %d/%d", b->query, b->match + 1, b->nmatches);
	}
}

/* Starts searching for text, and shows what a first slice finds. */
static void search_start(struct browser *b, const char *text)
{
	struct error err;

	search_stop(b);
	free(b->matches);
	b->matches = NULL;
	b->nmatches = 0;
	filter_clear(b);
	snprintf(b->query, sizeof b->query, "%s", text);
	if (*text) {
		b->search = tree_search_start(b->s, text, &err);
		if (b->search)
			search_slice(b);
		else
			set_message(b, "%s", err.text);
	}
	draw(b);
}

/* Search as you type; keys already waiting (typed ahead, or --keys) make
 * this text stale, so only the last of them is looked for. */
static void search_changed(struct browser *b, const char *text)
{
	if (input_pending())
		search_stop(b);
	else
		search_start(b, text);
}

/* Search: as the text is typed the tree shows only the matching rows
 * and the rows above them; Enter opens the strategy tree at the chosen
 * match (n and N walk the others), Escape goes back to the tree as it
 * was, which the search never touched. */
static void search(struct browser *b)
{
	enum tree_id from = b->tree;
	char text[256] = "";
	long long chosen = 0;
	int keep;

	filter_clear(b);
	load_view(b, TREE_SEARCH);
	keep = prompt(b, "/", text, sizeof text, 1);
	if (keep && (strcmp(b->query, text) != 0 || (!b->search && !b->nmatches && *text)))
		search_start(b, text);
	if (b->v->n && b->v->items[b->v->cursor].level == 5)
		chosen = b->v->items[b->v->cursor].id;
	load_view(b, from == TREE_SEARCH ? TREE_STRATEGY : from);
	if (!keep) {
		search_stop(b);
		free(b->matches);
		b->matches = NULL;
		b->nmatches = 0;
		set_message(b, "%s", "");
		return;
	}
	for (b->match = 0; b->match < b->nmatches && b->matches[b->match] != chosen; b->match++)
		;
	go_match(b, b->match < b->nmatches ? b->match : 0);
}

/* Makes code the KPI the pane shows, among those of the selected row. */
static void select_kpi(struct browser *b, const char *code)
{
	struct placement_kpis c;
	int i;

	if (row_kpis(b, b->v->items[b->v->cursor].id, &c) < 0)
		return;
	for (i = 0; i < c.n; i++)
		if (strcmp(c.code[i], code) == 0)
			b->kpi_index = i;
	b->focus = FOCUS_KPI;
	set_message(b, "%s", code);
}

/* Opens the projects tree down to the KPI with code. */
static void goto_project_kpi(struct browser *b, const char *code)
{
	long long path[4];
	struct error err;
	int n = tree_project_path(b->s, code, path, &err);

	if (n <= 0) {
		set_message(b, "%s", n < 0 ? err.text : "not a project's KPI");
		return;
	}
	if (b->tree != TREE_PROJECTS) {
		load_view(b, TREE_PROJECTS);
		if (!b->v->n)
			expand(b, -1);
	}
	if (reveal_path(b, path, n) == 0)
		set_message(b, "%s", code);
}

/* Moves to the next place where the selected KPI stands (its home row
 * and its re-listings, in turn). */
static void next_place(struct browser *b)
{
	long long places[32];
	struct placement_kpis c;
	struct error err;
	int n, i;

	if (!b->kind->places || !b->v->n ||
	    trees_level(b->kind, &b->v->items[b->v->cursor])->kpis != ROW_KPIS_OF_ROW ||
	    row_kpis(b, b->v->items[b->v->cursor].id, &c) < 0 || !c.n)
		return;
	if (b->kpi_index >= c.n)
		b->kpi_index = c.n - 1;
	n = tree_places(b->s, c.code[b->kpi_index], places, 32, &err);
	for (i = 0; i < n && places[i] != b->v->items[b->v->cursor].id; i++)
		;
	if (n > 1 && reveal(b, places[(i + 1) % n]) == 0) {
		select_kpi(b, c.code[b->kpi_index]);
		set_message(b, _("%s: place %d of %d"), c.code[b->kpi_index], (i + 1) % n + 1, n);
	}
}

/* :export KIND FILE, as the command line writes it. */
/* --- meetings and the dashboard ------------------------------------------ */

/* The KPIs of the tree shown: the strategy of the selected row, or the
 * grant projects. */
static int tree_scope(struct browser *b, struct review_scope *scope, char *title, size_t size)
{
	const struct tree_item *it = b->v->n ? &b->v->items[b->v->cursor] : NULL;
	struct error err;
	long long id = 0;
	int rc;

	memset(scope, 0, sizeof *scope);
	if (b->kind->scope == TREE_SCOPE_PROJECTS) {
		snprintf(title, size, "%s", _(b->kind->title));
		return 0;
	}
	if (it && trees_level(b->kind, it)->strategy)
		id = review_strategy_of(b->s, it->id, &err);
	rc = review_strategy_named(b->s, id, &scope->strategy_id, title, size, &err);
	if (rc < 0)
		set_message(b, "%s", err.text);
	else if (rc == 0)
		set_message(b, _("no strategy here"));
	return rc == 1 ? 0 : -1;
}

/* Goes to the KPI with code: its home row, or its place among the
 * grant projects. */
static void go_to_kpi(struct browser *b, const char *code)
{
	struct error err;
	long long home = tree_home_of(b->s, code, &err);

	if (home < 0) {
		set_message(b, "%s", err.text);
	} else if (home == 0) {
		goto_project_kpi(b, code);
	} else {
		if (b->tree != TREE_STRATEGY)
			load_view(b, TREE_STRATEGY);
		if (reveal(b, home) == 0)
			select_kpi(b, code);
	}
}

/* d: the dashboard of the tree shown; Enter there goes to the KPI. */
static void dashboard(struct browser *b)
{
	struct review_scope scope;
	char title[256], code[32];

	if (tree_scope(b, &scope, title, sizeof title) < 0)
		return;
	if (dashboard_run(b->s, &scope, title, b->year, code, sizeof code, b->message,
			  sizeof b->message))
		go_to_kpi(b, code);
}

/* The KPIs under the selected row: a node of the strategy, a grant
 * project (or all of them), with how they were chosen in agenda. */
static int node_scope(struct browser *b, struct review_scope *scope, char *agenda, size_t size)
{
	const struct tree_item *it = b->v->n ? &b->v->items[b->v->cursor] : NULL;

	memset(scope, 0, sizeof *scope);
	if (!it) {
		set_message(b, _("select a row first"));
		return -1;
	}
	if (b->kind->node == NODE_PLACEMENT) {
		scope->placement = it->id;
		snprintf(agenda, size, _("under %s%s%s"), it->label, *it->label ? " " : "", it->title);
		return 0;
	}
	if (b->kind->node == NODE_PROJECT) {
		int i = it->level == 4 ? tree_list_parent(b->v, b->v->cursor) : b->v->cursor;

		if (b->v->items[i].level == 3) {
			scope->project_id = b->v->items[i].id;
			snprintf(agenda, size, _("project %s"), b->v->items[i].title);
		} else {
			snprintf(agenda, size, "%s", _("every grant project"));
		}
		return 0;
	}
	set_message(b, _("select a row of the strategy or of the grant projects (t)"));
	return -1;
}

static int kpi_ids(const struct review_list *l, long long **ids)
{
	int i;

	*ids = calloc((size_t)(l->n ? l->n : 1), sizeof **ids);
	if (!*ids)
		abort();
	for (i = 0; i < l->n; i++)
		(*ids)[i] = l->rows[i].kpi_id;
	return l->n;
}

/* :meeting agenda WHAT: the KPIs of the tree shown that pass WHAT
 * (achieved, on-track, behind, no-data, field NAME), or node: those
 * under the selected row. */
static int agenda_of(struct browser *b, const char *what, int year, struct review_list *l,
		     char *agenda, size_t size)
{
	struct review_scope scope;
	struct review_filter f;
	struct error err;
	char title[256];

	memset(l, 0, sizeof *l);
	if (!what || strcmp(what, "node") == 0) {
		if (node_scope(b, &scope, agenda, size) < 0)
			return -1;
		if (review_list_load(b->s, &scope, year, l, &err) < 0) {
			set_message(b, "%s", err.text);
			return -1;
		}
		return 0;
	}
	if (review_filter_parse(what, &f, &err) < 0) {
		set_message(b, "%s", err.text);
		return -1;
	}
	if (tree_scope(b, &scope, title, sizeof title) < 0)
		return -1;
	if (review_agenda(b->s, &scope, &f, year, l, &err) < 0) {
		set_message(b, "%s", err.text);
		return -1;
	}
	snprintf(agenda, size, "%s: %s", title, what);
	return 0;
}

struct meeting_lines {
	char text[64][TEXT_MAX];
	long long id[64];
	int n;
};

static void meeting_line(void *ctx, const struct meeting *m)
{
	struct meeting_lines *l = ctx;
	char fy[32], held[64];

	if (l->n == 64)
		return;
	snprintf(l->text[l->n], sizeof l->text[0], ngettext("%lld  %s  %s  %s  %d item  %s  %s",
		 "%lld  %s  %s  %s  %d items  %s  %s", (unsigned long)m->items), m->id,
		 i18n_date(m->held_on, held, sizeof held), fiscal_year_short(m->year, fy, sizeof fy),
		 m->title, m->items, *m->closed_at ? _("closed") : _("open"), m->agenda);
	l->id[l->n++] = m->id;
}

/* :meeting list: the meetings, the latest first; Enter opens one. */
static void meeting_list(struct browser *b)
{
	struct meeting_lines *l = calloc(1, sizeof *l);
	const char *options[64];
	struct error err;
	int i, pick;

	if (!l)
		abort();
	if (meeting_each(b->s, meeting_line, l, &err) < 0) {
		set_message(b, "%s", err.text);
	} else if (!l->n) {
		set_message(b, _("no meeting yet: :meeting start TITLE"));
	} else {
		for (i = 0; i < l->n; i++)
			options[i] = l->text[i];
		pick = draw_choose(_("meetings (Enter opens)"), options, l->n, 0);
		if (pick >= 0 && meeting_get(b->s, l->id[pick], &b->meeting, &err) == 0) {
			b->presented = 0;
			set_message(b, _("meeting %lld: %s (p presents)"), b->meeting.id, b->meeting.title);
		}
	}
	free(l);
}

static void meeting_command(struct browser *b, char *arg)
{
	char *rest = arg ? strchr(arg, ' ') : NULL;
	struct review_list l;
	struct error err;
	char agenda[512];
	long long *ids;
	int n;

	if (rest)
		*rest++ = '\0';
	/* starting, changing and ending a meeting is recording in it */
	if (arg && (!strcmp(arg, "start") || !strcmp(arg, "agenda") || !strcmp(arg, "end")) &&
	    !access_may(&b->cli->identity, ACCESS_EVALUATE)) {
		char who[1024];

		set_message(b, _("not permitted: %s may not %s a meeting"),
			    access_describe(&b->cli->identity, who, sizeof who), arg);
		access_log_refusal(b->cli->db_path, &b->cli->identity, "browse: :meeting", b->message);
		return;
	}
	if (!arg) {
		set_message(b, _("usage: :meeting start TITLE|agenda WHAT|end|list|open ID"));
	} else if (strcmp(arg, "start") == 0) {
		struct meeting m;

		if (!rest || !*rest) {
			set_message(b, _("usage: :meeting start TITLE"));
			return;
		}
		if (agenda_of(b, NULL, b->year, &l, agenda, sizeof agenda) < 0)
			return;
		n = kpi_ids(&l, &ids);
		if (meeting_start(b->s, rest, b->year, agenda, ids, n, b->cli->user, &m, &err) < 0) {
			set_message(b, "%s", err.text);
		} else {
			b->meeting = m;
			b->presented = 0;
			set_message(b, ngettext("meeting %lld started: %d item (p presents)",
						"meeting %lld started: %d items (p presents)",
						(unsigned long)m.items), m.id, m.items);
		}
		free(ids);
		review_list_free(&l);
	} else if (strcmp(arg, "agenda") == 0) {
		if (!b->meeting.id) {
			set_message(b, _("no meeting open: :meeting start TITLE"));
			return;
		}
		if (agenda_of(b, rest, b->meeting.year, &l, agenda, sizeof agenda) < 0)
			return;
		n = kpi_ids(&l, &ids);
		if (meeting_set_agenda(b->s, b->meeting.id, agenda, ids, n, b->cli->user, &err) < 0 ||
		    meeting_get(b->s, b->meeting.id, &b->meeting, &err) < 0)
			set_message(b, "%s", err.text);
		else
			set_message(b, ngettext("agenda %d item: %s", "agenda %d items: %s",
						(unsigned long)b->meeting.items), b->meeting.items, agenda);
		b->presented = 0;
		free(ids);
		review_list_free(&l);
	} else if (strcmp(arg, "end") == 0) {
		if (!b->meeting.id)
			set_message(b, _("no meeting open"));
		else if (meeting_end(b->s, b->meeting.id, b->cli->user, &err) < 0)
			set_message(b, "%s", err.text);
		else {
			set_message(b, _("meeting %lld ended"), b->meeting.id);
			memset(&b->meeting, 0, sizeof b->meeting);
		}
	} else if (strcmp(arg, "list") == 0) {
		meeting_list(b);
	} else if (strcmp(arg, "open") == 0 && rest) {
		if (meeting_get(b->s, atoll(rest), &b->meeting, &err) < 0) {
			set_message(b, "%s", err.text);
		} else {
			b->presented = 0;
			set_message(b, _("meeting %lld: %s%s (p presents)"), b->meeting.id, b->meeting.title,
				    *b->meeting.closed_at ? _(", closed") : "");
		}
	} else {
		set_message(b, _("usage: :meeting start TITLE|agenda WHAT|end|list|open ID"));
	}
}

/* p: the open meeting's agenda, from the item shown last. */
static void present(struct browser *b)
{
	struct error err;

	if (!b->meeting.id) {
		set_message(b, _("no meeting open: :meeting start TITLE, or :meeting list"));
		return;
	}
	b->presented = present_run(b->cli, b->meeting.id, b->presented, b->message,
				   sizeof b->message);
	if (meeting_get(b->s, b->meeting.id, &b->meeting, &err) < 0)
		set_message(b, "%s", err.text);
	forget_marks(b);
}

/* :export report FILE: the open meeting's minutes (or every KPI), in the
 * format of FILE's extension: .html, .csv (for Excel), else Markdown. */
static void export_report(struct browser *b, const char *file)
{
	struct report_options o = { .meeting_id = b->meeting.id, .year = b->year };
	const char *dot = strrchr(file, '.');
	struct error err;

	if (b->meeting.id)
		o.year = b->meeting.year;
	if (dot && strcmp(dot, ".html") == 0)
		o.format = REPORT_HTML;
	else if (dot && strcmp(dot, ".csv") == 0)
		o.format = REPORT_CSV, o.excel = 1;
	if (report_write_file(b->s, &o, file, &b->cli->files, &err) < 0)
		set_message(b, "%s", err.text);
	else
		set_message(b, _("wrote %s"), file);
}

static void export_file(struct browser *b, char *arg)
{
	char *file = arg ? strchr(arg, ' ') : NULL;
	enum export_kind kind;
	struct error err;

	if (!file) {
		set_message(b, _("usage: :export KIND FILE"));
		return;
	}
	/* a file of the server's account: an admin's, over SSH */
	if (!access_may(&b->cli->identity, ACCESS_ADMIN)) {
		set_message(b, _("not permitted: export to a file on the server; "
			    "ssh ... export KIND > FILE instead"));
		access_log_refusal(b->cli->db_path, &b->cli->identity, "browse: :export", b->message);
		return;
	}
	*file++ = '\0';
	/* over SSH: a plain name in the export folder, or refused and logged */
	if (b->cli->files.folder && outfile_check(file, &b->cli->files, &err) < 0) {
		set_message(b, _("not permitted: %s"), err.text);
		access_log_refusal(b->cli->db_path, &b->cli->identity, "browse: :export", b->message);
		return;
	}
	if (strcmp(arg, "report") == 0) {
		export_report(b, file);
		return;
	}
	if (csv_export_kind(arg, &kind, &err) < 0 ||
	    (xlsx_is_name(file) ? xlsx_export_file(b->s, kind, file, &b->cli->files, &err)
				: csv_export_file(b->s, kind, 0, file, &b->cli->files, &err)) < 0)
		set_message(b, "%s", err.text);
	else
		set_message(b, _("wrote %s"), file);
}

/* :goto CODE: the KPI's home row, or its place in the projects tree. */
static void goto_code(struct browser *b, const char *code)
{
	struct error err;
	long long home = tree_home_of(b->s, code, &err);

	if (home < 0)
		set_message(b, "%s", err.text);
	else if (home == 0)
		goto_project_kpi(b, code);
	else if (reveal(b, home) == 0)
		select_kpi(b, code);
}

static void command(struct browser *b)
{
	char text[256] = "", *arg;
	struct error err;

	if (!prompt(b, ":", text, sizeof text, 0))
		return;
	arg = strchr(text, ' ');
	if (arg)
		*arg++ = '\0';
	if (strcmp(text, "goto") == 0 && arg) {
		goto_code(b, arg);
	} else if (strcmp(text, "year") == 0 && arg) {
		int year;

		if (fiscal_year_parse(arg, &year, &err) < 0)
			set_message(b, "%s", err.text);
		else
			b->year = year;
	} else if (strcmp(text, "export") == 0) {
		export_file(b, arg);
	} else if (strcmp(text, "meeting") == 0) {
		meeting_command(b, arg);
	} else if (strcmp(text, "q") == 0 || strcmp(text, "quit") == 0) {
		b->quit = 1;
	} else {
		set_message(b, _("no command '%s' (goto CODE, year FY, export KIND FILE, meeting ..., quit)"),
			    text);
	}
}

/* The help screen, made from the action and key tables. */
static void help(struct browser *b)
{
	struct key k;
	int row = 0, a;

	erase();
	put(row++, 0, COLS, _("kpitree — keys (any key returns)"), A_BOLD);
	row++;
	for (a = 0; a < ACT_COUNT && row < LINES; a++) {
		char keys[64], padded[128], line[TEXT_MAX];

		/* padded by display width: ↓ is one column of three bytes */
		width_cut(keymap_keys((enum action)a, keys, sizeof keys), 14, 1, padded,
			  sizeof padded);
		snprintf(line, sizeof line, "%s %s", padded, _(action_info[a].help));
		put(row++, 0, COLS, line, 0);
	}
	refresh();
	while (input_next(&k, -1) < 0)
		;
	(void)b;
}

/* --- keys -------------------------------------------------------------- */

/* The status marks are counted again at the next draw (values changed). */
static void forget_marks(struct browser *b)
{
	int t;

	for (t = 0; t < TREES; t++)
		tree_list_forget_marks(&b->lists[t]);
}

/* The KPI the KPI pane shows, into code; 0 when it shows none. */
static int shown_kpi(struct browser *b, char *code, size_t size)
{
	const struct tree_item *it = b->v->n ? &b->v->items[b->v->cursor] : NULL;
	struct placement_kpis c;

	if (!it)
		return 0;
	if (trees_level(b->kind, it)->kpis == ROW_KPIS_LABEL) {
		snprintf(code, size, "%s", it->label);
		return 1;
	}
	if (trees_level(b->kind, it)->kpis == ROW_KPIS_OF_ROW) {
		if (row_kpis(b, it->id, &c) < 0 || !c.n)
			return 0;
		snprintf(code, size, "%s", c.code[b->kpi_index < c.n ? b->kpi_index : 0]);
		return 1;
	}
	return 0;
}

/* The lines of a history screen, kept in a growing list. */
struct history_text {
	char **text;
	int n;
};

static void add_line(struct history_text *l, const char *text)
{
	char **more = realloc(l->text, (size_t)(l->n + 1) * sizeof *more);

	if (!more || !(more[l->n] = strdup(text))) {
		if (more)
			l->text = more;
		return;
	}
	l->text = more;
	l->n++;
}

static void history_line(void *ctx, const struct history_row *h)
{
	char line[TEXT_MAX], note[TEXT_MAX];

	add_line(ctx, kpi_years_history_line(h, line, sizeof line, note, sizeof note));
	if (*note)
		add_line(ctx, note);
}

/* H: the shown KPI's history, as kpitree history writes it, the latest
 * changes at the bottom; any key returns. */
static void show_history(struct browser *b)
{
	struct history_text l = { NULL, 0 };
	char code[32], title[TEXT_MAX];
	struct error err;
	struct kpi k;
	struct key key;
	int i, first, row = 2;

	if (!shown_kpi(b, code, sizeof code) || kpi_find(b->s, code, &k, &err) < 0) {
		set_message(b, _("no KPI here: select a row with a KPI first"));
		return;
	}
	if (values_history(b->s, k.id, history_line, &l, &err) < 0)
		set_message(b, "%s", err.text);
	erase();
	snprintf(title, sizeof title, _("%s %s — history (any key returns)"), k.code, k.name);
	put(0, 0, COLS, title, A_BOLD);
	if (!l.n)
		put(row, 0, COLS, _("no change yet"), 0);
	first = l.n > LINES - 3 ? l.n - (LINES - 3) : 0;
	for (i = first; i < l.n; i++)
		put(row++, 0, COLS, l.text[i], 0);
	refresh();
	while (input_next(&key, -1) < 0)
		;
	for (i = 0; i < l.n; i++)
		free(l.text[i]);
	free(l.text);
	kpi_release(&k);
}

/* e: the form for the shown KPI at the fiscal year; a saved value may
 * change the status marks, which are counted again. */
static void enter_value(struct browser *b)
{
	char code[32], why[1200];
	const char *locked;

	if (!shown_kpi(b, code, sizeof code)) {
		set_message(b, _("no KPI here: select a row with a KPI first"));
		return;
	}
	/* the role and scope first: their reason is the one to show */
	locked = official_refusal(b->cli, ACCESS_EDIT, code, why, sizeof why);
	if (!locked && b->s->read_only) {
		/* --read-only, or a file this user may not write */
		set_message(b, _("read-only database: values cannot be entered"));
		return;
	}
	if (form_run(b->s, code, b->year, b->cli->user, locked, b->message, sizeof b->message,
		     b->last, &b->nlast) == FORM_SAVED) {
		forget_marks(b);
		b->due_stale = 1;
	}
}

/* u from an official whose role enters no values: said, and logged. */
static int refuse_undo(struct browser *b)
{
	char why[1200];
	struct error err;

	if (access_may(&b->cli->identity, ACCESS_EDIT))
		return 0;
	access_may_kpi(b->s, &b->cli->identity, ACCESS_EDIT, 0, why, sizeof why, &err);
	set_message(b, _("not permitted: %s"), why);
	access_log_refusal(b->cli->db_path, &b->cli->identity, "browse: u", why);
	return 1;
}

/* Counts what is due again (after a save, another official's, or at
 * the start). */
static void count_due(struct browser *b)
{
	official_due_load(&b->due, b->cli);
	b->due_stale = 0;
}

/* !: the next KPI whose actual is due, with the year set to it. */
static void next_due(struct browser *b)
{
	const char *code;
	char fy[32];

	if (b->due_stale)
		count_due(b);
	code = official_due_next(&b->due);

	if (!code) {
		set_message(b, _("nothing is due"));
		return;
	}
	b->year = b->due.year;
	goto_code(b, code);
	set_message(b, _("due %d/%d: %s (e enters its %s actual)"), b->due.at, b->due.n, code,
		    fiscal_year_short(b->due.year, fy, sizeof fy));
}

/* What is stored now where the session's last save went, as guards
 * (notes malloc'd into notes[]), and a short line of it for the
 * question. Returns 0, or -1 with err. */
static int stored_now(struct browser *b, struct value_change *now, char **notes, char *line,
		      size_t size, struct error *err)
{
	size_t used = 0;
	int i;

	if (value_undo_stored(b->s, b->last, b->nlast, now, notes, err) < 0)
		return -1;
	for (i = 0; i < b->nlast; i++) {
		char n[64];

		used += (size_t)snprintf(line + used, used < size ? size - used : 0, "%s%s %s",
					 i ? ", " : "", _(values_kind_name(b->last[i].kind)),
					 now[i].expect_none ? "-"
					 : number_format(now[i].expect, n, sizeof n));
	}
	return 0;
}

/* Puts the session's last save back, guarded by what it stored or by
 * now. Returns 0, 1 for a change since by someone else, -1 on error. */
static int apply_undo(struct browser *b, const struct value_change *now, struct error *err)
{
	if (value_undo_apply(b->s, b->last, b->nlast, b->cli->user, now, err) == 0)
		return 0;
	return err->kind == ERROR_CONFLICT ? 1 : -1;
}

/* u: undo the session's last save; a change since by someone else is
 * shown (what is stored now) and undone only after y, guarded by it. */
static void undo(struct browser *b)
{
	struct value_change now[VALUE_UNDO_MAX];
	char *notes[VALUE_UNDO_MAX] = { NULL }, line[256], q[TEXT_MAX];
	struct error err;
	int rc, i;

	if (!b->nlast) {
		set_message(b, _("nothing to undo in this session"));
		return;
	}
	rc = apply_undo(b, NULL, &err);
	if (rc == 1) {
		if (stored_now(b, now, notes, line, sizeof line, &err) < 0) {
			rc = -1;
		} else {
			snprintf(q, sizeof q, _("changed since: now %s; undo anyway?"), line);
			rc = draw_ask(q) ? apply_undo(b, now, &err) : 2;
		}
		for (i = 0; i < b->nlast; i++)
			free(notes[i]);
	}
	if (rc == 0) {
		value_undo_free(b->last, b->nlast);
		b->nlast = 0;
		forget_marks(b);
		set_message(b, _("undone"));
	} else if (rc == 2) {
		set_message(b, _("not undone"));
	} else if (rc == 1) {
		set_message(b, _("not undone: changed again meanwhile"));
	} else {
		set_message(b, _("not undone: %s"), err.text);
	}
}

static void move_cursor(struct browser *b, int to)
{
	struct error err;

	if (tree_list_move(b->v, b->s, to, &err))
		b->kpi_index = 0;
	if (err.kind != ERROR_NONE)
		set_message(b, "%s", err.text);
}

/* The tree after tree in t's round. */
static enum tree_id next_tree(enum tree_id tree)
{
	do
		tree = (tree + 1) % TREES;
	while (!trees[tree].in_round);
	return tree;
}

/* Shows tree, read from its top the first time, with the focus on it. */
static void show_tree(struct browser *b, enum tree_id tree)
{
	load_view(b, tree);
	b->focus = FOCUS_TREE;
	if (!b->v->n)
		expand(b, -1);
	set_message(b, "%s", _(b->kind->title));
}

static void key(struct browser *b, const struct key *k)
{
	int page = LINES - 3 > 1 ? LINES - 3 : 1;
	struct tree_item *it = b->v->n ? &b->v->items[b->v->cursor] : NULL;
	enum action action = keymap_action(k);

	b->message[0] = '\0';
	if (b->focus == FOCUS_KPI && (action == ACT_MOVE_DOWN || action == ACT_MOVE_UP)) {
		b->kpi_index += action == ACT_MOVE_DOWN ? 1 : b->kpi_index > 0 ? -1 : 0;
		return;
	}
	switch (action) {
	case ACT_MOVE_DOWN: move_cursor(b, b->v->cursor + 1); break;
	case ACT_MOVE_UP: move_cursor(b, b->v->cursor - 1); break;
	case ACT_TOP: move_cursor(b, 0); break;
	case ACT_BOTTOM: move_cursor(b, INT_MAX); break;
	case ACT_PAGE_DOWN: move_cursor(b, b->v->cursor + page); break;
	case ACT_PAGE_UP: move_cursor(b, b->v->cursor - page); break;
	case ACT_EXPAND:
		if (it)
			expand(b, b->v->cursor);
		break;
	case ACT_COLLAPSE:
		if (it && it->expanded)
			tree_list_collapse(b->v, b->v->cursor);
		else if (it)
			move_cursor(b, tree_list_parent(b->v, b->v->cursor));
		break;
	case ACT_TOGGLE:
		if (it && !it->children && b->kind->leaf_goes_home) {
			char code[32];

			snprintf(code, sizeof code, "%s", it->label);
			if (reveal(b, it->id) == 0 && *code)
				select_kpi(b, code);
		} else if (it && it->expanded) {
			tree_list_collapse(b->v, b->v->cursor);
		} else if (it) {
			expand(b, b->v->cursor);
		}
		break;
	case ACT_NEXT_PANE: b->focus = (b->focus + 1) % 3; break;
	case ACT_YEAR_BACK: b->year--; break;
	case ACT_YEAR_ON: b->year++; break;
	case ACT_SEARCH: search(b); break;
	case ACT_NEXT_MATCH: go_match(b, b->match + 1); break;
	case ACT_PREV_MATCH: go_match(b, b->match - 1); break;
	case ACT_COMMAND: command(b); break;
	case ACT_HELP: help(b); break;
	case ACT_ENTER_VALUE: enter_value(b); break;
	case ACT_HISTORY: show_history(b); break;
	case ACT_DASHBOARD: dashboard(b); break;
	case ACT_PRESENT: present(b); break;
	case ACT_UNDO:
		if (refuse_undo(b))
			break;
		if (b->s->read_only)
			set_message(b, _("read-only database: values cannot be entered"));
		else
			undo(b);
		break;
	case ACT_NEXT_TREE:
		show_tree(b, next_tree(b->tree));
		break;
	case ACT_PROJECTS_TREE:
		show_tree(b, b->tree == TREE_PROJECTS ? TREE_STRATEGY : TREE_PROJECTS);
		break;
	case ACT_NEXT_PLACE: next_place(b); break;
	case ACT_NEXT_DUE: next_due(b); break;
	case ACT_QUIT: b->quit = 1; break;
	case ACT_REDRAW: clearok(curscr, TRUE); break;
	default: break;
	}
}

#define REFRESH_MS 1000

/* Redraws with what others committed, keeping the cursor: every pane
 * reads the database as it draws, so forgetting the counted status
 * marks is all it takes. */
static void follow_others(struct browser *b)
{
	long long v = store_data_version(b->s);

	if (v == b->data_version)
		return;
	b->data_version = v;
	forget_marks(b);
	b->due_stale = 1;
}

/* Over SSH: the key's rights read again every cli->recheck seconds
 * (and before every write, by the store), and a session idle for
 * cli->idle seconds ended; either ends the browser, saying why. */
static void watch_session(struct browser *b)
{
	time_t now = time(NULL);
	struct error err;

	if (!b->cli->identity.enforced)
		return;
	if (b->cli->revoked || (b->cli->recheck && now - b->checked_at >= b->cli->recheck)) {
		b->checked_at = now;
		if (cli_rights_hold(b->cli, &err) == 0)
			snprintf(b->ended, sizeof b->ended, "%s", err.text);
	}
	if (!*b->ended && b->cli->idle && now - b->key_at >= b->cli->idle)
		snprintf(b->ended, sizeof b->ended,
			 _("idle for %d seconds: the session has ended"), b->cli->idle);
	if (*b->ended)
		b->quit = 1;
}

int browser_run(struct cli *cli)
{
	struct browser b = { .cli = cli, .s = cli->store };
	const char *keys = cli_option(cli, "--keys"), *year = cli_option(cli, "--year");
	const char *ambiguous;
	struct error err;
	const char *bad;
	SCREEN *screen;
	int t, termerr;

	for (t = 0; t < TREES; t++) {
		b.lists[t].read = trees[t].children;
		b.lists[t].paged = trees[t].paged;
	}
	load_view(&b, TREE_STRATEGY);
	b.year = fiscal_year_of(time(NULL)) - 1;	/* last year's results are due */
	ambiguous = cli_option(cli, "--ambiguous-width");
	if (!ambiguous)
		ambiguous = getenv("KPITREE_AMBIGUOUS_WIDTH");
	if (ambiguous && *ambiguous) {
		if (strcmp(ambiguous, "1") != 0 && strcmp(ambiguous, "2") != 0)
			return cli_fail(cli, _("--ambiguous-width: '%s' is neither 1 nor 2"), ambiguous);
		width_set_ambiguous(atoi(ambiguous));
	}
	if (year && fiscal_year_parse(year, &b.year, &err) < 0)
		return cli_fail_error(cli, &err);
	if (keys && input_queue(keys, &bad) < 0)
		return cli_fail(cli, _("--keys: cannot read '%s'"), bad);
	/* Ask terminfo first: initscr exits the program when the terminal is
	 * unknown, and newterm, failing, leaks what it had set up; a failing
	 * command must say why on its own terms. */
	screen = NULL;
	if (setupterm(NULL, fileno(stdout), &termerr) == OK) {
		del_curterm(cur_term);
		screen = newterm(NULL, stdout, stdin);
	}
	if (!screen) {
		const char *term = getenv("TERM");

		return cli_fail(cli, _("cannot use the terminal (TERM=%s); the browser needs one, "
				"the other commands do not"), term && *term ? term : "unset");
	}
	if (expand(&b, -1) < 0) {
		endwin();
		delscreen(screen);
		return cli_fail(cli, "%s", b.message);
	}
	/* what is due is counted once the first screen is up: over every
	 * KPI of a national database it takes longer than opening does */
	b.due_stale = 1;
	draw_start_colors();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	b.key_at = b.checked_at = time(NULL);
	while (!b.quit) {
		struct key k;

		draw(&b);
		/* Between keys, a second at most: what other officials saved
		 * (another browser, kpitree set, an import) shows within it. */
		if (input_next(&k, b.search || b.due_stale ? 0 : REFRESH_MS) < 0) {
			if (b.search)
				search_slice(&b);
			else if (b.due_stale)
				count_due(&b);
			else
				follow_others(&b);
			watch_session(&b);
			continue;
		}
		if (k.is_key && k.code == KEY_RESIZE)
			continue;
		b.key_at = time(NULL);
		key(&b, &k);
		watch_session(&b);
	}
	endwin();
	delscreen(screen);
	for (t = 0; t < TREES; t++)
		tree_list_clear(&b.lists[t]);
	search_stop(&b);
	free(b.matches);
	official_due_free(&b.due);
	value_undo_free(b.last, b.nlast);
	return *b.ended ? cli_fail(cli, "%s", b.ended) : EXIT_DONE;
}
