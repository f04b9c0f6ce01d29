/* tree.h: the strategy tree as the browser reads it: the children of a
 * placement (read on expand), a placement's ancestors, a KPI's home row,
 * and search over the full-text index. */
#ifndef KPITREE_TREE_H
#define KPITREE_TREE_H

#include "error.h"
#include "progress.h"
#include "store.h"

struct tree_row {
	long long placement;
	int level;			/* 1 project ... 5 content */
	const char *label;		/* 1, ①, ■, or empty */
	const char *title;
	int children;			/* how many placements stand under it */
};

/* The name of a strategy level (1 project ... 5 content) in English,
 * untranslated (translate with _()): "project", "basic strategy",
 * "measure", "item", "content"; NULL for another level. The history
 * keeps these words for a row renamed (node_history). */
const char *tree_level_name(int level);

/* Calls fn for each child of parent (0: the top of every strategy), in
 * order. Strings live until fn returns. Returns 0, or -1 with err. */
int tree_children(struct store *s, long long parent,
		  void (*fn)(void *ctx, const struct tree_row *row), void *ctx,
		  struct error *err);

/* The top rows of every strategy, limit of them after the one at
 * position *after (0: from the first); *after becomes the last one's. A
 * national database has tens of thousands: the browser reads a page. */
int tree_top(struct store *s, long long *after, int limit,
	     void (*fn)(void *ctx, const struct tree_row *row), void *ctx, struct error *err);

/* The row of one placement, as tree_children gives rows. */
int tree_row(struct store *s, long long placement,
	     void (*fn)(void *ctx, const struct tree_row *row), void *ctx, struct error *err);

/* The placements from the top down to placement (included) into path;
 * returns how many (at most max), or -1 with err. */
int tree_path(struct store *s, long long placement, long long *path, int max,
	      struct error *err);

/* The KPI code an official typed (h12b, Ｈ１２Ｂ, ⑫: codes_normalize) as
 * stored, into code: returns 1. When no KPI has it: 0, with code the
 * nearest there is (the first, in code order, of those sharing the
 * longest start with it: H12a for H12), or "" when none shares even the
 * first character; -1 with err. */
int tree_code_of(struct store *s, const char *typed, char *code, size_t size,
		 struct error *err);

/* How many KPIs the code an official typed names: a code naming a
 * family (H12, ⑫ for H12a, H12b, H12c: codes_in_family) names each of
 * it, any other at most one (tree_code_of's). Their codes, in code
 * order and joined by ", ", go into names. Returns the number, or -1
 * with err. */
int tree_codes_named(struct store *s, const char *typed, char *names, size_t size,
		     struct error *err);

/* tree_code_of for a write: a code naming several KPIs (⑫ for H12a,
 * H12b, H12c) is refused, -1 with err (ERROR_AMBIGUOUS) naming them,
 * rather than taken for the first. */
int tree_code_to_write(struct store *s, const char *typed, char *code, size_t size,
		       struct error *err);

/* The home row of the KPI with code, or 0 if it has none (a project
 * KPI); -1 with err for an unknown code. */
long long tree_home_of(struct store *s, const char *code, struct error *err);

/* The other trees over the same data, read a level at a time like the
 * strategy's: the grant projects (level 1 a program, 2 an adoption year,
 * 3 a project, 4 a KPI with its code as label); the strategy's KPIs by
 * main field (1 a field, 2 a KPI: its code as label, its home row's
 * placement as id); its content rows by grant menu (1 a menu, 2 a
 * content row's placement). parent_level is the level of parent (0: the
 * top); ids are those the rows gave. */
enum tree_other { TREE_OTHER_PROJECTS, TREE_OTHER_FIELDS, TREE_OTHER_MENUS };

int tree_other_children(struct store *s, enum tree_other which, int parent_level,
			long long parent, void (*fn)(void *ctx, const struct tree_row *row),
			void *ctx, struct error *err);

/* The grant projects' tree numbers a program's year row by the program
 * and the year: tree_program_year gives that id (year 0: the program's
 * every year, as review's program_year takes it); tree_program_of and
 * tree_year_of read it back. */
long long tree_program_year(long long program, int year);
long long tree_program_of(long long program_year);
int tree_year_of(long long program_year);

/* The ids from program down to the KPI with code, in path (4 of them).
 * Returns 4, 0 if code is not a project's KPI, or -1 with err. */
int tree_project_path(struct store *s, const char *code, long long path[4], struct error *err);

/* The placements where the KPI with code stands, home row first, into
 * *places (malloc'd, all of them; free it); returns how many, or -1
 * with err (*places then NULL). */
int tree_places(struct store *s, const char *code, long long **places,
		struct error *err);

/* Tallies, for the KPIs that stand under placement (by their home row
 * or a re-listing: a project of re-listings counts them too), their
 * statuses at year (0: each at its latest actual, kpi_years_judged)
 * into counts (indexed by enum status). */
int tree_statuses(struct store *s, long long placement, int year, int counts[STATUS_COUNT],
		  struct error *err);

/* A search for the content rows whose text, KPI names, grant menus or
 * examples contain text (a substring, Japanese included), in the order
 * the index holds them, and for the grant projects' KPIs whose names or
 * projects (title, description) contain it, as minus their ids; text
 * with a digit (h12, Ｈ１２, ⑫, SP2-1: codes_normalize) finds the KPIs
 * whose codes start with it first, their home rows first. It goes a
 * step at a time, so that the browser can answer each key at once and
 * search on between keys. */
struct tree_search;

/* Starts a search for text. Returns it, or NULL with err filled. */
struct tree_search *tree_search_start(struct store *s, const char *text, struct error *err);

/* Searches on for about ms milliseconds (-1: to the end), calling fn with
 * each content row found, or minus a project KPI's id (fn returns 1 if
 * the row was new to it, 0 if it had it); stops when fn has taken max.
 * Returns 1 when the search is done, 0 when the time ran out first, -1
 * with err on failure. */
int tree_search_step(struct tree_search *ts, int max, int ms,
		     int (*fn)(void *ctx, long long placement), void *ctx, struct error *err);

/* As tree_search_step, and stops as when the time runs out (returning
 * 0) once fn has taken enough (at most max), at the end of a hit: a
 * screen's worth of rows at a key, the rest between keys. */
int tree_search_step_to(struct tree_search *ts, int max, int enough, int ms,
			int (*fn)(void *ctx, long long placement), void *ctx,
			struct error *err);

/* The level of a grant project's KPI as a search gives it (below the
 * strategy's five). */
#define TREE_PROJECT_KPI 6

/* The row of the grant project's KPI with id kpi, as a search's match:
 * minus its id, level TREE_PROJECT_KPI, its code as label, its name as
 * title. */
int tree_search_kpi_row(struct store *s, long long kpi,
			void (*fn)(void *ctx, const struct tree_row *row), void *ctx,
			struct error *err);

/* How many rows fn has taken. */
int tree_search_found(const struct tree_search *ts);

/* Ends ts; ts may be NULL. */
void tree_search_end(struct tree_search *ts);

#endif
