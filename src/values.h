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
	int decimals;		/* the digits after the point as written
				 * (33.00: 2), which it is shown with */
	const char *note;	/* NULL keeps the note stored (none for a
				 * new value); "" clears it */
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
	int expect_decimals;	/* the decimals the stored value was written
				 * with: what an undo puts back */
	const char *expect_note; /* with check_expect: and the stored note is
				  * this (NULL: the note is not guarded) */
};

/* Outcomes of values_apply besides -1 (error). */
enum { VALUES_CHANGED = 0, VALUES_UNCHANGED = 1 };

/* The longest note, in bytes: what a CSV cell holds, so that every
 * export imports again. */
#define VALUES_NOTE_MAX (64 * 1024)

/* Applies c inside the caller's transaction: the value row and one
 * history row. A note that is not UTF-8 or is longer than
 * VALUES_NOTE_MAX is refused (ERROR_INVALID). A change that would store what is already stored writes
 * nothing and returns VALUES_UNCHANGED. A failed --expect returns -1 with
 * err saying what is stored, who stored it and when. */
int values_apply(struct store *s, const struct value_change *c, struct error *err);

/* values_apply in a transaction of its own. */
int values_set(struct store *s, const struct value_change *c, struct error *err);

/* The n changes of c in one transaction of their own, all or none: a
 * form's save, an undo. Returns 0, the number of changes that were
 * VALUES_UNCHANGED notwithstanding; or -1 with err filled and *failed set
 * to the index of the change that failed (a failed --expect:
 * ERROR_CONFLICT), -1 when the transaction itself failed. */
int values_save(struct store *s, const struct value_change *c, int n, int *failed,
		struct error *err);

/* A stored value, or a history row. */
struct value_row {
	int fiscal_year;
	enum value_kind kind;
	double value;
	const char *note;
	const char *entered_by;
	const char *entered_at;
	int decimals;		/* as written: 33.00 is 33 with 2 */
};

struct history_row {
	int fiscal_year;
	enum value_kind kind;
	int had_old, has_new;
	double old_value, new_value;
	int old_decimals, new_decimals;	/* as written (0: as few as needed) */
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

/* What a KPI accepts, found once per KPI (values_rules_find) and applied
 * to each value by values_check: the form, `set` and every CSV row alike. */
struct value_rules {
	long long kpi_id;
	int share;		/* a percentage of a whole: 0 to 100 */
	int may_be_negative;	/* its baseline or target is below 0 */
	int first_year;		/* the window of fiscal years it accepts */
	int last_year;
	int has_baseline;	/* for values_unusual */
	double baseline;
	int down;		/* its direction is down */
	int is_project;
};

/* How many years past the later of a KPI's last year (its target period's
 * end, or a grant project's sixth year) and the current fiscal year a
 * value may be entered: plans run ahead of the calendar. */
#define VALUES_YEARS_AHEAD 2

/* The rules of the KPI with code, its id in r->kpi_id. The window runs
 * from the KPI's baseline period's first year (a grant project's KPI:
 * the year before the project's adoption, its 当初値) to
 * VALUES_YEARS_AHEAD years past the later of the target period's last
 * year (a project: its adoption year + 5) and current_year. Returns 0, or
 * -1 with err filled (ERROR_NOT_FOUND for an unknown code). */
int values_rules_find(struct store *s, const char *code, int current_year,
		      struct value_rules *r, struct error *err);

/* Whether v may be stored for the KPI of r at year: not negative unless
 * the KPI's own numbers are, a share within 0 to 100, the year within the
 * window. Returns 0, or -1 with err (ERROR_INVALID) saying which rule. */
int values_check(const struct value_rules *r, int year, double v, struct error *err);

/* values_check's two halves: the year within the window; the value
 * (sign, share). Each returns 0, or -1 with err (ERROR_INVALID). */
int values_check_year(const struct value_rules *r, int year, struct error *err);
int values_check_value(const struct value_rules *r, double v, struct error *err);

/* Why an actual v is unusual though acceptable, or NULL: more than ten
 * times last year's actual (has_last, last), or on the wrong side of the
 * baseline for the KPI's direction. The form asks before it stores such a
 * value; `set` stores it only with --force. The reason is translated. */
const char *values_unusual(const struct value_rules *r, int has_last, double last, double v);

/* Whether writing value (NULL: clearing it) with note over kpi_id's
 * value of kind at year may be done while a closed verification
 * published it (verification_frozen): only the same value with the same
 * note, no change at all. Every write of a value asks it, so that set,
 * the form and import refuse alike. Returns 0, or -1 (ERROR_INVALID
 * naming the closed verification; or another error). */
int values_frozen_check(struct store *s, long long kpi_id, int year, enum value_kind kind,
			const double *value, const char *note, struct error *err);

/* The stored value of kpi_id at year into *v, and its note (malloc'd,
 * the caller frees) into *note when note is not NULL. Returns 1, 0 when
 * none is stored, or -1 with err filled. */
int values_get(struct store *s, long long kpi_id, int year, enum value_kind kind, double *v,
	       char **note, struct error *err);

/* "plan" or "actual". */
const char *values_kind_name(enum value_kind kind);

#endif
