/* outfile.h: every file kpitree writes on request (export -o, export
 * report -o, backup, the browser's :export), opened one way. Locally: a
 * regular file replaced whole through a temporary file and a rename,
 * keeping its mode (and owner, as root); a device, FIFO or standard
 * output written in place; a symbolic link followed to its target. Over
 * SSH: only into one export folder, by a plain name, never through a
 * symbolic link, never over a file unless asked. */
#ifndef KPITREE_OUTFILE_H
#define KPITREE_OUTFILE_H

#include <stdio.h>
#include <sys/types.h>

#include "error.h"

/* Where files may go. */
struct outfile_rules {
	const char *folder;	/* NULL: anywhere (local use); else the export folder */
	int overwrite;		/* in the folder: an existing file may be replaced */
};

enum outfile_use {
	OUTFILE_STREAM = 0,	/* written through o->f */
	OUTFILE_PATH = 1,	/* written by path (o->tmp), by a writer of its own */
	OUTFILE_PRIVATE = 2	/* or'ed in: a new file is 0600 (a copy of the database) */
};

struct outfile {
	char path[4096];	/* the file written: the name, its link followed */
	char tmp[4200];		/* the temporary file, "" when written in place */
	FILE *f;		/* OUTFILE_STREAM: where to write */
	int fd;			/* the open temporary file or target; -1 */
	int dir_fd;		/* the export folder, over SSH; -1 */
	const char *name;	/* the plain name in it */
	int overwrite, in_place, keep;
	mode_t mode;
	uid_t uid;
	gid_t gid;
};

/* Whether name may be written under rules (NULL: local use), before
 * any work is done:
 * over SSH a plain name (no /, no leading dot, no control character)
 * that is not there yet, unless rules->overwrite, and is not a folder,
 * a device or a FIFO; "-" is standard output everywhere. Returns 0, or
 * -1 with err saying why (a refusal, for the log). */
int outfile_check(const char *name, const struct outfile_rules *rules, struct error *err);

/* Opens name for writing under rules (checking it as outfile_check
 * does). For OUTFILE_PATH, o->tmp is a new empty file to write by path,
 * even for a target written in place (its bytes are copied there at
 * the close). A new file gets 0666 less the umask, or 0600 with
 * OUTFILE_PRIVATE. Returns 0, or -1 with err filled and nothing
 * changed. */
int outfile_open(struct outfile *o, const char *name, const struct outfile_rules *rules,
		 int use, struct error *err);

/* Finishes what outfile_open began: when ok, the bytes synced and put
 * in place (renamed over the target, or linked to a new name without
 * replacing one, or copied into a target written in place); otherwise
 * the temporary file removed and the target left as it was. Returns 0,
 * or -1 with err filled (err is left alone when !ok). */
int outfile_close(struct outfile *o, int ok, struct error *err);

/* After a writer failed on f, opened as name: when f itself failed (a
 * full disk, a closed pipe), err names the file, "NAME: TEXT", and is of
 * kind ERROR_IO; any other error is left as it is. */
void outfile_name_error(FILE *f, const char *name, struct error *err);

/* write(ctx, f) into name under rules, whole or not at all. Returns 0,
 * or -1 with err filled. */
int outfile_write(const char *name, const struct outfile_rules *rules,
		  int (*write)(void *ctx, FILE *f, struct error *err), void *ctx,
		  struct error *err);

#endif
