/* commands.h: what the files of the command line share: the command
 * table's shape, the commands, and the helpers more than one uses. */
#ifndef KPITREE_COMMANDS_H
#define KPITREE_COMMANDS_H

#include <stddef.h>
#include <stdio.h>

#include "cli.h"
#include "error.h"
#include "kpi.h"

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
	struct option_spec options[CLI_OPTIONS_MAX];
	int (*run)(struct cli *cli);	/* NULL: the browser */
	/* what the command needs of the database when it depends on the
	 * verb (NULL: db) */
	enum db_need (*db_need)(const struct cli *cli);
};

int run_init(struct cli *cli);
int run_show(struct cli *cli);
int run_set(struct cli *cli);
int run_history(struct cli *cli);
int run_check(struct cli *cli);
int run_backup(struct cli *cli);
int run_import(struct cli *cli);
int run_export(struct cli *cli);
int run_access(struct cli *cli);
int run_due(struct cli *cli);
int run_verification(struct cli *cli);
int run_meeting(struct cli *cli);
enum db_need access_db_need(const struct cli *cli);
/* audit.c: access log [--since DATE]. */
int access_log(struct cli *cli, const char *file);
enum db_need verification_db_need(const struct cli *cli);


extern const struct command commands[];
extern const size_t ncommands;

const struct command *find_command(const char *name);

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


/* cli.c: the helpers of every command. */
#define MAX_ERRORS 20	/* printed of one import, the rest counted */
/* Prints "kpitree: text" and the hint to --help. Returns EXIT_USAGE. */
int usage_error(struct cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The usage of cli's command, a line for each of its forms. Returns
 * EXIT_USAGE. */
int usage_of_command(struct cli *cli);
/* Prints each error and how many more. Returns EXIT_FAILED. */
int print_errors(struct cli *cli, const struct error_list *errors);
/* Whether arg is an option that chooses the database, who one is, or the
 * language (which an SSH client may not send). */
int widens(const char *arg);
/* values.c: a fiscal-year option or argument, or the error that names it. */
int parse_year(struct cli *cli, const char *text, int *year);
/* values.c: the KPI of the code an official typed, forgiven as search
 * forgives it (h13, Ｈ１３, ⑬ for H13); else the error names the nearest
 * code there is. A code naming several KPIs (⑫: H12a, H12b, H12c) is
 * refused when write (ERROR_AMBIGUOUS); a read takes the first, saying
 * so on standard error. */
int typed_kpi(struct cli *cli, const char *typed, int write, struct kpi *k, struct error *e);
/* files.c: a meeting's number, text, given as what (--meeting, ID). */
int meeting_number(struct cli *cli, const char *what, const char *text, long long *id);

/* ssh.c: who is at work, and their SSH session watched. */
int ssh_identity(struct cli *cli, const struct globals *g);
void local_identity(struct cli *cli, const char *file, int scoped);
int watch_rights(struct cli *cli, const struct globals *g);
void describe_request(struct cli *cli, int argc, char **argv, const char *ssh);
int is_forced(int argc, char **argv);
/* The process that logs the end of an SSH session killed before it
 * could (watch_session). */
struct watcher {
	int fd;		/* what session_over writes to; -1: none */
	pid_t pid;
};
void watch_session(struct cli *cli, const char *db_option, struct watcher *w);
void session_over(const struct watcher *w);

#endif
