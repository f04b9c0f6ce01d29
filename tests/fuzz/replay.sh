#!/bin/sh
# replay.sh: every fuzz target over its seeds and over every crash the
# fuzzers ever found (tests/fuzz/crashes/), built without libFuzzer, so
# that make check keeps each found crash fixed.
set -u
: "${srcdir:=.}"
f="$srcdir/tests/fuzz"
echo "1..4"
n=0
failed=0
replay() {
	name=$1
	shift
	n=$((n + 1))
	if "./tests/fuzz/replay_$name" "$@" >/dev/null; then
		echo "ok $n - fuzz target $name replays its seeds and past crashes"
	else
		echo "not ok $n - fuzz target $name replays its seeds and past crashes"
		failed=1
	fi
}
replay csv "$srcdir/data/strategy.csv" "$srcdir/data/projects.csv" "$srcdir/data/values.csv" \
	"$srcdir/tests/fixtures" "$f/crashes/csv"
replay kpi_text "$f/seeds/kpi_text" "$f/crashes/kpi_text"
replay fiscal_year "$f/seeds/fiscal_year" "$f/crashes/fiscal_year"
replay number "$f/seeds/number" "$f/crashes/number"
exit $failed
