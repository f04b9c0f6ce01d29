/* form.h: the form in which an official enters a fiscal year's actual
 * (and plan) of a KPI, with its note; Escape writes nothing. */
#ifndef KPITREE_FORM_H
#define KPITREE_FORM_H

#include "store.h"

enum form_result { FORM_SAVED, FORM_CANCELLED, FORM_FAILED };

/* Runs the form over the screen for the KPI with code at fiscal year,
 * as user, until it is saved or cancelled; message receives what the
 * status line should say. */
enum form_result form_run(struct store *s, const char *code, int year, const char *user,
			  char *message, size_t size);

#endif
