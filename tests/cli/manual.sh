#!/bin/sh
# manual.sh: both manual pages (English and Japanese) render without a
# warning, and name every command and option that --help lists.
. "$srcdir/tests/cli/lib.sh"
plan 6
for page in "$srcdir/man/kpitree.1" "$srcdir/man/ja/kpitree.1"; do
	LANG=C.UTF-8 groff -k -man -Tutf8 -ww "$page" >"$work/page" 2>"$work/warn"
	[ $? -eq 0 ] && [ ! -s "$work/warn" ]
	ok $? "$(basename "$(dirname "$page")")/kpitree.1 renders without a warning"
	sed 's/^/# /' "$work/warn" | head -5
done

LANG=C.UTF-8 "$KPITREE" --help >"$work/help"
# the commands: the first word of each line indented by two spaces, up to Options
commands=$(sed -n '/^Commands:/,/^Options:/p' "$work/help" | sed -n 's/^  \([a-z][a-z]*\).*/\1/p' | sort -u)
options=$(grep -o -- '--[a-z][a-z-]*' "$work/help" | sort -u)
for page in "$srcdir/man/kpitree.1" "$srcdir/man/ja/kpitree.1"; do
	missing=""
	for c in $commands; do
		grep -q "^\.B[IR]* *\"*$c\b\|^\\\\fB$c\\\\fR" "$page" || missing="$missing $c"
	done
	[ -z "$missing" ]
	ok $? "$(basename "$(dirname "$page")")/kpitree.1 has every command of --help"
	[ -n "$missing" ] && echo "# missing:$missing"
	missing=""
	for o in $options; do
		grep -q -- "$(printf '%s' "$o" | sed 's/-/\\\\-/g')" "$page" || missing="$missing $o"
	done
	[ -z "$missing" ]
	ok $? "$(basename "$(dirname "$page")")/kpitree.1 has every option of --help"
	[ -n "$missing" ] && echo "# missing:$missing"
done
exit $tap_failed
