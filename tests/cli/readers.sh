#!/bin/sh
# readers.sh: a reader who may not write the database, or its folder,
# creates nothing beside it: another account's show leaves no -wal or
# -shm of its own to lock the owner out; a database in a read-only folder
# and a backup on read-only media are read and checked; a backup is one
# self-contained file, not in WAL mode. Two throwaway accounts, so root.
. "$srcdir/tests/screen/root.sh"
. "$srcdir/tests/cli/lib.sh"
if [ "$(id -u)" -ne 0 ]; then
	echo "1..0 # SKIP two accounts are needed, which takes root or sudo"
	exit 0
fi
plan 22
owner="kpo$$"
reader="kpr$$"
useradd --system --no-create-home --shell /bin/sh "$owner" || exit 1
useradd --system --no-create-home --shell /bin/sh "$reader" || { userdel "$owner"; exit 1; }
trap 'userdel "$owner"; userdel "$reader"; rm -rf "$work"' EXIT
# The accounts run a copy they can reach (the build folder may be under
# /root), with the catalogues a build tree's program finds beside it.
mkdir "$work/bin" && cp "$KPITREE" "$work/bin/kpitree" || exit 1
[ ! -d "${KPITREE%/*}/locale" ] || cp -R "${KPITREE%/*}/locale" "$work/bin/" || exit 1
chmod -R a+rX "$work/bin" && chmod 711 "$work"
as() { who=$1; shift; runuser -u "$who" -- env KPITREE_USER="$who" "$work/bin/kpitree" "$@"; }
# others FOLDER: what in FOLDER is not the owner's
others() { find "$1" -mindepth 1 ! -user "$owner"; }

# A shared folder (sticky, anyone may add files), the database the
# owner's, readable by all.
shared="$work/shared"
mkdir "$shared" && chmod 1777 "$shared"
as "$owner" --db "$shared/k.db" init >/dev/null && chmod 644 "$shared/k.db"
as "$reader" --db "$shared/k.db" show H01 >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && grep -q "^H01 " "$work/out" && [ -z "$(others "$shared")" ]
ok $? "another account's show reads the database and leaves no file of its own"
as "$owner" --db "$shared/k.db" set H01 R7 5 >/dev/null 2>"$work/err"
ok $? "the owner then writes as before"

# While a session of the owner's holds the database open, the last change
# is in its -wal: the reader reads through it, with the owner's -shm.
{ echo "SELECT count(*) FROM sqlite_master;"; sleep 4; } | runuser -u "$owner" -- "$SQLITE3" "$shared/k.db" >/dev/null &
holder=$!
sleep 1
as "$owner" --db "$shared/k.db" set H01 R7 7 >/dev/null 2>&1
[ -e "$shared/k.db-wal" ]; ok $? "(the owner's session keeps a -wal beside the database)"
as "$reader" --db "$shared/k.db" show H01 >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && grep -q "^R7 (2025) *- *7 " "$work/out" && [ -z "$(others "$shared")" ]
ok $? "a reader sees what is in the -wal, and still leaves nothing of its own"
wait "$holder"

# A folder no one may write into: the owner's own database, read-only.
ro="$work/ro"
mkdir "$ro" && chown "$owner" "$ro"
as "$owner" --db "$ro/k.db" init >/dev/null && chmod 644 "$ro/k.db" && chmod 555 "$ro"
as "$owner" --db "$ro/k.db" --read-only show H01 >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && grep -q "^H01 " "$work/out"
ok $? "a database in a read-only folder is read with --read-only"
as "$reader" --db "$ro/k.db" export kpis >"$work/out" 2>"$work/err" && grep -q "^H01," "$work/out"
ok $? "and by another account without it"
chmod 600 "$ro/k.db"
as "$reader" --db "$ro/k.db" show H01 >"$work/out" 2>"$work/err"
[ $? -eq 1 ] && [ "$(cat "$work/err")" = "kpitree: $ro/k.db: Permission denied" ]
ok $? "a database the account may not read is refused as such, not as another kind of file"
[ "$(ls -A "$ro")" = k.db ]; ok $? "and nothing was made beside it"

# A backup is one file: no WAL mark, so that read-only media read it.
chmod 755 "$ro"
as "$owner" --db "$shared/k.db" backup "$ro/copy.db" >/dev/null 2>"$work/err"
[ "$(od -An -tu1 -j18 -N2 "$ro/copy.db" | tr -s ' ')" = " 1 1" ]
ok $? "a backup is a self-contained file (not in WAL mode)"
chmod 644 "$ro/copy.db" && chmod 555 "$ro"
as "$owner" --db "$ro/copy.db" check >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && [ "$(cat "$work/out")" = ok ]
ok $? "a backup on read-only media is checked"
as "$reader" --db "$ro/copy.db" show H01 >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && grep -q "^R7 (2025) *- *7 " "$work/out" && [ "$(ls -A "$ro" | tr '\n' ' ')" = "copy.db k.db " ]
ok $? "and read by another account, holding the last value, with nothing made beside it"
chmod 755 "$ro"
as "$reader" --db "/$shared/k.db" show H01 >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && grep -q "^H01 " "$work/out"
ok $? "a path that starts with // is read too"

# A reader's browser, which stays open: what the owner saves shows within
# a second or two (the browser looks between keys), even where the
# reader opened the file as it was (no -wal then), and an import
# meanwhile is never taken for damage. In both languages.
sock="kpr$$"
screen() { tmux -L "$sock" capture-pane -p -t "$1"; }
rm -f "$shared/k.db-wal" "$shared/k.db-shm"
n=0
for lang in C.UTF-8 ja_JP.UTF-8; do
	n=$((n + 1))
	as "$owner" --db "$shared/k.db" set H01 R7 7 >/dev/null 2>&1
	tmux -L "$sock" new-session -d -x 80 -y 24 -s "r$n" \
		"runuser -u $reader -- env LANG=$lang TERM=xterm $work/bin/kpitree --db $shared/k.db --year R7 --keys ':goto Space H01 Enter'; echo EXIT=\$?; sleep 30"
	sleep 1.5
	as "$owner" --db "$shared/k.db" set H01 R7 9 >/dev/null 2>&1
	"$work/bin/kpitree" --db "$work/other.db" init >/dev/null 2>&1
	"$work/bin/kpitree" --db "$work/other.db" export actuals -o "$work/actuals.csv" 2>/dev/null
	as "$owner" --db "$shared/k.db" import "$work/actuals.csv" >/dev/null 2>&1
	as "$owner" --db "$shared/k.db" set H01 R7 9 >/dev/null 2>&1
	i=0
	while [ $i -lt 40 ] && ! screen "r$n" | grep -q "R7 (2025) *- *9 \|令和7年度 *- *9 "; do
		sleep 0.1
		i=$((i + 1))
	done
	screen "r$n" | grep -q "R7 (2025) *- *9 \|令和7年度 *- *9 "
	st=$?
	ok $st "($lang) another account's browser shows the owner's new value"
	[ $st -eq 0 ] || screen "r$n" | sed 's/^/# /'
	tmux -L "$sock" send-keys -t "r$n" q
	sleep 0.5
	screen "r$n" | grep -q "EXIT=0"
	ok $? "($lang) and quits without a word of damage" || screen "r$n" | sed 's/^/# /'
	[ -z "$(others "$shared")" ]; ok $? "($lang) leaving nothing of its own"
done
tmux -L "$sock" kill-server 2>/dev/null

# A database a group shares (0660): a member's browser makes the -wal and
# -shm, which get the database's group, and the owner, not in the
# member's own group, goes on writing, even after the member is killed.
group="kpg$$"
groupadd "$group" && usermod -a -G "$group" "$reader" && usermod -a -G "$group" "$owner"
gdir="$work/group"
mkdir "$gdir" && chmod 1777 "$gdir"
as "$owner" --db "$gdir/g.db" init >/dev/null && chgrp "$group" "$gdir/g.db" && chmod 660 "$gdir/g.db"
gpasswd -d "$owner" "$group" >/dev/null
tmux -L "$sock" new-session -d -x 80 -y 24 -s member \
	"runuser -u $reader -- env LANG=C.UTF-8 TERM=xterm $work/bin/kpitree --db $gdir/g.db; sleep 30"
sleep 1.5
[ "$(stat -c %G "$gdir/g.db-shm" 2>/dev/null)" = "$group" ]
ok $? "the -wal and -shm a member's browser made have the database's group"
usermod -a -G "$group" "$owner"
as "$owner" --db "$gdir/g.db" set H01 R7 5 >/dev/null 2>"$work/err"
ok $? "the owner writes while the member's browser is open" || cat "$work/err"
tmux -L "$sock" kill-server 2>/dev/null
sleep 0.5
as "$owner" --db "$gdir/g.db" set H01 R7 6 >/dev/null 2>"$work/err"
ok $? "and after it was killed" || cat "$work/err"
groupdel "$group" 2>/dev/null

# Over SSH, a session that may not write the database (its file 0444)
# leaves a trace in the file beside it, the database taking nothing.
chmod 444 "$shared/k.db"
rm -f "$shared/k.db-access.log"
runuser -u "$owner" -- env SSH_ORIGINAL_COMMAND="set H01 R7 5" "$work/bin/kpitree" --db "$shared/k.db" \
	--ssh-user tanaka --ssh-role editor --ssh-lang en >/dev/null 2>"$work/err"
[ $? -eq 1 ] && grep -q "refused tanaka (editor, all): set H01 R7 5: .*you may not write this database" "$shared/k.db-access.log"
ok $? "a session that may not write the database is logged beside it" || cat "$shared/k.db-access.log" 2>&1 | sed 's/^/# /'
chmod 644 "$shared/k.db"
[ "$tap_failed" -eq 0 ] || { cat "$work/err"; false; }
