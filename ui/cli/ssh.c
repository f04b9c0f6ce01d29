/* ssh.c: the official over SSH: who a forced command names, the watch
 * on their key, and the end of their session logged however it ends. */
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

#include "alloc.h"
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

/* The official a forced command names, bound by role and scope; with
 * the words of the SSH client's command (SSH_ORIGINAL_COMMAND) after
 * the forced ones in argv, so that they are parsed as one command line.
 * Returns PARSED or an exit status. */
int ssh_identity(struct cli *cli, const struct globals *g)
{
	struct access_identity *id = &cli->session.identity;
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
	snprintf(cli->session.user, sizeof cli->session.user, "%s", id->name);
	/* a viewer's database is opened read-only: nothing can be written */
	if (id->role == ROLE_VIEWER)
		cli->session.read_only = 1;
	return PARSED;
}

/* A local user: every right, and (with scoped) the scope of their key
 * if they have one in file: for due and the browser's count of it. */
void local_identity(struct cli *cli, const char *file, int scoped)
{
	struct keys_entry *entry;
	char path[4096];
	struct error e;

	snprintf(cli->session.identity.name, sizeof cli->session.identity.name, "%.*s",
		 ACCESS_NAME_MAX, cli->session.user);
	cli->session.identity.role = ROLE_ADMIN;
	if (!scoped)
		return;
	entry = xcalloc(1, sizeof *entry);
	if (!file && keys_file_default(path, sizeof path, &e) == 0)
		file = path;
	if (file && keys_file_find(file, cli->session.user, entry, &e) == 1) {
		cli->session.identity = entry->id;
		cli->session.identity.enforced = 0;
	}
	free(entry);
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
int watch_rights(struct cli *cli, const struct globals *g)
{
	struct error e;
	char path[4096];

	cli->session.recheck = seconds(g->ssh_recheck, 10);
	cli->session.idle = seconds(g->ssh_idle, 0);
	if (!cli->session.store || !realpath(cli->session.db_path, cli->session.db_real))
		return EXIT_DONE;
	if (g->ssh_keys)
		snprintf(cli->session.keys_path, sizeof cli->session.keys_path, "%s", g->ssh_keys);
	else if (keys_file_default(path, sizeof path, &e) == 0 &&
		 keys_file_grants(path, cli->session.db_real, &cli->session.identity, &e) == 1)
		snprintf(cli->session.keys_path, sizeof cli->session.keys_path, "%s", path);
	if (!*cli->session.keys_path)
		return EXIT_DONE;
	if (session_rights_hold(&cli->session, &e) != 1)
		return cli_fail_error(cli, &e);
	session_guard_writes(&cli->session);
	return EXIT_DONE;
}

/* What was asked, for the log: the client's words, or argv without
 * the options that say which database and who (a forced command's). */
void describe_request(struct cli *cli, int argc, char **argv, const char *ssh)
{
	size_t used = 0;
	int i;

	if (ssh) {
		snprintf(cli->session.what, sizeof cli->session.what, "%s", ssh);
		return;
	}
	for (i = 1; i < argc && used < sizeof cli->session.what; i++) {
		if (widens(argv[i]) && strcmp(argv[i], "--lang") != 0) {
			i++;
			continue;
		}
		used += (size_t)snprintf(cli->session.what + used, sizeof cli->session.what - used, "%s%s",
					 used ? " " : "", argv[i]);
	}
	if (!used)
		snprintf(cli->session.what, sizeof cli->session.what, "browse");
}

int is_forced(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--ssh-user") == 0)
			return 1;
	return 0;
}

/* Over SSH a session's end is logged however it ends: a process of its
 * own (forked before any database is open: no SQLite connection crosses
 * a fork) waits, out of the terminal's session and deaf to its hang-up,
 * for the session to say it is over (session_over). When it never does
 * (the connection dropped and the hang-up killed it, or it was killed),
 * that process logs the end. Fills w (fd -1: no such process, and the
 * end of a killed session goes unlogged). */
void watch_session(struct cli *cli, const char *db_option, struct watcher *w)
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
		access_log_event(path, &cli->session.identity, AUDIT_SESSION_END, cli->session.what,
				 _("ended without an exit status: the connection was lost, or the"
				   " session killed"));
	_exit(0);
}

/* Tells watch_session's process that the session logged its own end,
 * and waits for it to go. */
void session_over(const struct watcher *w)
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
