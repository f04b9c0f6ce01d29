/* store.c: opening the database (WAL, foreign keys, busy wait), creating
 * and migrating the schema, transactions, checking and backing up. */
#include "store.h"
#include "i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "outfile.h"
#include "schema.h"

static long fail_countdown;

/* Compares digit runs as numbers, so that SP2-1 sorts before SP10-1. */
static int natural_compare(void *unused, int na, const void *a, int nb, const void *b)
{
	const unsigned char *p = a, *q = b, *pe = p + na, *qe = q + nb;

	(void)unused;
	while (p < pe && q < qe) {
		if (*p >= '0' && *p <= '9' && *q >= '0' && *q <= '9') {
			const unsigned char *ps, *qs;
			long lp, lq;

			while (p < pe && *p == '0')
				p++;
			while (q < qe && *q == '0')
				q++;
			for (ps = p; p < pe && *p >= '0' && *p <= '9'; p++)
				;
			for (qs = q; q < qe && *q >= '0' && *q <= '9'; q++)
				;
			lp = p - ps;
			lq = q - qs;
			if (lp != lq)
				return lp < lq ? -1 : 1;
			if (lp && memcmp(ps, qs, (size_t)lp) != 0)
				return memcmp(ps, qs, (size_t)lp);
			continue;
		}
		if (*p != *q)
			return *p < *q ? -1 : 1;
		p++;
		q++;
	}
	return (p < pe) - (q < qe);
}

void store_fail_step(long nth)
{
	fail_countdown = nth;
}

enum error_kind store_error_kind(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: case SQLITE_ROW: case SQLITE_DONE:
		return ERROR_NONE;
	case SQLITE_BUSY: case SQLITE_LOCKED:
		return ERROR_BUSY;
	case SQLITE_READONLY:
		return ERROR_READ_ONLY;
	case SQLITE_IOERR: case SQLITE_FULL: case SQLITE_CANTOPEN: case SQLITE_PERM:
		return ERROR_IO;
	case SQLITE_NOMEM:
		return ERROR_NO_MEMORY;
	case SQLITE_CORRUPT: case SQLITE_NOTADB:
		return ERROR_CORRUPT;
	case SQLITE_CONSTRAINT: case SQLITE_MISMATCH: case SQLITE_TOOBIG: case SQLITE_RANGE:
		return ERROR_INVALID;
	default:
		return ERROR_FAILED;
	}
}

/* SQLite asks this while the lock it needs is held by another session:
 * 1 to try again, after a short sleep; 0 to give up (SQLITE_BUSY). */
static int busy_wait(void *ctx, int count)
{
	struct store *s = ctx;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (count == 0) {
		s->busy_since = now;
		s->busy_stopped = 0;
	}
	s->busy_waited_ms = (long)(now.tv_sec - s->busy_since.tv_sec) * 1000 +
			    (now.tv_nsec - s->busy_since.tv_nsec) / 1000000;
	if (s->busy_waited_ms >= s->busy_timeout_ms)
		return 0;
	if (count > 0 && s->on_busy) {
		s->busy_asked = 1;
		if (s->on_busy(s->on_busy_ctx, s->busy_waited_ms) != 0) {
			s->busy_stopped = 1;
			return 0;
		}
	}
	sqlite3_sleep(count == 0 ? 10 : 100);
	return 1;
}

void store_on_busy(struct store *s, int (*fn)(void *ctx, long waited_ms), void *ctx,
		   long timeout_ms)
{
	s->on_busy = fn;
	s->on_busy_ctx = ctx;
	s->busy_timeout_ms = timeout_ms > 0 ? timeout_ms : STORE_BUSY_TIMEOUT_MS;
}

/* After a statement: a wait on_busy was asked about is over. */
static void wait_over(struct store *s)
{
	if (s->busy_asked) {
		s->busy_asked = 0;
		if (s->on_busy)
			s->on_busy(s->on_busy_ctx, -1);
	}
}

/* The error of a statement that failed: a lock never had is said in the
 * official's words, with how long it was waited for. */
static int statement_error(struct store *s, struct error *err, const char *what,
			   const char *text)
{
	enum error_kind kind = store_error_kind(sqlite3_extended_errcode(s->db));

	if (kind == ERROR_CORRUPT && s->immutable) {
		/* read without locks while a session wrote: not damage */
		s->stale = 1;
		return error_of(err, ERROR_BUSY, _("%s: changed by another session while it was"
						   " read; it is read again in a moment"), s->path);
	}
	if (kind == ERROR_CORRUPT) {
		s->damaged = 1;
		return error_of(err, kind, _("%s: the database is damaged (%s); %s says where"),
				s->path, text, "kpitree check");
	}
	if (kind != ERROR_BUSY)
		return error_of(err, kind, "%s: %s", what, text);
	/* short: the form has a line of its width for it */
	if (s->busy_stopped)
		return error_of(err, kind, _("gave up waiting for another session's write (%ld s)"),
				(s->busy_waited_ms + 500) / 1000);
	return error_of(err, kind, _("another session was writing for %ld s; try again"),
			(s->busy_waited_ms + 500) / 1000);
}

int store_error(struct store *s, struct error *err, const char *what)
{
	return statement_error(s, err, what, sqlite3_errmsg(s->db));
}

sqlite3_stmt *store_prepare(struct store *s, const char *sql, struct error *err)
{
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(s->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		store_error(s, err, "cannot prepare a statement");
		sqlite3_finalize(stmt);
		return NULL;
	}
	return stmt;
}

sqlite3_stmt *store_cached(struct store *s, const char *sql, struct error *err)
{
	int i;

	for (i = 0; i < STORE_CACHE_SIZE && s->cache[i].sql; i++) {
		if (s->cache[i].sql == sql) {
			sqlite3_reset(s->cache[i].stmt);
			sqlite3_clear_bindings(s->cache[i].stmt);
			return s->cache[i].stmt;
		}
	}
	if (i == STORE_CACHE_SIZE) {
		error_set(err, _("too many cached statements"));
		return NULL;
	}
	s->cache[i].stmt = store_prepare(s, sql, err);
	if (!s->cache[i].stmt)
		return NULL;
	s->cache[i].sql = sql;
	return s->cache[i].stmt;
}

int store_step(struct store *s, sqlite3_stmt *stmt, struct error *err)
{
	int rc;

	if (fail_countdown > 0 && --fail_countdown == 0) {
		error_of(err, ERROR_IO, _("%s: disk I/O error (injected)"), s->path);
		return SQLITE_IOERR;
	}
	rc = sqlite3_step(stmt);
	wait_over(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		store_error(s, err, s->path);
	return rc;
}

int store_exec(struct store *s, const char *sql, struct error *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);

	wait_over(s);
	if (rc != SQLITE_OK) {
		statement_error(s, err, s->path, msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int store_begin(struct store *s, struct error *err)
{
	if (s->read_only)
		return error_of(err, ERROR_READ_ONLY, _("%s: the database is open read-only"), s->path);
	if (s->before_write && s->before_write(s->before_write_ctx, err) < 0)
		return -1;
	return store_exec(s, "BEGIN IMMEDIATE", err);
}

int store_read_begin(struct store *s, struct error *err)
{
	if (!sqlite3_get_autocommit(s->db))
		return 0;
	return store_exec(s, "BEGIN", err) < 0 ? -1 : 1;
}

void store_read_end(struct store *s, int began)
{
	if (began == 1 && !sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}

int store_commit(struct store *s, struct error *err)
{
	if (store_exec(s, "COMMIT", err) == 0)
		return 0;
	store_rollback(s);
	return -1;
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	/* the rollback made the dropped triggers again */
	free(s->import_triggers);
	s->import_triggers = NULL;
}

static int user_version(struct store *s, int *version, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s, "PRAGMA user_version", err);
	int rc;

	if (!stmt)
		return -1;
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Raises the schema cookie by one, as SQLite's manual asks of a change
 * made through writable_schema (migration 17): a connection opened
 * before the migration then reads the schema again, where it would
 * otherwise keep the text it had. Returns 0, or -1 with err. */
static int schema_cookie_raise(struct store *s, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s, "PRAGMA schema_version", err);
	char sql[64];
	int rc;

	if (!stmt)
		return -1;
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW)
		snprintf(sql, sizeof sql, "PRAGMA schema_version = %lld",
			 sqlite3_column_int64(stmt, 0) + 1);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return -1;
	return store_exec(s, sql, err);
}

/* Brings the schema to schema_version in one transaction; a concurrent
 * process doing the same waits at BEGIN IMMEDIATE and then finds nothing
 * left to do. Foreign keys are off meanwhile (they cannot change inside
 * a transaction): a migration that makes a table again drops the old
 * one, which would otherwise delete what refers to it. */
static int migrate_in(struct store *s, int version, struct error *err)
{
	char sql[64];

	if (store_begin(s, err) < 0)
		return -1;
	if (user_version(s, &version, err) < 0)
		goto fail;
	for (; version < schema_version; version++) {
		const char *const *sql;

		for (sql = schema_migrations[version]; *sql; sql++)
			if (store_exec(s, *sql, err) < 0)
				goto fail;
	}
	if (schema_cookie_raise(s, err) < 0)
		goto fail;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", schema_version);
	if (store_exec(s, sql, err) < 0)
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

static int migrate(struct store *s, int version, struct error *err)
{
	struct error ignored;
	int rc;

	if (version == schema_version)
		return 0;
	if (s->read_only)
		return error_set(err, _("%s: schema %d needs migrating to %d, which a read-only open cannot do"),
				 s->path, version, schema_version);
	if (store_exec(s, "PRAGMA foreign_keys = OFF", err) < 0)
		return -1;
	rc = migrate_in(s, version, err);
	if (store_exec(s, "PRAGMA foreign_keys = ON", rc < 0 ? &ignored : err) < 0)
		return -1;
	return rc;
}

static int is_sqlite_file(const char *path)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return 0;
	n = fread(head, 1, sizeof head, f);
	fclose(f);
	return n == 0 || (n == sizeof head && memcmp(head, magic, sizeof head) == 0);
}

/* The files beside a database that belong to it while it is in use. */
static const char *const companions[] = { "-wal", "-shm", "-journal" };
#define NCOMPANIONS (sizeof companions / sizeof companions[0])

/* Removes what a backup to dest, or an init of it, that was killed left
 * beside it: DEST.tmp-PID and that file's -journal, -wal and -shm, for
 * each PID no longer running. */
static void remove_dead_temporaries(const char *dest)
{
	char dir[4200], prefix[4200], path[8400];
	const char *slash = strrchr(dest, '/');
	size_t plen;
	DIR *d;
	struct dirent *e;

	if (slash)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - dest == 0 ? 1 : slash - dest), dest);
	else
		snprintf(dir, sizeof dir, ".");
	snprintf(prefix, sizeof prefix, "%s.tmp-", slash ? slash + 1 : dest);
	plen = strlen(prefix);
	d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		const char *p = e->d_name + plen;
		char *end;
		long pid;
		size_t i;
		int known = 0;

		if (strncmp(e->d_name, prefix, plen) != 0 || *p < '1' || *p > '9')
			continue;
		errno = 0;
		pid = strtol(p, &end, 10);
		if (errno || pid <= 0 || pid == (long)getpid())
			continue;
		known = *end == '\0';
		for (i = 0; i < NCOMPANIONS && !known; i++)
			known = strcmp(end, companions[i]) == 0;
		if (!known || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
}

/* The schema version of s's file, refused before anything is written to
 * it when it is newer than this kpitree knows, or, unless the file is
 * being created, when the file has no schema at all (an empty file, or
 * another program's database). Returns 0, or -1 with err filled. */
static int schema_known(struct store *s, int creating, int *version, struct error *err)
{
	if (user_version(s, version, err) < 0)
		return -1;
	if (*version > schema_version)
		return error_set(err, _("%s: made by a newer kpitree (schema %d; this one knows %d)"),
				 s->path, *version, schema_version);
	if (*version == 0 && !creating)
		return error_set(err, _("%s: not a kpitree database (no schema: an empty file, or an"
					" init that did not finish)"), s->path);
	return 0;
}

/* The folder that holds path: "." for a bare name, "/" at the root.
 * Returns buf. */
static char *folder_of(const char *path, char *buf, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (slash)
		snprintf(buf, size, "%.*s", (int)(slash == path ? 1 : slash - path), path);
	else
		snprintf(buf, size, ".");
	return buf;
}

int store_writable(const char *path)
{
	char dir[4200];

	return access(path, W_OK) == 0 && access(folder_of(path, dir, sizeof dir), W_OK) == 0;
}

/* The URI that opens file read-only without creating anything beside it.
 * A reader who may not write the file, or its folder, must not leave a
 * -wal or -shm of its own there: another account's -shm locks the owner
 * out, and a read-only folder takes none. While a -wal is there, some
 * session has the database open (or one was killed), and SQLite reads
 * through it, using the -shm read-only if it is not ours (readonly_shm);
 * without one, nobody is writing, and the file is read as it is
 * (immutable: no locks, so a writer that opens it meanwhile is not seen).
 * A reader who may write both is opened as usual. Returns 1 with uri
 * filled, 0 when no URI is needed. */
static int read_only_uri(const char *file, char *uri, size_t size, int *immutable)
{
	static const char hex[] = "0123456789ABCDEF";
	char wal[4200];
	const unsigned char *p;
	size_t n;

	*immutable = 0;
	if (store_writable(file))
		return 0;
	snprintf(wal, sizeof wal, "%s-wal", file);
	/* file:// and an empty authority before an absolute path, which may
	 * itself start with // */
	n = (size_t)snprintf(uri, size, *file == '/' ? "file://" : "file:");
	for (p = (const unsigned char *)file; *p && n + 4 < size; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
			uri[n++] = (char)*p;
		} else {
			uri[n++] = '%';
			uri[n++] = hex[*p >> 4];
			uri[n++] = hex[*p & 15];
		}
	}
	if (*p)
		return -1;
	*immutable = access(wal, F_OK) != 0;
	snprintf(uri + n, size - n, "%s", *immutable ? "?mode=ro&immutable=1" : "?mode=ro&readonly_shm=1");
	return 1;
}

/* Whether an immutable open no longer reads what is there: a statement
 * found the file changed under it, or the file is not the one opened, or
 * a session has begun writing (a -wal). */
static int changed_under(struct store *s)
{
	char wal[4200];
	struct stat st;

	if (s->stale)
		return 1;
	snprintf(wal, sizeof wal, "%s-wal", s->path);
	if (stat(s->path, &st) != 0 || access(wal, F_OK) == 0)
		return 1;
	return st.st_ino != s->seen.st_ino || st.st_size != s->seen.st_size ||
	       st.st_mtim.tv_sec != s->seen.st_mtim.tv_sec ||
	       st.st_mtim.tv_nsec != s->seen.st_mtim.tv_nsec;
}

/* A group that shares the database shares what SQLite makes beside it:
 * the -wal, -shm (or -journal) of a member who made them get the database's group
 * (SQLite gives them its mode), or the owner, not in the member's own
 * group, could not open them again. */
static void share_companions(const char *file)
{
	char name[4200];
	struct stat db, st;
	size_t i;

	if (stat(file, &db) != 0 || !(db.st_mode & S_IWGRP))
		return;
	for (i = 0; i < NCOMPANIONS; i++) {
		snprintf(name, sizeof name, "%s%s", file, companions[i]);
		if (stat(name, &st) == 0 && st.st_uid == geteuid() && st.st_gid != db.st_gid &&
		    chown(name, (uid_t)-1, db.st_gid) == 0)
			chmod(name, db.st_mode & 0660);
	}
}

/* Opens s->db on file for s->read_only's mode (creating it with
 * SQLITE_OPEN_CREATE in flags): the busy wait, the collation, the
 * connection's pragmas. Messages name path. */
static int connect_db(struct store *s, const char *path, const char *file, int create,
		      struct error *err)
{
	char uri[3 * 4200], wal[4200], shm[4200];
	const char *name = file;
	int flags;

	/* Each connection is one thread's (SQLITE_OPEN_NOMUTEX): without
	 * SQLite's count of memory in use, its allocations take no lock
	 * either. Settable only before SQLite starts: a program that opened
	 * SQLite first keeps the count. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	/* One connection per thread: SQLite's own mutexes are not needed. */
	flags = SQLITE_OPEN_NOMUTEX | (s->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	s->immutable = 0;
	s->stale = 0;
	if (s->read_only) {
		switch (read_only_uri(file, uri, sizeof uri, &s->immutable)) {
		case 1:
			name = uri;
			flags |= SQLITE_OPEN_URI;
			break;
		case -1:
			return error_set(err, _("%.64s…: path longer than %zu bytes"), path,
					 sizeof uri / 3);
		}
	}
	if (s->immutable && stat(file, &s->seen) != 0)
		return error_of(err, ERROR_IO, "%s: %s", path, strerror(errno));
	if (sqlite3_open_v2(name, &s->db, flags, NULL) != SQLITE_OK) {
		snprintf(wal, sizeof wal, "%s-wal", file);
		snprintf(shm, sizeof shm, "%s-shm", file);
		if (s->read_only && access(wal, F_OK) == 0 && access(shm, R_OK) != 0)
			return error_of(err, ERROR_IO, _("%s: a -wal is beside it without a -shm this"
							  " account can read; its owner opening it once"
							  " (kpitree check) puts them right"), path);
		return error_set(err, "%s: %s", path, s->db ? sqlite3_errmsg(s->db) : "cannot open");
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_create_collation_v2(s->db, "code_order", SQLITE_UTF8, NULL, natural_compare, NULL);
	sqlite3_busy_handler(s->db, busy_wait, s);
	return store_exec(s, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768", err);
}

/* An immutable open that no longer reads what is there is made again,
 * on what is there now: with a -wal, as a reader that takes locks. */
static int reconnect(struct store *s)
{
	struct error err;
	int i;

	for (i = 0; i < STORE_CACHE_SIZE && s->cache[i].sql; i++) {
		sqlite3_finalize(s->cache[i].stmt);
		s->cache[i].sql = NULL;
		s->cache[i].stmt = NULL;
	}
	sqlite3_close_v2(s->db);
	s->db = NULL;
	s->generation++;
	return connect_db(s, s->path, s->path, 0, &err);
}

/* Opens file, which is path or the temporary file that becomes path;
 * messages name path. */
static struct store *open_file(const char *path, const char *file, enum store_mode mode,
			       struct error *err)
{
	struct store *s;
	struct stat st;
	int version;

	if (stat(file, &st) == 0) {
		if (mode == STORE_CREATE) {
			error_set(err, _("%s: already exists"), path);
			return NULL;
		}
		if (!S_ISREG(st.st_mode)) {
			error_set(err, _("%s: not a regular file"), path);
			return NULL;
		}
		if (access(file, R_OK) != 0) {
			error_of(err, ERROR_IO, "%s: %s", path, strerror(errno));
			return NULL;
		}
		if (!is_sqlite_file(path)) {
			error_set(err, _("%s: not a kpitree database (not an SQLite file)"), path);
			return NULL;
		}
	} else if (mode != STORE_CREATE) {
		error_of(err, ERROR_NOT_FOUND,
			 _("%s: no such database; create it with: kpitree --db %s init"), path, path);
		return NULL;
	}

	if (mode == STORE_CREATE) {
		/* the account's alone: 0600, and SQLite gives its -wal and
		 * -shm the database's mode */
		int fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

		if (fd < 0) {
			error_set(err, "%s: %s", path, strerror(errno));
			return NULL;
		}
		close(fd);
	}
	s = calloc(1, sizeof *s);
	if (!s) {
		error_of(err, ERROR_NO_MEMORY, _("out of memory"));
		if (mode == STORE_CREATE)
			store_remove(file);
		return NULL;
	}
	snprintf(s->path, sizeof s->path, "%s", path);
	s->read_only = mode == STORE_READ_ONLY;
	store_on_busy(s, NULL, NULL, 0);
	if (connect_db(s, path, file, mode == STORE_CREATE, err) < 0)
		goto fail;
	if (schema_known(s, mode == STORE_CREATE, &version, err) < 0)
		goto fail;
	if (!s->read_only &&
	    store_exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", err) < 0)
		goto fail;
	if (migrate(s, version, err) < 0)
		goto fail;
	if (!s->read_only)
		share_companions(file);
	return s;
fail:
	store_close(s);
	if (mode == STORE_CREATE)
		store_remove(file);
	return NULL;
}

/* Makes the file at tmp appear at path, complete, unless path exists:
 * a link (which never replaces a file), then tmp removed, then the folder
 * synced so that the new name survives a crash. Returns 0, or -1 with err
 * filled. */
static int publish(const char *tmp, const char *path, struct error *err)
{
	char dir[4200];
	int fd;

	if (link(tmp, path) != 0) {
		if (errno == EEXIST)
			return error_set(err, _("%s: already exists"), path);
		/* A file system without hard links: a rename, after a look. */
		if (access(path, F_OK) == 0)
			return error_set(err, _("%s: already exists"), path);
		if (rename(tmp, path) != 0)
			return error_set(err, "%s: %s", path, strerror(errno));
	}
	unlink(tmp);
	fd = open(folder_of(path, dir, sizeof dir), O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	return 0;
}

struct store *store_create(const char *path, int (*fill)(struct store *, void *, struct error *),
			   void *ctx, struct error *err)
{
	char tmp[4200];
	struct store *s;
	struct stat st;
	int rc;

	if (stat(path, &st) == 0) {
		error_set(err, _("%s: already exists"), path);
		return NULL;
	}
	remove_dead_temporaries(path);
	snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
	store_remove(tmp);
	s = open_file(path, tmp, STORE_CREATE, err);
	if (!s)
		return NULL;
	rc = fill ? fill(s, ctx, err) : 0;
	/* The mark of a creation that finished (see model_rules). */
	if (rc == 0)
		rc = store_exec(s, "INSERT INTO setting(key, value) VALUES ('init', 'complete')", err);
	/* Closing the last connection checkpoints the WAL into the file. */
	store_close(s);
	if (rc < 0 || publish(tmp, path, err) < 0) {
		store_remove(tmp);
		return NULL;
	}
	return open_file(path, path, STORE_READ_WRITE, err);
}

struct store *store_open(const char *path, enum store_mode mode, struct error *err)
{
	if (mode == STORE_CREATE)
		return store_create(path, NULL, NULL, err);
	return open_file(path, path, mode, err);
}

void store_close(struct store *s)
{
	int i;

	if (!s)
		return;
	for (i = 0; i < STORE_CACHE_SIZE && s->cache[i].sql; i++)
		sqlite3_finalize(s->cache[i].stmt);
	sqlite3_close_v2(s->db);
	free(s->import_triggers);
	free(s);
}

/* Drops the triggers an import has no use for (schema_import_idle_triggers),
 * keeping their CREATE statements in s->import_triggers. Inside an
 * import the search insert triggers do nothing, yet a statement that may
 * fire one opens the search index's table (FTS5) and asks it for a
 * savepoint; and node_unique looks again for the node the import has
 * just looked for. They took a fifth of the wide table's work. The
 * transaction that drops them makes them again, whether it commits
 * (store_search_catch_up) or rolls back. */
static int drop_import_triggers(struct store *s, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s, "SELECT sql FROM sqlite_master"
					   " WHERE type = 'trigger' AND name = ?", err);
	size_t len = 0;
	int i, rc = SQLITE_DONE;

	if (!stmt)
		return -1;
	free(s->import_triggers);
	s->import_triggers = NULL;
	for (i = 0; rc == SQLITE_DONE && schema_import_idle_triggers[i]; i++) {
		const char *name = schema_import_idle_triggers[i];
		char drop[128];
		char *more;
		size_t n;

		sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
		rc = store_step(s, stmt, err);
		if (rc == SQLITE_DONE) {
			sqlite3_reset(stmt);
			continue;	/* not there: nothing to drop */
		}
		if (rc != SQLITE_ROW)
			break;
		n = (size_t)sqlite3_column_bytes(stmt, 0);
		more = realloc(s->import_triggers, len + n + 2);
		if (!more) {
			error_of(err, ERROR_NO_MEMORY, _("out of memory"));
			rc = SQLITE_NOMEM;
			break;
		}
		s->import_triggers = more;
		memcpy(more + len, sqlite3_column_text(stmt, 0), n);
		len += n;
		more[len++] = ';';
		more[len] = '\0';
		sqlite3_reset(stmt);
		snprintf(drop, sizeof drop, "DROP TRIGGER \"%s\"", name);
		rc = store_exec(s, drop, err) < 0 ? SQLITE_ERROR : SQLITE_DONE;
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int store_search_defer(struct store *s, long long *mark, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s, "SELECT coalesce(max(id), 0) FROM search_ref", err);
	int rc;

	if (!stmt)
		return -1;
	rc = store_step(s, stmt, err);
	*mark = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return -1;
	stmt = store_prepare(s, "INSERT INTO setting(key, value) VALUES ('search_pending_after', ?)"
			     " ON CONFLICT(key) DO UPDATE SET value = excluded.value", err);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, *mark);
	rc = store_step(s, stmt, err);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? drop_import_triggers(s, err) : -1;
}

/* The rows after mark, in the order of their ids (search_text, the
 * view in schema.c, gives each its text), SEARCH_CATCH_UP_ROWS to a
 * statement: FTS5 builds each batch in memory and writes it out as one
 * segment, and what a statement keeps to undo itself (in memory during
 * an import: csv_import.c) stays small. Half a national strategy
 * import peaked at 63 MB with 20,000 to a statement, 45 MB with 5,000. */
#define SEARCH_CATCH_UP_ROWS 5000

/* Each searchable table's rows an import inserted, which have no search
 * row yet (schema.c version 16): those after the last row of the table
 * that has one, since a row is given the id after the table's last.
 * bounds: where they start and end; insert: gives those of a range
 * theirs, in the order of their ids, so that search_ref's ids, the
 * index's rowids, only grow. No row after the last that has one has
 * one: insert does not look (search_ref's UNIQUE (kind, ref) would
 * refuse it). */
#define SEARCH_REF_OF_NEW_ROWS(kind, table) \
	{ "SELECT (SELECT coalesce(max(ref), 0) FROM search_ref WHERE kind = " kind "),"	\
	  " (SELECT coalesce(max(id), 0) FROM " table ")",					\
	  "INSERT INTO search_ref(kind, ref) SELECT " kind ", t.id FROM " table " t"		\
	  " WHERE t.id > ?1 AND t.id <= ?2 ORDER BY t.id" }

static const struct {
	const char *bounds, *insert;
} search_ref_of_new_rows[] = {
	SEARCH_REF_OF_NEW_ROWS("1", "node"),
	SEARCH_REF_OF_NEW_ROWS("2", "kpi"),
	SEARCH_REF_OF_NEW_ROWS("3", "grant_menu"),
	SEARCH_REF_OF_NEW_ROWS("4", "placement"),
	SEARCH_REF_OF_NEW_ROWS("5", "project"),
};

/* Runs stmt (its ?1 and ?2 the ends of a range) over (from, end],
 * SEARCH_CATCH_UP_ROWS ids a statement; finalizes it. Returns 0, or -1
 * with err. */
static int in_ranges(struct store *s, sqlite3_stmt *stmt, long long from, long long end,
		     struct error *err)
{
	int rc = SQLITE_DONE;

	for (; rc == SQLITE_DONE && from < end; from += SEARCH_CATCH_UP_ROWS) {
		sqlite3_bind_int64(stmt, 1, from);
		sqlite3_bind_int64(stmt, 2, from + SEARCH_CATCH_UP_ROWS);
		rc = store_step(s, stmt, err);
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The two integers of a query's one row; returns 0, or -1 with err. */
static int two_of(struct store *s, const char *sql, long long *a, long long *b, struct error *err)
{
	sqlite3_stmt *stmt = store_prepare(s, sql, err);
	int rc;

	if (!stmt)
		return -1;
	rc = store_step(s, stmt, err);
	*a = sqlite3_column_int64(stmt, 0);
	*b = sqlite3_column_int64(stmt, 1);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}

int store_search_catch_up(struct store *s, long long mark, struct error *err)
{
	sqlite3_stmt *stmt;
	long long from, end;
	size_t k;

	for (k = 0; k < sizeof search_ref_of_new_rows / sizeof search_ref_of_new_rows[0]; k++) {
		if (two_of(s, search_ref_of_new_rows[k].bounds, &from, &end, err) < 0 ||
		    !(stmt = store_prepare(s, search_ref_of_new_rows[k].insert, err)) ||
		    in_ranges(s, stmt, from, end, err) < 0)
			return -1;
	}
	if (two_of(s, "SELECT coalesce(max(id), 0), 0 FROM search_ref", &end, &from, err) < 0 ||
	    !(stmt = store_prepare(s, "INSERT INTO search(rowid, text)"
				   " SELECT id, text FROM search_text WHERE id > ?1 AND id <= ?2"
				   " ORDER BY id", err)) ||
	    in_ranges(s, stmt, mark, end, err) < 0)
		return -1;
	if (store_exec(s, "DELETE FROM setting WHERE key = 'search_pending_after'", err) < 0 ||
	    (s->import_triggers && store_exec(s, s->import_triggers, err) < 0))
		return -1;
	free(s->import_triggers);
	s->import_triggers = NULL;
	return 0;
}

static int same_file(const struct stat *a, const char *path)
{
	struct stat b;

	return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* Whether path ends in companions[i]; if so, base (of size bytes) gets
 * path without it. */
static int companion_of(const char *path, size_t i, char *base, size_t size)
{
	size_t n = strlen(path), k = strlen(companions[i]);

	if (n <= k || n - k >= size || strcmp(path + n - k, companions[i]) != 0)
		return 0;
	memcpy(base, path, n - k);
	base[n - k] = '\0';
	return 1;
}

/* Whether path, or path with one of the companions' suffixes taken off,
 * is the file st: a database and its -wal, -shm or -journal. */
static int names_database_file(const char *path, const struct stat *db)
{
	char base[4200];
	size_t i;

	if (same_file(db, path))
		return 1;
	for (i = 0; i < NCOMPANIONS; i++)
		if (companion_of(path, i, base, sizeof base) && same_file(db, base))
			return 1;
	return 0;
}

/* Refuses a backup onto a file that a database in use depends on: s's own
 * file or its -wal or -shm (renaming a copy over them loses what other
 * sessions commit meanwhile), or a database with a -wal, -shm or hot
 * -journal beside it, or one of those files. Returns 0, or -1 with err
 * filled. */
static int backup_dest_free(struct store *s, const char *dest, struct error *err)
{
	char name[4200];
	struct stat db, st;
	size_t i;

	if (stat(s->path, &db) == 0 && names_database_file(dest, &db))
		return error_set(err, _("%s: is the database being backed up, or one of its files;"
					" back up to another file"), dest);
	for (i = 0; i < NCOMPANIONS; i++)
		if (companion_of(dest, i, name, sizeof name) && stat(name, &st) == 0 &&
		    S_ISREG(st.st_mode) && is_sqlite_file(name))
			return error_set(err, _("%s: belongs to the database %s; back up to"
						" another file"), dest, name);
	if (stat(dest, &st) != 0 || !S_ISREG(st.st_mode) || !is_sqlite_file(dest))
		return 0;
	for (i = 0; i < NCOMPANIONS; i++) {
		snprintf(name, sizeof name, "%s%s", dest, companions[i]);
		if (stat(name, &st) == 0)
			return error_set(err, _("%s: a database in use (%s is there); back up to"
						" another file"), dest, name);
	}
	return 0;
}

int store_backup(struct store *s, const char *dest, const struct outfile_rules *rules,
		 struct error *err)
{
	struct outfile file;
	sqlite3 *out = NULL;
	sqlite3_backup *b;
	int rc;

	if (strlen(dest) + 32 > sizeof file.tmp)
		return error_set(err, _("%.64s…: path longer than %zu bytes"), dest,
				 sizeof file.tmp - 32);
	if (backup_dest_free(s, dest, err) < 0)
		return -1;
	if (!rules || !rules->folder)
		remove_dead_temporaries(dest);	/* beside dest, what killed backups left */
	if (outfile_open(&file, dest, rules, OUTFILE_PATH | OUTFILE_PRIVATE, err) < 0)
		return -1;
	if (sqlite3_open_v2(file.tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		error_set(err, "%s: %s", dest, out ? sqlite3_errmsg(out) : "cannot create");
		goto fail;
	}
	/* The copy is thrown away if anything fails: it needs no journal. */
	sqlite3_exec(out, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
	sqlite3_busy_timeout(out, STORE_BUSY_TIMEOUT_MS);
	b = sqlite3_backup_init(out, "main", s->db, "main");
	if (!b) {
		error_set(err, "%s: %s", dest, sqlite3_errmsg(out));
		goto fail;
	}
	/* One step copies every page under one read transaction: in WAL mode
	 * that is a consistent snapshot, and writers are not held up. */
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		error_set(err, "%s: %s", dest, sqlite3_errstr(rc));
		goto fail;
	}
	/* The copy carries the source's WAL mark; a backup is one file
	 * whole, which read-only media can open, so it is marked for a
	 * rollback journal. */
	if (sqlite3_exec(out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		error_set(err, "%s: %s", dest, sqlite3_errmsg(out));
		goto fail;
	}
	if (sqlite3_close(out) != SQLITE_OK) {
		error_set(err, _("%s: cannot close the copy"), dest);
		out = NULL;
		goto fail;
	}
	return outfile_close(&file, 1, err);
fail:
	sqlite3_close(out);
	outfile_close(&file, 0, err);
	return -1;
}

long long store_own_changes(struct store *s)
{
	return sqlite3_total_changes64(s->db);
}

long long store_data_version(struct store *s)
{
	struct error err;
	sqlite3_stmt *stmt;
	long long v = -1;

	if (s->immutable && changed_under(s) && reconnect(s) < 0)
		return -1;
	stmt = store_cached(s, "PRAGMA data_version", &err);
	if (!stmt)
		return -1;
	if (store_step(s, stmt, &err) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	/* a connection made again counts its own versions from the start */
	return v < 0 ? v : s->generation * 1000000000LL + v;
}

void store_remove(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char name[4200];
	size_t i;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
		unlink(name);
	}
}

int store_log_change(struct store *s, const char *sql, long long id, long long id2,
		     const char *what, const char *old_text, const char *new_text,
		     const char *reason, const char *user, const char *now, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, sql, err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (id2)
		sqlite3_bind_int64(stmt, 2, id2);
	sqlite3_bind_text(stmt, 3, what, -1, SQLITE_TRANSIENT);
	if (old_text)
		sqlite3_bind_text(stmt, 4, old_text, -1, SQLITE_TRANSIENT);
	if (new_text)
		sqlite3_bind_text(stmt, 5, new_text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 6, reason ? reason : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 7, user, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 8, now, -1, SQLITE_TRANSIENT);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}
