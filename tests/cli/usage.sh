#!/bin/sh
# usage.sh: the real binary's exit statuses and stderr lines for usage
# errors, a missing database, and --help and --version.
. "$srcdir/tests/cli/lib.sh"
plan 10

run --version
expect 0 "" "--version exits 0"
grep -q '^kpitree [0-9]' "$work/out"; ok $? "--version prints the version"

run --help
grep -q '^Usage: kpitree \[--db FILE\]' "$work/out"; ok $? "--help prints the usage"

run nonsense
expect 2 "kpitree: no command 'nonsense'
Try 'kpitree --help'." "an unknown command exits 2"

run --db "$work/none.db" show H01
expect 1 "kpitree: $work/none.db: no such database; create it with: kpitree --db $work/none.db init" \
	"a missing --db names the init command"

KPITREE_DB="$work/env.db" "$KPITREE" show H01 >/dev/null 2>"$work/err"
status=$?
expect 1 "kpitree: $work/env.db: no such database; create it with: kpitree --db $work/env.db init" \
	"a missing KPITREE_DB is not created either"

run check
[ "$status" -eq 0 ] && [ -f "$XDG_DATA_HOME/kpitree/kpitree.db" ]
ok $? "the default database is created on first use"
"$KPITREE" --db "$work/t.db" init --empty >/dev/null
TERM=nosuchterm "$KPITREE" --db "$work/t.db" >/dev/null 2>"$work/err" </dev/null
status=$?
expect 1 "kpitree: cannot use the terminal (TERM=nosuchterm); the browser needs one, the other commands do not" \
	"the browser on an unknown terminal says so and exits 1"
# LANGUAGE=ja with no LANG (a locally set preference): Japanese messages,
# though gettext ignores LANGUAGE under the C locale; LC_ALL=C keeps C.
want=$(TEXTDOMAINDIR="$(dirname "$KPITREE")/locale" LANGUAGE= LC_ALL=ja_JP.UTF-8 gettext -d kpitree -- \
	"%s: no such database; create it with: kpitree --db %s init")
env -u LANG -u LC_ALL -u LC_MESSAGES LANGUAGE=ja "$KPITREE" --db "$work/none.db" show H01 2>"$work/err"
status=$?
# shellcheck disable=SC2059 # the format is the catalogue's
expect 1 "kpitree: $(printf "$want" "$work/none.db" "$work/none.db")" "LANGUAGE=ja without LANG gives Japanese messages"
env -u LANG LC_ALL=C LANGUAGE=ja "$KPITREE" --db "$work/none.db" show H01 2>"$work/err"
status=$?
expect 1 "kpitree: $work/none.db: no such database; create it with: kpitree --db $work/none.db init" "LC_ALL=C keeps English"
finish
