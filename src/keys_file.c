/* keys_file.c: reading and rewriting authorized_keys: kpitree's lines
 * (a forced command, restrict, pty, the key, the comment kpitree:NAME)
 * found and changed, every other byte kept, the file replaced whole
 * (temporary file, fsync, rename) under a lock on its folder. */
#include "keys_file.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bytes.h"
#include "words.h"

#define MARK "kpitree:"
#define OPTIONS_TAIL ",restrict,pty"

/* A file's bytes, or the file to be (struct bytes). */
static int text_add(struct bytes *t, const char *bytes, size_t n, struct error *err)
{
	return bytes_add(t, bytes, n, 0) < 0 ? error_set(err, _("out of memory")) : 0;
}

/* The whole file into t; a missing file is empty (*exists 0). */
static int read_all(const char *path, struct bytes *t, int *exists, struct error *err)
{
	char buf[65536];
	FILE *f = fopen(path, "rb");
	size_t n;

	memset(t, 0, sizeof *t);
	*exists = f != NULL;
	if (!f)
		return errno == ENOENT ? text_add(t, "", 0, err)
				       : error_set(err, "%s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (text_add(t, buf, n, err) < 0) {
			fclose(f);
			return -1;
		}
	if (ferror(f)) {
		fclose(f);
		free(t->data);
		t->data = NULL;
		return error_set(err, _("%s: cannot read"), path);
	}
	fclose(f);
	return text_add(t, "", 0, err);
}

int keys_file_default(char *buf, size_t size, struct error *err)
{
	struct passwd *pw = getpwuid(geteuid());
	const char *home = pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : getenv("HOME");

	if (!home || !*home)
		return error_set(err, _("no home directory for authorized_keys; use --file FILE"));
	snprintf(buf, size, "%s/.ssh/authorized_keys", home);
	return 0;
}

/* The folder of path by its real path into buf (PATH_MAX bytes), also
 * when it is not made yet (its parent's real path and its name).
 * Returns 0, or -1. */
static int real_folder(const char *path, char *buf)
{
	char dir[4096], parent[PATH_MAX];
	const char *name = ".";
	char *slash;

	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (!slash)
		return realpath(".", buf) ? 0 : -1;
	*slash = '\0';
	if (realpath(*dir ? dir : "/", buf))
		return 0;
	slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		name = slash + 1;
	}
	if (!realpath(slash ? (*dir ? dir : "/") : ".", parent))
		return -1;
	if (!slash)
		name = dir;
	return snprintf(buf, PATH_MAX, "%s/%s", strcmp(parent, "/") ? parent : "", name) < PATH_MAX
	       ? 0 : -1;
}

int keys_file_of_root(const char *path)
{
	struct passwd *pw = getpwuid(0);
	char real[PATH_MAX], home[PATH_MAX], ssh[PATH_MAX + 8];

	if (!pw || !pw->pw_dir || !realpath(pw->pw_dir, home) || real_folder(path, real) < 0)
		return 0;
	snprintf(ssh, sizeof ssh, "%s/.ssh", strcmp(home, "/") ? home : "");
	return strcmp(real, ssh) == 0;
}

static const char *const key_types[] = {
	"ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
	"ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
	"sk-ecdsa-sha2-nistp256@openssh.com", NULL,
};

static int type_known(const char *type)
{
	int i;

	for (i = 0; key_types[i]; i++)
		if (strcmp(type, key_types[i]) == 0)
			return 1;
	return 0;
}

static int base64_ok(const char *b)
{
	static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				    "0123456789+/=";

	return *b && strspn(b, chars) == strlen(b);
}

int keys_read_public(const char *path, char *type, size_t tsize, char *blob, size_t bsize,
		     struct error *err)
{
	char line[16384], *save = NULL, *t, *b;
	int from_stdin = strcmp(path, "-") == 0;
	FILE *f = from_stdin ? stdin : fopen(path, "r");
	int got;

	if (!f)
		return error_set(err, "%s: %s", path, strerror(errno));
	got = fgets(line, sizeof line, f) != NULL;
	if (!from_stdin)
		fclose(f);
	if (!got)
		return error_set(err, _("%s: empty, not a public key"), path);
	t = strtok_r(line, " \t\r\n", &save);
	b = t ? strtok_r(NULL, " \t\r\n", &save) : NULL;
	if (!t || !b || !type_known(t) || !base64_ok(b))
		return error_set(err, _("%s: not a public key (TYPE BASE64 [COMMENT], as ssh-keygen "
				 "writes it in a .pub file)"), path);
	if (strlen(t) >= tsize || strlen(b) >= bsize)
		return error_set(err, _("%s: the key is too long"), path);
	snprintf(type, tsize, "%s", t);
	snprintf(blob, bsize, "%s", b);
	return 0;
}

/* Appends word, quoted for the shell, with a space before it. */
static int add_word(char *buf, size_t size, size_t *used, const char *word)
{
	char quoted[4096];

	if (!words_quote(word, quoted, sizeof quoted) ||
	    *used + strlen(quoted) + 2 > size)
		return -1;
	*used += (size_t)snprintf(buf + *used, size - *used, "%s%s", *used ? " " : "", quoted);
	return 0;
}

char *keys_forced_command(const char *program, const char *db, const struct access_identity *id,
			  char *buf, size_t size)
{
	size_t used = 0;
	int i, bad;

	buf[0] = '\0';
	bad = add_word(buf, size, &used, program) || add_word(buf, size, &used, "--db") ||
	      add_word(buf, size, &used, db) || add_word(buf, size, &used, "--ssh-user") ||
	      add_word(buf, size, &used, id->name) || add_word(buf, size, &used, "--ssh-role") ||
	      add_word(buf, size, &used, access_role_name(id->role)) ||
	      add_word(buf, size, &used, "--ssh-lang") ||
	      add_word(buf, size, &used, *id->lang ? id->lang : "ja");
	for (i = 0; i < id->nscopes && !bad; i++) {
		char scope[ACCESS_SCOPE_MAX + 16];

		bad = add_word(buf, size, &used, "--ssh-scope") ||
		      add_word(buf, size, &used,
			       access_scope_text(&id->scopes[i], scope, sizeof scope));
	}
	/* authorized_keys gives " a meaning inside command="..." */
	return bad || strpbrk(buf, "\"\\\n") ? NULL : buf;
}

char *keys_line(const struct keys_entry *entry, const char *command, char *buf, size_t size)
{
	snprintf(buf, size, "command=\"%s\"" OPTIONS_TAIL " %s %s " MARK "%s\n", command,
		 entry->type, entry->blob, entry->id.name);
	return buf;
}

/* The identity of a forced command's words, as keys_forced_command
 * writes them. Returns 0, or -1 if they are not such a command. */
static int read_command(const char *command, struct access_identity *id)
{
	char buf[8192], *words[WORDS_MAX];
	int n = words_split(command, buf, sizeof buf, words, WORDS_MAX, NULL), i, role = 0;

	memset(id, 0, sizeof *id);
	for (i = 1; i + 1 < n; i += 2) {
		if (strcmp(words[i], "--ssh-user") == 0)
			snprintf(id->name, sizeof id->name, "%s", words[i + 1]);
		else if (strcmp(words[i], "--ssh-role") == 0)
			role = access_role_parse(words[i + 1], &id->role, NULL) == 0;
		else if (strcmp(words[i], "--ssh-lang") == 0 && i18n_lang_ok(words[i + 1]))
			snprintf(id->lang, sizeof id->lang, "%s", words[i + 1]);
		else if (strcmp(words[i], "--ssh-scope") == 0 && id->nscopes < ACCESS_MAX_SCOPES &&
			 access_scope_parse(words[i + 1], &id->scopes[id->nscopes], NULL) == 0)
			id->nscopes++;
	}
	id->enforced = 1;
	return n > 0 && *id->name && role ? 0 : -1;
}

/* Whether the line (without its newline) is one kpitree wrote; if so,
 * its entry. */
static int parse_line(const char *line, size_t len, struct keys_entry *e)
{
	char buf[16384], command[8192], *p, *save = NULL, *type, *blob, *comment;
	size_t n = 0;

	if (len >= sizeof buf)
		return 0;
	memcpy(buf, line, len);
	buf[len] = '\0';
	buf[strcspn(buf, "\r")] = '\0';
	if (strncmp(buf, "command=\"", 9) != 0)
		return 0;
	for (p = buf + 9; *p && *p != '"' && n + 1 < sizeof command; p++) {
		if (*p == '\\' && p[1] == '"')
			p++;
		command[n++] = *p;
	}
	command[n] = '\0';
	if (*p != '"' || strncmp(p + 1, OPTIONS_TAIL " ", strlen(OPTIONS_TAIL) + 1) != 0)
		return 0;
	p += 1 + strlen(OPTIONS_TAIL);
	type = strtok_r(p, " \t", &save);
	blob = type ? strtok_r(NULL, " \t", &save) : NULL;
	comment = blob ? strtok_r(NULL, " \t", &save) : NULL;
	if (!comment || strtok_r(NULL, " \t", &save) || strncmp(comment, MARK, strlen(MARK)) != 0 ||
	    read_command(command, &e->id) < 0 || strcmp(comment + strlen(MARK), e->id.name) != 0 ||
	    strlen(type) >= sizeof e->type || strlen(blob) >= sizeof e->blob)
		return 0;
	snprintf(e->type, sizeof e->type, "%s", type);
	snprintf(e->blob, sizeof e->blob, "%s", blob);
	return 1;
}

/* Whether a line holds blob as its key: a word of it, on any line. */
static int line_has_key(const char *line, size_t len, const char *blob)
{
	size_t bl = strlen(blob);
	const char *p;

	for (p = line; p + bl <= line + len; p++)
		if (memcmp(p, blob, bl) == 0 && (p == line || p[-1] == ' ' || p[-1] == '\t') &&
		    (p + bl == line + len || strchr(" \t\r\n", p[bl])))
			return 1;
	return 0;
}

/* Calls fn for each line of t: its bytes with the newline, and the entry
 * when kpitree wrote it (else NULL). Returns nonzero if fn did. */
static int each_line(const struct bytes *t,
		     int (*fn)(void *ctx, const char *line, size_t len, const struct keys_entry *e),
		     void *ctx)
{
	struct keys_entry e;
	size_t at = 0;

	while (at < t->len) {
		const char *nl = memchr(t->data + at, '\n', t->len - at);
		size_t len = nl ? (size_t)(nl - (t->data + at)) + 1 : t->len - at;
		int rc = fn(ctx, t->data + at, len,
			    parse_line(t->data + at, len - (nl ? 1 : 0), &e) ? &e : NULL);

		if (rc)
			return rc;
		at += len;
	}
	return 0;
}

struct listing {
	void (*fn)(void *ctx, const struct keys_entry *e);
	void *ctx;
	int n;
	const char *name;	/* for find: the first of this name */
	struct keys_entry *found;
};

static int list_line(void *ctx, const char *line, size_t len, const struct keys_entry *e)
{
	struct listing *l = ctx;

	(void)line;
	(void)len;
	if (!e)
		return 0;
	if (l->name) {
		if (strcmp(e->id.name, l->name) != 0)
			return 0;
		*l->found = *e;
		return 1;
	}
	l->n++;
	l->fn(l->ctx, e);
	return 0;
}

int keys_file_each(const char *path, void (*fn)(void *ctx, const struct keys_entry *e),
		   void *ctx, struct error *err)
{
	struct listing l = { .fn = fn, .ctx = ctx };
	struct bytes t;
	int exists;

	if (read_all(path, &t, &exists, err) < 0)
		return -1;
	each_line(&t, list_line, &l);
	free(t.data);
	return l.n;
}

int keys_file_find(const char *path, const char *name, struct keys_entry *entry,
		   struct error *err)
{
	struct listing l = { .name = name, .found = entry };
	struct bytes t;
	int exists, rc;

	if (read_all(path, &t, &exists, err) < 0)
		return -1;
	rc = each_line(&t, list_line, &l);
	free(t.data);
	return rc;
}

/* The folder of path into dir; creates it (0700) if missing. */
static int folder_of(const char *path, char *dir, size_t size, struct error *err)
{
	char *slash;

	snprintf(dir, size, "%s", path);
	slash = strrchr(dir, '/');
	if (!slash)
		snprintf(dir, size, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return error_set(err, "%s: %s", dir, strerror(errno));
	return 0;
}

/* Replaces path by t whole: a temporary file beside it, the old file's
 * mode and owner (a new file: 0600, the running user's), fsync, rename,
 * fsync of the folder. */
static int write_all(const char *path, const char *dir, const struct bytes *t, int exists,
		     struct error *err)
{
	char tmp[4200];
	struct stat st;
	int fd, dfd, ok, had = exists && stat(path, &st) == 0;

	snprintf(tmp, sizeof tmp, "%s/.kpitree-keys.XXXXXX", dir);
	fd = mkstemp(tmp);
	if (fd < 0)
		return error_set(err, "%s: %s", dir, strerror(errno));
	/* sshd reads the file as the account it lets in, and accepts it
	 * owned by that account or root: a root-owned 0644 file stays so */
	ok = fchmod(fd, had ? st.st_mode & 07777 : 0600) == 0 &&
	     write(fd, t->data, t->len) == (ssize_t)t->len;
	if (ok && had && fchown(fd, st.st_uid, st.st_gid) != 0 && st.st_uid != geteuid())
		ok = 0;
	ok = ok && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		error_set(err, _("%s: not changed: %s"), path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	return 0;
}

/* What an edit does to each line: kept, dropped, or rewritten. */
struct edit {
	const char *name;
	const struct keys_entry *add;	/* NULL: remove name's lines */
	const char *command;
	struct bytes out;
	int count;		/* name's lines now (add) or removed (remove) */
	int duplicate;		/* the key is on a line already */
	char other[ACCESS_NAME_MAX + 16];
	struct error *err;
};

static int edit_line(void *ctx, const char *line, size_t len, const struct keys_entry *e)
{
	struct edit *ed = ctx;
	char rewritten[16384];

	if (ed->add && line_has_key(line, len, ed->add->blob)) {
		ed->duplicate = 1;
		snprintf(ed->other, sizeof ed->other, "%s", e ? e->id.name : "");
		return 1;
	}
	if (!e || strcmp(e->id.name, ed->name) != 0)
		return text_add(&ed->out, line, len, ed->err) < 0;
	if (!ed->add) {
		ed->count++;
		return 0;
	}
	ed->count++;
	keys_line(e, ed->command, rewritten, sizeof rewritten);
	return text_add(&ed->out, rewritten, strlen(rewritten), ed->err) < 0;
}

/* Reads path, runs ed over its lines, and writes the result, all under
 * a lock on the folder so that two edits do not lose one. */
static int edit_file(const char *path, struct edit *ed, struct error *err)
{
	char dir[4096], line[16384];
	struct bytes in;
	int exists, dfd, rc = -1;

	if (folder_of(path, dir, sizeof dir, err) < 0)
		return -1;
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0 || flock(dfd, LOCK_EX) != 0) {
		error_set(err, "%s: %s", dir, strerror(errno));
		if (dfd >= 0)
			close(dfd);
		return -1;
	}
	memset(&ed->out, 0, sizeof ed->out);
	ed->err = err;
	if (read_all(path, &in, &exists, err) < 0)
		goto done;
	if (text_add(&ed->out, "", 0, err) < 0 || each_line(&in, edit_line, ed)) {
		if (ed->duplicate)
			error_set(err, _("%s: that key is there already%s%s"), path,
				  *ed->other ? ", for " : "", ed->other);
		goto done;
	}
	if (ed->add) {
		if (ed->out.len && ed->out.data[ed->out.len - 1] != '\n' &&
		    text_add(&ed->out, "\n", 1, err) < 0)
			goto done;
		keys_line(ed->add, ed->command, line, sizeof line);
		if (text_add(&ed->out, line, strlen(line), err) < 0)
			goto done;
		ed->count++;
	}
	if (!ed->add && !ed->count) {
		rc = 0;
		goto done;
	}
	rc = write_all(path, dir, &ed->out, exists, err) < 0 ? -1 : ed->count;
done:
	free(in.data);
	free(ed->out.data);
	close(dfd);
	return rc;
}

int keys_file_add(const char *path, const struct keys_entry *entry,
		  const char *command, struct error *err)
{
	struct edit ed = { .name = entry->id.name, .add = entry, .command = command };

	return edit_file(path, &ed, err);
}

int keys_file_remove(const char *path, const char *name, struct error *err)
{
	struct edit ed = { .name = name };

	return edit_file(path, &ed, err);
}
