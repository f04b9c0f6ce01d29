/* store.h: the one module that opens, creates, migrates, checks and
 * backs up the SQLite database. Other core modules borrow its handle. */
#ifndef KPITREE_STORE_H
#define KPITREE_STORE_H

#include <sqlite3.h>
#include <sys/stat.h>
#include <time.h>

#include "error.h"

enum store_mode {
	STORE_READ_WRITE,	/* the file must exist */
	STORE_READ_ONLY,	/* the file must exist; nothing is written */
	STORE_CREATE		/* the file must not exist */
};

#define STORE_CACHE_SIZE 64

struct store {
	sqlite3 *db;
	int read_only;
	char path[4096];
	/* Statements kept prepared for hot paths (imports), by SQL text. */
	struct {
		const char *sql;
		sqlite3_stmt *stmt;
	} cache[STORE_CACHE_SIZE];
	int import_module;	/* value_batch's virtual table registered */
	/* Asked before every write transaction (store_begin): over SSH,
	 * whether the official's key still grants what it did. NULL: none. */
	int (*before_write)(void *ctx, struct error *err);
	void *before_write_ctx;
	/* While another session holds the lock this one needs: asked every
	 * tenth of a second or so after the first, with how long it has
	 * waited; returning nonzero stops the wait (the statement fails,
	 * ERROR_BUSY); and once more, with -1, when a wait it was asked
	 * about is over, either way. NULL: wait quietly. Set with
	 * store_on_busy. */
	int (*on_busy)(void *ctx, long waited_ms);
	void *on_busy_ctx;
	long busy_timeout_ms;	/* STORE_BUSY_TIMEOUT_MS unless changed */
	struct timespec busy_since;
	long busy_waited_ms;	/* of the last wait, for its message */
	int busy_stopped;	/* the last wait was stopped by on_busy */
	int busy_asked;		/* on_busy was asked during this wait */
	/* A statement found the file damaged (SQLITE_CORRUPT, NOTADB):
	 * stays set, so that an interface that went on says so, and its
	 * exit status does. */
	int damaged;
	/* A reader opened immutable (read_only_uri): the file as it was
	 * then (seen), whether a statement found it changed since (stale),
	 * and how many times the connection was made again (generation). */
	int immutable;
	int stale;
	struct stat seen;
	long long generation;
	/* Inside an import (store_search_defer): the CREATE statements of
	 * the triggers it dropped, made again by store_search_catch_up;
	 * NULL outside one. */
	char *import_triggers;
};

/* How long a writer waits for another one before giving up, in ms. */
#define STORE_BUSY_TIMEOUT_MS 60000

/* Sets what is asked while s waits for another session's lock (see
 * struct store), and how long s waits at most (0: the default). */
void store_on_busy(struct store *s, int (*fn)(void *ctx, long waited_ms), void *ctx,
		   long timeout_ms);

/* Whether this process may write the database at path and make files
 * beside it (SQLite's -wal and -shm): a reader who may not is opened
 * read-only, creating nothing. */
int store_writable(const char *path);

/* Opens path in mode; WAL, foreign keys on, busy timeout set, and (unless
 * read-only) the schema created or migrated to the current version. A
 * file without a schema, or with a newer one, is refused before anything
 * is written to it. STORE_CREATE is store_create with nothing to fill.
 * Returns the store, or NULL with err filled (nothing created). */
struct store *store_open(const char *path, enum store_mode mode, struct error *err);

/* Creates the database path, which must not exist: the schema, then
 * fill(s, ctx, err) unless fill is NULL, all in a temporary file beside
 * path (PATH.tmp-PID) that takes the name path only once complete, so
 * that a creation killed at any moment leaves no database at path. What
 * killed creations and backups left beside path is removed first.
 * Returns the store open on path, or NULL with err filled (nothing
 * created). */
struct store *store_create(const char *path, int (*fill)(struct store *s, void *ctx,
							   struct error *err),
			   void *ctx, struct error *err);

/* Closes s and frees it; s may be NULL. */
void store_close(struct store *s);

/* Starts a write transaction (BEGIN IMMEDIATE, waiting for other writers).
 * Returns 0, or -1 with err filled. */
int store_begin(struct store *s, struct error *err);

/* A read transaction around many reads (a report, an export): one
 * snapshot of the database, one lock taken instead of one per statement.
 * Returns 1 when it began one, which store_read_end(s, 1) ends; 0 when s
 * was in a transaction already (store_read_end does nothing); -1 with err
 * filled. */
int store_read_begin(struct store *s, struct error *err);
void store_read_end(struct store *s, int began);

/* Commits; on failure rolls back. Returns 0, or -1 with err filled. */
int store_commit(struct store *s, struct error *err);

/* Rolls back the open transaction, if any. */
void store_rollback(struct store *s);

/* Prepares sql. Returns the statement, or NULL with err filled. */
sqlite3_stmt *store_prepare(struct store *s, const char *sql, struct error *err);

/* A statement for sql kept prepared for the life of the store, reset and
 * with its bindings cleared. sql must be a string that lives as long
 * (a literal); it is the cache's key. Do not finalize the result; call
 * sqlite3_reset when done with it, so that it holds no lock. Returns NULL
 * with err filled on failure. */
sqlite3_stmt *store_cached(struct store *s, const char *sql, struct error *err);

/* Steps stmt: SQLITE_ROW, SQLITE_DONE, or an error code with err filled.
 * Every statement of the core goes through here, so that tests can make
 * the Nth step fail (store_fail_step). */
int store_step(struct store *s, sqlite3_stmt *stmt, struct error *err);

/* Runs sql (no parameters, no rows). Returns 0, or -1 with err filled. */
int store_exec(struct store *s, const char *sql, struct error *err);

/* Inside a write transaction: stops the triggers from giving new rows
 * their search rows one statement at a time (it drops them, and
 * node_unique, until store_search_catch_up or a rollback makes them
 * again: schema_import_idle_triggers), and stores
 * in *mark the last search row there is. Returns 0, or -1 with err
 * filled. */
int store_search_defer(struct store *s, long long *mark, struct error *err);

/* Gives each row added since store_search_defer its search row, one
 * pass over each searchable table, indexes the search rows after mark,
 * and lets the triggers index again. Returns 0, or -1 with err filled. */
int store_search_catch_up(struct store *s, long long mark, struct error *err);

/* The error kind of an SQLite result code: SQLITE_BUSY is ERROR_BUSY,
 * SQLITE_READONLY ERROR_READ_ONLY, and so on. */
enum error_kind store_error_kind(int rc);

/* Fills err from the connection's last error, prefixed by what was being
 * done, with the kind its code says. Returns -1. */
int store_error(struct store *s, struct error *err, const char *what);

/* For tests: the nth store_step from now (1 = the next) fails with
 * SQLITE_IOERR; 0 turns this off. */
void store_fail_step(long nth);

/* Reports each problem found (SQLite's integrity_check and
 * foreign_key_check, the search index's counts, and the model's own
 * rules) to report, one line each (check.c). Returns the number of
 * problems, or -1 with err filled if the check itself could not run. */
int store_check(struct store *s, void (*report)(void *ctx, const char *problem),
		void *ctx, struct error *err);

/* The whole check (store_check), or the quick one: SQLite's
 * quick_check and the rules that read no more than a few rows. */
enum store_check_kind { STORE_CHECK_FULL, STORE_CHECK_QUICK };
int store_check_as(struct store *s, enum store_check_kind kind,
		   void (*report)(void *ctx, const char *problem), void *ctx, struct error *err);

/* Writes a consistent copy of the database to dest while others keep
 * working, opened by outfile_open under rules (NULL: local use): into a
 * temporary file beside dest, renamed over it at the end. Returns 0, or
 * -1 with err filled and dest untouched. */
struct outfile_rules;
int store_backup(struct store *s, const char *dest, const struct outfile_rules *rules,
		 struct error *err);

/* Removes the database file at path with its -wal, -shm and -journal. */
void store_remove(const char *path);

/* A number that changes whenever another connection commits a change to
 * the database (PRAGMA data_version): a browser polls it to show what
 * other officials saved. A reader opened immutable that no longer reads
 * what is there (a session began writing, the file changed, a statement
 * found it changed) is connected again here, and the number changes.
 * Returns -1 on error. */
long long store_data_version(struct store *s);

/* How many rows this connection has changed since it opened (its own
 * commits, which store_data_version does not count). */
long long store_own_changes(struct store *s);

/* Appends a change to a history table by sql, whose eight parameters
 * are: an id, a second id (0: NULL), what, the old and the new text
 * (NULL: NULL), the reason (NULL: ""), who and when. Returns 0, or -1. */
int store_log_change(struct store *s, const char *sql, long long id, long long id2,
		     const char *what, const char *old_text, const char *new_text,
		     const char *reason, const char *user, const char *now, struct error *err);

#endif
