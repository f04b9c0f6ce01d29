/* kpi_data.h: what the KPI pane shows of one KPI, read from the store
 * into memory, without curses: the KPI, its yearly table, the latest
 * meeting's evaluation, its open action items, and the other rows where
 * it stands. kpi_pane.c paints it. */
#ifndef KPITREE_KPI_DATA_H
#define KPITREE_KPI_DATA_H

#include "error.h"
#include "kpi.h"
#include "kpi_years.h"
#include "meeting.h"
#include "store.h"

/* An open action item, its texts malloc'd. */
struct kpi_data_action {
	char *text, *owner, *due;
};

/* Another row the KPI stands in: its home row (home) or a re-listing. */
struct kpi_data_place {
	int home;
	char *title;
	char project[32];	/* the label of the project it stands under ("4") */
};

struct kpi_data {
	int found;		/* the KPI was read (k); else err says why */
	int has_years;		/* its yearly table was read (t); else err says why */
	struct error err;
	struct kpi k;
	struct kpi_years t;
	int has_review;		/* the evaluation and the actions were read */
	struct evaluation e;
	char e_title[256];	/* the evaluating meeting's title */
	struct kpi_data_action *actions;
	int nactions;
	struct kpi_data_place *places;
	int nplaces;
};

/* Reads the KPI with code and its table at year into d (emptied first).
 * Returns 0, or -1 with d->err (d->found and d->has_years say how far it
 * came). The rest is read only when the pane has room for it: */
int kpi_data_load(struct kpi_data *d, struct store *s, const char *code, int year);

/* The latest meeting's evaluation and the open action items of the KPI
 * d holds. Returns 0 (d->has_review), or -1 (nothing). */
int kpi_data_load_review(struct kpi_data *d, struct store *s);

/* Up to max of the other rows where the KPI d holds stands, besides
 * here (a placement), its home row first; none when it stands in one. */
void kpi_data_load_places(struct kpi_data *d, struct store *s, long long here, int max);

/* Frees what d holds. */
void kpi_data_free(struct kpi_data *d);

#endif
