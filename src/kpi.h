/* kpi.h: KPIs as the core sees them: code, name, unit, baseline, target,
 * direction; found by code, written by the importers and the tests. */
#ifndef KPITREE_KPI_H
#define KPITREE_KPI_H

#include <stddef.h>

#include "error.h"
#include "model.h"
#include "store.h"

struct kpi {
	long long id;
	char code[32];
	int number;
	char *name;
	char *unit;
	struct amount baseline;
	struct amount target;
	enum direction direction;
	int is_project;		/* a grant project's KPI: plan/actual rates */
	int is_increment;	/* declared incremental: its values are yearly
				 * increments, judged by their sums (kpi_years.h) */
	long long strategy_id;	/* 0 for a project KPI */
	long long project_id;	/* 0 for a strategy KPI */
	long long field_id;	/* 0 when none */
};

/* Finds the KPI with code into *k (free with kpi_release). Returns 0, or
 * -1 with err filled: "no KPI with code 'X'" for an unknown code. */
int kpi_find(struct store *s, const char *code, struct kpi *k, struct error *err);

/* Adds k, or updates the KPI with its code, inside the caller's
 * transaction; k->id is set. A code that belongs to another strategy or
 * project is refused. Returns 0, or -1 with err filled. */
int kpi_save(struct store *s, struct kpi *k, struct error *err);

/* kpi_save where the caller has looked for k's code already (kpi_find):
 * old is the KPI found, or NULL for none, which k is then added as. */
int kpi_save_over(struct store *s, struct kpi *k, const struct kpi *old, struct error *err);

/* Frees what kpi_find allocated and clears k. */
void kpi_release(struct kpi *k);

/* An amount as a person reads it: "28人 (R6)", "1,511億円 (見込額) (R5)",
 * "1,650億円以上 (R10)", "18件 (H30～R4平均)", "全市町村 (179) (R11)". */
char *kpi_amount_text(const struct amount *a, const char *unit, char *buf, size_t size);

/* The same without its year or period: "28人", "1,650億円以上", where a
 * column has no room for both. */
char *kpi_amount_value_text(const struct amount *a, const char *unit, char *buf, size_t size);

/* "up" or "down", as the data and the exports write it. */
const char *kpi_direction_name(enum direction d);

/* The direction as the interface says it (translated). */
const char *kpi_direction_label(enum direction d);

#endif
