#!/bin/sh
# status.sh: "no data" only when there is none. The bundled Sapporo
# projects hold actuals without a plan (SP1-1, SP1-2, SP3-1, SP3-2) and a
# plan of 0 met by an actual of 0 (SP2-2 R2): show, the report and its
# counts tell them from the KPIs that have no actual.
. "$srcdir/tests/cli/lib.sh"
plan 9
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null
unset LANGUAGE LC_ALL LC_MESSAGES KPITREE_LANG
export LANG=C.UTF-8

run --db "$db" show SP1-1
grep -q '^R2 (2020)  *-  *6  *-  actual only$' "$work/out"
ok $? "show: SP1-1's actual without a plan is 'actual only'"
! grep -q 'no data' "$work/out"
ok $? "and nowhere 'no data' beside its actuals"
grep -q '^proposed rank: none (actual only)$' "$work/out"
ok $? "no rank is proposed for it, and show says why"

run --db "$db" show SP2-2
grep -q '^R2 (2020)  *0  *0  *-  achieved$' "$work/out"
ok $? "show: SP2-2 R2, plan 0 and actual 0, meets its plan, with no rate"

LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" show SP3-2 >"$work/out"
grep -q '^令和4年度  *-  *257  *-  実績のみ$' "$work/out"
ok $? "show in Japanese: 実績のみ"

run --db "$db" export report --year R4 --format csv
"$SQLITE3" -csv :memory: ".import --csv $work/out r" \
	"SELECT code, status, proposed_rank FROM r WHERE code IN ('SP1-1', 'SP2-2', 'SP3-2', 'SP5-1') ORDER BY code" >"$work/got"
printf 'SP1-1,"actual only",""\nSP2-2,achieved,A\nSP3-2,"actual only",""\nSP5-1,"no data",""\n' | cmp -s - "$work/got"
ok $? "the CSV report: actual only, achieved, no data where there is none"

run --db "$db" export report --year R4
grep -q '^| actual only | 4 |$' "$work/out"
ok $? "the report counts SP1-1, SP1-2, SP3-1 and SP3-2 as actual only"
grep -q '^| no data | 22 |$' "$work/out"
ok $? "and not as no data (the 19 strategy KPIs and SP5's three are)"

run --db "$db" export report --year R2 --format csv
"$SQLITE3" -csv :memory: ".import --csv $work/out r" \
	"SELECT status FROM r WHERE code = 'SP2-2'" >"$work/got"
[ "$(cat "$work/got")" = achieved ]
ok $? "SP2-2 at R2 (0 of a plan of 0) is achieved in the report"
finish
