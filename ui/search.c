/* search.c: / and n N: search as you type over the search index, the
 * pruned tree of the matches, slices of work between keys. */
#include "browse.h"
#include "i18n.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "dialog.h"
#include "input.h"
#include "tree.h"

static int search_changed(struct browser *b, const char *text);

static int search_typed(void *ctx, const char *text)
{
	return search_changed(ctx, text);
}

/* A search keeps its first matches: enough to walk, quick to find. */
#define MAX_MATCHES 500

int search_is_match(const struct browser *b, long long placement)
{
	int i;

	for (i = 0; i < b->nmatches; i++)
		if (b->matches[i] == placement)
			return 1;
	return 0;
}

static int add_match(void *ctx, long long placement)
{
	struct browser *b = ctx;

	if (search_is_match(b, placement))
		return 0;
	xgrow(&b->matches, (size_t)b->nmatches, sizeof *b->matches);
	b->matches[b->nmatches++] = placement;
	return 1;
}

/* In the search view the cursor goes to the match; in the strategy tree
 * the tree opens down to it, and a grant project's KPI is shown in the
 * projects tree. */
void search_go(struct browser *b, int index)
{
	long long m;

	if (!b->nmatches)
		return;
	b->match = (index + b->nmatches) % b->nmatches;
	m = b->matches[b->match];
	if (b->kind->pruned) {
		int i = tree_list_find(b->v, m);

		if (i >= 0)
			b->v->cursor = i;
	} else if (m < 0) {
		int i = tree_list_find(&b->lists[TREE_SEARCH], m);

		if (i >= 0)
			browser_goto(b, b->lists[TREE_SEARCH].items[i].label);
	} else {
		browser_reveal(b, m);
	}
	browser_say(b, "/%s: %d/%d", b->query, b->match + 1, b->nmatches);
}

static int by_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/* The matches placed in the order the search view shows them (the
 * trees'), the cursor staying on its row; those waiting stay after. A
 * row of the view is a match when a search found it, whatever its level
 * (a heading, a content row, a grant project's KPI); the rows above a
 * match are there for it. */
static void in_tree_order(struct browser *b)
{
	const struct tree_list *l = &b->lists[TREE_SEARCH];
	long long *placed = xreallocarray(NULL, (size_t)b->placed + 1, sizeof *placed);
	int i, n = 0;

	memcpy(placed, b->matches, (size_t)b->placed * sizeof *placed);
	qsort(placed, (size_t)b->placed, sizeof *placed, by_id);
	for (i = 0; i < l->n && n < b->placed; i++)
		if (bsearch(&l->items[i].id, placed, (size_t)b->placed, sizeof *placed, by_id))
			b->matches[n++] = l->items[i].id;
	free(placed);
	/* a match whose rows could not be read is dropped */
	memmove(&b->matches[n], &b->matches[b->placed],
		(size_t)(b->nmatches - b->placed) * sizeof *b->matches);
	b->nmatches -= b->placed - n;
	b->placed = n;
}

/* Puts placement (with the rows above it, found by path) into the search
 * view, under its parent's row: a pruned tree of the matches. */
static void filter_add(struct browser *b, long long placement)
{
	long long path[16] = { placement };
	struct error err;
	/* a grant project's KPI (minus its id) stands alone, after them */
	int n = placement < 0 ? 1 : tree_path(b->s, placement, path, 16, &err);

	if (n > 0)
		tree_list_add_path(&b->lists[TREE_SEARCH], b->s, path, n, &err);
}

static void filter_clear(struct browser *b)
{
	tree_list_clear(&b->lists[TREE_SEARCH]);
}

/* A search works this long at a key, and on between keys: finding
 * matches for SEARCH_STEP_MS of it, then putting what it found into the
 * search view (a national database's search finds hundreds a slice). */
#define SEARCH_SLICE_MS 8
#define SEARCH_STEP_MS 4

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void search_stop(struct browser *b)
{
	tree_search_end(b->search);
	b->search = NULL;
}

/* Finds matches for SEARCH_STEP_MS, or until it has enough; between
 * keys it gives way to a key typed, looking for one each millisecond.
 * Returns as tree_search_step_to. */
static int step(struct browser *b, int enough, int between_keys, struct error *err)
{
	long long until = now_ms() + SEARCH_STEP_MS;
	int rc;

	do
		rc = tree_search_step_to(b->search, MAX_MATCHES, enough,
					 between_keys ? 1 : SEARCH_STEP_MS, add_match, b, err);
	while (rc == 0 && between_keys && b->nmatches < enough && now_ms() < until &&
	       !input_pending());
	return rc;
}

/* Whether the slice puts another match into the view, the placed-th of
 * the slice: at least one, the rest while the slice lasts (between keys,
 * until a key is typed: looked for every 8 matches). */
static int place_more(struct browser *b, int placed, long long until, int between_keys)
{
	if (b->placed >= b->nmatches)
		return 0;
	if (!placed)
		return 1;
	return now_ms() < until && !(between_keys && placed % 8 == 0 && input_pending());
}

/* Searches on for a slice, until it has found enough (at a key) or a key
 * is typed (between keys); shows the first match as soon as there is
 * one. */
static void slice(struct browser *b, int enough, int between_keys)
{
	long long until = now_ms() + SEARCH_SLICE_MS;
	int before = b->placed, rc = 1, i;
	struct error err;

	struct tree_list *l = &b->lists[TREE_SEARCH];
	long long at = l->n ? l->items[l->cursor].id : 0;
	/* after Enter the strategy tree shows a match, which n and N moved */
	long long shown = !b->kind->pruned && b->match < b->nmatches ? b->matches[b->match] : 0;

	if (!b->found_all)
		rc = step(b, enough, between_keys, &err);
	b->found_all = rc != 0;
	while (place_more(b, b->placed - before, until, between_keys))
		filter_add(b, b->matches[b->placed++]);
	if (b->placed > before)
		in_tree_order(b);
	if (!before && b->placed) {
		search_go(b, 0);
	} else if (shown) {
		/* it stays the match shown, wherever the new ones sort */
		for (b->match = 0; b->match < b->nmatches && b->matches[b->match] != shown; b->match++)
			;
		if (b->match == b->nmatches)
			b->match = 0;
	} else if (at && (i = tree_list_find(l, at)) >= 0) {
		/* rows found above it moved it down */
		l->cursor = i;
		for (b->match = 0; b->match < b->nmatches && b->matches[b->match] != at; b->match++)
			;
		if (b->match == b->nmatches)
			b->match = 0;
	}
	if (rc < 0) {
		browser_say(b, "%s", err.text);
		search_stop(b);
	} else if (rc == 0 || b->placed < b->nmatches) {
		browser_say(b, _("/%s: %d so far, searching…"), b->query, b->nmatches);
	} else {
		search_stop(b);
		if (!b->nmatches)
			browser_say(b, _("/%s: no match"), b->query);
		else if (b->nmatches == MAX_MATCHES && b->kind->pruned)
			browser_say(b, _("/%s: the first %d matches"), b->query, MAX_MATCHES);
		else
			browser_say(b, "/%s: %d/%d", b->query, b->match + 1, b->nmatches);
	}
}

void search_slice(struct browser *b)
{
	slice(b, MAX_MATCHES, 1);
}

/* Starts searching for text, and shows what a first slice finds: at a
 * key, a screen's worth of matches (each is a row of the view at least),
 * the rest found between keys. */
static void search_start(struct browser *b, const char *text)
{
	struct error err;

	search_stop(b);
	free(b->matches);
	b->matches = NULL;
	b->nmatches = b->placed = b->found_all = 0;
	filter_clear(b);
	snprintf(b->query, sizeof b->query, "%s", text);
	if (*text) {
		b->search = tree_search_start(b->s, text, &err);
		if (b->search)
			slice(b, LINES < MAX_MATCHES ? LINES : MAX_MATCHES, 0);
		else
			browser_say(b, "%s", err.text);
	}
}

/* Search as you type; keys already waiting (typed ahead, or --keys) make
 * this text stale, so only the last of them is looked for. */
static int search_changed(struct browser *b, const char *text)
{
	if (input_pending()) {
		search_stop(b);
		return 0;
	}
	search_start(b, text);
	return 1;
}

/* Search: as the text is typed the tree shows only the matching rows
 * and the rows above them; Enter opens the strategy tree at the chosen
 * match (n and N walk the others), Escape goes back to the tree as it
 * was, which the search never touched. */
void search_run(struct browser *b)
{
	enum tree_id from = b->tree;
	char text[256] = "";
	long long chosen = 0;
	int keep;

	filter_clear(b);
	browser_show(b, TREE_SEARCH);
	keep = dialog_prompt("/", text, sizeof text, search_typed, b);
	if (keep && (strcmp(b->query, text) != 0 || (!b->search && !b->nmatches && *text)))
		search_start(b, text);
	if (b->v->n && search_is_match(b, b->v->items[b->v->cursor].id))
		chosen = b->v->items[b->v->cursor].id;
	browser_show(b, from == TREE_SEARCH ? TREE_STRATEGY : from);
	if (!keep) {
		search_stop(b);
		free(b->matches);
		b->matches = NULL;
		b->nmatches = b->placed = 0;
		browser_say(b, "%s", "");
		return;
	}
	for (b->match = 0; b->match < b->nmatches && b->matches[b->match] != chosen; b->match++)
		;
	search_go(b, b->match < b->nmatches ? b->match : 0);
}
