/* values.c: init, and the commands of one KPI: show, set, history. */
#include "cli.h"
#include "commands.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "audit.h"
#include "history.h"
#include "browser.h"
#include "bundled.h"
#include "config.h"
#include "csv_export.h"
#include "csv_import.h"
#include "xlsx_write.h"
#include "due.h"
#include "fiscal_year.h"
#include "inert.h"
#include "kpi.h"
#include "keys_file.h"
#include "kpi_years.h"
#include "number.h"
#include "paths.h"
#include "meeting.h"
#include "meter.h"
#include "progress.h"
#include "report.h"
#include "review.h"
#include "tree.h"
#include "values.h"
#include "verification.h"
#include "verification_table.h"
#include "width.h"
#include "words.h"

/* init: opening made the schema and loaded the bundled data. */
int run_init(struct cli *cli)
{
	fprintf(cli->out, cli_flag(cli, "--empty") ? _("created %s (empty)\n")
						  : _("created %s with the bundled data\n"),
		cli->session.db_path);
	return EXIT_DONE;
}

/* A fiscal-year option or argument, or the error that names it. */
int parse_year(struct cli *cli, const char *text, int *year)
{
	struct error e;

	if (fiscal_year_parse(text, year, &e) < 0)
		return cli_fail_error(cli, &e);
	return EXIT_DONE;
}

static void print_amounts(struct cli *cli, const struct kpi *k, struct inert_pool *pool)
{
	char text[256];
	const char *unit = inert_str(pool, k->unit);

	if (k->is_project) {
		fprintf(cli->out, _("initial    %s\n"), kpi_amount_text(&k->baseline, unit, text, sizeof text));
		/* plans and actuals are in it too, though the table shows
		 * bare numbers */
		if (*unit)
			fprintf(cli->out, _("unit       %s\n"), unit);
		return;
	}
	fprintf(cli->out, _("baseline   %s\n"), kpi_amount_text(&k->baseline, unit, text, sizeof text));
	fprintf(cli->out, _("target     %s\n"), kpi_amount_text(&k->target, unit, text, sizeof text));
	fprintf(cli->out, _("direction  %s\n"), kpi_direction_label(k->direction));
}

static void print_action(void *ctx, const struct remark *r)
{
	struct cli *cli = ctx;
	struct inert_pool pool = { 0 };
	char due[64];

	fprintf(cli->out, _("action %lld: %s (owner %s, due %s)\n"), r->id, inert_str(&pool, r->text),
		inert_str(&pool, r->owner), i18n_date(r->due, due, sizeof due));
	inert_pool_free(&pool);
}

/* The rank the scheme proposes at year, the latest evaluation and the
 * open action items. */
static int print_review(struct cli *cli, const struct kpi *k, const struct kpi_years *t,
			int year, struct inert_pool *pool, struct error *e)
{
	struct rank_scheme scheme;
	const struct rank *proposed;
	struct evaluation ev;
	struct standing st;
	char title[256];

	if (review_scheme_load(cli->session.store, &scheme, e) < 0)
		return -1;
	if (year) {
		review_standing(k, t, year, &st);
		proposed = review_propose(&scheme, &st);
		if (proposed)
			fprintf(cli->out, _("proposed rank: %s %s\n"), inert_str(pool, proposed->code),
				inert_str(pool, proposed->label));
		else
			fprintf(cli->out, _("proposed rank: none (%s)\n"),
				progress_status_name(st.progress.status));
	}
	if (meeting_latest_evaluation(cli->session.store, k->id, &ev, title, sizeof title, e) < 0)
		return -1;
	if (ev.present) {
		fprintf(cli->out, _("evaluated at %s:"), inert_str(pool, title));
		if (*ev.rank)
			fprintf(cli->out, _(" rank %s%s%s"), inert_str(pool, ev.rank),
				*ev.reason ? " — " : "", inert_str(pool, ev.reason));
		if (*ev.assessment)
			fprintf(cli->out, "; %s %s", inert_str(pool, ev.assessment),
				inert_str(pool, ev.assessment_label));
		if (*ev.policy)
			fprintf(cli->out, "; %s", inert_str(pool, ev.policy_label));
		fputc('\n', cli->out);
	}
	return meeting_remarks(cli->session.store, 0, k->id, 1, print_action, cli, e);
}

/* show's notes, whole (the table's copies are cut), each year's plan
 * note before its actual note: values_each gives a year's actual first,
 * so the actual's waits for the plan's. */
struct notes {
	struct cli *cli;
	int year;
	char *actual;		/* the year's actual note, not yet printed */
};

/* One note line, the note made inert. */
static void put_note(struct cli *cli, const char *format, int year, const char *note)
{
	char fy[32], *inert = xreallocarray(NULL, inert_size(note), 1);

	fprintf(cli->out, format, fiscal_year_format(year, fy, sizeof fy),
		inert_text(note, inert, inert_size(note)));
	free(inert);
}

static void flush_note(struct notes *n)
{
	if (!n->actual)
		return;
	put_note(n->cli, _("note %s actual: %s\n"), n->year, n->actual);
	free(n->actual);
	n->actual = NULL;
}

static void print_note(void *ctx, const struct value_row *v)
{
	struct notes *n = ctx;

	if (v->fiscal_year != n->year)
		flush_note(n);
	n->year = v->fiscal_year;
	if (!*v->note)
		return;
	if (v->kind == VALUE_ACTUAL) {
		n->actual = strdup(v->note);
		return;
	}
	put_note(n->cli, _("note %s plan: %s\n"), v->fiscal_year, v->note);
	flush_note(n);
}

static int print_notes(struct cli *cli, long long kpi_id, struct error *e)
{
	struct notes n = { .cli = cli };
	int rc = values_each(cli->session.store, kpi_id, print_note, &n, e);

	flush_note(&n);
	return rc;
}

/* The KPI of the code an official typed, forgiven as search forgives it
 * (h13, Ｈ１３, ⑬ for H13), into k; else an error that names the nearest
 * code there is. A code naming several KPIs (⑫ for H12a, H12b, H12c) is
 * refused to a write (ERROR_AMBIGUOUS), naming them; a read takes the
 * first and says so on standard error. Returns 0, or -1 with e filled. */
int typed_kpi(struct cli *cli, const char *typed, int write, struct kpi *k, struct error *e)
{
	char code[64], names[512] = "";
	int found = write ? tree_code_to_write(cli->session.store, typed, code, sizeof code, e)
			  : tree_codes_named(cli->session.store, typed, names, sizeof names, e);

	if (found >= 0 && !write)
		found = tree_code_of(cli->session.store, typed, code, sizeof code, e);
	if (found < 0)
		return -1;
	if (!found && *code)
		return error_of(e, ERROR_NOT_FOUND, _("no KPI with code '%s'; the nearest is %s"), typed,
				code);
	if (!found)
		return error_of(e, ERROR_NOT_FOUND, _("no KPI with code '%s'"), typed);
	if (strchr(names, ','))
		/* not a failure: a line on standard error, as one is written */
		cli_fail(cli, _("'%s' names several KPIs: %s; this is %s"), typed, names, code);
	return kpi_find(cli->session.store, code, k, e);
}

int run_show(struct cli *cli)
{
	struct kpi_years t;
	const char *year_text = cli_option(cli, "--year");
	const struct kpi_year *chosen = NULL;
	struct kpi k;
	struct error e;
	int year = 0, i, rc = EXIT_DONE;
	char h[4][64];
	/* every text of the store is printed made inert */
	struct inert_pool pool = { 0 };

	if (year_text && parse_year(cli, year_text, &year) != EXIT_DONE)
		return EXIT_FAILED;
	if (typed_kpi(cli, cli->args[0], 0, &k, &e) < 0)
		return cli_fail_error(cli, &e);
	if (kpi_years_load(cli->session.store, &k, year, &t, &e) < 0) {
		kpi_release(&k);
		return cli_fail_error(cli, &e);
	}
	if (year)
		kpi_years_row(&t, year);	/* asked for: shown even without values */
	chosen = kpi_years_judged(&t, year, fiscal_year_of(time(NULL)));

	fprintf(cli->out, "%s  %s\n", inert_str(&pool, k.code), inert_str(&pool, k.name));
	print_amounts(cli, &k, &pool);
	/* the columns padded by display width: the headings and the years
	 * may be Japanese */
	fprintf(cli->out, "\n%s %s %s %s  %s\n", width_align(_("FY"), -10, h[0], sizeof h[0]),
		width_align(_("plan"), 10, h[1], sizeof h[1]), width_align(_("actual"), 10, h[2], sizeof h[2]),
		width_align(k.is_project ? _("rate") : _("progress"), 9, h[3], sizeof h[3]), _("status"));
	for (i = 0; i < t.n; i++) {
		const struct kpi_year *r = &t.rows[i];
		char fy[32], fy_cell[64], plan[32], actual[32], ratio[16];
		struct progress p;

		kpi_years_progress(&k, &t, r, &p);
		fprintf(cli->out, "%s %10s %10s %9s  %s\n",
			width_align(fiscal_year_format(r->year, fy, sizeof fy), -10, fy_cell, sizeof fy_cell),
			kpi_years_cell(r->has_plan, r->plan, r->plan_decimals, plan, sizeof plan),
			kpi_years_cell(r->has_actual, r->actual, r->actual_decimals, actual, sizeof actual),
			kpi_years_ratio(&p, ratio, sizeof ratio), progress_status_name(p.status));
	}
	if (print_notes(cli, k.id, &e) < 0) {
		inert_pool_free(&pool);
		kpi_release(&k);
		return cli_fail_error(cli, &e);
	}
	if (chosen) {
		char fy[32], ratio[16];
		struct progress p;

		kpi_years_progress(&k, &t, chosen, &p);
		fprintf(cli->out, _("\nat %s: %s %s\n"), fiscal_year_format(chosen->year, fy, sizeof fy),
			kpi_years_ratio(&p, ratio, sizeof ratio), progress_status_name(p.status));
		if (k.is_increment) {
			struct increment in;
			char text[512];

			/* both rates, the status going by the second */
			kpi_years_increment(&k, &t, chosen->year, &in);
			fprintf(cli->out, "%s\n", verification_increment_text(&in, text, sizeof text));
		}
	} else {
		fputs(_("\nno actual yet: no data\n"), cli->out);
	}
	if (print_review(cli, &k, &t, chosen ? chosen->year : year, &pool, &e) < 0)
		rc = cli_fail_error(cli, &e);
	inert_pool_free(&pool);
	kpi_release(&k);
	return rc;
}

/* Reads VALUE or OLD of a KPI in unit: "-" means none. */
static int parse_value(struct cli *cli, const char *what, const char *text, const char *unit,
		       int *none, double *value)
{
	struct error e;

	*none = strcmp(text, "-") == 0;
	if (*none)
		return EXIT_DONE;
	if (number_parse_in(text, unit, value, &e) < 0)
		return cli_fail(cli, "%s: %s", what, e.text);
	return EXIT_DONE;
}

/* Whether the actual c would store is unusual (values_unusual): without
 * --force says why on standard error and returns 1; with it returns 2.
 * Returns 0 for a usual value (or the one stored already), -1 with e
 * filled on a store error. */
static int unusual_refused(struct cli *cli, const char *what, const struct value_rules *r,
			   const struct value_change *c, struct error *e)
{
	const char *why;
	double last = 0;
	char v[64];
	int has_last;

	if (c->clear || c->kind != VALUE_ACTUAL)
		return 0;
	/* the value stored already was taken once: a new note is no new value */
	if (values_get(cli->session.store, c->kpi_id, c->fiscal_year, VALUE_ACTUAL, &last, NULL, e) == 1 &&
	    last == c->value)
		return 0;
	has_last = values_get(cli->session.store, c->kpi_id, c->fiscal_year - 1, VALUE_ACTUAL, &last,
			      NULL, e);
	if (has_last < 0)
		return -1;
	why = values_unusual(r, has_last, last, c->value);
	if (!why)
		return 0;
	if (cli_flag(cli, "--force"))
		return 2;
	cli_fail(cli, _("%s: %s is %s: not stored; give --force to store it"), what,
		 number_format(c->value, v, sizeof v), why);
	return 1;
}

int run_set(struct cli *cli)
{
	struct value_change c = { .source = "set", .user = cli->session.user };
	const char *expect = cli_option(cli, "--expect");
	const char *note = cli_option(cli, "--note");
	char fy[32], now[64], why[1200], what[96];
	struct value_rules rules;
	struct kpi k;
	struct error e;
	int rc;

	if (parse_year(cli, cli->args[1], &c.fiscal_year) != EXIT_DONE)
		return EXIT_FAILED;
	/* the KPI first: its unit says whether 88.2% is a number */
	if (typed_kpi(cli, cli->args[0], 1, &k, &e) < 0)
		return cli_fail_error(cli, &e);
	if (parse_value(cli, _("value"), cli->args[2], k.unit, &c.clear, &c.value) != EXIT_DONE ||
	    (expect && parse_value(cli, "--expect", expect, k.unit, &c.expect_none,
				   &c.expect) != EXIT_DONE)) {
		kpi_release(&k);
		return EXIT_FAILED;
	}
	c.check_expect = expect != NULL;
	c.decimals = number_decimals(cli->args[2]);	/* 33.00 stays 33.00 */
	c.kind = cli_flag(cli, "--plan") ? VALUE_PLAN : VALUE_ACTUAL;
	c.note = note && strcmp(note, "-") == 0 ? "" : note;	/* none: keep the stored one */
	c.kpi_id = k.id;
	fiscal_year_format(c.fiscal_year, fy, sizeof fy);
	snprintf(what, sizeof what, "%s %s", k.code, fy);
	rc = access_may_kpi(cli->session.store, &cli->session.identity, ACCESS_EDIT, k.id, why,
			    sizeof why, &e);
	if (rc <= 0) {
		kpi_release(&k);
		return rc < 0 ? cli_fail_error(cli, &e) : cli_refuse(cli, why);
	}
	if (values_rules_find(cli->session.store, k.code, fiscal_year_of(time(NULL)), &rules, &e) < 0 ||
	    (!c.clear && values_check(&rules, c.fiscal_year, c.value, &e) < 0) ||
	    (rc = unusual_refused(cli, what, &rules, &c, &e)) < 0) {
		cli_fail(cli, "%s %s: %s", k.code, fy, e.text);
		kpi_release(&k);
		return EXIT_FAILED;
	}
	if (rc == 1) {
		kpi_release(&k);
		return EXIT_FAILED;
	}
	if (rc == 2)
		c.source = "set --force";	/* an unusual value, stored as asked */
	rc = values_set(cli->session.store, &c, &e);
	if (rc < 0) {
		cli_fail(cli, "%s %s: %s", k.code, fy, e.text);
		kpi_release(&k);
		return EXIT_FAILED;
	}
	fprintf(cli->out, "%s %s %s: %s%s\n", k.code, fy, _(values_kind_name(c.kind)),
		kpi_years_cell(!c.clear, c.value, c.decimals, now, sizeof now),
		rc == VALUES_UNCHANGED ? _(" (unchanged)") : "");
	kpi_release(&k);
	return EXIT_DONE;
}

/* One line of the KPI's history. */
static void print_history_line(void *ctx, const char *line)
{
	struct cli *cli = ctx;

	fprintf(cli->out, "%s\n", line);
}

int run_history(struct cli *cli)
{
	struct kpi k;
	struct error e;
	long n;

	if (typed_kpi(cli, cli->args[0], 0, &k, &e) < 0)
		return cli_fail_error(cli, &e);
	n = history_lines(cli->session.store, k.id, print_history_line, cli, &e);
	kpi_release(&k);
	if (n < 0)
		return cli_fail_error(cli, &e);
	if (n == 0)
		fprintf(cli->out, "%s\n", history_empty());
	return EXIT_DONE;
}
