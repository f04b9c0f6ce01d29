/* command.c: the : commands, as a table of name, usage and what runs:
 * goto, year, export, meeting, verification, quit; and what each verb
 * needs of the official's role, as a table checked once before it runs. */
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

/* What a command's verb (its argument's first word; NULL: any) needs of
 * the official's role, and what it does, as the refusal says it. Scope
 * (which KPIs) is the verb's own check, per KPI. */
static const struct command_right {
	const char *name, *verb;
	enum access_action right;
	const char *what;
} rights[] = {
	/* a file of the server's account: an admin's, over SSH */
	{ "export", NULL, ACCESS_ADMIN,
	  N_("export to a file on the server (ssh ... export KIND > FILE instead)") },
	/* starting, changing and ending a meeting, and who took part, is
	 * recording in it; the organisation is the database's */
	{ "meeting", "start", ACCESS_EVALUATE, N_("start a meeting") },
	{ "meeting", "agenda", ACCESS_EVALUATE, N_("change a meeting's agenda") },
	{ "meeting", "end", ACCESS_EVALUATE, N_("end a meeting") },
	{ "meeting", "attend", ACCESS_EVALUATE, N_("record who took part in a meeting") },
	{ "meeting", "absent", ACCESS_EVALUATE, N_("record who took part in a meeting") },
	{ "meeting", "organisation", ACCESS_ADMIN, N_("name the organisation holding the meetings") },
	{ "verification", "open", ACCESS_EVALUATE, N_("open a year's verification") },
	{ "verification", "close", ACCESS_EVALUATE, N_("close a year's verification") },
};

/* Whether the official may run command name with arg; else says why and
 * logs the refusal. */
static int permitted(struct browser *b, const char *name, const char *arg)
{
	char verb[64] = "", who[1024], what[300];
	size_t i;

	if (arg)
		snprintf(verb, sizeof verb, "%.*s", (int)strcspn(arg, " "), arg);
	for (i = 0; i < sizeof rights / sizeof rights[0]; i++) {
		if (strcmp(rights[i].name, name) != 0 ||
		    (rights[i].verb && strcmp(rights[i].verb, verb) != 0) ||
		    access_may(&b->session->identity, rights[i].right))
			continue;
		browser_say(b, _("not permitted: %s may not %s"),
			    access_describe(&b->session->identity, who, sizeof who), _(rights[i].what));
		snprintf(what, sizeof what, "browse: :%s%s%s", name, *verb ? " " : "", verb);
		access_log_refusal(b->session->db_path, &b->session->identity, what, b->message);
		return 0;
	}
	return 1;
}

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
			if (permitted(b, text, arg))
				commands[i].run(b, arg);
			return;
		}
	for (i = 0; i < NCOMMANDS; i++)
		if (commands[i].usage)
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
						 used ? ", " : "", commands[i].usage);
	browser_say(b, _("no command '%s' (%s)"), text, list);
}
