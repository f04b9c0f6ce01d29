/* form.h: the form in which an official enters a fiscal year's actual
 * (and plan) of a KPI, with its note; Escape writes nothing. */
#ifndef KPITREE_FORM_H
#define KPITREE_FORM_H

#include "store.h"
#include "value_undo.h"

enum form_result { FORM_SAVED, FORM_CANCELLED, FORM_FAILED };

/* Runs the form over the screen for the KPI with code at fiscal year,
 * as user, until it is saved or cancelled; message receives what the
 * status line should say, and undo (*n of them) what was saved
 * (value_undo_save).
 * With locked (why), the form shows the values and saves nothing. */
enum form_result form_run(struct store *s, const char *code, int year, const char *user,
			  const char *locked, char *message, size_t size,
			  struct value_undo *undo, int *n);

#endif
