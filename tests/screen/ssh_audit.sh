#!/bin/sh
# ssh_audit.sh: over a real OpenSSH server (tests/screen/sshd.sh), the
# audit log in the database: each session's start and end with the key
# sshd accepted and the client's address, every refusal, every access
# change; an admin reads it over SSH (in English and in Japanese), an
# editor may not; a key rotated by its fingerprint keeps the official's
# role and history; the last admin is kept; a session whose connection
# drops still has its end logged. As root the service account
# is a throwaway user; otherwise it is the user running the test, and
# the browser's part is skipped.
. "$srcdir/tests/screen/root.sh"
. "$srcdir/tests/screen/lib.sh"
. "$srcdir/tests/screen/sshd.sh"
ssh_test kpitree-a

plan 27

ssh_service_home || exit 1
ssh_officials en editor2
ok $? "access add writes three officials' keys as the service account"
start_sshd
ok $? "sshd listens on 127.0.0.1 with its own config and host key"
[ -f "$work/sshd.pid" ] || { sed 's/^/# /' "$work/sshd.log"; finish; }
fp() { ssh-keygen -lf "$1" | cut -d' ' -f2; }

# A session: its start and end, with the key sshd accepted and where
# the client connected from, as sshd gave it.
ssh_as editor set SP5-1 2024 5 >/dev/null 2>&1
ok $? "the editor sets a value"
audit_log | tail -2 >"$work/log"
# (sshd -e ends its lines with CR LF)
accepted=$(grep "Accepted publickey for $svc from 127.0.0.1 port" "$work/sshd.log" | tail -1 | tr -d '\r')
cport=$(echo "$accepted" | sed 's/.* port \([0-9]*\) ssh2.*/\1/')
sfp=$(echo "$accepted" | sed 's/.* ED25519 //')
[ "$sfp" = "$(fp "$work/editor.pub")" ] &&
	sed -n 1p "$work/log" | grep -q "^[0-9]*  20[-0-9]* [:0-9]*  tanaka (editor, project:SP5)  session start  set SP5-1 2024 5  $sfp  from 127.0.0.1 $cport 127.0.0.1 $port$" &&
	sed -n 2p "$work/log" | grep -q "  tanaka (editor, project:SP5)  session end  set SP5-1 2024 5  exit status 0  $sfp  from 127.0.0.1 $cport 127.0.0.1 $port$"
ok $? "its start and end are in the log, with the key sshd logged and the client's address and port"

# The log is an admin's to read.
ssh_as editor access log >"$work/out" 2>"$work/err"
[ $? -eq 1 ] && [ "$(cat "$work/err")" = "kpitree: not permitted: tanaka (editor, project:SP5) may not access" ]
ok $? "an editor may not read the log"
ssh_as admin access log >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && grep -q "  tanaka (editor, project:SP5)  refused  access log  tanaka (editor, project:SP5) may not access  $(fp "$work/editor.pub")  from 127.0.0.1 " "$work/out" &&
	grep -q "  suzuki (admin, all)  session start  access log  $(fp "$work/admin.pub")  from 127.0.0.1 " "$work/out"
ok $? "the admin reads it over SSH, the editor's refusal and its own session in it"
ssh_as admin access log --since 2999-01-01 >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && [ ! -s "$work/out" ]
ok $? "access log --since a day to come: nothing"
ssh_as admin check >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && [ "$(cat "$work/out")" = "ok" ]
ok $? "check finds the log intact"
as_svc "$SQLITE3" "$db" "UPDATE audit SET who = 'nobody'" 2>"$work/err"
[ $? -ne 0 ] && grep -q "the audit log is append-only" "$work/err" &&
	! as_svc "$SQLITE3" "$db" "DELETE FROM audit" 2>/dev/null
ok $? "not even the service account changes or deletes an entry"

# Rotation: the editor's key replaced by its fingerprint over SSH.
before=$(as_svc "$KPITREE" --db "$db" history SP5-1)
ssh_as admin access rotate tanaka "$(fp "$work/editor.pub")" - <"$work/editor2.pub" >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && [ "$(cat "$work/out")" = "tanaka: $(fp "$work/editor2.pub") replaces $(fp "$work/editor.pub") in $ak" ]
ok $? "the admin rotates the editor's key by its fingerprint"
! ssh_as editor due >/dev/null 2>&1 && ssh_as editor2 set SP5-2 2024 6 >/dev/null 2>&1
ok $? "the old key no longer gets in; the new one does, with the editor's rights"
[ "$(as_svc "$KPITREE" --db "$db" history SP5-1)" = "$before" ] &&
	as_svc "$KPITREE" --db "$db" history SP5-2 | tail -1 | grep -q "  tanaka  R6 (2024) actual  - -> 6  (set)$"
ok $? "the official's history and name are as they were"
audit_log >"$work/log"
grep -q "  suzuki (admin, all)  access rotate  tanaka  access rotate tanaka $(fp "$work/editor.pub") -  replaces $(fp "$work/editor.pub")  $(fp "$work/editor2.pub")  from 127.0.0.1 " "$work/log" &&
	grep -q "  tanaka (editor, project:SP5)  session start  set SP5-2 2024 6  $(fp "$work/editor2.pub")  from " "$work/log"
ok $? "the rotation is in the log, and the new key's session names it"
ssh_as admin access list >"$work/out" 2>"$work/err"
grep "^tanaka " "$work/out" | grep -q " $(fp "$work/editor2.pub")  20[0-9-]*  20[-0-9]* [:0-9]*  $db$"
ok $? "access list gives the new key the day it was added and its last login"

# The last admin stays, over SSH; the refusal is logged; in Japanese too.
ssh_as admin access set suzuki --role editor >"$work/out" 2>"$work/err"
[ $? -eq 1 ] && [ "$(cat "$work/err")" = "kpitree: not permitted: suzuki is the last admin of $db; add another first" ]
ok $? "the last admin cannot make itself an editor"
as_svc "$KPITREE" --db "$db" access set suzuki --role admin --lang ja >/dev/null
ok $? "the admin's key becomes Japanese"
ssh_as admin access disable suzuki >"$work/out" 2>"$work/err"
[ $? -eq 1 ] && [ "$(cat "$work/err")" = "kpitree: 権限がありません: suzuki は $db の最後の管理者です。先に別の管理者を加えてください" ]
ok $? "nor disable itself (in Japanese)"
ssh_as admin access log >"$work/out" 2>"$work/err"
grep -q "  suzuki (admin, all)  拒否  access disable suzuki  suzuki は $db の最後の管理者です。先に別の管理者を加えてください  $(fp "$work/admin.pub")  接続元 127.0.0.1 " "$work/out" &&
	grep -q "  suzuki (admin, all)  拒否  access set suzuki --role editor  suzuki is the last admin of $db; add another first  " "$work/out" &&
	grep -q "  $KPITREE_USER  権限の変更  suzuki  access set suzuki --role admin --lang ja  suzuki (admin, all)$" "$work/out"
ok $? "the admin reads the log in its key's language: both refusals, and the account's change"

# The browser: its session's start and end, in English and in Japanese.
no_terminal_over_ssh 9 && finish
for lang in en ja; do
	ended="exit status 0"
	[ $lang = ja ] && ended="終了ステータス 0"
	as_svc "$KPITREE" --db "$db" access set sato --role viewer --lang $lang >/dev/null || exit 1
	start "ssh -tt $ssh_opts -i $work/viewer $svc@127.0.0.1"
	shows "sato" "($lang) the viewer's browser opens"
	keys q
	sleep 1
	audit_log | tail -2 >"$work/log"
	sed -n 1p "$work/log" | grep -q "  sato (viewer, all)  session start  browse  $(fp "$work/viewer.pub")  from 127.0.0.1 " &&
		sed -n 2p "$work/log" | grep -q "  sato (viewer, all)  session end  browse  $ended  "
	ok $? "($lang) its start and its end on q are in the log"
	# a connection lost: the ssh client killed with its tmux session
	start "ssh -tt $ssh_opts -i $work/viewer $svc@127.0.0.1"
	shows "sato" "($lang) the viewer's browser opens again"
	tmux -L "$sock" kill-session -t "s$sess"
	i=0
	while [ $i -lt 50 ] && ! audit_log | tail -1 | grep -q "  session end  "; do
		sleep 0.1
		i=$((i + 1))
	done
	lost="ended without an exit status: the connection was lost, or the session killed"
	[ $lang = ja ] && lost="終了ステータスなしで終了しました (接続が切れたか、セッションが強制終了されました)"
	audit_log | tail -1 | grep -q "  sato (viewer, all)  session end  browse  $lost  $(fp "$work/viewer.pub")  from 127.0.0.1 "
	ok $? "($lang) a session whose connection is lost has its end in the log"
done
no_reports
finish
