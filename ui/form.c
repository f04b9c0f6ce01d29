/* form.c: the value-entry form: fields edited by character (Japanese
 * included), validated as typed and on save, saved with --expect so that
 * nobody's number is overwritten unseen. */
#include "form.h"
#include "i18n.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "fiscal_year.h"
#include "input.h"
#include "kpi.h"
#include "kpi_years.h"
#include "number.h"
#include "values.h"
#include "width.h"

#define FIELD_MAX 256
#define LINE 1024

struct field {
	const char *label;
	wchar_t text[FIELD_MAX];
	int len, cursor;
	int numeric;
};

struct form {
	struct store *s;
	const char *user;
	const char *locked;	/* why nothing may be saved; NULL when it may */
	struct kpi k;
	int year;
	struct kpi_year now, before;	/* this year's row and last year's */
	struct field fields[4];		/* actual, note, [plan,] year */
	int nfields, focus;
	int year_field;		/* the last field */
	int has_plans;		/* the KPI has a plan for some year */
	char message[LINE];	/* what is wrong with the fields as they stand */
	char failed[LINE];	/* why the last save failed, until the next edit */
	char question[LINE];	/* below the message, while y/n is asked */
	char info[LINE];	/* shown when no message is, until the next key */
};

enum { F_ACTUAL, F_NOTE, F_PLAN };

static void set_field(struct field *f, const char *label, const char *text, int numeric)
{
	mbstate_t st;
	const char *p = text;

	memset(f, 0, sizeof *f);
	f->label = label;
	f->numeric = numeric;
	memset(&st, 0, sizeof st);
	f->len = (int)mbsrtowcs(f->text, &p, FIELD_MAX - 1, &st);
	if (f->len < 0)
		f->len = 0;
	f->text[f->len] = L'\0';
	f->cursor = f->len;
}

static void field_text(const struct field *f, char *buf, size_t size)
{
	const wchar_t *p = f->text;
	mbstate_t st;
	size_t n;

	memset(&st, 0, sizeof st);
	n = wcsrtombs(buf, &p, size - 1, &st);
	buf[n == (size_t)-1 ? 0 : n] = '\0';
}

/* A number as the field holds it: none (empty), a value, or an error. */
static int field_number(const struct field *f, int *present, double *value, char *why,
			size_t size)
{
	char text[FIELD_MAX * 4];
	struct error err;

	field_text(f, text, sizeof text);
	*present = text[strspn(text, " \u3000")] != '\0' && strcmp(text, "-") != 0;
	if (!*present)
		return 0;
	if (number_parse(text, value, &err) < 0) {
		snprintf(why, size, "%s: %s", f->label, err.text);
		return -1;
	}
	return 0;
}

/* The year field read in any form officials write (R7, 令和7年度, 2025). */
static int field_year(struct form *fm, int *year)
{
	char text[FIELD_MAX * 4];
	struct error err;

	field_text(&fm->fields[fm->year_field], text, sizeof text);
	if (fiscal_year_parse(text, year, &err) < 0) {
		snprintf(fm->message, sizeof fm->message, _("year: %s"), err.text);
		return -1;
	}
	return 0;
}

/* The rules a value must keep: counts are not negative, percentages not
 * over 100. Returns 0, or -1 with why. */
static int check_range(const struct form *fm, const struct field *f, double v, char *why,
		       size_t size)
{
	if (strcmp(fm->k.unit, "%") == 0 && (v < 0 || v > 100)) {
		snprintf(why, size, _("%s: a percentage is 0 to 100, not %g"), f->label, v);
		return -1;
	}
	if (strcmp(fm->k.unit, "%") != 0 && v < 0) {
		snprintf(why, size, _("%s: a count of %s is not negative"), f->label, fm->k.unit);
		return -1;
	}
	return 0;
}

/* Whether v is far from what the KPI has shown: more than ten times last
 * year's actual, or on the wrong side of the baseline for its direction. */
static const char *far_off(const struct form *fm, double v)
{
	if (fm->before.has_actual && fm->before.actual > 0 && v > 10 * fm->before.actual)
		return _("more than ten times last year's actual");
	if (!fm->k.is_project && fm->k.baseline.present &&
	    (fm->k.direction == DIRECTION_UP ? v < fm->k.baseline.value
					     : v > fm->k.baseline.value))
		return _("on the wrong side of the baseline");
	return NULL;
}

static void put(WINDOW *w, int y, int x, int cols, const char *text, attr_t attr)
{
	char buf[LINE * 4];

	if (cols <= 0)
		return;
	width_cut(text, cols, 1, buf, sizeof buf);
	wattron(w, attr);
	mvwaddstr(w, y, x, buf);
	wattroff(w, attr);
}

/* Draws a field from the column that keeps its cursor in view; returns
 * the screen column of the cursor. */
static int draw_field(WINDOW *w, int y, int x, int cols, const struct field *f, int focused)
{
	int first = 0, col, i, used = 0;
	char mb[MB_LEN_MAX + 1];

	/* scroll: the first character shown keeps the cursor inside cols */
	for (;;) {
		int width = 0;

		for (i = first; i < f->cursor; i++)
			width += wcwidth(f->text[i]) > 0 ? wcwidth(f->text[i]) : 1;
		if (width < cols || first >= f->cursor)
			break;
		first++;
	}
	wattron(w, focused ? A_UNDERLINE : 0);
	mvwhline(w, y, x, ' ', cols);
	col = x;
	for (i = first; i < f->len; i++) {
		int cw = wcwidth(f->text[i]) > 0 ? wcwidth(f->text[i]) : 1;
		mbstate_t st;
		size_t n;

		if (used + cw > cols)
			break;
		memset(&st, 0, sizeof st);
		n = wcrtomb(mb, f->text[i], &st);
		if (n == (size_t)-1)
			continue;
		mb[n] = '\0';
		mvwaddstr(w, y, x + used, mb);
		if (i < f->cursor)
			col = x + used + cw;
		used += cw;
	}
	if (f->cursor == first)
		col = x;
	wattroff(w, focused ? A_UNDERLINE : 0);
	return col;
}

static void draw(struct form *fm, WINDOW *w)
{
	int h, wd, i, cy = 0, cx = 0, row;
	char line[LINE], fy[32], a[128], b[128];

	getmaxyx(w, h, wd);
	werase(w);
	box(w, 0, 0);
	snprintf(line, sizeof line, " %s %s %s ", fm->k.code,
		 fiscal_year_format(fm->year, fy, sizeof fy),
		 fm->locked ? _("read-only") : _("entry"));
	put(w, 0, 2, wd - 4 < width_of(line) ? wd - 4 : width_of(line), line, A_BOLD);
	put(w, 1, 2, wd - 4, fm->k.name, 0);
	if (fm->k.is_project)
		snprintf(line, sizeof line, _("unit %s  initial %s"), fm->k.unit,
			 kpi_amount_text(&fm->k.baseline, fm->k.unit, a, sizeof a));
	else
		snprintf(line, sizeof line, _("unit %s  %s → %s"), fm->k.unit,
			 kpi_amount_text(&fm->k.baseline, fm->k.unit, a, sizeof a),
			 kpi_amount_text(&fm->k.target, fm->k.unit, b, sizeof b));
	put(w, 2, 2, wd - 4, line, 0);
	snprintf(line, sizeof line, _("plan %s  last year's actual %s"),
		 kpi_years_cell(fm->now.has_plan, fm->now.plan, a, sizeof a),
		 kpi_years_cell(fm->before.has_actual, fm->before.actual, b, sizeof b));
	put(w, 3, 2, wd - 4, line, 0);
	row = 5;
	for (i = 0; i < fm->nfields && row < h - 3; i++, row++) {
		int lw = 10, x;

		put(w, row, 2, lw, fm->fields[i].label, i == fm->focus ? A_BOLD : 0);
		x = draw_field(w, row, 2 + lw, wd - 4 - lw, &fm->fields[i], i == fm->focus);
		if (i == fm->focus) {
			cy = row;
			cx = x;
		}
	}
	put(w, h - 4, 2, wd - 4,
	    fm->message[0] ? fm->message
	    : fm->failed[0] ? fm->failed
	    : fm->info[0] || !fm->locked ? fm->info : fm->locked,
	    A_BOLD);
	put(w, h - 3, 2, wd - 4, fm->question, A_BOLD);
	put(w, h - 2, 2, wd - 4,
	    fm->locked ? _("Tab/S-Tab: field  Escape: close (read-only)")
		       : _("Tab/S-Tab: field  Enter: save  Escape: cancel"), 0);
	/* The terminal's cursor stays at the insertion point: an IME draws
	 * its composition there. */
	wmove(w, cy, cx);
	wrefresh(w);
}

/* Checks every field as it stands; the message says what is wrong. */
static int validate(struct form *fm, int *has_actual, double *actual, int *has_plan,
		    double *plan)
{
	fm->message[0] = '\0';
	*has_plan = 0;
	if (field_number(&fm->fields[F_ACTUAL], has_actual, actual, fm->message,
			 sizeof fm->message) < 0)
		return -1;
	if (*has_actual && check_range(fm, &fm->fields[F_ACTUAL], *actual, fm->message,
				       sizeof fm->message) < 0)
		return -1;
	{
		int year;

		if (field_year(fm, &year) < 0)
			return -1;
	}
	if (fm->year_field > F_PLAN &&
	    (field_number(&fm->fields[F_PLAN], has_plan, plan, fm->message,
			  sizeof fm->message) < 0 ||
	     (*has_plan && check_range(fm, &fm->fields[F_PLAN], *plan, fm->message,
				       sizeof fm->message) < 0)))
		return -1;
	return 0;
}

/* y or n, asked on the message line. */
static int confirm(struct form *fm, WINDOW *w, const char *question)
{
	struct key k;

	int answer = -1;

	snprintf(fm->question, sizeof fm->question, _("%s  y: save / n: back"), question);
	draw(fm, w);
	while (answer < 0) {
		if (input_next(&k, -1) < 0 || k.is_key)
			continue;
		if (k.code == 'y' || k.code == 'Y')
			answer = 1;
		else if (k.code == 'n' || k.code == 'N' || k.code == 27)
			answer = 0;
	}
	fm->question[0] = '\0';
	return answer;
}

/* What another official stored: found by values_each. */
struct stored {
	int year;
	enum value_kind kind;
	int present;
	char value[64], by[128], at[32];
};

static void find_stored(void *ctx, const struct value_row *r)
{
	struct stored *s = ctx;

	if (r->fiscal_year != s->year || r->kind != s->kind)
		return;
	s->present = 1;
	number_format(r->value, s->value, sizeof s->value);
	snprintf(s->by, sizeof s->by, "%s", r->entered_by);
	snprintf(s->at, sizeof s->at, "%s", r->entered_at);
}

/* Saves in one transaction, each value guarded by what the form opened
 * with. Returns 0, 1 when someone else saved first (message says who), or
 * -1 on failure. */
static int save(struct form *fm, int force, int has_actual, double actual, int has_plan,
		double plan)
{
	char note[FIELD_MAX * 4];
	struct value_change c = {
		.kpi_id = fm->k.id, .fiscal_year = fm->year, .kind = VALUE_ACTUAL,
		.clear = !has_actual, .value = actual, .note = note, .user = fm->user,
		.source = "form", .check_expect = !force,
		.expect_none = !fm->now.has_actual, .expect = fm->now.actual,
	};
	struct error err;
	char when[64];

	field_text(&fm->fields[F_NOTE], note, sizeof note);
	if (store_begin(fm->s, &err) < 0)
		goto failed;
	if (values_apply(fm->s, &c, &err) < 0)
		goto conflict;
	if (fm->year_field > F_PLAN) {
		c = (struct value_change){
			.kpi_id = fm->k.id, .fiscal_year = fm->year, .kind = VALUE_PLAN,
			.clear = !has_plan, .value = plan, .user = fm->user, .source = "form",
			.check_expect = !force, .expect_none = !fm->now.has_plan,
			.expect = fm->now.plan,
		};
		if (values_apply(fm->s, &c, &err) < 0)
			goto conflict;
	}
	if (store_commit(fm->s, &err) < 0)
		goto failed;
	return 0;
conflict:
	store_rollback(fm->s);
	if (err.kind == ERROR_CONFLICT) {
		struct stored found = { .year = fm->year, .kind = c.kind };

		if (values_each(fm->s, fm->k.id, find_stored, &found, &err) == 0 && found.present)
			snprintf(fm->message, sizeof fm->message, _("%s saved %s %s at %s meanwhile"),
				 found.by, _(values_kind_name(c.kind)), found.value,
				 i18n_time(found.at, when, sizeof when));
		else
			snprintf(fm->message, sizeof fm->message, _("someone cleared the %s meanwhile"),
				 _(values_kind_name(c.kind)));
		return 1;
	}
failed:
	snprintf(fm->failed, sizeof fm->failed, _("not saved: %s"), err.text);
	return -1;
}

static void delete_at(struct field *f)
{
	if (f->cursor >= f->len)
		return;
	memmove(&f->text[f->cursor], &f->text[f->cursor + 1],
		(size_t)(f->len - f->cursor) * sizeof f->text[0]);
	f->len--;
}

/* One key in a field: a character goes in at the cursor, Backspace takes
 * the character before it away (漢字 is one character, two columns). */
static void edit(struct field *f, const struct key *k)
{
	int backspace = k->is_key ? k->code == KEY_BACKSPACE : k->code == 127 || k->code == 8;

	if (backspace) {
		if (f->cursor > 0) {
			f->cursor--;
			delete_at(f);
		}
		return;
	}
	if (k->is_key) {
		if (k->code == KEY_LEFT && f->cursor > 0)
			f->cursor--;
		else if (k->code == KEY_RIGHT && f->cursor < f->len)
			f->cursor++;
		else if (k->code == KEY_HOME)
			f->cursor = 0;
		else if (k->code == KEY_END)
			f->cursor = f->len;
		else if (k->code == KEY_DC)
			delete_at(f);
		return;
	}
	if (k->code < 0x20 || f->len >= FIELD_MAX - 1)
		return;
	memmove(&f->text[f->cursor + 1], &f->text[f->cursor],
		(size_t)(f->len - f->cursor + 1) * sizeof f->text[0]);
	f->text[f->cursor++] = (wchar_t)k->code;
	f->len++;
}

static void fill(struct form *fm)
{
	char buf[64];

	set_field(&fm->fields[F_ACTUAL], _("actual"),
		  fm->now.has_actual ? number_format(fm->now.actual, buf, sizeof buf) : "", 1);
	set_field(&fm->fields[F_NOTE], _("note"), fm->now.actual_note, 0);
	fm->nfields = 2;
	if (fm->k.is_project || fm->has_plans) {
		set_field(&fm->fields[F_PLAN], _("plan"),
			  fm->now.has_plan ? number_format(fm->now.plan, buf, sizeof buf) : "", 1);
		fm->nfields = 3;
	}
	fm->year_field = fm->nfields++;
	set_field(&fm->fields[fm->year_field], _("year"),
		  fiscal_year_short(fm->year, buf, sizeof buf), 0);
}

/* The stored values of year (and last year's actual) into the form. */
static int load_year(struct form *fm, int year, struct error *err)
{
	struct kpi_years t;
	int i;

	if (kpi_years_load(fm->s, &fm->k, year, &t, err) < 0)
		return -1;
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
	fill(fm);
	return 0;
}


/* What a save changed, for undo. */
static void record(const struct form *fm, enum value_kind kind, int has_new, double v,
		   struct form_change *c)
{
	const struct kpi_year *r = &fm->now;

	*c = (struct form_change){
		.kpi_id = fm->k.id, .year = fm->year, .kind = kind,
		.had = kind == VALUE_ACTUAL ? r->has_actual : r->has_plan,
		.old = kind == VALUE_ACTUAL ? r->actual : r->plan,
		.has_new = has_new, .new_value = v,
	};
	snprintf(c->old_note, sizeof c->old_note, "%s",
		 kind == VALUE_ACTUAL ? r->actual_note : r->plan_note);
}

enum form_result form_run(struct store *s, const char *code, int year, const char *user,
			  const char *locked, char *message, size_t size,
			  struct form_change *changes, int *nchanges)
{
	struct form fm = { .s = s, .user = user, .locked = locked, .year = year };
	struct error err;
	enum form_result result = FORM_CANCELLED;
	int h = 14, w = COLS - 4 > 76 ? 76 : COLS - 4;
	WINDOW *win;

	if (kpi_find(s, code, &fm.k, &err) < 0 || load_year(&fm, year, &err) < 0) {
		snprintf(message, size, "%s", err.text);
		kpi_release(&fm.k);
		return FORM_FAILED;
	}
	win = newwin(h < LINES ? h : LINES, w, (LINES - h) / 2 > 0 ? (LINES - h) / 2 : 0, 2);
	keypad(win, TRUE);
	curs_set(1);
	for (;;) {
		int has_actual, has_plan, rc, new_year;
		double actual = 0, plan = 0;
		struct key k;

		validate(&fm, &has_actual, &actual, &has_plan, &plan);
		draw(&fm, win);
		if (input_next(&k, -1) < 0)
			continue;
		fm.info[0] = '\0';
		if (!k.is_key && k.code == 27)
			break;
		if ((!k.is_key && k.code == '\t') || (k.is_key && k.code == KEY_DOWN)) {
			fm.focus = (fm.focus + 1) % fm.nfields;
			continue;
		}
		if (k.is_key && (k.code == KEY_BTAB || k.code == KEY_UP)) {
			fm.focus = (fm.focus + fm.nfields - 1) % fm.nfields;
			continue;
		}
		if (fm.locked) {
			/* shown, never saved: Enter says why */
			if (!k.is_key && (k.code == '\n' || k.code == '\r'))
				snprintf(fm.info, sizeof fm.info, _("not saved: %s"), fm.locked);
			continue;
		}
		if (!(!k.is_key && (k.code == '\n' || k.code == '\r'))) {
			edit(&fm.fields[fm.focus], &k);
			fm.failed[0] = '\0';
			continue;
		}
		if (validate(&fm, &has_actual, &actual, &has_plan, &plan) < 0)
			continue;	/* the message says why; nothing is written */
		field_year(&fm, &new_year);
		if (new_year != fm.year) {
			char fy[32];

			/* another year: its own stored values first, then Enter */
			if (load_year(&fm, new_year, &err) < 0)
				snprintf(fm.failed, sizeof fm.failed, "%s", err.text);
			else
				snprintf(fm.info, sizeof fm.info, _("%s: its stored values; Enter saves"),
					 fiscal_year_format(new_year, fy, sizeof fy));
			fm.focus = 0;
			continue;
		}
		if (has_actual && far_off(&fm, actual)) {
			snprintf(fm.message, sizeof fm.message, _("%g is %s."), actual,
				 far_off(&fm, actual));
			if (!confirm(&fm, win, _("save it?")))
				continue;
		}
		rc = save(&fm, 0, has_actual, actual, has_plan, plan);
		if (rc == 1 && confirm(&fm, win, _("save yours over it?")))
			rc = save(&fm, 1, has_actual, actual, has_plan, plan);
		if (rc == 0) {
			char fy[32];

			record(&fm, VALUE_ACTUAL, has_actual, actual, &changes[0]);
			*nchanges = 1;
			if (fm.year_field > F_PLAN)
				record(&fm, VALUE_PLAN, has_plan, plan, &changes[(*nchanges)++]);
			snprintf(message, size, _("%s %s: saved"), fm.k.code,
				 fiscal_year_format(fm.year, fy, sizeof fy));
			result = FORM_SAVED;
			break;
		}
	}
	if (result == FORM_CANCELLED)
		snprintf(message, size, "%s", _("nothing saved"));
	curs_set(0);
	delwin(win);
	kpi_release(&fm.k);
	return result;
}
