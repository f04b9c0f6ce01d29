/* action.h: what the browser's keys do, each a named action with the
 * right it needs and its help line; keymap.c binds keys to them, and the
 * help screen is made from these two tables. */
#ifndef KPITREE_ACTION_H
#define KPITREE_ACTION_H

#include "access.h"
#include "i18n.h"

#define ACTIONS \
	ACTION(MOVE_DOWN, "move-down", ACCESS_READ, N_("move down (in the KPI pane: the row's next KPI)")) \
	ACTION(MOVE_UP, "move-up", ACCESS_READ, N_("move up (in the KPI pane: the row's previous KPI)")) \
	ACTION(COLLAPSE, "collapse", ACCESS_READ, N_("close the node, or go up to its parent")) \
	ACTION(EXPAND, "expand", ACCESS_READ, N_("open the node")) \
	ACTION(TOGGLE, "toggle", ACCESS_READ, N_("open or close; in the field and menu trees, go to the row")) \
	ACTION(TOP, "top", ACCESS_READ, N_("the first row")) \
	ACTION(BOTTOM, "bottom", ACCESS_READ, N_("the last row")) \
	ACTION(PAGE_DOWN, "page-down", ACCESS_READ, N_("a page down")) \
	ACTION(PAGE_UP, "page-up", ACCESS_READ, N_("a page up")) \
	ACTION(NEXT_PANE, "next-pane", ACCESS_READ, N_("the next pane")) \
	ACTION(YEAR_BACK, "year-back", ACCESS_READ, N_("the previous fiscal year")) \
	ACTION(YEAR_ON, "year-on", ACCESS_READ, N_("the next fiscal year")) \
	ACTION(SEARCH, "search", ACCESS_READ, N_("search as you type; Enter keeps the match, Escape goes back")) \
	ACTION(NEXT_MATCH, "next-match", ACCESS_READ, N_("the next match")) \
	ACTION(PREV_MATCH, "prev-match", ACCESS_READ, N_("the previous match")) \
	ACTION(COMMAND, "command", ACCESS_READ, N_(":goto CODE, :year FY, :export KIND FILE, :meeting ..., :verification ..., :quit")) \
	ACTION(NEXT_TREE, "next-tree", ACCESS_READ, N_("the next tree: strategy, projects, main fields, grant menus")) \
	ACTION(PROJECTS_TREE, "projects-tree", ACCESS_READ, N_("the grant projects' tree, or back to the strategy")) \
	ACTION(NEXT_PLACE, "next-place", ACCESS_READ, N_("the next place a re-listed KPI stands")) \
	ACTION(REDRAW, "redraw", ACCESS_READ, N_("draw the screen again")) \
	ACTION(ENTER_VALUE, "enter-value", ACCESS_READ, N_("enter the shown KPI's value for the fiscal year")) \
	ACTION(DETAIL, "detail", ACCESS_READ, N_("the row's whole text: where it stands, its KPIs, menus, examples and notes")) \
	ACTION(HISTORY, "history", ACCESS_READ, N_("every change to the shown KPI: when, who, what was, what came")) \
	ACTION(UNDO, "undo", ACCESS_EDIT, N_("undo your last change (itself a change in the history)")) \
	ACTION(NEXT_DUE, "next-due", ACCESS_READ, N_("the next KPI in your scope still lacking last year's actual")) \
	ACTION(DASHBOARD, "dashboard", ACCESS_READ, N_("every KPI of this tree in one table: sort, filter, Enter goes there")) \
	ACTION(PRESENT, "present", ACCESS_READ, N_("present the open meeting's agenda, one item a screen, and record")) \
	ACTION(HELP, "help", ACCESS_READ, N_("this help")) \
	ACTION(QUIT, "quit", ACCESS_READ, N_("quit"))

enum action {
#define ACTION(id, name, right, help) ACT_##id,
	ACTIONS
#undef ACTION
	ACT_COUNT,
	ACT_NONE = ACT_COUNT
};

struct action_info {
	const char *name;
	enum access_action right;	/* what the official's role must allow */
	const char *help;
};

/* Indexed by enum action. */
extern const struct action_info action_info[ACT_COUNT];

#endif
