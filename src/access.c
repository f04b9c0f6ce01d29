/* access.c: roles and what they allow, scopes read and matched against
 * a KPI's strategy, priority project, grant project and municipality,
 * and the log of what was refused to whom. */
#include "access.h"
#include "i18n.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "audit.h"
#include "iso_time.h"

static const char *const role_names[] = { "viewer", "editor", "admin" };

static const char *const scope_kinds[] = {
	[SCOPE_STRATEGY] = "strategy", [SCOPE_PRIORITY] = "priority",
	[SCOPE_PROJECT] = "project", [SCOPE_MUNICIPALITY] = "municipality",
};

static const char *const scope_kind_titles[] = {
	[SCOPE_STRATEGY] = "strategy", [SCOPE_PRIORITY] = "strategy project",
	[SCOPE_PROJECT] = "grant project", [SCOPE_MUNICIPALITY] = "municipality",
};

#define NKINDS 4

const char *access_role_name(enum access_role role)
{
	return role_names[role];
}

int access_role_parse(const char *text, enum access_role *role, struct error *err)
{
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(text, role_names[i]) == 0) {
			*role = (enum access_role)i;
			return 0;
		}
	return error_set(err, _("no role '%s' (viewer, editor, admin)"), text);
}

int access_name_ok(const char *name)
{
	static const char allowed[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				      "0123456789._-@";
	size_t n = strlen(name);

	return n > 0 && n <= ACCESS_NAME_MAX && name[0] != '-' && strspn(name, allowed) == n;
}

/* A scope's value goes into a forced command in authorized_keys:
 * printable, without the quote and backslash that file gives meaning. */
static int value_ok(const char *v)
{
	const unsigned char *p;

	if (!*v || strlen(v) >= ACCESS_SCOPE_MAX)
		return 0;
	for (p = (const unsigned char *)v; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '"' || *p == '\\')
			return 0;
	return 1;
}

int access_scope_parse(const char *text, struct access_scope *scope, struct error *err)
{
	const char *colon = strchr(text, ':');
	int k;

	for (k = 0; colon && k < NKINDS; k++) {
		if (strlen(scope_kinds[k]) != (size_t)(colon - text) ||
		    strncmp(text, scope_kinds[k], (size_t)(colon - text)) != 0)
			continue;
		if (!value_ok(colon + 1))
			return error_set(err, _("scope '%s': a name without quotes, backslashes or "
					 "control characters, shorter than %d bytes"), text,
					 ACCESS_SCOPE_MAX);
		scope->kind = (enum access_scope_kind)k;
		snprintf(scope->value, sizeof scope->value, "%s", colon + 1);
		return 0;
	}
	return error_set(err, _("scope '%s': not KIND:NAME (strategy, priority, project, "
			 "municipality)"), text);
}

char *access_scope_text(const struct access_scope *scope, char *buf, size_t size)
{
	snprintf(buf, size, "%s:%s", scope_kinds[scope->kind], scope->value);
	return buf;
}

/* What each kind of scope is called by, as SQL giving the canonical
 * value for ?1: a code or a title. */
static const char *const resolve_sql[NKINDS] = {
	[SCOPE_STRATEGY] = "SELECT name FROM strategy WHERE name = ?1",
	[SCOPE_PRIORITY] =
		"SELECT DISTINCT s.code_prefix || 'P' || n.label FROM node n"
		" JOIN strategy s ON s.id = n.strategy_id WHERE n.level = 1"
		" AND (s.code_prefix || 'P' || n.label = ?1 OR n.title = ?1"
		"      OR n.label || ' ' || n.title = ?1)",
	[SCOPE_PROJECT] =
		"SELECT DISTINCT substr(k.code, 1, instr(k.code, '-') - 1) FROM kpi k"
		" JOIN project p ON p.id = k.project_id WHERE instr(k.code, '-') > 1"
		" AND (substr(k.code, 1, instr(k.code, '-') - 1) = ?1 OR p.title = ?1)",
	[SCOPE_MUNICIPALITY] =
		"SELECT municipality FROM strategy WHERE municipality = ?1 AND ?1 <> ''"
		" UNION SELECT municipality FROM project WHERE municipality = ?1",
};

/* The canonical value text names as kind into value; returns 1 if
 * found, 0 if not, -1 with err. */
static int resolve_kind(struct store *s, int kind, const char *text, char *value, size_t size,
			struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s, resolve_sql[kind], err);
	int rc, found = 0;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, text, -1, SQLITE_TRANSIENT);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW && !found) {
		snprintf(value, size, "%s", (const char *)sqlite3_column_text(stmt, 0));
		found = 1;
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? found : -1;
}

int access_scope_resolve(struct store *s, const char *text, struct access_scope *scope,
			 struct error *err)
{
	char value[ACCESS_SCOPE_MAX], buf[ACCESS_SCOPE_MAX + 16];
	int k, rc, found = -1;

	if (access_scope_parse(text, scope, NULL) == 0) {
		rc = resolve_kind(s, scope->kind, scope->value, value, sizeof value, err);
		if (rc < 0)
			return -1;
		if (!rc)
			return error_set(err, _("scope '%s': no %s '%s' in the database"), text,
					 scope_kind_titles[scope->kind], scope->value);
		snprintf(scope->value, sizeof scope->value, "%s", value);
		return 0;
	}
	for (k = 0; k < NKINDS; k++) {
		rc = resolve_kind(s, k, text, value, sizeof value, err);
		if (rc < 0)
			return -1;
		if (!rc)
			continue;
		if (found >= 0)
			return error_set(err, _("scope '%s' names a %s and a %s; write %s:%s or %s:%s"),
					 text, scope_kind_titles[found], scope_kind_titles[k],
					 scope_kinds[found], text, scope_kinds[k], text);
		found = k;
		scope->kind = (enum access_scope_kind)k;
		snprintf(scope->value, sizeof scope->value, "%s", value);
	}
	if (found < 0)
		return error_set(err, _("scope '%s': no strategy, strategy project, grant project "
				 "or municipality of that name"), text);
	if (!value_ok(scope->value))
		return error_set(err, _("scope '%s': cannot be written into authorized_keys"),
				 access_scope_text(scope, buf, sizeof buf));
	return 0;
}

char *access_describe(const struct access_identity *id, char *buf, size_t size)
{
	size_t used;
	int i;

	used = (size_t)snprintf(buf, size, "%s (%s,", id->name, access_role_name(id->role));
	for (i = 0; i < id->nscopes && used < size; i++) {
		char s[ACCESS_SCOPE_MAX + 16];

		used += (size_t)snprintf(buf + used, size - used, " %s",
					 access_scope_text(&id->scopes[i], s, sizeof s));
	}
	if (used < size)
		snprintf(buf + used, size - used, "%s)", id->nscopes ? "" : " all");
	return buf;
}

int access_may(const struct access_identity *id, enum access_action action)
{
	if (!id || !id->enforced)
		return 1;
	switch (action) {
	case ACCESS_READ: return 1;
	case ACCESS_EDIT:
	case ACCESS_EVALUATE: return id->role >= ROLE_EDITOR;
	case ACCESS_ADMIN: return id->role >= ROLE_ADMIN;
	}
	return 0;
}

int access_in_scope(const struct access_identity *id, const struct access_kpi *k)
{
	int i;

	if (!id || !id->nscopes)
		return 1;
	for (i = 0; i < id->nscopes; i++) {
		const struct access_scope *sc = &id->scopes[i];
		const char *have[NKINDS] = {
			[SCOPE_STRATEGY] = k->strategy, [SCOPE_PRIORITY] = k->priority,
			[SCOPE_PROJECT] = k->project, [SCOPE_MUNICIPALITY] = k->municipality,
		};

		if (*have[sc->kind] && strcmp(have[sc->kind], sc->value) == 0)
			return 1;
	}
	return 0;
}

/* Each KPI with its strategy, the strategy project its home row stands
 * under (walked up from the home row), its grant project's code and
 * its municipality. */
static const char kpis_sql[] =
	"WITH RECURSIVE up(kpi_id, id, parent) AS ("
	"  SELECT kp.kpi_id, p.id, p.parent_id FROM kpi_placement kp"
	"  JOIN placement p ON p.id = kp.placement_id"
	"  WHERE kp.home = 1 AND (?1 = 0 OR kp.kpi_id = ?1)"
	"  UNION ALL SELECT up.kpi_id, p.id, p.parent_id FROM placement p"
	"  JOIN up ON p.id = up.parent)"
	" SELECT k.id, k.code, k.name, coalesce(s.name, ''),"
	"  coalesce((SELECT s2.code_prefix || 'P' || n.label FROM up"
	"   JOIN placement p ON p.id = up.id JOIN node n ON n.id = p.node_id"
	"   JOIN strategy s2 ON s2.id = n.strategy_id"
	"   WHERE up.kpi_id = k.id AND up.parent IS NULL), ''),"
	"  CASE WHEN k.project_id IS NULL OR instr(k.code, '-') < 2 THEN ''"
	"   ELSE substr(k.code, 1, instr(k.code, '-') - 1) END,"
	"  coalesce(s.municipality, pr.municipality, '')"
	" FROM kpi k LEFT JOIN strategy s ON s.id = k.strategy_id"
	" LEFT JOIN project pr ON pr.id = k.project_id"
	" WHERE ?1 = 0 OR k.id = ?1 ORDER BY k.code";

int access_kpis(struct store *s, long long kpi_id,
		void (*fn)(void *ctx, const struct access_kpi *k), void *ctx, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s, kpis_sql, err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, kpi_id);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct access_kpi k = {
			.id = sqlite3_column_int64(stmt, 0),
			.code = (const char *)sqlite3_column_text(stmt, 1),
			.name = (const char *)sqlite3_column_text(stmt, 2),
			.strategy = (const char *)sqlite3_column_text(stmt, 3),
			.priority = (const char *)sqlite3_column_text(stmt, 4),
			.project = (const char *)sqlite3_column_text(stmt, 5),
			.municipality = (const char *)sqlite3_column_text(stmt, 6),
		};

		fn(ctx, &k);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

struct one_kpi {
	const struct access_identity *id;
	int found, in_scope;
	char code[32];
};

static void check_one(void *ctx, const struct access_kpi *k)
{
	struct one_kpi *o = ctx;

	o->found = 1;
	o->in_scope = access_in_scope(o->id, k);
	snprintf(o->code, sizeof o->code, "%s", k->code);
}

int access_owes_kpi(struct store *s, const struct access_identity *id, enum access_action action,
		    long long kpi_id, struct error *err)
{
	struct one_kpi o = { .id = id };

	if (!access_may(id, action))
		return 0;
	if (!id || !id->nscopes)
		return 1;
	if (access_kpis(s, kpi_id, check_one, &o, err) < 0)
		return -1;
	return o.in_scope;
}

int access_may_kpi(struct store *s, const struct access_identity *id, enum access_action action,
		   long long kpi_id, char *why, size_t size, struct error *err)
{
	struct one_kpi o = { .id = id };
	char who[1024];

	if (access_may(id, action) && (!id || !id->enforced || !id->nscopes))
		return 1;
	if (!access_may(id, action)) {
		snprintf(why, size, _("%s may read and export, not %s"),
			 access_describe(id, who, sizeof who),
			 action == ACCESS_EVALUATE ? _("record evaluations") : _("enter values"));
		return 0;
	}
	if (access_kpis(s, kpi_id, check_one, &o, err) < 0)
		return -1;
	if (o.in_scope)
		return 1;
	snprintf(why, size, _("%s is outside the scope of %s"), o.found ? o.code : _("this KPI"),
		 access_describe(id, who, sizeof who));
	return 0;
}

int access_admin_kept(const char *name, const char *db, int admins_before, int admins_after,
		      struct error *err)
{
	if (admins_before > 0 && admins_after == 0)
		return error_of(err, ERROR_LAST_ADMIN, _("%s is the last admin of %s; add another first"),
				name, db);
	return 0;
}

char *access_log_path(const char *db_path, char *buf, size_t size)
{
	snprintf(buf, size, "%s-access.log", db_path);
	return buf;
}

/* text with control characters as \xNN, so that one refusal is one
 * line whatever a client sent. */
static void printable(const char *text, char *buf, size_t size)
{
	const unsigned char *p;
	size_t used = 0;

	for (p = (const unsigned char *)text; *p && used + 5 < size; p++) {
		if (*p < 0x20 || *p == 0x7f)
			used += (size_t)snprintf(buf + used, size - used, "\\x%02x", *p);
		else
			buf[used++] = (char)*p;
	}
	buf[used] = '\0';
}

char *access_who(const struct access_identity *id, char *buf, size_t size)
{
	if (!id)
		snprintf(buf, size, "?");
	else if (id->enforced)
		access_describe(id, buf, size);
	else
		snprintf(buf, size, "%s", id->name);
	return buf;
}

void access_log_event(const char *db_path, const struct access_identity *id,
		      enum audit_event event, const char *what, const char *detail)
{
	const char *conn = getenv("SSH_CONNECTION");
	char line[4096], who[1024], named[1024], clean[2048], from[64] = "", key[80] = "", now[64],
	     path[4200];
	struct audit_entry e = {
		.who = access_who(id, named, sizeof named), .event = event,
		.fingerprint = id ? id->key : "", .client = conn, .what = what, .detail = detail,
	};
	int fd;

	if (conn && *conn)
		snprintf(from, sizeof from, " from %.*s", (int)strcspn(conn, " "), conn);
	if (id && *id->key)
		snprintf(key, sizeof key, " key %s", id->key);
	printable(what, clean, sizeof clean);
	snprintf(line, sizeof line, "%s %s%s%s: %s%s%s", audit_event_name(event),
		 id ? access_describe(id, who, sizeof who) : "?", from, key, clean,
		 detail && *detail ? ": " : "", detail ? detail : "");
	openlog("kpitree", LOG_PID, LOG_AUTHPRIV);
	syslog(LOG_NOTICE, "%s", line);
	closelog();
	if (*db_path && audit_record(db_path, &e, NULL) > 0)
		return;
	/* a database that cannot take it: the file beside it */
	fd = open(access_log_path(db_path, path, sizeof path),
		  O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0)
		return;
	dprintf(fd, "%s %s\n", iso_now(now, sizeof now), line);
	close(fd);
}

void access_log_refusal(const char *db_path, const struct access_identity *id,
			const char *what, const char *why)
{
	access_log_event(db_path, id, AUDIT_REFUSED, what, why);
}
