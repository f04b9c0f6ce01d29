/* values.h: plan and actual values per KPI and fiscal year, the
 * append-only history of their changes, and the --expect guard. */
#ifndef KPITREE_VALUES_H
#define KPITREE_VALUES_H

#include "error.h"
#include "store.h"

enum value_kind { VALUE_PLAN, VALUE_ACTUAL };

/* One change: set (or clear) the value of kpi_id at fiscal_year. */
struct value_change {
	long long kpi_id;
	int fiscal_year;
	enum value_kind kind;
	int clear;		/* remove the value instead of setting it */
	double value;
	const char *note;	/* NULL for none */
	const char *user;	/* who, for the value and the history */
	const char *at;		/* when the value was entered (ISO 8601
				 * UTC); NULL for now. The history row
				 * always records now. */
	const char *now;	/* now, when the caller knows it (an
				 * import: one clock for all its rows) */
	const char *source;	/* "set", "import", "undo", ... */
	int check_expect;	/* refuse unless the stored value is `expect` */
	int expect_none;	/* ... or, with check_expect, that there is none */
	double expect;
};

/* Outcomes of values_apply besides -1 (error). */
enum { VALUES_CHANGED = 0, VALUES_UNCHANGED = 1 };

/* Applies c inside the caller's transaction: the value row and one
 * history row. A change that would store what is already stored writes
 * nothing and returns VALUES_UNCHANGED. A failed --expect returns -1 with
 * err saying what is stored, who stored it and when. */
int values_apply(struct store *s, const struct value_change *c, struct error *err);

/* values_apply in a transaction of its own. */
int values_set(struct store *s, const struct value_change *c, struct error *err);

/* A stored value, or a history row. */
struct value_row {
	int fiscal_year;
	enum value_kind kind;
	double value;
	const char *note;
	const char *entered_by;
	const char *entered_at;
};

struct history_row {
	int fiscal_year;
	enum value_kind kind;
	int had_old, has_new;
	double old_value, new_value;
	const char *old_note, *new_note;
	const char *changed_by, *changed_at, *source;
	const char *said_by;	/* the name an imported file gave, if not changed_by's */
};

/* Calls fn for each stored value of kpi_id, by fiscal year then kind
 * (actual before plan). Returns 0, or -1 with err filled. Strings live
 * until fn returns. */
int values_each(struct store *s, long long kpi_id,
		void (*fn)(void *ctx, const struct value_row *row), void *ctx,
		struct error *err);

/* Calls fn for each history row of kpi_id, oldest first. */
int values_history(struct store *s, long long kpi_id,
		   void (*fn)(void *ctx, const struct history_row *row), void *ctx,
		   struct error *err);

/* "plan" or "actual". */
const char *values_kind_name(enum value_kind kind);

#endif
