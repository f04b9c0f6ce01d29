#!/bin/sh
# outfile.sh: where export -o, export report -o and backup write. Locally
# a regular file is replaced whole keeping its mode, a device, FIFO or
# standard output is written in place, a symbolic link is followed to
# its target; through a key's forced command every file goes into the
# export folder by a plain name, never through a link, never over a file
# unless --force, and standard output still works.
. "$srcdir/tests/screen/root.sh"
. "$srcdir/tests/cli/lib.sh"
plan 32
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null || exit 1
cd "$work" || exit 1

# Locally.
"$KPITREE" --db "$db" export kpis -o kept.csv && chmod 600 kept.csv &&
	"$KPITREE" --db "$db" export actuals -o kept.csv
[ "$(stat -c %a kept.csv)" = 600 ] && [ "$(head -1 kept.csv)" = "code,fiscal_year,kind,value,note,entered_by,entered_at" ]
ok $? "export -o over a 0600 file writes it and keeps its mode"
"$KPITREE" --db "$db" backup copy.db && [ "$(stat -c %a copy.db)" = 600 ]
ok $? "a new backup is the account's alone (0600), as the database is"
chmod 640 copy.db && "$KPITREE" --db "$db" backup copy.db
[ "$(stat -c %a copy.db)" = 640 ]; ok $? "backup over a 0640 file keeps its mode"
"$KPITREE" --db "$db" export kpis -o target.csv && ln -s target.csv link.csv &&
	"$KPITREE" --db "$db" export actuals -o link.csv
[ -L link.csv ] && [ "$(head -1 target.csv)" = "code,fiscal_year,kind,value,note,entered_by,entered_at" ]
ok $? "export -o through a symbolic link writes its target and keeps the link"
"$KPITREE" --db "$db" backup link.csv
[ -L link.csv ] && head -c 15 target.csv | grep -q "SQLite format 3"
ok $? "backup through a symbolic link writes its target"
if mknod full c 1 7 2>/dev/null; then
	run --db "$db" export kpis -o full
	[ $status -eq 1 ] && [ -c full ] &&
		[ "$(cat "$work/err")" = "kpitree: full: cannot write: No space left on device" ]
	ok $? "export -o onto a device (a copy of /dev/full) writes into it: an error naming it, the device kept"
	run --db "$db" backup full
	[ $status -eq 1 ] && [ -c full ] && [ "$(cat "$work/err")" = "kpitree: full: No space left on device" ]
	ok $? "and so does backup"
	run --db "$db" export report -o full
	[ $status -eq 1 ] && [ -c full ] &&
		[ "$(cat "$work/err")" = "kpitree: full: cannot write: No space left on device" ]
	ok $? "and export report, with the reason"
else
	for i in 1 2 3; do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP mknod needs root"
	done
fi
# (a FIFO replaced by a file would leave its reader waiting: timeouts)
mkfifo fifo && { timeout 10 cat fifo >fifo.out & } && timeout 10 "$KPITREE" --db "$db" export kpis -o fifo
wait
[ -p fifo ] && [ "$(head -1 fifo.out)" = "code,number,name,unit,baseline_value,baseline_period,target_value,target_period,direction,field" ]
ok $? "export -o onto a FIFO writes into it and keeps it a FIFO"
"$KPITREE" --db "$db" export kpis -o - >dash.out && "$KPITREE" --db "$db" export kpis -o /dev/stdout >stdout.out &&
	"$KPITREE" --db "$db" export kpis >plain.out
cmp -s dash.out plain.out && cmp -s stdout.out plain.out && [ ! -e ./- ]
ok $? "-o - and -o /dev/stdout write standard output in place"
"$KPITREE" --db "$db" backup - >backup.out && head -c 15 backup.out | grep -q "SQLite format 3" &&
	"$KPITREE" --db "$work/backup.out" check >/dev/null
ok $? "backup - writes a whole database to standard output"
"$KPITREE" --db "$db" set H01 R7 5 >/dev/null	# a history to print
for k in "export kpis" "export report" "show H01" "history H01"; do
	"$KPITREE" --db "$db" $k >/dev/full 2>"$work/err"
	[ $? -eq 1 ] && [ "$(cat "$work/err")" = "kpitree: standard output: cannot write: No space left on device" ]
	ok $? "$k to a full standard output fails, saying which output and why"
done
# A workbook or a backup for a terminal (under script(1), a pty) is
# refused, as gzip refuses: its bytes would garble the screen.
for c in "export kpis --format xlsx" "export report --format xlsx" "backup -"; do
	script -qec "$KPITREE --db $db $c" /dev/null >"$work/tty.out" 2>&1
	[ $? -eq 1 ] && grep -q "is not written to a terminal: name a file with -o" "$work/tty.out"
	ok $? "$c to a terminal is refused" || sed 's/^/# /' "$work/tty.out" | head -3
done
"$KPITREE" --db "$db" backup - >/dev/full 2>"$work/err"
[ $? -eq 1 ] && [ "$(cat "$work/err")" = "kpitree: standard output: No space left on device" ]
ok $? "and so does backup -, naming standard output"
run --db "$db" export kpis -o "$work"
expect 1 "kpitree: $work: a folder, not a file" "export -o onto a folder is refused"

# Through a forced command (as sshd runs the key's line).
as_admin() { "$KPITREE" --db "$db" --ssh-user suzuki --ssh-role admin --ssh-lang en "$@"; }
mkdir -p home/.ssh && echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOnly kept@host" >home/.ssh/authorized_keys
cp home/.ssh/authorized_keys keys.before
for target in home/.ssh/authorized_keys2 ../.ssh/authorized_keys .ssh "$work/home/.ssh/authorized_keys"; do
	as_admin export actuals -o "$target" >"$work/out" 2>"$work/err"
	s1=$?
	as_admin backup "$target" >>"$work/out" 2>>"$work/err"
	s2=$?
	[ $s1 -eq 1 ] && [ $s2 -eq 1 ] && grep -q "^kpitree: not permitted: .*export folder, by a plain name" "$work/err"
	ok $? "export -o and backup to $target through a forced command are refused"
done
cmp -s keys.before home/.ssh/authorized_keys && [ ! -e home/.ssh/authorized_keys2 ]
ok $? "the key file is unchanged and no other key file appears"
as_admin export actuals -o mine.csv && as_admin export report -o minutes.md && as_admin backup copy.db
[ -f "$db-exports/mine.csv" ] && [ -f "$db-exports/minutes.md" ] && [ -f "$db-exports/copy.db" ] &&
	[ "$(stat -c %a "$db-exports")" = 700 ]
ok $? "plain names go into the export folder beside the database (made 0700)"
as_admin export kpis -o mine.csv >"$work/out" 2>"$work/err"
[ $? -eq 1 ] && grep -q "^kpitree: not permitted: mine.csv: there is a file of that name in the export folder $db-exports already; --force replaces it$" "$work/err" &&
	[ "$(head -1 "$db-exports/mine.csv")" = "code,fiscal_year,kind,value,note,entered_by,entered_at" ]
ok $? "an existing file is not replaced"
as_admin export kpis -o mine.csv --force && [ "$(head -1 "$db-exports/mine.csv" | cut -d, -f1-2)" = "code,number" ]
ok $? "unless --force is given"
ln -s "$work/kept.csv" "$db-exports/link.csv" && cp kept.csv kept.before
as_admin export kpis -o link.csv --force && [ ! -L "$db-exports/link.csv" ] && cmp -s kept.csv kept.before
ok $? "a link in the export folder is replaced, never followed"
SSH_ORIGINAL_COMMAND="--ssh-exports $work/elsewhere export kpis -o e.csv" as_admin 2>"$work/err"
[ $? -eq 1 ] && grep -q "^kpitree: not permitted: --ssh-exports is not for a key's command$" "$work/err"
ok $? "the client cannot choose the export folder"
"$KPITREE" --db "$db" --ssh-user suzuki --ssh-role admin --ssh-lang en --ssh-exports "$work/elsewhere" export kpis -o e.csv &&
	[ -f "$work/elsewhere/e.csv" ]
ok $? "the forced command's --ssh-exports names the folder"
as_admin export actuals >so.csv && [ "$(head -1 so.csv)" = "code,fiscal_year,kind,value,note,entered_by,entered_at" ]
ok $? "standard output keeps working"
finish
