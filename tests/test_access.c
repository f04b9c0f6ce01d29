/* test_access.c: officials over SSH in the core: a client's command split
 * without a shell, forced-command words quoted and read back, scopes
 * resolved and matched, kpitree's lines of authorized_keys added and
 * removed with every other byte kept, a key rotated, the last admin kept
 * by every change, the audit log append-only and checked, and what is
 * due. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "access.h"
#include "audit.h"
#include "due.h"
#include "csv_import.h"
#include "keys_file.h"
#include "kpi.h"
#include "testdb.h"
#include "values.h"
#include "words.h"

struct fixture {
	char *path;
	struct store *s;
	char keys[4096];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->path = testdb_path();
	f->s = testdb_create(f->path);
	snprintf(f->keys, sizeof f->keys, "%s-keys/authorized_keys", f->path);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char dir[4200];

	unlink(f->keys);
	snprintf(dir, sizeof dir, "%s-keys", f->path);
	rmdir(dir);
	store_close(f->s);
	testdb_remove(f->path);
	free(f);
	return 0;
}

/* Splits text; the words joined by | into out. Returns the count. */
static int split(const char *text, char *out, size_t size, struct error *err)
{
	char buf[1024], *words[WORDS_MAX];
	size_t used = 0;
	int n = words_split(text, buf, sizeof buf, words, WORDS_MAX, err), i;

	out[0] = '\0';
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s", i ? "|" : "", words[i]);
	return n;
}

static void split_keeps_shell_metacharacters_as_text(void **state)
{
	char out[1024];
	struct error err;

	(void)state;
	assert_int_equal(split("show H01; touch /tmp/x", out, sizeof out, &err), 4);
	assert_string_equal(out, "show|H01;|touch|/tmp/x");
	assert_int_equal(split("show $(touch /tmp/x) `id` a|b >c &", out, sizeof out, &err), 7);
	assert_string_equal(out, "show|$(touch|/tmp/x)|`id`|a|b|>c|&");
	assert_int_equal(split("  set\tH01  R7\n12 ", out, sizeof out, &err), 4);
	assert_string_equal(out, "set|H01|R7|12");
}

static void split_quotes_only_group(void **state)
{
	char out[1024];
	struct error err;

	(void)state;
	assert_int_equal(split("set H01 R7 12 --note '速報 値' \"$HOME\" a\\ b ''", out,
			       sizeof out, &err), 9);
	assert_string_equal(out, "set|H01|R7|12|--note|速報 値|$HOME|a b|");
	assert_int_equal(split("'it'\\''s' \"say \\\"hi\\\" \\\\\"", out, sizeof out, &err), 2);
	assert_string_equal(out, "it's|say \"hi\" \\");
	assert_int_equal(split("", out, sizeof out, &err), 0);
}

static void split_refuses_an_open_quote(void **state)
{
	char out[1024];
	struct error err;

	(void)state;
	assert_int_equal(split("show 'H01", out, sizeof out, &err), -1);
	assert_string_equal(err.text, "a single quote not closed");
	assert_int_equal(split("show \"H01", out, sizeof out, &err), -1);
	assert_string_equal(err.text, "a double quote not closed");
}

static void quoted_words_read_back_unchanged(void **state)
{
	static const char *const words[] = {
		"plain", "/abs/path/k.db", "strategy:第3期北海道創生総合戦略", "it's",
		"a b", "$(id)", "`id`", "x;y", "", "'''",
	};
	char quoted[256], out[1024];
	struct error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		assert_non_null(words_quote(words[i], quoted, sizeof quoted));
		assert_int_equal(split(quoted, out, sizeof out, &err), 1);
		assert_string_equal(out, words[i]);
	}
	assert_string_equal(words_quote("project:SP1", quoted, sizeof quoted), "project:SP1");
	assert_string_equal(words_quote("a b", quoted, sizeof quoted), "'a b'");
}

static void scope_resolves_each_kind_to_its_canonical_form(void **state)
{
	static const char *const cases[][2] = {
		{ "SP1", "project:SP1" },
		{ "地域のデジタル改革によるスマートシティ推進事業", "project:SP1" },
		{ "HP1", "priority:HP1" },
		{ "「誰もが安心して暮らせるまちづくり」プロジェクト", "priority:HP1" },
		{ "1 「誰もが安心して暮らせるまちづくり」プロジェクト", "priority:HP1" },
		{ "第3期北海道創生総合戦略", "strategy:第3期北海道創生総合戦略" },
		{ "札幌市", "municipality:札幌市" },
		{ "project:SP1", "project:SP1" },
	};
	struct fixture *f = *state;
	struct access_scope sc;
	struct error err;
	char text[512];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(access_scope_resolve(f->s, cases[i][0], &sc, &err), 0);
		assert_string_equal(access_scope_text(&sc, text, sizeof text), cases[i][1]);
	}
	assert_int_equal(access_scope_resolve(f->s, "SP9", &sc, &err), -1);
	assert_string_equal(err.text, "scope 'SP9': no strategy, strategy project, grant project "
			    "or municipality of that name");
	assert_int_equal(access_scope_resolve(f->s, "project:SP9", &sc, &err), -1);
	assert_string_equal(err.text, "scope 'project:SP9': no grant project 'SP9' in the database");
	assert_int_equal(access_scope_parse("team:x", &sc, &err), -1);
}

static void edit_kpi(struct fixture *f, const struct access_identity *id, const char *code,
		     int want, const char *why_wanted)
{
	struct error err;
	struct kpi k;
	char why[1024] = "";

	assert_int_equal(kpi_find(f->s, code, &k, &err), 0);
	assert_int_equal(access_may_kpi(f->s, id, ACCESS_EDIT, k.id, why, sizeof why, &err), want);
	if (why_wanted)
		assert_string_equal(why, why_wanted);
	kpi_release(&k);
}

static void an_editor_edits_within_its_scope_only(void **state)
{
	struct fixture *f = *state;
	struct access_identity id = { .name = "tanaka", .role = ROLE_EDITOR, .enforced = 1,
				      .nscopes = 1 };
	struct error err;

	assert_int_equal(access_scope_parse("project:SP1", &id.scopes[0], &err), 0);
	edit_kpi(f, &id, "SP1-1", 1, NULL);
	edit_kpi(f, &id, "H01", 0, "H01 is outside the scope of tanaka (editor, project:SP1)");
	assert_int_equal(access_scope_parse("priority:HP1", &id.scopes[0], &err), 0);
	edit_kpi(f, &id, "H01", 1, NULL);
	edit_kpi(f, &id, "SP1-1", 0, NULL);
	assert_int_equal(access_scope_parse("municipality:札幌市", &id.scopes[0], &err), 0);
	edit_kpi(f, &id, "SP1-1", 1, NULL);
	edit_kpi(f, &id, "H02", 0, NULL);
	id.nscopes = 0;
	edit_kpi(f, &id, "H02", 1, NULL);
	id.role = ROLE_VIEWER;
	edit_kpi(f, &id, "H02", 0, "tanaka (viewer, all) may read and export, not enter values");
	id.enforced = 0;
	edit_kpi(f, &id, "H02", 1, NULL);
}

static void roles_allow_in_rising_order(void **state)
{
	struct access_identity id = { .name = "x", .enforced = 1 };

	(void)state;
	id.role = ROLE_VIEWER;
	assert_true(access_may(&id, ACCESS_READ));
	assert_false(access_may(&id, ACCESS_EDIT));
	assert_false(access_may(&id, ACCESS_EVALUATE));
	id.role = ROLE_EDITOR;
	assert_true(access_may(&id, ACCESS_EVALUATE));
	assert_false(access_may(&id, ACCESS_ADMIN));
	id.role = ROLE_ADMIN;
	assert_true(access_may(&id, ACCESS_ADMIN));
	assert_true(access_may(NULL, ACCESS_ADMIN));
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static char *read_file(const char *path)
{
	static char buf[65536];
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static struct keys_entry *entry(const char *name, enum access_role role, const char *blob)
{
	static struct keys_entry e;

	memset(&e, 0, sizeof e);
	snprintf(e.id.name, sizeof e.id.name, "%s", name);
	e.id.role = role;
	snprintf(e.type, sizeof e.type, "ssh-ed25519");
	snprintf(e.blob, sizeof e.blob, "%s", blob);
	return &e;
}

#define OTHERS "# the admin's own key\r\nssh-rsa AAAAB3NzaOTHER admin@laptop\r\n\nno-pty ssh-ed25519 AAAAC3x y\n"

static void add_and_remove_keep_every_other_byte(void **state)
{
	struct fixture *f = *state;
	struct keys_entry *e = entry("tanaka", ROLE_EDITOR, "AAAAC3NzaTANAKA");
	struct keys_entry found;
	struct error err;
	char command[1024], dir[4200];
	struct stat st;

	snprintf(dir, sizeof dir, "%s-keys", f->path);
	mkdir(dir, 0700);
	write_file(f->keys, OTHERS);
	chmod(f->keys, 0640);
	e->id.nscopes = 1;
	assert_int_equal(access_scope_parse("strategy:第3期北海道創生総合戦略", &e->id.scopes[0], &err), 0);
	assert_non_null(keys_forced_command("/usr/bin/kpitree", "/srv/k.db", &e->id, command,
					    sizeof command));
	/* no language given: the key's official is Japanese */
	assert_string_equal(command, "/usr/bin/kpitree --db /srv/k.db --ssh-user tanaka --ssh-role "
			    "editor --ssh-lang ja --ssh-scope 'strategy:第3期北海道創生総合戦略'");
	assert_int_equal(keys_file_add(f->keys, e, command, &err), 1);
	assert_string_equal(read_file(f->keys), OTHERS "command=\"/usr/bin/kpitree --db /srv/k.db "
			    "--ssh-user tanaka --ssh-role editor --ssh-lang ja --ssh-scope "
			    "'strategy:第3期北海道創生総合戦略'\",restrict,pty ssh-ed25519 "
			    "AAAAC3NzaTANAKA kpitree:tanaka\n");
	assert_int_equal(stat(f->keys, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);	/* the file's own mode, kept */
	assert_int_equal(keys_file_find(f->keys, "tanaka", &found, &err), 1);
	assert_int_equal(found.id.role, ROLE_EDITOR);
	assert_int_equal(found.id.nscopes, 1);
	assert_string_equal(found.id.scopes[0].value, "第3期北海道創生総合戦略");
	assert_int_equal(keys_file_find(f->keys, "sato", &found, &err), 0);
	assert_int_equal(keys_file_remove(f->keys, "tanaka", NULL, NULL, &err), 1);
	assert_string_equal(read_file(f->keys), OTHERS);
	assert_int_equal(keys_file_remove(f->keys, "tanaka", NULL, NULL, &err), 0);
}

static void a_key_already_there_is_refused(void **state)
{
	struct fixture *f = *state;
	struct error err;
	char dir[4200];

	snprintf(dir, sizeof dir, "%s-keys", f->path);
	mkdir(dir, 0700);
	write_file(f->keys, OTHERS);
	assert_int_equal(keys_file_add(f->keys, entry("x", ROLE_ADMIN, "AAAAB3NzaOTHER"),
				       "/k --ssh-user x --ssh-role admin", &err), -1);
	assert_non_null(strstr(err.text, "that key is there already"));
	assert_string_equal(read_file(f->keys), OTHERS);
}

static void a_second_key_gives_the_name_one_role(void **state)
{
	struct fixture *f = *state;
	struct keys_entry found;
	struct error err;

	assert_int_equal(keys_file_add(f->keys, entry("sato", ROLE_VIEWER, "AAAAkey1"),
				       "/k --ssh-user sato --ssh-role viewer", &err), 1);
	assert_int_equal(keys_file_add(f->keys, entry("sato", ROLE_EDITOR, "AAAAkey2"),
				       "/k --ssh-user sato --ssh-role editor", &err), 2);
	assert_int_equal(keys_file_find(f->keys, "sato", &found, &err), 1);
	assert_string_equal(found.blob, "AAAAkey1");
	assert_int_equal(found.id.role, ROLE_EDITOR);
	assert_int_equal(keys_file_remove(f->keys, "sato", NULL, NULL, &err), 2);
	assert_string_equal(read_file(f->keys), "");
}

static void collect(void *ctx, const struct access_kpi *k)
{
	char *out = ctx;

	snprintf(out + strlen(out), 256 - strlen(out), "%s%s", *out ? " " : "", k->code);
}

static void due_lists_the_scope_s_kpis_without_the_year_s_actual(void **state)
{
	struct fixture *f = *state;
	struct access_identity id = { .name = "tanaka", .role = ROLE_EDITOR, .enforced = 1 };
	struct value_change c = { .kind = VALUE_ACTUAL, .value = 10, .user = "tanaka",
				  .source = "set", .fiscal_year = 2025 };
	struct error err;
	struct kpi k;
	char out[256] = "";

	/* H01 runs R6 -> R7, H02 R5 -> R11; SP1-1 plans R4 only */
	assert_int_equal(due_each(f->s, &id, 2025, collect, out, &err), 2);
	assert_string_equal(out, "H01 H02");
	out[0] = '\0';
	assert_int_equal(due_each(f->s, &id, 2026, collect, out, &err), 1);
	assert_string_equal(out, "H02");
	assert_int_equal(kpi_find(f->s, "H01", &k, &err), 0);
	c.kpi_id = k.id;
	kpi_release(&k);
	assert_int_equal(values_set(f->s, &c, &err), 0);
	out[0] = '\0';
	assert_int_equal(due_each(f->s, &id, 2025, collect, out, &err), 1);
	assert_string_equal(out, "H02");
	id.nscopes = 1;
	assert_int_equal(access_scope_parse("project:SP1", &id.scopes[0], &err), 0);
	out[0] = '\0';
	assert_int_equal(due_each(f->s, &id, 2025, collect, out, &err), 0);
	assert_int_equal(due_each(f->s, &id, 2022, collect, out, &err), 0);
}

/* The codes of a due list, space-separated, into out. */
static void list_codes(const struct due_list *d, char *out)
{
	const char (*codes)[32];
	int n, i;

	codes = due_list_codes(d, &n);
	out[0] = '\0';
	for (i = 0; i < n; i++)
		snprintf(out + strlen(out), 256 - strlen(out), "%s%s", i ? " " : "", codes[i]);
}

/* What is due, kept: after another connection's commits it is brought up
 * to date from the history they wrote (not counted whole), and says what
 * a whole count says; an import that changed KPIs is counted whole. */
static void a_due_list_follows_another_official_s_commits(void **state)
{
	struct fixture *f = *state;
	struct access_identity id = { .name = "tanaka", .role = ROLE_EDITOR, .enforced = 1 };
	struct value_change c = { .kind = VALUE_ACTUAL, .value = 10, .user = "sato",
				  .source = "set", .fiscal_year = 2025 };
	struct due_list *d = due_list_new();
	struct store *other;
	struct error err;
	struct kpi k;
	char out[256], whole[256] = "";
	static const char strategy[] = "重点戦略プロジェクト,基本戦略,施策,項目,内容,対象KPI,番号\n"
		"1 新しい計画,1 基本,① 施策,■ 項目,新しい内容,新しい指標 5人(R5) → 9人(R9),⑨\n";
	struct import_file file = { "strategy.csv", strategy, sizeof strategy - 1, NULL };
	struct import_stats stats;
	struct error items[4];
	struct error_list errors = { items, 0, 4, 0 };

	assert_non_null(d);
	assert_int_equal(due_list_update(d, f->s, &id, 2025, &err), 2);
	assert_true(due_list_was_whole(d));
	list_codes(d, out);
	assert_string_equal(out, "H01 H02");

	other = store_open(f->path, STORE_READ_WRITE, &err);
	assert_non_null(other);
	assert_int_equal(kpi_find(other, "H01", &k, &err), 0);
	c.kpi_id = k.id;
	kpi_release(&k);
	assert_int_equal(values_set(other, &c, &err), 0);
	assert_int_equal(due_list_update(d, f->s, &id, 2025, &err), 1);
	assert_false(due_list_was_whole(d));
	list_codes(d, out);
	assert_string_equal(out, "H02");
	/* cleared again: due again */
	c.clear = 1;
	assert_int_equal(values_set(other, &c, &err), 0);
	assert_int_equal(due_list_update(d, f->s, &id, 2025, &err), 2);
	assert_false(due_list_was_whole(d));
	list_codes(d, out);
	assert_int_equal(due_each(f->s, &id, 2025, collect, whole, &err), 2);
	assert_string_equal(out, whole);
	/* nothing changed: nothing to do */
	assert_int_equal(due_list_update(d, f->s, &id, 2025, &err), 2);
	assert_false(due_list_was_whole(d));

	/* a new KPI, by an import: counted whole, the new KPI in it */
	assert_int_equal(csv_import(other, &file, 1, ENCODING_AUTO, "sato", 1, &stats, &errors), 0);
	assert_int_equal(due_list_update(d, f->s, &id, 2025, &err), 3);
	assert_true(due_list_was_whole(d));
	list_codes(d, out);
	whole[0] = '\0';
	assert_int_equal(due_each(f->s, &id, 2025, collect, whole, &err), 3);
	assert_string_equal(out, whole);
	store_close(other);
	due_list_free(d);
}

/* The audit log takes the next number only, and refuses changing or
 * deleting an entry; check finds a gap and a trigger gone. */
static void problems(void *ctx, const char *problem)
{
	char *out = ctx;

	snprintf(out + strlen(out), 1024 - strlen(out), "%s\n", problem);
}

static void the_audit_log_is_append_only(void **state)
{
	struct fixture *f = *state;
	struct audit_entry e = { .who = "suzuki (admin, all)", .event = AUDIT_REFUSED,
				 .client = "192.0.2.1 50000 192.0.2.2 22", .what = "sh -c id",
				 .detail = "not a command line of kpitree" };
	struct error err;
	char out[1024] = "";

	assert_int_equal(audit_add(f->s, &e, &err), 1);
	e.event = AUDIT_SESSION_START;
	assert_int_equal(audit_add(f->s, &e, &err), 2);
	assert_int_equal(store_exec(f->s, "UPDATE audit SET who = 'x' WHERE seq = 1", &err), -1);
	assert_non_null(strstr(err.text, "the audit log is append-only"));
	assert_int_equal(store_exec(f->s, "DELETE FROM audit WHERE seq = 2", &err), -1);
	assert_int_equal(store_exec(f->s, "INSERT INTO audit(seq, at, who, event)"
				    " VALUES (4, '2026-01-01T00:00:00Z', 'x', 'refused')", &err), -1);
	assert_non_null(strstr(err.text, "the next seq only"));
	assert_int_equal(testdb_int(f->s, "SELECT count(*) FROM audit"), 2);
	assert_int_equal(audit_check(f->s, problems, out, &err), 0);
	/* what only dropping a trigger lets one do, check sees */
	assert_int_equal(store_exec(f->s, "DROP TRIGGER audit_no_delete;"
				    " DELETE FROM audit WHERE seq = 1", &err), 0);
	assert_int_equal(audit_check(f->s, problems, out, &err), 2);
	assert_string_equal(out, "audit log: entry 2 follows entry 0 (entries missing or out of order)\n"
			    "audit log: the trigger audit_no_delete that keeps it append-only is gone\n");
}

static void dates_of_a_key_come_from_the_log(void **state)
{
	struct fixture *f = *state;
	struct audit_entry add = { .who = "root", .event = AUDIT_ACCESS_ADD, .official = "tanaka",
				   .fingerprint = "SHA256:one" };
	struct audit_entry start = { .who = "tanaka (editor, all)", .event = AUDIT_SESSION_START,
				     .fingerprint = "SHA256:one" };
	char added[64], last[64];
	struct error err;

	assert_int_equal(audit_key_dates(f->s, "SHA256:one", added, last, sizeof added, &err), 0);
	assert_string_equal(added, "");
	assert_string_equal(last, "");
	assert_true(audit_add(f->s, &add, &err) > 0);
	assert_int_equal(audit_key_dates(f->s, "SHA256:one", added, last, sizeof added, &err), 0);
	assert_int_equal(strlen(added), 20);	/* 2026-11-23T04:05:06Z */
	assert_string_equal(last, "");
	assert_true(audit_add(f->s, &start, &err) > 0);
	assert_int_equal(audit_key_dates(f->s, "SHA256:one", added, last, sizeof added, &err), 0);
	assert_int_equal(strlen(last), 20);
	assert_int_equal(audit_key_dates(f->s, "SHA256:two", added, last, sizeof added, &err), 0);
	assert_string_equal(added, "");
}

static void since_is_the_start_of_a_local_day(void **state)
{
	char iso[64];
	struct error err;

	(void)state;
	setenv("TZ", "Asia/Tokyo", 1);
	tzset();
	assert_int_equal(audit_since("2026-04-01", iso, sizeof iso, &err), 0);
	assert_string_equal(iso, "2026-03-31T15:00:00Z");
	assert_int_equal(audit_since("2026-02-30", iso, sizeof iso, &err), -1);
	assert_int_equal(err.kind, ERROR_INVALID);
	assert_int_equal(audit_since("2026-4-1", iso, sizeof iso, &err), -1);
	unsetenv("TZ");
	tzset();
}

/* A line naming db and blob for name with role, as access add writes it. */
static void add_key(const char *keys, const char *name, enum access_role role, const char *blob,
		    const char *others)
{
	struct keys_entry *e = entry(name, role, blob);
	char command[1024];
	struct error err;

	snprintf(e->others, sizeof e->others, "%s", others);
	assert_non_null(keys_forced_command("/usr/bin/kpitree", "/srv/k.db", &e->id, command,
					    sizeof command));
	assert_true(keys_file_add(keys, e, command, &err) > 0);
}

static void each_line_names_its_own_key(void **state)
{
	struct fixture *f = *state;
	struct keys_entry found;
	struct error err;
	char fp[64], line[256];

	add_key(f->keys, "sato", ROLE_VIEWER, "AAAAkey1", "");
	keys_fingerprint("AAAAkey1", fp, sizeof fp);
	snprintf(line, sizeof line, " --ssh-key %s\",restrict,pty ssh-ed25519 AAAAkey1 kpitree:sato\n", fp);
	assert_non_null(strstr(read_file(f->keys), line));
	assert_int_equal(keys_file_find(f->keys, "sato", &found, &err), 1);
	assert_string_equal(found.id.key, fp);
	/* the command read back without it: a rewrite names the key once */
	assert_null(strstr(found.command, "--ssh-key"));
	assert_int_equal(keys_file_enable(f->keys, "sato", "/srv/k.db", 0, &err), 1);
	assert_int_equal(keys_file_enable(f->keys, "sato", "/srv/k.db", 1, &err), 1);
	assert_non_null(strstr(read_file(f->keys), line));
	assert_null(strstr(strstr(read_file(f->keys), "--ssh-key") + 1, "--ssh-key"));
}

static void the_last_admin_is_kept_by_every_change(void **state)
{
	struct fixture *f = *state;
	struct keys_entry *e;
	char before[65536], command[1024], fp[64];
	struct error err;

	add_key(f->keys, "suzuki", ROLE_ADMIN, "AAAAadm1", "");
	add_key(f->keys, "sato", ROLE_VIEWER, "AAAAkey1", "");
	/* an admin whose key expired lets no one manage access */
	add_key(f->keys, "old", ROLE_ADMIN, "AAAAold1", "expiry-time=\"20010101\"");
	snprintf(before, sizeof before, "%s", read_file(f->keys));
	assert_int_equal(keys_file_remove(f->keys, "suzuki", "/srv/k.db", NULL, &err), -1);
	assert_int_equal(err.kind, ERROR_LAST_ADMIN);
	assert_string_equal(err.text, "suzuki is the last admin of /srv/k.db; add another first");
	assert_int_equal(keys_file_enable(f->keys, "suzuki", "/srv/k.db", 0, &err), -1);
	assert_int_equal(err.kind, ERROR_LAST_ADMIN);
	e = entry("suzuki", ROLE_EDITOR, "");
	assert_non_null(keys_forced_command("/usr/bin/kpitree", "/srv/k.db", &e->id, command,
					    sizeof command));
	assert_int_equal(keys_file_set(f->keys, "suzuki", command, &err), -1);
	assert_int_equal(err.kind, ERROR_LAST_ADMIN);
	/* a second key given another role demotes the first too */
	assert_int_equal(keys_file_add(f->keys, entry("suzuki", ROLE_EDITOR, "AAAAadm2"), command,
				       &err), -1);
	assert_int_equal(err.kind, ERROR_LAST_ADMIN);
	assert_string_equal(read_file(f->keys), before);
	/* with a second key, one of the admin's keys may go */
	add_key(f->keys, "suzuki", ROLE_ADMIN, "AAAAadm2", "");
	assert_int_equal(keys_file_remove(f->keys, "suzuki", "/srv/k.db",
					  keys_fingerprint("AAAAadm1", fp, sizeof fp), &err), 1);
	assert_int_equal(keys_file_remove(f->keys, "suzuki", "/srv/k.db",
					  keys_fingerprint("AAAAadm2", fp, sizeof fp), &err), -1);
	/* with another admin, the first may go */
	add_key(f->keys, "ito", ROLE_ADMIN, "AAAAito1", "");
	assert_int_equal(keys_file_remove(f->keys, "suzuki", "/srv/k.db", NULL, &err), 1);
	/* and a database without an admin may lose a viewer */
	assert_int_equal(keys_file_remove(f->keys, "sato", "/srv/k.db", NULL, &err), 1);
}

static void rotate_replaces_one_key_and_keeps_the_line_s_rights(void **state)
{
	struct fixture *f = *state;
	struct keys_entry *e;
	struct keys_entry found;
	struct error err;
	char fp[64], text[65536];

	add_key(f->keys, "tanaka", ROLE_EDITOR, "AAAAold1", "from=\"10.0.0.0/8\"");
	add_key(f->keys, "tanaka", ROLE_EDITOR, "AAAAsec1", "");
	e = entry("tanaka", ROLE_VIEWER, "AAAAnew1");
	snprintf(e->type, sizeof e->type, "ssh-rsa");
	assert_int_equal(keys_file_rotate(f->keys, "tanaka", "/srv/k.db", "SHA256:nosuchkey", e, &err),
			 0);
	assert_int_equal(keys_file_rotate(f->keys, "tanaka", "/srv/k.db",
					  keys_fingerprint("AAAAold1", fp, sizeof fp), e, &err), 1);
	snprintf(text, sizeof text, "%s", read_file(f->keys));
	assert_null(strstr(text, "AAAAold1"));
	assert_non_null(strstr(text, keys_fingerprint("AAAAnew1", fp, sizeof fp)));
	assert_non_null(strstr(text, "--ssh-role editor --ssh-lang ja --ssh-key "));
	assert_non_null(strstr(text, ",restrict,pty,from=\"10.0.0.0/8\" ssh-rsa AAAAnew1 kpitree:tanaka\n"));
	assert_int_equal(keys_file_find(f->keys, "tanaka", &found, &err), 1);
	assert_string_equal(found.blob, "AAAAnew1");
	assert_int_equal(found.id.role, ROLE_EDITOR);
	/* a key already in the file is not taken again */
	assert_int_equal(keys_file_rotate(f->keys, "tanaka", "/srv/k.db", fp,
					  entry("tanaka", ROLE_EDITOR, "AAAAsec1"), &err), -1);
	assert_string_equal(read_file(f->keys), text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(split_keeps_shell_metacharacters_as_text),
		cmocka_unit_test(split_quotes_only_group),
		cmocka_unit_test(split_refuses_an_open_quote),
		cmocka_unit_test(quoted_words_read_back_unchanged),
		cmocka_unit_test(roles_allow_in_rising_order),
		cmocka_unit_test_setup_teardown(scope_resolves_each_kind_to_its_canonical_form, setup, teardown),
		cmocka_unit_test_setup_teardown(an_editor_edits_within_its_scope_only, setup, teardown),
		cmocka_unit_test_setup_teardown(add_and_remove_keep_every_other_byte, setup, teardown),
		cmocka_unit_test_setup_teardown(a_key_already_there_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(a_second_key_gives_the_name_one_role, setup, teardown),
		cmocka_unit_test_setup_teardown(due_lists_the_scope_s_kpis_without_the_year_s_actual, setup, teardown),
		cmocka_unit_test_setup_teardown(a_due_list_follows_another_official_s_commits, setup, teardown),
		cmocka_unit_test_setup_teardown(the_audit_log_is_append_only, setup, teardown),
		cmocka_unit_test_setup_teardown(dates_of_a_key_come_from_the_log, setup, teardown),
		cmocka_unit_test(since_is_the_start_of_a_local_day),
		cmocka_unit_test_setup_teardown(each_line_names_its_own_key, setup, teardown),
		cmocka_unit_test_setup_teardown(the_last_admin_is_kept_by_every_change, setup, teardown),
		cmocka_unit_test_setup_teardown(rotate_replaces_one_key_and_keeps_the_line_s_rights, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
