#!/bin/sh
# ssh.sh: officials over SSH, through a real OpenSSH server that this test
# starts on 127.0.0.1 (an unused port, its own host key and config) for a
# service account whose authorized_keys `kpitree access add` writes: the
# editor of one grant project enters a value in its scope and is refused
# outside it, the viewer cannot save, a client's shell metacharacters run
# nothing, a key not in the file does not get in, and the history names
# the official of the key. As root the service account is a throwaway
# user, which runs kpitree from a copy in the test's folder (the build
# folder may be where it cannot enter: /root is 0700); as a user with
# sudo the test runs itself as root; otherwise the service account is
# the user running the test, and the browser's part is skipped.
. "$srcdir/tests/screen/root.sh"
. "$srcdir/tests/screen/lib.sh"
. "$srcdir/tests/screen/sshd.sh"
svc_home="$work/svc"
pwned="/tmp/kpitree-pwned-$$"
ssh_service_account kpitree-t
cleanup() {
	[ -f "$work/sshd.pid" ] && kill "$(cat "$work/sshd.pid")" 2>/dev/null
	tmux -L "$sock" kill-server 2>/dev/null
	remove_service_account
	rm -rf "$work" "$pwned" "$pwned-2" "$pwned-3"
}
trap cleanup EXIT

plan 37

ssh_service_home || exit 1
history_of() { as_svc "$KPITREE" --db "$db" history "$1"; }

# What is due is last fiscal year's actual (April starts a year): the
# editor's project plans all three of its KPIs for that year.
y=$(date +%Y)
[ "$(date +%m)" -lt 4 ] && y=$((y - 1))
due=$((y - 1))
fy="R$((due - 2018)) ($due)"
rfy="R$((due - 2018))"
for code in SP5-1 SP5-2 SP5-3; do
	as_svc "$KPITREE" --db "$db" --user planner set "$code" "$due" 100 --plan >/dev/null &&
		as_svc "$KPITREE" --db "$db" --user planner set "$code" "$due" - >/dev/null || exit 1
done

ssh_officials en stranger
ok $? "access add writes the three officials' keys as the service account"

start_sshd
ok $? "sshd listens on 127.0.0.1 with its own config and host key"
[ -f "$work/sshd.pid" ] || { sed 's/^/# /' "$work/sshd.log"; finish; }

# The command line over SSH: each role, and a refusal's exit status.
ssh_as viewer show SP5-1 >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && grep -q "^SP5-1  タブレットのユーザー数" "$work/out"
ok $? "ssh ... show SP5-1 runs kpitree show for the viewer"
ssh_as viewer export actuals >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && [ "$(head -1 "$work/out")" = "code,fiscal_year,kind,value,note,entered_by,entered_at" ]
ok $? "the viewer exports, to the client's standard output"
ssh_as viewer set SP5-1 $due 12 >"$work/out" 2>"$work/err"
status=$?
[ $status -eq 1 ] && grep -q "^kpitree: not permitted: sato (viewer, all) may not set$" "$work/err"
ok $? "ssh ... set from the viewer exits 1, not permitted"
ssh_as editor set H01 $due 12 >"$work/out" 2>"$work/err"
status=$?
[ $status -eq 1 ] &&
	grep -q "^kpitree: not permitted: H01 is outside the scope of tanaka (editor, project:SP5)$" "$work/err"
ok $? "ssh ... set outside the editor's scope exits 1, not permitted"
ssh_as editor set SP5-2 $due 40 >"$work/out" 2>"$work/err"
ok $? "ssh ... set inside the editor's scope is done"
history_of SP5-2 | tail -1 | grep -q "  tanaka  $fy actual  - -> 40  (set)$"
ok $? "the history names the official of the key, not the service account"
history_of SP5-2 | grep -q "  $svc  "
[ $? -ne 0 ]; ok $? "and never the service account $svc"
ssh_as editor --user suzuki set SP5-3 R7 1 >"$work/out" 2>"$work/err"
status=$?
[ $status -eq 1 ] && grep -q "^kpitree: not permitted: --user is not for a key's command$" "$work/err"
ok $? "--user from the client is refused"
ssh_as viewer --db /tmp/other.db show H01 >"$work/out" 2>"$work/err"
[ $? -eq 1 ] && grep -q "^kpitree: not permitted: --db is not for a key's command$" "$work/err"
ok $? "--db from the client is refused"
ssh_as editor --ssh-role admin import x.csv >"$work/out" 2>"$work/err"
[ $? -eq 1 ] && grep -q "^kpitree: not permitted: --ssh-role is not for a key's command$" "$work/err"
ok $? "a higher role from the client is refused"
ssh_as admin access list --file "$ak" >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && [ "$(sed 's/  ssh-ed25519 .*//; s/  KEY .*//' "$work/out")" = "NAME    ROLE    SCOPE        LANG
sato    viewer  all          en  
tanaka  editor  project:SP5  en  
suzuki  admin   all          en  " ] && ! grep -q "  -  " "$work/out"
ok $? "the admin lists who has access, in columns, each key with the day it was added and its last login"
ssh-keygen -q -t ed25519 -N '' -f "$work/yamada" || exit 1
ssh_as admin access add yamada - --role viewer --file "$ak" <"$work/yamada.pub" >"$work/out" 2>"$work/err" &&
	ssh_as yamada due >"$work/out" 2>"$work/err"
ok $? "the admin adds an official over SSH, the key on standard input, and the key gets in"
ssh_as editor access add yamada2 - --role admin --file "$ak" <"$work/stranger.pub" >"$work/out" 2>"$work/err"
[ $? -eq 1 ] && grep -q "^kpitree: not permitted: tanaka (editor, project:SP5) may not access$" "$work/err" &&
	! grep -q "kpitree:yamada2" "$ak"
ok $? "an editor may not manage access"
as_svc "$KPITREE" --db "$db" export actuals >"$work/actuals.csv"
ssh_as admin import /dev/stdin <"$work/actuals.csv" >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && grep -q "^imported [0-9]* rows from 1 file; 0 values changed$" "$work/out"
ok $? "the admin imports a file sent on standard input"

# What a client sends is split into words, never run by a shell.
ssh_as admin "show H01; touch $pwned" >"$work/out" 2>"$work/err"
[ $? -eq 2 ] && [ ! -e "$pwned" ]
ok $? "'; touch' in the command runs nothing else (a usage error)"
ssh_as admin "show \$(touch $pwned-2)" >"$work/out" 2>"$work/err"
[ ! -e "$pwned-2" ]; ok $? "\$(...) in the command runs nothing"
ssh_as admin "show \`touch $pwned-3\`" >"$work/out" 2>"$work/err"
[ ! -e "$pwned-3" ]; ok $? "backticks in the command run nothing"
ssh_as admin "show 'H01'" >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && grep -q "^H01  保育所等入所待機児童数" "$work/out"
ok $? "quotes only group words"

ssh_as stranger show H01 >"$work/out" 2>"$work/err"
[ $? -eq 255 ] && grep -q "Permission denied (publickey)" "$work/err"
ok $? "a key not in authorized_keys is refused by sshd"

# The browser over ssh -tt: the editor enters a value in its scope and is
# refused outside it; the viewer cannot save. An sshd not run by root
# cannot hand the terminal to its user (chown to the tty group).
if no_terminal_over_ssh 14; then
	audit_log | grep -q "  sato (viewer, all)  refused  set SP5-1 $due 12  .*  from 127\.0\.0\.1 "
	ok $? "refusals are in the audit log of the database with who, from where and what"
	no_reports
	finish
fi
before=$(history_of H01)
start "LANG=C.UTF-8 ssh -tt $ssh_opts -i $work/editor $svc@127.0.0.1"
shows " k.db  FY $rfy  tanaka  ?:help  2 due ($rfy): ! walks them" "the browser opens as the key's official, counting what is due"
keys '!'
shows "due 1/2: SP5-1 (e enters its $rfy actual)" "! goes to the first KPI due"
keys e
shows "SP5-1 $fy entry" "the editor's form opens for a KPI in its scope"
keys 9 Enter
shows "SP5-1 $fy: saved" "and saves"
history_of SP5-1 | tail -1 | grep -q "  tanaka  $fy actual  - -> 9  (form)$"
ok $? "the form's save is in the history under the official's name"
keys : "goto H01" Enter e
shows "H01 $fy read-only" "outside its scope the form is read-only"
shows "H01 is outside the scope of tanaka (editor, project:SP5)" "and says why"
keys 5 Enter
shows "not saved: H01 is outside the scope" "Enter saves nothing"
keys Escape : "meeting start 第2回推進会議" Enter p r
shows "is outside the scope of tanaka (editor, project:SP5)" "in a meeting, the editor records no evaluation outside its scope"
keys q q
[ "$(history_of H01)" = "$before" ]; ok $? "nothing was written for H01"

start "LANG=C.UTF-8 ssh -tt $ssh_opts -i $work/viewer $svc@127.0.0.1"
shows " k.db (read-only)  FY $rfy  sato" "the viewer's browser is read-only"
keys : "goto SP5-3" Enter e
shows "sato (viewer, all) may read and export, not enter values" "the viewer's form says it cannot save"
keys 7 Enter Escape : "meeting start 第3回" Enter
shows "not permitted: sato (viewer, all) may not start" "the viewer may not start a meeting"
keys q
history_of SP5-3 | grep -q "(form)"
[ $? -ne 0 ]; ok $? "nothing the viewer typed was saved"

# Every refusal is logged beside the database, with who and what.
audit_log >"$work/audit"
grep -q "  sato (viewer, all)  refused  set SP5-1 $due 12  .*  from 127\.0\.0\.1 " "$work/audit" &&
	grep -q "  tanaka (editor, project:SP5)  refused  browse: e on H01  .*  from 127\.0\.0\.1 " "$work/audit"
ok $? "refusals are in the audit log of the database with who, from where and what"

no_reports
finish
