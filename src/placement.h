/* placement.h: what the browser's panes show of a content row (a
 * placement) and of a grant project: the row's KPIs, its grant menus and
 * examples, the title of a row where a KPI also stands, a project's
 * details. Each reads only; each returns 0, or -1 with err filled. */
#ifndef KPITREE_PLACEMENT_H
#define KPITREE_PLACEMENT_H

#include <stddef.h>

#include "error.h"
#include "store.h"

#define PLACEMENT_KPIS_MAX 64

/* The KPIs of a content row, in their order; home[i] is 0 where the row
 * re-lists the KPI (its home is another row). */
struct placement_kpis {
	char code[PLACEMENT_KPIS_MAX][32];
	int home[PLACEMENT_KPIS_MAX];
	int n;
};

/* The KPIs of placement into k; a row of more than PLACEMENT_KPIS_MAX
 * is refused (ERROR_INVALID), never cut. */
int placement_kpis(struct store *s, long long placement, struct placement_kpis *k,
		   struct error *err);

/* k as the one KPI with code (a project's, or one found by field). */
void placement_kpis_one(struct placement_kpis *k, const char *code);

/* The title of placement's node into buf. Returns 1, 0 for no such row
 * (buf ""), or -1 with err. */
int placement_title(struct store *s, long long placement, char *buf, size_t size,
		    struct error *err);

/* What the grant-menu pane shows of placement: fn with each of its grant
 * menus in order, then with its example and its AI example (those not
 * empty), each marked by what. Strings live until fn returns. */
enum placement_text { PLACEMENT_MENU, PLACEMENT_EXAMPLE, PLACEMENT_AI_EXAMPLE };

int placement_grant(struct store *s, long long placement,
		    void (*fn)(void *ctx, enum placement_text what, const char *text), void *ctx,
		    struct error *err);

/* A grant project as seed 002 describes it: its fields in the order the
 * project pane shows them (PROJECT_ADOPTED is the adoption year, as
 * digits). */
enum project_field {
	PROJECT_TITLE, PROJECT_MUNICIPALITY, PROJECT_GRANT, PROJECT_ADOPTED,
	PROJECT_APPLICATION, PROJECT_NATIONAL_SHARE, PROJECT_PERIOD, PROJECT_DESCRIPTION,
	PROJECT_NOTES, PROJECT_PROGRAM_NOTES, PROJECT_FIELDS
};

/* Calls fn with each field of the project with id, in order (NULL for
 * one not given); nothing for no such project. */
int placement_project(struct store *s, long long project,
		      void (*fn)(void *ctx, enum project_field field, const char *text),
		      void *ctx, struct error *err);

/* The notes (※) of the grant program with id into buf, one a line.
 * Returns 1, 0 for no such program (buf ""), or -1 with err. */
int placement_program_notes(struct store *s, long long program, char *buf, size_t size,
			    struct error *err);

/* The name of the main field with id into buf. Returns 1, 0 for none
 * (buf ""), or -1 with err. */
int placement_field_name(struct store *s, long long field, char *buf, size_t size,
			 struct error *err);

/* The label (its number, "4") of the project row placement stands under
 * (itself at the top) into buf: what tells apart two rows of the same
 * text under two projects. Returns 1, 0 for no such row (buf ""), or -1
 * with err. */
int placement_project_label(struct store *s, long long placement, char *buf, size_t size,
			    struct error *err);

#endif
