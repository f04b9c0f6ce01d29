/* access.h: who an official is over SSH (name, role, scope), what each
 * role may do, which KPIs a scope holds, and the log of refusals. */
#ifndef KPITREE_ACCESS_H
#define KPITREE_ACCESS_H

#include <stddef.h>

#include "audit.h"
#include "error.h"
#include "store.h"

/* In rising order: each role may do what the one before may. */
enum access_role { ROLE_VIEWER, ROLE_EDITOR, ROLE_ADMIN };

/* What a role is asked for: reading and exporting (viewer), entering
 * values and recording meeting evaluations (editor, within its scope),
 * importing, backing up, managing access, writing server files (admin). */
enum access_action { ACCESS_READ, ACCESS_EDIT, ACCESS_EVALUATE, ACCESS_ADMIN };

/* A scope in its canonical form, KIND:VALUE: strategy:NAME (a strategy
 * by its name), priority:HP1 (a strategy project, 重点戦略プロジェクト: the
 * strategy's code prefix, P, its number), project:SP1 (a grant project:
 * its KPIs' code before the dash), municipality:札幌市. */
enum access_scope_kind { SCOPE_STRATEGY, SCOPE_PRIORITY, SCOPE_PROJECT, SCOPE_MUNICIPALITY };

#define ACCESS_NAME_MAX 64
#define ACCESS_SCOPE_MAX 256
#define ACCESS_MAX_SCOPES 8

struct access_scope {
	enum access_scope_kind kind;
	char value[ACCESS_SCOPE_MAX];
};

struct access_identity {
	char name[ACCESS_NAME_MAX + 1];
	enum access_role role;
	int nscopes;		/* 0: everything */
	struct access_scope scopes[ACCESS_MAX_SCOPES];
	int enforced;		/* a key's forced command set it: role and scope bind */
	char lang[3];		/* the key's language, "ja" or "en" ("": ja) */
	char key[64];		/* the key's fingerprint (SHA256:...), "" if not told */
};

/* What the scopes are matched against: a KPI's strategy, priority
 * project, grant project and municipality, as access_kpis reads them. */
struct access_kpi {
	long long id;
	const char *code, *name;
	const char *strategy;		/* "" for a project KPI */
	const char *priority;		/* HP1; "" without a home row */
	const char *project;		/* SP1; "" for a strategy KPI */
	const char *municipality;	/* "" for the prefecture's strategy */
};

/* "viewer", "editor", "admin". */
const char *access_role_name(enum access_role role);

/* Reads a role's name. Returns 0, or -1 with err filled. */
int access_role_parse(const char *text, enum access_role *role, struct error *err);

/* Whether name may name an official: 1 to 64 of A-Z a-z 0-9 . _ - @,
 * not starting with - (it goes into authorized_keys and a command). */
int access_name_ok(const char *name);

/* Reads a scope in its canonical form (KIND:VALUE), without looking at
 * any database. Returns 0, or -1 with err filled. */
int access_scope_parse(const char *text, struct access_scope *scope, struct error *err);

/* Reads a scope as an administrator writes it: canonical, or a grant
 * project's code or title, a strategy project's code (HP1) or title, a
 * strategy's name, a municipality; checked against the database s.
 * Returns 0, or -1 with err filled (unknown, or naming two kinds). */
int access_scope_resolve(struct store *s, const char *text, struct access_scope *scope,
			 struct error *err);

/* "project:SP1". Returns buf. */
char *access_scope_text(const struct access_scope *scope, char *buf, size_t size);

/* "tanaka (editor, project:SP1 municipality:札幌市)", or "(editor, all)". */
char *access_describe(const struct access_identity *id, char *buf, size_t size);

/* Whether id's role allows action (anywhere, for ACCESS_READ and
 * ACCESS_ADMIN; within its scope for the others). An identity that is
 * not enforced (a local user) may do everything. */
int access_may(const struct access_identity *id, enum access_action action);

/* Whether k lies within id's scopes (no scope: everything). */
int access_in_scope(const struct access_identity *id, const struct access_kpi *k);

/* Calls fn for each KPI (kpi_id 0) or the one KPI with that id, by
 * code, with what scopes match against. Returns 0, or -1 with err. */
int access_kpis(struct store *s, long long kpi_id,
		void (*fn)(void *ctx, const struct access_kpi *k), void *ctx, struct error *err);

/* Whether id may do action (ACCESS_EDIT: change its values;
 * ACCESS_EVALUATE: record a meeting's evaluation of it) on the KPI
 * kpi_id: 1, or 0 with why (for the screen and the log), or -1 with err. */
int access_may_kpi(struct store *s, const struct access_identity *id, enum access_action action,
		   long long kpi_id, char *why, size_t size, struct error *err);

/* Whether the KPI kpi_id is id's to do action on, as what is due to an
 * official is counted (due): their role allows it and the KPI lies in
 * their scopes, those of a local user's key too (which access_may_kpi
 * does not bind). 1, 0, or -1 with err. */
int access_owes_kpi(struct store *s, const struct access_identity *id, enum access_action action,
		    long long kpi_id, struct error *err);

/* The rule that someone can still manage access: a change to name's
 * keys for database db that leaves it without an active admin (a key
 * neither disabled nor expired), where it had admins_before, is
 * refused, over SSH and locally alike. Returns 0, or -1 with err filled
 * (ERROR_LAST_ADMIN). */
int access_admin_kept(const char *name, const char *db, int admins_before, int admins_after,
		      struct error *err);

/* The official as the audit log names them: over SSH with the role and
 * scope their key binds (access_describe), else the local user's name.
 * Returns buf. */
char *access_who(const struct access_identity *id, char *buf, size_t size);

/* Where what the database cannot take is logged: the database's path
 * with -access.log. */
char *access_log_path(const char *db_path, char *buf, size_t size);

/* Logs event (a session's start or end, a refusal) of id, with what
 * was asked and detail (the exit status, why it was refused), the key's
 * fingerprint (id->key) and $SSH_CONNECTION as given: in the audit log
 * of the database db_path (audit.h) and to syslog; if the database
 * cannot take it, as one line of the file beside it (access_log_path),
 * control characters in what as \xNN. Failing to log is not an error
 * of the command. */
void access_log_event(const char *db_path, const struct access_identity *id,
		      enum audit_event event, const char *what, const char *detail);

/* access_log_event of a refusal: what was asked and why it was refused. */
void access_log_refusal(const char *db_path, const struct access_identity *id,
			const char *what, const char *why);

#endif
