/* keys_file.c: reading and rewriting authorized_keys: kpitree's lines
 * (a forced command, restrict, pty, the key, the comment kpitree:NAME)
 * found and changed, every other byte kept, the file replaced whole
 * (temporary file, fsync, rename) under a lock on its folder. */
#include "keys_file.h"
#include "alloc.h"
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
#include <time.h>
#include <unistd.h>

#include "bytes.h"
#include "words.h"

#define MARK "kpitree:"
/* A line access disable turned into a comment: sshd ignores it. */
#define DISABLED "#kpitree-disabled "
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

/* The bytes of strict base64 b (padding only at its end) into out.
 * Returns how many, or -1. */
static long base64_decode(const char *b, unsigned char *out, size_t size)
{
	static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				    "0123456789+/";
	size_t len = strlen(b), i, n = 0;
	unsigned long acc = 0;
	int pad = 0, k;

	if (!len || len % 4)
		return -1;
	for (i = 0; i < len; i++) {
		const char *c = strchr(chars, b[i]);

		if (b[i] == '=' && i >= len - 2) {
			pad++;
			c = chars;
		} else if (!c || !b[i] || pad) {
			return -1;
		}
		acc = acc << 6 | (unsigned long)(c - chars);
		if (i % 4 == 3) {
			for (k = 2; k >= pad; k--) {
				if (n >= size)
					return -1;
				out[n++] = (unsigned char)(acc >> (8 * k));
			}
			acc = 0;
		}
	}
	return (long)n;
}

/* SHA-256 (FIPS 180-4) of n bytes into out, for a key's fingerprint. */
static void sha256(const unsigned char *data, size_t n, unsigned char out[32])
{
	static const unsigned long k[64] = {
		0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
		0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
		0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
		0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
		0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
		0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
		0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
		0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
		0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
		0xc67178f2,
	};
	unsigned long h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	size_t total = ((n + 8) / 64 + 1) * 64, at, i;

#define ROR(x, r) ((((x) >> (r)) | ((x) << (32 - (r)))) & 0xffffffffUL)
	for (at = 0; at < total; at += 64) {
		unsigned long w[64], a[8], t1, t2;

		for (i = 0; i < 64; i++) {
			size_t j = at + i;
			unsigned long byte = j < n ? data[j] : j == n ? 0x80
					     : j >= total - 8 ? (unsigned long)(((unsigned long long)n * 8)
						>> (8 * (total - 1 - j))) & 0xff : 0;

			if (i % 4 == 0)
				w[i / 4] = 0;
			w[i / 4] |= byte << (8 * (3 - i % 4));
		}
		for (i = 16; i < 64; i++)
			w[i] = (w[i - 16] + (ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3)) +
				w[i - 7] + (ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10))) &
			       0xffffffffUL;
		memcpy(a, h, sizeof a);
		for (i = 0; i < 64; i++) {
			t1 = (a[7] + (ROR(a[4], 6) ^ ROR(a[4], 11) ^ ROR(a[4], 25)) +
			      ((a[4] & a[5]) ^ (~a[4] & a[6])) + k[i] + w[i]) & 0xffffffffUL;
			t2 = ((ROR(a[0], 2) ^ ROR(a[0], 13) ^ ROR(a[0], 22)) +
			      ((a[0] & a[1]) ^ (a[0] & a[2]) ^ (a[1] & a[2]))) & 0xffffffffUL;
			memmove(a + 1, a, 7 * sizeof a[0]);
			a[4] = (a[4] + t1) & 0xffffffffUL;
			a[0] = (t1 + t2) & 0xffffffffUL;
		}
		for (i = 0; i < 8; i++)
			h[i] = (h[i] + a[i]) & 0xffffffffUL;
	}
#undef ROR
	for (i = 0; i < 32; i++)
		out[i] = (unsigned char)(h[i / 4] >> (8 * (3 - i % 4)));
}

char *keys_fingerprint(const char *blob, char *buf, size_t size)
{
	static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				    "0123456789+/";
	unsigned char bytes[12288], sum[32];
	long n = base64_decode(blob, bytes, sizeof bytes);
	size_t used, i;

	if (n < 0) {
		snprintf(buf, size, "SHA256:?");
		return buf;
	}
	sha256(bytes, (size_t)n, sum);
	used = (size_t)snprintf(buf, size, "SHA256:");
	/* base64 without its padding, as ssh-keygen -l and sshd's log write it */
	for (i = 0; i < 32 * 8 && used + 1 < size; i += 6) {
		unsigned v = 0, b;

		for (b = 0; b < 6; b++) {
			size_t bit = i + b;

			v = v << 1 | (bit < 256 ? (sum[bit / 8] >> (7 - bit % 8)) & 1 : 0);
		}
		buf[used++] = chars[v];
	}
	buf[used] = '\0';
	return buf;
}

/* The next SSH wire string of a key blob: its bytes and length. */
static int wire_string(const unsigned char **p, const unsigned char *end,
		       const unsigned char **s, size_t *len)
{
	size_t n;

	if (end - *p < 4)
		return -1;
	n = (size_t)(*p)[0] << 24 | (size_t)(*p)[1] << 16 | (size_t)(*p)[2] << 8 | (*p)[3];
	if ((size_t)(end - *p - 4) < n)
		return -1;
	*s = *p + 4;
	*len = n;
	*p += 4 + n;
	return 0;
}

/* Whether the key blob is a whole key of type: the type it names, then
 * the fields of that type (with their sizes where fixed), nothing more:
 * a cut key or another type's is not one. */
static int blob_ok(const char *type, const unsigned char *p, size_t n)
{
	const unsigned char *end = p + n, *s;
	size_t len;
	const char *curve = NULL;
	size_t q = 0;

	if (wire_string(&p, end, &s, &len) < 0 || len != strlen(type) || memcmp(s, type, len) != 0)
		return 0;
	if (!strcmp(type, "ssh-ed25519") || !strcmp(type, "sk-ssh-ed25519@openssh.com")) {
		if (wire_string(&p, end, &s, &len) < 0 || len != 32)
			return 0;
	} else if (!strcmp(type, "ssh-rsa")) {
		if (wire_string(&p, end, &s, &len) < 0 || len < 1 ||	/* e */
		    wire_string(&p, end, &s, &len) < 0 || len < 128)	/* n: 1024 bits */
			return 0;
	} else {
		if (strstr(type, "nistp256"))
			curve = "nistp256", q = 65;
		else if (strstr(type, "nistp384"))
			curve = "nistp384", q = 97;
		else
			curve = "nistp521", q = 133;
		if (wire_string(&p, end, &s, &len) < 0 || len != strlen(curve) ||
		    memcmp(s, curve, len) != 0 || wire_string(&p, end, &s, &len) < 0 || len != q)
			return 0;
	}
	/* a security key's: the application it was made for */
	if (!strncmp(type, "sk-", 3) && wire_string(&p, end, &s, &len) < 0)
		return 0;
	return p == end;
}

/* Whether a line of a .pub file holds nothing (blank, or a comment). */
static int blank_line(const char *line)
{
	line += strspn(line, " \t\r\n");
	return !*line || *line == '#';
}

int keys_read_public(const char *path, char *type, size_t tsize, char *blob, size_t bsize,
		     struct error *err)
{
	char line[16384], more[16384], *save = NULL, *t, *b;
	unsigned char bytes[12288];
	int from_stdin = strcmp(path, "-") == 0;
	FILE *f = from_stdin ? stdin : fopen(path, "r");
	long n;
	int got, lines = 1, second = 0;

	if (!f)
		return error_set(err, "%s: %s", path, strerror(errno));
	while ((got = fgets(line, sizeof line, f) != NULL) && blank_line(line))
		;
	/* a second key: one file, one key */
	while (got && !second && fgets(more, sizeof more, f)) {
		lines++;
		if (!blank_line(more))
			second = lines;
	}
	if (!from_stdin)
		fclose(f);
	if (!got)
		return error_set(err, _("%s: empty, not a public key"), path);
	if (strncmp(line, "---- BEGIN SSH2 PUBLIC KEY", 26) == 0 ||
	    strncmp(line, "PuTTY-User-Key-File-", 20) == 0)
		return error_set(err, _("%s: a PuTTY key; convert it to OpenSSH's form first:"
				 " ssh-keygen -i -f %s > key.pub"), path, path);
	t = strtok_r(line, " \t\r\n", &save);
	b = t ? strtok_r(NULL, " \t\r\n", &save) : NULL;
	if (!t || !b || !type_known(t))
		return error_set(err, _("%s: not a public key (TYPE BASE64 [COMMENT], as ssh-keygen "
				 "writes it in a .pub file)"), path);
	if (second)
		return error_set(err, _("%s:%d: a second key; give one key a file"), path, second);
	n = base64_decode(b, bytes, sizeof bytes);
	if (n < 0 || !blob_ok(t, bytes, (size_t)n))
		return error_set(err, _("%s: not a whole %s key (cut, or of another type)"), path, t);
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

/* The option after which the forced command names its line's key. */
#define KEY_OPTION " --ssh-key "

char *keys_line(const struct keys_entry *entry, const char *command, char *buf, size_t size)
{
	char fp[64] = "";

	/* each line's command names its own key, for the audit log */
	if (strcmp(keys_fingerprint(entry->blob, fp + strlen(KEY_OPTION),
				    sizeof fp - strlen(KEY_OPTION)), "SHA256:?") != 0)
		memcpy(fp, KEY_OPTION, strlen(KEY_OPTION));
	else
		fp[0] = '\0';
	snprintf(buf, size, "command=\"%s%s\"" OPTIONS_TAIL "%s%s %s %s " MARK "%s%s%s\n", command,
		 fp, *entry->others ? "," : "", entry->others, entry->type, entry->blob,
		 entry->id.name, *entry->remark ? " " : "", entry->remark);
	return buf;
}

/* The identity and database of a forced command's words, as
 * keys_forced_command writes them. Returns 0, or -1 if they are not
 * such a command. */
static int read_command(const char *command, struct access_identity *id, char *db, size_t size)
{
	char buf[8192], *words[WORDS_MAX];
	int n = words_split(command, buf, sizeof buf, words, WORDS_MAX, NULL), i, role = 0;

	memset(id, 0, sizeof *id);
	*db = '\0';
	for (i = 1; i + 1 < n; i += 2) {
		if (strcmp(words[i], "--db") == 0)
			snprintf(db, size, "%s", words[i + 1]);
		else if (strcmp(words[i], "--ssh-user") == 0)
			snprintf(id->name, sizeof id->name, "%s", words[i + 1]);
		else if (strcmp(words[i], "--ssh-role") == 0)
			role = access_role_parse(words[i + 1], &id->role, NULL) == 0;
		else if (strcmp(words[i], "--ssh-key") == 0)
			snprintf(id->key, sizeof id->key, "%s", words[i + 1]);
		else if (strcmp(words[i], "--ssh-lang") == 0 && i18n_lang_ok(words[i + 1]))
			snprintf(id->lang, sizeof id->lang, "%s", words[i + 1]);
		else if (strcmp(words[i], "--ssh-scope") == 0 && id->nscopes < ACCESS_MAX_SCOPES &&
			 access_scope_parse(words[i + 1], &id->scopes[id->nscopes], NULL) == 0)
			id->nscopes++;
	}
	id->enforced = 1;
	return n > 0 && *id->name && role ? 0 : -1;
}

/* The end of the field that starts at p: the first blank outside
 * double quotes (a backslash in them keeps the next character). */
static char *field_end(char *p)
{
	int quoted = 0;

	for (; *p && (quoted || (*p != ' ' && *p != '\t')); p++) {
		if (quoted && *p == '\\' && p[1])
			p++;
		else if (*p == '"')
			quoted = !quoted;
	}
	return p;
}

/* One option of a kpitree line: command="..." into command, restrict
 * and pty (its own) dropped, any other (one added by hand, from="..."
 * say) kept in e->others. Returns 0, or -1 if it does not fit. */
static int take_option(char *opt, char *command, size_t csize, struct keys_entry *e)
{
	size_t n = 0, used = strlen(e->others);
	char *p;

	if (strncmp(opt, "command=\"", 9) == 0) {
		for (p = opt + 9; *p && *p != '"' && n + 1 < csize; p++) {
			if (*p == '\\' && p[1] == '"')
				p++;
			command[n++] = *p;
		}
		command[n] = '\0';
		return *p == '"' && !p[1] ? 0 : -1;
	}
	if (strcmp(opt, "restrict") == 0 || strcmp(opt, "pty") == 0)
		return 0;
	if (used + strlen(opt) + 2 > sizeof e->others)
		return -1;
	snprintf(e->others + used, sizeof e->others - used, "%s%s", used ? "," : "", opt);
	return 0;
}

/* Whether the line (without its newline) is one kpitree wrote, or one
 * of its lines with options added by hand: options holding kpitree's
 * forced command, the key, and the comment kpitree:NAME of the command's
 * official. If so, its entry. */
static int parse_line(const char *line, size_t len, struct keys_entry *e)
{
	char buf[16384], command[8192] = "", *p, *end, *save = NULL, *type, *blob, *comment, *rest;
	int disabled = len > strlen(DISABLED) && strncmp(line, DISABLED, strlen(DISABLED)) == 0;

	if (disabled) {
		line += strlen(DISABLED);
		len -= strlen(DISABLED);
	}
	if (len >= sizeof buf)
		return 0;
	memcpy(buf, line, len);
	buf[len] = '\0';
	buf[strcspn(buf, "\r")] = '\0';
	p = buf + strspn(buf, " \t");
	end = field_end(p);
	if (!*end || *p == '#')
		return 0;
	*end = '\0';
	memset(e, 0, sizeof *e);
	e->disabled = disabled;
	if (type_known(p))
		return 0;	/* no options: not a forced command */
	while (*p) {
		char *comma = p;
		int quoted = 0;

		for (; *comma && (quoted || *comma != ','); comma++) {
			if (quoted && *comma == '\\' && comma[1])
				comma++;
			else if (*comma == '"')
				quoted = !quoted;
		}
		if (*comma)
			*comma++ = '\0';
		if (take_option(p, command, sizeof command, e) < 0)
			return 0;
		p = comma;
	}
	type = strtok_r(end + 1, " \t", &save);
	blob = type ? strtok_r(NULL, " \t", &save) : NULL;
	comment = blob ? strtok_r(NULL, " \t", &save) : NULL;
	/* what an administrator wrote after the mark (a note of the
	 * machine, the date) stays the line's */
	rest = comment ? strtok_r(NULL, "", &save) : NULL;
	snprintf(e->remark, sizeof e->remark, "%s", rest ? rest + strspn(rest, " \t") : "");
	if (!*command || !comment ||
	    strncmp(comment, MARK, strlen(MARK)) != 0 ||
	    read_command(command, &e->id, e->db, sizeof e->db) < 0 ||
	    strcmp(comment + strlen(MARK), e->id.name) != 0 ||
	    strlen(type) >= sizeof e->type || strlen(blob) >= sizeof e->blob)
		return 0;
	snprintf(e->type, sizeof e->type, "%s", type);
	snprintf(e->blob, sizeof e->blob, "%s", blob);
	/* the command without the key keys_line adds to it */
	p = strstr(command, KEY_OPTION);
	if (p && !strchr(p + strlen(KEY_OPTION), ' '))
		*p = '\0';
	snprintf(e->command, sizeof e->command, "%s", command);
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
	const char *db;			/* only name's lines for this database; NULL: all */
	const char *fingerprint;	/* only the line of this key; NULL: all */
	const struct keys_entry *add;	/* NULL: remove name's lines (or rewrite) */
	const struct keys_entry *rotate;	/* the key that replaces fingerprint's */
	const char *command;
	int rewrite;			/* give name's lines command, add none */
	int toggle, disable;		/* turn name's lines off (disable) or on */
	struct bytes out;
	int count;		/* name's lines now (add) or removed (remove) */
	int duplicate;		/* the key is on a line already */
	char other[ACCESS_NAME_MAX + 16];
	/* the databases of name's lines changed, whose admins are counted */
	char dbs[8][4096];
	int ndbs;
	struct error *err;
};

/* Notes db among the databases ed changed a line of. */
static void touched(struct edit *ed, const char *db)
{
	int i;

	for (i = 0; i < ed->ndbs; i++)
		if (strcmp(ed->dbs[i], db) == 0)
			return;
	if (ed->ndbs < 8)
		snprintf(ed->dbs[ed->ndbs++], sizeof ed->dbs[0], "%s", db);
}

/* Whether the line e is one ed changes: name's, for ed's database, and
 * of ed's key if it names one. */
static int edited(const struct edit *ed, const struct keys_entry *e)
{
	char fp[64];

	return e && strcmp(e->id.name, ed->name) == 0 && (!ed->db || strcmp(e->db, ed->db) == 0) &&
	       (!ed->fingerprint ||
		strcmp(keys_fingerprint(e->blob, fp, sizeof fp), ed->fingerprint) == 0);
}

/* The options of a forced command that access add and set write; any
 * other (--ssh-exports, --ssh-idle, --ssh-recheck, --ssh-keys) is the
 * administrator's, kept when a line is given a new command. */
static int managed(const char *option)
{
	static const char *const ours[] = { "--db", "--ssh-user", "--ssh-role", "--ssh-scope",
					    "--ssh-lang", "--ssh-key" };
	size_t i;

	for (i = 0; i < sizeof ours / sizeof ours[0]; i++)
		if (strcmp(option, ours[i]) == 0)
			return 1;
	return 0;
}

/* command, then the administrator's options of old (the line's forced
 * command as it was), into buf; and old's language where command has
 * none (an access set that did not give --lang). Returns buf, or NULL
 * if it does not fit. */
static char *keep_options(const char *command, const char *old, char *buf, size_t size)
{
	char words_buf[8192], *words[WORDS_MAX];
	int n = words_split(old, words_buf, sizeof words_buf, words, WORDS_MAX, NULL), i;
	size_t used = (size_t)snprintf(buf, size, "%s", command);

	if (used >= size)
		return NULL;
	for (i = 1; i + 1 < n; i += 2) {
		int lang = strcmp(words[i], "--ssh-lang") == 0;

		if (lang ? strstr(command, " --ssh-lang ") != NULL : managed(words[i]))
			continue;
		if (add_word(buf, size, &used, words[i]) || add_word(buf, size, &used, words[i + 1]))
			return NULL;
	}
	return buf;
}

static int edit_line(void *ctx, const char *line, size_t len, const struct keys_entry *e)
{
	struct edit *ed = ctx;
	const struct keys_entry *added = ed->add ? ed->add : ed->rotate;
	char rewritten[20480];
	struct keys_entry rotated;

	if (added && line_has_key(line, len, added->blob)) {
		ed->duplicate = 1;
		snprintf(ed->other, sizeof ed->other, "%s", e ? e->id.name : "");
		return 1;
	}
	/* another official's line, one of name's for another database, or
	 * of another key */
	if (!edited(ed, e))
		return text_add(&ed->out, line, len, ed->err) < 0;
	touched(ed, e->db);
	ed->count++;
	if (!ed->add && !ed->rewrite && !ed->toggle && !ed->rotate)
		return 0;
	if (ed->toggle) {
		size_t used = ed->disable ? strlen(DISABLED) : 0;

		memcpy(rewritten, DISABLED, used);
		keys_line(e, e->command, rewritten + used, sizeof rewritten - used);
	} else {
		/* a disabled line stays so, with the new command or key */
		size_t used = e->disabled ? strlen(DISABLED) : 0;

		rotated = *e;
		if (ed->rotate) {
			snprintf(rotated.type, sizeof rotated.type, "%s", ed->rotate->type);
			snprintf(rotated.blob, sizeof rotated.blob, "%s", ed->rotate->blob);
		}
		memcpy(rewritten, DISABLED, used);
		if (ed->rotate) {
			keys_line(&rotated, e->command, rewritten + used, sizeof rewritten - used);
		} else {
			char command[8192];

			if (!keep_options(ed->command, e->command, command, sizeof command)) {
				error_set(ed->err, _("%s: the line's forced command would not fit"),
					  e->id.name);
				return -1;
			}
			keys_line(&rotated, command, rewritten + used, sizeof rewritten - used);
		}
	}
	return text_add(&ed->out, rewritten, strlen(rewritten), ed->err) < 0;
}

/* Whether the line e's key lets its official in now: not disabled, not
 * past its expiry-time (YYYYMMDD[HHMM[SS]], local time, as sshd reads
 * it). */
static int active(const struct keys_entry *e)
{
	const char *at = strstr(e->others, "expiry-time=\"");
	char now[16], until[16] = "00000000000000";
	struct tm tm;
	time_t t = time(NULL);
	size_t n;

	if (e->disabled)
		return 0;
	if (!at)
		return 1;
	at += strlen("expiry-time=\"");
	n = strspn(at, "0123456789");
	memcpy(until, at, n < 14 ? n : 14);
	return !localtime_r(&t, &tm) || !strftime(now, sizeof now, "%Y%m%d%H%M%S", &tm) ||
	       strcmp(now, until) < 0;
}

struct admins {
	const char *db;
	int n;
};

static int count_admin(void *ctx, const char *line, size_t len, const struct keys_entry *e)
{
	struct admins *a = ctx;

	(void)line;
	(void)len;
	if (e && e->id.role == ROLE_ADMIN && strcmp(e->db, a->db) == 0 && active(e))
		a->n++;
	return 0;
}

/* Refuses (ERROR_LAST_ADMIN) an edit that leaves a database it touched
 * without the active admin it had. Returns 0, or -1 with err filled. */
static int admins_kept(const struct edit *ed, const struct bytes *in, struct error *err)
{
	int i;

	for (i = 0; i < ed->ndbs; i++) {
		struct admins before = { ed->dbs[i], 0 }, after = { ed->dbs[i], 0 };

		each_line(in, count_admin, &before);
		each_line(&ed->out, count_admin, &after);
		if (access_admin_kept(ed->name, ed->dbs[i], before.n, after.n, err) < 0)
			return -1;
	}
	return 0;
}

/* Reads path, runs ed over its lines, and writes the result, all under
 * a lock on the folder so that two edits do not lose one. */
static int edit_file(const char *path, struct edit *ed, struct error *err)
{
	char dir[4096], line[20480];
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
		if (ed->duplicate && *ed->other)
			error_set(err, _("%s: that key is there already, for %s"), path, ed->other);
		else if (ed->duplicate)
			error_set(err, _("%s: that key is there already"), path);
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
	if (!ed->add && !ed->count) {	/* nothing removed or rewritten */
		rc = 0;
		goto done;
	}
	if (admins_kept(ed, &in, err) < 0)
		goto done;
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
	struct access_identity id;
	char db[4096];

	/* the official's lines for the command's database, no other */
	if (read_command(command, &id, db, sizeof db) == 0 && *db)
		ed.db = db;
	return edit_file(path, &ed, err);
}

int keys_file_set(const char *path, const char *name, const char *command, struct error *err)
{
	struct edit ed = { .name = name, .command = command, .rewrite = 1 };
	struct access_identity id;
	char db[4096];

	if (read_command(command, &id, db, sizeof db) == 0 && *db)
		ed.db = db;
	return edit_file(path, &ed, err);
}

int keys_file_enable(const char *path, const char *name, const char *db, int on,
		     struct error *err)
{
	struct edit ed = { .name = name, .db = db, .toggle = 1, .disable = !on };

	return edit_file(path, &ed, err);
}

int keys_file_remove(const char *path, const char *name, const char *db,
		     const char *fingerprint, struct error *err)
{
	struct edit ed = { .name = name, .db = db, .fingerprint = fingerprint };

	return edit_file(path, &ed, err);
}

int keys_file_rotate(const char *path, const char *name, const char *db,
		     const char *fingerprint, const struct keys_entry *key, struct error *err)
{
	struct edit ed = { .name = name, .db = db, .fingerprint = fingerprint, .rotate = key };

	return edit_file(path, &ed, err);
}

struct grant {
	const char *db;
	const struct access_identity *id;
	int found;
};

static void same_grant(void *ctx, const struct keys_entry *e)
{
	struct grant *g = ctx;
	char a[ACCESS_SCOPE_MAX + 16], b[ACCESS_SCOPE_MAX + 16];
	int i;

	if (e->disabled || strcmp(e->id.name, g->id->name) || strcmp(e->db, g->db) ||
	    e->id.role != g->id->role ||
	    e->id.nscopes != g->id->nscopes)
		return;
	for (i = 0; i < e->id.nscopes; i++)
		if (strcmp(access_scope_text(&e->id.scopes[i], a, sizeof a),
			   access_scope_text(&g->id->scopes[i], b, sizeof b)))
			return;
	g->found = 1;
}

int keys_file_grants(const char *path, const char *db, const struct access_identity *id,
		     struct error *err)
{
	struct grant g = { db, id, 0 };

	return keys_file_each(path, same_grant, &g, err) < 0 ? -1 : g.found;
}

/* --- the officials of a database -------------------------------------- */

struct officials {
	const char *db;
	struct access_identity *ids;
	int n;
};

static void take_official(void *ctx, const struct keys_entry *e)
{
	struct officials *o = ctx;
	int i;

	if (e->disabled || strcmp(e->db, o->db) != 0)
		return;
	for (i = 0; i < o->n; i++)
		if (strcmp(o->ids[i].name, e->id.name) == 0)
			return;
	xgrow(&o->ids, (size_t)o->n, sizeof *o->ids);
	o->ids[o->n] = e->id;
	o->ids[o->n++].enforced = 1;
}

int keys_file_officials(const char *path, const char *db, struct access_identity **ids, int *n,
			struct error *err)
{
	char full[PATH_MAX], deflt[4096];
	struct officials o = { full, NULL, 0 };

	*ids = NULL;
	*n = 0;
	if (!path && keys_file_default(deflt, sizeof deflt, err) < 0)
		return 0;	/* no account's file: no official has a key */
	if (!realpath(db, full))
		return error_of(err, ERROR_IO, _("cannot tell the full path of %s"), db);
	if (keys_file_each(path ? path : deflt, take_official, &o, err) < 0) {
		free(o.ids);
		return -1;
	}
	*ids = o.ids;
	*n = o.n;
	return 0;
}
