/* value_undo.h: a save that can be undone, and its undo: one path for
 * every interface (the browser's form and its u key alike), both over
 * values_save, each one transaction, each guarded against a change by
 * someone else in between. */
#ifndef KPITREE_VALUE_UNDO_H
#define KPITREE_VALUE_UNDO_H

#include <stddef.h>

#include "error.h"
#include "store.h"
#include "values.h"

#define VALUE_UNDO_MAX 2

/* A value a save changed, with what it replaced. */
struct value_undo {
	long long kpi_id;
	int year;
	enum value_kind kind;
	int had;			/* a value was there before */
	double old;
	int old_decimals;		/* as it was written: 32.10 */
	char *old_note;			/* whole, malloc'd; NULL: the save did
					 * not touch the note (a plan's) */
	char *new_note;			/* what the save stored: undo's guard */
	int has_new;
	double new_value;
};

/* Saves the n (at most VALUE_UNDO_MAX) changes of c as values_save does,
 * each guarded (check_expect) by what it replaces; on success u (n of
 * them, what they held freed first) records what the save replaced and
 * what it stored, for value_undo. Returns values_save's result; u is
 * untouched on failure. A change's expect_note is its old note; a NULL
 * note keeps it. */
int value_undo_save(struct store *s, const struct value_change *c, int n, int *failed,
		    struct value_undo *u, int *nu, struct error *err);

/* Puts the n changes of u back, as user (the history's source "undo"),
 * in one transaction, guarded by what the save stored or, with now (n
 * guards: expect_none, expect, expect_note, from value_undo_stored), by
 * those. Returns 0, or -1 with err (ERROR_CONFLICT: changed since). */
int value_undo_apply(struct store *s, const struct value_undo *u, int n, const char *user,
		     const struct value_change *now, struct error *err);

/* What is stored now where u's n changes went, as guards into now: the
 * notes malloc'd into notes[] (the caller frees each). Returns 0, or -1
 * with err. */
int value_undo_stored(struct store *s, const struct value_undo *u, int n,
		      struct value_change *now, char **notes, struct error *err);

/* Frees what the n records hold and empties them. */
void value_undo_free(struct value_undo *u, int n);

#endif
