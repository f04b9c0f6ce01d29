#!/bin/sh
# keys.sh: the files an administrator relies on keep what they were: an
# authorized_keys file kpitree rewrites keeps its owner and mode (a
# root-owned 0644 file that sshd reads as the account stays readable),
# root is warned before putting a key into its own authorized_keys, and
# a new database is the account's alone (0600, its default folder 0700);
# check warns when others can read it.
. "$srcdir/tests/screen/root.sh"
. "$srcdir/tests/cli/lib.sh"
plan 8
db="$work/k.db"
"$KPITREE" --db "$db" init --empty >/dev/null || exit 1
ssh-keygen -q -t ed25519 -N '' -f "$work/a" && ssh-keygen -q -t ed25519 -N '' -f "$work/b" || exit 1

mkdir -p "$work/etc" && : >"$work/etc/keys" && chmod 644 "$work/etc/keys"
owner=$(id -u)
if [ "$owner" -eq 0 ]; then
	chown 65534:65534 "$work/etc/keys"
	owner=65534
fi
"$KPITREE" --db "$db" access add a "$work/a.pub" --role viewer --file "$work/etc/keys" >/dev/null &&
	"$KPITREE" --db "$db" access remove a --file "$work/etc/keys" >/dev/null &&
	"$KPITREE" --db "$db" access add b "$work/b.pub" --role viewer --file "$work/etc/keys" >/dev/null
[ "$(stat -c '%a %u' "$work/etc/keys")" = "644 $owner" ]
ok $? "access add and remove keep the key file's mode (0644) and owner"
[ "$(stat -c %a "$work/etc")" = 755 ] || [ "$(stat -c %a "$work/etc")" = 775 ]
ok $? "and leave its folder as it was"

# Root's own keys, in a mount namespace whose /root is a fresh tmpfs.
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
	# a copy of kpitree the tmpfs does not hide (the build may be under /root)
	mkdir -p "$work/bin" && cp "$KPITREE" "$work/bin/kpitree" || exit 1
	unshare -m sh -c "mount -t tmpfs none /root && HOME=/root '$work/bin/kpitree' --db '$db' access add a '$work/a.pub' --role viewer" \
		>"$work/out" 2>"$work/err"
	[ $? -eq 0 ] && grep -q "^kpitree: warning: /root/.ssh/authorized_keys is root's own: the key logs in as root; give it to the service account instead" "$work/err"
	ok $? "access add as root into root's own authorized_keys warns"
	"$KPITREE" --db "$db" access add a "$work/a.pub" --role viewer --file "$work/etc/keys2" >"$work/out" 2>"$work/err"
	[ ! -s "$work/err" ]; ok $? "and into another file, not"
else
	for i in 1 2; do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP root's own keys: needs root and unshare"
	done
fi

# The database: the account's alone.
"$KPITREE" --db "$work/new.db" init >/dev/null
[ "$(stat -c %a "$work/new.db")" = 600 ]; ok $? "init creates the database 0600"
XDG_DATA_HOME="$work/xdg" "$KPITREE" show H01 >/dev/null &&
	[ "$(stat -c %a "$work/xdg/kpitree")" = 700 ] && [ "$(stat -c %a "$work/xdg/kpitree/kpitree.db")" = 600 ]
ok $? "the default database is made 0600 in a folder of 0700"
run --db "$work/new.db" check
expect 0 "" "check says nothing of a database only its owner reads"
chmod 644 "$work/new.db"
run --db "$work/new.db" check
expect 0 "kpitree: warning: $work/new.db: any local user can read it (mode 0644); chmod o-rwx $work/new.db" \
	"check warns when any local user can read the database"
finish
