#!/bin/sh
# build.sh: every libFuzzer target builds with clang and libFuzzer, as
# make fuzz builds it (run.sh), here without sanitizers and not run, so
# that no target stops building unseen. One test per target.
set -u
: "${srcdir:=.}"
f="$srcdir/tests/fuzz"
targets=$(cd "$f" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
log=$(mktemp "${TMPDIR:-/tmp}/kpitree-fuzz-build.XXXXXX")
out=$(mktemp -d "${TMPDIR:-/tmp}/kpitree-fuzz-out.XXXXXX")
trap 'rm -rf "$log" "$out"' EXIT
echo "1..$(echo $targets | wc -w)"
FUZZ_BUILD_ONLY=1 FUZZ_FLAGS="-O0" FUZZ_OUT="$out" srcdir="$srcdir" \
	sh "$f/run.sh" >"$log" 2>&1
status=$?
n=0
for t in $targets; do
	n=$((n + 1))
	if [ -x "$out/fuzz_$t" ]; then
		echo "ok $n - fuzz target $t builds with libFuzzer"
	else
		echo "not ok $n - fuzz target $t builds with libFuzzer"
	fi
done
[ $status -eq 0 ] || sed 's/^/# /' "$log"
exit $status
