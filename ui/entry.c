/* entry.c: values from the browser: e opens the form, u undoes the
 * session's last save, ! walks what is due. */
#include "browse.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>

#include "dialog.h"
#include "draw.h"
#include "fiscal_year.h"
#include "form.h"
#include "number.h"
#include "values.h"

/* e: the form for the shown KPI at the fiscal year; a saved value may
 * change the status marks, which are counted again. */
void entry_value(struct browser *b)
{
	char code[32], why[1200];
	const char *locked;

	if (!browser_shown_kpi(b, code, sizeof code)) {
		browser_say(b, _("no KPI here: select a row with a KPI first"));
		return;
	}
	/* the role and scope first: their reason is the one to show */
	locked = official_refusal(b->session, ACCESS_EDIT, code, why, sizeof why);
	if (!locked && b->s->read_only) {
		/* --read-only, or a file this user may not write */
		browser_say(b, _("read-only database: values cannot be entered"));
		return;
	}
	if (form_run(b->s, code, b->year, b->session->user, locked, b->message, sizeof b->message,
		     b->last, &b->nlast) == FORM_SAVED) {
		browser_forget_marks(b);
		b->due_stale = 1;
	}
}

/* Counts what is due again (after a save, another official's, or at
 * the start). */
void entry_count_due(struct browser *b)
{
	official_due_load(&b->due, b->session);
	b->due_stale = 0;
}

/* !: the next KPI whose actual is due, with the year set to it. */
void entry_next_due(struct browser *b)
{
	const char *code;
	char fy[32];

	if (b->due_stale)
		entry_count_due(b);
	code = official_due_next(&b->due);

	if (!code) {
		browser_say(b, _("nothing is due"));
		return;
	}
	b->year = b->due.year;
	b->year_chosen = 1;
	browser_goto(b, code);
	browser_say(b, _("due %d/%d: %s (e enters its %s actual)"), b->due.at, b->due.n, code,
		    fiscal_year_brief(b->due.year, fy, sizeof fy));
}

/* What is stored now where the session's last save went, as guards
 * (notes malloc'd into notes[]), and a short line of it for the
 * question. Returns 0, or -1 with err. */
static int stored_now(struct browser *b, struct value_change *now, char **notes, char *line,
		      size_t size, struct error *err)
{
	size_t used = 0;
	int i;

	if (value_undo_stored(b->s, b->last, b->nlast, now, notes, err) < 0)
		return -1;
	for (i = 0; i < b->nlast; i++) {
		char n[64];

		used += (size_t)snprintf(line + used, used < size ? size - used : 0, "%s%s %s",
					 i ? ", " : "", _(values_kind_name(b->last[i].kind)),
					 now[i].expect_none ? "-"
					 : number_format(now[i].expect, n, sizeof n));
	}
	return 0;
}

/* Puts the session's last save back, guarded by what it stored or by
 * now. Returns 0, 1 for a change since by someone else, -1 on error. */
static int apply_undo(struct browser *b, const struct value_change *now, struct error *err)
{
	if (value_undo_apply(b->s, b->last, b->nlast, b->session->user, now, err) == 0)
		return 0;
	return err->kind == ERROR_CONFLICT ? 1 : -1;
}

/* u: undo the session's last save; a change since by someone else is
 * shown (what is stored now) and undone only after y, guarded by it. */
void entry_undo(struct browser *b)
{
	struct value_change now[VALUE_UNDO_MAX];
	char *notes[VALUE_UNDO_MAX] = { NULL }, line[256], q[TEXT_MAX];
	struct error err;
	int rc, i;

	if (!b->nlast) {
		browser_say(b, _("nothing to undo in this session"));
		return;
	}
	rc = apply_undo(b, NULL, &err);
	if (rc == 1) {
		if (stored_now(b, now, notes, line, sizeof line, &err) < 0) {
			rc = -1;
		} else {
			snprintf(q, sizeof q, _("changed since: now %s; undo anyway?"), line);
			rc = dialog_ask(q) ? apply_undo(b, now, &err) : 2;
		}
		for (i = 0; i < b->nlast; i++)
			free(notes[i]);
	}
	if (rc == 0) {
		value_undo_free(b->last, b->nlast);
		b->nlast = 0;
		browser_forget_marks(b);
		browser_say(b, _("undone"));
	} else if (rc == 2) {
		browser_say(b, _("not undone"));
	} else if (rc == 1) {
		browser_say(b, _("not undone: changed again meanwhile"));
	} else {
		browser_say(b, _("not undone: %s"), err.text);
	}
}
