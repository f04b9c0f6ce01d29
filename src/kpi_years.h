/* kpi_years.h: a KPI's table of fiscal years (plan, actual, progress and
 * status per year), as `show` prints it and the browser draws it. */
#ifndef KPITREE_KPI_YEARS_H
#define KPITREE_KPI_YEARS_H

#include <stddef.h>

#include "kpi.h"
#include "progress.h"

#define KPI_YEARS_MAX 64
/* The most years from baseline to target that are listed one by one. */
#define KPI_YEARS_SPAN 30

struct kpi_year {
	int year;
	int has_plan, has_actual;
	double plan, actual;
	int plan_decimals, actual_decimals;	/* as written (value_row) */
	/* the notes, cut between characters past 255 bytes: for panes;
	 * values_each gives them whole */
	char plan_note[256], actual_note[256];
};

/* One row per fiscal year, in order: every year from the baseline's to
 * the target's end (a strategy KPI; a baseline over a period, an average
 * or a sum, is shown as its period: the rows start after it), every year
 * that holds a value, and extra (0: none). */
struct kpi_years {
	struct kpi_year rows[KPI_YEARS_MAX];
	int n;
};

/* Loads the years of k. Returns 0, or -1 with err filled. */
int kpi_years_load(struct store *s, const struct kpi *k, int extra, struct kpi_years *t,
		   struct error *err);

/* The first of rows rows to show of t, so that year's row is among them,
 * with the years before it rather than after: a pane shorter than the
 * table keeps the year in view. */
int kpi_years_window(const struct kpi_years *t, int year, int rows);

/* The row of year, added if there is none (NULL if the table is full). */
struct kpi_year *kpi_years_row(struct kpi_years *t, int year);

/* The row a KPI is judged at: year's when year is given (0: not), else
 * the latest row with an actual up to current_year (the current fiscal
 * year: an actual entered for a later year, a typing mistake or a test,
 * never decides the status). NULL when there is none. */
const struct kpi_year *kpi_years_judged(const struct kpi_years *t, int year, int current_year);

/* A KPI declared incremental (k->is_increment: its plans and actuals
 * are each year's increments) at a fiscal year: the sums of its
 * increments up to it, and its progress both ways. */
struct increment {
	int present;		/* declared, and an actual at the year */
	double baseline;	/* the 当初値 or baseline (0 without one) */
	double actual_sum;	/* the actual increments up to the year */
	double target_sum;	/* the plans' sum (a grant project's KPI), or the
				 * target less the baseline (a strategy KPI) */
	double rate_total;	/* (baseline + actual_sum) ÷ (baseline + target_sum) */
	double rate_gap;	/* actual_sum ÷ target_sum: (actual − baseline) ÷
				 * (target − baseline) */
	int has_total, has_gap;	/* each rate defined (no division by 0) */
};

/* The increment of k at year from its table t: the sums of the years
 * after the baseline's up to year. present 0 without an actual at year
 * (whether k is declared incremental or not: the caller asks). */
void kpi_years_increment(const struct kpi *k, const struct kpi_years *t, int year,
			 struct increment *out);

/* A grant project's KPI k measured at row r as the 効果検証 measures it:
 * from its 当初値 (0 without one) to its plan, (actual − 当初値) ÷
 * (plan − 当初値), met at or beyond the plan in k's direction (≥, or ≤
 * when lower is better); a plan not beyond the 当初値 in that direction
 * gives no share of the way. p is left alone without an actual and a
 * plan at r. */
void kpi_years_plan_way(const struct kpi *k, const struct kpi_year *r, struct progress *p);

/* Progress and status of k at the row's year (plan/actual for a
 * project's KPI where higher is better, kpi_years_plan_way where lower
 * is); an increment KPI by the sums of its increments, the
 * one rule for every view that judges it: the share of the way
 * (actual − baseline) ÷ (target − baseline), achieved at 100%, behind
 * below. */
void kpi_years_progress(const struct kpi *k, const struct kpi_years *t,
			const struct kpi_year *r, struct progress *p);

/* What a chart of k scales to: the largest of t's plans and actuals and
 * k's baseline and target, or 1 when none is above 0. */
double kpi_years_scale(const struct kpi *k, const struct kpi_years *t);

/* A value cell: the number with at least decimals digits after the
 * point (as written: 33.00), or "-". */
char *kpi_years_cell(int present, double v, int decimals, char *buf, size_t size);

/* A history row as `kpitree history` and the browser's H write it: the
 * change on line, and the note's change (if any) on note_line, else "".
 * Returns line. */
struct history_row;
char *kpi_years_history_line(const struct history_row *h, char *line, size_t size,
			     char *note_line, size_t note_size);

/* A ratio: "57%", or "-". */
char *kpi_years_ratio(const struct progress *p, char *buf, size_t size);

#endif
