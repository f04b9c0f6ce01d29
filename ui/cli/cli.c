/* cli.c: parsing the command line into a command, opening the database
 * it needs, running it, and the printed form of errors. */
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

int usage_error(struct cli *cli, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_message(cli->err, fmt, ap);
	va_end(ap);
	fputs(_("\nTry 'kpitree --help'.\n"), cli->err);
	return EXIT_USAGE;
}

int usage_of_command(struct cli *cli)
{
	/* the program's own text, a line for each form: not made inert,
	 * which would show its line ends as ^J */
	fputs("kpitree: ", cli->err);
	fprintf(cli->err, _("usage: kpitree %s"), cli->command->usage);
	fputs(_("\nTry 'kpitree --help'.\n"), cli->err);
	return EXIT_USAGE;
}

static int option_index(const struct command *c, const char *name)
{
	int i;

	for (i = 0; i < CLI_OPTIONS_MAX && c->options[i].name; i++)
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

/* An argument that starts with "--", or is a lone short option we know,
 * is an option; "-" and "-3" are values. */
static int is_option(const char *arg)
{
	return strncmp(arg, "--", 2) == 0 || strcmp(arg, "-h") == 0 || strcmp(arg, "-V") == 0 ||
	       strcmp(arg, "-o") == 0;
}

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
int widens(const char *arg)
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
		/* a file of the server's is named by the forced command, or
		 * by an admin's command (access): not by a client's status
		 * or due */
		if (i >= untrusted && is_option(a) &&
		    (widens(a) || (strcmp(a, "--file") == 0 && cli->command &&
				   cli->command->need != ACCESS_ADMIN))) {
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
			cli->session.read_only = 1;
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
		return usage_of_command(cli);
	return PARSED;
}

int print_errors(struct cli *cli, const struct error_list *errors)
{
	int i;

	for (i = 0; i < errors->n; i++)
		cli_fail_error(cli, &errors->items[i]);
	if (errors->more)
		cli_fail(cli, ngettext("%ld more error", "%ld more errors",
				       (unsigned long)errors->more), errors->more);
	return EXIT_FAILED;
}

/* A new database gets the bundled data before it takes its name (see
 * store_create), so that a failed or killed command leaves nothing. */
static int load_bundled(struct store *s, void *ctx, struct error *err)
{
	struct cli *cli = ctx;
	struct error items[MAX_ERRORS];
	struct error_list errors = { items, 0, MAX_ERRORS, 0 };
	struct import_stats stats;

	if (bundled_import(s, cli->session.user, &stats, &errors) == 0)
		return 0;
	print_errors(cli, &errors);
	return error_set(err, _("%s: not created: the bundled data did not import"), cli->session.db_path);
}

/* Opens the database the command needs. The default database is created
 * the first time it is needed; a named one must exist. */
static int open_store(struct cli *cli, const char *db_option)
{
	enum path_source source;
	enum store_mode mode;
	struct error err;
	enum db_need need = cli->command->db_need ? cli->command->db_need(cli) : cli->command->db;

	if (paths_database(db_option, cli->session.db_path, sizeof cli->session.db_path, &source,
			   &err) < 0)
		return cli_fail_error(cli, &err);
	if (need == DB_CREATE) {
		mode = STORE_CREATE;
	} else if (access(cli->session.db_path, F_OK) != 0 && source == PATH_DEFAULT) {
		if (paths_make_parent(cli->session.db_path, &err) < 0)
			return cli_fail_error(cli, &err);
		mode = STORE_CREATE;
	} else if (cli->session.read_only || (need == DB_READ && !store_writable(cli->session.db_path))) {
		mode = STORE_READ_ONLY;
	} else {
		mode = STORE_READ_WRITE;
	}
	if (need == DB_WRITE && cli->session.read_only)
		return cli_fail(cli, _("%s: not changed: the database is open read-only (--read-only)"),
				cli->session.db_path);
	if (need == DB_WRITE && access(cli->session.db_path, W_OK) != 0 &&
	    access(cli->session.db_path, F_OK) == 0) {
		char why[4200];

		snprintf(why, sizeof why, _("%s: not changed: you may not write this database"),
			 cli->session.db_path);
		/* over SSH, a session that could not begin leaves a trace: in
		 * the file beside, since the database takes nothing */
		if (cli->session.identity.enforced)
			access_log_refusal(cli->session.db_path, &cli->session.identity, cli->session.what, why);
		return cli_fail(cli, "%s", why);
	}
	if (mode == STORE_CREATE && !(need == DB_CREATE && cli_flag(cli, "--empty")))
		cli->session.store = store_create(cli->session.db_path, load_bundled, cli, &err);
	else
		cli->session.store = store_open(cli->session.db_path, mode, &err);
	if (!cli->session.store)
		return cli_fail_error(cli, &err);
	return EXIT_DONE;
}

int cli_refuse(struct cli *cli, const char *why)
{
	session_log_refusal(&cli->session, why);
	return cli_fail(cli, _("not permitted: %s"), why);
}

/* The browser's option, else its environment variable; NULL when
 * neither gives a value. */
static const char *option_or_env(struct cli *cli, const char *option, const char *env)
{
	const char *v = cli_option(cli, option);

	if (!v)
		v = getenv(env);
	return v && *v ? v : NULL;
}

/* Runs the browser with its options; says why it could not go on. */
static int run_browser(struct cli *cli, cli_browse_fn browse)
{
	struct browse_options o = {
		.year = cli_option(cli, "--year"),
		.keys = cli_option(cli, "--keys"),
		.ambiguous = option_or_env(cli, "--ambiguous-width", "KPITREE_AMBIGUOUS_WIDTH"),
		.cursor = option_or_env(cli, "--cursor", "KPITREE_CURSOR"),
		.mouse = !cli_flag(cli, "--no-mouse"),
		.key_times = cli_flag(cli, "--key-times"),
	};
	char why[8192];

	if (browse(&cli->session, &o, why, sizeof why) == 0)
		return EXIT_DONE;
	return cli_fail(cli, "%s", why);
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
	if (cli->session.identity.enforced) {
		/* over SSH, files go into the forced command's export folder,
		 * by default the database's name with -exports */
		if (g->ssh_exports)
			snprintf(cli->session.exports, sizeof cli->session.exports, "%s", g->ssh_exports);
		else
			snprintf(cli->session.exports, sizeof cli->session.exports, "%s-exports", cli->session.db_path);
		cli->session.files.folder = cli->session.exports;
		cli->session.files.overwrite = cli_flag(cli, "--force");
		status = watch_rights(cli, g);
		if (status != EXIT_DONE) {
			store_close(cli->session.store);
			return status;
		}
		access_log_event(cli->session.db_path, &cli->session.identity, AUDIT_SESSION_START,
				 cli->session.what, "");
	}
	status = cli->command->run ? cli->command->run(cli) : run_browser(cli, browse);
	/* what a command printed must have reached its reader: show or
	 * history into a full disk fails as an export does */
	if (status == EXIT_DONE && cli->command->run && (fflush(cli->out) != 0 || ferror(cli->out)))
		status = cli_fail(cli, _("%s: cannot write: %s"), _("standard output"), strerror(errno));
	store_close(cli->session.store);
	if (cli->session.identity.enforced) {
		snprintf(detail, sizeof detail, _("exit status %d"), status);
		access_log_event(cli->session.db_path, &cli->session.identity, AUDIT_SESSION_END,
				 cli->session.what, detail);
	}
	return status;
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
			snprintf(cli.session.db_path, sizeof cli.session.db_path, "%s", g.db);
		ssh_identity(&cli, &g);
		return cli_refuse(&cli, g.refused);
	}
	/* what a client sent that is no command of kpitree (sh, scp -t,
	 * sftp) is a refusal too: logged */
	if (status == EXIT_USAGE && ssh) {
		if (g.db)
			snprintf(cli.session.db_path, sizeof cli.session.db_path, "%s", g.db);
		if (ssh_identity(&cli, &g) == PARSED)
			access_log_refusal(cli.session.db_path, &cli.session.identity, cli.session.what,
					   _("not a command line of kpitree"));
	}
	if (status != PARSED)
		return status;
	if (g.ssh_user) {
		status = ssh_identity(&cli, &g);
		if (status != PARSED)
			return status;
	} else if (paths_user(g.user, cli.session.user, sizeof cli.session.user, &e) < 0) {
		return cli_fail_error(&cli, &e);
	}
	if (!cli.session.identity.enforced)
		local_identity(&cli, cli_option(&cli, "--file"), !strcmp(cli.command->name, "browse") ||
							!strcmp(cli.command->name, "due"));
	if (g.db)
		snprintf(cli.session.db_path, sizeof cli.session.db_path, "%s", g.db);
	if (!access_may(&cli.session.identity, cli.command->need)) {
		char why[1200], who[1024];

		snprintf(why, sizeof why, _("%s may not %s"),
			 access_describe(&cli.session.identity, who, sizeof who),
			 cli.command->name);
		return cli_refuse(&cli, why);
	}
	/* a viewer's key writes nothing: a command that would is refused
	 * and logged, as set is, before the read-only database says so */
	if (cli.session.identity.enforced && cli.command->db_need &&
	    cli.command->db_need(&cli) == DB_WRITE &&
	    !access_may(&cli.session.identity, ACCESS_EDIT)) {
		char why[1200], who[1024];

		snprintf(why, sizeof why, _("%s may not %s %s"),
			 access_describe(&cli.session.identity, who, sizeof who),
			 cli.command->name, cli.args[0]);
		return cli_refuse(&cli, why);
	}
	/* -o writes a file of the server's account: an admin's right */
	if (cli_option(&cli, "-o") && !access_may(&cli.session.identity, ACCESS_ADMIN)) {
		char why[1200], who[1024];

		snprintf(why, sizeof why, _("%s may export to standard output, not to a file on the server"),
			 access_describe(&cli.session.identity, who, sizeof who));
		return cli_refuse(&cli, why);
	}
	if (!cli.session.identity.enforced)
		return run_command(&cli, &g, browse);
	watch_session(&cli, g.db, &watcher);
	status = run_command(&cli, &g, browse);
	session_over(&watcher);
	return status;
}
