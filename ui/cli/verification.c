/* verification.c: the yearly 効果検証 of the grant projects, and who
 * took part in a meeting. */
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

#include "audit.h"
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
#include "kpi_history.h"
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


/* The project named by args[1] into *id, refused unless the official
 * may do action on its KPIs. */
static int verified_project(struct cli *cli, enum access_action action, long long *id)
{
	char code[32], why[1024];
	struct error e;
	long long kpi_id = 0;
	int rc;

	if (cli->nargs < 2)
		return usage_of_command(cli);
	if (verification_project_find(cli->session.store, cli->args[1], id, code, sizeof code, &e) < 0 ||
	    verification_project_kpi(cli->session.store, *id, &kpi_id, &e) < 0)
		return cli_fail_error(cli, &e);
	rc = access_may_kpi(cli->session.store, &cli->session.identity, action, kpi_id, why,
			    sizeof why, &e);
	if (rc != 1)
		return rc < 0 ? cli_fail_error(cli, &e) : cli_refuse(cli, why);
	return EXIT_DONE;
}

static void print_line(void *ctx, const char *line)
{
	struct cli *cli = ctx;

	inert_fputs(line, cli->out);
	fputc('\n', cli->out);
}

/* status: the projects due, each with its amount, suggestion and why,
 * the KPIs lacking an actual, and the three voices. */
static int verification_status(struct cli *cli, int year)
{
	struct access_identity *officials;
	struct error e;
	int n, rc;

	if (keys_file_officials(cli_option(cli, "--file"), cli->session.db_path, &officials, &n, &e) < 0)
		return cli_fail_error(cli, &e);
	rc = verification_status_lines(cli->session.store, year, officials, n, print_line, cli, &e);
	free(officials);
	return rc < 0 ? cli_fail_error(cli, &e) : EXIT_DONE;
}

static void print_verification_change(void *ctx, const struct verification_change *c)
{
	struct cli *cli = ctx;
	struct inert_pool pool = { 0 };
	char fy[16];

	char what[256], was[1024], is[1024], when[64];

	verification_change_words(c->what, what, sizeof what);
	verification_change_text(c->what, c->old_text, was, sizeof was);
	verification_change_text(c->what, c->new_text, is, sizeof is);
	fprintf(cli->out, "%s  %s  %s  %s: %s -> %s", i18n_time(c->changed_at, when, sizeof when),
		inert_str(&pool, c->changed_by),
		c->year ? fiscal_year_short(c->year, fy, sizeof fy) : "-", inert_str(&pool, what),
		*was ? inert_str(&pool, was) : "-", *is ? inert_str(&pool, is) : "-");
	if (*c->reason)
		fprintf(cli->out, _("  (reason: %s)"), inert_str(&pool, c->reason));
	fputc('\n', cli->out);
	inert_pool_free(&pool);
}

/* What verification_enter (or declaring a KPI incremental) did: done,
 * refused (logged, with why), or failed. */
static int entered(struct cli *cli, int rc, const struct error *e)
{
	if (rc == 0)
		return EXIT_DONE;
	return e->kind == ERROR_REFUSED ? cli_refuse(cli, e->text) : cli_fail_error(cli, e);
}

/* The changes of a project's history from the skip-th on, printed (or
 * only counted, cli NULL). */
struct history_tail {
	struct cli *cli;
	int skip, n;
};

static void history_tail(void *ctx, const struct verification_change *c)
{
	struct history_tail *t = ctx;

	if (t->cli && t->n >= t->skip)
		print_verification_change(t->cli, c);
	t->n++;
}

/* Enters what of id at year through verification_enter and, done, says
 * what the history recorded of project project_id, or that nothing
 * changed. */
static int enter_confirmed(struct cli *cli, enum verification_entry what, long long id,
			   long long project_id, int year, long long value, const char *text)
{
	struct history_tail t = { 0 };
	struct error e;

	if (verification_history(cli->session.store, project_id, history_tail, &t, &e) < 0)
		return cli_fail_error(cli, &e);
	if (verification_enter(cli->session.store, &cli->session.identity, cli->session.user, what,
			       id, year, value, text, &e) < 0)
		return entered(cli, -1, &e);
	t = (struct history_tail){ .cli = cli, .skip = t.n };
	if (verification_history(cli->session.store, project_id, history_tail, &t, &e) < 0)
		return cli_fail_error(cli, &e);
	if (t.n == t.skip)
		fprintf(cli->out, _("no change: it was so already\n"));
	return EXIT_DONE;
}

/* unknown|known CODE, describes CODE FY2|none, increment CODE on|off: what
 * KPI args[1]'s value at year is, or the KPI. */
static int verification_value_flag(struct cli *cli, int year, enum verification_entry what,
				   int value)
{
	struct error e;
	struct kpi k;
	int rc;

	if (typed_kpi(cli, cli->args[1], 1, &k, &e) < 0)
		return cli_fail_error(cli, &e);
	rc = enter_confirmed(cli, what, k.id, k.project_id, year, value, cli_option(cli, "--reason"));
	kpi_release(&k);
	return rc;
}

/* What verification VERB needs of the database: reading for status and
 * history, else a write. */
enum db_need verification_db_need(const struct cli *cli)
{
	return strcmp(cli->args[0], "status") == 0 || strcmp(cli->args[0], "history") == 0
		       ? DB_READ : DB_WRITE;
}

int run_verification(struct cli *cli)
{
	static const char *const voices[] = { "self", "committee", "final" };
	const char *verb = cli->args[0], *year_text = cli_option(cli, "--year");
	const char *meeting = cli_option(cli, "--meeting");
	int year = verification_default_year(), k, rc;
	struct verification v;
	struct error e;
	long long id;

	if (year_text && parse_year(cli, year_text, &year) != EXIT_DONE)
		return EXIT_FAILED;
	if (strcmp(verb, "status") == 0 && cli->nargs == 1)
		return verification_status(cli, year);
	if (strcmp(verb, "history") == 0 && cli->nargs == 2) {
		if (verified_project(cli, ACCESS_READ, &id) != EXIT_DONE)
			return EXIT_FAILED;
		return verification_history(cli->session.store, id, print_verification_change, cli, &e) < 0
			       ? cli_fail_error(cli, &e) : EXIT_DONE;
	}
	if ((strcmp(verb, "open") == 0 || strcmp(verb, "close") == 0 ||
	     strcmp(verb, "revised") == 0) &&
	    verification_may_conduct(&cli->session.identity, &e) < 0)
		return entered(cli, -1, &e);
	if (strcmp(verb, "open") == 0 && cli->nargs == 1) {
		char fy[32];

		if (verification_open(cli->session.store, year, cli->session.user, &v, &e) < 0)
			return cli_fail_error(cli, &e);
		fprintf(cli->out, _("opened the verification of %s\n"),
			fiscal_year_format(year, fy, sizeof fy));
		return EXIT_DONE;
	}
	if (strcmp(verb, "close") == 0 && cli->nargs == 1)
		return verification_close(cli->session.store, year, cli->session.user, &e) < 0
			       ? cli_fail_error(cli, &e) : EXIT_DONE;
	if (strcmp(verb, "revised") == 0 && cli->nargs == 2) {
		int yes = strcmp(cli->args[1], "yes") == 0;

		if (!yes && strcmp(cli->args[1], "no") != 0)
			return usage_error(cli, _("revised: yes or no"));
		return verification_set_revised(cli->session.store, year, yes, cli->session.user, &e) < 0
			       ? cli_fail_error(cli, &e) : EXIT_DONE;
	}
	if ((strcmp(verb, "unknown") == 0 || strcmp(verb, "known") == 0) && cli->nargs == 2)
		return verification_value_flag(cli, year, ENTER_UNKNOWN, verb[0] == 'u');
	if (strcmp(verb, "increment") == 0 && cli->nargs == 3) {
		int on = strcmp(cli->args[2], "on") == 0;

		if (!on && strcmp(cli->args[2], "off") != 0)
			return usage_error(cli, _("increment: on or off"));
		return verification_value_flag(cli, year, ENTER_INCREMENT, on);
	}
	if (strcmp(verb, "direction") == 0 && cli->nargs == 3) {
		int down = strcmp(cli->args[2], "down") == 0;

		if (!down && strcmp(cli->args[2], "up") != 0)
			return usage_error(cli, _("direction: up or down"));
		return verification_value_flag(cli, year, ENTER_DIRECTION, down);
	}
	if (strcmp(verb, "describes") == 0 && cli->nargs == 3) {
		int describes;

		if (verification_describes_parse(cli->args[2], &describes, &e) < 0)
			return cli_fail_error(cli, &e);
		return verification_value_flag(cli, year, ENTER_DESCRIBES, describes);
	}
	if (strcmp(verb, "amount") == 0 && cli->nargs == 3) {
		long long yen;
		char code[32];

		if (verification_project_find(cli->session.store, cli->args[1], &id, code, sizeof code,
					      &e) < 0 ||
		    verification_yen_parse(cli->args[2], &yen, &e) < 0)
			return cli_fail_error(cli, &e);
		return enter_confirmed(cli, ENTER_AMOUNT, id, id, year, yen, cli_option(cli, "--kind"));
	}
	for (k = 0; k < VOICES; k++)
		if (strcmp(verb, voices[k]) == 0 && cli->nargs == 2) {
			struct voice_input in = {
				.effect = cli_option(cli, "--effect"),
				.policy = cli_option(cli, "--policy"),
				.reason = cli_option(cli, "--reason"),
				.verdict = cli_option(cli, "--verdict"),
				.opinion = cli_option(cli, "--opinion"),
				.expect = cli_option(cli, "--expect"),
			};
			char *end;

			if (verified_project(cli, k == VOICE_SELF ? ACCESS_EDIT : ACCESS_EVALUATE,
					     &id) != EXIT_DONE)
				return EXIT_FAILED;
			if (meeting) {
				errno = 0;
				in.meeting_id = strtoll(meeting, &end, 10);
				if (*end || in.meeting_id <= 0 || errno == ERANGE)
					return cli_fail(cli, _("--meeting: '%s' is not a meeting number"),
							meeting);
			}
			rc = verification_record(cli->session.store, year, id, k, &in, cli->session.user, &e);
			return rc < 0 ? cli_fail_error(cli, &e) : EXIT_DONE;
		}
	return usage_of_command(cli);
}

/* meeting attend ID ROLE NAME, meeting absent ID NAME, meeting
 * organisation NAME: the minutes' attendees and organisation. */
int run_meeting(struct cli *cli)
{
	const char *verb = cli->args[0];
	long long id = 0;
	struct error e;
	int rc;

	if (!strcmp(verb, "organisation") && cli->nargs == 2) {
		if (!access_may(&cli->session.identity, ACCESS_ADMIN)) {
			char why[1200], who[1024];

			snprintf(why, sizeof why, _("%s may not set the organisation"),
				 access_describe(&cli->session.identity, who, sizeof who));
			return cli_refuse(cli, why);
		}
		if (meeting_set_organisation(cli->session.store, cli->args[1], &e) < 0)
			return cli_fail_error(cli, &e);
		return EXIT_DONE;
	}
	if ((!strcmp(verb, "attend") && cli->nargs == 4) || (!strcmp(verb, "absent") && cli->nargs == 3)) {
		if (meeting_number(cli, "ID", cli->args[1], &id) != EXIT_DONE)
			return EXIT_FAILED;
		rc = cli->nargs == 4
			? meeting_attend(cli->session.store, id, cli->args[2], cli->args[3], cli->session.user, &e)
			: meeting_absent(cli->session.store, id, cli->args[2], cli->session.user, &e);
		return rc < 0 ? cli_fail_error(cli, &e) : EXIT_DONE;
	}
	return usage_of_command(cli);
}
