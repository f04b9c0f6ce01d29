/* test_review.c: rank rules and proposals (the default scheme and one by
 * thresholds, imported from a file), and what meetings record: refusals
 * that write nothing, record_history rows, and writes that fail midway
 * leaving the database as it was. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_import.h"
#include "kpi.h"
#include "meeting.h"
#include "report.h"
#include "review.h"
#include "store.h"
#include "testdb.h"
#include "values.h"

static void set_actual(struct store *s, const char *code, int year, double v, int clear)
{
	testdb_set_value(s, code, year, VALUE_ACTUAL, v, clear);
}

/* The rank proposed for code at year, "" for none. */
static const char *proposed(struct store *s, const char *code, int year)
{
	static char out[32];
	struct review_list l = { NULL, 0 };
	struct rank_scheme scheme;
	const struct rank *r;
	struct error err;

	assert_int_equal(review_scheme_load(s, &scheme, &err), 0);
	assert_int_equal(review_list_add(s, code, year, &l, &err), 0);
	assert_int_equal(l.n, 1);
	r = review_propose(&scheme, &l.rows[0].st);
	snprintf(out, sizeof out, "%s", r ? r->code : "");
	review_list_free(&l);
	return out;
}

static void rules_read_as_written(void **state)
{
	static const char *const good[] = {
		"achieved", "On Track", "improved", "progress >= 110%", "progress>=80",
		"no data", "otherwise",
	};
	static const char *const text[] = {
		"achieved", "on track", "improved", "progress >= 110%", "progress >= 80%",
		"no data", "otherwise",
	};
	struct rank r;
	struct error err;
	char buf[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		assert_int_equal(review_rule_parse(good[i], &r, &err), 0);
		assert_string_equal(review_rule_text(&r, buf, sizeof buf), text[i]);
	}
	assert_int_equal(review_rule_parse("progress > 80%", &r, &err), -1);
	assert_non_null(strstr(err.text, "'progress > 80%' is none of achieved"));
	assert_int_equal(review_rule_parse("", &r, &err), -1);
}

/* H01 28人 (R6) → 0人 (R7): C with 12, A with 0, D with 30 and with 28. */
static void default_scheme_proposes_by_status_and_baseline(void **state)
{
	struct testdb *f = *state;

	assert_string_equal(proposed(f->s, "H01", 2025), "");
	set_actual(f->s, "H01", 2025, 12, 0);
	assert_string_equal(proposed(f->s, "H01", 2025), "C");
	set_actual(f->s, "H01", 2025, 0, 0);
	assert_string_equal(proposed(f->s, "H01", 2025), "A");
	set_actual(f->s, "H01", 2025, 30, 0);
	assert_string_equal(proposed(f->s, "H01", 2025), "D");
	set_actual(f->s, "H01", 2025, 28, 0);
	assert_string_equal(proposed(f->s, "H01", 2025), "D");
	/* H02 74 (R5) → 179 (R11): on the straight line at R7 is B */
	set_actual(f->s, "H02", 2025, 120, 0);
	assert_string_equal(proposed(f->s, "H02", 2025), "B");
	/* a project KPI: actual over plan (SP1-1 R4: 0 of 10) */
	assert_string_equal(proposed(f->s, "SP1-1", 2022), "D");
}

static void an_imported_scheme_replaces_the_default(void **state)
{
	struct testdb *f = *state;
	struct error items[4];
	struct error_list errors = { items, 0, 4, 0 };
	struct rank_scheme scheme;
	struct error err;

	assert_int_equal(testdb_import_text(f->s, "rank,label,rule\n"
				     "A,十分達成,progress >= 110%\n"
				     "B,概ね達成,progress >= 80%\n"
				     "C,やや遅れ,progress >= 50%\n"
				     "D,遅れ,otherwise\n", &errors), 0);
	assert_int_equal(review_scheme_load(f->s, &scheme, &err), 0);
	assert_int_equal(scheme.n, 4);
	assert_string_equal(scheme.ranks[1].label, "概ね達成");
	set_actual(f->s, "H01", 2025, 12, 0);	/* 57% */
	assert_string_equal(proposed(f->s, "H01", 2025), "C");
	set_actual(f->s, "H01", 2025, 5, 0);	/* 82% */
	assert_string_equal(proposed(f->s, "H01", 2025), "B");
	set_actual(f->s, "H01", 2025, 20, 0);	/* 29% */
	assert_string_equal(proposed(f->s, "H01", 2025), "D");

	/* a bad rule: its line and column, and nothing replaced */
	assert_int_equal(testdb_import_text(f->s, "rank,label,rule\n◎,,achieved\n×,,worse\n", &errors), -1);
	assert_int_equal(errors.n, 1);
	assert_int_equal(errors.items[0].line, 3);
	assert_int_equal(errors.items[0].column, 3);
	assert_int_equal(review_scheme_load(f->s, &scheme, &err), 0);
	assert_int_equal(scheme.n, 4);
	assert_string_equal(scheme.ranks[0].code, "A");
}

static void lists_are_data_and_replaced_per_list(void **state)
{
	struct testdb *f = *state;
	struct error items[4];
	struct error_list errors = { items, 0, 4, 0 };
	struct choices c;
	struct error err;

	assert_int_equal(review_choices_load(f->s, "assessment", &c, &err), 0);
	assert_int_equal(c.n, 4);
	assert_string_equal(c.items[0].code, "①");
	assert_string_equal(c.items[3].label, "地方創生に対して効果がなかった");
	assert_int_equal(review_choices_load(f->s, "policy", &c, &err), 0);
	assert_string_equal(c.items[4].label, "事業の終了 (当初予定通り)");
	assert_int_equal(testdb_import_text(f->s, "list,code,label\npolicy,継続,事業の継続\n", &errors), 0);
	assert_int_equal(review_choices_load(f->s, "policy", &c, &err), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(review_choices_load(f->s, "assessment", &c, &err), 0);
	assert_int_equal(c.n, 4);
	assert_int_equal(testdb_import_text(f->s, "list,code,label\noutcome,x,y\n", &errors), -1);
	assert_non_null(strstr(errors.items[0].text, "none of assessment, policy, verdict"));
}

static void a_meeting_records_with_history_and_refuses_cleanly(void **state)
{
	struct testdb *f = *state;
	struct meeting m;
	struct evaluation e;
	struct error err;
	long long ids[] = { 1, 2 };

	set_actual(f->s, "H01", 2025, 12, 0);
	assert_int_equal(meeting_start(f->s, "第2回推進会議", 2025, "test", ids, 2, "tanaka", &m,
				       &err), 0);
	assert_int_equal(m.items, 2);
	/* a rank other than the proposed one needs a reason */
	assert_int_equal(meeting_record(f->s, m.id, 1, RECORD_RANK, "B", "順調", "", "C", "tanaka",
					&err), -1);
	assert_non_null(strstr(err.text, "give a reason"));
	/* a KPI not on the agenda, an action item without a real date */
	assert_int_equal(meeting_record(f->s, m.id, 3, RECORD_RANK, "C", "", "", "C", "tanaka",
					&err), -1);
	assert_int_equal(meeting_remark_add(f->s, m.id, 1, REMARK_ACTION, "照会", "課", "2026-02-30",
					    "tanaka", &err), -1);
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM evaluation") +
			 testdb_int(f->s, "SELECT count(*) FROM remark"), 0);

	assert_int_equal(meeting_record(f->s, m.id, 1, RECORD_RANK, "B", "順調", "見込み", "C",
					"tanaka", &err), 0);
	assert_int_equal(meeting_record(f->s, m.id, 1, RECORD_RANK, "C", "遅れ", "", "C", "sato",
					&err), 0);
	assert_int_equal(meeting_evaluation(f->s, m.id, 1, &e, &err), 0);
	assert_string_equal(e.rank, "C");
	assert_string_equal(e.entered_by, "sato");
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM record_history WHERE what = 'rank'"
			       " AND old_text = 'B' AND new_text = 'C' AND changed_by = 'sato'"), 1);
	assert_int_equal(meeting_remark_add(f->s, m.id, 2, REMARK_ACTION, "照会", "課", "2026-12-25",
					    "tanaka", &err), 0);

	/* a write failing at any step leaves the database as it was */
	{
		long n;
		long long remarks = testdb_int(f->s, "SELECT count(*) FROM remark");

		for (n = 1; n < 12; n++) {
			store_fail_step(n);
			if (meeting_remark_add(f->s, m.id, 2, REMARK_COMMENT, "意見", "", "", "tanaka",
					       &err) == 0) {
				store_fail_step(0);
				break;
			}
			store_fail_step(0);
			assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM remark"), remarks);
		}
		assert_true(n > 1);
	}

	/* closed: nothing more is recorded */
	assert_int_equal(meeting_end(f->s, m.id, "tanaka", &err), 0);
	assert_int_equal(meeting_record(f->s, m.id, 1, RECORD_RANK, "C", "", "", "C", "tanaka",
					&err), -1);
	assert_non_null(strstr(err.text, "closed"));
	assert_int_equal(meeting_end(f->s, m.id, "tanaka", &err), -1);
	/* and the history cannot be rewritten */
	assert_int_equal(store_exec(f->s, "DELETE FROM record_history", &err), -1);
}

struct ticks {
	int n;
	long read_last, written_last, total;
	int read_after_write;
};

static void count_tick(void *ctx, long done, long total)
{
	struct ticks *t = ctx;

	t->n++;
	if (total == 0) {
		t->read_after_write |= t->written_last != 0;
		t->read_last = done;
	} else {
		assert_true(done > t->written_last);
		t->written_last = done;
		t->total = total;
	}
}

/* A report says how far it has come: KPIs read, then written, the last
 * count every KPI of the report; and every format writes the same. */
static void a_report_counts_its_kpis(void **state)
{
	static const enum report_format formats[] = { REPORT_MD, REPORT_HTML, REPORT_CSV, REPORT_XLSX };
	struct testdb *f = *state;
	long long kpis = testdb_int(f->s, "SELECT count(*) FROM kpi");
	size_t i;

	for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		struct ticks t = { 0 };
		struct report_options o = { .year = 2024, .format = formats[i], .tick = count_tick,
					    .tick_ctx = &t };
		FILE *out = tmpfile();
		struct error err;

		assert_int_equal(report_write(f->s, &o, out, &err), 0);
		fclose(out);
		assert_true(t.n > 0);
		assert_false(t.read_after_write);
		assert_int_equal(t.total, kpis);
		assert_int_equal(t.written_last, kpis);
	}
}

static void an_agenda_is_read_as_a_status_or_a_field(void **state)
{
	struct review_filter f;
	struct error err;

	(void)state;
	assert_int_equal(review_filter_parse("on-track", &f, &err), 0);
	assert_int_equal(f.status, STATUS_ON_TRACK);
	assert_int_equal(review_filter_parse("field 子ども・教育環境", &f, &err), 0);
	assert_int_equal(f.status, -1);
	assert_string_equal(f.field, "子ども・教育環境");
	assert_int_equal(review_filter_parse("on track", &f, &err), -1);
	assert_int_equal(err.kind, ERROR_INVALID);
	assert_int_equal(review_filter_parse("fields", &f, &err), -1);
	assert_int_equal(err.kind, ERROR_INVALID);
}

/* The codes of an agenda, space-separated. */
static const char *agenda_codes(struct store *s, const char *what, int year)
{
	static char out[256];
	struct review_scope scope = { .strategy_id = 1 };
	struct review_filter f;
	struct review_list l;
	struct error err;
	size_t used = 0;
	int i;

	assert_int_equal(review_filter_parse(what, &f, &err), 0);
	assert_int_equal(review_agenda(s, &scope, &f, year, &l, &err), 0);
	out[0] = '\0';
	for (i = 0; i < l.n; i++)
		used += (size_t)snprintf(out + used, sizeof out - used, "%s%s", i ? " " : "",
					 l.rows[i].code);
	review_list_free(&l);
	return out;
}

static void an_agenda_takes_the_tree_s_kpis_of_its_status_or_field(void **state)
{
	struct testdb *f = *state;

	assert_string_equal(agenda_codes(f->s, "no-data", 2025), "H01 H02");
	assert_string_equal(agenda_codes(f->s, "achieved", 2025), "");
	set_actual(f->s, "H01", 2025, 0, 0);	/* down to the target, 0 */
	assert_string_equal(agenda_codes(f->s, "achieved", 2025), "H01");
	assert_string_equal(agenda_codes(f->s, "no-data", 2025), "H02");
	assert_string_equal(agenda_codes(f->s, "field 子ども・教育環境", 2025), "H01 H02");
	assert_string_equal(agenda_codes(f->s, "field 産業", 2025), "");
}

static void a_strategy_by_id_or_the_first(void **state)
{
	struct testdb *f = *state;
	struct error err;
	long long id = 0;
	char name[256];

	assert_int_equal(review_strategy_named(f->s, 0, &id, name, sizeof name, &err), 1);
	assert_int_equal(id, 1);
	assert_string_equal(name, "第3期北海道創生総合戦略");
	assert_int_equal(review_strategy_named(f->s, 1, &id, name, sizeof name, &err), 1);
	assert_int_equal(review_strategy_named(f->s, 7, &id, name, sizeof name, &err), 0);
	store_fail_step(1);
	assert_int_equal(review_strategy_named(f->s, 1, &id, name, sizeof name, &err), -1);
	store_fail_step(0);
}

/* An action item's due date as officials write it, one rule for all. */
static void due_dates_read_as_officials_write_them(void **state)
{
	static const char *const forms[] = {
		"2027/3/31", "2027-03-31", "2027年3月31日", "令和9年3月31日", "R9.3.31", "r9/3/31",
		"２０２７／３／３１", "令和９年３月３１日",
	};
	char day[16];
	struct error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		assert_int_equal(meeting_date_parse(forms[i], day, sizeof day, &err), 0);
		assert_string_equal(day, "2027-03-31");
	}
	assert_int_equal(meeting_date_parse("令和元年5月1日", day, sizeof day, &err), 0);
	assert_string_equal(day, "2019-05-01");
	assert_int_equal(meeting_date_parse("H31.4.30", day, sizeof day, &err), 0);
	assert_string_equal(day, "2019-04-30");
}

static void a_date_that_is_none_is_refused_and_named(void **state)
{
	/* R0 and H32 are no years; Reiwa began on 2019-05-01, the day
	 * after Heisei's last, which began on 1989-01-08 */
	static const char *const bad[] = { "2027/2/30", "2027/13/1", "R9.3", "来年3月", "", "27/3/31",
					   "R0.3.31", "令和0年3月31日", "H32.3.31", "R1.4.30", "H31.5.1",
					   "平成元年1月7日", "H0.1.1" };
	char day[16];
	struct error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(meeting_date_parse(bad[i], day, sizeof day, &err), -1);
		assert_int_equal(err.kind, ERROR_INVALID);
		assert_string_equal(day, "");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rules_read_as_written),
		cmocka_unit_test(due_dates_read_as_officials_write_them),
		cmocka_unit_test(a_date_that_is_none_is_refused_and_named),
		cmocka_unit_test_setup_teardown(default_scheme_proposes_by_status_and_baseline, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(an_imported_scheme_replaces_the_default, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(lists_are_data_and_replaced_per_list, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_meeting_records_with_history_and_refuses_cleanly, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_report_counts_its_kpis, testdb_setup, testdb_teardown),
		cmocka_unit_test(an_agenda_is_read_as_a_status_or_a_field),
		cmocka_unit_test_setup_teardown(an_agenda_takes_the_tree_s_kpis_of_its_status_or_field, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_strategy_by_id_or_the_first, testdb_setup, testdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
