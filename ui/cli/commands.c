/* commands.c: the command table (name, usage, options, run) and the
 * help generated from it. */
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

/* browse is filled in from the caller's browse function. */
const struct command commands[] = {
	{ "browse", "browse [--year FY] [--keys KEYS] [--ambiguous-width 1|2] [--cursor bar|arrow] [--no-mouse] [--key-times]",
	  N_("the full-screen browser (the default command)"), 0, 0, DB_READ, ACCESS_READ,
	  { { "--year", 1, N_("fiscal year to show") },
	    { "--keys", 1, N_("keystrokes to play first, as tmux key names") },
	    { "--ambiguous-width", 1, N_("1 or 2: columns of ①, ■, → in your terminal") },
	    { "--cursor", 1, N_("bar (default) or arrow: the tree's selected row in reverse video, or"
	      " marked by >, which a cursor move redraws in a few bytes (a slow link)") },
	    { "--no-mouse", 0, N_("leave the mouse to the terminal (select and copy text)") },
	    { "--key-times", 0, N_("on leaving, each key's time from its taking to the screen"
	      " updated, on standard error (for benchmarks)") } }, NULL, NULL },
	{ "init", "init [--empty]",
	  N_("create the database"), 0, 0, DB_CREATE, ACCESS_ADMIN,
	  { { "--empty", 0, N_("create it without the bundled data") } }, run_init, NULL },
	{ "import", "import FILE... [--encoding utf-8|cp932] [--sheet NAME]",
	  N_("load CSV files or .xlsx workbooks (strategy, projects, actuals, a rank scheme, the"
	  " assessment and policy lists; told by their headers), all in one transaction"), 1, CLI_MAX_ARGS, DB_WRITE,
	  ACCESS_ADMIN,
	  { { "--encoding", 1, N_("the files' encoding (default: detected)") },
	    { "--sheet", 1, N_("workbooks: the sheet to read (default: the first)") } }, run_import, NULL },
	{ "export", "export KIND [-o FILE] [--force] [--excel] [--meeting ID] [--year FY]"
	  " [--format md|html|csv|xlsx] [--voices]",
	  N_("KIND: kpis, actuals, strategy, projects, report, verification (the national table"
	  " of a year's 効果検証); standard output by default"),
	  1, 1, DB_READ, ACCESS_READ,
	  { { "-o", 1, N_("write to FILE (replaced whole, or left as it was)") },
	    { "--excel", 0, N_("UTF-8 with BOM and CRLF, for Excel") },
	    { "--meeting", 1, N_("report: that meeting's minutes (default: every KPI)") },
	    { "--year", 1, N_("report: the fiscal year judged (default: the meeting's);"
			      " verification: the year verified (default: the last one ended)") },
	    { "--format", 1, N_("report: md (default), html, csv or xlsx; verification: csv"
				" (default), md, html or xlsx; the other kinds: csv (default)"
				" or xlsx; xlsx is an Excel workbook (also by -o FILE.xlsx), and only"
				" it goes into a FILE.xlsx") },
	    { "--force", 0, N_("over SSH: replace a file of the export folder") },
	    { "--voices", 0, N_("verification: the committee's sheet, the suggestion and the three"
				" voices of each project side by side") } }, run_export, NULL },
	{ "show", "show CODE [--year FY]",
	  N_("a KPI as text: baseline, target, plan/actual per year, progress, status,"
	  " proposed rank, latest evaluation, open action items"),
	  1, 1, DB_READ, ACCESS_READ,
	  { { "--year", 1, N_("the year whose progress and status to state") } }, run_show, NULL },
	{ "set", "set CODE FY VALUE [--plan] [--note TEXT] [--expect OLD] [--force]",
	  N_("record an actual (or a plan), with the decimals written (33.00); VALUE - clears it"),
	  3, 3, DB_WRITE, ACCESS_EDIT,
	  { { "--plan", 0, N_("set the plan, not the actual") },
	    { "--note", 1, N_("a note stored with the value (default: keep the stored one;"
			      " - clears it)") },
	    { "--expect", 1, N_("refuse unless the stored value is OLD (- for none)") },
	    { "--force", 0, N_("store an unusual actual (ten times last year's, or the wrong"
			       " side of the baseline); the history says so") } },
	  run_set, NULL },
	{ "history", "history CODE",
	  N_("every change to that KPI, its fields and its rows' grant menus: when, who, what"
	     " was there, what came"),
	  1, 1, DB_READ, ACCESS_READ, { { NULL, 0, NULL } }, run_history, NULL },
	{ "check", "check [--quick]",
	  N_("integrity of the file and of the data's own rules"), 0, 0, DB_READ, ACCESS_READ,
	  { { "--quick", 0, N_("in seconds: SQLite's quick_check, and the rules that"
			       " read a few rows") } }, run_check, NULL },
	{ "backup", "backup FILE [--force]",
	  N_("a consistent copy while others keep working"), 1, 1, DB_READ, ACCESS_ADMIN,
	  { { "--force", 0, N_("over SSH: replace a file of the export folder") } }, run_backup, NULL },
	{ "due", "due [--year FY] [--file FILE]",
	  N_("the KPIs in your scope that still lack last fiscal year's actual, and while that"
	  " year's 効果検証 is open, how many of its projects lack their final result"), 0, 0,
	  DB_READ,
	  ACCESS_READ,
	  { { "--year", 1, N_("another fiscal year than last year") },
	    { "--file", 1, N_("the authorized_keys file that gives --user's scope") } }, run_due, NULL },
	{ "meeting", "meeting attend ID ROLE NAME, meeting absent ID NAME,\n"
	  "  meeting organisation NAME",
	  N_("who took part in meeting ID, as its minutes list them: a name and a role (会長, 委員,"
	  " 事務局 or any other word); and the organisation holding the meetings (admin)"),
	  2, 4, DB_WRITE, ACCESS_EVALUATE, { { NULL, 0, NULL } }, run_meeting, NULL },
	{ "access", "access add NAME PUBKEYFILE --role viewer|editor|admin [--scope SCOPE]...\n"
	  "  [--lang ja|en] [--expires YYYY-MM-DD] [--file FILE]\n"
	  "  access set NAME --role viewer|editor|admin [--scope SCOPE]... [--lang ja|en]\n"
	  "  access list [--file FILE], access remove NAME [FINGERPRINT] [--file FILE],\n"
	  "  access rotate NAME FINGERPRINT PUBKEYFILE [--file FILE],\n"
	  "  access disable NAME [--file FILE], access enable NAME [--file FILE],\n"
	  "  access log [--since YYYY-MM-DD]",
	  N_("who may use kpitree over SSH: kpitree's lines of ~/.ssh/authorized_keys, and the"
	  " audit log of every change to them, every SSH session and every refusal"),
	  1, 4, DB_READ, ACCESS_ADMIN,
	  { { "--role", 1, N_("viewer (reads, exports), editor (also enters values), admin (all)") },
	    { "--scope", REPEATED, N_("a strategy, strategy project, grant project or municipality") },
	    { "--lang", 1, N_("the official's language over SSH: ja (default) or en") },
	    { "--file", 1, N_("another authorized_keys file") },
	    { "--expires", 1, N_("access add: the last day the key gets in (YYYY-MM-DD)") },
	    { "--since", 1, N_("access log: from that day on (YYYY-MM-DD, local time)") } },
	  run_access, access_db_need },
	{ "verification", "verification open|close [--year FY]\n"
	  "  verification status [--year FY] [--file FILE]\n"
	  "  verification amount PROJECT YEN [--kind KIND] [--year FY]\n"
	  "  verification self PROJECT --effect CODE [--policy CODE] [--reason TEXT] [--expect CODE]"
	  " [--year FY]\n"
	  "  verification committee PROJECT --verdict CODE [--opinion TEXT] [--meeting ID]"
	  " [--expect CODE] [--year FY]\n"
	  "  verification final PROJECT --effect CODE --policy CODE --reason TEXT [--expect CODE]"
	  " [--year FY]\n"
	  "  verification revised yes|no [--year FY], verification history PROJECT\n"
	  "  verification unknown|known CODE [--reason TEXT] [--year FY]\n"
	  "  verification describes CODE FY2|none [--year FY], verification increment CODE on|off\n"
	  "  verification direction CODE up|down",
	  N_("the yearly 効果検証 of the grant projects (default: the last fiscal year ended): the"
	  " projects due with the 事業効果 their KPIs suggest and why, each project's 実績額 and"
	  " 交付金の種類, and three voices kept apart: the self-assessment, the outside experts'"
	  " 事業の評価 and 意見, the final result with its 理由"),
	  1, 3, DB_READ, ACCESS_READ,
	  { { "--year", 1, N_("the fiscal year verified") },
	    { "--effect", 1, N_("事業効果: a code of the assessment list (①..④); other than the"
				" suggested one, give --reason") },
	    { "--policy", 1, N_("今後の方針: a code of the policy list") },
	    { "--reason", 1, N_("why: 今後の方針の理由 (final), or why not the suggestion") },
	    { "--verdict", 1, N_("事業の評価: a code of the verdict list") },
	    { "--opinion", 1, N_("外部有識者からの意見") },
	    { "--meeting", 1, N_("the meeting the committee gave it at") },
	    { "--expect", 1, N_("self, committee, final: refuse unless the voice stored is CODE"
				" (its 事業効果; the committee's 事業の評価), - for none yet") },
	    { "--kind", 1, N_("交付金の種類, as the grant's decision names it") },
	    { "--file", 1, N_("status: the authorized_keys file naming the officials (default:"
			      " the account's)") } },
	  run_verification, verification_db_need },
};

const size_t ncommands = sizeof commands / sizeof commands[0];

void cli_help(FILE *f)
{
	size_t i;
	int j;

	fputs(_("Usage: kpitree [--db FILE] [--user NAME] [--read-only] [--lang ja|en] [COMMAND [ARGS]]\n"
		"\n"
		"Browse and keep the KPIs of Hokkaido's regional-development strategy and\n"
		"of grant-funded projects: baselines, targets, plans and actuals per year.\n"
		"\n"
		"Commands:\n"), f);
	for (i = 0; i < ncommands; i++) {
		fprintf(f, "  %s\n      %s\n", commands[i].usage, _(commands[i].summary));
		for (j = 0; j < CLI_OPTIONS_MAX && commands[i].options[j].name; j++)
			fprintf(f, "      %-10s %s\n", commands[i].options[j].name,
				_(commands[i].options[j].help));
	}
	fputs(_("\n"
	      "Options:\n"
	      "  --db FILE      the database (default: $KPITREE_DB, else\n"
	      "                 $XDG_DATA_HOME/kpitree/kpitree.db)\n"
	      "  --user NAME    who is recorded in the history (default: $KPITREE_USER,\n"
	      "                 else the login name)\n"
	      "  --read-only    open the database read-only\n"
	      "  --lang ja|en   the interface's language (default: $KPITREE_LANG, else\n"
	      "                 the locale's; over SSH, the key's: see access add --lang)\n"
	      "  --ssh-user NAME, --ssh-role ROLE, --ssh-scope SCOPE, --ssh-lang ja|en\n"
	      "                 who the official of an SSH key is: what `kpitree access add`\n"
	      "                 writes into a key's forced command; the words an SSH client\n"
	      "                 sends (SSH_ORIGINAL_COMMAND) follow them, and may not hold\n"
	      "                 --db, --user, --lang or --ssh-*, nor --file but for an\n"
	      "                 admin's command\n"
	      "  --ssh-exports FOLDER, --ssh-keys FILE, --ssh-recheck SECONDS,\n"
	      "  --ssh-idle SECONDS, --ssh-key FINGERPRINT\n"
	      "                 with --ssh-user: the folder files asked for go into (default:\n"
	      "                 the database's path with -exports); the keys file whose line\n"
	      "                 grants the session, read again before each write and every\n"
	      "                 SECONDS (10); a browser idle for SECONDS ends (0: never);\n"
	      "                 the key's fingerprint, for the audit log\n"
	      "  -h, --help     this text\n"
	      "  -V, --version  the version\n"
	      "\n"
	      "Fiscal years: 2025, FY2025, 2025年度, R7, 令和7, 令和7年度, H30, 平成30 (H31 = R1).\n"
	      "Exit status: 0 done, 1 refused or failed, 2 usage.\n"
	      "See kpitree(1) for the whole story.\n"), f);
}

const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < ncommands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}
