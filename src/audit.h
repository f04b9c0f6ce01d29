/* audit.h: the audit log of access over SSH, kept in the database and
 * only ever appended to: access changes, sessions, refusals. */
#ifndef KPITREE_AUDIT_H
#define KPITREE_AUDIT_H

#include <stddef.h>

#include "error.h"
#include "store.h"

/* What an entry records; stored by its name (audit_event_name). */
enum audit_event {
	AUDIT_ACCESS_ADD, AUDIT_ACCESS_SET, AUDIT_ACCESS_REMOVE, AUDIT_ACCESS_DISABLE,
	AUDIT_ACCESS_ENABLE, AUDIT_ACCESS_ROTATE, AUDIT_SESSION_START, AUDIT_SESSION_END,
	AUDIT_REFUSED
};

/* One entry. Text fields are "" when they say nothing, never NULL. */
struct audit_entry {
	long long seq;		/* 1, 2, 3 ...: filled by audit_add */
	const char *at;		/* ISO 8601 UTC: filled by audit_add */
	const char *who;	/* the official of the session, or the local user */
	enum audit_event event;
	const char *official;	/* whom an access change is about */
	const char *fingerprint;	/* the key's, SHA256:... */
	const char *client;	/* $SSH_CONNECTION as given: recorded, never trusted */
	const char *what;	/* what was asked: the command, or the browser's key */
	const char *detail;	/* the new rights, the exit status, why it was refused */
};

/* "access add", "session start", "refused" ...: as stored, untranslated
 * (its translation is _() of it). */
const char *audit_event_name(enum audit_event event);

/* Appends e to the log of s with the next seq and the current time: in
 * the caller's write transaction if one is open (so that it stands or
 * falls with the change it records), else in its own. Returns the new
 * entry's seq, or -1 with err filled. */
long long audit_add(struct store *s, const struct audit_entry *e, struct error *err);

/* audit_add on the database at db_path, opened for this entry alone
 * (a read-only session's, or before the session's store is open), by
 * SQLite only, so that a store the process has open on it keeps its
 * locks. The file must be a kpitree database of schema version 6 or
 * later. Returns its seq, or -1 with err filled. */
long long audit_record(const char *db_path, const struct audit_entry *e, struct error *err);

/* Calls fn for each entry at or after since (YYYY-MM-DD, or a time as
 * iso_now writes it; NULL: all), oldest first. Returns how many, or
 * -1 with err filled. */
int audit_each(struct store *s, const char *since,
	       void (*fn)(void *ctx, const struct audit_entry *e), void *ctx, struct error *err);

/* The start of the local day date (YYYY-MM-DD) as iso_now writes a
 * time, for audit_each's since. Returns 0, or -1 with err filled. */
int audit_since(const char *date, char *iso, size_t size, struct error *err);

/* When the key fingerprint was first added (access add or rotate) and
 * last began a session, as YYYY-MM-DD (UTC) into added and last, ""
 * when the log has none. Returns 0, or -1 with err filled. */
int audit_key_dates(struct store *s, const char *fingerprint, char *added, char *last,
		    size_t size, struct error *err);

/* Reports what says the log was tampered with or is incomplete, one line
 * each: a gap in seq, a time that is none, an event kpitree never
 * writes, a trigger that keeps it append-only missing or changed, the
 * table gone, entries waiting in the file beside the database (it could
 * not take them). An end cut off by someone who dropped the triggers,
 * deleted the newest entries and made the triggers again is not seen.
 * Returns how many, or -1 with err filled. */
int audit_check(struct store *s, void (*report)(void *ctx, const char *problem), void *ctx,
		struct error *err);

#endif
