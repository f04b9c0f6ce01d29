/* import_seen.h: the (KPI, year, kind) keys an import's rows have given,
 * so that a key given twice with different values is refused and an
 * identical repeat is taken once. Exact, with both lines, within a KPI's
 * run of rows (how every export lays them out); across runs (a file
 * sorted by year, say, or another file of the import) a bitmap per KPI
 * says the key came before. */
#ifndef KPITREE_IMPORT_SEEN_H
#define KPITREE_IMPORT_SEEN_H

#include "values.h"

struct import_seen;

enum seen {
	SEEN_NEW,		/* the first row with the key */
	SEEN_SAME,		/* the same value and note as the row at *line */
	SEEN_DIFFERENT,		/* another value or note than the row at *line */
	SEEN_EARLIER_RUN	/* given by an earlier run of the KPI's rows, which
				 * started at *line: compare with what is stored */
};

/* A set for one import. Returns NULL when memory is short. */
struct import_seen *import_seen_new(void);

void import_seen_free(struct import_seen *s);

/* The rows that follow are of the import's file number file: a KPI's
 * run of rows ends with its file. */
void import_seen_file(struct import_seen *s, int file);

/* Adds the key of a row at line of the KPI of r (its window of years
 * numbers the bits) with value and note. Returns an enum seen, *line
 * set as it says (SEEN_EARLIER_RUN: the line where the KPI's rows start
 * in the file numbered *file); or -1 when memory is short. */
int import_seen_add(struct import_seen *s, const struct value_rules *r, int year,
		    enum value_kind kind, long row_line, double value, const char *note,
		    long *line, int *file);

#endif
