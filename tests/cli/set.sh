#!/bin/sh
# set.sh: set, show and history through the real binary; a failing set
# writes nothing; eight processes setting 200 values each at once all land.
. "$srcdir/tests/cli/lib.sh"
plan 20
db="$work/k.db"
fixture "$db"; ok $? "the fixture loads"

run --db "$db" set H01 令和７年度 １２ --note 速報値
expect 0 "" "set takes full-width digits and a Japanese note"
run --db "$db" show H01
grep -q '^R7 (2025)           -         12       57%  behind$' "$work/out"
ok $? "show states the actual, 57% and behind"
run --db "$db" history H01
grep -q ' tester  R7 (2025) actual  - -> 12  (set)$' "$work/out"
ok $? "history names who set it"

# show takes a code as an official types it, as search and :goto do, in
# either language: h01, Ｈ０１, ①, H001 are H01.
forms=0
for lang in C.UTF-8 ja_JP.UTF-8; do
	LANG=$lang "$KPITREE" --db "$db" show H01 >"$work/want"
	for code in h01 Ｈ０１ ① H001 h1; do
		LANG=$lang "$KPITREE" --db "$db" show "$code" >"$work/out" 2>"$work/err" &&
			cmp -s "$work/want" "$work/out" || { forms=1; echo "# $lang: show $code"; }
	done
done
ok $forms "show h01, Ｈ０１, ①, H001 and h1 show H01, in English and in Japanese"


before=$("$SQLITE3" "$db" "SELECT count(*) FROM history")
run --db "$db" set H01 R7 abc
expect 1 "kpitree: value: not a number: 'abc'" "a bad number is refused"
run --db "$db" set H01 R7 15 --expect 10
# the time as the official's clock shows it, not the store's UTC
entered=$(date -d "$("$SQLITE3" "$db" "SELECT entered_at FROM value WHERE kpi_id = 1")" '+%Y-%m-%d %H:%M:%S')
expect 1 "kpitree: H01 R7 (2025): the stored actual is 12 (entered by tester at $entered), not 10 as expected" \
	"a stale --expect is refused, its time in local time"
after=$("$SQLITE3" "$db" "SELECT count(*) || ' ' || (SELECT value FROM value WHERE kpi_id = 1) FROM history")
[ "$after" = "$before 12.0" ]; ok $? "refused sets wrote nothing"

# history writes each value as written, as show does: 12.50, 13.0; by
# set and by an import alike, in either language.
run --db "$db" set H01 R7 12.50
run --db "$db" set H01 R7 13.0
printf 'code,fiscal_year,kind,value\nH01,2025,actual,14.250\n' >"$work/dec.csv"
run --db "$db" import "$work/dec.csv"
run --db "$db" history H01
grep -q ' tester  R7 (2025) actual  12 -> 12.50  (set)$' "$work/out" &&
	grep -q ' tester  R7 (2025) actual  12.50 -> 13.0  (set)$' "$work/out" &&
	grep -q ' tester  R7 (2025) actual  13.0 -> 14.250  (import)$' "$work/out" &&
	LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" history H01 | grep -q ' tester  令和7年度 実績  13.0 -> 14.250  (取り込み)$'
ok $? "history writes values as written (12.50, 13.0, 14.250), set or imported, in English and Japanese"

# Eight officials, 200 different values each, all at the same moment.
# Their KPIs' windows of years (baseline to target) hold 2000 to 2199.
wide_kpis "$db" C 8 || exit 1
for p in 1 2 3 4 5 6 7 8; do
	(
		y=2000
		while [ $y -lt 2200 ]; do
			"$KPITREE" --db "$db" --user "p$p" set "C$p" $y $((y + p)) >/dev/null 2>>"$work/errors" ||
				echo "process $p year $y failed" >>"$work/errors"
			y=$((y + 1))
		done
	) &
done
wait
[ ! -s "$work/errors" ]; ok $? "none of eight concurrent writers saw an error"
counts=$("$SQLITE3" "$db" "SELECT (SELECT count(*) FROM value WHERE kpi_id IN (SELECT id FROM kpi WHERE code LIKE 'C%')) || ' ' ||
  (SELECT count(*) FROM history WHERE kpi_id IN (SELECT id FROM kpi WHERE code LIKE 'C%'))")
[ "$counts" = "1600 1600" ]; ok $? "all 1,600 values and 1,600 history rows are stored ($counts)"
# set keeps the stored note without --note, and clears it with --note -;
# a note of 9 KB is stored whole, and setting it again changes nothing.
long=$(printf '見込み%.0s' $(seq 1000))
run --db "$db" set H01 R7 11 --note "$long"
run --db "$db" set H01 R7 11 --note "$long"
[ "$status" -eq 0 ] && grep -q "(unchanged)" "$work/out"
ok $? "a 9 KB note set twice is unchanged the second time"
"$KPITREE" --db "$db" show H01 | grep -qxF "note R7 (2025) actual: $long"
ok $? "show prints the note whole"
run --db "$db" set H01 R7 10
[ "$("$SQLITE3" "$db" "SELECT note FROM value WHERE kpi_id = 1 AND fiscal_year = 2025 AND kind = 'actual'")" = "$long" ]
ok $? "set without --note keeps the stored note, whole"
run --db "$db" set H01 R7 9 --note -
[ "$("$SQLITE3" "$db" "SELECT note FROM value WHERE kpi_id = 1 AND fiscal_year = 2025 AND kind = 'actual'")" = "" ] &&
	[ "$("$SQLITE3" "$db" "SELECT old_note FROM history WHERE kpi_id = 1 ORDER BY id DESC LIMIT 1")" = "$long" ]
ok $? "--note - clears it, and the history keeps the old note whole"

# A note that is not UTF-8 (a terminal set to Shift_JIS), or longer than
# a CSV cell holds, is refused: nothing is stored that an export could
# not give back.
before=$("$SQLITE3" "$db" "SELECT count(*) FROM history")
run --db "$db" set H01 R7 8 --note "$(printf 'bad\377\376 bytes')"
expect 1 "kpitree: H01 R7 (2025): note: not UTF-8 (is the terminal set to UTF-8?)" "a note that is not UTF-8 is refused"
run --db "$db" set H01 R7 8 --note "$(printf '%065537d' 0)"
expect 1 "kpitree: H01 R7 (2025): note: longer than 65536 bytes" "a note longer than a CSV cell is refused"
[ "$("$SQLITE3" "$db" "SELECT count(*) FROM history")" = "$before" ]
ok $? "and neither wrote anything"

# A set killed with SIGKILL mid-write, 20 times: the database passes
# check, and each value is the old one or the new one, with its history.
fixture "$work/k2.db" && "$KPITREE" --db "$work/k2.db" set H01 R7 12 >/dev/null &&
	"$KPITREE" --db "$work/k2.db" backup "$work/base.db"
bad=0
before=0
i=0
while [ $i -lt 20 ]; do
	kill_during "0.00$(( (i * 7) % 10 ))" --user killer set H01 R7 $((100 + i)) --force
	got=$("$SQLITE3" "$work/kill.db" "SELECT value || '/' || (SELECT count(*) FROM history WHERE changed_by = 'killer') FROM value WHERE kpi_id = 1 AND fiscal_year = 2025 AND kind = 'actual'")
	case "$got" in
	12.0/0) before=$((before + 1)) ;;
	"$((100 + i)).0/1") ;;
	*) bad=1; echo "# after kill $i: $got" ;;
	esac
	i=$((i + 1))
done
# show lists every year from the baseline's to the target's end: H17's
# baseline is an average over H30～R4 (its period, no row of its own), its
# target a sum over R7～R11, each of whose years is in view.
"$KPITREE" --db "$work/bundled.db" init >/dev/null
"$KPITREE" --db "$work/bundled.db" show H17 | sed -n 's/^\(R[0-9]*\) (20[0-9][0-9]) .*/\1/p' | tr '\n' ' ' >"$work/years"
[ "$(cat "$work/years")" = "R5 R6 R7 R8 R9 R10 R11 " ]
ok $? "show lists every year from the baseline's to the target's end" || cat "$work/years"
echo "# $before of 20 kills landed before the commit"
ok $bad "20 sets killed with SIGKILL: check passes, each value old or new with its history"
finish
