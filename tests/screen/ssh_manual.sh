#!/bin/sh
# ssh_manual.sh: the manual's SSH set-up, followed literally: Debian's
# default sshd_config (a copy, its Include pointed at this test's folder,
# on a private port with its own host key) and the manual's Match block,
# read from man/kpitree.1 itself; the account's database and keys made
# as the manual says. Then only the keys kpitree wrote get in, and only
# as kpitree: no authorized_keys2, no password, no forwarding, no rc,
# and a client's LANG passes but not its LC_*. Needs root (sshd with
# PAM, as Debian runs it).
. "$srcdir/tests/screen/root.sh"
. "$srcdir/tests/screen/lib.sh"
. "$srcdir/tests/screen/sshd.sh"
if [ "$(id -u)" -ne 0 ] || [ ! -f /etc/ssh/sshd_config ]; then
	echo "1..0 # SKIP needs root and Debian's /etc/ssh/sshd_config"
	exit 0
fi
svc_home="$work/svc"
ssh_service_account kpitree-m
trap 'stop_sshd; remove_service_account; rm -rf "$work"' EXIT
plan 9

# Step 2: the database, as the account.
ssh_service_home || exit 1
rm -f "$ak"
# Step 3: the manual's Match block, for this test's account.
mkdir -p "$work/sshd_config.d"
sed -n '/^Match User kpitree$/,/^\.EE$/p' "$srcdir/man/kpitree.1" | sed '$d' |
	sed -e 's/\\-/-/g' -e "s/^Match User kpitree\$/Match User $svc/" >"$work/sshd_config.d/kpitree.conf"
# The test's own server first (the first value of a keyword wins), then
# Debian's default, its Include pointed here.
sshd_config_text() {
	sshd_config_own
	sed "s|^Include /etc/ssh/sshd_config.d/\\*.conf\$|Include $work/sshd_config.d/*.conf|" /etc/ssh/sshd_config
}
start_sshd
ok $? "sshd runs Debian's configuration with the manual's Match block"
[ -f "$work/sshd.pid" ] || { sed 's/^/# /' "$work/sshd.log"; finish; }
"$sshd_bin" -t -f "$work/sshd_config"; ok $? "sshd -t accepts it"

# Step 4: the officials' keys, as the account, on standard input.
for who in admin stranger; do
	ssh-keygen -q -t ed25519 -N '' -f "$work/$who" || exit 1
done
as_svc "$KPITREE" --db "$db" access add suzuki - --role admin <"$work/admin.pub" >/dev/null
ok $? "access add as the account writes its own authorized_keys"
ssh_as admin due >"$work/out" 2>"$work/err"
ok $? "the official gets in, as kpitree"
sed 's/^/# /' "$work/err" | head -3

# A key that is not kpitree's, in authorized_keys2, with no forced command.
cat "$work/stranger.pub" >"$svc_home/.ssh/authorized_keys2"
chown "$svc" "$svc_home/.ssh/authorized_keys2"
ssh_as stranger id >"$work/out" 2>"$work/err"
[ $? -eq 255 ] && ! grep -q "uid=" "$work/out"
ok $? "a key in authorized_keys2 does not get in"
# shellcheck disable=SC2086
ssh $ssh_opts -o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive \
	"$svc@127.0.0.1" true >"$work/out" 2>"$work/err"
[ $? -eq 255 ] && grep -q "Permission denied (publickey)" "$work/err"
ok $? "no password is asked for"
# shellcheck disable=SC2086
ssh $ssh_opts -i "$work/admin" -W "127.0.0.1:$port" "$svc@127.0.0.1" </dev/null >"$work/out" 2>"$work/err"
! grep -q "^SSH-2.0" "$work/out"
ok $? "no forwarding (ssh -W to the server itself)"
printf 'touch %s/rc-ran\n' "$work" >"$svc_home/.ssh/rc"
ssh_as admin due >/dev/null 2>&1
[ ! -e "$work/rc-ran" ]; ok $? "~/.ssh/rc does not run"
# shellcheck disable=SC2086
LANG=ja_JP.UTF-8 LC_ALL=C ssh $ssh_opts -o SendEnv=LC_ALL -i "$work/admin" "$svc@127.0.0.1" -- show H01 \
	>"$work/out" 2>"$work/err"
grep -q "^基準値 " "$work/out"
ok $? "the client's LANG (ja_JP.UTF-8) passes, its LC_ALL does not"
finish
