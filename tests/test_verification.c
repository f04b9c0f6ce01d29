/* test_verification.c: the 効果検証 of grant projects: the suggestion
 * rule on a table of cases (each grade and its boundary), the rule read
 * as written, and on a real database: the lists of the migration, a
 * verification opened once, the three voices kept apart with their
 * history, an override without a reason refused by its error kind with
 * nothing written, amounts, closing, and the national summary. */
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
#include "review.h"
#include "store.h"
#include "testdb.h"
#include "values.h"
#include "verification.h"
#include "verification_table.h"

/* The national default, as the migration writes it. */
static void national_rules(struct effect_rules *rules)
{
	static const char *const rows[][2] = {
		{ "①", "all achieved" }, { "②", "all progress >= 70%" },
		{ "③", "all improved" }, { "④", "otherwise" },
	};
	struct error err;
	int i;

	rules->n = 4;
	for (i = 0; i < 4; i++) {
		assert_int_equal(verification_rule_parse(rows[i][1], &rules->rules[i], &err), 0);
		snprintf(rules->rules[i].code, sizeof rules->rules[i].code, "%s", rows[i][0]);
	}
}

/* A KPI's standing: its status, its ratio (negative: none) and whether
 * it is better than its baseline. */
#define KPI(s, r, imp) { .year = 2024, .improved = (imp), \
	.progress = { .status = (s), .has_ratio = (r) >= 0, .ratio = (r) } }
#define A(r) KPI(STATUS_ACHIEVED, r, 1)
#define B(r, imp) KPI(STATUS_BEHIND, r, imp)
#define NONE KPI(STATUS_NO_DATA, -1, 0)

/* A KPI of a case, as the data hold it, judged at 2024: a grant
 * project's (its 当初値 base, its plan at 2024 to, its actual; has 0:
 * no actual), a strategy KPI's (baseline at 2020, target at 2026), or an
 * increment KPI's (two years' plans and actuals, each half the sum). */
struct kcase {
	char kind;		/* 'p' project, 's' strategy, 'i' increments */
	int down;
	double base, to, actual;
	int has;
};

#define P(b, t, a) { 'p', 0, b, t, a, 1 }
#define PD(b, t, a) { 'p', 1, b, t, a, 1 }
#define P_NO_ACTUAL(b, t) { 'p', 0, b, t, 0, 0 }
#define S(b, t, a) { 's', 0, b, t, a, 1 }
#define SD(b, t, a) { 's', 1, b, t, a, 1 }
#define I(t, a) { 'i', 0, 0, t, a, 1 }

static void row(struct kpi_years *y, int year, double plan, int has_plan, double actual,
		int has_actual)
{
	struct kpi_year *r = &y->rows[y->n++];

	memset(r, 0, sizeof *r);
	r->year = year;
	r->has_plan = has_plan;
	r->plan = plan;
	r->has_actual = has_actual;
	r->actual = actual;
}

static void case_standing(const struct kcase *c, struct standing *st)
{
	struct kpi k;
	struct kpi_years y = { .n = 0 };

	memset(&k, 0, sizeof k);
	k.direction = c->down ? DIRECTION_DOWN : DIRECTION_UP;
	k.baseline = (struct amount){ .present = 1, .value = c->base,
				      .period = { 2020, 2020, PERIOD_YEAR } };
	switch (c->kind) {
	case 'p':
		k.is_project = 1;
		k.baseline.period = (struct period){ 0, 0, PERIOD_YEAR };
		row(&y, 2024, c->to, 1, c->actual, c->has);
		break;
	case 's':
		k.target = (struct amount){ .present = 1, .value = c->to,
					    .period = { 2026, 2026, PERIOD_YEAR } };
		row(&y, 2020, 0, 0, c->base, 1);
		row(&y, 2024, 0, 0, c->actual, c->has);
		break;
	case 'i':
		k.is_project = k.is_increment = 1;
		k.baseline.period = (struct period){ 0, 0, PERIOD_YEAR };
		row(&y, 2023, c->to / 2, 1, c->actual / 2, 1);
		row(&y, 2024, c->to / 2, 1, c->actual / 2, c->has);
		break;
	}
	verification_standing(&k, &y, 2024, st);
}

static void the_national_rule_grades_each_case_at_its_boundary(void **state)
{
	static const struct {
		const char *why;
		int n;
		struct kcase kpis[3];
		const char *expect;	/* "" for no suggestion */
		int with_data;
	} cases[] = {
		{ "every KPI at its target", 2, { P(0, 10, 10), P(0, 10, 15) }, "①", 2 },
		{ "a down KPI at its target, an up one beyond", 2, { PD(28, 0, 0), P(0, 10, 12) },
		  "①", 2 },
		{ "one at its target, one 70% of the way", 2, { P(0, 10, 10), P(0, 10, 7) }, "②", 2 },
		{ "70.0% of the way from 当初値 to plan", 1, { P(50, 100, 85) }, "②", 1 },
		{ "69.9% of the way", 1, { P(0, 1000, 699) }, "③", 1 },
		{ "70% of the plan is 40% of the way from 当初値 50", 1, { P(50, 100, 70) }, "③", 1 },
		{ "a down KPI 70.0% of the way (28 to 8: 14)", 1, { PD(28, 8, 14) }, "②", 1 },
		{ "a down KPI 69.9% of the way", 1, { PD(1000, 0, 301) }, "③", 1 },
		{ "a strategy KPI 70% of the way (100 to 200: 170)", 1, { S(100, 200, 170) }, "②", 1 },
		{ "a down strategy KPI no better than its baseline", 1, { SD(28, 0, 28) }, "④", 1 },
		{ "increments summing to 7 of the 10 planned", 1, { I(10, 7) }, "②", 1 },
		{ "increments summing to 6.99 of 10", 1, { I(10, 6.99) }, "③", 1 },
		{ "both past 70%, but one worse than its 当初値", 2, { P(0, 10, 8), P(10, 20, 9) },
		  "④", 2 },
		{ "one at its target, one without an actual: no ①, no suggestion", 2,
		  { P(0, 10, 10), P_NO_ACTUAL(0, 10) }, "", 1 },
	};
	struct effect_rules rules;
	size_t i;
	int j;

	(void)state;
	national_rules(&rules);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct standing st[3];
		struct suggestion sg;

		for (j = 0; j < cases[i].n; j++)
			case_standing(&cases[i].kpis[j], &st[j]);
		verification_suggest(&rules, st, cases[i].n, &sg);
		if (strcmp(sg.rule ? sg.rule->code : "", cases[i].expect) != 0)
			fail_msg("%s: suggested '%s', expected '%s'", cases[i].why,
				 sg.rule ? sg.rule->code : "", cases[i].expect);
		assert_int_equal(sg.with_data, cases[i].with_data);
		if (sg.rule && sg.rule->quantifier == EFFECT_ALL)
			assert_int_equal(sg.passing, cases[i].n);
	}
}

static void the_reason_says_which_rule_and_how_many(void **state)
{
	struct standing st[3] = { A(1.0), NONE, A(1.2) };
	struct effect_rules rules;
	struct suggestion sg;
	char text[256];

	(void)state;
	national_rules(&rules);
	/* a KPI without an actual is no KPI at its target: no ① */
	verification_suggest(&rules, st, 3, &sg);
	verification_suggestion_text(&sg, text, sizeof text);
	assert_string_equal(text, "no suggestion: 1 of the 3 KPIs cannot be judged (an actual and"
			    " its plan or target), and no rule holds without them");
	verification_suggest(&rules, st + 2, 1, &sg);
	verification_suggestion_text(&sg, text, sizeof text);
	assert_string_equal(text, "① (all achieved): 1 of 1 KPIs with data");
	verification_suggest(&rules, st + 1, 1, &sg);
	verification_suggestion_text(&sg, text, sizeof text);
	assert_string_equal(text, "no suggestion: none of the 1 KPIs can be judged (an actual and its plan or target)");
}

static void a_rule_of_another_municipality_is_data(void **state)
{
	/* 杵築市-like: A when any KPI is at its target, B at 80% */
	struct standing st[2] = { A(1.0), B(0.1, 1) };
	struct effect_rules rules;
	struct suggestion sg;
	struct error err;
	char text[64];

	(void)state;
	rules.n = 3;
	assert_int_equal(verification_rule_parse("ANY  achieved", &rules.rules[0], &err), 0);
	assert_int_equal(verification_rule_parse("all progress>=80", &rules.rules[1], &err), 0);
	assert_int_equal(verification_rule_parse("Otherwise", &rules.rules[2], &err), 0);
	strcpy(rules.rules[0].code, "A");
	strcpy(rules.rules[1].code, "B");
	strcpy(rules.rules[2].code, "C");
	assert_string_equal(verification_rule_text(&rules.rules[0], text, sizeof text),
			    "any achieved");
	assert_string_equal(verification_rule_text(&rules.rules[1], text, sizeof text),
			    "all progress >= 80%");
	verification_suggest(&rules, st, 2, &sg);
	assert_string_equal(sg.rule->code, "A");
	assert_int_equal(sg.passing, 1);

	assert_int_equal(verification_rule_parse("most achieved", &rules.rules[0], &err), -1);
	assert_int_equal(err.kind, ERROR_INVALID);
	assert_int_equal(verification_rule_parse("all no data", &rules.rules[0], &err), -1);
	assert_int_equal(verification_rule_parse("all", &rules.rules[0], &err), -1);
}

static void the_migration_brings_the_lists_and_the_rule(void **state)
{
	struct testdb *t = *state;
	struct effect_rules rules;
	struct choices c;
	struct error err;
	char text[64];

	assert_int_equal(review_choices_load(t->s, "verdict", &c, &err), 0);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.items[0].label, "総合戦略のKPI達成に有効であった");
	assert_string_equal(c.items[1].label, "総合戦略のKPI達成に有効とは言えない");
	assert_int_equal(review_choices_load(t->s, "policy", &c, &err), 0);
	assert_int_equal(c.n, 5);
	assert_string_equal(c.items[2].label, "事業の継続");
	assert_string_equal(c.items[4].code, "終了");
	assert_int_equal(verification_rules_load(t->s, &rules, &err), 0);
	assert_int_equal(rules.n, 4);
	assert_string_equal(verification_rule_text(&rules.rules[1], text, sizeof text),
			    "all progress >= 70%");
	testdb_check_ok(t->s);
}

static void the_rule_and_the_verdicts_are_imported(void **state)
{
	struct testdb *t = *state;
	struct error items[4];
	struct error_list errors = { items, 0, 4, 0 };
	struct effect_rules rules;
	struct choices c;
	struct error err;
	char text[64];

	assert_int_equal(testdb_import_text(t->s, "effect,rule\n①,all achieved\n②,Any progress>=80%\n"
				     "④,otherwise\n", &errors), 0);
	assert_int_equal(verification_rules_load(t->s, &rules, &err), 0);
	assert_int_equal(rules.n, 3);
	assert_string_equal(verification_rule_text(&rules.rules[1], text, sizeof text),
			    "any progress >= 80%");
	assert_int_equal(testdb_import_text(t->s, "list,code,label\nverdict,A,有効\nverdict,B,不十分\n"
				     "verdict,C,有効とは言えない\n", &errors), 0);
	assert_int_equal(review_choices_load(t->s, "verdict", &c, &err), 0);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.items[1].label, "不十分");

	/* a bad rule: its line and column, and nothing replaced */
	assert_int_equal(testdb_import_text(t->s, "effect,rule\n①,all achieved\n②,most achieved\n",
				     &errors), -1);
	assert_int_equal(errors.n, 1);
	assert_int_equal(errors.items[0].line, 3);
	assert_int_equal(errors.items[0].column, 2);
	assert_int_equal(verification_rules_load(t->s, &rules, &err), 0);
	assert_int_equal(rules.n, 3);
}

static int count_history(struct testdb *t)
{
	return (int)testdb_int(t->s, "SELECT count(*) FROM verification_history");
}

static void three_voices_are_kept_apart_with_their_history(void **state)
{
	struct testdb *t = *state;
	struct verification v;
	struct voice_entry e;
	struct vproject_list l;
	struct error err;
	long long id;
	char code[32];
	struct voice_input self = { .effect = "①", .policy = "発展" };
	struct voice_input committee = { .verdict = "有効", .opinion = "KPIの設定は妥当" };
	struct voice_input final = { .effect = "④", .policy = "改善" };

	assert_int_equal(verification_project_find(t->s, "SP1", &id, code, sizeof code, &err), 0);
	assert_string_equal(code, "SP1");
	assert_int_equal(verification_project_find(t->s, "地域のデジタル改革によるスマートシティ推進事業",
						   &id, code, sizeof code, &err), 0);
	assert_int_equal(verification_project_find(t->s, "SP9", &id, code, sizeof code, &err), -1);
	assert_int_equal(err.kind, ERROR_NOT_FOUND);

	/* nothing is recorded before the year is opened */
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_SELF, &self, "t", &err), -1);
	assert_int_equal(err.kind, ERROR_NOT_FOUND);
	assert_int_equal(verification_open(t->s, 2022, "lead", &v, &err), 0);
	assert_int_equal(v.revised, -1);
	assert_int_equal(verification_open(t->s, 2022, "lead", &v, &err), -1);
	assert_int_equal(err.kind, ERROR_CONFLICT);

	/* SP1-1: plan 10, actual 0, no baseline: not better, so ④ */
	assert_int_equal(verification_projects(t->s, 2022, &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].suggestion.rule->code, "④");
	verification_projects_free(&l);

	/* ① instead of ④ without a reason: refused by kind, nothing written */
	assert_int_equal(count_history(t), 1);
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_SELF, &self, "tanaka", &err), -1);
	assert_int_equal(err.kind, ERROR_NEEDS_REASON);
	assert_int_equal(count_history(t), 1);
	assert_int_equal(testdb_int(t->s, "SELECT count(*) FROM voice"), 0);
	self.reason = "目標未達だが取引基盤は稼働";
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_SELF, &self, "tanaka", &err), 0);
	/* the suggested one needs none */
	self.effect = "④";
	self.reason = NULL;
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_SELF, &self, "tanaka", &err), 0);
	assert_int_equal(verification_voice(t->s, 2022, id, VOICE_SELF, &e, &err), 0);
	assert_string_equal(e.effect, "④");
	assert_string_equal(e.effect_label, "地方創生に対して効果がなかった");
	assert_string_equal(e.suggested, "④");
	assert_string_equal(e.entered_by, "tanaka");

	/* a code not in its list */
	committee.verdict = "良好";
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_COMMITTEE, &committee, "iinkai",
					     &err), -1);
	assert_int_equal(err.kind, ERROR_INVALID);
	committee.verdict = "有効";
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_COMMITTEE, &committee, "iinkai",
					     &err), 0);

	/* the final result always needs its 理由 */
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_FINAL, &final, "kacho", &err), -1);
	assert_int_equal(err.kind, ERROR_NEEDS_REASON);
	assert_int_equal(verification_close(t->s, 2022, "lead", &err), -1);
	assert_int_equal(err.kind, ERROR_INVALID);
	final.reason = "取引件数の伸びが見込みを下回ったため";
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_FINAL, &final, "kacho", &err), 0);

	/* none overwrote another */
	assert_int_equal(verification_voice(t->s, 2022, id, VOICE_SELF, &e, &err), 0);
	assert_string_equal(e.policy, "発展");
	assert_int_equal(verification_voice(t->s, 2022, id, VOICE_COMMITTEE, &e, &err), 0);
	assert_string_equal(e.verdict_label, "総合戦略のKPI達成に有効であった");
	assert_string_equal(e.opinion, "KPIの設定は妥当");
	assert_string_equal(e.effect, "");
	assert_int_equal(verification_voice(t->s, 2022, id, VOICE_FINAL, &e, &err), 0);
	assert_string_equal(e.policy_label, "事業の改善");
	assert_string_equal(e.entered_by, "kacho");

	/* open, self effect ① with reason, self effect ④ (no reason: its
	 * reason cleared), committee verdict and opinion, final effect,
	 * policy, reason */
	assert_int_equal(testdb_int(t->s, "SELECT count(*) FROM verification_history"
				    " WHERE what LIKE 'self %'"), 5);
	assert_int_equal(testdb_int(t->s, "SELECT count(*) FROM verification_history"
				    " WHERE what LIKE 'committee %'"), 2);
	assert_int_equal(testdb_int(t->s, "SELECT count(*) FROM verification_history"
				    " WHERE what LIKE 'final %'"), 3);

	assert_int_equal(verification_set_revised(t->s, 2022, 0, "lead", &err), 0);
	assert_int_equal(verification_close(t->s, 2022, "lead", &err), 0);
	assert_int_equal(verification_get(t->s, 2022, &v, &err), 0);
	assert_int_equal(v.revised, 0);
	assert_true(*v.closed_at);
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_FINAL, &final, "kacho", &err), -1);
	assert_int_equal(err.kind, ERROR_INVALID);
	testdb_check_ok(t->s);
}

/* Two officials entering one voice: a write against a voice other than
 * the one read (its version, or the code expected) is refused as a
 * conflict naming what is stored, and writes nothing. */
static void a_voice_changed_since_it_was_read_is_a_conflict(void **state)
{
	struct testdb *t = *state;
	struct verification v;
	struct voice_entry e;
	struct error err;
	long long id;
	char code[32];
	unsigned long long read;
	struct voice_input sato = { .effect = "④", .policy = "改善", .expect = "-" };
	struct voice_input suzuki = { .effect = "④", .policy = "継続", .expect = "-" };
	int before;

	assert_int_equal(verification_project_find(t->s, "SP1", &id, code, sizeof code, &err), 0);
	assert_int_equal(verification_open(t->s, 2022, "lead", &v, &err), 0);
	assert_int_equal(verification_voice(t->s, 2022, id, VOICE_SELF, &e, &err), 0);
	read = verification_voice_version(&e);
	assert_true(read == 0);

	/* both saw none; the first is recorded, the second refused */
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_SELF, &sato, "sato", &err), 0);
	before = count_history(t);
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_SELF, &suzuki, "suzuki", &err), -1);
	assert_int_equal(err.kind, ERROR_CONFLICT);
	assert_non_null(strstr(err.text, "④ 改善 (entered by sato at "));
	assert_int_equal(count_history(t), before);
	assert_int_equal(verification_voice(t->s, 2022, id, VOICE_SELF, &e, &err), 0);
	assert_string_equal(e.policy, "改善");

	/* by version: the one read is replaced, a stale one is not */
	suzuki.expect = NULL;
	suzuki.check_version = 1;
	suzuki.version = read;
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_SELF, &suzuki, "suzuki", &err), -1);
	assert_int_equal(err.kind, ERROR_CONFLICT);
	assert_non_null(strstr(err.text, "now ④ 改善 (entered by sato at "));
	suzuki.version = verification_voice_version(&e);
	assert_true(suzuki.version != 0);
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_SELF, &suzuki, "suzuki", &err), 0);
	assert_int_equal(verification_record(t->s, 2022, id, VOICE_SELF, &suzuki, "suzuki", &err), -1);
	assert_int_equal(err.kind, ERROR_CONFLICT);
	assert_int_equal(verification_voice(t->s, 2022, id, VOICE_SELF, &e, &err), 0);
	assert_string_equal(e.policy, "継続");
	assert_string_equal(e.entered_by, "suzuki");
	testdb_check_ok(t->s);
}

static void amounts_and_the_summary(void **state)
{
	struct testdb *t = *state;
	struct verification v;
	struct vproject_list l;
	struct summary sum;
	struct error err;
	long long id;
	char code[32];

	assert_int_equal(verification_project_find(t->s, "SP1", &id, code, sizeof code, &err), 0);
	/* entered only into an open verification that lists the project,
	 * as the voices are */
	assert_int_equal(verification_set_amount(t->s, id, 2022, 12345678, "タイプⅠ", "t", &err), -1);
	assert_int_equal(err.kind, ERROR_NOT_FOUND);
	assert_int_equal(verification_open(t->s, 2022, "t", &v, &err), 0);
	/* a year no project is due at is not opened */
	assert_int_equal(verification_open(t->s, 2021, "t", &v, &err), -1);
	assert_int_equal(err.kind, ERROR_INVALID);
	assert_int_equal(verification_set_amount(t->s, id, 2022, 12345678, "タイプⅠ", "t", &err), 0);
	assert_int_equal(verification_set_amount(t->s, id, 2022, -1, NULL, "t", &err), -1);
	assert_int_equal(verification_set_amount(t->s, id, 2022, 12000000, NULL, "t", &err), 0);
	assert_int_equal(testdb_int(t->s, "SELECT count(*) FROM verification_history"
				    " WHERE what = 'amount'"), 2);
	assert_int_equal(testdb_int(t->s, "SELECT count(*) FROM verification_history"
				    " WHERE what = 'grant kind'"), 1);

	/* the year after counts; two years after does not */
	assert_int_equal(verification_projects(t->s, 2023, &l, &err), 0);
	assert_int_equal(l.n, 1);
	verification_projects_free(&l);
	assert_int_equal(verification_projects(t->s, 2024, &l, &err), 0);
	assert_int_equal(l.n, 0);
	verification_projects_free(&l);

	testdb_set_value(t->s, "SP1-1", 2022, VALUE_ACTUAL, 12, 0);
	assert_int_equal(verification_projects(t->s, 2022, &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_true(l.items[0].has_amount);
	assert_int_equal(l.items[0].amount, 12000000);
	assert_string_equal(l.items[0].grant_kind, "タイプⅠ");
	assert_string_equal(l.items[0].suggestion.rule->code, "①");
	verification_summary(&l, 2022, &sum);
	assert_int_equal(sum.n, 2);
	assert_string_equal(sum.rows[0].program, "デジタル田園都市国家構想推進交付金");
	assert_int_equal(sum.rows[1].projects, 1);
	assert_int_equal(sum.rows[1].projects_met, 1);
	assert_int_equal(sum.rows[1].kpis, 1);
	assert_int_equal(sum.rows[1].kpis_met, 1);
	verification_projects_free(&l);
}

static void a_value_not_known_yet_is_counted_apart(void **state)
{
	struct testdb *t = *state;
	struct verification v;
	struct vproject_list l;
	struct value_flag f;
	struct summary sum;
	struct error err;
	char text[256];
	long long kpi = testdb_int(t->s, "SELECT id FROM kpi WHERE code = 'SP1-1'");

	/* not before the year's verification is opened, nor of a strategy KPI */
	assert_int_equal(verification_set_unknown(t->s, kpi, 2023, 1, "x", "t", &err), -1);
	assert_int_equal(err.kind, ERROR_NOT_FOUND);
	assert_int_equal(verification_open(t->s, 2022, "t", &v, &err), 0);
	assert_int_equal(verification_open(t->s, 2023, "t", &v, &err), 0);
	assert_int_equal(verification_set_unknown(t->s, testdb_int(t->s, "SELECT min(id) FROM kpi"
				  " WHERE project_id IS NULL"), 2022, 1, "x", "t", &err), -1);
	assert_int_equal(err.kind, ERROR_INVALID);
	/* R4 has an actual: it is known */
	assert_int_equal(verification_set_unknown(t->s, kpi, 2022, 1, "x", "t", &err), -1);
	assert_int_equal(err.kind, ERROR_INVALID);
	/* in R5, its year after, SP1 is judged on R4, whose actual is in:
	 * the mark would go there, and is refused */
	assert_int_equal(verification_judged_year(t->s, testdb_int(t->s, "SELECT project_id FROM kpi"
				  " WHERE code = 'SP1-1'"), 2023, &err), 2022);
	assert_int_equal(verification_set_unknown(t->s, kpi, 2023, 1, "x", "t", &err), -1);
	assert_int_equal(err.kind, ERROR_INVALID);
	assert_int_equal(testdb_int(t->s, "SELECT count(*) FROM value_flag"), 0);
	/* R5 planned, so SP1 runs in R5 and is judged on it: without its
	 * actual, not known yet */
	testdb_set_value(t->s, "SP1-1", 2023, VALUE_PLAN, 10, 0);
	assert_int_equal(verification_set_unknown(t->s, kpi, 2023, 1, "統計の公表はR7", "t", &err), 0);
	assert_int_equal(verification_flag_get(t->s, kpi, 2023, &f, &err), 0);
	assert_true(f.unknown);
	assert_string_equal(f.note, "統計の公表はR7");
	assert_int_equal(verification_projects(t->s, 2023, &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].missing, 0);
	assert_null(l.items[0].suggestion.rule);
	verification_suggestion_text(&l.items[0].suggestion, text, sizeof text);
	assert_string_equal(text, "no suggestion: none of the 1 KPIs can be judged (an actual and its plan or target); 1 not known yet");
	verification_summary(&l, 2023, &sum);
	assert_int_equal(sum.rows[1].kpis_unknown, 1);
	assert_int_equal(sum.rows[1].kpis_no_data, 0);
	verification_projects_free(&l);

	/* the actual comes: the mark reads as known, and no data is counted */
	testdb_set_value(t->s, "SP1-1", 2023, VALUE_ACTUAL, 3, 0);
	assert_int_equal(verification_flag_get(t->s, kpi, 2023, &f, &err), 0);
	assert_false(f.unknown);
	assert_int_equal(verification_set_unknown(t->s, kpi, 2023, 0, NULL, "t", &err), 0);

	/* the year its data describes */
	assert_int_equal(verification_set_describes(t->s, kpi, 2022, 2021, "t", &err), 0);
	assert_int_equal(verification_flag_get(t->s, kpi, 2022, &f, &err), 0);
	assert_int_equal(f.describes, 2021);
	assert_false(f.unknown);
	assert_int_equal(testdb_int(t->s, "SELECT count(*) FROM verification_history"
				    " WHERE what LIKE 'SP1-1 %'"), 2);
	testdb_check_ok(t->s);
}

/* On a real database, the way from the 当初値 to the plan, not actual ÷
 * plan: SP1-1 (当初値 50, plan 100) at 80 is 80% of its plan but 60% of
 * its way (③); at 85, 70% (②). A second KPI without an actual keeps a
 * project whose other KPI met its target from ①. */
/* Sets code's actual at R4 and asserts the project's suggestion. */
static void suggested_at(struct testdb *t, const char *code, double actual, const char *expect)
{
	struct vproject_list l;
	struct error err;

	testdb_set_value(t->s, code, 2022, VALUE_ACTUAL, actual, 0);
	assert_int_equal(verification_projects(t->s, 2022, &l, &err), 0);
	assert_non_null(l.items[0].suggestion.rule);
	assert_string_equal(l.items[0].suggestion.rule->code, expect);
	verification_projects_free(&l);
}

static void the_suggestion_measures_the_way_and_every_kpi(void **state)
{
	struct testdb *t = *state;
	struct vproject_list l;
	struct error err;
	char text[256];

	assert_int_equal(store_exec(t->s, "UPDATE kpi SET baseline_value = 50 WHERE code = 'SP1-1'",
				    &err), 0);
	testdb_set_value(t->s, "SP1-1", 2022, VALUE_PLAN, 100, 0);
	suggested_at(t, "SP1-1", 80, "③");
	suggested_at(t, "SP1-1", 85, "②");

	assert_int_equal(store_exec(t->s, "INSERT INTO kpi(code, project_id, number, name, unit,"
				    " direction) SELECT 'SP1-2', project_id, 2, '相談件数', '件', 'up'"
				    " FROM kpi WHERE code = 'SP1-1'", &err), 0);
	testdb_set_value(t->s, "SP1-2", 2022, VALUE_PLAN, 10, 0);
	testdb_set_value(t->s, "SP1-2", 2022, VALUE_ACTUAL, 12, 0);
	suggested_at(t, "SP1-1", 100, "①");
	testdb_set_value(t->s, "SP1-1", 2022, VALUE_ACTUAL, 0, 1);
	assert_int_equal(verification_projects(t->s, 2022, &l, &err), 0);
	assert_int_equal(l.items[0].kpis.n, 2);
	assert_null(l.items[0].suggestion.rule);
	verification_suggestion_text(&l.items[0].suggestion, text, sizeof text);
	assert_string_equal(text, "no suggestion: 1 of the 2 KPIs cannot be judged (an actual and"
			    " its plan or target), and no rule holds without them");
	verification_projects_free(&l);
}

/* The worked example: SP1-1 (当初値 100) declared incremental, its plans
 * 10 a year and its actuals 5, 12 and 6 entered as the years'
 * increments. At R6 the sums are 23 of 30: (actual − baseline) ÷
 * (target − baseline) = 23 ÷ 30 = 77%, total ÷ target = 123 ÷ 130 = 95%;
 * 77% of the way suggests ②, where R6's 6 of 10 alone, no better than
 * the 当初値, would suggest ④. */
static void an_increment_kpi_is_judged_by_its_sums(void **state)
{
	struct testdb *t = *state;
	struct vproject_list l;
	struct error err;
	char text[256];
	long long kpi = testdb_int(t->s, "SELECT id FROM kpi WHERE code = 'SP1-1'");
	int y;

	assert_int_equal(store_exec(t->s, "UPDATE kpi SET baseline_value = 100 WHERE id = 3", &err),
			 0);
	for (y = 2022; y <= 2024; y++)
		testdb_set_value(t->s, "SP1-1", y, VALUE_PLAN, 10, 0);
	testdb_set_value(t->s, "SP1-1", 2022, VALUE_ACTUAL, 5, 0);
	testdb_set_value(t->s, "SP1-1", 2023, VALUE_ACTUAL, 12, 0);
	testdb_set_value(t->s, "SP1-1", 2024, VALUE_ACTUAL, 6, 0);

	assert_int_equal(verification_projects(t->s, 2024, &l, &err), 0);
	assert_string_equal(l.items[0].suggestion.rule->code, "④");
	assert_false(l.items[0].increments[0].present);
	verification_projects_free(&l);

	assert_int_equal(verification_set_increment(t->s, kpi, 1, "t", &err), 0);
	assert_int_equal(verification_is_increment(t->s, kpi, &err), 1);
	assert_int_equal(verification_projects(t->s, 2024, &l, &err), 0);
	assert_true(l.items[0].increments[0].present);
	assert_true(l.items[0].increments[0].actual_sum == 23);
	assert_true(l.items[0].increments[0].target_sum == 30);
	verification_increment_text(&l.items[0].increments[0], text, sizeof text);
	assert_string_equal(text, "increments summed 23 of 30: total ÷ target 95%,"
			    " (actual − baseline) ÷ (target − baseline) 77%");
	assert_string_equal(l.items[0].suggestion.rule->code, "②");
	verification_projects_free(&l);

	assert_int_equal(verification_set_increment(t->s, kpi, 0, "t", &err), 0);
	assert_int_equal(verification_is_increment(t->s, kpi, &err), 0);
	assert_int_equal(testdb_int(t->s, "SELECT count(*) FROM verification_history"
				    " WHERE what = 'SP1-1 increment'"), 2);
	testdb_check_ok(t->s);
}

/* The machine-readable table's text: machine-dependent characters
 * spelled out, numerals kept apart, the rest as it is. */
static void machine_dependent_characters_are_spelled_out(void **state)
{
	static const char *const cases[][2] = {
		{ "①", "(1)" }, { "⑳", "(20)" }, { "㉑", "(21)" }, { "㊿", "(50)" },
		{ "タイプⅠ", "タイプI" }, { "Ⅻ", "XII" }, { "ⅱ", "ii" },
		{ "ⅱⅲ", "ii iii" }, { "Ⅱ1", "II 1" }, { "第Ⅲ期", "第III期" },
		{ "㍻30年", "平成30年" }, { "㋿元年", "令和元年" }, { "№5", "No.5" },
		{ "℡011-211-2192", "TEL011-211-2192" }, { "㊤", "(上)" }, { "㈱", "(株)" },
		{ "㈹", "(代)" }, { "100㎡", "100m2" }, { "5㎝", "5cm" }, { "3㎏", "3kg" },
		{ "2㍉", "2ミリ" }, { "4㌔", "4キロ" }, { "∮", "∫" }, { "a￤b", "a｜b" },
		/* IBM's extension kanji are names: kept (see the manual) */
		{ "髙橋", "髙橋" }, { "川﨑", "川﨑" },
		{ "札幌市 (R5のデータ)", "札幌市 (R5のデータ)" }, { "", "" },
	};
	char buf[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(verification_plain_text(cases[i][0], buf, sizeof buf), cases[i][1]);
	/* a piece that does not fit is left out whole */
	assert_string_equal(verification_plain_text("ab㍻", buf, 6), "ab");
}

/* A share is rounded, but never up to 100% while below it */
static void a_share_below_one_is_never_100_percent(void **state)
{
	char buf[16];

	(void)state;
	assert_string_equal(verification_percent(1, 3023.0 / 3030, buf, sizeof buf), "99%");
	assert_string_equal(verification_percent(1, 0.994, buf, sizeof buf), "99%");
	assert_string_equal(verification_percent(1, 1, buf, sizeof buf), "100%");
	assert_string_equal(verification_percent(1, 0.965, buf, sizeof buf), "97%");
	assert_string_equal(verification_percent(1, -0.34, buf, sizeof buf), "-34%");
	assert_string_equal(verification_percent(0, 0.5, buf, sizeof buf), "-");
	assert_string_equal(verification_share(999, 1000, buf, sizeof buf), "99%");
	assert_string_equal(verification_share(0, 0, buf, sizeof buf), "-");
}

/* 実績額 as officials type it: commas, full-width digits, 円 */
static void an_amount_is_read_as_typed(void **state)
{
	static const struct {
		const char *text;
		long long yen;
	} good[] = {
		{ "1000", 1000 }, { "1,000", 1000 }, { "1,000円", 1000 }, { "１０００", 1000 },
		{ "１，２３４，５６７円", 1234567 }, { "-", -1 },
	};
	static const char *const bad[] = { "", "円", "1,00", "1000円円", "1円000", "１．５", "x" };
	struct error err;
	long long yen;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		assert_int_equal(verification_yen_parse(good[i].text, &yen, &err), 0);
		assert_int_equal(yen, good[i].yen);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (verification_yen_parse(bad[i], &yen, &err) == 0)
			fail_msg("'%s' read as %lld", bad[i], yen);
		assert_int_equal(err.kind, ERROR_INVALID);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_national_rule_grades_each_case_at_its_boundary),
		cmocka_unit_test(the_reason_says_which_rule_and_how_many),
		cmocka_unit_test(a_rule_of_another_municipality_is_data),
		cmocka_unit_test_setup_teardown(the_migration_brings_the_lists_and_the_rule, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(the_rule_and_the_verdicts_are_imported, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(three_voices_are_kept_apart_with_their_history, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_voice_changed_since_it_was_read_is_a_conflict, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(amounts_and_the_summary, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(a_value_not_known_yet_is_counted_apart, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(an_increment_kpi_is_judged_by_its_sums, testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(the_suggestion_measures_the_way_and_every_kpi, testdb_setup, testdb_teardown),
		cmocka_unit_test(machine_dependent_characters_are_spelled_out),
		cmocka_unit_test(a_share_below_one_is_never_100_percent),
		cmocka_unit_test(an_amount_is_read_as_typed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
