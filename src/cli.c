/* cli.c: the command table (name, usage, options, run), argument parsing,
 * opening the database each command needs, and exit statuses. */
#include "cli.h"
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

enum db_need { DB_NONE, DB_READ, DB_WRITE, DB_CREATE };

/* has_value: 0 a flag, 1 a value, REPEATED a value each time it is
 * given (into cli->repeated). */
enum { REPEATED = 2 };

struct option_spec {
	const char *name;
	int has_value;
	const char *help;
};

struct command {
	const char *name;
	const char *usage;
	const char *summary;
	int min_args, max_args;
	enum db_need db;
	enum access_action need;	/* what the role must allow */
	struct option_spec options[8];
	int (*run)(struct cli *cli);
};

static int run_init(struct cli *cli);
static int run_show(struct cli *cli);
static int run_set(struct cli *cli);
static int run_history(struct cli *cli);
static int run_check(struct cli *cli);
static int run_backup(struct cli *cli);
static int run_import(struct cli *cli);
static int run_export(struct cli *cli);
static int run_access(struct cli *cli);
static int run_due(struct cli *cli);
static int run_verification(struct cli *cli);
static int run_meeting(struct cli *cli);
static enum db_need db_need(const struct cli *cli);

/* browse is filled in from the caller's browse function. */
static const struct command commands[] = {
	{ "browse", "browse [--year FY] [--keys KEYS] [--ambiguous-width 1|2] [--cursor bar|arrow] [--no-mouse]",
	  N_("the full-screen browser (the default command)"), 0, 0, DB_READ, ACCESS_READ,
	  { { "--year", 1, N_("fiscal year to show") },
	    { "--keys", 1, N_("keystrokes to play first, as tmux key names") },
	    { "--ambiguous-width", 1, N_("1 or 2: columns of ①, ■, → in your terminal") },
	    { "--cursor", 1, N_("bar (default) or arrow: the tree's selected row in reverse video, or"
	      " marked by >, which a cursor move redraws in a few bytes (a slow link)") },
	    { "--no-mouse", 0, N_("leave the mouse to the terminal (select and copy text)") } }, NULL },
	{ "init", "init [--empty]",
	  N_("create the database"), 0, 0, DB_CREATE, ACCESS_ADMIN,
	  { { "--empty", 0, N_("create it without the bundled data") } }, run_init },
	{ "import", "import FILE... [--encoding utf-8|cp932] [--sheet NAME]",
	  N_("load CSV files or .xlsx workbooks (strategy, projects, actuals, a rank scheme, the"
	  " assessment and policy lists; told by their headers), all in one transaction"), 1, CLI_MAX_ARGS, DB_WRITE,
	  ACCESS_ADMIN,
	  { { "--encoding", 1, N_("the files' encoding (default: detected)") },
	    { "--sheet", 1, N_("workbooks: the sheet to read (default: the first)") } }, run_import },
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
				" voices of each project side by side") } }, run_export },
	{ "show", "show CODE [--year FY]",
	  N_("a KPI as text: baseline, target, plan/actual per year, progress, status,"
	  " proposed rank, latest evaluation, open action items"),
	  1, 1, DB_READ, ACCESS_READ,
	  { { "--year", 1, N_("the year whose progress and status to state") } }, run_show },
	{ "set", "set CODE FY VALUE [--plan] [--note TEXT] [--expect OLD] [--force]",
	  N_("record an actual (or a plan), with the decimals written (33.00); VALUE - clears it"), 3, 3, DB_WRITE, ACCESS_EDIT,
	  { { "--plan", 0, N_("set the plan, not the actual") },
	    { "--note", 1, N_("a note stored with the value (default: keep the stored one;"
			      " - clears it)") },
	    { "--expect", 1, N_("refuse unless the stored value is OLD (- for none)") },
	    { "--force", 0, N_("store an unusual actual (ten times last year's, or the wrong"
			       " side of the baseline); the history says so") } },
	  run_set },
	{ "history", "history CODE",
	  N_("every change to that KPI, its fields and its rows' grant menus: when, who, what was there, what came"),
	  1, 1, DB_READ, ACCESS_READ, { { NULL, 0, NULL } }, run_history },
	{ "check", "check [--quick]",
	  N_("integrity of the file and of the data's own rules"), 0, 0, DB_READ, ACCESS_READ,
	  { { "--quick", 0, N_("in seconds: SQLite's quick_check, and the rules that"
			       " read a few rows") } }, run_check },
	{ "backup", "backup FILE [--force]",
	  N_("a consistent copy while others keep working"), 1, 1, DB_READ, ACCESS_ADMIN,
	  { { "--force", 0, N_("over SSH: replace a file of the export folder") } }, run_backup },
	{ "due", "due [--year FY] [--file FILE]",
	  N_("the KPIs in your scope that still lack last fiscal year's actual, and while that"
	  " year's 効果検証 is open, how many of its projects lack their final result"), 0, 0,
	  DB_READ,
	  ACCESS_READ,
	  { { "--year", 1, N_("another fiscal year than last year") },
	    { "--file", 1, N_("the authorized_keys file that gives --user's scope") } }, run_due },
	{ "meeting", "meeting attend ID ROLE NAME, meeting absent ID NAME,\n"
	  "  meeting organisation NAME",
	  N_("who took part in meeting ID, as its minutes list them: a name and a role (会長, 委員,"
	  " 事務局 or any other word); and the organisation holding the meetings (admin)"),
	  2, 4, DB_WRITE, ACCESS_EVALUATE, { { NULL, 0, NULL } }, run_meeting },
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
	  run_access },
	{ "verification", "verification open|status|close [--year FY]\n"
	  "  verification amount PROJECT YEN [--kind KIND] [--year FY]\n"
	  "  verification self PROJECT --effect CODE [--policy CODE] [--reason TEXT] [--year FY]\n"
	  "  verification committee PROJECT --verdict CODE [--opinion TEXT] [--meeting ID]"
	  " [--year FY]\n"
	  "  verification final PROJECT --effect CODE --policy CODE --reason TEXT [--year FY]\n"
	  "  verification revised yes|no [--year FY], verification history PROJECT\n"
	  "  verification unknown|known CODE [--reason TEXT] [--year FY]\n"
	  "  verification describes CODE FY2 [--year FY], verification increment CODE on|off",
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
	    { "--kind", 1, N_("交付金の種類, as the grant's decision names it") } },
	  run_verification },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* "kpitree: " and the message on f, made inert: it may quote a file's
 * cell or a stored text. */
static void print_message(FILE *f, const char *fmt, va_list ap)
{
	char text[8192];

	vsnprintf(text, sizeof text, fmt, ap);
	fputs("kpitree: ", f);
	inert_fputs(text, f);
}

int cli_fail(struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_message(cli->err, fmt, ap);
	va_end(ap);
	fputc('\n', cli->err);
	return EXIT_FAILED;
}

int cli_fail_error(struct cli *cli, const struct error *e)
{
	char text[1024];

	return cli_fail(cli, "%s", error_format(e, text, sizeof text));
}

static int usage_error(struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int usage_error(struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_message(cli->err, fmt, ap);
	va_end(ap);
	fputs(_("\nTry 'kpitree --help'.\n"), cli->err);
	return EXIT_USAGE;
}

static int option_index(const struct command *c, const char *name)
{
	int i;

	for (i = 0; i < 8 && c->options[i].name; i++)
		if (strcmp(c->options[i].name, name) == 0)
			return i;
	return -1;
}

const char *cli_option(const struct cli *cli, const char *name)
{
	int i = option_index(cli->command, name);

	return i < 0 ? NULL : cli->options[i];
}

int cli_flag(const struct cli *cli, const char *name)
{
	int i = option_index(cli->command, name);

	return i >= 0 && cli->flags[i];
}

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
	for (i = 0; i < NCOMMANDS; i++) {
		fprintf(f, "  %s\n      %s\n", commands[i].usage, _(commands[i].summary));
		for (j = 0; j < 8 && commands[i].options[j].name; j++)
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
	      "                 --db, --user, --lang or --ssh-*\n"
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

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* An argument that starts with "--", or is a lone short option we know,
 * is an option; "-" and "-3" are values. */
static int is_option(const char *arg)
{
	return strncmp(arg, "--", 2) == 0 || strcmp(arg, "-h") == 0 || strcmp(arg, "-V") == 0 ||
	       strcmp(arg, "-o") == 0;
}

enum { PARSED = -1, REFUSED = -2 };

/* What the global options gave: the database, the user, and what a
 * key's forced command says of its official. */
struct globals {
	const char *db, *user;
	const char *ssh_user, *ssh_role, *ssh_exports, *ssh_keys, *ssh_recheck, *ssh_idle, *ssh_key;
	const char *ssh_scopes[ACCESS_MAX_SCOPES];
	int nssh_scopes;
	char refused[256];	/* why the words of an SSH client were refused */
};

/* Where the global option name keeps its one value, or NULL for an
 * option that is not such. */
static const char **global_value(struct globals *g, const char *name)
{
	const struct {
		const char *name;
		const char **value;
	} options[] = {
		{ "--db", &g->db }, { "--user", &g->user }, { "--ssh-user", &g->ssh_user },
		{ "--ssh-role", &g->ssh_role }, { "--ssh-exports", &g->ssh_exports },
		{ "--ssh-keys", &g->ssh_keys }, { "--ssh-recheck", &g->ssh_recheck },
		{ "--ssh-idle", &g->ssh_idle }, { "--ssh-key", &g->ssh_key },
	};
	size_t i;

	for (i = 0; i < sizeof options / sizeof options[0]; i++)
		if (strcmp(name, options[i].name) == 0)
			return options[i].value;
	return NULL;
}

/* Options that choose the database, who one is, or the language (main.c
 * has set the locale from them already): a forced command sets them, and
 * an SSH client may not. */
static int widens(const char *arg)
{
	return strcmp(arg, "--db") == 0 || strcmp(arg, "--user") == 0 ||
	       strcmp(arg, "--lang") == 0 || strncmp(arg, "--ssh-", 6) == 0;
}

/* Parses argv into cli; from argv[untrusted] on, the words come from an
 * SSH client. Returns PARSED, REFUSED (g->refused says why), or an exit
 * status to stop with. */
static int parse(struct cli *cli, int argc, char **argv, int untrusted, struct globals *g)
{
	int i;

	cli->command = NULL;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		int k;

		/* access add has a --lang of its own: the key's language */
		if (strcmp(a, "--lang") == 0 && cli->command && option_index(cli->command, a) >= 0)
			goto command_option;
		if (i >= untrusted && is_option(a) && widens(a)) {
			snprintf(g->refused, sizeof g->refused, _("%s is not for a key's command"), a);
			return REFUSED;
		}

		if (!is_option(a)) {
			if (!cli->command) {
				cli->command = find_command(a);
				if (!cli->command)
					return usage_error(cli, _("no command '%s'"), a);
				continue;
			}
			if (cli->nargs == CLI_MAX_ARGS)
				return usage_error(cli, _("too many arguments"));
			cli->args[cli->nargs++] = a;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			cli_help(cli->out);
			return EXIT_DONE;
		}
		if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			fprintf(cli->out, "kpitree %s\n", PACKAGE_VERSION);
			return EXIT_DONE;
		}
		if (strcmp(a, "--read-only") == 0) {
			cli->read_only = 1;
			continue;
		}
		if (widens(a)) {
			if (i + 1 >= argc)
				return usage_error(cli, _("%s needs a value"), a);
			const char **value = global_value(g, a);

			if (value)
				*value = argv[++i];
			else if ((strcmp(a, "--lang") == 0 || strcmp(a, "--ssh-lang") == 0) &&
				 !i18n_lang_ok(argv[i + 1]))
				return usage_error(cli, _("%s: '%s' is neither ja nor en"), a, argv[i + 1]);
			else if (strcmp(a, "--lang") == 0 || strcmp(a, "--ssh-lang") == 0)
				i++;	/* main.c has set the locale by it */
			else if (strcmp(a, "--ssh-scope") == 0 && g->nssh_scopes == ACCESS_MAX_SCOPES)
				return usage_error(cli, _("--ssh-scope: at most %d"), ACCESS_MAX_SCOPES);
			else if (strcmp(a, "--ssh-scope") == 0)
				g->ssh_scopes[g->nssh_scopes++] = argv[++i];
			else
				return usage_error(cli, _("no option '%s'"), a);
			continue;
		}
		if (!cli->command)
			cli->command = find_command("browse");
command_option:
		k = option_index(cli->command, a);
		if (k < 0)
			return usage_error(cli, _("%s has no option '%s'"), cli->command->name, a);
		if (cli->command->options[k].has_value) {
			if (i + 1 >= argc)
				return usage_error(cli, _("%s needs a value"), a);
			cli->options[k] = argv[++i];
		}
		if (cli->command->options[k].has_value == REPEATED) {
			if (cli->nrepeated == ACCESS_MAX_SCOPES)
				return usage_error(cli, _("%s: at most %d"), a, ACCESS_MAX_SCOPES);
			cli->repeated[cli->nrepeated++] = cli->options[k];
		}
		cli->flags[k] = 1;
	}
	if (!cli->command)
		cli->command = find_command("browse");
	if (cli->nargs < cli->command->min_args || cli->nargs > cli->command->max_args)
		return usage_error(cli, _("usage: kpitree %s"), cli->command->usage);
	return PARSED;
}

static int print_errors(struct cli *cli, const struct error_list *errors)
{
	int i;

	for (i = 0; i < errors->n; i++)
		cli_fail_error(cli, &errors->items[i]);
	if (errors->more)
		cli_fail(cli, ngettext("%ld more error", "%ld more errors",
				       (unsigned long)errors->more), errors->more);
	return EXIT_FAILED;
}

#define MAX_ERRORS 20

/* A new database gets the bundled data before it takes its name (see
 * store_create), so that a failed or killed command leaves nothing. */
static int load_bundled(struct store *s, void *ctx, struct error *err)
{
	struct cli *cli = ctx;
	struct error items[MAX_ERRORS];
	struct error_list errors = { items, 0, MAX_ERRORS, 0 };
	struct import_stats stats;

	if (bundled_import(s, cli->user, &stats, &errors) == 0)
		return 0;
	print_errors(cli, &errors);
	return error_set(err, _("%s: not created: the bundled data did not import"), cli->db_path);
}

/* Opens the database the command needs. The default database is created
 * the first time it is needed; a named one must exist. */
static int open_store(struct cli *cli, const char *db_option)
{
	enum path_source source;
	enum store_mode mode;
	struct error err;
	enum db_need need = db_need(cli);

	if (paths_database(db_option, cli->db_path, sizeof cli->db_path, &source, &err) < 0)
		return cli_fail_error(cli, &err);
	if (need == DB_CREATE) {
		mode = STORE_CREATE;
	} else if (access(cli->db_path, F_OK) != 0 && source == PATH_DEFAULT) {
		if (paths_make_parent(cli->db_path, &err) < 0)
			return cli_fail_error(cli, &err);
		mode = STORE_CREATE;
	} else if (cli->read_only || (need == DB_READ && !store_writable(cli->db_path))) {
		mode = STORE_READ_ONLY;
	} else {
		mode = STORE_READ_WRITE;
	}
	if (need == DB_WRITE && cli->read_only)
		return cli_fail(cli, _("%s: not changed: the database is open read-only (--read-only)"),
				cli->db_path);
	if (need == DB_WRITE && access(cli->db_path, W_OK) != 0 && access(cli->db_path, F_OK) == 0) {
		char why[4200];

		snprintf(why, sizeof why, _("%s: not changed: you may not write this database"),
			 cli->db_path);
		/* over SSH, a session that could not begin leaves a trace: in
		 * the file beside, since the database takes nothing */
		if (cli->identity.enforced)
			access_log_refusal(cli->db_path, &cli->identity, cli->what, why);
		return cli_fail(cli, "%s", why);
	}
	if (mode == STORE_CREATE && !(need == DB_CREATE && cli_flag(cli, "--empty")))
		cli->store = store_create(cli->db_path, load_bundled, cli, &err);
	else
		cli->store = store_open(cli->db_path, mode, &err);
	if (!cli->store)
		return cli_fail_error(cli, &err);
	return EXIT_DONE;
}

int cli_refuse(struct cli *cli, const char *why)
{
	char path[4096];
	enum path_source source;

	if (!*cli->db_path && paths_database(NULL, path, sizeof path, &source, NULL) == 0)
		snprintf(cli->db_path, sizeof cli->db_path, "%s", path);
	access_log_refusal(cli->db_path, &cli->identity, cli->what, why);
	return cli_fail(cli, _("not permitted: %s"), why);
}

/* The official a forced command names, bound by role and scope; with
 * the words of the SSH client's command (SSH_ORIGINAL_COMMAND) after
 * the forced ones in argv, so that they are parsed as one command line.
 * Returns PARSED or an exit status. */
static int ssh_identity(struct cli *cli, const struct globals *g)
{
	struct access_identity *id = &cli->identity;
	struct error e;
	int i;

	if (!access_name_ok(g->ssh_user))
		return usage_error(cli, _("--ssh-user: '%s' is not a name"), g->ssh_user);
	if (!g->ssh_role)
		return usage_error(cli, _("--ssh-user needs --ssh-role"));
	snprintf(id->name, sizeof id->name, "%s", g->ssh_user);
	if (access_role_parse(g->ssh_role, &id->role, &e) < 0)
		return usage_error(cli, _("--ssh-role: %s"), e.text);
	for (i = 0; i < g->nssh_scopes; i++)
		if (access_scope_parse(g->ssh_scopes[i], &id->scopes[id->nscopes++], &e) < 0)
			return usage_error(cli, _("--ssh-scope: %s"), e.text);
	if (g->ssh_key && (strlen(g->ssh_key) >= sizeof id->key ||
			   strspn(g->ssh_key, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				  "0123456789+/=:") != strlen(g->ssh_key)))
		return usage_error(cli, _("--ssh-key: '%s' is not a key's fingerprint"), g->ssh_key);
	snprintf(id->key, sizeof id->key, "%s", g->ssh_key ? g->ssh_key : "");
	id->enforced = 1;
	snprintf(cli->user, sizeof cli->user, "%s", id->name);
	/* a viewer's database is opened read-only: nothing can be written */
	if (id->role == ROLE_VIEWER)
		cli->read_only = 1;
	return PARSED;
}

/* A local user: every right, and (with scoped) the scope of their key
 * if they have one in file: for due and the browser's count of it. */
static void local_identity(struct cli *cli, const char *file, int scoped)
{
	struct keys_entry *entry;
	char path[4096];
	struct error e;

	snprintf(cli->identity.name, sizeof cli->identity.name, "%.*s", ACCESS_NAME_MAX, cli->user);
	cli->identity.role = ROLE_ADMIN;
	if (!scoped || !(entry = calloc(1, sizeof *entry)))
		return;
	if (!file && keys_file_default(path, sizeof path, &e) == 0)
		file = path;
	if (file && keys_file_find(file, cli->user, entry, &e) == 1) {
		cli->identity = entry->id;
		cli->identity.enforced = 0;
	}
	free(entry);
}

int cli_rights_hold(struct cli *cli, struct error *err)
{
	int rc;

	if (cli->revoked) {
		error_set(err, "%s", cli->revoked_why);
		return 0;
	}
	if (!*cli->keys_path)
		return 1;
	rc = keys_file_grants(cli->keys_path, cli->db_real, &cli->identity, err);
	if (rc == 1)
		return 1;
	cli->revoked = 1;
	snprintf(cli->revoked_why, sizeof cli->revoked_why, _("the key of %s was removed or changed"
		 " in %s: the session has ended"), cli->identity.name, cli->keys_path);
	access_log_refusal(cli->db_path, &cli->identity, cli->what, cli->revoked_why);
	error_set(err, "%s", cli->revoked_why);
	return 0;
}

/* The store's check before each write. */
static int rights_before_write(void *ctx, struct error *err)
{
	return cli_rights_hold(ctx, err) == 1 ? 0 : -1;
}

/* A number of seconds from a forced command's option, or dflt. */
static int seconds(const char *text, int dflt)
{
	char *end;
	long n;

	if (!text)
		return dflt;
	n = strtol(text, &end, 10);
	return *end || n < 0 || n > 86400 * 365 ? dflt : (int)n;
}

/* Over SSH, the keys file whose line grants the official is watched:
 * the one the forced command names (--ssh-keys), else the account's
 * own if a line there grants the session as it begins. Returns
 * EXIT_DONE or the exit status of a session not granted. */
static int watch_rights(struct cli *cli, const struct globals *g)
{
	struct error e;
	char path[4096];

	cli->recheck = seconds(g->ssh_recheck, 10);
	cli->idle = seconds(g->ssh_idle, 0);
	if (!cli->store || !realpath(cli->db_path, cli->db_real))
		return EXIT_DONE;
	if (g->ssh_keys)
		snprintf(cli->keys_path, sizeof cli->keys_path, "%s", g->ssh_keys);
	else if (keys_file_default(path, sizeof path, &e) == 0 &&
		 keys_file_grants(path, cli->db_real, &cli->identity, &e) == 1)
		snprintf(cli->keys_path, sizeof cli->keys_path, "%s", path);
	if (!*cli->keys_path)
		return EXIT_DONE;
	if (cli_rights_hold(cli, &e) != 1)
		return cli_fail_error(cli, &e);
	cli->store->before_write = rights_before_write;
	cli->store->before_write_ctx = cli;
	return EXIT_DONE;
}

/* What was asked, for the log: the client's words, or argv without
 * the options that say which database and who (a forced command's). */
static void describe_request(struct cli *cli, int argc, char **argv, const char *ssh)
{
	size_t used = 0;
	int i;

	if (ssh) {
		snprintf(cli->what, sizeof cli->what, "%s", ssh);
		return;
	}
	for (i = 1; i < argc && used < sizeof cli->what; i++) {
		if (widens(argv[i]) && strcmp(argv[i], "--lang") != 0) {
			i++;
			continue;
		}
		used += (size_t)snprintf(cli->what + used, sizeof cli->what - used, "%s%s",
					 used ? " " : "", argv[i]);
	}
	if (!used)
		snprintf(cli->what, sizeof cli->what, "browse");
}

static int is_forced(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--ssh-user") == 0)
			return 1;
	return 0;
}

/* Opens the database the command needs, and over SSH its export folder
 * and the watch on its key, logs the session's start, runs the command
 * and logs the session's end. Returns the exit status. */
static int run_command(struct cli *cli, const struct globals *g, cli_browse_fn browse)
{
	char detail[64];
	int status;

	if (cli->command->db != DB_NONE) {
		status = open_store(cli, g->db);
		if (status != EXIT_DONE)
			return status;
	}
	if (cli->identity.enforced) {
		/* over SSH, files go into the forced command's export folder,
		 * by default the database's name with -exports */
		if (g->ssh_exports)
			snprintf(cli->exports, sizeof cli->exports, "%s", g->ssh_exports);
		else
			snprintf(cli->exports, sizeof cli->exports, "%s-exports", cli->db_path);
		cli->files.folder = cli->exports;
		cli->files.overwrite = cli_flag(cli, "--force");
		status = watch_rights(cli, g);
		if (status != EXIT_DONE) {
			store_close(cli->store);
			return status;
		}
		access_log_event(cli->db_path, &cli->identity, AUDIT_SESSION_START, cli->what, "");
	}
	status = cli->command->run ? cli->command->run(cli) : browse(cli);
	/* what a command printed must have reached its reader: show or
	 * history into a full disk fails as an export does */
	if (status == EXIT_DONE && cli->command->run && (fflush(cli->out) != 0 || ferror(cli->out)))
		status = cli_fail(cli, _("%s: cannot write: %s"), _("standard output"), strerror(errno));
	store_close(cli->store);
	if (cli->identity.enforced) {
		snprintf(detail, sizeof detail, _("exit status %d"), status);
		access_log_event(cli->db_path, &cli->identity, AUDIT_SESSION_END, cli->what, detail);
	}
	return status;
}

/* The process that logs the end of an SSH session killed before it
 * could (watch_session). */
struct watcher {
	int fd;		/* what session_over writes to; -1: none */
	pid_t pid;
};

/* Over SSH a session's end is logged however it ends: a process of its
 * own (forked before any database is open: no SQLite connection crosses
 * a fork) waits, out of the terminal's session and deaf to its hang-up,
 * for the session to say it is over (session_over). When it never does
 * (the connection dropped and the hang-up killed it, or it was killed),
 * that process logs the end. Fills w (fd -1: no such process, and the
 * end of a killed session goes unlogged). */
static void watch_session(struct cli *cli, const char *db_option, struct watcher *w)
{
	static const int deaf[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGTSTP };
	char path[4096] = "", byte;
	enum path_source source;
	int fds[2], null;
	size_t i;
	ssize_t n;

	w->fd = -1;
	fflush(cli->out);
	fflush(cli->err);
	if (pipe(fds) != 0)
		return;
	/* nothing the session runs holds it open */
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	w->pid = fork();
	if (w->pid != 0) {
		close(fds[0]);
		if (w->pid > 0)
			w->fd = fds[1];
		else
			close(fds[1]);
		return;
	}
	close(fds[1]);
	setsid();
	for (i = 0; i < sizeof deaf / sizeof deaf[0]; i++)
		signal(deaf[i], SIG_IGN);
	/* sshd ends the channel when the session's last holder of its
	 * terminal or pipes is gone: not this process */
	null = open("/dev/null", O_RDWR);
	for (i = 0; null >= 0 && i < 3; i++)
		dup2(null, (int)i);
	while ((n = read(fds[0], &byte, 1)) < 0 && errno == EINTR)
		;
	if (n == 0 && paths_database(db_option, path, sizeof path, &source, NULL) == 0)
		access_log_event(path, &cli->identity, AUDIT_SESSION_END, cli->what,
				 _("ended without an exit status: the connection was lost, or the"
				   " session killed"));
	_exit(0);
}

/* Tells watch_session's process that the session logged its own end,
 * and waits for it to go. */
static void session_over(const struct watcher *w)
{
	struct sigaction ignore = { .sa_handler = SIG_IGN }, old;
	ssize_t n;

	if (w->fd < 0)
		return;
	/* a watcher already gone needs no word, nor kills with SIGPIPE */
	sigaction(SIGPIPE, &ignore, &old);
	n = write(w->fd, "", 1);
	(void)n;
	sigaction(SIGPIPE, &old, NULL);
	close(w->fd);
	while (waitpid(w->pid, NULL, 0) < 0 && errno == EINTR)
		;
}

int cli_main(int argc, char **argv, cli_browse_fn browse, FILE *out, FILE *err)
{
	struct cli cli;
	struct globals g;
	const char *ssh = getenv("SSH_ORIGINAL_COMMAND");
	char *all[CLI_MAX_ARGS + WORDS_MAX + 16], *words[WORDS_MAX], buf[8192];
	int status, nall = argc, n, i;
	struct watcher watcher;
	struct error e;

	memset(&cli, 0, sizeof cli);
	memset(&g, 0, sizeof g);
	cli.out = out;
	cli.err = err;
	if (!is_forced(argc, argv) || (ssh && !*ssh))
		ssh = NULL;
	describe_request(&cli, argc, argv, ssh);
	if (argc > CLI_MAX_ARGS + 16)
		return usage_error(&cli, _("too many arguments"));
	for (i = 0; i < argc; i++)
		all[i] = argv[i];
	if (ssh) {
		n = words_split(ssh, buf, sizeof buf, words, WORDS_MAX, &e);
		if (n < 0)
			return usage_error(&cli, "%s", e.text);
		for (i = 0; i < n; i++)
			all[nall++] = words[i];
	}
	status = parse(&cli, nall, all, argc, &g);
	if (status == REFUSED) {
		if (g.db)
			snprintf(cli.db_path, sizeof cli.db_path, "%s", g.db);
		ssh_identity(&cli, &g);
		return cli_refuse(&cli, g.refused);
	}
	/* what a client sent that is no command of kpitree (sh, scp -t,
	 * sftp) is a refusal too: logged */
	if (status == EXIT_USAGE && ssh) {
		if (g.db)
			snprintf(cli.db_path, sizeof cli.db_path, "%s", g.db);
		if (ssh_identity(&cli, &g) == PARSED)
			access_log_refusal(cli.db_path, &cli.identity, cli.what,
					   _("not a command line of kpitree"));
	}
	if (status != PARSED)
		return status;
	if (g.ssh_user) {
		status = ssh_identity(&cli, &g);
		if (status != PARSED)
			return status;
	} else if (paths_user(g.user, cli.user, sizeof cli.user, &e) < 0) {
		return cli_fail_error(&cli, &e);
	}
	if (!cli.identity.enforced)
		local_identity(&cli, cli_option(&cli, "--file"), !strcmp(cli.command->name, "browse") ||
							!strcmp(cli.command->name, "due"));
	if (g.db)
		snprintf(cli.db_path, sizeof cli.db_path, "%s", g.db);
	if (!access_may(&cli.identity, cli.command->need)) {
		char why[1200], who[1024];

		snprintf(why, sizeof why, _("%s may not %s"), access_describe(&cli.identity, who, sizeof who),
			 cli.command->name);
		return cli_refuse(&cli, why);
	}
	/* -o writes a file of the server's account: an admin's right */
	if (cli_option(&cli, "-o") && !access_may(&cli.identity, ACCESS_ADMIN)) {
		char why[1200], who[1024];

		snprintf(why, sizeof why, _("%s may export to standard output, not to a file on the server"),
			 access_describe(&cli.identity, who, sizeof who));
		return cli_refuse(&cli, why);
	}
	if (!cli.identity.enforced)
		return run_command(&cli, &g, browse);
	watch_session(&cli, g.db, &watcher);
	status = run_command(&cli, &g, browse);
	session_over(&watcher);
	return status;
}

/* init: opening made the schema and loaded the bundled data. */
static int run_init(struct cli *cli)
{
	fprintf(cli->out, _("created %s%s\n"), cli->db_path,
		cli_flag(cli, "--empty") ? " (empty)" : " with the bundled data");
	return EXIT_DONE;
}

/* A fiscal-year option or argument, or the error that names it. */
static int parse_year(struct cli *cli, const char *text, int *year)
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

	if (review_scheme_load(cli->store, &scheme, e) < 0)
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
	if (meeting_latest_evaluation(cli->store, k->id, &ev, title, sizeof title, e) < 0)
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
	return meeting_remarks(cli->store, 0, k->id, 1, print_action, cli, e);
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
	char fy[32], *inert = malloc(inert_size(note));

	if (inert)
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
	int rc = values_each(cli->store, kpi_id, print_note, &n, e);

	flush_note(&n);
	return rc;
}

/* The KPI of the code an official typed, forgiven as search forgives it
 * (h13, Ｈ１３, ⑬ for H13), into k; else an error that names the nearest
 * code there is. Returns 0, or -1 with e filled. */
static int typed_kpi(struct cli *cli, const char *typed, struct kpi *k, struct error *e)
{
	char code[64];
	int found = tree_code_of(cli->store, typed, code, sizeof code, e);

	if (found < 0)
		return -1;
	if (!found && *code)
		return error_of(e, ERROR_NOT_FOUND, _("no KPI with code '%s'; the nearest is %s"), typed,
				code);
	if (!found)
		return error_of(e, ERROR_NOT_FOUND, _("no KPI with code '%s'"), typed);
	return kpi_find(cli->store, code, k, e);
}

static int run_show(struct cli *cli)
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
	if (typed_kpi(cli, cli->args[0], &k, &e) < 0)
		return cli_fail_error(cli, &e);
	if (kpi_years_load(cli->store, &k, year, &t, &e) < 0) {
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
	if (values_get(cli->store, c->kpi_id, c->fiscal_year, VALUE_ACTUAL, &last, NULL, e) == 1 &&
	    last == c->value)
		return 0;
	has_last = values_get(cli->store, c->kpi_id, c->fiscal_year - 1, VALUE_ACTUAL, &last,
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

static int run_set(struct cli *cli)
{
	struct value_change c = { .source = "set", .user = cli->user };
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
	if (typed_kpi(cli, cli->args[0], &k, &e) < 0)
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
	rc = access_may_kpi(cli->store, &cli->identity, ACCESS_EDIT, k.id, why, sizeof why, &e);
	if (rc <= 0) {
		kpi_release(&k);
		return rc < 0 ? cli_fail_error(cli, &e) : cli_refuse(cli, why);
	}
	if (values_rules_find(cli->store, k.code, fiscal_year_of(time(NULL)), &rules, &e) < 0 ||
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
	rc = values_set(cli->store, &c, &e);
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

static void print_history_row(void *ctx, const struct history_row *h)
{
	struct cli *cli = ctx;
	char line[1024], note[1024];

	fprintf(cli->out, "%s\n", kpi_years_history_line(h, line, sizeof line, note, sizeof note));
	if (*note)
		fprintf(cli->out, "%s\n", note);
}

/* What a meeting recorded, after the values' changes. */
static void print_record(void *ctx, const struct record_change *c)
{
	struct cli *cli = ctx;
	char line[2048];

	fprintf(cli->out, "%s\n", meeting_change_line(c, line, sizeof line));
}

/* A change of the KPI's own fields, by an import. */
static void print_kpi_change(void *ctx, const struct kpi_change *c)
{
	static const char *const whats[][2] = {
		{ "name", N_("name") }, { "unit", N_("unit") },
		{ "baseline", N_("baseline") }, { "target", N_("target") },
		{ "menus", N_("grant menus") },
	};
	struct cli *cli = ctx;
	struct inert_pool pool = { 0 };
	const char *what = c->what;
	char when[64];
	size_t i;

	for (i = 0; i < sizeof whats / sizeof whats[0]; i++)
		if (strcmp(c->what, whats[i][0]) == 0)
			what = _(whats[i][1]);
	fprintf(cli->out, _("%s  %s  %s  %s -> %s  (import)\n"),
		i18n_time(c->changed_at, when, sizeof when), inert_str(&pool, c->changed_by), what,
		inert_str(&pool, c->old_text), inert_str(&pool, c->new_text));
	inert_pool_free(&pool);
}

static int run_history(struct cli *cli)
{
	struct kpi k;
	struct error e;
	int rc;

	if (typed_kpi(cli, cli->args[0], &k, &e) < 0)
		return cli_fail_error(cli, &e);
	rc = values_history(cli->store, k.id, print_history_row, cli, &e);
	if (rc == 0)
		rc = kpi_history_each(cli->store, k.id, print_kpi_change, cli, &e);
	if (rc == 0)
		rc = meeting_history(cli->store, k.id, print_record, cli, &e);
	kpi_release(&k);
	if (rc < 0)
		return cli_fail_error(cli, &e);
	return EXIT_DONE;
}

static void print_problem(void *ctx, const char *problem)
{
	struct cli *cli = ctx;

	inert_fputs(problem, cli->out);
	fputc('\n', cli->out);
}

static int run_check(struct cli *cli)
{
	struct error e;
	int n = store_check_as(cli->store, cli_flag(cli, "--quick") ? STORE_CHECK_QUICK
			       : STORE_CHECK_FULL, print_problem, cli, &e), more;
	struct stat st;

	/* and the audit log: a gap, a trigger gone */
	if (n >= 0) {
		more = audit_check(cli->store, print_problem, cli, &e);
		n = more < 0 ? -1 : n + more;
	}

	/* the database is the account's alone */
	if (stat(cli->db_path, &st) == 0 && (st.st_mode & S_IROTH))
		fprintf(cli->err, _("kpitree: warning: %s: any local user can read it (mode %04o);"
				    " chmod o-rwx %s\n"), cli->db_path, (unsigned)(st.st_mode & 07777),
			cli->db_path);

	if (n < 0)
		return cli_fail_error(cli, &e);
	if (n > 0)
		return cli_fail(cli, ngettext("%s: %d problem found", "%s: %d problems found",
					      (unsigned long)n), cli->db_path, n);
	fprintf(cli->out, "ok\n");
	return EXIT_DONE;
}

/* Whether path may be written (over SSH: the export folder's rules);
 * a refusal is logged. Returns EXIT_DONE or the exit status. */
static int check_output(struct cli *cli, const char *path)
{
	struct error e;

	if (!path || outfile_check(path, &cli->files, &e) == 0)
		return EXIT_DONE;
	return cli->files.folder ? cli_refuse(cli, e.text) : cli_fail_error(cli, &e);
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

static int run_backup(struct cli *cli)
{
	struct error e;

	if (check_output(cli, cli->args[0]) != EXIT_DONE)
		return EXIT_FAILED;
	if (binary_output(cli, cli->args[0], _("a backup")) != EXIT_DONE)
		return EXIT_FAILED;
	if (store_backup(cli->store, cli->args[0], &cli->files, &e) < 0)
		return cli_fail_error(cli, &e);
	return EXIT_DONE;
}

static int run_import(struct cli *cli)
{
	struct error items[MAX_ERRORS];
	struct error_list errors = { items, 0, MAX_ERRORS, 0 };
	struct import_file files[CLI_MAX_ARGS];
	const char *name = cli_option(cli, "--encoding");
	enum encoding encoding = ENCODING_AUTO;
	struct import_stats stats;
	struct error e;
	char rows[64], files_read[64], changed[64], more[2][64];
	int i, nmore = 0;

	if (name && encoding_parse(name, &encoding, &e) < 0)
		return cli_fail_error(cli, &e);
	for (i = 0; i < cli->nargs; i++)
		files[i] = (struct import_file){ cli->args[i], NULL, 0, cli_option(cli, "--sheet") };
	/* over SSH the official is who, whatever a file's entered_by says */
	if (csv_import(cli->store, files, cli->nargs, encoding, cli->user, !cli->identity.enforced,
		       &stats, &errors) < 0) {
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
		fprintf(cli->out, _("imported %s from %s; %s, %s and %s changed\n"), rows, files_read,
			changed, more[0], more[1]);
	else if (nmore == 1)
		/* TRANSLATORS: "imported 29 rows from 1 file; 0 values and 1 KPI
		 * field changed". */
		fprintf(cli->out, _("imported %s from %s; %s and %s changed\n"), rows, files_read,
			changed, more[0]);
	else
		/* TRANSLATORS: "imported 3 rows from 1 file; 2 values changed". */
		fprintf(cli->out, _("imported %s from %s; %s changed\n"), rows, files_read, changed);
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
static int meeting_number(struct cli *cli, const char *what, const char *text, long long *id)
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

static int run_report(struct cli *cli)
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
	rc = path ? report_write_file(cli->store, &o, path, &cli->files, &e)
		  : report_write(cli->store, &o, cli->out, &e);
	meter_end(&meter);
	return rc < 0 ? fail_output(cli, path, &e) : EXIT_DONE;
}

/* export verification: the national table of a year's 効果検証. */
static int run_verification_table(struct cli *cli)
{
	const char *path = cli_option(cli, "-o"), *format = cli_option(cli, "--format");
	const char *year = cli_option(cli, "--year");
	struct verification_table_options o = { .excel = cli_flag(cli, "--excel"),
						.voices = cli_flag(cli, "--voices"),
						.year = verification_default_year() };
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
	rc = path ? verification_table_write_file(cli->store, &o, path, &cli->files, &e)
		  : verification_table_write(cli->store, &o, cli->out, &e);
	return rc < 0 ? fail_output(cli, path, &e) : EXIT_DONE;
}

static int run_export(struct cli *cli)
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
		rc = path ? xlsx_export_file(cli->store, kind, path, &cli->files, &e)
			  : xlsx_export(cli->store, kind, cli->out, &e);
	else
		rc = path ? csv_export_file(cli->store, kind, excel, path, &cli->files, &e)
			  : csv_export(cli->store, kind, excel, cli->out, &e);
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
static int run_due(struct cli *cli)
{
	const char *year_text = cli_option(cli, "--year");
	int year = due_year(), pending, total, rc;
	struct error e;
	char fy[32];

	if (year_text && parse_year(cli, year_text, &year) != EXIT_DONE)
		return EXIT_FAILED;
	if (due_each(cli->store, &cli->identity, year, print_due, cli, &e) < 0)
		return cli_fail_error(cli, &e);
	/* the year's 効果検証, while it is open */
	rc = verification_pending(cli->store, year, &pending, &total, &e);
	if (rc < 0)
		return cli_fail_error(cli, &e);
	if (rc == 1 && pending)
		fprintf(cli->out, _("効果検証 %s: %d of %d projects lack their final result\n"),
			fiscal_year_format(year, fy, sizeof fy), pending, total);
	return EXIT_DONE;
}

/* The full path of the running program, for a forced command. */
static int program_path(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);

	if (n <= 0 || (size_t)n >= size - 1)
		return -1;
	buf[n] = '\0';
	return 0;
}

struct lang_of {
	const char *name, *db;
	char lang[8];
};

static void take_lang(void *ctx, const struct keys_entry *e)
{
	struct lang_of *l = ctx;

	if (!*l->lang && strcmp(e->id.name, l->name) == 0 && strcmp(e->db, l->db) == 0)
		snprintf(l->lang, sizeof l->lang, "%s", e->id.lang);
}

/* The official of access add or set: args[1], --role, --scope, and the
 * forced command that binds them; without --lang, the language of the
 * official's lines for this database in file, else Japanese. Returns
 * EXIT_DONE or the status. */
static int official_command(struct cli *cli, const char *file, struct access_identity *id,
			    char *command, size_t size)
{
	const char *role = cli_option(cli, "--role");
	const char *lang = cli_option(cli, "--lang");
	char program[PATH_MAX], db[PATH_MAX];
	struct error e;
	int i;

	if (!access_name_ok(cli->args[1]))
		return cli_fail(cli, _("'%s' is not a name for an official (letters, digits, . _ - @)"),
				cli->args[1]);
	if (!role)
		return usage_error(cli, _("access %s needs --role viewer|editor|admin"), cli->args[0]);
	snprintf(id->name, sizeof id->name, "%s", cli->args[1]);
	if (access_role_parse(role, &id->role, &e) < 0)
		return cli_fail(cli, _("--role: %s"), e.text);
	if (lang && !i18n_lang_ok(lang))
		return usage_error(cli, _("%s: '%s' is neither ja nor en"), "--lang", lang);
	for (i = 0; i < cli->nrepeated; i++)
		if (access_scope_resolve(cli->store, cli->repeated[i], &id->scopes[id->nscopes++],
					 &e) < 0)
			return cli_fail_error(cli, &e);
	if (program_path(program, sizeof program) < 0 || !realpath(cli->db_path, db))
		return cli_fail(cli, _("cannot tell the full path of kpitree or of %s"), cli->db_path);
	if (lang) {
		snprintf(id->lang, sizeof id->lang, "%s", lang);
	} else {
		struct lang_of kept = { id->name, db, "" };

		keys_file_each(file, take_lang, &kept, &e);
		snprintf(id->lang, sizeof id->lang, "%s", *kept.lang ? kept.lang : "ja");
	}
	if (!keys_forced_command(program, db, id, command, size))
		return cli_fail(cli, _("%s: a path or scope that cannot go into authorized_keys"), db);
	return EXIT_DONE;
}

/* sshd's expiry-time option for the end of day (YYYY-MM-DD): the key
 * gets in until that day's end. Returns 0, -1 for no such date, -2 for
 * a day already over. */
static int expiry_option(const char *date, char *buf, size_t size)
{
	int y, m, d, n = 0;
	struct tm tm = { 0 };
	time_t end;

	if (sscanf(date, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || date[n] || n != 10)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d + 1;	/* the next day's start */
	tm.tm_isdst = -1;
	if (m < 1 || m > 12 || d < 1 || d > 31 || (end = mktime(&tm)) == (time_t)-1 ||
	    (d > 28 && tm.tm_mday != 1 && tm.tm_mday != d + 1))
		return -1;
	if (end <= time(NULL))
		return -2;	/* a key that could never log in */
	snprintf(buf, size, "expiry-time=\"%04d%02d%02d\"", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday);
	return 0;
}

/* Opens the write transaction of an access change with its entry in
 * the audit log: the change and its entry are made both or neither. */
static int change_begin(struct cli *cli, enum audit_event event, const char *official,
			const char *fingerprint, const char *detail, struct error *e)
{
	char who[1024];
	struct audit_entry entry = {
		.who = access_who(&cli->identity, who, sizeof who), .event = event,
		.official = official,
		.fingerprint = fingerprint, .client = getenv("SSH_CONNECTION"), .what = cli->what,
		.detail = detail,
	};

	if (store_begin(cli->store, e) < 0)
		return -1;
	if (audit_add(cli->store, &entry, e) < 0) {
		store_rollback(cli->store);
		return -1;
	}
	return 0;
}

/* Ends an access change whose keys file edit returned n (lines, or -1
 * with e): committed with its audit entry when it changed a line, else
 * rolled back; a change that would leave no admin is a refusal.
 * Returns EXIT_DONE or the exit status. */
static int change_end(struct cli *cli, const char *file, const char *name, int n,
		      const struct error *e)
{
	struct error ce;

	if (n <= 0)
		store_rollback(cli->store);
	if (n < 0 && e->kind == ERROR_LAST_ADMIN)
		return cli_refuse(cli, e->text);
	if (n < 0)
		return cli_fail_error(cli, e);
	if (n == 0)
		return cli_fail(cli, _("%s: no key of '%s'"), file, name);
	if (store_commit(cli->store, &ce) < 0)
		return cli_fail(cli, _("%s: changed, but not recorded in the audit log: %s"), file,
				ce.text);
	return EXIT_DONE;
}

/* The official's database by its full path, as the keys' forced
 * commands name it. */
static int real_db(struct cli *cli, char *db)
{
	if (!realpath(cli->db_path, db))
		return cli_fail(cli, _("cannot tell the full path of %s"), cli->db_path);
	return EXIT_DONE;
}

/* access set NAME --role ... --scope ...: the official's lines for this
 * database given another role and scope, their keys kept. */
static int access_set(struct cli *cli, const char *file)
{
	struct access_identity id;
	char command[8192], who[1024];
	struct error e;
	int n, status;

	memset(&id, 0, sizeof id);
	status = official_command(cli, file, &id, command, sizeof command);
	if (status != EXIT_DONE)
		return status;
	access_describe(&id, who, sizeof who);
	if (change_begin(cli, AUDIT_ACCESS_SET, id.name, "", who, &e) < 0)
		return cli_fail_error(cli, &e);
	n = keys_file_set(file, id.name, command, &e);
	status = change_end(cli, file, id.name, n, &e);
	if (status == EXIT_DONE)
		fprintf(cli->out, ngettext("%s: %d key in %s\n", "%s: %d keys in %s\n", (unsigned long)n),
			who, n, file);
	return status;
}

static int access_add(struct cli *cli, const char *file)
{
	struct keys_entry entry;
	char command[8192], who[1024], fp[64];
	struct error e;
	int n, status;

	if (cli->nargs != 3)
		return usage_error(cli, _("usage: kpitree %s"), cli->command->usage);
	memset(&entry, 0, sizeof entry);
	status = official_command(cli, file, &entry.id, command, sizeof command);
	if (status != EXIT_DONE)
		return status;
	if (keys_read_public(cli->args[2], entry.type, sizeof entry.type, entry.blob,
			     sizeof entry.blob, &e) < 0)
		return cli_fail_error(cli, &e);
	if (cli_option(cli, "--expires")) {
		int rc = expiry_option(cli_option(cli, "--expires"), entry.others, sizeof entry.others);

		if (rc == -2)
			return cli_fail(cli, _("--expires: %s is past: the key could never log in"),
					cli_option(cli, "--expires"));
		if (rc < 0)
			return cli_fail(cli, _("--expires: '%s' is not a date like 2027-03-31"),
					cli_option(cli, "--expires"));
	}
	if (geteuid() == 0 && keys_file_of_root(file))
		fprintf(cli->err, _("kpitree: warning: %s is root's own: the key logs in as root;"
				    " give it to the service account instead (runuser -u ACCOUNT --"
				    " kpitree access add ...)\n"), file);
	access_describe(&entry.id, who, sizeof who);
	if (change_begin(cli, AUDIT_ACCESS_ADD, entry.id.name,
			 keys_fingerprint(entry.blob, fp, sizeof fp), who, &e) < 0)
		return cli_fail_error(cli, &e);
	n = keys_file_add(file, &entry, command, &e);
	status = change_end(cli, file, entry.id.name, n, &e);
	if (status == EXIT_DONE)
		fprintf(cli->out, ngettext("%s: %d key in %s\n", "%s: %d keys in %s\n", (unsigned long)n),
			who, n, file);
	return status;
}

/* access list: a row of texts per key, the columns aligned by their
 * display width (a scope or a path may be Japanese). */
enum { LIST_COLUMNS = 9 };

struct listing {
	struct cli *cli;
	char db[PATH_MAX];
	char *(*rows)[LIST_COLUMNS];
	int n, size, failed;
};

/* A time of the audit log as the local day, or "-". */
static char *local_day(const char *iso, char *buf, size_t size)
{
	struct tm tm;
	char ymd[16];
	time_t t;

	if (!*iso || store_time_parse(iso, &t) < 0 || !localtime_r(&t, &tm) ||
	    !strftime(ymd, sizeof ymd, "%Y-%m-%d", &tm))
		snprintf(buf, size, "-");
	else
		i18n_date(ymd, buf, size);
	return buf;
}

static void list_entry(void *ctx, const struct keys_entry *k)
{
	struct listing *l = ctx;
	char scopes[2048] = "", scope[ACCESS_SCOPE_MAX + 16], fp[64], key[128], added[64] = "",
	     last[64] = "", day[64], when[64], more[1100];
	const char *texts[LIST_COLUMNS];
	size_t used = 0;
	struct error e;
	int i;

	for (i = 0; i < k->id.nscopes && used < sizeof scopes; i++)
		used += (size_t)snprintf(scopes + used, sizeof scopes - used, "%s%s", i ? " " : "",
					 access_scope_text(&k->id.scopes[i], scope, sizeof scope));
	keys_fingerprint(k->blob, fp, sizeof fp);
	snprintf(key, sizeof key, "%s %s", k->type, fp);
	/* when it was added and last logged in: this database's log */
	if (strcmp(k->db, l->db) == 0 &&
	    audit_key_dates(l->cli->store, fp, added, last, sizeof added, &e) < 0)
		l->failed = 1;
	/* options added by hand (still in force), and whether it is off */
	snprintf(more, sizeof more, "%s%s%s", k->others, *k->others && k->disabled ? "  " : "",
		 k->disabled ? _("disabled") : "");
	texts[0] = k->id.name;
	texts[1] = access_role_name(k->id.role);
	texts[2] = *scopes ? scopes : _("all");
	texts[3] = *k->id.lang ? k->id.lang : "ja";
	texts[4] = key;
	texts[5] = local_day(added, day, sizeof day);
	texts[6] = *last ? i18n_time(last, when, sizeof when) : "-";
	texts[7] = k->db;
	texts[8] = more;
	if (l->n == l->size) {
		void *more_rows = realloc(l->rows, (size_t)(l->size * 2 + 8) * sizeof *l->rows);

		if (!more_rows) {
			l->failed = 1;
			return;
		}
		l->rows = more_rows;
		l->size = l->size * 2 + 8;
	}
	for (i = 0; i < LIST_COLUMNS; i++)
		l->rows[l->n][i] = strdup(texts[i]);
	l->n++;
}

/* Prints the rows of l under their headings, each column as wide as
 * its widest text, the last one unpadded. */
static void print_listing(struct cli *cli, struct listing *l)
{
	const char *headings[LIST_COLUMNS] = {
		_("NAME"), _("ROLE"), _("SCOPE"), _("LANG"), _("KEY"), _("ADDED"),
		_("LAST LOGIN"), _("DATABASE"), "",
	};
	struct inert_pool pool = { 0 };
	int widths[LIST_COLUMNS], r, c;
	char cell[8192];

	for (c = 0; c < LIST_COLUMNS; c++) {
		widths[c] = width_of(headings[c]);
		for (r = 0; r < l->n; r++)
			if (l->rows[r][c] && width_of(l->rows[r][c]) > widths[c])
				widths[c] = width_of(l->rows[r][c]);
	}
	for (r = -1; r < l->n; r++) {
		int last = LIST_COLUMNS - 1;
		char line[16384] = "";
		size_t used = 0;

		/* the last column with something in it ends the line */
		while (last > 0 && !*(r < 0 ? headings[last] : l->rows[r][last] ? l->rows[r][last] : ""))
			last--;
		for (c = 0; c <= last && used < sizeof line; c++) {
			const char *text = r < 0 ? headings[c] : l->rows[r][c] ? l->rows[r][c] : "?";

			if (c < last)
				width_align(inert_str(&pool, text), -widths[c], cell, sizeof cell);
			else
				snprintf(cell, sizeof cell, "%s", inert_str(&pool, text));
			used += (size_t)snprintf(line + used, sizeof line - used, "%s%s",
						 c ? "  " : "", cell);
		}
		fprintf(cli->out, "%s\n", line);
	}
	inert_pool_free(&pool);
}

static int access_list(struct cli *cli, const char *file)
{
	struct listing l = { .cli = cli };
	struct error e;
	int n, r, c;

	if (!realpath(cli->db_path, l.db))
		*l.db = '\0';
	n = keys_file_each(file, list_entry, &l, &e);
	if (n >= 0 && !l.failed)
		print_listing(cli, &l);
	for (r = 0; r < l.n; r++)
		for (c = 0; c < LIST_COLUMNS; c++)
			free(l.rows[r][c]);
	free(l.rows);
	if (n < 0)
		return cli_fail_error(cli, &e);
	return l.failed ? cli_fail(cli, _("%s: cannot read the audit log"), cli->db_path) : EXIT_DONE;
}

/* Who holds the key fingerprint fp for database db in file. */
struct key_holder {
	const char *db, *fp;
	char name[256];
};

static void key_holder_of(void *ctx, const struct keys_entry *e)
{
	struct key_holder *h = ctx;
	char fp[64];

	if (!*h->name && strcmp(e->db, h->db) == 0 &&
	    strcmp(keys_fingerprint(e->blob, fp, sizeof fp), h->fp) == 0)
		snprintf(h->name, sizeof h->name, "%s", e->id.name);
}

/* A change of name's key fp that found none: when another official
 * holds that key, says whose it is, so that the administrator sees the
 * name and the key do not go together. Returns EXIT_FAILED. */
static int no_such_key(struct cli *cli, const char *file, const char *db, const char *name,
		       const char *fp)
{
	struct key_holder h = { db, fp, "" };
	struct error e;

	store_rollback(cli->store);
	if (keys_file_each(file, key_holder_of, &h, &e) > 0 && *h.name)
		return cli_fail(cli, _("%s: the key %s is %s's, not %s's"), file, fp, h.name, name);
	return cli_fail(cli, _("%s: no key %s of '%s'"), file, fp, name);
}

/* access remove NAME [FINGERPRINT]: the official's lines for this
 * database, or the one of that key. */
static int access_remove(struct cli *cli, const char *file)
{
	const char *name = cli->args[1], *fp = cli->nargs == 3 ? cli->args[2] : NULL;
	char db[PATH_MAX];
	struct error e;
	int n, status;

	if (real_db(cli, db) != EXIT_DONE)
		return EXIT_FAILED;
	if (change_begin(cli, AUDIT_ACCESS_REMOVE, name, fp, "", &e) < 0)
		return cli_fail_error(cli, &e);
	n = keys_file_remove(file, name, db, fp, &e);
	if (n == 0 && fp)
		return no_such_key(cli, file, db, name, fp);
	status = change_end(cli, file, name, n, &e);
	if (status == EXIT_DONE)
		fprintf(cli->out, ngettext("%s: %d key removed from %s\n", "%s: %d keys removed from %s\n",
					   (unsigned long)n), name, n, file);
	return status;
}

/* access rotate NAME FINGERPRINT PUBKEYFILE: that key of the official
 * replaced by another, the line's rights and options kept. */
static int access_rotate(struct cli *cli, const char *file)
{
	const char *name = cli->args[1], *old = cli->args[2];
	struct keys_entry key;
	char db[PATH_MAX], fp[64], detail[128];
	struct error e;
	int n, status;

	memset(&key, 0, sizeof key);
	if (real_db(cli, db) != EXIT_DONE)
		return EXIT_FAILED;
	if (keys_read_public(cli->args[3], key.type, sizeof key.type, key.blob, sizeof key.blob,
			     &e) < 0)
		return cli_fail_error(cli, &e);
	snprintf(detail, sizeof detail, _("replaces %s"), old);
	if (change_begin(cli, AUDIT_ACCESS_ROTATE, name, keys_fingerprint(key.blob, fp, sizeof fp),
			 detail, &e) < 0)
		return cli_fail_error(cli, &e);
	n = keys_file_rotate(file, name, db, old, &key, &e);
	if (n == 0)
		return no_such_key(cli, file, db, name, old);
	status = change_end(cli, file, name, n, &e);
	if (status == EXIT_DONE)
		fprintf(cli->out, _("%s: %s replaces %s in %s\n"), name, fp, old, file);
	return status;
}

/* access disable|enable NAME: the official's lines for this database
 * turned off (kept as comments sshd ignores) or on again. */
static int access_toggle(struct cli *cli, const char *file, int on)
{
	const char *name = cli->args[1];
	char db[PATH_MAX];
	struct error e;
	int n, status;

	if (real_db(cli, db) != EXIT_DONE)
		return EXIT_FAILED;
	if (change_begin(cli, on ? AUDIT_ACCESS_ENABLE : AUDIT_ACCESS_DISABLE, name, "", "",
			 &e) < 0)
		return cli_fail_error(cli, &e);
	n = keys_file_enable(file, name, db, on, &e);
	status = change_end(cli, file, name, n, &e);
	if (status == EXIT_DONE)
		fprintf(cli->out, on ? ngettext("%s: %d key enabled in %s\n", "%s: %d keys enabled in %s\n",
						(unsigned long)n)
				     : ngettext("%s: %d key disabled in %s\n", "%s: %d keys disabled in %s\n",
						(unsigned long)n), name, n, file);
	return status;
}

static int access_disable(struct cli *cli, const char *file)
{
	return access_toggle(cli, file, 0);
}

static int access_enable(struct cli *cli, const char *file)
{
	return access_toggle(cli, file, 1);
}

/* One entry of the log a line: seq, local time, who, what happened,
 * then whichever of whom, what was asked, detail, key and client it
 * has; every text inert. */
static void print_audit(void *ctx, const struct audit_entry *e)
{
	struct cli *cli = ctx;
	struct inert_pool pool = { 0 };
	char when[64], from[600] = "";
	const char *fields[] = { e->official, e->what, e->detail, e->fingerprint, from };
	size_t i;

	if (*e->client)
		snprintf(from, sizeof from, _("from %s"), e->client);
	fprintf(cli->out, "%lld  %s  %s  %s", e->seq, i18n_time(e->at, when, sizeof when),
		inert_str(&pool, e->who), _(audit_event_name(e->event)));
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (*fields[i])
			fprintf(cli->out, "  %s", inert_str(&pool, fields[i]));
	fputc('\n', cli->out);
	inert_pool_free(&pool);
}

/* access log [--since DATE]: the audit log, oldest first. */
static int access_log(struct cli *cli, const char *file)
{
	const char *since = cli_option(cli, "--since");
	char from[64] = "";
	struct error e;

	(void)file;
	if (since && audit_since(since, from, sizeof from, &e) < 0)
		return usage_error(cli, "%s", e.text);
	return audit_each(cli->store, from, print_audit, cli, &e) < 0 ? cli_fail_error(cli, &e)
								      : EXIT_DONE;
}

/* access's verbs: how many words each takes (the verb's included),
 * and whether it changes the keys, and so writes the audit log. */
static const struct access_verb {
	const char *name;
	int min_args, max_args;
	int writes;
	int (*run)(struct cli *cli, const char *file);
} access_verbs[] = {
	{ "add", 3, 3, 1, access_add },
	{ "set", 2, 2, 1, access_set },
	{ "list", 1, 1, 0, access_list },
	{ "remove", 2, 3, 1, access_remove },
	{ "rotate", 4, 4, 1, access_rotate },
	{ "disable", 2, 2, 1, access_disable },
	{ "enable", 2, 2, 1, access_enable },
	{ "log", 1, 1, 0, access_log },
};

static const struct access_verb *find_access_verb(const struct cli *cli)
{
	size_t i;

	for (i = 0; i < sizeof access_verbs / sizeof access_verbs[0]; i++)
		if (strcmp(cli->args[0], access_verbs[i].name) == 0 &&
		    cli->nargs >= access_verbs[i].min_args && cli->nargs <= access_verbs[i].max_args)
			return &access_verbs[i];
	return NULL;
}

static enum db_need db_need(const struct cli *cli)
{
	const struct access_verb *verb;

	if (cli->command->run == run_verification)
		return strcmp(cli->args[0], "status") == 0 || strcmp(cli->args[0], "history") == 0
			       ? DB_READ : DB_WRITE;
	if (cli->command->run != run_access)
		return cli->command->db;
	verb = find_access_verb(cli);
	return verb && verb->writes ? DB_WRITE : cli->command->db;
}

/* access VERB ...: kpitree's lines of authorized_keys, and the log. */
static int run_access(struct cli *cli)
{
	const struct access_verb *verb = find_access_verb(cli);
	const char *file = cli_option(cli, "--file");
	char path[4096];
	struct error e;

	if (!verb)
		return usage_error(cli, _("usage: kpitree %s"), cli->command->usage);
	if (!file) {
		if (keys_file_default(path, sizeof path, &e) < 0)
			return cli_fail_error(cli, &e);
		file = path;
	}
	return verb->run(cli, file);
}

/* --- verification ------------------------------------------------------ */

/* The project named by args[1] into *id, refused unless the official
 * may do action on its KPIs. */
static int verified_project(struct cli *cli, enum access_action action, long long *id)
{
	char code[32], why[1024];
	struct error e;
	long long kpi_id = 0;
	int rc;

	if (cli->nargs < 2)
		return usage_error(cli, _("usage: kpitree %s"), cli->command->usage);
	if (verification_project_find(cli->store, cli->args[1], id, code, sizeof code, &e) < 0 ||
	    verification_project_kpi(cli->store, *id, &kpi_id, &e) < 0)
		return cli_fail_error(cli, &e);
	rc = access_may_kpi(cli->store, &cli->identity, action, kpi_id, why, sizeof why, &e);
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
	struct error e;

	return verification_status_lines(cli->store, year, print_line, cli, &e) < 0
		       ? cli_fail_error(cli, &e) : EXIT_DONE;
}

static void print_verification_change(void *ctx, const struct verification_change *c)
{
	struct cli *cli = ctx;
	struct inert_pool pool = { 0 };
	char fy[16];

	fprintf(cli->out, "%s  %s  %s  %s: %s -> %s", c->changed_at, inert_str(&pool, c->changed_by),
		c->year ? fiscal_year_short(c->year, fy, sizeof fy) : "-", c->what,
		*c->old_text ? inert_str(&pool, c->old_text) : "-",
		*c->new_text ? inert_str(&pool, c->new_text) : "-");
	if (*c->reason)
		fprintf(cli->out, _("  (reason: %s)"), inert_str(&pool, c->reason));
	fputc('\n', cli->out);
	inert_pool_free(&pool);
}

/* A whole number of yen: digits, with commas between thousands allowed. */
static int parse_yen(const char *text, long long *yen)
{
	long long v = 0;
	const char *p;

	if (!*text)
		return -1;
	for (p = text; *p; p++) {
		if (*p == ',')
			continue;
		if (*p < '0' || *p > '9' || v > (LLONG_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*p - '0');
	}
	*yen = v;
	return 0;
}

/* unknown|known CODE, describes CODE FY2, increment CODE on|off: what
 * KPI args[1]'s value at year is (unknown -1: the year it describes in
 * describes; -2: declared incremental or not, by describes). */
static int verification_value_flag(struct cli *cli, int year, int unknown, int describes)
{
	char why[1024];
	struct error e;
	struct kpi k;
	int rc;

	if (typed_kpi(cli, cli->args[1], &k, &e) < 0)
		return cli_fail_error(cli, &e);
	rc = access_may_kpi(cli->store, &cli->identity, ACCESS_EDIT, k.id, why, sizeof why, &e);
	if (rc == 1 && unknown == -2)
		rc = verification_set_increment(cli->store, k.id, describes, cli->user, &e);
	else if (rc == 1)
		rc = unknown >= 0 ? verification_set_unknown(cli->store, k.id, year, unknown,
							      cli_option(cli, "--reason"), cli->user,
							      &e)
				  : verification_set_describes(cli->store, k.id, year, describes,
							       cli->user, &e);
	else if (rc == 0) {
		kpi_release(&k);
		return cli_refuse(cli, why);
	}
	kpi_release(&k);
	return rc < 0 ? cli_fail_error(cli, &e) : EXIT_DONE;
}

static int run_verification(struct cli *cli)
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
		return verification_history(cli->store, id, print_verification_change, cli, &e) < 0
			       ? cli_fail_error(cli, &e) : EXIT_DONE;
	}
	if ((strcmp(verb, "open") == 0 || strcmp(verb, "close") == 0 ||
	     strcmp(verb, "revised") == 0) && !access_may(&cli->identity, ACCESS_EVALUATE))
		return cli_refuse(cli, _("only an editor or admin verifies"));
	if (strcmp(verb, "open") == 0 && cli->nargs == 1) {
		char fy[32];

		if (verification_open(cli->store, year, cli->user, &v, &e) < 0)
			return cli_fail_error(cli, &e);
		fprintf(cli->out, _("opened the verification of %s\n"),
			fiscal_year_format(year, fy, sizeof fy));
		return EXIT_DONE;
	}
	if (strcmp(verb, "close") == 0 && cli->nargs == 1)
		return verification_close(cli->store, year, cli->user, &e) < 0
			       ? cli_fail_error(cli, &e) : EXIT_DONE;
	if (strcmp(verb, "revised") == 0 && cli->nargs == 2) {
		int yes = strcmp(cli->args[1], "yes") == 0;

		if (!yes && strcmp(cli->args[1], "no") != 0)
			return usage_error(cli, _("revised: yes or no"));
		return verification_set_revised(cli->store, year, yes, cli->user, &e) < 0
			       ? cli_fail_error(cli, &e) : EXIT_DONE;
	}
	if ((strcmp(verb, "unknown") == 0 || strcmp(verb, "known") == 0) && cli->nargs == 2)
		return verification_value_flag(cli, year, verb[0] == 'u', 0);
	if (strcmp(verb, "increment") == 0 && cli->nargs == 3) {
		int on = strcmp(cli->args[2], "on") == 0;

		if (!on && strcmp(cli->args[2], "off") != 0)
			return usage_error(cli, _("increment: on or off"));
		return verification_value_flag(cli, year, -2, on);
	}
	if (strcmp(verb, "describes") == 0 && cli->nargs == 3) {
		int describes;

		if (parse_year(cli, cli->args[2], &describes) != EXIT_DONE)
			return EXIT_FAILED;
		return verification_value_flag(cli, year, -1, describes);
	}
	if (strcmp(verb, "amount") == 0 && cli->nargs == 3) {
		long long yen;

		if (verified_project(cli, ACCESS_EDIT, &id) != EXIT_DONE)
			return EXIT_FAILED;
		if (strcmp(cli->args[2], "-") == 0)
			yen = -1;
		else if (parse_yen(cli->args[2], &yen) < 0)
			return cli_fail(cli, _("amount: '%s' is not a whole number of yen"),
					cli->args[2]);
		return verification_set_amount(cli->store, id, year, yen, cli_option(cli, "--kind"),
					       cli->user, &e) < 0 ? cli_fail_error(cli, &e)
								  : EXIT_DONE;
	}
	for (k = 0; k < VOICES; k++)
		if (strcmp(verb, voices[k]) == 0 && cli->nargs == 2) {
			struct voice_input in = {
				.effect = cli_option(cli, "--effect"),
				.policy = cli_option(cli, "--policy"),
				.reason = cli_option(cli, "--reason"),
				.verdict = cli_option(cli, "--verdict"),
				.opinion = cli_option(cli, "--opinion"),
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
			rc = verification_record(cli->store, year, id, k, &in, cli->user, &e);
			return rc < 0 ? cli_fail_error(cli, &e) : EXIT_DONE;
		}
	return usage_error(cli, _("usage: kpitree %s"), cli->command->usage);
}

/* meeting attend ID ROLE NAME, meeting absent ID NAME, meeting
 * organisation NAME: the minutes' attendees and organisation. */
static int run_meeting(struct cli *cli)
{
	const char *verb = cli->args[0];
	long long id = 0;
	struct error e;
	int rc;

	if (!strcmp(verb, "organisation") && cli->nargs == 2) {
		if (!access_may(&cli->identity, ACCESS_ADMIN)) {
			char why[1200], who[1024];

			snprintf(why, sizeof why, _("%s may not set the organisation"),
				 access_describe(&cli->identity, who, sizeof who));
			return cli_refuse(cli, why);
		}
		if (meeting_set_organisation(cli->store, cli->args[1], &e) < 0)
			return cli_fail_error(cli, &e);
		return EXIT_DONE;
	}
	if ((!strcmp(verb, "attend") && cli->nargs == 4) || (!strcmp(verb, "absent") && cli->nargs == 3)) {
		if (meeting_number(cli, "ID", cli->args[1], &id) != EXIT_DONE)
			return EXIT_FAILED;
		rc = cli->nargs == 4
			? meeting_attend(cli->store, id, cli->args[2], cli->args[3], cli->user, &e)
			: meeting_absent(cli->store, id, cli->args[2], cli->user, &e);
		return rc < 0 ? cli_fail_error(cli, &e) : EXIT_DONE;
	}
	return usage_error(cli, _("usage: kpitree %s"), cli->command->usage);
}
