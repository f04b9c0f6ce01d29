/* trees.c: the browser's trees as const tables: how each reads its rows
 * and what each row level shows (trees.h). No curses. */
#include "trees.h"
#include "i18n.h"

static int strategy_children(struct store *s, int level, long long id, long long *last_top,
			     void (*fn)(void *, const struct tree_row *), void *ctx,
			     struct error *err)
{
	(void)level;
	if (id)
		return tree_children(s, id, fn, ctx, err);
	return tree_top(s, last_top, TREE_LIST_PAGE, fn, ctx, err);
}

#define OTHER_TREE(name, which) \
	static int name(struct store *s, int level, long long id, long long *last_top, \
			void (*fn)(void *, const struct tree_row *), void *ctx, \
			struct error *err) \
	{ \
		(void)last_top; \
		return tree_other_children(s, which, level, id, fn, ctx, err); \
	}

OTHER_TREE(projects_children, TREE_OTHER_PROJECTS)
OTHER_TREE(fields_children, TREE_OTHER_FIELDS)
OTHER_TREE(menus_children, TREE_OTHER_MENUS)

/* A content row of the strategy: its KPIs, the one chosen, its places,
 * its grant menus. */
#define CONTENT_ROW { ROW_KPIS_OF_ROW, PANES_KPI_GRANT, 1, 1, 1, ROW_NOT_GRANT }
/* Any other row of the strategy: its strategy for the scope. */
#define STRATEGY_ROW { ROW_KPIS_NONE, PANES_NONE, 0, 0, 1, ROW_NOT_GRANT }

const struct tree_kind trees[TREES] = {
	[TREE_STRATEGY] = {
		N_("Strategy"), N_("Grant menus"), strategy_children,
		.paged = 1, .marks = 1, .matches = 1, .places = 1, .in_round = 1,
		.scope = TREE_SCOPE_STRATEGY, .node = NODE_PLACEMENT,
		.levels = { STRATEGY_ROW, STRATEGY_ROW, STRATEGY_ROW, STRATEGY_ROW, STRATEGY_ROW,
			    CONTENT_ROW },
	},
	[TREE_PROJECTS] = {
		N_("Grant projects"), N_("Project"), projects_children, .in_round = 1,
		.scope = TREE_SCOPE_PROJECTS, .node = NODE_PROJECT,
		.levels = {
			[1] = { .grant = ROW_PROGRAM },
			[2] = { .grant = ROW_PROGRAM_YEAR },
			[3] = { ROW_KPIS_NONE, PANES_PROJECT, 0, 0, 0, ROW_PROJECT },
			[4] = { ROW_KPIS_LABEL, PANES_KPI_PROJECT, 0, 0, 0, ROW_PROJECT_KPI },
		},
	},
	[TREE_FIELDS] = {
		N_("Main fields"), N_("Grant menus"), fields_children,
		.leaf_goes_home = 1, .in_round = 1, .scope = TREE_SCOPE_STRATEGY, .node = NODE_NONE,
		.levels = { [2] = { ROW_KPIS_LABEL, PANES_KPI_GRANT, 0, 1, 1, ROW_NOT_GRANT } },
	},
	[TREE_MENUS] = {
		N_("Grant menus"), N_("Grant menus"), menus_children,
		.leaf_goes_home = 1, .in_round = 1, .scope = TREE_SCOPE_STRATEGY, .node = NODE_NONE,
		/* the pane shows the row's first KPI; e takes the one chosen */
		.levels = { [2] = { ROW_KPIS_OF_ROW, PANES_KPI_GRANT, 0, 1, 1, ROW_NOT_GRANT } },
	},
	[TREE_SEARCH] = {
		N_("Search"), N_("Grant menus"), NULL,
		.matches = 1, .pruned = 1, .scope = TREE_SCOPE_STRATEGY, .node = NODE_PLACEMENT,
		/* after the strategy's rows, the grant projects' KPIs found */
		.levels = { STRATEGY_ROW, STRATEGY_ROW, STRATEGY_ROW, STRATEGY_ROW, STRATEGY_ROW,
			    CONTENT_ROW, [TREE_PROJECT_KPI] = { ROW_KPIS_LABEL, PANES_KPI_GRANT, 0, 0, 0,
								ROW_NOT_GRANT } },
	},
};

const struct tree_level *trees_level(const struct tree_kind *kind, const struct tree_item *it)
{
	static const struct tree_level none;

	if (!it || it->level < 0 || it->level >= TREE_LEVELS)
		return &none;
	return &kind->levels[it->level];
}
