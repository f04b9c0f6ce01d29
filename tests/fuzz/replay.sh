#!/bin/sh
# replay.sh: every fuzz target (tests/fuzz/fuzz_*.c) over its seeds and
# over every crash the fuzzers ever found (tests/fuzz/crashes/), built
# without libFuzzer, so that make check keeps each found crash fixed.
set -u
: "${srcdir:=.}"
f="$srcdir/tests/fuzz"
targets=$(cd "$f" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
echo "1..$(echo $targets | wc -w)"
n=0
failed=0
for t in $targets; do
	n=$((n + 1))
	set --
	[ -d "$f/crashes/$t" ] && set -- "$@" "$f/crashes/$t"
	[ -d "$f/seeds/$t" ] && set -- "$@" "$f/seeds/$t"
	case $t in
	csv|import) set -- "$@" "$srcdir/data/strategy.csv" "$srcdir/data/projects.csv" \
		"$srcdir/data/values.csv" "$srcdir/tests/fixtures" ;;
	esac
	if [ -x "./tests/fuzz/replay_$t" ] && "./tests/fuzz/replay_$t" "$@" >/dev/null; then
		echo "ok $n - fuzz target $t replays its seeds and past crashes"
	else
		echo "not ok $n - fuzz target $t replays its seeds and past crashes"
		failed=1
	fi
done
exit $failed
