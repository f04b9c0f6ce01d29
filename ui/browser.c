/* browser.c: the browser: the view at the bottom of the stack, its keys as
 * actions, moving about the trees, what it watches between keys. */
#include "browser.h"
#include "browse.h"
#include "busy.h"
#include "i18n.h"

#include <curses.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "fiscal_year.h"
#include "input.h"
#include "keymap.h"
#include "kpi_history.h"
#include "placement.h"
#include "tree.h"
#include "width.h"
#include "view.h"

/* Shows another tree; each keeps its rows, cursor and scroll. */
void browser_show(struct browser *b, enum tree_id tree)
{
	b->tree = tree;
	b->kind = &trees[tree];
	b->v = &b->lists[tree];
	b->kpi_index = 0;
}

/* q, :quit, or the session ended: every view closes. */
void browser_quit(struct browser *b)
{
	b->quit = 1;
	app_quit();
}

void browser_say(struct browser *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(b->message, sizeof b->message, fmt, ap);
	va_end(ap);
}

/* --- the tree as a list --------------------------------------------- */

/* Reads the children of item i (or the next page of top rows, i = -1)
 * into the list; a failure is said on the status line. */
static int browser_expand(struct browser *b, int i)
{
	struct error err;

	if (tree_list_expand(b->v, b->s, i, &err) < 0) {
		browser_say(b, "%s", err.text);
		return -1;
	}
	return 0;
}

/* Opens the current tree along path (ids from the top) and puts the
 * cursor on its last row. */
static int browser_reveal_path(struct browser *b, const long long *path, int n)
{
	struct error err;
	int rc = tree_list_reveal(b->v, b->s, path, n, &err);

	if (err.kind != ERROR_NONE)
		browser_say(b, "%s", err.text);
	if (rc == 0)
		b->kpi_index = 0;
	return rc;
}

/* Opens the strategy tree down to placement and puts the cursor on it. */
int browser_reveal(struct browser *b, long long placement)
{
	long long path[16];
	struct error err;
	int n = tree_path(b->s, placement, path, 16, &err);

	if (n < 0) {
		browser_say(b, "%s", err.text);
		return -1;
	}
	if (b->tree != TREE_STRATEGY)
		browser_show(b, TREE_STRATEGY);
	return browser_reveal_path(b, path, n);
}

/* Makes code the KPI the pane shows, among those of the selected row. */
static void browser_select_kpi(struct browser *b, const char *code)
{
	struct placement_kpis c;
	int i;

	if (kpi_pane_row(b, b->v->items[b->v->cursor].id, &c) < 0)
		return;
	for (i = 0; i < c.n; i++)
		if (strcmp(c.code[i], code) == 0)
			b->kpi_index = i;
	b->focus = FOCUS_KPI;
	browser_say(b, "%s", code);
}

/* Opens the projects tree down to the KPI with code. */
static void browser_goto_project_kpi(struct browser *b, const char *code)
{
	long long path[4];
	struct error err;
	int n = tree_project_path(b->s, code, path, &err);

	if (n <= 0) {
		browser_say(b, "%s", n < 0 ? err.text : "not a project's KPI");
		return;
	}
	if (b->tree != TREE_PROJECTS) {
		browser_show(b, TREE_PROJECTS);
		if (!b->v->n)
			browser_expand(b, -1);
	}
	if (browser_reveal_path(b, path, n) == 0)
		browser_say(b, "%s", code);
}

int browser_judged_year(const struct browser *b)
{
	return b->year_chosen ? b->year : 0;
}

/* :goto CODE: the KPI's home row, or its place in the projects tree;
 * the code as typed (h12b, Ｈ１２Ｂ, ⑫), and the nearest one suggested
 * when no KPI has it. */
void browser_goto(struct browser *b, const char *typed)
{
	char code[32];
	struct error err;
	long long home;
	int found = tree_code_of(b->s, typed, code, sizeof code, &err);

	if (found < 0) {
		browser_say(b, "%s", err.text);
		return;
	}
	if (!found) {
		if (*code)
			browser_say(b, _("no KPI with code '%s'; the nearest is %s"), typed, code);
		else
			browser_say(b, _("no KPI with code '%s'"), typed);
		return;
	}
	home = tree_home_of(b->s, code, &err);

	if (home < 0)
		browser_say(b, "%s", err.text);
	else if (home == 0)
		browser_goto_project_kpi(b, code);
	else if (browser_reveal(b, home) == 0)
		browser_select_kpi(b, code);
}

/* Moves to the next place where the selected KPI stands (its home row
 * and its re-listings, in turn). */
static void browser_next_place(struct browser *b)
{
	long long *places;
	struct placement_kpis c;
	struct error err;
	int n, i;

	if (!b->kind->places || !b->v->n ||
	    trees_level(b->kind, &b->v->items[b->v->cursor])->kpis != ROW_KPIS_OF_ROW ||
	    kpi_pane_row(b, b->v->items[b->v->cursor].id, &c) < 0 || !c.n)
		return;
	if (b->kpi_index >= c.n)
		b->kpi_index = c.n - 1;
	n = tree_places(b->s, c.code[b->kpi_index], &places, &err);
	for (i = 0; i < n && places[i] != b->v->items[b->v->cursor].id; i++)
		;
	if (n > 1 && browser_reveal(b, places[(i + 1) % n]) == 0) {
		browser_select_kpi(b, c.code[b->kpi_index]);
		browser_say(b, _("%s: place %d of %d"), c.code[b->kpi_index], (i + 1) % n + 1, n);
	}
	free(places);
}

/* --- keys -------------------------------------------------------------- */

/* The status marks are counted again at the next draw (values changed). */
void browser_forget_marks(struct browser *b)
{
	int t;

	for (t = 0; t < TREES; t++)
		tree_list_forget_marks(&b->lists[t]);
	b->marks_forgotten++;
}

/* The KPI the KPI pane shows, into code; 0 when it shows none. */
int browser_shown_kpi(struct browser *b, char *code, size_t size)
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
		if (kpi_pane_row(b, it->id, &c) < 0 || !c.n)
			return 0;
		snprintf(code, size, "%s", c.code[b->kpi_index < c.n ? b->kpi_index : 0]);
		return 1;
	}
	return 0;
}

static void move_cursor(struct browser *b, int to)
{
	struct error err;

	if (tree_list_move(b->v, b->s, to, &err))
		b->kpi_index = 0;
	if (err.kind != ERROR_NONE)
		browser_say(b, "%s", err.text);
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
	browser_show(b, tree);
	b->focus = FOCUS_TREE;
	if (!b->v->n)
		browser_expand(b, -1);
	browser_say(b, "%s", _(b->kind->title));
}

/* Whether the official's role does not allow action (its column of the
 * action table): then said, and logged with the action's key. */
static int refused(struct browser *b, enum action action)
{
	char why[1200], keys[64], what[80];
	struct error err;

	if (access_may(&b->session->identity, action_info[action].right))
		return 0;
	access_may_kpi(b->s, &b->session->identity, action_info[action].right, 0, why, sizeof why,
		       &err);
	browser_say(b, _("not permitted: %s"), why);
	/* the first key bound to it, as the help writes it ("u") */
	keymap_keys(action, keys, sizeof keys);
	keys[strcspn(keys, " ")] = '\0';
	snprintf(what, sizeof what, "browse: %s", keys);
	access_log_refusal(b->session->db_path, &b->session->identity, what, why);
	return 1;
}

/* The rows the wheel moves the cursor by, a notch at a time. */
#define WHEEL_ROWS 3

/* A click selects the tree's row under it, or focuses the pane; the
 * wheel moves the tree's cursor. */
static void mouse(struct browser *b, const struct key *k)
{
	int row, pane = screen_at(b, k->y, k->x, &row);

	if (k->button == MOUSE_WHEEL_UP || k->button == MOUSE_WHEEL_DOWN) {
		move_cursor(b, b->v->cursor + (k->button == MOUSE_WHEEL_UP ? -WHEEL_ROWS : WHEEL_ROWS));
		return;
	}
	if (k->button != MOUSE_CLICK || pane < 0)
		return;
	b->focus = (enum focus)pane;
	if (pane == FOCUS_TREE && row >= 0 && row < b->v->n)
		move_cursor(b, row);
}

static void key(struct browser *b, const struct key *k)
{
	int page = LINES - 3 > 1 ? LINES - 3 : 1;
	struct tree_item *it = b->v->n ? &b->v->items[b->v->cursor] : NULL;
	enum action action = keymap_action(k);

	b->message[0] = '\0';
	if (k->is_key && k->code == KEY_MOUSE) {
		mouse(b, k);
		return;
	}
	if (action != ACT_NONE && refused(b, action))
		return;
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
			browser_expand(b, b->v->cursor);
		break;
	case ACT_COLLAPSE:
		if (it && it->expanded)
			tree_list_collapse(b->v, b->v->cursor);
		else if (it)
			move_cursor(b, tree_list_parent(b->v, b->v->cursor));
		break;
	case ACT_TOGGLE:
		if (it && !it->children && b->kind->leaf_goes_home) {
			char code[32] = "";

			/* the label is a KPI's code only where the level says so
			 * (the menu tree's is the project, "[4]") */
			if (trees_level(b->kind, it)->kpis == ROW_KPIS_LABEL)
				snprintf(code, sizeof code, "%s", it->label);
			if (browser_reveal(b, it->id) == 0 && *code)
				browser_select_kpi(b, code);
		} else if (it && it->expanded) {
			tree_list_collapse(b->v, b->v->cursor);
		} else if (it) {
			browser_expand(b, b->v->cursor);
		}
		break;
	case ACT_NEXT_PANE: b->focus = (b->focus + 1) % 3; break;
	case ACT_YEAR_BACK: b->year--; b->year_chosen = 1; break;
	case ACT_YEAR_ON: b->year++; b->year_chosen = 1; break;
	case ACT_SEARCH: search_run(b); break;
	case ACT_NEXT_MATCH: search_go(b, b->match + 1); break;
	case ACT_PREV_MATCH: search_go(b, b->match - 1); break;
	case ACT_COMMAND: command_run(b); break;
	case ACT_HELP: help_view_run(); break;
	case ACT_ENTER_VALUE: entry_value(b); break;
	case ACT_HISTORY: history_view_run(b); break;
	case ACT_DETAIL: detail_view_run(b); break;
	case ACT_DASHBOARD: meeting_dashboard(b); break;
	case ACT_PRESENT: meeting_present(b); break;
	case ACT_UNDO:
		if (b->s->read_only)
			browser_say(b, _("read-only database: values cannot be entered"));
		else
			entry_undo(b);
		break;
	case ACT_NEXT_TREE:
		show_tree(b, next_tree(b->tree));
		break;
	case ACT_PROJECTS_TREE:
		show_tree(b, b->tree == TREE_PROJECTS ? TREE_STRATEGY : TREE_PROJECTS);
		break;
	case ACT_NEXT_PLACE: browser_next_place(b); break;
	case ACT_NEXT_DUE: entry_next_due(b); break;
	case ACT_QUIT: browser_quit(b); break;
	case ACT_REDRAW: clearok(curscr, TRUE); break;
	default: break;
	}
}

#define REFRESH_MS 1000

/* Redraws with what others committed, keeping the cursor: a new data
 * version makes the screen stale (screen_stale), so that its panes are
 * read again before they are painted, and the counted status marks are
 * forgotten. */
static void follow_others(struct browser *b)
{
	long long v = store_data_version(b->s);

	if (v == b->data_version)
		return;
	b->data_version = v;
	browser_forget_marks(b);
	b->due_stale = 1;
	/* rows another session's import renamed: their text read again */
	v = kpi_history_last_rename(b->s);
	if (v != b->last_rename) {
		b->last_rename = v;
		tree_list_forget_text(&b->lists[TREE_STRATEGY]);
		tree_list_forget_text(&b->lists[TREE_SEARCH]);
	}
}

/* Over SSH: the key's rights read again every session->recheck seconds
 * (and before every write, by the store), and a session idle for
 * session->idle seconds ended; either ends the browser, saying why. */
static void watch_session(struct browser *b)
{
	time_t now = time(NULL);
	struct error err;

	if (!b->session->identity.enforced)
		return;
	if (b->session->revoked || (b->session->recheck && now - b->checked_at >= b->session->recheck)) {
		b->checked_at = now;
		if (session_rights_hold(b->session, &err) == 0)
			snprintf(b->ended, sizeof b->ended, "%s", err.text);
	}
	if (!*b->ended && b->session->idle && now - b->key_at >= b->session->idle)
		snprintf(b->ended, sizeof b->ended,
			 _("idle for %d seconds: the session has ended"), b->session->idle);
	if (*b->ended)
		browser_quit(b);
}

/* --- the browser as the view at the bottom ---------------------------- */

static int view_load(struct view *v)
{
	return screen_load(v->data);
}

static int view_stale(struct view *v)
{
	return screen_stale(v->data);
}

static void view_draw(struct view *v)
{
	screen_draw(v->data);
}

static int view_key(struct view *v, const struct key *k)
{
	struct browser *b = v->data;

	key(b, k);
	return VIEW_HANDLED | (b->quit ? VIEW_CLOSE : 0);
}

/* Between keys, a second at most: what other officials saved (another
 * browser, kpitree set, an import) shows within it; a search or the
 * count of what is due goes on at once. */
static int view_wait(struct view *v)
{
	struct browser *b = v->data;

	return b->search || b->due_stale ? 0 : REFRESH_MS;
}

static void view_idle(struct view *v)
{
	struct browser *b = v->data;

	if (b->search)
		search_slice(b);
	else if (b->due_stale)
		entry_count_due(b);
	else
		follow_others(b);
}

/* After every key and idle turn, whatever view is in front. */
static void watch(void *ctx, int keyed)
{
	struct browser *b = ctx;

	if (keyed)
		b->key_at = time(NULL);
	watch_session(b);
}

static const struct view_ops browser_ops = {
	.name = N_("browser"), .load = view_load, .stale = view_stale, .draw = view_draw, .key = view_key, .wait = view_wait,
	.idle = view_idle, .full_screen = 1,
};

/* 0 when v is a, 1 when it is b, else -1. */
static int one_of(const char *v, const char *a, const char *b)
{
	return strcmp(v, a) == 0 ? 0 : strcmp(v, b) == 0 ? 1 : -1;
}

/* Says why the browser cannot go on, into why. Returns -1. */
static int refuse(char *why, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int refuse(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
	return -1;
}

int browser_run(struct session *session, const struct browse_options *o, char *why, size_t size)
{
	struct browser b = { .session = session, .s = session->store };
	struct view view = { &browser_ops, &b };
	struct error err;
	const char *bad;
	int t, started;

	for (t = 0; t < TREES; t++) {
		b.lists[t].read = trees[t].children;
		b.lists[t].paged = trees[t].paged;
	}
	browser_show(&b, TREE_STRATEGY);
	b.year = fiscal_year_of(time(NULL)) - 1;	/* last year's results are due */
	if (o->ambiguous) {
		if ((t = one_of(o->ambiguous, "1", "2")) < 0)
			return refuse(why, size, _("--ambiguous-width: '%s' is neither 1 nor 2"),
				      o->ambiguous);
		width_set_ambiguous(t + 1);
	}
	if (o->cursor && (b.arrow = one_of(o->cursor, "bar", "arrow")) < 0)
		return refuse(why, size, _("--cursor: '%s' is neither bar nor arrow"), o->cursor);
	if (o->year && fiscal_year_parse(o->year, &b.year, &err) < 0)
		return refuse(why, size, "%s", error_format(&err, b.message, sizeof b.message));
	b.year_chosen = o->year != NULL;
	if (o->keys && (t = input_queue(o->keys, &bad)) < 0)
		return t == INPUT_TOO_MANY ?
		       refuse(why, size, _("--keys: more than %d keys, the most it plays"),
			      INPUT_QUEUE_MAX) :
		       refuse(why, size, _("--keys: cannot read '%s'"), bad);
	started = app_start(o->mouse);
	if (started == APP_NO_KEYBOARD)
		return refuse(why, size, _("the browser reads its keys from a terminal, and standard"
			      " input is none (over SSH: ssh -t); the other commands do not need one"));
	if (started < 0) {
		const char *term = getenv("TERM");

		return refuse(why, size, _("cannot use the terminal (TERM=%s); the browser needs one, "
			      "the other commands do not"), term && *term ? term : "unset");
	}
	if (browser_expand(&b, -1) < 0) {
		app_stop();
		return refuse(why, size, "%s", b.message);
	}
	/* the client's TERM, as the status line shows any text: inert, cut */
	if (started == 1)
		browser_say(&b, _("drawn as xterm: TERM=%.40s is unknown here"),
			    getenv("TERM"));
	/* what is due is counted once the first screen is up: over every
	 * KPI of a national database it takes longer than opening does */
	b.due_stale = 1;
	b.last_rename = kpi_history_last_rename(b.s);
	b.key_at = b.checked_at = time(NULL);
	app_watch(watch, &b);
	busy_watch(session->store, 1);
	if (o->key_times)
		app_time_keys();
	app_run(&view);
	busy_watch(session->store, 0);
	app_watch(NULL, NULL);
	app_stop();
	if (o->key_times)
		app_key_times_report(stderr);
	for (t = 0; t < TREES; t++)
		tree_list_clear(&b.lists[t]);
	search_stop(&b);
	screen_free(&b);
	free(b.matches);
	free(b.voices_seen);
	official_due_free(&b.due);
	value_undo_free(b.last, b.nlast);
	if (*b.ended)
		return refuse(why, size, "%s", b.ended);
	if (session->store->damaged) {
		char check[4200];

		snprintf(check, sizeof check, "kpitree --db %s check", session->db_path);
		return refuse(why, size, _("%s: the database is damaged; run: %s"), session->db_path,
			      check);
	}
	return 0;
}
