# root.sh: sourced first by the tests that need root (an sshd that hands
# a terminal to another account, mknod, a mount namespace): run as a user
# with sudo that needs no
# password, the test runs itself again as root, with root's sbin folders
# on PATH (useradd, sshd), so that nothing is skipped.
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	exec sudo -n env PATH="/usr/local/sbin:/usr/sbin:/sbin:$PATH" srcdir="${srcdir:-.}" \
		KPITREE="${KPITREE:-$(pwd)/kpitree}" SQLITE3="${SQLITE3:-sqlite3}" TMPDIR="${TMPDIR:-/tmp}" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" sh "$0"
fi
