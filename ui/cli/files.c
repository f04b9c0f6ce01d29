/* files.c: the commands that read or write files: check, backup,
 * import, export (and the report), and due. */
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

static void print_problem(void *ctx, const char *problem)
{
	struct cli *cli = ctx;

	inert_fputs(problem, cli->out);
	fputc('\n', cli->out);
}

int run_check(struct cli *cli)
{
	struct error e;
	int n = store_check_as(cli->session.store, cli_flag(cli, "--quick") ? STORE_CHECK_QUICK
			       : STORE_CHECK_FULL, print_problem, cli, &e), more;
	struct stat st;

	/* and the audit log: a gap, a trigger gone */
	if (n >= 0) {
		more = audit_check(cli->session.store, print_problem, cli, &e);
		n = more < 0 ? -1 : n + more;
	}

	/* the database is the account's alone */
	if (stat(cli->session.db_path, &st) == 0 && (st.st_mode & S_IROTH))
		fprintf(cli->err, _("kpitree: warning: %s: any local user can read it (mode %04o);"
				    " chmod o-rwx %s\n"), cli->session.db_path, (unsigned)(st.st_mode & 07777),
			cli->session.db_path);

	if (n < 0)
		return cli_fail_error(cli, &e);
	if (n > 0)
		return cli_fail(cli, ngettext("%s: %d problem found", "%s: %d problems found",
					      (unsigned long)n), cli->session.db_path, n);
	fprintf(cli->out, "%s\n", _("ok"));
	return EXIT_DONE;
}

/* Whether path may be written (over SSH: the export folder's rules);
 * a refusal is logged. Returns EXIT_DONE or the exit status. */
static int check_output(struct cli *cli, const char *path)
{
	struct error e;

	if (!path || outfile_check(path, &cli->session.files, &e) == 0)
		return EXIT_DONE;
	return cli->session.files.folder ? cli_refuse(cli, e.text) : cli_fail_error(cli, &e);
}

/* A workbook or a database bound for a terminal (path NULL or standard
 * output) is refused, as gzip refuses: its bytes would garble the screen.
 * Returns EXIT_DONE when the output is no terminal. */
static int binary_output(struct cli *cli, const char *path, const char *what)
{
	if (path && strcmp(path, "-") != 0 && strcmp(path, "/dev/stdout") != 0)
		return EXIT_DONE;
	if (!isatty(fileno(cli->out)))
		return EXIT_DONE;
	return cli_fail(cli, _("%s is not written to a terminal: name a file with -o, or send it"
			       " to a file or a pipe"), what);
}

int run_backup(struct cli *cli)
{
	struct error e;

	if (check_output(cli, cli->args[0]) != EXIT_DONE)
		return EXIT_FAILED;
	if (binary_output(cli, cli->args[0], _("a backup")) != EXIT_DONE)
		return EXIT_FAILED;
	if (store_backup(cli->session.store, cli->args[0], &cli->session.files, &e) < 0)
		return cli_fail_error(cli, &e);
	return EXIT_DONE;
}

int run_import(struct cli *cli)
{
	struct error items[MAX_ERRORS];
	struct error_list errors = { items, 0, MAX_ERRORS, 0 };
	struct import_file files[CLI_MAX_ARGS];
	const char *name = cli_option(cli, "--encoding");
	enum encoding encoding = ENCODING_AUTO;
	struct import_stats stats;
	struct error e;
	char rows[64], files_read[64], changed[64], more[2][64], renamed[64], added[64], gone[64],
		moved[64];
	int i, nmore = 0;

	if (name && encoding_parse(name, &encoding, &e) < 0)
		return cli_fail_error(cli, &e);
	for (i = 0; i < cli->nargs; i++)
		files[i] = (struct import_file){ cli->args[i], NULL, 0, cli_option(cli, "--sheet") };
	/* over SSH the official is who, whatever a file's entered_by says */
	if (csv_import(cli->session.store, files, cli->nargs, encoding, cli->session.user,
		       !cli->session.identity.enforced, &stats, &errors) < 0) {
		print_errors(cli, &errors);
		return cli_fail(cli, _("nothing imported"));
	}
	snprintf(rows, sizeof rows, ngettext("%ld row", "%ld rows", (unsigned long)stats.rows),
		 stats.rows);
	snprintf(files_read, sizeof files_read, ngettext("%d file", "%d files", (unsigned long)cli->nargs),
		 cli->nargs);
	snprintf(changed, sizeof changed, ngettext("%ld value", "%ld values",
						   (unsigned long)stats.values_changed),
		 stats.values_changed);
	if (stats.kpi_fields_changed)
		snprintf(more[nmore++], sizeof more[0],
			 ngettext("%ld KPI field", "%ld KPI fields", (unsigned long)stats.kpi_fields_changed),
			 stats.kpi_fields_changed);
	if (stats.menus_changed)
		snprintf(more[nmore++], sizeof more[0],
			 ngettext("%ld row's grant menus", "%ld rows' grant menus",
				  (unsigned long)stats.menus_changed),
			 stats.menus_changed);
	if (nmore == 2)
		/* TRANSLATORS: "imported 29 rows from 1 file; 0 values, 1 KPI
		 * field and 1 row's grant menus changed". */
		fprintf(cli->out, _("imported %s from %s; %s, %s and %s changed"), rows, files_read,
			changed, more[0], more[1]);
	else if (nmore == 1)
		/* TRANSLATORS: "imported 29 rows from 1 file; 0 values and 1 KPI
		 * field changed". */
		fprintf(cli->out, _("imported %s from %s; %s and %s changed"), rows, files_read,
			changed, more[0]);
	else
		/* TRANSLATORS: "imported 3 rows from 1 file; 2 values changed". */
		fprintf(cli->out, _("imported %s from %s; %s changed"), rows, files_read, changed);
	/* a strategy table's rows renamed (their text corrected) or added,
	 * and those it no longer has */
	if (stats.rows_renamed || stats.rows_added) {
		snprintf(renamed, sizeof renamed, ngettext("%ld row", "%ld rows",
							   (unsigned long)stats.rows_renamed),
			 stats.rows_renamed);
		snprintf(added, sizeof added, ngettext("%ld row", "%ld rows",
						       (unsigned long)stats.rows_added),
			 stats.rows_added);
		/* TRANSLATORS: follows "imported 29 rows from 1 file; 0 values
		 * changed": "; 1 row renamed, 0 rows added". */
		fprintf(cli->out, _("; %s renamed, %s added"), renamed, added);
	}
	if (stats.rows_gone) {
		snprintf(gone, sizeof gone, ngettext("%ld row", "%ld rows",
						     (unsigned long)stats.rows_gone),
			 stats.rows_gone);
		/* TRANSLATORS: follows "imported 29 rows from 1 file; 0 values
		 * changed": "; 1 row no longer in the file, kept". */
		fprintf(cli->out, _("; %s no longer in the file, kept"), gone);
	}
	if (stats.kpis_moved) {
		snprintf(moved, sizeof moved, ngettext("%ld KPI", "%ld KPIs",
						       (unsigned long)stats.kpis_moved),
			 stats.kpis_moved);
		/* TRANSLATORS: follows "imported 29 rows from 1 file; 0 values
		 * changed": "; 1 KPI moved to the row the file puts it on". */
		fprintf(cli->out, _("; %s moved to the row the file puts it on"), moved);
	}
	fputc('\n', cli->out);
	return EXIT_DONE;
}

/* An export that failed: one to standard output that could not be
 * written says so (a file named with -o is named by its writer). */
static int fail_output(struct cli *cli, const char *path, struct error *e)
{
	if (!path)
		outfile_name_error(cli->out, _("standard output"), e);
	return cli_fail_error(cli, e);
}

/* Whether -o's name and --format agree: a file named .xlsx holds a
 * workbook, and a workbook is not written into a file named as text
 * (.csv, .md, .html), for Excel refuses the one and an editor shows the
 * other as ZIP bytes. Returns EXIT_DONE or the usage error. */
static int format_fits_name(struct cli *cli, const char *path, const char *format, int xlsx)
{
	static const char *const text_names[] = { ".csv", ".md", ".html", ".htm", ".txt" };
	size_t n = path ? strlen(path) : 0, i;

	if (!format || !path || strcmp(path, "-") == 0)
		return EXIT_DONE;
	if (!xlsx && xlsx_is_name(path))
		return usage_error(cli, _("--format %s writes text, but %s is named as a workbook:"
					  " name it for its format, or leave out --format"),
				   format, path);
	for (i = 0; xlsx && i < sizeof text_names / sizeof text_names[0]; i++)
		if (n > strlen(text_names[i]) &&
		    strcasecmp(path + n - strlen(text_names[i]), text_names[i]) == 0)
			return usage_error(cli, _("--format xlsx writes a workbook, but %s is named as"
						  " text: name it .xlsx, or leave out --format"),
					   path);
	return EXIT_DONE;
}

/* A meeting's number, text, given as what (--meeting, ID) into *id. */
int meeting_number(struct cli *cli, const char *what, const char *text, long long *id)
{
	char *end;

	/* Digits only, and no more than a meeting number holds: strtoll
	 * would take " 5" and make 2^63 - 1 of a longer number. */
	errno = 0;
	*id = strtoll(text, &end, 10);
	if (*end || *id <= 0 || errno == ERANGE || strspn(text, "0123456789") != strlen(text))
		return cli_fail(cli, _("%s: '%s' is not a meeting number"), what, text);
	return EXIT_DONE;
}

int run_report(struct cli *cli)
{
	const char *path = cli_option(cli, "-o"), *format = cli_option(cli, "--format");
	const char *meeting = cli_option(cli, "--meeting"), *year = cli_option(cli, "--year");
	struct report_options o = { .excel = cli_flag(cli, "--excel") };
	struct meter meter;
	struct error e;
	int rc;

	if (format && report_format_parse(format, &o.format, &e) < 0)
		return cli_fail_error(cli, &e);
	if (!format && path && xlsx_is_name(path))
		o.format = REPORT_XLSX;
	if (format_fits_name(cli, path, format, o.format == REPORT_XLSX) != EXIT_DONE)
		return EXIT_USAGE;
	if (o.format == REPORT_XLSX && binary_output(cli, path, _("a workbook")) != EXIT_DONE)
		return EXIT_FAILED;
	if (o.excel && o.format != REPORT_CSV)
		return usage_error(cli, _("--excel is for --format csv"));
	if (meeting && meeting_number(cli, "--meeting", meeting, &o.meeting_id) != EXIT_DONE)
		return EXIT_FAILED;
	if (year && parse_year(cli, year, &o.year) != EXIT_DONE)
		return EXIT_FAILED;
	/* a national report takes a while: how far, on a terminal, unless
	 * the report itself is going to that terminal */
	meter_start(&meter, stderr, isatty(STDERR_FILENO) && !(isatty(STDOUT_FILENO) &&
		    (!path || strcmp(path, "-") == 0)), 1000, "export report");
	o.tick = meter_tick;
	o.tick_ctx = &meter;
	rc = path ? report_write_file(cli->session.store, &o, path, &cli->session.files, &e)
		  : report_write(cli->session.store, &o, cli->out, &e);
	meter_end(&meter);
	return rc < 0 ? fail_output(cli, path, &e) : EXIT_DONE;
}

/* Says that project's block has more rows than the national form's. */
static void over_form(void *ctx, const char *project, int kpis)
{
	cli_fail(ctx, _("%s has %d KPIs, more than the national form's %d rows: its block"
			" has a row for each"), project, kpis, VERIFICATION_FORM_KPIS);
}

/* export verification: the national table of a year's 効果検証. */
int run_verification_table(struct cli *cli)
{
	const char *path = cli_option(cli, "-o"), *format = cli_option(cli, "--format");
	const char *year = cli_option(cli, "--year");
	struct verification_table_options o = { .excel = cli_flag(cli, "--excel"),
						.voices = cli_flag(cli, "--voices"),
						.year = verification_default_year(),
						.over_form = over_form, .ctx = cli };
	struct error e;
	int rc;

	if (cli_option(cli, "--meeting"))
		return usage_error(cli, _("--meeting is for export report"));
	if (format && report_format_parse(format, &o.format, &e) < 0)
		return cli_fail_error(cli, &e);
	if (!format && path && xlsx_is_name(path))
		o.format = REPORT_XLSX;
	else if (!format)
		o.format = REPORT_CSV;
	if (o.format == REPORT_XLSX && binary_output(cli, path, _("a workbook")) != EXIT_DONE)
		return EXIT_FAILED;
	if (o.excel && o.format != REPORT_CSV)
		return usage_error(cli, _("--excel is for --format csv"));
	if (year && parse_year(cli, year, &o.year) != EXIT_DONE)
		return EXIT_FAILED;
	rc = path ? verification_table_write_file(cli->session.store, &o, path, &cli->session.files, &e)
		  : verification_table_write(cli->session.store, &o, cli->out, &e);
	return rc < 0 ? fail_output(cli, path, &e) : EXIT_DONE;
}

int run_export(struct cli *cli)
{
	const char *path = cli_option(cli, "-o");
	const char *format = cli_option(cli, "--format");
	int excel = cli_flag(cli, "--excel"), xlsx;
	enum export_kind kind;
	struct error e;
	int rc;

	if (check_output(cli, path) != EXIT_DONE)
		return EXIT_FAILED;
	if (strcmp(cli->args[0], "report") == 0) {
		if (cli_flag(cli, "--voices"))
			return usage_error(cli, _("--voices is for export verification"));
		return run_report(cli);
	}
	if (strcmp(cli->args[0], "verification") == 0)
		return run_verification_table(cli);
	if (cli_option(cli, "--meeting") || cli_option(cli, "--year"))
		return usage_error(cli, _("--meeting and --year are for export report"));
	if (cli_flag(cli, "--voices"))
		return usage_error(cli, _("--voices is for export verification"));
	if (format && strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0)
		return usage_error(cli, _("--format: '%s' is neither csv nor xlsx"), format);
	xlsx = format ? strcmp(format, "xlsx") == 0 : path && xlsx_is_name(path);
	if (format_fits_name(cli, path, format, xlsx) != EXIT_DONE)
		return EXIT_USAGE;
	if (xlsx && excel)
		return usage_error(cli, _("--excel is for CSV, not xlsx"));
	if (xlsx && binary_output(cli, path, _("a workbook")) != EXIT_DONE)
		return EXIT_FAILED;
	if (csv_export_kind(cli->args[0], &kind, &e) < 0)
		return cli_fail_error(cli, &e);
	if (xlsx)
		rc = path ? xlsx_export_file(cli->session.store, kind, path, &cli->session.files, &e)
			  : xlsx_export(cli->session.store, kind, cli->out, &e);
	else
		rc = path ? csv_export_file(cli->session.store, kind, excel, path, &cli->session.files, &e)
			  : csv_export(cli->session.store, kind, excel, cli->out, &e);
	return rc < 0 ? fail_output(cli, path, &e) : EXIT_DONE;
}

static void print_due(void *ctx, const struct access_kpi *k)
{
	struct cli *cli = ctx;
	struct inert_pool pool = { 0 };

	fprintf(cli->out, "%s  %s\n", inert_str(&pool, k->code), inert_str(&pool, k->name));
	inert_pool_free(&pool);
}

/* due: the official's KPIs without last year's actual, one a line. */
int run_due(struct cli *cli)
{
	const char *year_text = cli_option(cli, "--year");
	int year = due_year(), pending, total, rc;
	struct error e;
	char fy[32];

	if (year_text && parse_year(cli, year_text, &year) != EXIT_DONE)
		return EXIT_FAILED;
	if (due_each(cli->session.store, &cli->session.identity, year, print_due, cli, &e) < 0)
		return cli_fail_error(cli, &e);
	/* the year's 効果検証, while it is open */
	rc = verification_pending(cli->session.store, &cli->session.identity, year, &pending, &total, &e);
	if (rc < 0)
		return cli_fail_error(cli, &e);
	if (rc == 1 && pending)
		fprintf(cli->out, _("効果検証 %s: %d of %d projects lack their final result\n"),
			fiscal_year_format(year, fy, sizeof fy), pending, total);
	return EXIT_DONE;
}
