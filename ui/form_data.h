/* form_data.h: what the value form holds, shared by form.c (its keys,
 * reads and saves) and form_draw.c (its painting); inside the form only. */
#ifndef KPITREE_FORM_DATA_H
#define KPITREE_FORM_DATA_H

#include <curses.h>

#include "field.h"
#include "kpi.h"
#include "kpi_years.h"
#include "value_undo.h"
#include "values.h"

#define LINE 1024

/* What is stored now at the form's year: read once when a save met
 * another official's change, shown, and then what a save after y is
 * guarded by (so that a third official's change is asked about too). */
struct stored {
	int year;
	enum value_kind kind;	/* the kind the conflict was on */
	int present;		/* of that kind */
	char value[64], by[128], at[32];
	int changed_note;	/* only its note differs from the form's */
	struct kpi_year now;	/* both kinds' values */
	char *note;		/* the actual's note, whole */
};

struct form {
	struct store *s;
	const char *user;
	const char *locked;	/* why nothing may be saved; NULL when it may */
	struct kpi k;
	struct value_rules rules;	/* what the KPI accepts (values_check) */
	int year;
	struct kpi_year now, before;	/* this year's row and last year's */
	char *note;			/* this year's actual note, whole */
	struct stored seen;		/* what a conflict showed, until y */
	int note_unread;		/* the note is not text the field can hold:
					 * kept as it is unless retyped */
	int typed;			/* a value or note typed since the year's were shown */
	struct field fields[4];		/* actual, note, [plan,] year */
	int nfields, focus;
	int year_field;		/* the last field */
	int has_plans;		/* the KPI has a plan for some year */
	char message[LINE];	/* what is wrong with the fields as they stand */
	char failed[LINE];	/* why the last save failed, until the next edit */
	char question[LINE];	/* below the message, while y/n is asked */
	char info[LINE];	/* shown when no message is, until the next key */
	struct value_undo *undo;	/* what the last save changed, for u */
	int *nundo;
	WINDOW *win;
	int saved;
};

/* Paints the form into its window w, the cursor at the insertion point. */
void form_draw(struct form *fm, WINDOW *w);

#endif
