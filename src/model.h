/* model.h: the plain value types shared by the core modules: periods,
 * amounts (a baseline or a target) and directions. No behaviour here. */
#ifndef KPITREE_MODEL_H
#define KPITREE_MODEL_H

enum direction { DIRECTION_UP, DIRECTION_DOWN };

enum period_kind {
	PERIOD_YEAR,	/* one fiscal year: R6 */
	PERIOD_AVG,	/* the average over from..to: H30～R4平均 */
	PERIOD_CUM	/* the sum over from..to: R7～R11累計 */
};

/* Fiscal years as Gregorian start years; from == to for PERIOD_YEAR. */
struct period {
	int from;
	int to;
	enum period_kind kind;
};

/* A baseline or a target as the seed writes it: 1,511億円(見込額)(R5),
 * 1,650億円以上(R10), 全市町村(R11). */
struct amount {
	int present;		/* 0: no value (a project KPI's — ) */
	double value;		/* for all_municipalities: the count */
	int estimate;		/* 見込額 */
	int at_least;		/* 以上 */
	int all_municipalities;	/* 全市町村 */
	int decimals;		/* digits after the point as written: 66.0 */
	struct period period;
};

#endif
