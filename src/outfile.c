/* outfile.c: the one way kpitree opens a file it was asked to write:
 * the name checked against the rules (over SSH: the export folder), the
 * target found (links followed locally, never over SSH), the bytes
 * written beside it and renamed into place, or written in place into a
 * device, FIFO or standard output. */
#define _GNU_SOURCE
#include "outfile.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40

/* No rules: local use. */
static const struct outfile_rules local_rules = { NULL, 0 };

/* The descriptor a name of standard output stands for ("-",
 * /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N): written in
 * place, as the shell opened it; -1 for any other name. */
static int stream_fd(const char *name)
{
	const char *n = NULL;
	char *end;
	long fd;

	if (strcmp(name, "-") == 0 || strcmp(name, "/dev/stdout") == 0)
		return 1;
	if (strcmp(name, "/dev/stderr") == 0)
		return 2;
	if (strncmp(name, "/dev/fd/", 8) == 0)
		n = name + 8;
	else if (strncmp(name, "/proc/self/fd/", 14) == 0)
		n = name + 14;
	if (!n || *n < '0' || *n > '9')
		return -1;
	fd = strtol(n, &end, 10);
	return *end || fd > INT_MAX ? -1 : (int)fd;
}

/* Whether rules let name stand for standard output: locally any of its
 * names, over SSH "-" alone (the others are not plain names). */
static int is_stream(const char *name, const struct outfile_rules *rules)
{
	return rules->folder ? strcmp(name, "-") == 0 : stream_fd(name) >= 0;
}

/* A name for the export folder: no /, no leading dot, no control
 * character, at most 255 bytes. */
static int plain_name(const char *name)
{
	const unsigned char *p;

	if (!*name || *name == '.' || strlen(name) > 255)
		return 0;
	for (p = (const unsigned char *)name; *p; p++)
		if (*p == '/' || *p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

/* Follows name's symbolic links to the file they end at, into buf; *st
 * is that file's lstat, st_mode 0 when it does not exist. Returns 0, or
 * -1 with err filled. */
static int follow(const char *name, char *buf, size_t size, struct stat *st, struct error *err)
{
	char link[4096], joined[8200];
	const char *slash;
	ssize_t n;
	int hops;

	if (strlen(name) >= size)
		return error_set(err, _("%s: the name is too long"), name);
	snprintf(buf, size, "%s", name);
	for (hops = 0;; hops++) {
		if (lstat(buf, st) != 0) {
			if (errno != ENOENT)
				return error_set(err, "%s: %s", name, strerror(errno));
			st->st_mode = 0;
			return 0;
		}
		if (!S_ISLNK(st->st_mode))
			return 0;
		n = hops < MAX_LINKS ? readlink(buf, link, sizeof link - 1) : -1;
		if (n < 0)
			return error_set(err, "%s: %s", name, strerror(hops < MAX_LINKS ? errno : ELOOP));
		link[n] = '\0';
		slash = strrchr(buf, '/');
		if (link[0] == '/' || !slash)
			snprintf(joined, sizeof joined, "%s", link);
		else
			snprintf(joined, sizeof joined, "%.*s%s", (int)(slash - buf + 1), buf, link);
		if (strlen(joined) >= size)
			return error_set(err, _("%s: the name is too long"), name);
		snprintf(buf, size, "%s", joined);
	}
}

/* The export folder, made (0700) if missing, and never a symbolic link.
 * Returns its descriptor, or -1 with err filled. */
static int open_folder(const char *folder, struct error *err)
{
	int fd;

	if (mkdir(folder, 0700) != 0 && errno != EEXIST)
		return error_set(err, _("%s: cannot make the export folder: %s"), folder,
				 strerror(errno));
	fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return error_set(err, _("%s: cannot open the export folder: %s"), folder,
				 strerror(errno));
	return fd;
}

/* Whether the entry name of the folder dir_fd may be written: absent,
 * or (with overwrite) a regular file or a link, which is replaced, not
 * followed. */
static int folder_entry_ok(int dir_fd, const char *folder, const char *name, int overwrite,
			   struct error *err)
{
	struct stat st;

	if (fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return errno == ENOENT ? 0 : error_set(err, "%s/%s: %s", folder, name, strerror(errno));
	if (!overwrite)
		return error_set(err, _("%s: there is a file of that name in the export folder %s"
				 " already; --force replaces it"), name, folder);
	if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
		return error_set(err, _("%s: not a regular file in the export folder %s"), name,
				 folder);
	return 0;
}

int outfile_check(const char *name, const struct outfile_rules *rules, struct error *err)
{
	char path[4096];
	struct stat st;
	int dir_fd, rc;

	if (!rules)
		rules = &local_rules;
	if (is_stream(name, rules))
		return 0;
	if (!rules->folder) {
		if (follow(name, path, sizeof path, &st, err) < 0)
			return -1;
		if (S_ISDIR(st.st_mode))
			return error_set(err, _("%s: a folder, not a file"), name);
		return 0;
	}
	if (!plain_name(name))
		return error_set(err, _("%s: over SSH a file goes into the export folder, by a plain"
				 " name (no /, no leading dot), or to standard output"
				 " (ssh ... export KIND > FILE)"), name);
	dir_fd = open(rules->folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dir_fd < 0)
		return errno == ENOENT ? 0 : error_set(err, _("%s: cannot open the export folder: %s"),
						      rules->folder, strerror(errno));
	rc = folder_entry_ok(dir_fd, rules->folder, name, rules->overwrite, err);
	close(dir_fd);
	return rc;
}

/* The temporary file's name beside the target's: NAME.tmp-PID. */
static void tmp_name(const char *target, char *buf, size_t size)
{
	snprintf(buf, size, "%s.tmp-%ld", target, (long)getpid());
}

/* What the writer is given: a stream on o->fd, or a path. A target
 * written in place gets a private temporary file to copy from. */
static int give(struct outfile *o, int use, struct error *err)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	if (!(use & OUTFILE_PATH)) {
		o->f = fdopen(o->fd, "wb");
		if (!o->f) {
			error_set(err, "%s: %s", o->path, strerror(errno));
			outfile_close(o, 0, NULL);
			return -1;
		}
		return 0;
	}
	if (!o->in_place)
		return 0;
	snprintf(o->tmp, sizeof o->tmp, "%s/kpitree-out-XXXXXX", dir && *dir ? dir : "/tmp");
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		error_set(err, "%s: %s", o->tmp, strerror(errno));
		o->tmp[0] = '\0';
		outfile_close(o, 0, NULL);
		return -1;
	}
	close(fd);
	return 0;
}

static int open_in_folder(struct outfile *o, const char *name, const struct outfile_rules *rules,
			  int use, struct error *err)
{
	char tmp[300];

	o->dir_fd = open_folder(rules->folder, err);
	if (o->dir_fd < 0)
		return -1;
	o->name = name;
	o->overwrite = rules->overwrite;
	snprintf(o->path, sizeof o->path, "%s/%s", rules->folder, name);
	tmp_name(name, tmp, sizeof tmp);
	snprintf(o->tmp, sizeof o->tmp, "%s/%s", rules->folder, tmp);
	unlinkat(o->dir_fd, tmp, 0);
	o->fd = openat(o->dir_fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		       use & OUTFILE_PRIVATE ? 0600 : 0666);
	if (o->fd < 0) {
		error_set(err, "%s: %s", o->path, strerror(errno));
		o->tmp[0] = '\0';
		outfile_close(o, 0, NULL);
		return -1;
	}
	return give(o, use, err);
}

int outfile_open(struct outfile *o, const char *name, const struct outfile_rules *rules,
		 int use, struct error *err)
{
	struct stat st;
	int fd;

	memset(o, 0, sizeof *o);
	o->fd = o->dir_fd = -1;
	if (!rules)
		rules = &local_rules;
	if (outfile_check(name, rules, err) < 0)
		return -1;
	if (is_stream(name, rules)) {
		/* named as messages name it; in place, no path is opened */
		snprintf(o->path, sizeof o->path, "%s",
			 stream_fd(name) == STDOUT_FILENO ? _("standard output") : name);
		o->in_place = 1;
		fd = stream_fd(name);
		o->fd = fcntl(fd, F_DUPFD_CLOEXEC, 3);
		if (o->fd < 0)
			return error_set(err, "%s: %s", name, strerror(errno));
		return give(o, use, err);
	}
	if (rules->folder)
		return open_in_folder(o, name, rules, use, err);
	if (follow(name, o->path, sizeof o->path, &st, err) < 0)
		return -1;
	if (st.st_mode && !S_ISREG(st.st_mode)) {
		/* a device or a FIFO: written into, never replaced */
		o->in_place = 1;
		o->fd = open(o->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		if (o->fd < 0)
			return error_set(err, "%s: %s", name, strerror(errno));
		return give(o, use, err);
	}
	if (st.st_mode) {
		o->keep = 1;
		o->mode = st.st_mode & 07777;
		o->uid = st.st_uid;
		o->gid = st.st_gid;
	}
	tmp_name(o->path, o->tmp, sizeof o->tmp);
	unlink(o->tmp);
	/* a new file gets the mode of any new file (0666 less the umask),
	 * a copy of the database 0600 */
	o->fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		     use & OUTFILE_PRIVATE ? 0600 : 0666);
	if (o->fd < 0) {
		error_set(err, "%s: %s", name, strerror(errno));
		o->tmp[0] = '\0';
		return -1;
	}
	return give(o, use, err);
}

/* Copies the file at path into fd. Returns 0, or -1 with errno set. */
static int copy_into(const char *path, int fd)
{
	char buf[65536];
	int in = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n = 0, w;

	if (in < 0)
		return -1;
	while ((n = read(in, buf, sizeof buf)) > 0) {
		char *p = buf;

		while (n > 0) {
			w = write(fd, p, (size_t)n);
			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0) {
				close(in);
				return -1;
			}
			p += w;
			n -= w;
		}
	}
	close(in);
	return n < 0 ? -1 : 0;
}

/* The temporary file into the target's place: over SSH by its plain
 * name in the folder, replacing only when asked (and then a link
 * itself, never what it points at). Returns 0, or -1 with errno. */
static int put_in_place(struct outfile *o)
{
	char tmp[300], dir[4096];
	const char *slash;
	int dfd;

	if (o->dir_fd < 0) {
		if (rename(o->tmp, o->path) != 0)
			return -1;
		slash = strrchr(o->path, '/');
		snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - o->path) + 1 : 1,
			 slash ? o->path : ".");
		dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
		return 0;
	}
	tmp_name(o->name, tmp, sizeof tmp);
	if (o->overwrite)
		return renameat(o->dir_fd, tmp, o->dir_fd, o->name);
	if (renameat2(o->dir_fd, tmp, o->dir_fd, o->name, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	/* a file system without RENAME_NOREPLACE: a link fails just as well */
	return linkat(o->dir_fd, tmp, o->dir_fd, o->name, 0);
}

int outfile_close(struct outfile *o, int ok, struct error *err)
{
	int rc = ok ? 0 : -1, fd = o->fd;

	if (o->f && rc == 0 && fflush(o->f) != 0)
		rc = error_set(err, "%s: %s", o->path, strerror(errno));
	if (rc == 0 && o->in_place && *o->tmp && copy_into(o->tmp, fd) != 0)
		rc = error_set(err, "%s: %s", o->path, strerror(errno));
	if (rc == 0 && !o->in_place) {
		/* the file it replaces keeps its mode and, for root, owner */
		if (o->keep && (fchmod(fd, o->mode) != 0 ||
				(geteuid() == 0 && fchown(fd, o->uid, o->gid) != 0)))
			rc = error_set(err, "%s: %s", o->path, strerror(errno));
		if (rc == 0 && fsync(fd) != 0)
			rc = error_set(err, "%s: %s", o->path, strerror(errno));
	}
	if (o->f ? fclose(o->f) != 0 : fd >= 0 && close(fd) != 0)
		if (rc == 0)
			rc = error_set(err, "%s: %s", o->path, strerror(errno));
	if (rc == 0 && !o->in_place && put_in_place(o) != 0)
		rc = errno == EEXIST && o->dir_fd >= 0 ? error_set(err, _("%s: there is a file of that name in the"
					       " export folder already; --force replaces it"), o->name)
				     : error_set(err, "%s: %s", o->path, strerror(errno));
	if (*o->tmp && (rc != 0 || o->in_place || o->dir_fd >= 0)) {
		char tmp[300];

		if (o->dir_fd >= 0) {
			tmp_name(o->name, tmp, sizeof tmp);
			unlinkat(o->dir_fd, tmp, 0);
		} else {
			unlink(o->tmp);
		}
	}
	if (o->dir_fd >= 0)
		close(o->dir_fd);
	o->f = NULL;
	o->fd = o->dir_fd = -1;
	return rc;
}

void outfile_name_error(FILE *f, const char *name, struct error *err)
{
	char text[sizeof err->text];

	if (!err || !ferror(f))
		return;
	snprintf(text, sizeof text, "%s", err->text);
	error_of(err, ERROR_IO, "%s: %s", name, text);
}

int outfile_write(const char *name, const struct outfile_rules *rules,
		  int (*write)(void *ctx, FILE *f, struct error *err), void *ctx,
		  struct error *err)
{
	struct outfile o;
	int ok;

	if (outfile_open(&o, name, rules, OUTFILE_STREAM, err) < 0)
		return -1;
	ok = write(ctx, o.f, err) == 0;
	if (!ok)
		outfile_name_error(o.f, o.path, err);
	return outfile_close(&o, ok, err);
}
