/* bench/due.c: what is due after another official's commit, on a
 * national database (bench/run.sh): the browser's list brought up to
 * date from what changed (due_list_update), next to counting it whole,
 * both timed in the same run. Another connection to the file commits a
 * value ROUNDS times (each an actual of the due year cleared or set
 * again, so that a KPI comes and goes); after each, the list is brought
 * up to date and compared with a whole count.
 *
 *   bench/due DB
 *
 * Prints one line: the median and the slowest update (on a machine
 * shared with others the slowest is mostly the wait for a core), the
 * fastest whole count. Exits 1
 * if a step fails or an update differs from the whole count. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "due.h"
#include "store.h"
#include "values.h"

#define ROUNDS 10

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int compare_ms(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int same(const struct due_list *a, const struct due_list *b)
{
	int na, nb;
	const char (*ca)[32] = due_list_codes(a, &na), (*cb)[32] = due_list_codes(b, &nb);

	int i;

	for (i = 0; na == nb && i < na; i++)
		if (strcmp(ca[i], cb[i]) != 0)
			return 0;
	return na == nb;
}

int main(int argc, char **argv)
{
	struct error err;
	struct store *browser, *other;
	struct due_list *list = due_list_new();
	double slowest = 0, fastest_whole = -1, took[ROUNDS], median;
	int year = due_year(), round;
	long long kpi;

	if (argc != 2) {
		fprintf(stderr, "usage: bench/due DB\n");
		return 2;
	}
	browser = store_open(argv[1], STORE_READ_WRITE, &err);
	other = browser ? store_open(argv[1], STORE_READ_WRITE, &err) : NULL;
	if (!list || !other) {
		fprintf(stderr, "bench/due: %s\n", list ? err.text : "out of memory");
		return 1;
	}
	if (due_list_update(list, browser, NULL, year, &err) < 0) {
		fprintf(stderr, "bench/due: %s\n", err.text);
		return 1;
	}
	for (round = 0; round < ROUNDS; round++) {
		struct value_change c = {
			.fiscal_year = year, .kind = VALUE_ACTUAL, .value = round + 1,
			.user = "bench", .source = "set", .clear = round % 2 == 0,
		};
		struct due_list *whole = due_list_new();
		double t0, t1;

		/* the KPIs in turn: the first ROUNDS / 2, each cleared then set */
		kpi = 1 + round / 2;
		c.kpi_id = kpi;
		if (!whole || values_set(other, &c, &err) < 0) {
			fprintf(stderr, "bench/due: %s\n", whole ? err.text : "out of memory");
			return 1;
		}
		t0 = now_ms();
		if (due_list_update(list, browser, NULL, year, &err) < 0) {
			fprintf(stderr, "bench/due: %s\n", err.text);
			return 1;
		}
		t1 = now_ms();
		if (due_list_was_whole(list)) {
			fprintf(stderr, "bench/due: round %d counted whole, not from the change\n", round);
			return 1;
		}
		took[round] = t1 - t0;
		if (t1 - t0 > slowest)
			slowest = t1 - t0;
		t0 = now_ms();
		if (due_list_update(whole, browser, NULL, year, &err) < 0) {
			fprintf(stderr, "bench/due: %s\n", err.text);
			return 1;
		}
		t1 = now_ms();
		if (fastest_whole < 0 || t1 - t0 < fastest_whole)
			fastest_whole = t1 - t0;
		if (!same(list, whole)) {
			fprintf(stderr, "bench/due: round %d: the updated list differs from a whole count\n",
				round);
			return 1;
		}
		due_list_free(whole);
	}
	qsort(took, ROUNDS, sizeof *took, compare_ms);
	median = (took[(ROUNDS - 1) / 2] + took[ROUNDS / 2]) / 2;
	printf("what is due after another official's commit: updated in %.2f ms (median of %d;"
	       " slowest %.2f ms), counted whole %.1f ms (fastest); ratio %.3f (goal <= 10 ms)\n",
	       median, ROUNDS, slowest, fastest_whole,
	       median / (fastest_whole > 0.001 ? fastest_whole : 0.001));
	due_list_free(list);
	store_close(other);
	store_close(browser);
	return 0;
}
