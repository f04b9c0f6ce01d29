/* trees.h: the trees the browser shows over the same data, each a const
 * table: the strategy, the grant projects, the KPIs by main field, the
 * content rows by grant menu, and the search's pruned strategy. What the
 * browser does differs by these tables' columns, never by which tree. */
#ifndef KPITREE_TREES_H
#define KPITREE_TREES_H

#include "tree_list.h"

/* Where the KPI pane's KPIs come from, at a row of a level. */
enum row_kpis {
	ROW_KPIS_NONE,
	ROW_KPIS_OF_ROW,	/* the content row's (placement_kpis of its id) */
	ROW_KPIS_LABEL		/* the one KPI whose code is the row's label */
};

/* What the right-hand side shows at a row of a level. */
enum row_panes {
	PANES_NONE,		/* "select a • row" */
	PANES_KPI_GRANT,	/* the KPI pane, the grant menus of the row (its id) */
	PANES_KPI_PROJECT,	/* the KPI pane, the project above (its parent) */
	PANES_PROJECT		/* the project of the row, over both panes */
};

/* What a row of the grant projects' tree is (its id is that thing's;
 * a program's year row's is tree_program_year's). */
enum row_grant { ROW_NOT_GRANT, ROW_PROGRAM, ROW_PROGRAM_YEAR, ROW_PROJECT, ROW_PROJECT_KPI };

struct tree_level {
	enum row_kpis kpis;
	enum row_panes panes;
	int pick;		/* the pane shows the KPI chosen (j k in it), not the first */
	int places;		/* the pane lists the KPI's other places (the row is a placement) */
	int strategy;		/* the row's id is a placement: its strategy is the scope */
	enum row_grant grant;
};

/* Which KPIs the dashboard and an agenda take: the strategy of the row
 * (or the first), or every grant project's. */
enum tree_scope { TREE_SCOPE_STRATEGY, TREE_SCOPE_PROJECTS };

/* Which KPIs :meeting start (an agenda of node) takes: those under the
 * row, those of its grant project, or it is refused. */
enum tree_node_scope { NODE_NONE, NODE_PLACEMENT, NODE_PROJECT };

#define TREE_LEVELS 7

struct tree_kind {
	const char *title;		/* N_(), the tree pane's frame */
	const char *side_title;		/* N_(), the lower right pane's frame */
	tree_list_reader children;
	int paged;			/* top rows a page at a time */
	int marks;			/* closed rows show their KPIs' statuses */
	int matches;			/* the search's matches are marked */
	int leaf_goes_home;		/* Enter on a leaf goes to its strategy row */
	int places;			/* r walks a KPI's places */
	int in_round;			/* t comes to it */
	int pruned;			/* only what a search added: n, N move the cursor */
	enum tree_scope scope;
	enum tree_node_scope node;
	struct tree_level levels[TREE_LEVELS];	/* by level, 1 to 5; 6 a project's KPI found */
};

enum tree_id { TREE_STRATEGY, TREE_PROJECTS, TREE_FIELDS, TREE_MENUS, TREE_SEARCH, TREES };

extern const struct tree_kind trees[TREES];

/* The level table of item it in kind. */
const struct tree_level *trees_level(const struct tree_kind *kind, const struct tree_item *it);

#endif
