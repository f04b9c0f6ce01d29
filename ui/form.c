/* form.c: the value-entry form: fields edited by character (Japanese
 * included), validated as typed and on save, saved with --expect so that
 * nobody's number is overwritten unseen. form_draw.c paints it. */
#include "form.h"
#include "i18n.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "alloc.h"
#include "fiscal_year.h"
#include "app.h"
#include "dialog.h"
#include "field.h"
#include "input.h"
#include "kpi.h"
#include "kpi_years.h"
#include "number.h"
#include "values.h"
#include "width.h"

#include "form_data.h"

enum { F_ACTUAL, F_NOTE, F_PLAN };

/* The year field read in any form officials write (R7, 令和7年度, 2025). */
static int field_year(struct form *fm, int *year)
{
	char *text = field_text(&fm->fields[fm->year_field]);
	struct error err;
	int rc = fiscal_year_parse(text ? text : "", year, &err);

	free(text);
	if (rc < 0) {
		snprintf(fm->message, sizeof fm->message, _("year: %s"), err.text);
		return -1;
	}
	return 0;
}

/* The core's rules (values_check) on a field's value at the form's year.
 * Returns 0, or -1 with why. */
static int check_value(const struct form *fm, const struct field *f, int year, double v,
		       char *why, size_t size)
{
	struct error err;

	if (values_check_year(&fm->rules, year, &err) < 0)
		f = &fm->fields[fm->year_field];	/* the year breaks the rule */
	else if (values_check_value(&fm->rules, v, &err) == 0)
		return 0;
	snprintf(why, size, "%s: %s", f->label, err.text);
	return -1;
}

/* Why v is unusual for the form's KPI (values_unusual), or NULL. */
static const char *far_off(const struct form *fm, double v)
{
	return values_unusual(&fm->rules, fm->before.has_actual, fm->before.actual, v);
}

/* Checks every field as it stands, by the core's rules at the year the
 * year field holds; the message says what is wrong. */
static int validate(struct form *fm, int *has_actual, double *actual, int *has_plan,
		    double *plan)
{
	int year;

	fm->message[0] = '\0';
	*has_plan = 0;
	if (field_number(&fm->fields[F_ACTUAL], fm->k.unit, has_actual, actual, fm->message,
			 sizeof fm->message) < 0 ||
	    field_year(fm, &year) < 0)
		return -1;
	if (*has_actual && check_value(fm, &fm->fields[F_ACTUAL], year, *actual, fm->message,
				       sizeof fm->message) < 0)
		return -1;
	if (!*has_actual && !fm->now.has_actual && fm->fields[F_NOTE].len) {
		snprintf(fm->message, sizeof fm->message, "%s: %s", fm->fields[F_NOTE].label,
			 _("a note goes with a value: enter the value too"));
		return -1;
	}
	if (fm->year_field > F_PLAN &&
	    (field_number(&fm->fields[F_PLAN], fm->k.unit, has_plan, plan, fm->message,
			  sizeof fm->message) < 0 ||
	     (*has_plan && check_value(fm, &fm->fields[F_PLAN], year, *plan, fm->message,
				       sizeof fm->message) < 0)))
		return -1;
	return 0;
}

/* y or n, asked on the line below the message; deleting says what y
 * does. */
/* What y does, as a question says it. */
enum answer { ANSWER_SAVE, ANSWER_DELETE, ANSWER_DISCARD };

static int confirm(struct form *fm, const char *question, enum answer yes)
{
	int answer;

	snprintf(fm->question, sizeof fm->question,
		 yes == ANSWER_DELETE ? _("%s  y: delete / n: back")
		 : yes == ANSWER_DISCARD ? _("%s  y: discard / n: back") : _("%s  y: save / n: back"),
		 question);
	app_touch();	/* the form shows the question */
	answer = dialog_ask(NULL);
	fm->question[0] = '\0';
	return answer;
}

static void find_stored(void *ctx, const struct value_row *r)
{
	struct stored *s = ctx;

	if (r->fiscal_year != s->year)
		return;
	if (r->kind == VALUE_ACTUAL) {
		s->now.has_actual = 1;
		s->now.actual = r->value;
		s->now.actual_decimals = r->decimals;
		free(s->note);
		s->note = xstrdup(r->note);
	} else {
		s->now.has_plan = 1;
		s->now.plan = r->value;
		s->now.plan_decimals = r->decimals;
	}
	if (r->kind != s->kind)
		return;
	s->present = 1;
	number_format_places(r->value, r->decimals, 0, s->value, sizeof s->value);
	snprintf(s->by, sizeof s->by, "%s", r->entered_by);
	snprintf(s->at, sizeof s->at, "%s", r->entered_at);
}

/* Reads what is stored now after a conflict on kind, says on the message
 * line who saved what meanwhile, and keeps it in fm->seen for y to take
 * (take_seen). Returns 0, or -1 (fm->failed says why). */
static int take_conflict(struct form *fm, enum value_kind kind)
{
	struct stored found = { .year = fm->year, .kind = kind };
	struct error err;
	char when[64];

	if (values_each(fm->s, fm->k.id, find_stored, &found, &err) < 0) {
		free(found.note);
		snprintf(fm->failed, sizeof fm->failed, _("not saved: %s"), err.text);
		return -1;
	}
	found.changed_note = kind == VALUE_ACTUAL && found.present && fm->now.has_actual &&
			     found.now.actual == fm->now.actual;
	if (found.changed_note)
		snprintf(fm->message, sizeof fm->message, _("%s changed the note of the %s at %s meanwhile"),
			 found.by, _(values_kind_name(kind)), i18n_time(found.at, when, sizeof when));
	else if (found.present)
		snprintf(fm->message, sizeof fm->message, _("%s saved %s %s at %s meanwhile"),
			 found.by, _(values_kind_name(kind)), found.value,
			 i18n_time(found.at, when, sizeof when));
	else
		snprintf(fm->message, sizeof fm->message, _("someone cleared the %s meanwhile"),
			 _(values_kind_name(kind)));
	free(fm->seen.note);
	fm->seen = found;
	return 0;
}

/* After y: what the conflict showed becomes what the next save is
 * guarded by (and what undo puts back). */
static void take_seen(struct form *fm)
{
	fm->now.has_actual = fm->seen.now.has_actual;
	fm->now.actual = fm->seen.now.actual;
	fm->now.actual_decimals = fm->seen.now.actual_decimals;
	fm->now.has_plan = fm->seen.now.has_plan;
	fm->now.plan = fm->seen.now.plan;
	fm->now.plan_decimals = fm->seen.now.plan_decimals;
	free(fm->note);
	fm->note = fm->seen.note;
	fm->seen.note = NULL;
}

/* The digits after the point of the number a field holds, as typed. */
static int field_decimals(const struct field *f)
{
	char *text = field_text(f);
	int n = text ? number_decimals(text) : 0;

	free(text);
	return n;
}

/* Saves in one transaction, each value guarded by what the form last read
 * from the store (the actual's note too), the history's source saying
 * how it was entered. Returns 0, 1 when someone else saved first (the
 * message says who, and the form now holds what they saved), or -1 on
 * failure (fm->failed says why). */
static int save(struct form *fm, const char *source, int has_actual, double actual,
		int has_plan, double plan)
{
	char *note = field_text(&fm->fields[F_NOTE]);
	struct value_change c[2] = {
		{ .kpi_id = fm->k.id, .fiscal_year = fm->year, .kind = VALUE_ACTUAL,
		  .clear = !has_actual, .value = actual, .note = note, .user = fm->user,
		  .source = source, .check_expect = 1,
		  .expect_none = !fm->now.has_actual, .expect = fm->now.actual,
		  .expect_decimals = fm->now.actual_decimals, .expect_note = fm->note ? fm->note : "" },
		/* the plan's note is not in the form: NULL keeps it */
		{ .kpi_id = fm->k.id, .fiscal_year = fm->year, .kind = VALUE_PLAN,
		  .clear = !has_plan, .value = plan, .user = fm->user, .source = source,
		  .check_expect = 1, .expect_none = !fm->now.has_plan,
		  .expect = fm->now.plan, .expect_decimals = fm->now.plan_decimals },
	};
	struct error err;
	int rc, at;

	if (!note) {
		snprintf(fm->failed, sizeof fm->failed, _("not saved: %s"), _("out of memory"));
		return -1;
	}
	if (fm->note_unread)
		c[0].note = NULL;	/* a note the form could not show stays */
	/* each value with the decimals typed: 33.00 stays 33.00 */
	c[0].decimals = field_decimals(&fm->fields[F_ACTUAL]);
	if (fm->year_field > F_PLAN)
		c[1].decimals = field_decimals(&fm->fields[F_PLAN]);
	rc = value_undo_save(fm->s, c, fm->year_field > F_PLAN ? 2 : 1, &at, fm->undo, fm->nundo,
			     &err);
	free(note);
	if (rc < 0 && err.kind == ERROR_CONFLICT && at >= 0)
		return take_conflict(fm, c[at].kind) < 0 ? -1 : 1;
	if (rc < 0) {
		snprintf(fm->failed, sizeof fm->failed, _("not saved: %s"), err.text);
		return -1;
	}
	return 0;
}

static void fill(struct form *fm)
{
	char buf[64];

	field_set(&fm->fields[F_ACTUAL], _("actual"),
		  fm->now.has_actual ? number_format_places(fm->now.actual, fm->now.actual_decimals, 0,
							    buf, sizeof buf) : "", 1);
	fm->note_unread = field_set(&fm->fields[F_NOTE], _("note"), fm->note ? fm->note : "", 0) < 0;
	fm->nfields = 2;
	if (fm->k.is_project || fm->has_plans) {
		field_set(&fm->fields[F_PLAN], _("plan"),
			  fm->now.has_plan ? number_format_places(fm->now.plan, fm->now.plan_decimals, 0,
							  buf, sizeof buf) : "", 1);
		fm->nfields = 3;
	}
	fm->year_field = fm->nfields++;
	field_set(&fm->fields[fm->year_field], _("year"),
		  fiscal_year_brief(fm->year, buf, sizeof buf), 0);
	fm->typed = 0;
}

/* The stored values of year (and last year's actual), and the note, into
 * the form; the fields stay as they are. */
static int load_stored(struct form *fm, int year, struct error *err)
{
	struct kpi_years t;
	int i;

	double v;
	char *note = NULL;

	if (kpi_years_load(fm->s, &fm->k, year, &t, err) < 0 ||
	    values_get(fm->s, fm->k.id, year, VALUE_ACTUAL, &v, &note, err) < 0)
		return -1;
	free(fm->note);
	fm->note = note;	/* the pane's row cuts it; the form may not */
	fm->year = year;
	memset(&fm->now, 0, sizeof fm->now);
	memset(&fm->before, 0, sizeof fm->before);
	fm->has_plans = 0;
	for (i = 0; i < t.n; i++) {
		fm->has_plans |= t.rows[i].has_plan;
		if (t.rows[i].year == year)
			fm->now = t.rows[i];
		if (t.rows[i].year == year - 1)
			fm->before = t.rows[i];
	}
	return 0;
}

/* The stored values of year into the form and its fields. */
static int load_year(struct form *fm, int year, struct error *err)
{
	if (load_stored(fm, year, err) < 0)
		return -1;
	fill(fm);
	return 0;
}


static void form_free(struct form *fm)
{
	int i;

	for (i = 0; i < (int)(sizeof fm->fields / sizeof fm->fields[0]); i++)
		field_free(&fm->fields[i]);
	free(fm->note);
	fm->note = NULL;
	free(fm->seen.note);
	fm->seen.note = NULL;
	kpi_release(&fm->k);
}

/* Asks before an emptied field deletes a stored value. Returns 1 to go
 * on, 0 to go back to the form. */
static int deleting_confirmed(struct form *fm, int has_actual, int has_plan)
{
	int actual = !has_actual && fm->now.has_actual;
	int plan = fm->year_field > F_PLAN && !has_plan && fm->now.has_plan;
	char a[64], p[64];

	if (!actual && !plan)
		return 1;
	number_format(fm->now.actual, a, sizeof a);
	number_format(fm->now.plan, p, sizeof p);
	if (actual && plan)
		snprintf(fm->message, sizeof fm->message,
			 _("the fields are empty: the stored %s %s and %s %s will be deleted."),
			 _(values_kind_name(VALUE_ACTUAL)), a, _(values_kind_name(VALUE_PLAN)), p);
	else
		snprintf(fm->message, sizeof fm->message,
			 _("the field is empty: the stored %s %s will be deleted."),
			 _(values_kind_name(plan ? VALUE_PLAN : VALUE_ACTUAL)), plan ? p : a);
	return confirm(fm, _("delete it?"), ANSWER_DELETE);
}

/* The form's own keys; the rest are the field's (field_edit), typed. */
enum { F_NEXT = 1, F_PREVIOUS, F_SAVE, F_CANCEL, F_HELP };

static const struct view_key form_keys[] = {
	{ "Tab ↓", N_("the next field"), F_NEXT },
	{ "S-Tab ↑", N_("the previous field"), F_PREVIOUS },
	{ "← → Home End", N_("move in the field"), 0 },
	{ "Backspace Del", N_("delete a character"), 0 },
	{ "Enter", N_("save (another year in the year field: show its values first)"), F_SAVE },
	{ "Esc", N_("cancel: nothing is saved"), F_CANCEL },
	{ "?", N_("this help (in the note: a question mark)"), F_HELP },
	{ NULL, NULL, 0 },
};

static void view_draw(struct view *v)
{
	struct form *fm = v->data;
	int has_actual, has_plan;
	double actual = 0, plan = 0;

	/* while a question is asked, the message says what it is about */
	if (!*fm->question)
		validate(fm, &has_actual, &actual, &has_plan, &plan);
	form_draw(fm, fm->win);
}

/* The year field left (Tab) or entered (Enter) holding another year:
 * that year's stored values in the form, after y when what was typed for
 * the year shown would go (n puts the year back, the values typed kept).
 * Returns 1 when the form shows the other year, 0 when it still shows
 * its own, -1 when the field holds no year or the year could not be read
 * (the message says why). */
static int change_year(struct form *fm)
{
	char fy[32], to[32], question[LINE], buf[32];
	struct error err;
	int year;

	if (field_year(fm, &year) < 0)
		return -1;
	if (year == fm->year)
		return 0;
	if (fm->typed) {
		snprintf(question, sizeof question, _("what you typed for %s goes: show %s?"),
			 fiscal_year_format(fm->year, fy, sizeof fy),
			 fiscal_year_format(year, to, sizeof to));
		if (!confirm(fm, question, ANSWER_DISCARD)) {
			field_set(&fm->fields[fm->year_field], _("year"),
				  fiscal_year_brief(fm->year, buf, sizeof buf), 0);
			return 0;
		}
	}
	if (load_year(fm, year, &err) < 0) {
		snprintf(fm->failed, sizeof fm->failed, "%s", err.text);
		return -1;
	}
	/* what the year holds, said as it is: nothing stored is no "stored
	 * values" */
	snprintf(fm->info, sizeof fm->info,
		 fm->now.has_plan || fm->now.has_actual ? _("%s: its stored values; Enter saves")
							  : _("%s: nothing stored yet; Enter saves"),
		 fiscal_year_format(year, fy, sizeof fy));
	return 1;
}

/* Enter: another year's stored values first; else, after what must be
 * asked, the save. Returns 1 when saved. */
static int enter(struct form *fm)
{
	int has_actual, has_plan, rc, new_year;
	double actual = 0, plan = 0;
	const char *source;

	if (validate(fm, &has_actual, &actual, &has_plan, &plan) < 0)
		return 0;	/* the message says why; nothing is written */
	field_year(fm, &new_year);
	if (new_year != fm->year) {
		/* another year: its own stored values first, then Enter */
		if (change_year(fm) > 0)
			fm->focus = 0;
		return 0;
	}
	if (!deleting_confirmed(fm, has_actual, has_plan))
		return 0;
	source = "form";
	if (has_actual && far_off(fm, actual)) {
		char v[64];

		snprintf(fm->message, sizeof fm->message, _("%s is %s."),
			 number_format(actual, v, sizeof v), far_off(fm, actual));
		if (!confirm(fm, _("save it?"), ANSWER_SAVE))
			return 0;
		source = "form --force";	/* an unusual value, confirmed */
	}
	rc = save(fm, source, has_actual, actual, has_plan, plan);
	/* Over another official's value only on y, guarded by the value
	 * shown (a third official's is asked about again), so that undo
	 * puts it back. */
	while (rc == 1 && confirm(fm, _("save yours over it?"), ANSWER_SAVE)) {
		take_seen(fm);
		rc = save(fm, source, has_actual, actual, has_plan, plan);
	}
	return rc == 0;
}

static int view_key(struct view *v, const struct key *k)
{
	struct form *fm = v->data;
	int command = view_key_command(form_keys, k);

	fm->info[0] = '\0';
	if (command == F_CANCEL)
		return VIEW_HANDLED | VIEW_CLOSE;
	if (command == F_NEXT || command == F_PREVIOUS) {
		/* leaving it: that year's values; a year that is none keeps
		 * the focus, so that what is typed next mends it */
		if (fm->focus == fm->year_field && !fm->locked && change_year(fm) < 0)
			return VIEW_HANDLED;
		fm->focus = (fm->focus + (command == F_NEXT ? 1 : fm->nfields - 1)) % fm->nfields;
		return VIEW_HANDLED;
	}
	/* ? is the help, but in the note a character like any other */
	if (command == F_HELP && (fm->locked || fm->focus != F_NOTE))
		return VIEW_UNHANDLED;
	if (fm->locked) {
		/* shown, never saved: Enter says why */
		if (command == F_SAVE)
			snprintf(fm->info, sizeof fm->info, _("not saved: %s"), fm->locked);
		return VIEW_HANDLED;
	}
	if (command != F_SAVE) {
		char *before = field_text(&fm->fields[fm->focus]), *after;

		field_edit(&fm->fields[fm->focus], k);
		after = field_text(&fm->fields[fm->focus]);
		/* a value or note changed, not a cursor moved */
		if (fm->focus != fm->year_field && (!before || !after || strcmp(before, after) != 0))
			fm->typed = 1;
		free(before);
		free(after);
		if (fm->focus == F_NOTE)
			fm->note_unread = 0;	/* typed anew: it replaces */
		fm->failed[0] = '\0';
		return VIEW_HANDLED;
	}
	if (!enter(fm))
		return VIEW_HANDLED;
	fm->saved = 1;
	return VIEW_HANDLED | VIEW_CLOSE;
}

static const struct view_ops form_ops = {
	.name = N_("value form"), .keys = form_keys, .draw = view_draw, .key = view_key,
	.own_window = 1,
};

enum form_result form_run(struct store *s, const char *code, int year, const char *user,
			  const char *locked, char *message, size_t size,
			  struct value_undo *undo, int *nundo)
{
	struct form fm = { .s = s, .user = user, .locked = locked, .year = year,
			   .undo = undo, .nundo = nundo };
	struct error err;
	enum form_result result = FORM_CANCELLED;
	int h = 14, w = COLS - 4 > 76 ? 76 : COLS - 4;
	struct view v = { &form_ops, &fm };

	if (kpi_find(s, code, &fm.k, &err) < 0 ||
	    values_rules_find(s, fm.k.code, fiscal_year_of(time(NULL)), &fm.rules, &err) < 0 ||
	    load_year(&fm, year, &err) < 0) {
		snprintf(message, size, "%s", err.text);
		form_free(&fm);
		return FORM_FAILED;
	}
	fm.win = newwin(h < LINES ? h : LINES, w, (LINES - h) / 2 > 0 ? (LINES - h) / 2 : 0, 2);
	keypad(fm.win, TRUE);
	app_cursor(1);
	app_run(&v);
	if (fm.saved) {
		char fy[32];

		snprintf(message, size, _("%s %s: saved"), fm.k.code,
			 fiscal_year_format(fm.year, fy, sizeof fy));
		result = FORM_SAVED;
	}
	if (result == FORM_CANCELLED)
		snprintf(message, size, "%s", _("nothing saved"));
	app_cursor(0);
	delwin(fm.win);
	form_free(&fm);
	return result;
}
