/* action.h: what the browser's keys do, each a named action with its
 * help line; keymap.c binds keys to them, and the help screen and the
 * manual's key list are made from these two tables. */
#ifndef KPITREE_ACTION_H
#define KPITREE_ACTION_H

#define ACTIONS \
	ACTION(MOVE_DOWN, "move-down", "move down (in the KPI pane: the row's next KPI)") \
	ACTION(MOVE_UP, "move-up", "move up (in the KPI pane: the row's previous KPI)") \
	ACTION(COLLAPSE, "collapse", "close the node, or go up to its parent") \
	ACTION(EXPAND, "expand", "open the node") \
	ACTION(TOGGLE, "toggle", "open or close; in the field and menu trees, go to the row") \
	ACTION(TOP, "top", "the first row") \
	ACTION(BOTTOM, "bottom", "the last row") \
	ACTION(PAGE_DOWN, "page-down", "a page down") \
	ACTION(PAGE_UP, "page-up", "a page up") \
	ACTION(NEXT_PANE, "next-pane", "the next pane") \
	ACTION(YEAR_BACK, "year-back", "the previous fiscal year") \
	ACTION(YEAR_ON, "year-on", "the next fiscal year") \
	ACTION(SEARCH, "search", "search as you type; Enter keeps the match, Escape goes back") \
	ACTION(NEXT_MATCH, "next-match", "the next match") \
	ACTION(PREV_MATCH, "prev-match", "the previous match") \
	ACTION(COMMAND, "command", ":goto CODE, :year FY, :export KIND FILE, :meeting ..., :quit") \
	ACTION(NEXT_TREE, "next-tree", "the next tree: strategy, projects, main fields, grant menus") \
	ACTION(PROJECTS_TREE, "projects-tree", "the grant projects' tree, or back to the strategy") \
	ACTION(NEXT_PLACE, "next-place", "the next place a re-listed KPI stands") \
	ACTION(REDRAW, "redraw", "draw the screen again") \
	ACTION(ENTER_VALUE, "enter-value", "enter the shown KPI's value for the fiscal year") \
	ACTION(HISTORY, "history", "every change to the shown KPI: when, who, what was, what came") \
	ACTION(UNDO, "undo", "undo your last change (itself a change in the history)") \
	ACTION(NEXT_DUE, "next-due", "the next KPI in your scope still lacking last year's actual") \
	ACTION(DASHBOARD, "dashboard", "every KPI of this tree in one table: sort, filter, Enter goes there") \
	ACTION(PRESENT, "present", "present the open meeting's agenda, one item a screen, and record") \
	ACTION(HELP, "help", "this help") \
	ACTION(QUIT, "quit", "quit")

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
