#!/bin/sh
# deb.sh: make deb builds a package that lintian passes; installed into a
# fresh Debian made by debootstrap in a folder, it runs, makes the service
# account and its 0700 folder, whose database the account makes with
# init; its sshd drop-in is disabled until the documented command enables
# it; removing it keeps the database, purging says what it deletes and
# deletes it. Root: debootstrap, chroot.
. "$srcdir/tests/screen/root.sh"
. "$srcdir/tests/cli/lib.sh"
if [ "$(id -u)" -ne 0 ]; then
	echo "1..0 # SKIP a Debian root in a folder (debootstrap, chroot) needs root or sudo"
	exit 0
fi
plan 14
# the make that runs the tests hands down its job server and flags
unset MAKEFLAGS MFLAGS MAKELEVEL
builddir=$(pwd)
# ok_or_show STATUS DESCRIPTION FILE: ok, and FILE's end when it failed
ok_or_show() {
	ok "$1" "$2"
	[ "$1" -eq 0 ] || tail -20 "$3" | sed 's/^/# /'
}
root="$work/root"

# Built as make deb builds it, in the work folder.
make -s -C "$builddir" deb DEB_DIR="$work/deb-build" DEB_OUT="$work" >"$work/build.log" 2>&1
deb=$(ls "$work"/kpitree_*_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] && [ -f "$deb" ]
ok_or_show $? "make deb builds the package" "$work/build.log"
lintian --fail-on error,warning "$deb" >"$work/lintian.out" 2>&1
ok_or_show $? "lintian passes it (no error, no warning)" "$work/lintian.out"
dpkg-deb -c "$deb" | awk '{ print $NF }' >"$work/contents"
for f in ./usr/bin/kpitree ./usr/share/man/man1/kpitree.1.gz ./usr/share/man/ja/man1/kpitree.1.gz \
	./usr/share/locale/ja/LC_MESSAGES/kpitree.mo ./etc/ssh/sshd_config.d/kpitree.conf; do
	grep -qx "$f" "$work/contents" || { echo "# missing: $f"; false; }
done
ok $? "it holds the program, both manual pages, the Japanese catalogue and the sshd drop-in"

# A fresh Debian with what the package depends on (from the package's own
# Depends line), nothing of this machine's.
deps=$(dpkg-deb -f "$deb" Depends | sed 's/([^)]*)//g; s/[ ]//g; s/|[^,]*//g')
debootstrap --variant=minbase --cache-dir=/var/cache/apt/archives --include="$deps" \
	bookworm "$root" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1
ok_or_show $? "debootstrap makes a fresh Debian 12 in a folder" "$work/debootstrap.log"
cp "$deb" "$root/tmp/kpitree.deb"
# an administrator made the folder before, root's (0755)
mkdir -p "$root/var/lib/kpitree"
chroot "$root" dpkg -i /tmp/kpitree.deb >"$work/install.log" 2>&1 &&
	[ "$(chroot "$root" kpitree --version)" = "kpitree $(dpkg-deb -f "$deb" Version)" ]
ok_or_show $? "the package installs there and kpitree --version runs" "$work/install.log"
[ "$(chroot "$root" getent passwd kpitree | cut -d: -f6,7)" = /var/lib/kpitree:/bin/sh ] &&
	[ "$(chroot "$root" stat -c '%a %U' /var/lib/kpitree)" = "700 kpitree" ] &&
	[ "$(chroot "$root" getent shadow kpitree | cut -d: -f2)" = "*" ]
ok $? "it made the service account (a shell, no password) and /var/lib/kpitree, 0700, its own, though root made the folder first"
chroot "$root" runuser -u kpitree -- kpitree --db /var/lib/kpitree/kpitree.db init >"$work/out" 2>&1 &&
	[ "$(chroot "$root" stat -c '%a %U' /var/lib/kpitree/kpitree.db)" = "600 kpitree" ]
ok_or_show $? "kpitree init as the account makes its database there, 0600" "$work/out"
chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=ja_JP.UTF-8 runuser -u kpitree -- kpitree --db /var/lib/kpitree/kpitree.db \
	show H01 >"$work/out" 2>&1 && grep -q "^令和7年度 " "$work/out" && grep -q "^基準値 " "$work/out"
ok_or_show $? "and shows it in Japanese under LANG=ja_JP.UTF-8, which that Debian has not generated" "$work/out"

# The drop-in: nothing active until the one command its header gives.
conf="$root/etc/ssh/sshd_config.d/kpitree.conf"
[ -z "$(grep -v '^#' "$conf")" ] && grep -q '^#: Match User kpitree$' "$conf"
ok $? "the sshd drop-in is installed disabled: every line a comment"
enable=$(sed -n 's/^#   \(sed .*kpitree\.conf\) && systemctl reload ssh$/\1/p' "$conf")
ssh-keygen -q -t ed25519 -N "" -f "$work/host_key"
printf 'HostKey %s\nInclude %s\n' "$work/host_key" "$conf" >"$work/sshd_config"
sshd=$(command -v sshd || echo /usr/sbin/sshd)
"$sshd" -T -C user=kpitree,host=h,addr=127.0.0.1 -f "$work/sshd_config" >"$work/before" 2>&1
[ -n "$enable" ] && grep -qx "passwordauthentication yes" "$work/before" &&
	(cd "$root" && eval "$(echo "$enable" | sed 's| /etc/| etc/|')") &&
	"$sshd" -t -f "$work/sshd_config" &&
	"$sshd" -T -C user=kpitree,host=h,addr=127.0.0.1 -f "$work/sshd_config" >"$work/after" 2>&1 &&
	grep -qx "passwordauthentication no" "$work/after" && grep -qx "authenticationmethods publickey" "$work/after" &&
	grep -qx "disableforwarding yes" "$work/after" &&
	"$sshd" -T -C user=someone,host=h,addr=127.0.0.1 -f "$work/sshd_config" | grep -qx "passwordauthentication yes"
ok_or_show $? "its documented command enables it: sshd takes it, keys only for the account alone" "$work/after"

# Removing keeps the database; purging says what it deletes, and does.
chroot "$root" dpkg -r kpitree >"$work/remove.log" 2>&1 && [ ! -e "$root/usr/bin/kpitree" ] &&
	[ -f "$root/var/lib/kpitree/kpitree.db" ]
ok_or_show $? "removing the package keeps the database" "$work/remove.log"
chroot "$root" dpkg -P kpitree >"$work/purge.log" 2>&1
[ $? -eq 0 ] && grep -q "^kpitree: purging deletes /var/lib/kpitree: the database" "$work/purge.log"
ok_or_show $? "purging says what it deletes" "$work/purge.log"
[ ! -e "$root/var/lib/kpitree" ] && [ ! -e "$conf" ]
ok $? "and deletes it, with the drop-in"
[ -z "$(find "$root/etc/systemd" "$root/etc/init.d" -newer "$root/tmp/kpitree.deb" 2>/dev/null)" ]
ok $? "no service was added or enabled"
rm -rf "$root"
[ "$tap_failed" -eq 0 ]
