/* access.c: access VERB: who may use kpitree over SSH (kpitree's lines
 * of authorized_keys) and the audit log. */
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
#include "iso_time.h"
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
		if (access_scope_resolve(cli->session.store, cli->repeated[i], &id->scopes[id->nscopes++],
					 &e) < 0)
			return cli_fail_error(cli, &e);
	if (program_path(program, sizeof program) < 0 || !realpath(cli->session.db_path, db))
		return cli_fail(cli, _("cannot tell the full path of kpitree or of %s"), cli->session.db_path);
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
		.who = access_who(&cli->session.identity, who, sizeof who), .event = event,
		.official = official,
		.fingerprint = fingerprint, .client = getenv("SSH_CONNECTION"), .what = cli->session.what,
		.detail = detail,
	};

	if (store_begin(cli->session.store, e) < 0)
		return -1;
	if (audit_add(cli->session.store, &entry, e) < 0) {
		store_rollback(cli->session.store);
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
		store_rollback(cli->session.store);
	if (n < 0 && e->kind == ERROR_LAST_ADMIN)
		return cli_refuse(cli, e->text);
	if (n < 0)
		return cli_fail_error(cli, e);
	if (n == 0)
		return cli_fail(cli, _("%s: no key of '%s'"), file, name);
	if (store_commit(cli->session.store, &ce) < 0)
		return cli_fail(cli, _("%s: changed, but not recorded in the audit log: %s"), file,
				ce.text);
	return EXIT_DONE;
}

/* The official's database by its full path, as the keys' forced
 * commands name it. */
static int real_db(struct cli *cli, char *db)
{
	if (!realpath(cli->session.db_path, db))
		return cli_fail(cli, _("cannot tell the full path of %s"), cli->session.db_path);
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
		return usage_of_command(cli);
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

	if (!*iso || iso_time_parse(iso, &t) < 0 || !localtime_r(&t, &tm) ||
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
	    audit_key_dates(l->cli->session.store, fp, added, last, sizeof added, &e) < 0)
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
		l->rows[l->n][i] = xstrdup(texts[i]);
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

	if (!realpath(cli->session.db_path, l.db))
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
	return l.failed ? cli_fail(cli, _("%s: cannot read the audit log"), cli->session.db_path)
			: EXIT_DONE;
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

	store_rollback(cli->session.store);
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

/* What access VERB needs of the database: a write for what changes keys. */
enum db_need access_db_need(const struct cli *cli)
{
	const struct access_verb *verb = find_access_verb(cli);

	return verb && verb->writes ? DB_WRITE : cli->command->db;
}

/* access VERB ...: kpitree's lines of authorized_keys, and the log. */
int run_access(struct cli *cli)
{
	const struct access_verb *verb = find_access_verb(cli);
	const char *file = cli_option(cli, "--file");
	char path[4096];
	struct error e;

	if (!verb)
		return usage_of_command(cli);
	if (!file) {
		if (keys_file_default(path, sizeof path, &e) < 0)
			return cli_fail_error(cli, &e);
		file = path;
	}
	return verb->run(cli, file);
}
