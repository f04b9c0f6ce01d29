/* browse.h: the browser's state, which the files of its panes, search,
 * commands, meetings and value entry share; each function is theirs. */
#ifndef KPITREE_BROWSE_H
#define KPITREE_BROWSE_H

#include <stddef.h>
#include <time.h>

#include "kpi_data.h"
#include "meeting.h"
#include "official.h"
#include "placement.h"
#include "review.h"
#include "tree.h"
#include "tree_list.h"
#include "trees.h"
#include "value_undo.h"

enum focus { FOCUS_TREE, FOCUS_KPI, FOCUS_GRANT };

/* A pane's lines as read from the store, before any is drawn (a pane
 * reads, then paints from memory): no more than the pane shows. */
#define PANE_ROWS_MAX 256
struct pane_text {
	char *text[PANE_ROWS_MAX];
	int attr[PANE_ROWS_MAX];
	int n, max;
};

/* What the browser's screen shows of the store, read by screen_load
 * (which draws nothing) and painted from memory by screen_draw; read
 * again when what it was read for (key) is no longer what is shown. */
struct screen_data {
	struct screen_key {
		int tree, cursor, top, n, kpi_index, year, judged, lines, cols, marks;
		long long version, changes;
	} key;
	int loaded;
	struct placement_kpis c;	/* the selected row's KPIs */
	int have;			/* c holds some */
	struct kpi_data kpi;		/* the picked one, its review and places */
	int kpi_loaded;
	struct pane_text side;		/* the grant-menu or project pane */
};

/* A voice of the 効果検証 as the browser last showed or wrote it: its
 * version (verification_voice_version), which an entry of it expects. */
struct voice_seen {
	int year;
	long long project;
	int voice;
	unsigned long long version;
};

struct browser {
	struct session *session;
	struct store *s;
	struct tree_list lists[TREES];	/* each tree keeps its rows, cursor, scroll */
	enum tree_id tree;
	const struct tree_kind *kind;	/* trees[tree] */
	struct tree_list *v;		/* lists[tree] */
	enum focus focus;
	int year;		/* the year shown */
	int year_chosen;	/* by --year, [ ], :year or !: else each KPI is
				 * judged at its latest actual (review_standing) */
	int kpi_index;
	int arrow;			/* --cursor arrow: > marks the row, not a bar */
	char message[256];
	/* search */
	char query[256];
	long long *matches;
	int nmatches, match;
	int placed;		/* the first of matches in the search view, in
				 * its order; the rest wait for a slice */
	int found_all;		/* the search has found all it will */
	struct tree_search *search;	/* still going, between keys */
	long long data_version;		/* of the database, when last drawn */
	long long last_rename;		/* kpi_history_last_rename, when last read */
	struct value_undo last[VALUE_UNDO_MAX];	/* the session's last save */
	int nlast;
	struct meeting meeting;		/* the open meeting; id 0: none */
	struct voice_seen *voices_seen;	/* the voices shown, by :verification */
	int n_voices_seen;
	int presented;			/* the agenda item shown last */
	struct official_due due;	/* what the official still owes */
	int due_stale;			/* to be counted again when idle */
	time_t key_at, checked_at;	/* the last key; the key's rights last read */
	struct screen_data shown;	/* what the screen shows, read */
	int marks_forgotten;		/* counted each time the marks are forgotten */
	char ended[1200];		/* why the session ended (over SSH), or "" */
	int quit;
};

/* --- browser.c */

/* Shows another tree; each keeps its rows, cursor and scroll. */
void browser_show(struct browser *b, enum tree_id tree);

/* q, :quit, or the session ended: every view closes. */
void browser_quit(struct browser *b);

/* What the status line says until the next key. */
void browser_say(struct browser *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Opens the strategy tree down to placement and puts the cursor on it. */
int browser_reveal(struct browser *b, long long placement);

/* :goto CODE: the KPI's home row, or its place in the projects tree. */
void browser_goto(struct browser *b, const char *code);

/* The year the KPIs are judged at: the one chosen, else 0 (each at its
 * latest year with an actual). */
int browser_judged_year(const struct browser *b);

/* The status marks are counted again at the next draw (values changed). */
void browser_forget_marks(struct browser *b);

/* The KPI the KPI pane shows, into code; 0 when it shows none. */
int browser_shown_kpi(struct browser *b, char *code, size_t size);

/* --- screen.c */

/* Whether what the screen shows moved from what was read for it (the
 * row, the KPI picked, the year, the size, the store). */
int screen_stale(const struct browser *b);

/* Reads what the screen shows into b->shown: the tree's visible rows'
 * status marks, the selected row's KPIs, the picked one's data, the
 * side pane's lines. Draws nothing. Returns 0. */
int screen_load(struct browser *b);

/* Frees what b->shown holds. */
void screen_free(struct browser *b);

/* The browser's whole screen from b->shown: the panes, framed, and the
 * status line. */
void screen_draw(struct browser *b);

/* The pane (enum focus) holding the screen cell y, x as screen_draw lays
 * it out, or -1 for none; in the tree, *row is the list's row there (-1
 * on its frame or below its last row's place). */
int screen_at(const struct browser *b, int y, int x, int *row);

/* --- tree_view.c */

/* Scrolls the tree to show the cursor in rows rows, reads the rows shown
 * that a search left unread, and counts the status marks of the
 * collapsed rows shown that lack them. */
void tree_view_load(struct browser *b, int rows);

/* The tree pane in the box at y, x of h rows and w columns. */
void tree_view_draw(struct browser *b, int y, int x, int h, int w);

/* --- kpi_pane.c */

/* The KPIs of a content row; the one-KPI list of a project's or a field's. */
int kpi_pane_row(struct browser *b, long long placement, struct placement_kpis *c);

/* c as the one KPI with code. Returns c. */
const struct placement_kpis *kpi_pane_one(struct placement_kpis *c, const char *code);

/* Reads the index-th KPI of c into d, with its review and up to rows of
 * the other places it stands than here (0: none listed). */
void kpi_pane_load(struct browser *b, struct kpi_data *d, const struct placement_kpis *c,
		   int index, long long here, int rows);

/* The KPI pane in its box, from d (kpi_pane_load's). */
void kpi_pane_draw(struct browser *b, const struct kpi_data *d, const struct placement_kpis *c,
		   int index, int y, int x, int h, int w);

/* --- grant_pane.c */

/* Reads the grant menus and examples of placement into t (t->max lines). */
void grant_pane_load(struct browser *b, long long placement, struct pane_text *t);

/* Keeps a line of a pane with its attribute (A_BOLD, A_DIM or 0), while
 * it has room. Returns whether it had. */
int pane_text_add(struct pane_text *p, int attr, const char *text);

/* Paints p's lines in the box at y, x of h rows and w columns. */
void pane_text_paint(const struct pane_text *p, int y, int x, int h, int w);

/* Frees p's lines. */
void pane_text_free(struct pane_text *p);

/* --- project_pane.c */

/* Reads the grant project's details into t (t->max lines). */
void project_pane_load(struct browser *b, long long project, struct pane_text *t);

/* One field of a grant project (not its description or notes) as the
 * pane writes it, "label  text", added to l. */
struct text_lines;
void project_pane_field(struct text_lines *l, enum project_field field, const char *text);

/* --- detail_view.c */

/* i: the selected row's whole text, wrapped and scrolled: its path from
 * the project down, its KPIs (circled number, main field), its grant
 * menus and examples; of a grant project, its fields, notes and KPIs. */
void detail_view_run(struct browser *b);

/* --- status_line.c */

/* The status line at row y, w columns wide. */
void status_line_draw(struct browser *b, int y, int w);

/* --- search.c */

/* Whether placement is among the search's matches. */
int search_is_match(const struct browser *b, long long placement);

/* In the search view the cursor goes to the match; in the strategy tree
 * the tree opens down to it. */
void search_go(struct browser *b, int index);

/* Ends the search going on, if any; its matches stay. */
void search_stop(struct browser *b);

/* Searches on for a slice; shows the first match as soon as there is one. */
void search_slice(struct browser *b);

/* Search: as the text is typed the tree shows only the matching rows
 * and the rows above them; Enter opens the strategy tree at the chosen
 * match (n and N walk the others), Escape goes back to the tree as it
 * was, which the search never touched. */
void search_run(struct browser *b);

/* --- command.c */

/* ':': reads a command at the bottom and runs it. */
void command_run(struct browser *b);

/* --- meeting_view.c */

/* d: the dashboard of the tree shown; Enter there goes to the KPI. */
void meeting_dashboard(struct browser *b);

/* :meeting start TITLE|agenda WHAT|end|list|open ID (arg: the words
 * after :meeting, or NULL). */
void meeting_command(struct browser *b, char *arg);

/* --- verification_view.c */

/* :verification [open|close|self|committee|final ...]: the 効果検証 of
 * the browser's fiscal year; alone, its state in a view of its own. */
void verification_command(struct browser *b, char *arg);

/* p: the open meeting's agenda, from the item shown last. */
void meeting_present(struct browser *b);

/* --- history_view.c */

/* H: the shown KPI's history, as kpitree history writes it, the latest
 * changes at the bottom; any key returns. */
void history_view_run(struct browser *b);

/* --- help_view.c */

/* The help screen, made from the action and key tables. */
void help_view_run(void);

/* --- entry.c */

/* e: the form for the shown KPI at the fiscal year; a saved value may
 * change the status marks, which are counted again. */
void entry_value(struct browser *b);

/* Counts what is due again (after a save, another official's, or at
 * the start). */
void entry_count_due(struct browser *b);

/* !: the next KPI whose actual is due, with the year set to it. */
void entry_next_due(struct browser *b);

/* u: undo the session's last save; a change since by someone else is
 * shown (what is stored now) and undone only after y, guarded by it. */
void entry_undo(struct browser *b);

#endif
