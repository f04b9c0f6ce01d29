/* project_pane.c: the project pane: a grant project as seed 002
 * describes it, read into memory, then painted. */
#include "browse.h"
#include "i18n.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "fiscal_year.h"
#include "placement.h"
#include "text_view.h"

static const char *const labels[PROJECT_FIELDS] = {
	[PROJECT_MUNICIPALITY] = N_("municipality"), [PROJECT_GRANT] = N_("grant"),
	[PROJECT_ADOPTED] = N_("adopted"), [PROJECT_APPLICATION] = N_("application"),
	[PROJECT_NATIONAL_SHARE] = N_("national share"), [PROJECT_PERIOD] = N_("period"),
};

/* One field but the description and notes as a line: "label  text". */
static char *field_line(enum project_field field, const char *text, char *line, size_t size)
{
	char fy[32];

	if (field == PROJECT_ADOPTED)
		text = fiscal_year_format(text ? atoi(text) : 0, fy, sizeof fy);
	snprintf(line, size, "%s%s%s", labels[field] ? _(labels[field]) : "",
		 labels[field] ? "  " : "", text ? text : "");
	return line;
}

void project_pane_field(struct text_lines *l, enum project_field field, const char *text)
{
	char line[TEXT_MAX];

	text_lines_add(l, "%s", field_line(field, text, line, sizeof line));
}

/* A grant project's details: what seed 002 says of it. */
static void project_line(void *ctx, enum project_field field, const char *text)
{
	char line[TEXT_MAX];

	/* the program's notes are the whole text's (i) */
	if (!text || !*text || field == PROJECT_PROGRAM_NOTES)
		return;
	if (field == PROJECT_DESCRIPTION || field == PROJECT_NOTES) {
		/* description and notes: each of their lines, cut */
		const char *p = text;

		while (*p) {
			size_t n = strcspn(p, "\n");

			snprintf(line, sizeof line, "%.*s", (int)n, p);
			if (!pane_text_add(ctx, field == PROJECT_NOTES ? A_DIM : 0, line))
				return;
			p += n + (p[n] == '\n');
		}
		return;
	}
	pane_text_add(ctx, field == PROJECT_TITLE ? A_BOLD : 0, field_line(field, text, line, sizeof line));
}

void project_pane_load(struct browser *b, long long project, struct pane_text *t)
{
	struct error err;

	placement_project(b->s, project, project_line, t, &err);
}
