/* audit.c: the audit table (schema version 7) appended to, read back,
 * and checked for the marks of tampering: a gap in its sequence, a
 * trigger that keeps it append-only gone. */
#include "audit.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "iso_time.h"
#include "schema.h"

/* Stored as they are; printed translated (_(audit_event_name(e))). */
static const char *const event_names[] = {
	[AUDIT_ACCESS_ADD] = N_("access add"), [AUDIT_ACCESS_SET] = N_("access set"),
	[AUDIT_ACCESS_REMOVE] = N_("access remove"),
	[AUDIT_ACCESS_DISABLE] = N_("access disable"),
	[AUDIT_ACCESS_ENABLE] = N_("access enable"), [AUDIT_ACCESS_ROTATE] = N_("access rotate"),
	[AUDIT_SESSION_START] = N_("session start"), [AUDIT_SESSION_END] = N_("session end"),
	[AUDIT_REFUSED] = N_("refused"),
};

#define NEVENTS (sizeof event_names / sizeof event_names[0])

const char *audit_event_name(enum audit_event event)
{
	return (unsigned)event < NEVENTS ? event_names[event] : "?";
}

static enum audit_event event_of(const char *name)
{
	size_t i;

	for (i = 0; i < NEVENTS; i++)
		if (strcmp(name, event_names[i]) == 0)
			return (enum audit_event)i;
	return AUDIT_REFUSED;
}

static const char add_sql[] =
	"INSERT INTO audit(seq, at, who, event, official, fingerprint, client, what, detail)"
	" VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM audit), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

static void bind_text(sqlite3_stmt *stmt, int i, const char *text)
{
	sqlite3_bind_text(stmt, i, text ? text : "", -1, SQLITE_TRANSIENT);
}

long long audit_add(struct store *s, const struct audit_entry *e, struct error *err)
{
	int own = sqlite3_get_autocommit(s->db);
	sqlite3_stmt *stmt;
	char now[64];
	long long seq = -1;

	if (own && store_begin(s, err) < 0)
		return -1;
	stmt = store_prepare(s, add_sql, err);
	if (stmt) {
		bind_text(stmt, 1, iso_now(now, sizeof now));
		bind_text(stmt, 2, e->who);
		bind_text(stmt, 3, audit_event_name(e->event));
		bind_text(stmt, 4, e->official);
		bind_text(stmt, 5, e->fingerprint);
		bind_text(stmt, 6, e->client);
		bind_text(stmt, 7, e->what);
		bind_text(stmt, 8, e->detail);
		if (store_step(s, stmt, err) == SQLITE_DONE)
			seq = sqlite3_last_insert_rowid(s->db);
		sqlite3_finalize(stmt);
	}
	if (!own)
		return seq;
	if (seq < 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, err) < 0 ? -1 : seq;
}

/* A connection to db_path of its own, opened by SQLite alone: while the
 * session's store is open on the same file in this process, nothing
 * else may open and close a descriptor of it (store_open looks at its
 * first bytes so), as closing any one drops every POSIX lock the
 * process holds on the file, and another process could then take the
 * write-ahead log from under the session's connection. The schema is
 * the session's, already checked and migrated. Returns the store, or
 * NULL with err filled. */
static struct store *open_beside(const char *db_path, struct error *err)
{
	struct store *s = calloc(1, sizeof *s);

	if (!s) {
		error_of(err, ERROR_NO_MEMORY, _("out of memory"));
		return NULL;
	}
	snprintf(s->path, sizeof s->path, "%s", db_path);
	if (sqlite3_open_v2(db_path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		error_set(err, "%s: %s", db_path, s->db ? sqlite3_errmsg(s->db) : "cannot open");
		store_close(s);
		return NULL;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS);
	return s;
}

long long audit_record(const char *db_path, const struct audit_entry *e, struct error *err)
{
	struct store *s = open_beside(db_path, err);
	long long seq;

	if (!s)
		return -1;
	seq = audit_add(s, e, err);
	store_close(s);
	return seq;
}

static const char each_sql[] =
	"SELECT seq, at, who, event, official, fingerprint, client, what, detail FROM audit"
	" WHERE at >= ?1 ORDER BY seq";

int audit_each(struct store *s, const char *since,
	       void (*fn)(void *ctx, const struct audit_entry *e), void *ctx, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s, each_sql, err);
	int rc, n = 0;

	if (!stmt)
		return -1;
	bind_text(stmt, 1, since);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct audit_entry e = {
			.seq = sqlite3_column_int64(stmt, 0),
			.at = (const char *)sqlite3_column_text(stmt, 1),
			.who = (const char *)sqlite3_column_text(stmt, 2),
			.event = event_of((const char *)sqlite3_column_text(stmt, 3)),
			.official = (const char *)sqlite3_column_text(stmt, 4),
			.fingerprint = (const char *)sqlite3_column_text(stmt, 5),
			.client = (const char *)sqlite3_column_text(stmt, 6),
			.what = (const char *)sqlite3_column_text(stmt, 7),
			.detail = (const char *)sqlite3_column_text(stmt, 8),
		};

		fn(ctx, &e);
		n++;
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? n : -1;
}

int audit_since(const char *date, char *iso, size_t size, struct error *err)
{
	struct tm tm = { 0 };
	int y, m, d, n = 0;
	time_t t;

	if (sscanf(date, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || date[n])
		return error_of(err, ERROR_INVALID, _("--since: '%s' is not a date like 2026-04-01"),
				date);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1 || tm.tm_mday != d || tm.tm_mon != m - 1 || !gmtime_r(&t, &tm) ||
	    !strftime(iso, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
		return error_of(err, ERROR_INVALID, _("--since: '%s' is not a date like 2026-04-01"),
				date);
	return 0;
}

/* The at of the first (MIN) or last (MAX) entry of fingerprint among
 * the events given, into buf ("" if none). */
static int key_time(struct store *s, const char *sql, const char *fingerprint, char *buf,
		    size_t size, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s, sql, err);
	int rc;

	if (!stmt)
		return -1;
	bind_text(stmt, 1, fingerprint);
	rc = store_step(s, stmt, err);
	snprintf(buf, size, "%s", rc == SQLITE_ROW && sqlite3_column_text(stmt, 0)
		 ? (const char *)sqlite3_column_text(stmt, 0) : "");
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}

int audit_key_dates(struct store *s, const char *fingerprint, char *added, char *last,
		    size_t size, struct error *err)
{
	if (key_time(s, "SELECT min(at) FROM audit WHERE fingerprint = ?1"
		     " AND event IN ('access add', 'access rotate')",
		     fingerprint, added, size, err) < 0)
		return -1;
	return key_time(s, "SELECT max(at) FROM audit WHERE fingerprint = ?1"
			" AND event = 'session start'", fingerprint, last, size, err);
}

/* What is wrong with the log, each a row: a seq that does not follow
 * the one before, a trigger of schema version 7 that is gone (or no
 * longer refuses). */
static const char check_sql[] =
	"SELECT 'audit log: entry ' || seq || ' follows entry ' || coalesce(prev, 0)"
	"  || ' (entries missing or out of order)'"
	" FROM (SELECT seq, lag(seq) OVER (ORDER BY seq) AS prev FROM audit)"
	" WHERE seq <> coalesce(prev, 0) + 1"
	" UNION ALL SELECT 'audit log: entry ' || seq || ' has a time that is not one (' || at || ')'"
	" FROM audit WHERE at NOT GLOB"
	"  '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'";

/* An event kpitree never writes. */
static int unknown_event(const char *name)
{
	size_t i;

	for (i = 0; i < NEVENTS; i++)
		if (strcmp(name, event_names[i]) == 0)
			return 0;
	return 1;
}

/* The triggers that keep the log append-only: there, and as written. */
static int check_triggers(struct store *s, void (*report)(void *ctx, const char *problem),
			  void *ctx, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s, "SELECT sql FROM sqlite_master WHERE type = 'trigger'"
					   " AND name = ? AND tbl_name = 'audit'", err);
	char line[256];
	int i, n = 0, rc = SQLITE_DONE;

	if (!stmt)
		return -1;
	for (i = 0; schema_audit_triggers[i][0]; i++) {
		const char *sql;

		sqlite3_reset(stmt);
		sqlite3_bind_text(stmt, 1, schema_audit_triggers[i][0], -1, SQLITE_STATIC);
		rc = store_step(s, stmt, err);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			break;
		sql = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(stmt, 0) : NULL;
		if (sql && strcmp(sql, schema_audit_triggers[i][1]) == 0)
			continue;
		snprintf(line, sizeof line, sql ? "audit log: the trigger %s that keeps it append-only"
					    " was changed"
					  : "audit log: the trigger %s that keeps it append-only is gone",
			 schema_audit_triggers[i][0]);
		report(ctx, line);
		n++;
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? n : -1;
}

/* Entries the database could not take, waiting in the file beside it. */
static int check_waiting(struct store *s, void (*report)(void *ctx, const char *problem),
			 void *ctx)
{
	char path[4200], line[4400];
	FILE *f;
	long n = 0;
	int c;

	snprintf(path, sizeof path, "%s-access.log", s->path);
	f = fopen(path, "r");
	if (!f)
		return 0;
	while ((c = getc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	if (!n)
		return 0;
	snprintf(line, sizeof line, "audit log: %ld entr%s the database could not take wait in %s",
		 n, n == 1 ? "y" : "ies", path);
	report(ctx, line);
	return 1;
}

int audit_check(struct store *s, void (*report)(void *ctx, const char *problem), void *ctx,
		struct error *err)
{
	sqlite3_stmt *stmt;
	int rc, n = 0, more;

	if (store_exec(s, "SELECT 1 FROM audit LIMIT 0", NULL) < 0) {
		report(ctx, "audit log: the table audit is gone");
		return 1 + check_waiting(s, report, ctx);
	}
	stmt = store_prepare(s, check_sql, err);
	if (!stmt)
		return -1;
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		report(ctx, (const char *)sqlite3_column_text(stmt, 0));
		n++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return -1;
	stmt = store_prepare(s, "SELECT seq, event FROM audit", err);
	if (!stmt)
		return -1;
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		const char *event = (const char *)sqlite3_column_text(stmt, 1);
		char line[256];

		if (!unknown_event(event ? event : ""))
			continue;
		snprintf(line, sizeof line, "audit log: entry %lld has an event kpitree never writes",
			 sqlite3_column_int64(stmt, 0));
		report(ctx, line);
		n++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return -1;
	more = check_triggers(s, report, ctx, err);
	if (more < 0)
		return -1;
	return n + more + check_waiting(s, report, ctx);
}
