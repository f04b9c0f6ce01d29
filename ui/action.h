/* action.h: what the browser's keys do, each a named action with its
 * help line; keymap.c binds keys to them, and the help screen and the
 * manual's key list are made from these two tables. */
#ifndef KPITREE_ACTION_H
#define KPITREE_ACTION_H

#include "i18n.h"

#define ACTIONS \
	ACTION(MOVE_DOWN, "move-down", N_("move down (in the KPI pane: the row's next KPI)")) \
	ACTION(MOVE_UP, "move-up", N_("move up (in the KPI pane: the row's previous KPI)")) \
	ACTION(COLLAPSE, "collapse", N_("close the node, or go up to its parent")) \
	ACTION(EXPAND, "expand", N_("open the node")) \
	ACTION(TOGGLE, "toggle", N_("open or close; in the field and menu trees, go to the row")) \
	ACTION(TOP, "top", N_("the first row")) \
	ACTION(BOTTOM, "bottom", N_("the last row")) \
	ACTION(PAGE_DOWN, "page-down", N_("a page down")) \
	ACTION(PAGE_UP, "page-up", N_("a page up")) \
	ACTION(NEXT_PANE, "next-pane", N_("the next pane")) \
	ACTION(YEAR_BACK, "year-back", N_("the previous fiscal year")) \
	ACTION(YEAR_ON, "year-on", N_("the next fiscal year")) \
	ACTION(SEARCH, "search", N_("search as you type; Enter keeps the match, Escape goes back")) \
	ACTION(NEXT_MATCH, "next-match", N_("the next match")) \
	ACTION(PREV_MATCH, "prev-match", N_("the previous match")) \
	ACTION(COMMAND, "command", N_(":goto CODE, :year FY, :export KIND FILE, :meeting ..., :quit")) \
	ACTION(NEXT_TREE, "next-tree", N_("the next tree: strategy, projects, main fields, grant menus")) \
	ACTION(PROJECTS_TREE, "projects-tree", N_("the grant projects' tree, or back to the strategy")) \
	ACTION(NEXT_PLACE, "next-place", N_("the next place a re-listed KPI stands")) \
	ACTION(REDRAW, "redraw", N_("draw the screen again")) \
	ACTION(ENTER_VALUE, "enter-value", N_("enter the shown KPI's value for the fiscal year")) \
	ACTION(HISTORY, "history", N_("every change to the shown KPI: when, who, what was, what came")) \
	ACTION(UNDO, "undo", N_("undo your last change (itself a change in the history)")) \
	ACTION(NEXT_DUE, "next-due", N_("the next KPI in your scope still lacking last year's actual")) \
	ACTION(DASHBOARD, "dashboard", N_("every KPI of this tree in one table: sort, filter, Enter goes there")) \
	ACTION(PRESENT, "present", N_("present the open meeting's agenda, one item a screen, and record")) \
	ACTION(HELP, "help", N_("this help")) \
	ACTION(QUIT, "quit", N_("quit"))

enum action {
#define ACTION(id, name, help) ACT_##id,
	ACTIONS
#undef ACTION
	ACT_COUNT,
	ACT_NONE = ACT_COUNT
};

struct action_info {
	const char *name;
	const char *help;
};

/* Indexed by enum action. */
extern const struct action_info action_info[ACT_COUNT];

#endif
