/* detail_view.c: i: the selected row's whole text, wrapped by display
 * width and scrolled: where it stands, from its project down, its KPIs
 * with their circled numbers and main fields, its grant menus and
 * examples; of a grant project, all seed 002 says of it, notes too. */
#include "browse.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

#include "codes.h"
#include "draw.h"
#include "kpi.h"
#include "placement.h"
#include "text_view.h"
#include "tree.h"

static void path_row(void *ctx, const struct tree_row *r)
{
	const char *name = tree_level_name(r->level) ? _(tree_level_name(r->level)) : "";

	text_lines_add(ctx, "%s: %s%s%s", name, r->label, *r->label ? " " : "", r->title);
}

/* A KPI in three lines: circled number, code, name; its amounts; its
 * main field (a strategy KPI's). */
static void kpi_lines(struct browser *b, struct text_lines *l, const char *code, int home)
{
	char circled[16] = "", base[128], target[128], field[256] = "";
	struct error err;
	struct kpi k;

	if (kpi_find(b->s, code, &k, &err) < 0) {
		text_lines_add(l, "%s: %s", code, err.text);
		return;
	}
	if (!codes_circled(k.number, circled, sizeof circled))
		circled[0] = '\0';
	text_lines_add(l, "%s%s%s %s%s", circled, *circled ? " " : "", k.code, k.name,
		       home ? "" : _(" [re-listed]"));
	if (k.is_project)
		text_lines_add(l, "  %s", (snprintf(target, sizeof target, _("initial %s"),
						    kpi_amount_text(&k.baseline, k.unit, base,
								    sizeof base)), target));
	else
		text_lines_add(l, "  %s → %s  %s", kpi_amount_text(&k.baseline, k.unit, base, sizeof base),
			       kpi_amount_text(&k.target, k.unit, target, sizeof target),
			       kpi_direction_label(k.direction));
	if (k.field_id && placement_field_name(b->s, k.field_id, field, sizeof field, &err) == 1)
		text_lines_add(l, "  %s: %s", _("main field"), field);
	kpi_release(&k);
}

static void grant_line(void *ctx, enum placement_text what, const char *text)
{
	if (what == PLACEMENT_EXAMPLE)
		text_lines_add(ctx, _("e.g. %s"), text);
	else if (what == PLACEMENT_AI_EXAMPLE)
		text_lines_add(ctx, "AI: %s", text);
	else
		text_lines_add(ctx, "%s", text);
}

/* A heading, and what it heads on the lines after it (nothing when
 * there is nothing under it). */
static void section(struct text_lines *l, const char *heading, const struct text_lines *under)
{
	int i;

	if (!under->n)
		return;
	text_lines_add(l, "%s", "");
	text_lines_add(l, "%s", heading);
	for (i = 0; i < under->n; i++)
		text_lines_add(l, "%s", under->text[i]);
}

/* A row of the strategy: its path, its KPIs, its grant menus. */
static void placement_detail(struct browser *b, struct text_lines *l, long long placement)
{
	struct text_lines kpis = { NULL, 0 }, menus = { NULL, 0 };
	long long path[16];
	struct placement_kpis c;
	struct error err;
	int n = tree_path(b->s, placement, path, 16, &err), i;

	for (i = 0; i < n; i++)
		tree_row(b->s, path[i], path_row, l, &err);
	if (placement_kpis(b->s, placement, &c, &err) == 0)
		for (i = 0; i < c.n; i++)
			kpi_lines(b, &kpis, c.code[i], c.home[i]);
	section(l, _("its KPIs"), &kpis);
	placement_grant(b->s, placement, grant_line, &menus, &err);
	section(l, _("Grant menus"), &menus);
	text_lines_free(&kpis);
	text_lines_free(&menus);
}

struct project_detail {
	struct text_lines *l, description, notes, program_notes;
};

static void project_field(void *ctx, enum project_field field, const char *text)
{
	struct project_detail *d = ctx;

	if (!text || !*text)
		return;
	if (field == PROJECT_DESCRIPTION)
		text_lines_add(&d->description, "%s", text);
	else if (field == PROJECT_NOTES)
		text_lines_add(&d->notes, "%s", text);
	else if (field == PROJECT_PROGRAM_NOTES)
		text_lines_add(&d->program_notes, "%s", text);
	else
		project_pane_field(d->l, field, text);
}

struct project_kpis {
	struct browser *b;
	struct text_lines kpis;
};

static void project_kpi(void *ctx, const struct tree_row *r)
{
	struct project_kpis *p = ctx;

	kpi_lines(p->b, &p->kpis, r->label, 1);
}

/* A grant project: its fields, description, notes, KPIs. */
static void project_detail(struct browser *b, struct text_lines *l, long long project)
{
	struct project_detail d = { l, { NULL, 0 }, { NULL, 0 }, { NULL, 0 } };
	struct project_kpis p = { b, { NULL, 0 } };
	struct error err;

	placement_project(b->s, project, project_field, &d, &err);
	section(l, _("description"), &d.description);
	section(l, _("notes"), &d.notes);
	section(l, _("notes of the grant program"), &d.program_notes);
	tree_other_children(b->s, TREE_OTHER_PROJECTS, 3, project, project_kpi, &p, &err);
	section(l, _("its KPIs"), &p.kpis);
	text_lines_free(&d.description);
	text_lines_free(&d.notes);
	text_lines_free(&d.program_notes);
	text_lines_free(&p.kpis);
}

/* A grant program's row, or one of its years': the program's notes
 * (the source's ※ on the program, as its move to デジタル田園都市国家構想
 * 推進交付金). A year row's id is the program's times 10000 and the year
 * (src/tree.c). */
static void program_detail(struct browser *b, struct text_lines *l, long long program)
{
	struct text_lines notes = { NULL, 0 };
	struct error err;
	char text[TEXT_MAX];

	if (placement_program_notes(b->s, program, text, sizeof text, &err) == 1 && *text)
		text_lines_add(&notes, "%s", text);
	section(l, _("notes of the grant program"), &notes);
	text_lines_free(&notes);
}

/* i: the selected row's whole text. */
void detail_view_run(struct browser *b)
{
	struct text_lines l = { NULL, 0 };
	const struct tree_item *it = b->v->n ? &b->v->items[b->v->cursor] : NULL;
	const struct tree_level *level = trees_level(b->kind, it);
	char title[TEXT_MAX];

	if (!it)
		return;
	if (level->strategy) {
		placement_detail(b, &l, it->id);
	} else if (level->panes == PANES_PROJECT) {
		project_detail(b, &l, it->id);
	} else if (level->panes == PANES_KPI_PROJECT) {
		int up = tree_list_parent(b->v, b->v->cursor);

		kpi_lines(b, &l, it->label, 1);
		if (up >= 0) {
			text_lines_add(&l, "%s", "");
			project_detail(b, &l, b->v->items[up].id);
		}
	} else {
		text_lines_add(&l, "%s%s%s", it->label, *it->label ? " " : "", it->title);
		if (level->grant == ROW_PROGRAM || level->grant == ROW_PROGRAM_YEAR)
			program_detail(b, &l, level->grant == ROW_PROGRAM ? it->id
									: tree_program_of(it->id));
	}
	snprintf(title, sizeof title, _("kpitree — the whole text of %s%s%s"), it->label,
		 *it->label ? " " : "", it->title);
	text_view_run_detail(title, (const char *const *)l.text, l.n, 2);
	text_lines_free(&l);
}
