/* kpi_data.c: the KPI pane's reads into memory: the KPI, its years, its
 * evaluation and open action items, the other rows it stands in. */
#include "kpi_data.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "placement.h"
#include "tree.h"

static void take_action(void *ctx, const struct remark *r)
{
	struct kpi_data *d = ctx;
	struct kpi_data_action *a;

	xgrow(&d->actions, (size_t)d->nactions, sizeof *d->actions);
	a = &d->actions[d->nactions++];
	a->text = xstrdup(r->text);
	a->owner = xstrdup(r->owner);
	a->due = xstrdup(r->due);
}

void kpi_data_load_places(struct kpi_data *d, struct store *s, long long here, int max)
{
	long long *places;
	struct error err;
	int n = tree_places(s, d->k.code, &places, &err), i;

	if (n <= 1) {
		free(places);
		return;
	}
	d->places = xcalloc((size_t)n, sizeof *d->places);
	for (i = 0; i < n && d->nplaces < max; i++) {
		char title[1024];
		int rc;

		if (places[i] == here)
			continue;
		rc = placement_title(s, places[i], title, sizeof title, &err);
		if (rc == 1)
			rc = placement_project_label(s, places[i], d->places[d->nplaces].project,
						     sizeof d->places[d->nplaces].project, &err);
		if (rc < 0)
			break;
		if (rc == 1) {
			d->places[d->nplaces].title = xstrdup(title);
			d->places[d->nplaces++].home = i == 0;
		}
	}
	free(places);
}

/* Its flags and lists, not the table: zeroing a table of every year
 * at each draw would cost more than reading it. */
static void empty(struct kpi_data *d)
{
	d->found = d->has_years = d->has_review = 0;
	d->actions = NULL;
	d->places = NULL;
	d->nactions = d->nplaces = 0;
	error_clear(&d->err);
}

int kpi_data_load(struct kpi_data *d, struct store *s, const char *code, int year)
{
	empty(d);
	if (kpi_find(s, code, &d->k, &d->err) < 0)
		return -1;
	d->found = 1;
	if (kpi_years_load(s, &d->k, year, &d->t, &d->err) < 0)
		return -1;
	d->has_years = 1;
	return 0;
}

int kpi_data_load_review(struct kpi_data *d, struct store *s)
{
	struct error err;

	if (meeting_latest_evaluation(s, d->k.id, &d->e, d->e_title, sizeof d->e_title, &err) < 0)
		return -1;
	d->has_review = 1;
	meeting_remarks(s, 0, d->k.id, 1, take_action, d, &err);
	return 0;
}

void kpi_data_free(struct kpi_data *d)
{
	int i;

	for (i = 0; i < d->nactions; i++) {
		free(d->actions[i].text);
		free(d->actions[i].owner);
		free(d->actions[i].due);
	}
	free(d->actions);
	for (i = 0; i < d->nplaces; i++)
		free(d->places[i].title);
	free(d->places);
	if (d->found)
		kpi_release(&d->k);
	empty(d);
}
