#!/bin/sh
# run.sh: make fuzz. Builds each parser's target with clang's libFuzzer
# under AddressSanitizer and UndefinedBehaviorSanitizer and runs it for
# FUZZ_SECONDS (60), seeded with the bundled data, the test fixtures and
# the seeds here. A crash is written into tests/fuzz/crashes/TARGET/, where
# make check replays it from then on: commit it with its fix.
set -u
: "${srcdir:=.}"
: "${FUZZ_CC:=clang}"
: "${FUZZ_SECONDS:=60}"
: "${CSV_LIBS:=-lcsv}"
: "${FUZZ_TARGETS:=csv kpi_text fiscal_year number}"
src="$srcdir/src"
f="$srcdir/tests/fuzz"
work=$(mktemp -d "${TMPDIR:-/tmp}/kpitree-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
flags="-std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
flags="$flags -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I$src"
common="$src/error.c $src/number.c $src/fiscal_year.c"
crashed=0
for t in $FUZZ_TARGETS; do
	case $t in
	csv) sources="$common $src/encoding.c $src/csv_read.c"; libs="$CSV_LIBS" ;;
	kpi_text) sources="$common $src/kpi_text.c"; libs="" ;;
	*) sources="$common"; libs="" ;;
	esac
	# shellcheck disable=SC2086
	if ! $FUZZ_CC $flags -o "$work/fuzz_$t" "$f/fuzz_$t.c" $sources $libs -lm; then
		echo "fuzz: cannot build $t with $FUZZ_CC (Debian: apt-get install clang libclang-rt-dev)" >&2
		exit 1
	fi
	mkdir -p "$work/corpus_$t" "$f/crashes/$t"
	case $t in
	csv) seeds="$srcdir/data $srcdir/tests/fixtures" ;;
	*) seeds="$f/seeds/$t" ;;
	esac
	echo "== fuzz $t for $FUZZ_SECONDS s"
	# shellcheck disable=SC2086
	if "$work/fuzz_$t" -max_total_time="$FUZZ_SECONDS" -max_len=65536 -timeout=10 \
		-rss_limit_mb=1024 -artifact_prefix="$f/crashes/$t/" -print_final_stats=1 \
		"$work/corpus_$t" $seeds 2>"$work/log_$t"; then
		grep -E '^stat::number_of_executed_units|^Done' "$work/log_$t" | sed "s/^/$t: /"
	else
		crashed=1
		tail -30 "$work/log_$t"
		echo "fuzz: $t crashed; the input is in $f/crashes/$t/" >&2
	fi
done
exit $crashed
