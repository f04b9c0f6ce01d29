#!/bin/sh
# run.sh: make fuzz. Builds every libFuzzer target (tests/fuzz/fuzz_*.c)
# with clang under AddressSanitizer and UndefinedBehaviorSanitizer, linked
# with the whole core (every src/*.c, as libkpitree.a is), and runs each
# for FUZZ_SECONDS (60), one after the other, seeded with the bundled
# data, the test fixtures and the seeds here. A crash is written into
# tests/fuzz/crashes/TARGET/, where make check replays it from then on:
# commit it with its fix.
#
# FUZZ_BUILD_ONLY=1 builds without running (make check does, so that no
# target stops building unseen); FUZZ_FLAGS then replaces the sanitizers.
# FUZZ_ONLY names a subset; FUZZ_OUT keeps the binaries there.
set -u
: "${srcdir:=.}"
: "${builddir:=.}"
: "${FUZZ_CC:=clang}"
: "${FUZZ_SECONDS:=60}"
: "${FUZZ_BUILD_ONLY:=}"
: "${FUZZ_FLAGS:=-g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all}"
: "${CORE_LIBS:=-lsqlite3 -lcsv -lxlsxwriter -lzip -lxml2 -lm -lpthread}"
: "${NCURSES_LIBS:=-lncursesw}"
# libxml2's headers are in a folder of their own (/usr/include/libxml2)
: "${LIBXML_CFLAGS:=$(pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)}"
# Absolute: a target may change its working folder (fuzz_cli does).
srcdir=$(cd "$srcdir" && pwd)
builddir=$(cd "$builddir" && pwd)
src="$srcdir/src"
f="$srcdir/tests/fuzz"
if [ -z "${FUZZ_ONLY:-}" ]; then
	FUZZ_ONLY=$(cd "$f" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/kpitree-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
out=${FUZZ_OUT:-$work}
mkdir -p "$out"
flags="-std=c11 $FUZZ_FLAGS -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I$src -I$builddir"
flags="$flags -DLOCALEDIR=\"/nonexistent\" -DBINDIR=\"/nonexistent\" $LIBXML_CFLAGS"

# The core, once: every source of libkpitree.a, and the bundled data.
objects=
for c in "$src"/*.c "$builddir/data/bundled_data.c"; do
	o="$work/core_$(basename "$c" .c).o"
	# shellcheck disable=SC2086
	if ! $FUZZ_CC $flags -fsanitize=fuzzer-no-link -c -o "$o" "$c"; then
		echo "fuzz: cannot compile $c with $FUZZ_CC" >&2
		exit 1
	fi
	objects="$objects $o"
done

crashed=0
for t in $FUZZ_ONLY; do
	extra=
	libs="$CORE_LIBS"
	case $t in
	keys) extra="$srcdir/ui/input.c"; libs="$libs $NCURSES_LIBS" ;;
	# the command line, which lives beside the browser (ui/cli/)
	cli) extra="-I$srcdir/ui -I$srcdir/ui/cli $srcdir/ui/cli/*.c" ;;
	esac
	# shellcheck disable=SC2086
	if ! $FUZZ_CC $flags -fsanitize=fuzzer -o "$out/fuzz_$t" "$f/fuzz_$t.c" $extra $objects $libs; then
		echo "fuzz: cannot build $t with $FUZZ_CC" >&2
		exit 1
	fi
	echo "== built fuzz_$t"
	[ -n "$FUZZ_BUILD_ONLY" ] && continue
	mkdir -p "$work/corpus_$t" "$f/crashes/$t"
	seeds=
	[ -d "$f/seeds/$t" ] && seeds="$f/seeds/$t"
	case $t in
	csv|import) seeds="$seeds $srcdir/data $srcdir/tests/fixtures" ;;
	esac
	echo "== fuzz $t for $FUZZ_SECONDS s"
	# shellcheck disable=SC2086
	if "$out/fuzz_$t" -max_total_time="$FUZZ_SECONDS" -max_len=65536 -timeout=10 \
		-rss_limit_mb=1024 -artifact_prefix="$f/crashes/$t/" -print_final_stats=1 \
		"$work/corpus_$t" $seeds 2>"$work/log_$t"; then
		grep -E '^stat::number_of_executed_units|^Done|cov: ' "$work/log_$t" | tail -3 |
			sed "s/^/$t: /"
	else
		crashed=1
		tail -30 "$work/log_$t"
		echo "fuzz: $t crashed; the input is in $f/crashes/$t/" >&2
	fi
done
exit $crashed
