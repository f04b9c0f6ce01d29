#!/bin/sh
# keys.sh: the files an administrator relies on keep what they were: an
# authorized_keys file kpitree rewrites keeps its owner and mode (a
# root-owned 0644 file that sshd reads as the account stays readable),
# root is warned before putting a key into its own authorized_keys, and
# a new database is the account's alone (0600, its default folder 0700);
# check warns when others can read it. Keys: only a whole key of its
# type, one a file, a PuTTY key with how to convert it; a line edited by
# hand still listed, kept and removable; one database's lines left alone
# by another's; the last admin kept; access set changes a role in place.
. "$srcdir/tests/screen/root.sh"
. "$srcdir/tests/cli/lib.sh"
plan 33
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

# Keys.
cd "$work" || exit 1
ak="$work/k/authorized_keys"
for t in "ed25519" "rsa -b 2048" "ecdsa -b 256" "ecdsa -b 521"; do
	n=$(echo "$t" | tr -d ' -')
	# shellcheck disable=SC2086
	ssh-keygen -q -t $t -N '' -f "$n" || exit 1
done
"$KPITREE" --db "$db" access add e ed25519.pub --role viewer --file "$ak" >/dev/null &&
	"$KPITREE" --db "$db" access add r rsab2048.pub --role viewer --file "$ak" >/dev/null &&
	"$KPITREE" --db "$db" access add c ecdsab256.pub --role viewer --file "$ak" >/dev/null &&
	"$KPITREE" --db "$db" access add d ecdsab521.pub --role viewer --file "$ak" >/dev/null
ok $? "whole ed25519, RSA and ECDSA keys are taken"
"$KPITREE" --db "$db" access list --file "$ak" | awk 'NR > 1 { print $6 }' >"$work/listed"
for n in ed25519 rsab2048 ecdsab256 ecdsab521; do ssh-keygen -lf "$n.pub" | awk '{ print $2 }'; done >"$work/fingerprints"
[ -s "$work/listed" ] && cmp -s "$work/listed" "$work/fingerprints"
ok $? "access list shows each key's SHA256 fingerprint as ssh-keygen -l and sshd's log write it"
echo "ssh-ed25519 AAAA cut@host" >cut.pub
run --db "$db" access add x cut.pub --role viewer --file "$ak"
expect 1 "kpitree: cut.pub: not a whole ssh-ed25519 key (cut, or of another type)" "a cut key is refused"
echo "ssh-rsa $(cut -d' ' -f2 ed25519.pub) other@host" >mixed.pub
run --db "$db" access add x mixed.pub --role viewer --file "$ak"
expect 1 "kpitree: mixed.pub: not a whole ssh-rsa key (cut, or of another type)" "a key of another type than it says is refused"
cat ed25519.pub rsab2048.pub >two.pub
run --db "$db" access add x two.pub --role viewer --file "$ak"
expect 1 "kpitree: two.pub:2: a second key; give one key a file" "a .pub with two keys is refused, naming the second's line"
ssh-keygen -e -f ed25519.pub >putty.pub
run --db "$db" access add x putty.pub --role viewer --file "$ak"
expect 1 "kpitree: putty.pub: a PuTTY key; convert it to OpenSSH's form first: ssh-keygen -i -f putty.pub > key.pub" \
	"a PuTTY key is refused with how to convert it"
# A line edited by hand: from="..." added before restrict.
sed -i 's/",restrict,pty ssh-rsa /",from="10.0.0.0\/8",restrict,pty ssh-rsa /' "$ak"
run --db "$db" access list --file "$ak"
grep -q "^r  *viewer  *all  *ja  *ssh-rsa SHA256:[^ ]*  *[^ ]*  *-  *$(readlink -f "$db")  from=\"10.0.0.0/8\"$" "$work/out"
ok $? "access list still shows a line edited by hand, with what was added"
ssh-keygen -q -t ed25519 -N '' -f r2 || exit 1
"$KPITREE" --db "$db" access add r r2.pub --role editor --file "$ak" >/dev/null &&
	[ "$(grep -c -- "--ssh-user r --ssh-role editor --ssh-lang ja --ssh-key $(ssh-keygen -lf rsab2048.pub | cut -d' ' -f2)\",restrict,pty,from=\"10.0.0.0/8\" ssh-rsa .* kpitree:r$" "$ak")" = 1 ]
ok $? "a second key for the official gives the edited line the new role and keeps what was added"
run --db "$db" access remove r --file "$ak"
expect 0 "" "and access remove removes it"
! grep -q "kpitree:r$" "$ak"; ok $? "both of its lines"
# Another database's lines of the same official are left alone.
"$KPITREE" --db "$work/other.db" init --empty >/dev/null &&
	"$KPITREE" --db "$work/other.db" access add e r2.pub --role editor --file "$ak" >/dev/null
grep -q -- "--db $(readlink -f "$db") --ssh-user e --ssh-role viewer --ssh-lang ja --ssh-key $(ssh-keygen -lf ed25519.pub | cut -d' ' -f2)\",restrict,pty ssh-ed25519 $(cut -d' ' -f2 ed25519.pub)" "$ak"
ok $? "a second key for one name against another database leaves the first line as it was"
"$KPITREE" --db "$work/other.db" access remove e --file "$ak" >/dev/null && grep -q "kpitree:e$" "$ak"
ok $? "and removing it there leaves the first database's line"
# access set: another role and scope, the key kept.
key_c=$(cut -d' ' -f2 ecdsab256.pub)
run --db "$db" access set c --role editor --file "$ak"
expect 0 "" "access set gives an official another role"
grep -q -- "--ssh-user c --ssh-role editor --ssh-lang ja --ssh-key $(ssh-keygen -lf ecdsab256.pub | cut -d' ' -f2)\",restrict,pty ecdsa-sha2-nistp256 $key_c kpitree:c$" "$ak" &&
	[ "$(grep -c "kpitree:c$" "$ak")" = 1 ]
ok $? "on its line, the key kept"
run --db "$db" access set nobody --role viewer --file "$ak"
expect 1 "kpitree: $ak: no key of 'nobody'" "access set of an official without a key fails"
# access disable and enable: the line kept, as a comment sshd ignores.
cp "$ak" keys.before
run --db "$db" access disable c --file "$ak"
expect 0 "" "access disable"
grep -q "^#kpitree-disabled command=.*kpitree:c$" "$ak" && "$KPITREE" --db "$db" access list --file "$ak" | grep -q "^c  *editor  .*  disabled$"
ok $? "turns the line into a comment that access list shows as disabled"
run --db "$db" access enable c --file "$ak"
expect 0 "" "access enable"
cmp -s keys.before "$ak"; ok $? "gives the line back as it was"
# access add --expires: sshd's expiry-time, from the next day on.
ssh-keygen -q -t ed25519 -N '' -f temp || exit 1
next=$(($(date +%Y) + 1))	# a year still to come, whenever the test runs
run --db "$db" access add temp temp.pub --role viewer --expires $next-03-31 --file "$ak"
expect 0 "" "access add --expires"
grep -q "\",restrict,pty,expiry-time=\"${next}0401\" ssh-ed25519 .* kpitree:temp$" "$ak"
ok $? "writes sshd's expiry-time for the start of the next day"
run --db "$db" access add temp2 r2.pub --role viewer --expires 2027-02-30 --file "$ak"
expect 1 "kpitree: --expires: '2027-02-30' is not a date like 2027-03-31" "a day that does not exist is refused"
run --db "$db" access add temp2 r2.pub --role admin --expires 2020-01-01 --file "$ak"
expect 1 "kpitree: --expires: 2020-01-01 is past: the key could never log in" "a day already over is refused"
# The last admin, through a forced command.
"$KPITREE" --db "$db" access add boss rsab2048.pub --role admin --file "$ak" >/dev/null || exit 1
run --db "$db" --ssh-user boss --ssh-role admin --ssh-lang en access remove boss --file "$ak"
expect 1 "kpitree: not permitted: boss is the last admin of $(readlink -f "$db"); add another first" \
	"the last admin cannot remove itself over SSH"
grep -q "kpitree:boss$" "$ak"; ok $? "and keeps its key"
finish
