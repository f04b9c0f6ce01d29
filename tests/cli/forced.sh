#!/bin/sh
# forced.sh: what a key's forced command (--ssh-user, as sshd runs it)
# binds, checked without sshd (tests/screen/ssh_secure.sh does it over a
# real one): an import's history names the official, never a file's
# entered_by, which is kept beside as what the file said; the account's
# own local import keeps the file's names.
. "$srcdir/tests/cli/lib.sh"
plan 7
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null || exit 1
as_admin() { "$KPITREE" --db "$db" --ssh-user yamada --ssh-role admin --ssh-lang en "$@"; }

cat >"$work/forged.csv" <<'CSV'
code,fiscal_year,kind,value,note,entered_by,entered_at
H01,2025,actual,7,,tanaka,2025-06-01T00:00:00Z
H02,2025,actual,8,,sato,
H03,2025,actual,9,,,
CSV
as_admin import "$work/forged.csv" >"$work/out" 2>"$work/err"
status=$?
[ $status -eq 0 ] && [ ! -s "$work/err" ]; ok $? "an admin's import through a forced command is done"
"$KPITREE" --db "$db" history H01 | tail -1 >"$work/h01"
"$KPITREE" --db "$db" history H02 | tail -1 >"$work/h02"
"$KPITREE" --db "$db" history H03 | tail -1 >"$work/h03"
grep -q "  yamada  R7 (2025) actual  - -> 7  (import; the file said tanaka)$" "$work/h01" &&
	grep -q "  yamada  R7 (2025) actual  - -> 8  (import; the file said sato)$" "$work/h02"
ok $? "the history's who is the official; the file's entered_by is shown as what the file said"
grep -q "  yamada  R7 (2025) actual  - -> 9  (import)$" "$work/h03"
ok $? "a row without entered_by is the official's, with nothing said beside"
! "$KPITREE" --db "$db" history H01 | grep -q "  tanaka  "
ok $? "the name in the file is never the history's who"
"$KPITREE" --db "$db" export actuals | grep "^H0[12],2025," | cut -d, -f6 | sort -u | grep -qx yamada
ok $? "the values are entered by the official too"
"$KPITREE" --db "$db" check >/dev/null; ok $? "check finds nothing wrong"

# The account's own use, restoring a database from its exports, keeps
# the file's names.
"$KPITREE" --db "$work/local.db" init --empty >/dev/null &&
	"$KPITREE" --db "$work/local.db" import "$srcdir/data/strategy.csv" "$work/forged.csv" >/dev/null &&
	"$KPITREE" --db "$work/local.db" history H01 | tail -1 | grep -q "  tanaka  R7 (2025) actual  - -> 7  (import)$"
ok $? "a local import (no forced command) keeps the file's entered_by as who"
finish
