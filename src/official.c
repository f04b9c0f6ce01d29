/* official.c: what the official at the keyboard may change (their role
 * and scope, for the form) and what they still owe (for the status line
 * and the key that walks it), from the core's access and due. */
#include "official.h"

#include <stdlib.h>
#include <string.h>

#include "due.h"
#include "kpi.h"

const char *official_refusal(struct session *session, enum access_action action, const char *code,
			     char *why, size_t size)
{
	struct error err;
	struct kpi k;
	char what[128];
	int rc;

	if (kpi_find(session->store, code, &k, &err) < 0) {
		snprintf(why, size, "%s", err.text);
		return why;
	}
	rc = access_may_kpi(session->store, &session->identity, action, k.id, why, size, &err);
	kpi_release(&k);
	if (rc < 0)
		snprintf(why, size, "%s", err.text);
	if (rc == 0) {
		snprintf(what, sizeof what, "browse: %s %s",
			 action == ACCESS_EVALUATE ? "record an evaluation of" : "e on", code);
		access_log_refusal(session->db_path, &session->identity, what, why);
	}
	return rc == 1 ? NULL : why;
}

int official_due_load(struct official_due *d, struct session *session)
{
	struct error err;
	int rc = 0;

	d->year = due_year();
	d->codes = NULL;
	d->n = 0;
	/* a role that enters no values owes none */
	if (!access_may(&session->identity, ACCESS_EDIT))
		return 0;
	if (!d->list && !(d->list = due_list_new()))
		return -1;
	/* from what changed since the last time (the core's due list) */
	rc = due_list_update(d->list, session->store, &session->identity, d->year, &err);
	d->codes = due_list_codes(d->list, &d->n);
	return rc < 0 ? -1 : 0;
}

/* The codes come sorted: the next is the first after the last walked,
 * so that a KPI entered meanwhile (gone from the list) loses no place. */
const char *official_due_next(struct official_due *d)
{
	int i;

	if (!d->n)
		return NULL;
	for (i = 0; i < d->n && strcmp(d->codes[i], d->last) <= 0; i++)
		;
	if (i == d->n)
		i = 0;
	d->at = i + 1;
	snprintf(d->last, sizeof d->last, "%s", d->codes[i]);
	return d->codes[i];
}

void official_due_free(struct official_due *d)
{
	due_list_free(d->list);
	d->list = NULL;
	d->codes = NULL;
	d->n = 0;
}
