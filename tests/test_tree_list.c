/* test_tree_list.c: the browser's tree as a flat list, without curses:
 * rows open and close in place, the cursor follows, reveal opens the way
 * down to a row, a search's pruned tree gains each match under its
 * parents once, in the order found, the rows above a match read only
 * when shown, and the level tables say what each row shows. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpi.h"
#include "store.h"
#include "testdb.h"
#include "tree_list.h"
#include "trees.h"

static struct tree_list list_of(enum tree_id tree)
{
	return (struct tree_list){ .read = trees[tree].children, .paged = trees[tree].paged };
}

/* The rows as "depth:id" words. */
static const char *rows(const struct tree_list *l)
{
	static char out[512];
	size_t used = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < l->n; i++)
		used += (size_t)snprintf(out + used, sizeof out - used, "%s%d:%lld", i ? " " : "",
					 l->items[i].depth, l->items[i].id);
	return out;
}

static void rows_open_in_place_and_close_with_the_cursor(void **state)
{
	struct testdb *f = *state;
	struct tree_list l = list_of(TREE_STRATEGY);
	struct error err;
	int i;

	assert_int_equal(tree_list_expand(&l, f->s, -1, &err), 0);
	assert_string_equal(rows(&l), "0:1");
	assert_int_equal(l.more, 0);
	for (i = 0; i < 4; i++)
		assert_int_equal(tree_list_expand(&l, f->s, i, &err), 0);
	assert_string_equal(rows(&l), "0:1 1:2 2:3 3:4 4:5 4:6");
	assert_string_equal(l.items[4].title,
			    "保育所及び認定こども園の計画的な整備や地域型保育事業の実施などを進め、待機児童の解消を図る。");
	/* a leaf, or a row already open: nothing read */
	assert_int_equal(tree_list_expand(&l, f->s, 4, &err), 0);
	assert_int_equal(tree_list_expand(&l, f->s, 0, &err), 0);
	assert_int_equal(l.n, 6);
	assert_int_equal(tree_list_parent(&l, 5), 3);
	assert_int_equal(tree_list_find(&l, 6), 5);
	assert_int_equal(tree_list_find(&l, 99), -1);
	assert_true(tree_list_move(&l, f->s, 5, &err));
	assert_false(tree_list_move(&l, f->s, 99, &err));	/* clamped: still the last */
	tree_list_collapse(&l, 2);
	assert_string_equal(rows(&l), "0:1 1:2 2:3");
	assert_int_equal(l.cursor, 2);
	assert_false(l.items[2].expanded);
	tree_list_clear(&l);
	assert_int_equal(l.n, 0);
	assert_non_null(l.read);
}

static void reveal_opens_the_way_down(void **state)
{
	struct testdb *f = *state;
	struct tree_list l = list_of(TREE_STRATEGY);
	long long path[16];
	struct error err;
	int n;

	assert_int_equal(tree_list_expand(&l, f->s, -1, &err), 0);
	n = tree_path(f->s, 6, path, 16, &err);
	assert_int_equal(n, 5);
	assert_int_equal(tree_list_reveal(&l, f->s, path, n, &err), 0);
	assert_int_equal(err.kind, ERROR_NONE);
	assert_int_equal(l.items[l.cursor].id, 6);
	path[4] = 99;
	assert_int_equal(tree_list_reveal(&l, f->s, path, n, &err), -1);
	tree_list_clear(&l);
}

static void scrolling_keeps_the_cursor_in_sight(void **state)
{
	struct tree_list l = { .n = 0 };
	struct tree_item items[30];

	(void)state;
	memset(items, 0, sizeof items);
	l.items = items;
	l.n = 30;
	l.cursor = 25;
	tree_list_scroll(&l, 10);
	assert_int_equal(l.top, 16);
	l.cursor = 3;
	tree_list_scroll(&l, 10);
	assert_int_equal(l.top, 3);
}

static void a_search_tree_gains_each_match_under_its_parents_once(void **state)
{
	struct testdb *f = *state;
	struct tree_list l = list_of(TREE_SEARCH);
	long long path[16];
	struct error err;
	int n;

	assert_null(l.read);
	n = tree_path(f->s, 6, path, 16, &err);
	assert_int_equal(tree_list_add_path(&l, f->s, path, n, &err), 0);
	assert_string_equal(rows(&l), "0:1 1:2 2:3 3:4 4:6");
	n = tree_path(f->s, 5, path, 16, &err);
	assert_int_equal(tree_list_add_path(&l, f->s, path, n, &err), 0);
	assert_int_equal(tree_list_add_path(&l, f->s, path, n, &err), 0);
	/* in the tree's order, not the order found, under the parent they share */
	assert_string_equal(rows(&l), "0:1 1:2 2:3 3:4 4:5 4:6");
	assert_true(l.items[3].expanded);
	assert_false(l.items[4].expanded);
	tree_list_clear(&l);
}

/* The search's tree with the match at placement and the rows above it. */
static struct tree_list searched(struct testdb *f, long long placement)
{
	struct tree_list l = list_of(TREE_SEARCH);
	long long path[16];
	struct error err;
	int n = tree_path(f->s, placement, path, 16, &err);

	assert_int_equal(tree_list_add_path(&l, f->s, path, n, &err), 0);
	return l;
}

/* The rows above a match are known by id alone until shown: a search
 * of hundreds of matches reads the rows of one screen. */
static void a_search_tree_reads_the_rows_above_a_match_as_they_are_shown(void **state)
{
	struct testdb *f = *state;
	struct tree_list l = searched(f, 6), whole = list_of(TREE_STRATEGY);
	struct error err;
	int i;

	/* the match is read, the rows above it not */
	assert_false(l.items[4].unread);
	assert_int_equal(l.items[4].level, 5);
	assert_non_null(l.items[4].title);
	for (i = 0; i < 4; i++) {
		assert_true(l.items[i].unread);
		assert_null(l.items[i].title);
	}
	/* two rows shown with the cursor on the match: those two are read */
	l.cursor = 4;
	assert_int_equal(tree_list_show(&l, f->s, 2, &err), 0);
	assert_int_equal(l.top, 3);
	assert_true(l.items[2].unread);
	assert_false(l.items[3].unread);
	/* the cursor moved onto a row reads it, as the strategy tree has it */
	assert_int_equal(tree_list_move(&l, f->s, 0, &err), 1);
	assert_false(l.items[0].unread);
	assert_true(l.items[1].unread);
	assert_int_equal(tree_list_show(&l, f->s, 5, &err), 0);
	assert_int_equal(tree_list_expand(&whole, f->s, -1, &err), 0);
	for (i = 0; i < 4; i++)
		assert_int_equal(tree_list_expand(&whole, f->s, i, &err), 0);
	/* the whole tree has 5 beside 6 */
	for (i = 0; i < 5; i++) {
		const struct tree_item *it = &whole.items[i < 4 ? i : 5];

		assert_false(l.items[i].unread);
		assert_int_equal(l.items[i].id, it->id);
		assert_int_equal(l.items[i].level, it->level);
		assert_int_equal(l.items[i].children, it->children);
		assert_string_equal(l.items[i].label, it->label);
		assert_string_equal(l.items[i].title, it->title);
		/* open, as the path goes through it */
		assert_int_equal(l.items[i].expanded, i < 4);
	}
	tree_list_clear(&whole);
	tree_list_clear(&l);
}

/* A row whose read fails stays unread, to be read when shown again. */
static void a_failing_read_of_a_shown_row_leaves_it_unread(void **state)
{
	struct testdb *f = *state;
	struct tree_list l = searched(f, 6);
	struct error err;

	store_fail_step(1);
	assert_int_equal(tree_list_show(&l, f->s, 5, &err), -1);
	store_fail_step(0);
	assert_int_not_equal(err.kind, ERROR_NONE);
	assert_true(l.items[0].unread);
	assert_null(l.items[0].title);
	assert_int_equal(tree_list_show(&l, f->s, 5, &err), 0);
	assert_false(l.items[0].unread);
	assert_non_null(l.items[0].title);
	tree_list_clear(&l);
}

/* A grant project's KPI, found by a search, stands after the strategy's
 * rows, with its code and name. */
static void a_project_kpi_found_stands_after_the_strategy(void **state)
{
	struct testdb *f = *state;
	struct tree_list l = list_of(TREE_SEARCH);
	struct kpi k;
	long long path[16];
	struct error err;
	int n;

	assert_int_equal(kpi_find(f->s, "SP1-1", &k, &err), 0);
	path[0] = -k.id;
	assert_int_equal(tree_list_add_path(&l, f->s, path, 1, &err), 0);
	n = tree_path(f->s, 6, path, 16, &err);
	assert_int_equal(tree_list_add_path(&l, f->s, path, n, &err), 0);
	assert_int_equal(l.n, 6);
	assert_int_equal(l.items[5].id, -k.id);
	assert_int_equal(l.items[5].level, TREE_PROJECT_KPI);
	assert_string_equal(l.items[5].label, "SP1-1");
	assert_int_equal(trees_level(&trees[TREE_SEARCH], &l.items[5])->kpis, ROW_KPIS_LABEL);
	kpi_release(&k);
	tree_list_clear(&l);
}

static void a_failing_read_leaves_the_list_as_it_was(void **state)
{
	struct testdb *f = *state;
	struct tree_list l = list_of(TREE_STRATEGY);
	struct error err;

	assert_int_equal(tree_list_expand(&l, f->s, -1, &err), 0);
	store_fail_step(1);
	assert_int_equal(tree_list_expand(&l, f->s, 0, &err), -1);
	store_fail_step(0);
	assert_string_equal(rows(&l), "0:1");
	assert_false(l.items[0].expanded);
	tree_list_clear(&l);
}

static void the_other_trees_read_their_own_rows(void **state)
{
	struct testdb *f = *state;
	struct tree_list l = list_of(TREE_PROJECTS);
	struct error err;
	int i;

	/* program, adoption year, project, KPI */
	assert_int_equal(tree_list_expand(&l, f->s, -1, &err), 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(tree_list_expand(&l, f->s, i, &err), 0);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.items[3].level, 4);
	assert_string_equal(l.items[3].label, "SP1-1");
	assert_int_equal(trees_level(&trees[TREE_PROJECTS], &l.items[3])->kpis, ROW_KPIS_LABEL);
	assert_int_equal(trees_level(&trees[TREE_PROJECTS], &l.items[2])->panes, PANES_PROJECT);
	tree_list_clear(&l);
	l = list_of(TREE_FIELDS);
	assert_int_equal(tree_list_expand(&l, f->s, -1, &err), 0);
	assert_int_equal(tree_list_expand(&l, f->s, 0, &err), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[1].label, "H01");
	assert_int_equal(l.items[1].id, 5);	/* its home row */
	tree_list_clear(&l);
}

static void the_tables_say_what_each_tree_does(void **state)
{
	int t, round = 0;

	(void)state;
	for (t = 0; t < TREES; t++) {
		assert_non_null(trees[t].title);
		assert_non_null(trees[t].side_title);
		assert_true(trees[t].pruned == !trees[t].children);
		round += trees[t].in_round;
	}
	assert_int_equal(round, 4);
	assert_false(trees[TREE_SEARCH].in_round);
	assert_int_equal(trees[TREE_STRATEGY].levels[5].kpis, ROW_KPIS_OF_ROW);
	assert_true(trees[TREE_STRATEGY].levels[5].pick);
	assert_int_equal(trees[TREE_STRATEGY].levels[4].panes, PANES_NONE);
	assert_int_equal(trees[TREE_PROJECTS].scope, TREE_SCOPE_PROJECTS);
	assert_int_equal(trees[TREE_FIELDS].node, NODE_NONE);
	assert_int_equal(trees_level(&trees[TREE_MENUS], NULL)->panes, PANES_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(rows_open_in_place_and_close_with_the_cursor, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(reveal_opens_the_way_down, testdb_setup, testdb_teardown),
		cmocka_unit_test(scrolling_keeps_the_cursor_in_sight),
		cmocka_unit_test_setup_teardown(a_search_tree_gains_each_match_under_its_parents_once, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_search_tree_reads_the_rows_above_a_match_as_they_are_shown, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_failing_read_of_a_shown_row_leaves_it_unread, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_project_kpi_found_stands_after_the_strategy, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_failing_read_leaves_the_list_as_it_was, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(the_other_trees_read_their_own_rows, testdb_setup, testdb_teardown),
		cmocka_unit_test(the_tables_say_what_each_tree_does),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
