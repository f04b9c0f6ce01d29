/* cli.h: the command line of SPEC.md (beside the browser, outside the
 * core, as SQLite keeps its shell out of the library): global options, the command table,
 * exit statuses, and the printed form of errors. */
#ifndef KPITREE_CLI_H
#define KPITREE_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "access.h"
#include "session.h"

enum { EXIT_DONE = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

#define CLI_MAX_ARGS 16

/* The most options a command has. */
#define CLI_OPTIONS_MAX 10

/* What a command gets: the parsed line, the open store (for commands that
 * need one), the user, and where to write. */
struct cli {
	FILE *out, *err;
	const struct command *command;
	int nargs;
	const char *args[CLI_MAX_ARGS];
	const char *options[CLI_OPTIONS_MAX];	/* values of the command's options, by index */
	int flags[CLI_OPTIONS_MAX];	/* seen, for options without a value */
	const char *repeated[ACCESS_MAX_SCOPES];	/* values of a repeatable option */
	int nrepeated;
	struct session session;	/* who is at work on which database */
};

/* The full-screen browser (ui/browser.h's browser_run): run on the
 * session with what the command line read for it; 0, or -1 and why. */
struct browse_options;
typedef int (*cli_browse_fn)(struct session *s, const struct browse_options *o, char *why,
			     size_t size);

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

/* The help text (usage, commands, options, environment) on f. */
void cli_help(FILE *f);

#endif
