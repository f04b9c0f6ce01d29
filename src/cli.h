/* cli.h: the command line of SPEC.md: global options, the command table,
 * exit statuses, and the printed form of errors. */
#ifndef KPITREE_CLI_H
#define KPITREE_CLI_H

#include <stdio.h>

#include "access.h"
#include "outfile.h"
#include "store.h"

enum { EXIT_DONE = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

#define CLI_MAX_ARGS 16

/* The most options a command has. */
#define CLI_OPTIONS_MAX 10

/* What a command gets: the parsed line, the open store (for commands that
 * need one), the user, and where to write. */
struct cli {
	FILE *out, *err;
	char db_path[4096];
	char user[256];
	int read_only;
	const struct command *command;
	int nargs;
	const char *args[CLI_MAX_ARGS];
	const char *options[CLI_OPTIONS_MAX];	/* values of the command's options, by index */
	int flags[CLI_OPTIONS_MAX];	/* seen, for options without a value */
	const char *repeated[ACCESS_MAX_SCOPES];	/* values of a repeatable option */
	int nrepeated;
	struct store *store;
	/* Who is at work: over SSH, the official of the key, whose role and
	 * scope bind (identity.enforced); else the user, who may do
	 * everything, with the scope their key would have (for due). */
	struct access_identity identity;
	char what[1024];	/* the command asked for, for the log */
	/* Where files asked for (-o, backup, :export) may go: anywhere
	 * locally; over SSH the export folder (exports), by plain names. */
	struct outfile_rules files;
	char exports[4096 + 16];
	/* Over SSH: the keys file whose line grants the official, read
	 * again before each write and every recheck seconds ("": not
	 * watched); a session idle for idle seconds ends (0: never). */
	char keys_path[4096], db_real[4096];
	int recheck, idle;
	int revoked;		/* the key is gone or changed: the session ends */
	char revoked_why[1200];
};

/* The full-screen browser, which lives outside the core (ui/). */
typedef int (*cli_browse_fn)(struct cli *cli);

/* Runs the command line argv (argv[0] is the program) and returns the
 * exit status. browse runs the browser; out and err receive the output. */
int cli_main(int argc, char **argv, cli_browse_fn browse, FILE *out, FILE *err);

/* Prints "kpitree: text" on cli->err. Returns EXIT_FAILED. */
int cli_fail(struct cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints e as "kpitree: FILE:LINE:COLUMN: text". Returns EXIT_FAILED. */
int cli_fail_error(struct cli *cli, const struct error *e);

/* The option value of the running command, or NULL. */
const char *cli_option(const struct cli *cli, const char *name);

/* Whether a flag option of the running command was given. */
int cli_flag(const struct cli *cli, const char *name);

/* Refuses what the identity may not do: "kpitree: not permitted: why"
 * on cli->err, and the refusal logged beside the database. Returns
 * EXIT_FAILED. */
int cli_refuse(struct cli *cli, const char *why);

/* Whether the official's key still grants what it did when the session
 * began (always, when not watched): 1, or 0 with cli->revoked set and
 * err saying so (a keys file that cannot be read grants nothing). */
int cli_rights_hold(struct cli *cli, struct error *err);

/* The help text (usage, commands, options, environment) on f. */
void cli_help(FILE *f);

#endif
