/* import_seen.c: the keys an import has given: the current KPI's run of
 * rows in full (line, value, a hash of the note), and for every KPI a
 * bitmap of the years it has given, with the line its rows started at. */
#include "import_seen.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Years a KPI's bitmap covers from the first of its window: each kind
 * has one 64-bit word. A year past it is checked within its run only. */
#define SEEN_YEARS 64

struct run_row {
	int year;
	enum value_kind kind;
	long line;
	double value;
	uint64_t note_hash;
};

struct kpi_seen {
	uint64_t years[2];	/* by kind: bit (year - first_year) */
	long first_line;	/* 0: the KPI has given no row */
	int file;		/* the file of first_line */
};

struct import_seen {
	int file;		/* the file the rows come from */
	long long run_kpi;	/* the KPI of the current run, 0 before any */
	struct run_row *run;
	int nrun, caprun;
	struct kpi_seen *kpis;	/* by KPI id */
	long long nkpis;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	return h;
}

struct import_seen *import_seen_new(void)
{
	return calloc(1, sizeof(struct import_seen));
}

void import_seen_free(struct import_seen *s)
{
	if (!s)
		return;
	free(s->run);
	free(s->kpis);
	free(s);
}

/* The KPI's entry, the table grown to hold it. NULL when memory is short. */
static struct kpi_seen *kpi_of(struct import_seen *s, long long id)
{
	if (id >= s->nkpis) {
		long long n = s->nkpis ? s->nkpis : 1024;
		struct kpi_seen *k;

		while (n <= id)
			n *= 2;
		k = realloc(s->kpis, (size_t)n * sizeof *k);
		if (!k)
			return NULL;
		memset(k + s->nkpis, 0, (size_t)(n - s->nkpis) * sizeof *k);
		s->kpis = k;
		s->nkpis = n;
	}
	return &s->kpis[id];
}

void import_seen_file(struct import_seen *s, int file)
{
	s->file = file;
	s->run_kpi = 0;
	s->nrun = 0;
}

int import_seen_add(struct import_seen *s, const struct value_rules *r, int year,
		    enum value_kind kind, long row_line, double value, const char *note,
		    long *line, int *file)
{
	struct kpi_seen *k = kpi_of(s, r->kpi_id);
	uint64_t h = hash(note ? note : "");
	int bit = year - r->first_year, i, earlier = 0;

	if (!k)
		return -1;
	if (r->kpi_id != s->run_kpi) {
		s->run_kpi = r->kpi_id;
		s->nrun = 0;
		if (!k->first_line) {
			k->first_line = row_line;
			k->file = s->file;
		}
	}
	for (i = 0; i < s->nrun; i++) {
		const struct run_row *p = &s->run[i];

		if (p->year == year && p->kind == kind) {
			*line = p->line;
			return p->value == value && p->note_hash == h ? SEEN_SAME : SEEN_DIFFERENT;
		}
	}
	if (bit >= 0 && bit < SEEN_YEARS) {
		uint64_t mask = (uint64_t)1 << bit;

		earlier = (k->years[kind == VALUE_PLAN] & mask) != 0;
		k->years[kind == VALUE_PLAN] |= mask;
	}
	if (s->nrun == s->caprun) {
		int cap = s->caprun ? s->caprun * 2 : 32;
		struct run_row *p = realloc(s->run, (size_t)cap * sizeof *p);

		if (!p)
			return -1;
		s->run = p;
		s->caprun = cap;
	}
	s->run[s->nrun++] = (struct run_row){ year, kind, row_line, value, h };
	*line = k->first_line;
	*file = k->file;
	return earlier ? SEEN_EARLIER_RUN : SEEN_NEW;
}
