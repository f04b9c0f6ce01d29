#!/bin/sh
# access.sh: kpitree access writes, lists and removes its lines of an
# authorized_keys file; a key's forced command binds the official's role
# and scope, refuses the client's options that would widen them, and
# logs each refusal; due lists what an official's scope still owes; the
# audit log has every session, access change and refusal, and check
# finds it tampered with; a key rotates by its fingerprint; the last
# admin stays.
# (tests/screen/ssh.sh runs the same through a real sshd.)
. "$srcdir/tests/cli/lib.sh"
plan 62
db="$work/k.db"
ak="$work/ssh/authorized_keys"
fixture "$db"; ok $? "the fixture loads"
ssh-keygen -q -t ed25519 -N '' -C tanaka@pc -f "$work/tanaka" &&
	ssh-keygen -q -t ed25519 -N '' -f "$work/sato"
ok $? "two keys"
abs_kpitree=$(readlink -f "$KPITREE")
abs_db=$(readlink -f "$db")

run --db "$db" access add tanaka "$work/tanaka.pub" --role editor --scope SP1 --scope HP1 --lang en --file "$ak"
expect 0 "" "access add writes an official's key"
[ "$(cat "$work/out")" = "tanaka (editor, project:SP1 priority:HP1): 1 key in $ak" ]
ok $? "and says who, with what role and scope"
[ "$(cat "$ak")" = "command=\"$abs_kpitree --db $abs_db --ssh-user tanaka --ssh-role editor --ssh-lang en --ssh-scope project:SP1 --ssh-scope priority:HP1 --ssh-key $(ssh-keygen -lf "$work/tanaka.pub" | cut -d' ' -f2)\",restrict,pty $(cut -d' ' -f1-2 "$work/tanaka.pub") kpitree:tanaka" ]
ok $? "the line forces kpitree and the database by their full paths, restricted but for a terminal, naming its key"
[ "$(stat -c %a "$ak")" = 600 ] && [ "$(stat -c %a "$work/ssh")" = 700 ]
ok $? "the file is 0600 in a folder of 0700"

run --db "$db" access add sato "$work/sato.pub" --file "$ak"
expect 2 "kpitree: access add needs --role viewer|editor|admin
Try 'kpitree --help'." "--role is required"
run --db "$db" access add sato "$work/sato.pub" --role boss --file "$ak"
expect 1 "kpitree: --role: no role 'boss' (viewer, editor, admin)" "an unknown role is refused"
run --db "$db" access add sato "$work/sato.pub" --role viewer --scope 旭川市 --file "$ak"
expect 1 "kpitree: scope '旭川市': no strategy, strategy project, grant project or municipality of that name" \
	"a scope the database does not know is refused"
run --db "$db" access add "-sato" "$work/sato.pub" --role viewer --file "$ak"
expect 1 "kpitree: '-sato' is not a name for an official (letters, digits, . _ - @)" "a name that could be an option is refused"
run --db "$db" access add sato "$work/sato" --role viewer --file "$ak"
expect 1 "kpitree: $work/sato: not a public key (TYPE BASE64 [COMMENT], as ssh-keygen writes it in a .pub file)" \
	"a private key is not a public key"
run --db "$db" access add sato "$work/tanaka.pub" --role viewer --file "$ak"
expect 1 "kpitree: $ak: that key is there already, for tanaka" "a key already in the file is refused"
run --db "$db" --lang ja access add sato "$work/tanaka.pub" --role viewer --file "$ak"
expect 1 "kpitree: $ak: その鍵は既にあります (「tanaka」の鍵)" "and said whole in Japanese"
run --db "$db" access add sato "$work/sato.pub" --role viewer --lang en --file "$ak"
expect 0 "" "a viewer without scope"
run --db "$db" access list --file "$ak"
[ "$(sed 's/  ssh-ed25519 .*//; s/  KEY .*//' "$work/out")" = "NAME    ROLE    SCOPE                     LANG
tanaka  editor  project:SP1 priority:HP1  en  
sato    viewer  all                       en  " ]
ok $? "access list shows each key's official, role, scope and language, in columns"

# The forced command, as sshd runs it with the client's words.
forced() { "$abs_kpitree" --db "$abs_db" --ssh-user tanaka --ssh-role editor --ssh-lang en --ssh-scope project:SP1 "$@"; }
SSH_ORIGINAL_COMMAND="set SP1-1 R4 3" forced >"$work/out" 2>"$work/err"
status=$?
expect 0 "" "the editor sets a value in its scope"
"$KPITREE" --db "$db" history SP1-1 | tail -1 | grep -q "  tanaka  R4 (2022) actual  0 -> 3  (set)$"
ok $? "the history names the official"
SSH_ORIGINAL_COMMAND="set H01 R7 3" forced >"$work/out" 2>"$work/err"
status=$?
expect 1 "kpitree: not permitted: H01 is outside the scope of tanaka (editor, project:SP1)" \
	"outside its scope the editor is refused"
SSH_ORIGINAL_COMMAND="show H01 --user sato" forced >"$work/out" 2>"$work/err"
status=$?
expect 1 "kpitree: not permitted: --user is not for a key's command" "--user from the client is refused"
SSH_ORIGINAL_COMMAND="backup /tmp/x.db" forced >"$work/out" 2>"$work/err"
status=$?
expect 1 "kpitree: not permitted: tanaka (editor, project:SP1) may not backup" "an editor does not back up"
SSH_ORIGINAL_COMMAND="show 'H01" forced >"$work/out" 2>"$work/err"
status=$?
expect 2 "kpitree: a single quote not closed
Try 'kpitree --help'." "an open quote is a usage error"
"$KPITREE" --db "$db" access log >"$work/log"
grep -c "^[0-9]*  20[-0-9]* [:0-9]*  tanaka (editor, project:SP1)  refused  " "$work/log" | grep -qx 3 &&
	grep -q "  tanaka (editor, project:SP1)  refused  set H01 R7 3  H01 is outside the scope of tanaka (editor, project:SP1)$" "$work/log"
ok $? "each refusal is one line of the audit log in the database, with who and what"
SSH_ORIGINAL_COMMAND="set H01 R7 3" "$KPITREE" --db "$db" --user tanaka set H01 R7 4 >"$work/out" 2>"$work/err"
status=$?
expect 0 "" "without a key's forced command SSH_ORIGINAL_COMMAND means nothing"

# due: the official's KPIs without the year's actual.
run --db "$db" --user tanaka due --year R7 --file "$ak"
expect 0 "" "due runs for --user"
[ "$(cat "$work/out")" = "H02  せわずき・せわやき隊等の組織化" ]
ok $? "due lists the KPIs of the official's scope still lacking the year's actual"
run --db "$db" --user nobody due --year R7 --file "$ak"
[ "$(cut -d' ' -f1 "$work/out")" = "H02" ]
ok $? "an official without a key's scope is due everything"

run --db "$db" access remove tanaka --file "$ak"
expect 0 "" "access remove"
[ "$(sed 's/  ssh-ed25519 .*//' "$ak" | sed 's/.* kpitree://')" = "sato" ]
ok $? "leaves the other official's line"
run --db "$db" access remove tanaka --file "$ak"
expect 1 "kpitree: $ak: no key of 'tanaka'" "removing an official who has no key fails"

# Sessions, access changes and refusals in the audit log; a key rotated
# by its fingerprint; the last admin kept on the host too.
fp() { ssh-keygen -lf "$1" | cut -d' ' -f2; }
SSH_CONNECTION="192.0.2.7 50022 192.0.2.1 22" SSH_ORIGINAL_COMMAND="show SP1-1" \
	forced --ssh-key "$(fp "$work/tanaka.pub")" >/dev/null 2>&1
"$KPITREE" --db "$db" access log | tail -2 >"$work/log"
sed -n 1p "$work/log" | grep -q "^[0-9]*  20[-0-9]* [:0-9]*  tanaka (editor, project:SP1)  session start  show SP1-1  $(fp "$work/tanaka.pub")  from 192.0.2.7 50022 192.0.2.1 22$" &&
	sed -n 2p "$work/log" | grep -q "  tanaka (editor, project:SP1)  session end  show SP1-1  exit status 0  $(fp "$work/tanaka.pub")  from 192.0.2.7 50022 192.0.2.1 22$"
ok $? "a session's start and end are in the log, with the key's fingerprint and SSH_CONNECTION as given"
ssh-keygen -q -t ed25519 -N '' -f "$work/suzuki" && ssh-keygen -q -t ed25519 -N '' -f "$work/suzuki2" || exit 1
run --db "$db" access add suzuki "$work/suzuki.pub" --role admin --file "$ak"
expect 0 "" "an admin is added"
last_admin="suzuki is the last admin of $abs_db; add another first"
run --db "$db" access remove suzuki --file "$ak"
expect 1 "kpitree: not permitted: $last_admin" "the last admin is not removed on the host either"
run --db "$db" --lang ja access disable suzuki --file "$ak"
expect 1 "kpitree: 権限がありません: suzuki は $abs_db の最後の管理者です。先に別の管理者を加えてください" \
	"nor disabled (in Japanese)"
run --db "$db" access set suzuki --role editor --file "$ak"
expect 1 "kpitree: not permitted: $last_admin" "nor made an editor"
run --db "$db" access remove suzuki "$(fp "$work/suzuki.pub")" --file "$ak"
expect 1 "kpitree: not permitted: $last_admin" "nor its last key removed by fingerprint"
grep -q -- "--ssh-user suzuki --ssh-role admin --ssh-lang ja --ssh-key $(fp "$work/suzuki.pub")\",restrict,pty $(cut -d' ' -f1-2 "$work/suzuki.pub") kpitree:suzuki$" "$ak"
ok $? "and the admin's line is as it was"
run --db "$db" access rotate suzuki "$(fp "$work/suzuki.pub")" "$work/suzuki2.pub" --file "$ak"
expect 0 "" "access rotate replaces the admin's key, named by its fingerprint"
[ "$(cat "$work/out")" = "suzuki: $(fp "$work/suzuki2.pub") replaces $(fp "$work/suzuki.pub") in $ak" ] &&
	grep -q -- "--ssh-user suzuki --ssh-role admin --ssh-lang ja --ssh-key $(fp "$work/suzuki2.pub")\",restrict,pty $(cut -d' ' -f1-2 "$work/suzuki2.pub") kpitree:suzuki$" "$ak" &&
	! grep -q "$(cut -d' ' -f2 "$work/suzuki.pub")" "$ak"
ok $? "on the same line, with its role, the old key gone"
run --db "$db" access rotate suzuki "$(fp "$work/suzuki.pub")" "$work/suzuki.pub" --file "$ak"
expect 1 "kpitree: $ak: no key $(fp "$work/suzuki.pub") of 'suzuki'" "a fingerprint the official has no key of is refused"
# rotation in two steps: a second key, then the first removed by its fingerprint
# (a second key of sato's, added without --lang: it takes sato's language, en)
"$KPITREE" --db "$db" access add sato "$work/suzuki.pub" --role viewer --file "$ak" >/dev/null || exit 1
run --db "$db" access remove sato "$(fp "$work/sato.pub")" --file "$ak"
expect 0 "" "access remove NAME FINGERPRINT"
[ "$(grep -c "kpitree:sato$" "$ak")" = 1 ] && grep -q "$(cut -d' ' -f2 "$work/suzuki.pub") kpitree:sato$" "$ak"
ok $? "removes that key of the official, and only it"
cp "$ak" "$work/ak.before"
run --db "$db" access remove sato "$(fp "$work/suzuki2.pub")" --file "$ak"
expect 1 "kpitree: $ak: the key $(fp "$work/suzuki2.pub") is suzuki's, not sato's" \
	"another official's key named for sato says whose it is"
run --db "$db" access rotate sato "$(fp "$work/suzuki2.pub")" "$work/sato.pub" --file "$ak"
expect 1 "kpitree: $ak: the key $(fp "$work/suzuki2.pub") is suzuki's, not sato's" \
	"and so does a rotation of it"
cmp -s "$ak" "$work/ak.before"; ok $? "and neither changes the file"
run --db "$db" --lang ja access disable sato --file "$ak"
[ "$status" = 0 ] && [ "$(cat "$work/out")" = "sato: 鍵 1 件を $ak で無効にしました" ]
ok $? "what an access change did is said in the interface's language"
"$KPITREE" --db "$db" access enable sato --file "$ak" >/dev/null
run --db "$db" --read-only access add ito "$work/sato.pub" --role viewer --file "$ak"
expect 1 "kpitree: $db: not changed: the database is open read-only (--read-only)" \
	"an access change needs the database its audit entry goes into"
"$KPITREE" --db "$db" access log >"$work/log"
grep -q "  tester  access add  suzuki  .*  suzuki (admin, all)  $(fp "$work/suzuki.pub")$" "$work/log" &&
	[ "$(grep -c "  tester  refused  .*  $last_admin$" "$work/log")" = 3 ] &&
	grep -q "  tester  access rotate  suzuki  .*  replaces $(fp "$work/suzuki.pub")  $(fp "$work/suzuki2.pub")$" "$work/log" &&
	grep -q "  tester  access remove  sato  access remove sato $(fp "$work/sato.pub") --file $ak  $(fp "$work/sato.pub")$" "$work/log" &&
	! grep -q "  ito  " "$work/log"
ok $? "every access change and its refusals are in the log, with who; nothing of one not made"
run --db "$db" access log --since 2999-01-01
[ $status -eq 0 ] && [ ! -s "$work/out" ]
ok $? "access log --since a day to come shows nothing"
run --db "$db" access log --since 2000-01-01
[ $status -eq 0 ] && cmp -s "$work/out" "$work/log"
ok $? "and --since a day past everything"
run --db "$db" access log --since 2026-13-01
expect 2 "kpitree: --since: '2026-13-01' is not a date like 2026-04-01
Try 'kpitree --help'." "a day that is none is a usage error"
run --db "$db" --lang ja access log
grep -q "  tester  鍵の交換  suzuki  " "$work/out" && grep -q "  tanaka (editor, project:SP1)  セッション開始  show SP1-1  .*  接続元 192.0.2.7 " "$work/out"
ok $? "the log in Japanese"
run --db "$db" access list --file "$ak"
[ "$(sed -n 1p "$work/out" | sed 's/  KEY .*//')" = "NAME    ROLE    SCOPE  LANG" ] &&
	[ "$(awk 'NR > 1 { print $1, $2, $3, $4, $8 }' "$work/out")" = "suzuki admin all ja -
sato viewer all en -" ] &&
	[ "$(awk 'NR > 1 { print $7 }' "$work/out" | grep -c "^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]$")" = 2 ]
ok $? "access list gives each key the day it was added, from the log, and no login yet"
run --db "$db" --lang ja access list --file "$ak"
[ "$(sed 's/  ssh-ed25519 .*//; s/  鍵  .*//' "$work/out")" = "名前    ロール  範囲    言語
suzuki  admin   すべて  ja  
sato    viewer  すべて  en  " ]
ok $? "and in Japanese, aligned by display width"
# sessions at once: each entry its own number, none lost
before=$("$KPITREE" --db "$db" access log | wc -l)
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	SSH_ORIGINAL_COMMAND="show SP1-1" forced >/dev/null 2>&1 &
done
wait
[ "$("$KPITREE" --db "$db" access log | wc -l)" = $((before + 24)) ] &&
	"$KPITREE" --db "$db" access log | awk '{ if ($1 != NR) exit 1 }'
ok $? "twelve sessions at once log 24 entries, numbered without a gap"
SSH_ORIGINAL_COMMAND="sh -c id" "$KPITREE" --db "$work/gone.db" --ssh-user tanaka --ssh-role viewer \
	--ssh-lang en >/dev/null 2>&1
[ "$(sed 's/^20[-0-9]*T[:0-9]*Z //' "$work/gone.db-access.log")" = "refused tanaka (viewer, all): sh -c id: not a command line of kpitree" ]
ok $? "a refusal no database can take goes into the file beside it"
# The administrator's own options on a line (--ssh-idle, --ssh-exports)
# and its language survive access set without --lang, and a second key
# of the same official.
ak2="$work/keys2"
ssh-keygen -q -t ed25519 -N '' -f "$work/ito" && ssh-keygen -q -t ed25519 -N '' -f "$work/ito2" || exit 1
"$KPITREE" --db "$db" access add ito "$work/ito.pub" --role viewer --lang en --file "$ak2" >/dev/null
sed -i 's/ --ssh-key / --ssh-idle 300 --ssh-exports \/srv\/out --ssh-key /' "$ak2"
"$KPITREE" --db "$db" access set ito --role editor --file "$ak2" >/dev/null
grep -q -- "--ssh-role editor --ssh-lang en .*--ssh-idle 300 --ssh-exports /srv/out --ssh-key " "$ak2"
ok $? "access set keeps the line's language and the administrator's options" || sed 's/^/# /' "$ak2"
"$KPITREE" --db "$db" access add ito "$work/ito2.pub" --role editor --file "$ak2" >/dev/null
[ "$(grep -c -- "--ssh-lang en .*--ssh-idle 300 --ssh-exports /srv/out --ssh-key " "$ak2")" = 1 ] &&
	[ "$(grep -c -- "--ssh-lang en" "$ak2")" = 2 ]
ok $? "a second key of the official takes the language, the first keeps its options" || sed 's/^/# /' "$ak2"
# A note written by hand after the mark (the machine, the date) keeps
# the line kpitree's: listed, rewritten with the note, removed.
sed -i 's/ kpitree:ito$/ kpitree:ito laptop 2026/' "$ak2"
"$KPITREE" --db "$db" access list --file "$ak2" | grep -c "^ito " >"$work/n"
"$KPITREE" --db "$db" access set ito --role viewer --file "$ak2" >/dev/null &&
	[ "$(cat "$work/n")" = 2 ] && [ "$(grep -c " kpitree:ito laptop 2026$" "$ak2")" = 2 ] &&
	"$KPITREE" --db "$db" access remove ito --file "$ak2" >/dev/null && [ ! -s "$ak2" ]
ok $? "a note added after the mark keeps a line listed, rewritten with it, and removable" || sed 's/^/# /' "$ak2"
run --db "$db" check
expect 0 "" "check finds the log intact"
cp "$db" "$work/t.db"
"$SQLITE3" "$db" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 1" || exit 1
run --db "$db" check
[ "$(cat "$work/out")" = "audit log: entry 2 follows entry 0 (entries missing or out of order)
audit log: the trigger audit_no_delete that keeps it append-only is gone" ]
expect 1 "kpitree: $db: 2 problems found" "check finds an entry deleted and the trigger that kept it"
"$SQLITE3" "$work/t.db" "DROP TRIGGER audit_no_update;
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN 0 BEGIN SELECT RAISE(ABORT, 'no'); END;
  UPDATE audit SET who = 'nobody' WHERE seq = 1;
  INSERT INTO audit(seq, at, who, event) SELECT max(seq) + 1, 'garbage', 'x', 'bogus-event' FROM audit" || exit 1
n=$("$SQLITE3" "$work/t.db" "SELECT max(seq) FROM audit")
echo "2026-01-01T00:00:00Z refused x: y" >"$work/t.db-access.log"
run --db "$work/t.db" check
[ "$(cat "$work/out")" = "audit log: entry $n has a time that is not one (garbage)
audit log: entry $n has an event kpitree never writes
audit log: the trigger audit_no_update that keeps it append-only was changed
audit log: 1 entry the database could not take wait in $work/t.db-access.log" ]
expect 1 "kpitree: $work/t.db: 4 problems found" "check finds a trigger defused, an entry forged, and entries waiting beside"
"$SQLITE3" "$work/t.db" "DROP TABLE audit" || exit 1
rm -f "$work/t.db-access.log"
run --db "$work/t.db" check
[ "$(cat "$work/out")" = "audit log: the table audit is gone" ]
expect 1 "kpitree: $work/t.db: 1 problem found" "and the log gone"
finish
