/* command.c: the : commands, as a table of name, usage and what runs:
 * goto, year, export, meeting, verification, quit. */
#include "browse.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

#include "csv_export.h"
#include "dialog.h"
#include "fiscal_year.h"
#include "report.h"
#include "xlsx_write.h"
#include "outfile.h"

/* :export report FILE: the open meeting's minutes (or every KPI), in the
 * format of FILE's extension: .html, .csv (for Excel), .xlsx (a
 * workbook), else Markdown. */
static void export_report(struct browser *b, const char *file)
{
	struct report_options o = { .meeting_id = b->meeting.id, .year = b->year };
	const char *dot = strrchr(file, '.');
	struct error err;

	if (b->meeting.id)
		o.year = b->meeting.year;
	if (dot && strcmp(dot, ".html") == 0)
		o.format = REPORT_HTML;
	else if (dot && strcmp(dot, ".csv") == 0)
		o.format = REPORT_CSV, o.excel = 1;
	else if (xlsx_is_name(file))
		o.format = REPORT_XLSX;
	if (report_write_file(b->s, &o, file, &b->session->files, &err) < 0)
		browser_say(b, "%s", err.text);
	else
		browser_say(b, _("wrote %s"), file);
}

static void export_file(struct browser *b, char *arg)
{
	char *file = arg ? strchr(arg, ' ') : NULL;
	enum export_kind kind;
	struct error err;

	if (!file) {
		browser_say(b, _("usage: :export KIND FILE"));
		return;
	}
	/* a file of the server's account: an admin's, over SSH */
	if (!access_may(&b->session->identity, ACCESS_ADMIN)) {
		browser_say(b, _("not permitted: export to a file on the server; "
			    "ssh ... export KIND > FILE instead"));
		access_log_refusal(b->session->db_path, &b->session->identity, "browse: :export", b->message);
		return;
	}
	*file++ = '\0';
	/* over SSH: a plain name in the export folder, or refused and logged */
	if (b->session->files.folder && outfile_check(file, &b->session->files, &err) < 0) {
		browser_say(b, _("not permitted: %s"), err.text);
		access_log_refusal(b->session->db_path, &b->session->identity, "browse: :export", b->message);
		return;
	}
	if (strcmp(arg, "report") == 0) {
		export_report(b, file);
		return;
	}
	if (csv_export_kind(arg, &kind, &err) < 0 ||
	    (xlsx_is_name(file) ? xlsx_export_file(b->s, kind, file, &b->session->files, &err)
				: csv_export_file(b->s, kind, 0, file, &b->session->files, &err)) < 0)
		browser_say(b, "%s", err.text);
	else
		browser_say(b, _("wrote %s"), file);
}

static void run_goto(struct browser *b, char *arg)
{
	browser_goto(b, arg);
}

static void run_year(struct browser *b, char *arg)
{
	struct error err;
	int year;

	if (fiscal_year_parse(arg, &year, &err) < 0)
		browser_say(b, "%s", err.text);
	else {
		b->year = year;
		b->year_chosen = 1;
	}
}

static void run_quit(struct browser *b, char *arg)
{
	(void)arg;
	browser_quit(b);
}

/* The : commands: a name, how it is used (NULL: not listed), whether it
 * takes its argument without fail, and what runs. */
static const struct command {
	const char *name;
	const char *usage;
	int needs_arg;
	void (*run)(struct browser *b, char *arg);
} commands[] = {
	{ "goto", "goto CODE", 1, run_goto },
	{ "year", "year FY", 1, run_year },
	{ "export", "export KIND FILE", 0, export_file },
	{ "meeting", "meeting ...", 0, meeting_command },
	{ "verification", "verification ...", 0, verification_command },
	{ "q", NULL, 0, run_quit },
	{ "quit", "quit", 0, run_quit },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

void command_run(struct browser *b)
{
	char text[256] = "", list[256], *arg;
	size_t i, used = 0;

	if (!dialog_prompt(":", text, sizeof text, NULL, NULL))
		return;
	arg = strchr(text, ' ');
	if (arg)
		*arg++ = '\0';
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(text, commands[i].name) == 0 && (arg || !commands[i].needs_arg)) {
			commands[i].run(b, arg);
			return;
		}
	for (i = 0; i < NCOMMANDS; i++)
		if (commands[i].usage)
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
						 used ? ", " : "", commands[i].usage);
	browser_say(b, _("no command '%s' (%s)"), text, list);
}
