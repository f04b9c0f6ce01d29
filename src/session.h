/* session.h: who is at work on which database, as every interface sees
 * it: the open store, the official (or local user) with their role and
 * scope, where files may be written, and over SSH whether the key that
 * let them in still does. The command line fills one in from its
 * options and the SSH forced command; the browser only ever reads it. */
#ifndef KPITREE_SESSION_H
#define KPITREE_SESSION_H

#include "access.h"
#include "error.h"
#include "outfile.h"
#include "store.h"

struct session {
	struct store *store;	/* NULL for commands that need none */
	char db_path[4096];
	char user[256];		/* the history's "who" */
	int read_only;
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

/* Whether the official's key still grants what it did when the session
 * began (always, when not watched): 1, or 0 with s->revoked set, the
 * end logged, and err saying so (a keys file that cannot be read grants
 * nothing). */
int session_rights_hold(struct session *s, struct error *err);

/* Makes the store ask session_rights_hold before each write: a key
 * removed while the official works stops their next save. */
void session_guard_writes(struct session *s);

/* Logs a refusal of what the session asked for (s->what), with why,
 * in the audit log beside the database (the default one when none is
 * open yet). */
void session_log_refusal(struct session *s, const char *why);

#endif
