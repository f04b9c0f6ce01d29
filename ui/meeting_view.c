/* meeting_view.c: :meeting and its agenda, the meetings to open, p
 * presents, d the dashboard of the tree shown. */
#include "browse.h"
#include "alloc.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dashboard.h"
#include "dialog.h"
#include "draw.h"
#include "fiscal_year.h"
#include "present.h"
#include "review.h"

/* The KPIs of the tree shown: the strategy of the selected row, or the
 * grant projects. */
static int tree_scope(struct browser *b, struct review_scope *scope, char *title, size_t size)
{
	const struct tree_item *it = b->v->n ? &b->v->items[b->v->cursor] : NULL;
	struct error err;
	long long id = 0;
	int rc;

	memset(scope, 0, sizeof *scope);
	if (b->kind->scope == TREE_SCOPE_PROJECTS) {
		snprintf(title, size, "%s", _(b->kind->title));
		return 0;
	}
	if (it && trees_level(b->kind, it)->strategy)
		id = review_strategy_of(b->s, it->id, &err);
	rc = review_strategy_named(b->s, id, &scope->strategy_id, title, size, &err);
	if (rc < 0)
		browser_say(b, "%s", err.text);
	else if (rc == 0)
		browser_say(b, _("no strategy here"));
	return rc == 1 ? 0 : -1;
}

/* d: the dashboard of the tree shown; Enter there goes to the KPI. */
void meeting_dashboard(struct browser *b)
{
	struct review_scope scope;
	char title[256], code[32];

	if (tree_scope(b, &scope, title, sizeof title) < 0)
		return;
	if (dashboard_run(b->s, &scope, title, browser_judged_year(b), code, sizeof code, b->message,
			  sizeof b->message))
		browser_goto(b, code);
}

/* The KPIs under the selected row: a node of the strategy, a grant
 * project (or all of them), with how they were chosen in agenda. */
static int node_scope(struct browser *b, struct review_scope *scope, char *agenda, size_t size)
{
	const struct tree_item *it = b->v->n ? &b->v->items[b->v->cursor] : NULL;

	memset(scope, 0, sizeof *scope);
	if (!it) {
		browser_say(b, _("select a row first"));
		return -1;
	}
	if (b->kind->node == NODE_PLACEMENT) {
		scope->placement = it->id;
		snprintf(agenda, size, _("under %s%s%s"), it->label, *it->label ? " " : "", it->title);
		return 0;
	}
	if (b->kind->node == NODE_PROJECT) {
		const struct tree_level *lv = trees_level(b->kind, it);
		int i = lv->grant == ROW_PROJECT_KPI ? tree_list_parent(b->v, b->v->cursor)
						     : b->v->cursor;

		if (trees_level(b->kind, &b->v->items[i])->grant == ROW_PROJECT) {
			scope->project_id = b->v->items[i].id;
			snprintf(agenda, size, _("project %s"), b->v->items[i].title);
		} else if (lv->grant == ROW_PROGRAM_YEAR) {
			char fy[32];
			int program = tree_list_parent(b->v, b->v->cursor);

			scope->program_year = it->id;
			snprintf(agenda, size, _("%s, adopted %s"), b->v->items[program].title,
				 fiscal_year_format(tree_year_of(it->id), fy, sizeof fy));
		} else {
			/* a grant program: its projects, not every program's */
			scope->program_year = tree_program_year(it->id, 0);
			snprintf(agenda, size, "%s", it->title);
		}
		return 0;
	}
	browser_say(b, _("select a row of the strategy or of the grant projects (t)"));
	return -1;
}

static int kpi_ids(const struct review_list *l, long long **ids)
{
	int i;

	*ids = xcalloc((size_t)l->n, sizeof **ids);
	for (i = 0; i < l->n; i++)
		(*ids)[i] = l->rows[i].kpi_id;
	return l->n;
}

/* :meeting agenda WHAT: the KPIs of the tree shown that pass WHAT
 * (achieved, on-track, behind, actual-only, no-data, field NAME), or node: those
 * under the selected row. */
static int agenda_of(struct browser *b, const char *what, int year, struct review_list *l,
		     char *agenda, size_t size)
{
	struct review_scope scope;
	struct review_filter f;
	struct error err;
	char title[256];

	memset(l, 0, sizeof *l);
	if (!what || strcmp(what, "node") == 0) {
		if (node_scope(b, &scope, agenda, size) < 0)
			return -1;
		if (review_list_load(b->s, &scope, year, l, &err) < 0) {
			browser_say(b, "%s", err.text);
			return -1;
		}
		return 0;
	}
	if (review_filter_parse(what, &f, &err) < 0) {
		browser_say(b, "%s", err.text);
		return -1;
	}
	if (tree_scope(b, &scope, title, sizeof title) < 0)
		return -1;
	if (review_agenda(b->s, &scope, &f, year, l, &err) < 0) {
		browser_say(b, "%s", err.text);
		return -1;
	}
	snprintf(agenda, size, "%s: %s", title, what);
	return 0;
}

struct meeting_lines {
	char (*text)[TEXT_MAX];
	const char **options;
	long long *id;
	int n;
};

static void meeting_line(void *ctx, const struct meeting *m)
{
	struct meeting_lines *l = ctx;
	char fy[32], held[64];

	xgrow(&l->text, (size_t)l->n, sizeof *l->text);
	xgrow(&l->id, (size_t)l->n, sizeof *l->id);
	xgrow(&l->options, (size_t)l->n, sizeof *l->options);
	snprintf(l->text[l->n], sizeof l->text[0], ngettext("%lld  %s  %s  %s  %d item  %s  %s",
		 "%lld  %s  %s  %s  %d items  %s  %s", (unsigned long)m->items), m->id,
		 i18n_date(m->held_on, held, sizeof held), fiscal_year_brief(m->year, fy, sizeof fy),
		 m->title, m->items, *m->closed_at ? _("closed") : _("open"), m->agenda);
	l->id[l->n++] = m->id;
}

/* :meeting list: the meetings, the latest first; Enter opens one. */
static void meeting_list(struct browser *b)
{
	struct meeting_lines l = { 0 };
	struct error err;
	int i, pick;

	if (meeting_each(b->s, meeting_line, &l, &err) < 0) {
		browser_say(b, "%s", err.text);
	} else if (!l.n) {
		browser_say(b, _("no meeting yet: :meeting start TITLE"));
	} else {
		for (i = 0; i < l.n; i++)
			l.options[i] = l.text[i];
		pick = dialog_choose(_("meetings (Enter opens)"), l.options, l.n, 0);
		if (pick >= 0 && meeting_get(b->s, l.id[pick], &b->meeting, &err) == 0) {
			b->presented = 0;
			browser_say(b, _("meeting %lld: %s (p presents)"), b->meeting.id, b->meeting.title);
		}
	}
	free(l.text);
	free(l.options);
	free(l.id);
}

/* :meeting attend ROLE NAME (NAME may hold spaces: 山田 太郎), :meeting
 * absent NAME: the open meeting's attendees; :meeting organisation NAME. */
static void meeting_people(struct browser *b, const char *verb, char *rest)
{
	char *name = rest ? strchr(rest, ' ') : NULL;
	struct error err;
	int rc;

	if (!rest || !*rest || (!strcmp(verb, "attend") && (!name || !name[1]))) {
		browser_say(b, !strcmp(verb, "attend") ? _("usage: :meeting attend ROLE NAME")
			    : !strcmp(verb, "absent") ? _("usage: :meeting absent NAME")
			    : _("usage: :meeting organisation NAME"));
		return;
	}
	if (!strcmp(verb, "organisation")) {
		if (meeting_set_organisation(b->s, rest, &err) < 0)
			browser_say(b, "%s", err.text);
		else
			browser_say(b, _("organisation: %s"), rest);
		return;
	}
	if (!b->meeting.id) {
		browser_say(b, _("no meeting open: :meeting start TITLE, or :meeting list"));
		return;
	}
	if (!strcmp(verb, "absent")) {
		rc = meeting_absent(b->s, b->meeting.id, rest, b->session->user, &err);
		if (rc == 0)
			browser_say(b, _("%s is no longer an attendee of meeting %lld"), rest, b->meeting.id);
	} else {
		*name++ = '\0';
		rc = meeting_attend(b->s, b->meeting.id, rest, name, b->session->user, &err);
		if (rc == 0)
			browser_say(b, _("attendee of meeting %lld: %s (%s)"), b->meeting.id, name, rest);
	}
	if (rc < 0)
		browser_say(b, "%s", err.text);
}

void meeting_command(struct browser *b, char *arg)
{
	char *rest = arg ? strchr(arg, ' ') : NULL;
	struct review_list l;
	struct error err;
	char agenda[512];
	long long *ids;
	int n;

	if (rest)
		*rest++ = '\0';
	if (!arg) {
		browser_say(b, _("usage: :meeting start TITLE|agenda WHAT|end|list|open ID"));
	} else if (strcmp(arg, "start") == 0) {
		struct meeting m;

		if (!rest || !*rest) {
			browser_say(b, _("usage: :meeting start TITLE"));
			return;
		}
		if (agenda_of(b, NULL, browser_judged_year(b), &l, agenda, sizeof agenda) < 0)
			return;
		n = kpi_ids(&l, &ids);
		if (meeting_start(b->s, rest, review_list_year(&l, b->year), agenda, ids, n,
				  b->session->user, &m, &err) < 0) {
			browser_say(b, "%s", err.text);
		} else {
			b->meeting = m;
			b->presented = 0;
			browser_say(b, ngettext("meeting %lld started: %d item (p presents)",
						"meeting %lld started: %d items (p presents)",
						(unsigned long)m.items), m.id, m.items);
		}
		free(ids);
		review_list_free(&l);
	} else if (strcmp(arg, "agenda") == 0) {
		if (!b->meeting.id) {
			browser_say(b, _("no meeting open: :meeting start TITLE"));
			return;
		}
		if (agenda_of(b, rest, b->meeting.year, &l, agenda, sizeof agenda) < 0)
			return;
		n = kpi_ids(&l, &ids);
		if (meeting_set_agenda(b->s, b->meeting.id, agenda, ids, n, b->session->user, &err) < 0 ||
		    meeting_get(b->s, b->meeting.id, &b->meeting, &err) < 0)
			browser_say(b, "%s", err.text);
		else
			browser_say(b, ngettext("agenda %d item: %s", "agenda %d items: %s",
						(unsigned long)b->meeting.items), b->meeting.items, agenda);
		b->presented = 0;
		free(ids);
		review_list_free(&l);
	} else if (strcmp(arg, "end") == 0) {
		if (!b->meeting.id)
			browser_say(b, _("no meeting open"));
		else if (meeting_end(b->s, b->meeting.id, b->session->user, &err) < 0)
			browser_say(b, "%s", err.text);
		else {
			browser_say(b, _("meeting %lld ended"), b->meeting.id);
			memset(&b->meeting, 0, sizeof b->meeting);
		}
	} else if (!strcmp(arg, "attend") || !strcmp(arg, "absent") || !strcmp(arg, "organisation")) {
		meeting_people(b, arg, rest);
	} else if (strcmp(arg, "list") == 0) {
		meeting_list(b);
	} else if (strcmp(arg, "open") == 0 && rest) {
		if (meeting_get(b->s, atoll(rest), &b->meeting, &err) < 0) {
			browser_say(b, "%s", err.text);
		} else {
			b->presented = 0;
			browser_say(b, _("meeting %lld: %s%s (p presents)"), b->meeting.id, b->meeting.title,
				    *b->meeting.closed_at ? _(", closed") : "");
		}
	} else {
		browser_say(b, _("usage: :meeting start TITLE|agenda WHAT|end|list|open ID"));
	}
}

/* p: the open meeting's agenda, from the item shown last. */
void meeting_present(struct browser *b)
{
	struct error err;

	if (!b->meeting.id) {
		browser_say(b, _("no meeting open: :meeting start TITLE, or :meeting list"));
		return;
	}
	b->presented = present_run(b->session, b->meeting.id, b->presented, b->message,
				   sizeof b->message);
	if (meeting_get(b->s, b->meeting.id, &b->meeting, &err) < 0)
		browser_say(b, "%s", err.text);
	browser_forget_marks(b);
}
