/* form.h: the form in which an official enters a fiscal year's actual
 * (and plan) of a KPI, with its note; Escape writes nothing. */
#ifndef KPITREE_FORM_H
#define KPITREE_FORM_H

#include "store.h"
#include "values.h"

enum form_result { FORM_SAVED, FORM_CANCELLED, FORM_FAILED };

/* A value the form saved, with what it replaced: what undo needs. */
struct form_change {
	long long kpi_id;
	int year;
	enum value_kind kind;
	int had;			/* a value was there before */
	double old;
	char *old_note;			/* whole, malloc'd; NULL: the form did
					 * not touch the note (a plan's) */
	char *new_note;			/* what the save stored: undo's guard */
	int has_new;
	double new_value;
};

#define FORM_MAX_CHANGES 2

/* Frees what the n changes hold and empties them. */
void form_changes_free(struct form_change *c, int n);

/* Runs the form over the screen for the KPI with code at fiscal year,
 * as user, until it is saved or cancelled; message receives what the
 * status line should say, and changes (*n of them) what was saved
 * (what they held before is freed then).
 * With locked (why), the form shows the values and saves nothing. */
enum form_result form_run(struct store *s, const char *code, int year, const char *user,
			  const char *locked, char *message, size_t size,
			  struct form_change *changes, int *n);

#endif
