#!/bin/sh
# ssh_secure.sh: over a real OpenSSH server (tests/screen/sshd.sh), each
# official does what the role allows and nothing else: no file written
# outside the export folder (not .ssh/authorized_keys, by export -o,
# backup or :export), no forged name from an imported file, no stored
# text that drives the reader's terminal, and every refusal logged (a
# client's sh, scp and sftp; a viewer's u and presentation keys). As
# root the service account is a throwaway user; otherwise it is the user
# running the test, and the browser's part is skipped.
. "$srcdir/tests/screen/root.sh"
. "$srcdir/tests/screen/lib.sh"
. "$srcdir/tests/screen/sshd.sh"
ssh_test kpitree-s

plan 68

ssh_service_home || exit 1
ssh_officials en
ok $? "access add writes three officials' keys as the service account"
start_sshd
ok $? "sshd listens on 127.0.0.1 with its own config and host key"
[ -f "$work/sshd.pid" ] || { sed 's/^/# /' "$work/sshd.log"; finish; }
cp "$ak" "$work/keys.before"
log="$work/audit"

# 1. Files: never outside the export folder.
for target in .ssh/authorized_keys2 .ssh/authorized_keys ../svc/.ssh/authorized_keys "$ak"; do
	ssh_as admin export actuals -o "$target" >"$work/out" 2>"$work/err"
	s1=$?
	ssh_as admin backup "$target" >>"$work/out" 2>>"$work/err"
	s2=$?
	[ $s1 -eq 1 ] && [ $s2 -eq 1 ] && [ "$(grep -c "^kpitree: not permitted: " "$work/err")" = 2 ]
	ok $? "the admin's export -o and backup to $target are refused"
done
cmp -s "$work/keys.before" "$ak" && [ ! -e "$svc_home/.ssh/authorized_keys2" ] && [ ! -e "$svc_home/.ssh/authorized_keys2.tmp-"* ]
ok $? "the key file is unchanged, and no other key file appears"
audit_log >"$log"
grep -q "  suzuki (admin, all)  refused  export actuals -o .ssh/authorized_keys2  .*  from 127\.0\.0\.1 " "$log" &&
	grep -q "  suzuki (admin, all)  refused  backup .ssh/authorized_keys2  .*  from 127\.0\.0\.1 " "$log"
ok $? "each refusal is in the log"
ssh_as admin export actuals -o mine.csv >"$work/out" 2>"$work/err" && ssh_as admin backup copy.db >>"$work/out" 2>>"$work/err"
[ $? -eq 0 ] && [ "$(head -1 "$db-exports/mine.csv")" = "code,fiscal_year,kind,value,note,entered_by,entered_at" ] &&
	as_svc "$KPITREE" --db "$db-exports/copy.db" check >/dev/null
ok $? "a plain name goes into the export folder beside the database"
ssh_as admin export kpis -o mine.csv >"$work/out" 2>"$work/err"
[ $? -eq 1 ] && grep -q "^kpitree: not permitted: mine.csv: there is a file of that name in the export folder .* already; --force replaces it$" "$work/err"
ok $? "an existing file there is not replaced without --force"
ssh_as viewer export actuals >"$work/mine.csv" 2>"$work/err"
[ $? -eq 0 ] && cmp -s "$work/mine.csv" "$db-exports/mine.csv"
ok $? "standard output brings the same file to the official's computer"
ssh_as viewer due >/dev/null 2>&1 && ssh_as editor due >/dev/null 2>&1 && ssh_as admin due >/dev/null 2>&1
ok $? "every official still gets in"

# 2. An imported file's entered_by never becomes who.
cat >"$work/forged.csv" <<'CSV'
code,fiscal_year,kind,value,note,entered_by,entered_at
SP5-1,2024,actual,41,,tanaka,2025-05-01T00:00:00Z
SP5-2,2024,actual,42,,sato,
CSV
ssh_as admin import /dev/stdin <"$work/forged.csv" >"$work/out" 2>"$work/err"
ok $? "the admin imports a file whose entered_by names tanaka and sato"
as_svc "$KPITREE" --db "$db" history SP5-1 | tail -1 >"$work/h1"
as_svc "$KPITREE" --db "$db" history SP5-2 | tail -1 >"$work/h2"
grep -q "  suzuki  R6 (2024) actual  - -> 41  (import; the file said tanaka)$" "$work/h1" &&
	grep -q "  suzuki  R6 (2024) actual  - -> 42  (import; the file said sato)$" "$work/h2"
ok $? "history names the importing official, and what the file said beside"
! as_svc "$KPITREE" --db "$db" history SP5-1 | grep -q "  tanaka  "
ok $? "tanaka, who entered nothing, appears nowhere as who"

# 3. A note with a line end and an escape sequence, printed inert.
ssh_as editor "set SP5-3 2024 7 --note 'a
2026-01-01 09:00:00  suzuki  R6 (2024) actual  - -> 99  (set)$(printf '\033]2;pwned\007')'" >"$work/out" 2>"$work/err"
ok $? "the editor stores a note holding a line end and ESC ] 2 ;"
# and a meeting's comment with the same bytes (as presentation mode
# stores it)
as_svc "$SQLITE3" "$db" "INSERT INTO meeting(id, title, held_on, fiscal_year, opened_by, opened_at)
	VALUES (1, 'm1', '2026-01-01', 2024, 'suzuki', '2026-01-01T00:00:00Z');
	INSERT INTO agenda_item VALUES (1, 1, (SELECT id FROM kpi WHERE code = 'SP5-1'));
	INSERT INTO remark(meeting_id, kpi_id, kind, text, entered_by, entered_at)
	SELECT 1, id, 'comment', (SELECT v.note FROM value v JOIN kpi n ON n.id = v.kpi_id
	WHERE n.code = 'SP5-3' AND v.fiscal_year = 2024 AND v.kind = 'actual'), 'tanaka',
	'2026-01-01T00:00:00Z' FROM kpi k WHERE code = 'SP5-1';" || exit 1
esc=$(printf '\033')
for cmd in "history SP5-3" "show SP5-3" "export report --meeting 1"; do
	# shellcheck disable=SC2086
	ssh_as viewer $cmd >"$work/out" 2>"$work/err"
	! grep -q "$esc" "$work/out" && ! grep -q "^2026-01-01 09:00:00  suzuki" "$work/out" &&
		grep -qF 'a^J2026-01-01 09:00:00  suzuki  R6 (2024) actual  - -> 99  (set)^[]2;pwned^G' "$work/out"
	ok $? "$cmd over SSH prints the note inert, one line, no escape"
done

# 8. Refusals of what is no command of kpitree, all logged.
ssh_as viewer sh -c id >"$work/out" 2>"$work/err"
[ $? -eq 2 ] && ! grep -q "uid=" "$work/out"
ok $? "ssh ... sh -c id runs no shell"
ssh_as viewer scp -t /tmp >"$work/out" 2>"$work/err" </dev/null
[ $? -eq 2 ]; ok $? "ssh ... scp -t is refused"
# shellcheck disable=SC2086
echo "ls" | sftp -b - -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -o IdentityAgent=none \
	-o StrictHostKeyChecking=yes -o UserKnownHostsFile="$work/known_hosts" -P "$port" \
	-i "$work/viewer" "$svc@127.0.0.1" >"$work/out" 2>&1
[ $? -ne 0 ]; ok $? "sftp gets no file service"
audit_log >"$log"
grep -q "  sato (viewer, all)  refused  sh -c id  .*  from 127\.0\.0\.1 " "$log" &&
	grep -q "  sato (viewer, all)  refused  scp -t /tmp  .*  from 127\.0\.0\.1 " "$log" &&
	grep -q "  sato (viewer, all)  refused  /usr/lib/openssh/sftp-server  .*  from 127\.0\.0\.1 " "$log"
ok $? "sh, scp and sftp are each in the log"

# 7. Keys: a line edited by hand (from="..." added) is still kpitree's:
# listed, in force, removable; the last admin cannot remove itself.
as_svc sed -i 's/",restrict,pty \(.* kpitree:tanaka\)$/",from="127.0.0.1",restrict,pty \1/' "$ak"
ssh_as editor due >/dev/null 2>&1 && ssh_as admin access list >"$work/out" 2>"$work/err" &&
	grep -q '^tanaka  *editor  *project:SP5  *en  *ssh-ed25519 .*  from="127.0.0.1"$' "$work/out"
ok $? "a line with from=... added by hand still lets its official in, and is listed with it"
ssh_as admin access remove suzuki >"$work/out" 2>"$work/err"
[ $? -eq 1 ] && grep -q "^kpitree: not permitted: suzuki is the last admin of " "$work/err" && ssh_as admin due >/dev/null 2>&1
ok $? "the last admin cannot remove itself"
ssh_as admin access remove tanaka >"$work/out" 2>"$work/err" && ! grep -q "kpitree:tanaka" "$ak"
ok $? "the edited line is removed by access remove"
ssh_as editor due >/dev/null 2>&1
[ $? -eq 255 ]; ok $? "and its key no longer gets in"
ssh-keygen -q -t ed25519 -N '' -f "$work/expired" || exit 1
# A day already over is refused (the key could never log in); a key
# whose day has passed (its expiry-time set back, as time would) does
# not get in.
! ssh_as admin access add ito - --role viewer --expires 2001-01-01 <"$work/expired.pub" >/dev/null 2>&1 &&
	ssh_as admin access add ito - --role viewer --expires $(($(date +%Y) + 1))-03-31 <"$work/expired.pub" >/dev/null 2>&1 &&
	sed -i '/ kpitree:ito$/s/expiry-time="[0-9]*"/expiry-time="20010102"/' "$ak" &&
	! ssh_as expired due >/dev/null 2>&1 && ssh_as admin access remove ito >/dev/null 2>&1
ok $? "--expires in the past is refused, and a key past its expiry-time does not get in"
ssh_as admin access disable sato >/dev/null 2>&1 && ! ssh_as viewer due >/dev/null 2>&1 &&
	ssh_as admin access enable sato >/dev/null 2>&1 && ssh_as viewer due >/dev/null 2>&1
ok $? "access disable keeps an official out until access enable"
cp "$ak" "$work/keys.before"

# The browser over ssh -tt (root only: an sshd not run by root cannot
# hand the terminal to its user), in English and in Japanese: each key's
# language (access add --lang), whatever LANG the client sends.
no_terminal_over_ssh 37 && finish
for lang in C ja_JP; do
	if [ $lang = C ]; then
		refused="not permitted: " may="may read and"
		evaluate="may read and export, not record evaluations"
		ended="kpitree: the key of tanaka was removed or changed in"
		idle="kpitree: idle for 3 seconds: the session has ended"
		klang=en
	else
		# (the status line cuts the rest at 80 columns)
		refused="権限がありません: " may=""
		evaluate="は閲覧と書き出しのみで、評価の記録は"
		ended="kpitree: tanaka の鍵は /"
		idle="kpitree: 3 秒間操作がなかったため、セッションを終了しました"
		klang=ja
		# The language is the key's, not the client's LANG: the two
		# officials' keys again, in Japanese.
		for who in suzuki:admin sato:viewer; do
			set -- $(echo "$who" | tr : ' ')
			as_svc "$KPITREE" --db "$db" access set "$1" --role "$2" --lang ja --file "$ak" \
				>/dev/null || echo "# cannot give $1 a Japanese key"
		done
		cp "$ak" "$work/keys.before"
	fi
	# 5. A removed official's open browser is refused its next save, and
	# ends; with --ssh-recheck 1 in its command it ends by itself; with
	# --ssh-idle 3 an idle one ends.
	as_svc "$KPITREE" --db "$db" access add tanaka "$work/editor.pub" --role editor --scope SP5 --lang "$klang" --file "$ak" >/dev/null
	before_h=$(as_svc "$KPITREE" --db "$db" history SP5-2)
	start "LANG=$lang.UTF-8 ssh -tt $ssh_opts -i $work/editor $svc@127.0.0.1"
	shows "tanaka" "($lang) the editor's browser opens"
	as_svc "$KPITREE" --db "$db" access remove tanaka --file "$ak" >/dev/null
	keys : "goto SP5-2" Enter e
	shows "┌─ SP5-2 " "($lang) the form opens"
	keys 42 Enter
	sleep 0.5
	keys Escape
	shows "$ended" "($lang) its save after access remove is refused, and the session ends as the form closes"
	[ "$(as_svc "$KPITREE" --db "$db" history SP5-2)" = "$before_h" ]; ok $? "($lang) nothing was saved"
	as_svc "$KPITREE" --db "$db" access add tanaka "$work/editor.pub" --role editor --scope SP5 --lang "$klang" --file "$ak" >/dev/null &&
		as_svc sed -i 's/--ssh-user tanaka /--ssh-user tanaka --ssh-recheck 1 /' "$ak"
	start "LANG=$lang.UTF-8 ssh -tt $ssh_opts -i $work/editor $svc@127.0.0.1"
	shows "tanaka" "($lang) with --ssh-recheck 1 in its command, the browser opens"
	as_svc "$KPITREE" --db "$db" access remove tanaka --file "$ak" >/dev/null
	shows "$ended" "($lang) and ends by itself within a second or two of access remove"
	as_svc "$KPITREE" --db "$db" access add tanaka "$work/editor.pub" --role editor --scope SP5 --lang "$klang" --file "$ak" >/dev/null &&
		as_svc sed -i 's/--ssh-user tanaka /--ssh-user tanaka --ssh-idle 3 /' "$ak"
	start "LANG=$lang.UTF-8 ssh -tt $ssh_opts -i $work/editor $svc@127.0.0.1"
	shows "tanaka" "($lang) with --ssh-idle 3, the browser opens"
	sleep 3
	shows "$idle" "($lang) and ends when idle for 3 seconds"
	as_svc "$KPITREE" --db "$db" access remove tanaka --file "$ak" >/dev/null
	cp "$ak" "$work/keys.before"
	before=$(audit_log | wc -l)
	start "LANG=$lang.UTF-8 ssh -tt $ssh_opts -i $work/admin $svc@127.0.0.1"
	shows "suzuki" "($lang) the admin's browser opens"
	keys : "export strategy .ssh/authorized_keys" Enter
	shows "$refused.ssh/authorized_keys" "($lang) :export into .ssh is refused"
	keys : "export strategy ../k.db" Enter
	shows "$refused../k.db" "($lang) and beside the database too"
	keys q
	cmp -s "$work/keys.before" "$ak"; ok $? "($lang) the key file is unchanged"
	start "LANG=$lang.UTF-8 ssh -tt $ssh_opts -i $work/viewer $svc@127.0.0.1"
	shows "sato" "($lang) the viewer's browser opens"
	sleep 1
	! screen | tail -1 | grep -q "!"
	ok $? "($lang) the viewer is told of nothing due: it enters no values"
	keys u
	shows "${refused}sato (viewer, all) $may" "($lang) u from the viewer is refused"
	keys : "meeting open 1" Enter p
	shows "SP5-1" "($lang) the viewer presents the open meeting"
	keys c
	shows "${refused}sato (viewer, all) $evaluate" "($lang) c from the viewer is refused"
	keys q q
	after=$(audit_log | sed -n "$((before + 1)),\$p")
	printf '%s\n' "$after" | grep -q "  suzuki (admin, all)  refused  browse: :export  .*  from 127\.0\.0\.1 " &&
		printf '%s\n' "$after" | grep -q "  sato (viewer, all)  refused  browse: u  .*  from 127\.0\.0\.1 " &&
		printf '%s\n' "$after" | grep -q "  sato (viewer, all)  refused  browse: record an evaluation of SP5-1  .*  from 127\.0\.0\.1 "
	ok $? "($lang) each refusal of the browser is in the log"
done

# 4. A root-owned 0644 key file outside the home (AuthorizedKeysFile),
# which sshd reads as the account: root's access add keeps it so.
stop_sshd
mkdir -p "$work/etc" && chmod 755 "$work/etc" && cp "$ak" "$work/etc/keys" && chmod 644 "$work/etc/keys"
ak="$work/etc/keys"
start_sshd || exit 1
ssh-keygen -q -t ed25519 -N '' -f "$work/yamada" || exit 1
"$KPITREE" --db "$db" access add yamada "$work/yamada.pub" --role viewer --file "$ak" >/dev/null &&
	"$KPITREE" --db "$db" access remove sato --file "$ak" >/dev/null
[ "$(stat -c '%a %U' "$ak")" = "644 root" ]
ok $? "root's access add and remove keep a root-owned key file 0644"
ssh_as yamada due >/dev/null 2>"$work/err" && ssh_as admin due >/dev/null 2>>"$work/err"
ok $? "and sshd still reads it for every official"
sed 's/^/# /' "$work/err" | head -3
no_reports
finish
