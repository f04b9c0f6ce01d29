/* keys_file.h: the lines kpitree writes into an SSH authorized_keys file,
 * one per official's key, each forcing kpitree with the official's name,
 * role and scope; every other line of the file is kept as it was. */
#ifndef KPITREE_KEYS_FILE_H
#define KPITREE_KEYS_FILE_H

#include <stddef.h>

#include "access.h"
#include "error.h"

/* A line kpitree wrote: the official's identity, the database of its
 * command, the key, and options added to it by hand (from="...", kept). */
struct keys_entry {
	struct access_identity id;
	char db[4096];
	char type[64];
	char blob[8192];
	char others[1024];
	char command[8192];	/* its forced command, as written */
	char remark[512];	/* words after kpitree:NAME added by hand, kept */
	int disabled;		/* turned off by access disable: sshd ignores it */
};

/* The running account's ~/.ssh/authorized_keys (its home from the
 * password database, else $HOME). Returns 0, or -1 with err filled. */
int keys_file_default(char *buf, size_t size, struct error *err);

/* The key's fingerprint as sshd logs it and ssh-keygen -l prints it
 * ("SHA256:" and base64 of its SHA-256, unpadded). Returns buf. */
char *keys_fingerprint(const char *blob, char *buf, size_t size);

/* Whether path is in root's own ~/.ssh: keys there log in as root. */
int keys_file_of_root(const char *path);

/* Reads a public key file (one line: TYPE BASE64 [COMMENT]; path "-":
 * standard input) into type and blob: a whole key of that type, alone
 * in its file (a PuTTY key is refused with how to convert it). Returns
 * 0, or -1 with err filled. */
int keys_read_public(const char *path, char *type, size_t tsize, char *blob, size_t bsize,
		     struct error *err);

/* The forced command for id: program and database by their full paths,
 * then --ssh-user, --ssh-role and one --ssh-scope per scope, each word
 * quoted for the account's shell. Returns buf, or NULL if too long. */
char *keys_forced_command(const char *program, const char *db, const struct access_identity *id,
			  char *buf, size_t size);

/* The authorized_keys line for entry with the forced command: the
 * command, restrict (no forwarding, no agent, no X11, no rc) and pty,
 * the options added by hand, then the key and the comment kpitree:NAME
 * that marks it as ours. */
char *keys_line(const struct keys_entry *entry, const char *command, char *buf, size_t size);

/* Calls fn for each line of path that kpitree wrote (options added by
 * hand or not), in file order; a missing file has none. Returns how
 * many, or -1 with err filled. */
int keys_file_each(const char *path, void (*fn)(void *ctx, const struct keys_entry *e),
		   void *ctx, struct error *err);

/* The first entry of name in path into *entry: 1 found, 0 not (or no
 * file), -1 with err filled. */
int keys_file_find(const char *path, const char *name, struct keys_entry *entry,
		   struct error *err);

/* Every edit below is refused, the file as it was, when it would leave
 * a database whose lines it changed without the active admin it had
 * (access_admin_kept): removing, disabling or demoting the last. */

/* Adds entry's key with command to path, and gives name's other lines
 * for the command's database the same command (one role and scope per
 * official and database; lines for another database are left alone).
 * Refuses a key that is in the file already, on any line. Creates path
 * (and its folder, mode 0700) if missing. Returns how many keys name
 * has now for that database, or -1 with err filled and the file as it
 * was. */
int keys_file_add(const char *path, const struct keys_entry *entry,
		  const char *command, struct error *err);

/* Gives name's lines for the command's database command (another role
 * or scope), their keys and added options kept. Returns how many, or
 * -1 with err filled and the file as it was. */
int keys_file_set(const char *path, const char *name, const char *command, struct error *err);

/* Turns name's lines for database db off (a comment sshd ignores, still
 * kpitree's: listed, and turned on again) or on. Returns how many, or
 * -1 with err filled and the file as it was. */
int keys_file_enable(const char *path, const char *name, const char *db, int on,
		     struct error *err);

/* Removes every line kpitree wrote for name, for database db (NULL:
 * for any), of the key fingerprint (SHA256:..., as keys_fingerprint
 * writes it; NULL: every key). Returns how many, or -1 with err filled
 * and the file as it was. */
int keys_file_remove(const char *path, const char *name, const char *db,
		     const char *fingerprint, struct error *err);

/* Gives name's line for database db of the key fingerprint key's type
 * and key instead, its command and options kept: a key replaced, the
 * official's rights as they were. Refuses a key that is in the file
 * already. Returns how many lines (0: no such key), or -1 with err
 * filled and the file as it was. */
int keys_file_rotate(const char *path, const char *name, const char *db,
		     const char *fingerprint, const struct keys_entry *key, struct error *err);

/* Whether path still has a line of id's official for database db with
 * id's role and scopes: 1, 0 (gone or changed), or -1 with err filled. */
int keys_file_grants(const char *path, const char *db, const struct access_identity *id,
		     struct error *err);

/* The officials with a key in path (NULL: keys_file_default's) for
 * database db (its path, made full here), a key turned off left out, in file order, each once, bound by their
 * role and scope (enforced) into *ids (freed by the caller), n of them;
 * a missing file (or no account's file) has none. Returns 0, or -1 with err filled. */
int keys_file_officials(const char *path, const char *db, struct access_identity **ids, int *n,
			struct error *err);

#endif
