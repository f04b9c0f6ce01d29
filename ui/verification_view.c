/* verification_view.c: :verification, the yearly 効果検証 in the browser:
 * the state of the browser's fiscal year (the projects due with their
 * suggestion, the KPIs still without an actual, the three voices) in a
 * view of its own that scrolls, and each voice entered as the command
 * line enters it (a committee's at the open meeting). */
#include "browse.h"
#include "alloc.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "app.h"
#include "dialog.h"
#include "draw.h"
#include "fiscal_year.h"
#include "keymap.h"
#include "keys_file.h"
#include "kpi.h"
#include "tree.h"
#include "verification.h"

struct status_view {
	char **lines;
	int n, top;
	char title[TEXT_MAX];
};

static void add_line(void *ctx, const char *line)
{
	struct status_view *s = ctx;
	xgrow(&s->lines, (size_t)s->n, sizeof *s->lines);
	s->lines[s->n++] = xstrdup(line);
}

static void draw_status(struct view *v)
{
	const struct status_view *s = v->data;
	int row = 1, i;
	char foot[TEXT_MAX];

	erase();
	put(0, 0, COLS, s->title, A_BOLD);
	for (i = s->top; i < s->n && row < LINES - 1; i++)
		put(row++, 0, COLS, s->lines[i], 0);
	snprintf(foot, sizeof foot, _(" %d/%d  j k scroll  PgDn PgUp page  q back"),
		 s->n ? s->top + 1 : 0, s->n);
	put(LINES - 1, 0, COLS, foot, A_REVERSE);
}

enum { S_SCROLL = 1, S_BACK };

static const struct view_key status_keys[] = {
	{ "j k ↓ ↑", N_("scroll a line"), S_SCROLL },
	{ "Space PgDn PgUp", N_("scroll a page"), S_SCROLL },
	{ "g G Home End", N_("the first or last line"), S_SCROLL },
	{ "q Esc", N_("back to the browser"), S_BACK },
	{ NULL, NULL, 0 },
};

static int status_key(struct view *v, const struct key *k)
{
	struct status_view *s = v->data;
	int page = LINES - 2 > 1 ? LINES - 2 : 1, last = s->n - page > 0 ? s->n - page : 0;

	switch (view_key_command(status_keys, k)) {
	case S_BACK:
		return VIEW_HANDLED | VIEW_CLOSE;
	case S_SCROLL:
		break;
	default:
		return VIEW_UNHANDLED;
	}
	switch (keymap_action(k)) {
	case ACT_MOVE_DOWN: s->top++; break;
	case ACT_MOVE_UP: s->top--; break;
	case ACT_PAGE_DOWN: s->top += page; break;
	case ACT_PAGE_UP: s->top -= page; break;
	case ACT_TOP: s->top = 0; break;
	case ACT_BOTTOM: s->top = last; break;
	default: return VIEW_UNHANDLED;
	}
	if (s->top > last)
		s->top = last;
	if (s->top < 0)
		s->top = 0;
	return VIEW_HANDLED;
}


static const struct view_ops status_ops = {
	.name = N_("verification"), .keys = status_keys, .draw = draw_status,
	.key = status_key, .full_screen = 1,
};

/* The voice seen of project id at year, or NULL. */
static struct voice_seen *seen(struct browser *b, int year, long long id, enum voice v)
{
	int i;

	for (i = 0; i < b->n_voices_seen; i++)
		if (b->voices_seen[i].year == year && b->voices_seen[i].project == id &&
		    b->voices_seen[i].voice == (int)v)
			return &b->voices_seen[i];
	return NULL;
}

/* Reads voice v of project id at year into e, and keeps its version as
 * seen. Returns 0, or -1 with err. */
static int see(struct browser *b, int year, long long id, enum voice v, struct voice_entry *e,
	       struct error *err)
{
	struct voice_seen *at;

	if (verification_voice(b->s, year, id, v, e, err) < 0)
		return -1;
	at = seen(b, year, id, v);
	if (!at) {
		xgrow(&b->voices_seen, (size_t)b->n_voices_seen, sizeof *b->voices_seen);
		at = &b->voices_seen[b->n_voices_seen++];
		*at = (struct voice_seen){ year, id, (int)v, 0 };
	}
	at->version = verification_voice_version(e);
	return 0;
}

/* Keeps the voices of year's projects as the view shows them. */
static int see_all(struct browser *b, int year, struct error *err)
{
	struct vproject_list l;
	struct voice_entry e;
	int i, k, rc = 0;

	if (verification_projects(b->s, year, &l, err) < 0)
		return -1;
	for (i = 0; i < l.n && rc == 0; i++)
		for (k = 0; k < VOICES && rc == 0; k++)
			rc = see(b, year, l.items[i].id, k, &e, err);
	verification_projects_free(&l);
	return rc;
}

static void show_status(struct browser *b, int year)
{
	struct status_view s = { NULL, 0, 0, "" };
	struct view v = { &status_ops, &s };
	struct access_identity *officials = NULL;
	struct error err;
	char fy[32];
	int i, n;

	if (keys_file_officials(NULL, b->session->db_path, &officials, &n, &err) < 0 ||
	    /* read before it is shown: a voice entered in between is newer
	     * than the one kept, and refused rather than replaced unseen */
	    see_all(b, year, &err) < 0 ||
	    verification_status_lines(b->s, year, officials, n, add_line, &s, &err) < 0) {
		browser_say(b, "%s", err.text);
	} else {
		snprintf(s.title, sizeof s.title, _("効果検証 %s"),
			 fiscal_year_format(year, fy, sizeof fy));
		app_run(&v);
	}
	for (i = 0; i < s.n; i++)
		free(s.lines[i]);
	free(s.lines);
	free(officials);
}

/* The next word of *text (cut there), or NULL; *text moves past it. */
static char *word(char **text)
{
	char *w = *text, *end;

	if (!w)
		return NULL;
	while (*w == ' ')
		w++;
	if (!*w)
		return NULL;
	end = strchr(w, ' ');
	if (end) {
		*end++ = '\0';
		*text = end;
	} else {
		*text = w + strlen(w);
	}
	return w;
}

/* The rest of *text, spaces before it passed over, or NULL when empty. */
static char *rest(char **text)
{
	char *r = *text;

	if (!r)
		return NULL;
	while (*r == ' ')
		r++;
	return *r ? r : NULL;
}

/* A voice: self PROJECT EFFECT POLICY|- [REASON...], committee PROJECT
 * VERDICT [OPINION...], final PROJECT EFFECT POLICY REASON... */
static void enter_voice(struct browser *b, enum voice v, char *args)
{
	struct voice_input in = { NULL };
	char *project = word(&args), code[32], why[TEXT_MAX], brief[600], when[64];
	struct voice_entry now = { 0 };
	struct voice_seen *at;
	struct error err;
	long long id, kpi;
	int rc;

	if (v == VOICE_COMMITTEE) {
		in.verdict = word(&args);
		in.opinion = rest(&args);
		in.meeting_id = b->meeting.id;
	} else {
		in.effect = word(&args);
		in.policy = word(&args);
		if (in.policy && strcmp(in.policy, "-") == 0)
			in.policy = NULL;
		in.reason = rest(&args);
	}
	if (!project || !(v == VOICE_COMMITTEE ? in.verdict : in.effect)) {
		browser_say(b, "%s", v == VOICE_SELF ? _("usage: :verification self PROJECT EFFECT"
							 " POLICY|- [REASON]")
				    : v == VOICE_COMMITTEE ? _("usage: :verification committee PROJECT"
							       " VERDICT [OPINION]")
				    : _("usage: :verification final PROJECT EFFECT POLICY REASON"));
		return;
	}
	if (verification_project_find(b->s, project, &id, code, sizeof code, &err) < 0 ||
	    verification_project_kpi(b->s, id, &kpi, &err) < 0) {
		browser_say(b, "%s", err.text);
		return;
	}
	rc = access_may_kpi(b->s, &b->session->identity, v == VOICE_SELF ? ACCESS_EDIT
				: ACCESS_EVALUATE, kpi, why, sizeof why, &err);
	if (rc == 0) {
		browser_say(b, _("not permitted: %s"), why);
		access_log_refusal(b->session->db_path, &b->session->identity, "browse: :verification", why);
		return;
	}
	if (rc < 0) {
		browser_say(b, "%s", err.text);
		return;
	}
	/* what the official saw is what is replaced: a voice entered since
	 * (or never shown) is shown first, and entered again knowingly */
	at = seen(b, b->year, id, v);
	in.check_version = 1;
	in.version = at ? at->version : 0;
	if (!at && (see(b, b->year, id, v, &now, &err) < 0 || now.present)) {
		if (!now.present)
			browser_say(b, "%s", err.text);
		else
			browser_say(b, _("%s's %s is already %s (entered by %s at %s): enter it again"
					 " to replace it"), code, verification_voice_name(v),
				    verification_voice_brief(v, &now, brief, sizeof brief),
				    now.entered_by, i18n_time(now.entered_at, when, sizeof when));
		return;
	}
	rc = verification_record(b->s, b->year, id, v, &in, b->session->user, &err);
	if (rc < 0)
		browser_say(b, "%s", err.text);
	else
		browser_say(b, _("recorded %s's %s"), code, verification_voice_name(v));
	/* the voice as it is now, shown or written, is the one seen */
	if ((rc == 0 || err.kind == ERROR_CONFLICT) && see(b, b->year, id, v, &now, &err) < 0)
		browser_say(b, "%s", err.text);
}

/* What verification_enter said: recorded (done, with what to say), or
 * refused (logged) or failed, said on the status line. */
static void entered(struct browser *b, int rc, const struct error *err, const char *done)
{
	if (rc == 0)
		browser_say(b, "%s", done);
	else if (err->kind == ERROR_REFUSED) {
		browser_say(b, _("not permitted: %s"), err->text);
		access_log_refusal(b->session->db_path, &b->session->identity, "browse: :verification",
				   err->text);
	} else
		browser_say(b, "%s", err->text);
}

/* A project due at the browser's year (kpi 0) or a KPI of one (kpi 1):
 * named by typed, else chosen from a list. Its id into *id and its code
 * into code, and its project into *p (into l, loaded here; NULL when it
 * is not due, or typed). Returns 1, or 0 (cancelled, or said). */
static int pick(struct browser *b, struct vproject_list *l, const char *typed, int kpi,
		const struct vproject **p, long long *id, char *code, size_t size)
{
	const char **options = NULL;
	char **texts = NULL;
	int n = 0, i, j, chosen = -1;
	struct error err;

	*p = NULL;
	if (verification_projects(b->s, b->year, l, &err) < 0) {
		browser_say(b, "%s", err.text);
		return 0;
	}
	if (typed) {
		if (kpi) {
			struct kpi k;

			int found = tree_code_to_write(b->s, typed, code, size, &err);

			/* a code naming several KPIs: which they are */
			if (found < 0 && err.kind == ERROR_AMBIGUOUS) {
				browser_say(b, "%s", err.text);
				return 0;
			}
			if (found != 1 || kpi_find(b->s, code, &k, &err) < 0) {
				browser_say(b, _("no KPI with code '%s'"), typed);
				return 0;
			}
			*id = k.id;
			kpi_release(&k);
			return 1;
		}
		if (verification_project_find(b->s, typed, id, code, size, &err) < 0) {
			browser_say(b, "%s", err.text);
			return 0;
		}
		for (i = 0; i < l->n; i++)
			if (l->items[i].id == *id)
				*p = &l->items[i];
		return 1;
	}
	for (i = 0; i < l->n; i++)
		for (j = 0; j < (kpi ? l->items[i].kpis.n : 1); j++) {
			char text[TEXT_MAX];

			snprintf(text, sizeof text, "%s %s",
				 kpi ? l->items[i].kpis.rows[j].code : l->items[i].code,
				 kpi ? l->items[i].kpis.rows[j].name : l->items[i].title);
			xgrow(&texts, (size_t)n, sizeof *texts);
			texts[n++] = xstrdup(text);
		}
	if (!n) {
		browser_say(b, _("no project is due at %s"), fiscal_year_format(b->year, code, size));
		return 0;
	}
	options = xcalloc((size_t)n, sizeof *options);
	for (i = 0; i < n; i++)
		options[i] = texts[i];
	chosen = dialog_choose(kpi ? _("KPIs due") : _("projects due"), options, n, 0);
	for (i = 0, n = 0; chosen >= 0 && i < l->n; i++)
		for (j = 0; j < (kpi ? l->items[i].kpis.n : 1); j++, n++)
			if (n == chosen) {
				*p = &l->items[i];
				snprintf(code, size, "%s", kpi ? l->items[i].kpis.rows[j].code
							      : l->items[i].code);
				*id = kpi ? l->items[i].kpis.rows[j].kpi_id : l->items[i].id;
			}
	for (i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
	free(options);
	return chosen >= 0;
}

/* amount [PROJECT [YEN [KIND]]]: what is not given is asked, the
 * amount and kind shown as they stand. */
static void enter_amount(struct browser *b, char *args)
{
	char *project = word(&args), *yen_text = word(&args), *kind = rest(&args);
	char code[32], yen[64] = "", kind_text[128] = "", done[TEXT_MAX];
	const struct vproject *p;
	struct vproject_list l = { 0 };
	struct error err;
	long long id, value;

	if (!pick(b, &l, project, 0, &p, &id, code, sizeof code))
		goto out;
	if (p && p->has_amount)
		snprintf(yen, sizeof yen, "%lld", p->amount);
	if (p)
		snprintf(kind_text, sizeof kind_text, "%s", p->grant_kind);
	if (!yen_text) {
		if (!dialog_prompt(_("amount (yen, - for none): "), yen, sizeof yen, NULL, NULL) ||
		    !dialog_prompt(_("kind of grant: "), kind_text, sizeof kind_text, NULL, NULL))
			goto out;
		yen_text = yen;
		kind = kind_text;
	}
	if (verification_yen_parse(yen_text, &value, &err) < 0) {
		browser_say(b, "%s", err.text);
		goto out;
	}
	snprintf(done, sizeof done, _("recorded %s's amount"), code);
	entered(b, verification_enter(b->s, &b->session->identity, b->session->user, ENTER_AMOUNT, id,
				      b->year, value, kind, &err), &err, done);
out:
	verification_projects_free(&l);
}

/* unknown|known [CODE [NOTE]], describes [CODE [FY|none]]: what a KPI's
 * value at the browser's year is; what is not given is asked. */
static void enter_flag(struct browser *b, enum verification_entry what, int unknown,
		       char *args)
{
	char *typed = word(&args), *text = rest(&args);
	char code[64], answer[TEXT_MAX] = "", done[TEXT_MAX], fy[32], fy2[32];
	const struct vproject *p;
	struct vproject_list l = { 0 };
	struct error err;
	long long kpi_id;
	int value = unknown, at;

	if (!pick(b, &l, typed, 1, &p, &kpi_id, code, sizeof code))
		goto out;
	if (!text && (what == ENTER_DESCRIBES || unknown)) {
		if (!dialog_prompt(what == ENTER_DESCRIBES ? _("the year its data describe (none: its own): ")
							    : _("note (why not known yet): "),
				   answer, sizeof answer, NULL, NULL))
			goto out;
		text = answer;
	}
	/* the value of the year its project is judged on: for a project in
	 * its year after, the year it ran */
	at = verification_kpi_year(b->s, kpi_id, b->year, &err);
	if (at < 0) {
		browser_say(b, "%s", err.text);
		goto out;
	}
	fiscal_year_format(at, fy, sizeof fy);
	if (what == ENTER_DESCRIBES) {
		if (verification_describes_parse(text, &value, &err) < 0) {
			browser_say(b, "%s", err.text);
			goto out;
		}
		if (value && value != at)
			snprintf(done, sizeof done, _("%s at %s: its data describe %s"), code, fy,
				 fiscal_year_format(value, fy2, sizeof fy2));
		else
			snprintf(done, sizeof done, _("%s at %s: its data describe its own year"),
				 code, fy);
	} else {
		snprintf(done, sizeof done, unknown ? _("%s at %s: not known yet (把握できない)")
						    : _("%s at %s: no longer marked not known"),
			 code, fy);
	}
	entered(b, verification_enter(b->s, &b->session->identity, b->session->user, what, kpi_id,
				      b->year, value, text, &err), &err, done);
out:
	verification_projects_free(&l);
}

/* :verification [open|close|self|committee|final ...]: at the browser's
 * fiscal year; alone, its state. */
void verification_command(struct browser *b, char *arg)
{
	static const char *const voices[] = { "self", "committee", "final" };
	char *verb = word(&arg), fy[32];
	struct verification v;
	struct error err;
	int k;

	if (!verb) {
		show_status(b, b->year);
		return;
	}
	for (k = 0; k < VOICES; k++)
		if (strcmp(verb, voices[k]) == 0) {
			enter_voice(b, k, arg);
			return;
		}
	if (strcmp(verb, "amount") == 0) {
		enter_amount(b, arg);
		return;
	}
	if (strcmp(verb, "unknown") == 0 || strcmp(verb, "known") == 0) {
		enter_flag(b, ENTER_UNKNOWN, verb[0] == 'u', arg);
		return;
	}
	if (strcmp(verb, "describes") == 0) {
		enter_flag(b, ENTER_DESCRIBES, 0, arg);
		return;
	}
	if (strcmp(verb, "open") != 0 && strcmp(verb, "close") != 0) {
		browser_say(b, _("usage: :verification [open|close|amount|unknown|known|describes"
				 "|self|committee|final ...]"));
		return;
	}
	if (verification_may_conduct(&b->session->identity, &err) < 0)
		entered(b, -1, &err, "");
	else if (strcmp(verb, "open") == 0
		 ? verification_open(b->s, b->year, b->session->user, &v, &err)
		 : verification_close(b->s, b->year, b->session->user, &err))
		browser_say(b, "%s", err.text);
	else
		browser_say(b, strcmp(verb, "open") == 0 ? _("opened the verification of %s")
							 : _("closed the verification of %s"),
			    fiscal_year_format(b->year, fy, sizeof fy));
}
