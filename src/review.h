/* review.h: what a review meeting looks at: each KPI's standing at a
 * fiscal year (latest actual, progress, status, better than the baseline
 * or not), the rank scheme that proposes an evaluation from it, the lists
 * of the 効果検証 (assessment and policy), and the KPIs of a tree with
 * their standings, as the dashboard and the report list them. */
#ifndef KPITREE_REVIEW_H
#define KPITREE_REVIEW_H

#include <stddef.h>

#include "error.h"
#include "kpi.h"
#include "kpi_years.h"
#include "progress.h"
#include "store.h"

/* How a KPI stands at a fiscal year. */
struct standing {
	int year;		/* the year it is judged at; 0: none (no actual) */
	int latest_year;	/* the latest year up to `year` with an actual; 0: none */
	double latest_actual;
	int latest_decimals;	/* latest_actual's, as written */
	struct progress progress;	/* at `year`, by SPEC's rule */
	int improved;		/* the actual at `year` is better than the baseline */
};

/* The standing of k at year, from its table t (kpi_years_load). Year 0
 * (none chosen) judges k where kpi_years_judged says: at its latest year
 * with an actual. A project KPI without a 当初値 counts from 0 for
 * `improved`. */
void review_standing(const struct kpi *k, const struct kpi_years *t, int year,
		     struct standing *st);

/* --- the rank scheme ---------------------------------------------------- */

#define RANKS_MAX 16

enum rank_rule {
	RULE_ACHIEVED,		/* "achieved" */
	RULE_ON_TRACK,		/* "on track": on track or achieved */
	RULE_IMPROVED,		/* "improved": better than the baseline */
	RULE_PROGRESS,		/* "progress >= 80%" */
	RULE_NO_DATA,		/* "no data" */
	RULE_OTHERWISE		/* "otherwise": any KPI with data */
};

struct rank {
	char code[32];
	char label[128];
	enum rank_rule rule;
	double min_percent;	/* RULE_PROGRESS: 80 for 80% */
};

struct rank_scheme {
	struct rank ranks[RANKS_MAX];
	int n;
};

/* Reads a rule as the scheme file writes it ("achieved", "on track",
 * "improved", "progress >= 110%", "no data", "otherwise"; case and spaces
 * are free). Returns 0, or -1 with err saying what the rules are. */
int review_rule_parse(const char *text, struct rank *r, struct error *err);

/* The rule as text, as the scheme file writes it. */
char *review_rule_text(const struct rank *r, char *buf, size_t size);

/* The rule in the interface's language, for people ("achieved" as
 * 達成 in Japanese); the data keep review_rule_text's words. */
char *review_rule_words(const struct rank *r, char *buf, size_t size);

/* Loads the scheme of the database, in order. Returns 0, or -1. */
int review_scheme_load(struct store *s, struct rank_scheme *scheme, struct error *err);

/* The rank the scheme proposes for st, or NULL when no rule holds (a KPI
 * without data, unless a rank says "no data"). */
const struct rank *review_propose(const struct rank_scheme *scheme, const struct standing *st);

/* The rank with code, or NULL. */
const struct rank *review_rank(const struct rank_scheme *scheme, const char *code);

/* --- the lists of the 効果検証 ------------------------------------------ */

#define CHOICES_MAX 16

struct choice {
	char code[32];
	char label[256];
};

struct choices {
	struct choice items[CHOICES_MAX];
	int n;
};

/* Loads list ("assessment" or "policy"). Returns 0, or -1. */
int review_choices_load(struct store *s, const char *list, struct choices *c,
			struct error *err);

/* --- the KPIs of a tree ------------------------------------------------ */

/* A KPI as the dashboard and the report list it. */
struct review_row {
	char code[32];
	char *name;
	char *unit;
	char *group;		/* the strategy project (level 1) or the grant project */
	char *groups;		/* every project it stands in, one a line: the
				 * home row's first, then its re-listings' */
	char *field;		/* the 主要分野, or "" */
	long long kpi_id;
	int is_project;
	char baseline[128], target[128];	/* as kpi_amount_text writes them */
	char baseline_value[128], target_value[128];	/* and without their years */
	struct standing st;
};

struct review_list {
	struct review_row *rows;
	int n;
};

/* Which KPIs: those of one strategy (strategy_id), all grant projects'
 * (strategy_id 0), or those that stand under placement (placement != 0),
 * by their home row or a re-listing. */
struct review_scope {
	long long strategy_id;
	long long placement;
	long long project_id;	/* one grant project's KPIs (with strategy_id 0) */
	/* the KPIs of one grant program's projects: the program's id ×
	 * 10000 + an adoption year (0: every year), as the projects' tree
	 * numbers its rows */
	long long program_year;
};

/* The one year a list loaded at year 0 (each KPI at its latest actual)
 * is judged at as a whole, as a meeting on it is: the latest of its
 * KPIs' years; otherwise (none has an actual) fallback. */
int review_list_year(const struct review_list *l, int fallback);

/* Whether r stands in group (one of its groups). */
int review_row_in_group(const struct review_row *r, const char *group);

/* Adds the KPIs of scope at year to l (zeroed at first), ordered by
 * code; year 0 judges each KPI at its own latest actual (review_standing).
 * Returns 0, or -1. */
int review_list_load(struct store *s, const struct review_scope *scope, int year,
		     struct review_list *l, struct error *err);

/* Adds the KPI with code to l (for agendas). Returns 0, or -1. */
int review_list_add(struct store *s, const char *code, int year, struct review_list *l,
		    struct error *err);

void review_list_free(struct review_list *l);

/* The strategy of a placement (its node's). Returns it, or -1. */
long long review_strategy_of(struct store *s, long long placement, struct error *err);

/* The strategy with id (id <= 0: the first one) into *strategy_id, with
 * its name into name. Returns 1, 0 when there is none, or -1 with err. */
int review_strategy_named(struct store *s, long long id, long long *strategy_id, char *name,
			  size_t size, struct error *err);

/* --- agendas ------------------------------------------------------------ */

/* Which KPIs of a tree an agenda takes: those of a status, or those of
 * a main field. */
struct review_filter {
	int status;		/* an enum status, or -1: by field */
	char field[256];
};

/* Reads an agenda's WHAT as a meeting's command gives it: achieved,
 * on-track, behind, no-data, or field NAME. Returns 0, or -1 with err
 * (ERROR_INVALID) naming what it may be. */
int review_filter_parse(const char *what, struct review_filter *f, struct error *err);

/* The KPIs of scope at year that pass f into l (zeroed first), ordered
 * by code, each with its standing. Returns 0, or -1 with err. */
int review_agenda(struct store *s, const struct review_scope *scope,
		  const struct review_filter *f, int year, struct review_list *l,
		  struct error *err);

#endif
