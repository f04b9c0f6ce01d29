#!/bin/sh
# status.sh: "no data" only when there is none. The bundled Sapporo
# projects hold actuals without a plan (SP1-1, SP1-2, SP3-1, SP3-2) and a
# plan of 0 met by an actual of 0 (SP2-2 R2): show, the report and its
# counts tell them from the KPIs that have no actual. Units and numbers
# as written: every Sapporo KPI shows its unit (人, 件, 社, %); 88.2% is a
# number for a KPI in %; SP4-3's 31.20 and 33.00 keep their decimals in
# a workbook. Structural changes are history: a re-import that changes a
# KPI's target, name or unit records who, when, old and new, and counts
# them in its summary.
. "$srcdir/tests/cli/lib.sh"
plan 50
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

# The report of every KPI judges each at its latest year with an actual,
# as the dashboard does: SP2-2 at R4 (2022), achieved.
run --db "$db" export report --format csv
awk -F, '$4 == "SP2-2" { print $3, $11, $14 }' "$work/out" | grep -qx "2022 2022 achieved"
ok $? "the report judges SP2-2 at its latest actual (2022), achieved, as the dashboard does"
run --db "$db" export report
grep -qx -- "- fiscal year: each KPI at its latest actual" "$work/out"
ok $? "and says so at its top"

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

units=0
for code in SP1-1 SP1-2 SP2-1 SP2-2 SP2-3 SP3-1 SP3-2 SP4-1 SP4-2 SP4-3 SP5-1 SP5-2 SP5-3; do
	"$KPITREE" --db "$db" show "$code" | grep -q '^unit       [人件社%]$' && units=$((units + 1))
done
[ "$units" -eq 13 ]; ok $? "show gives the unit of all 13 Sapporo KPIs ($units)"
run --db "$db" show SP3-2
grep -q '^unit       社$' "$work/out"; ok $? "SP3-2's is 社, as the source writes it"

run --db "$db" set H10 R7 88.2%
expect 0 "" "set takes 88.2% for a KPI in %"
[ "$("$SQLITE3" "$db" "SELECT value FROM value WHERE kpi_id = (SELECT id FROM kpi WHERE code = 'H10') AND fiscal_year = 2025")" = 88.2 ]
ok $? "and stores 88.2"
run --db "$db" set H10 R7 88.3％ --expect 88.2%
expect 0 "" "full-width ％ too, in --expect as well"
run --db "$db" set H01 R7 5%
expect 1 "kpitree: value: not a number: '5%'" "but 5% is no number of people (H01, 人)"

"$KPITREE" --db "$db" export kpis | grep '^H16,' >"$work/h16"
[ "$(cat "$work/h16")" = "H16,16,道産食品輸出額,億円,1511,R5 見込額,1650,R10 以上,up,食関連産業" ]
ok $? "the KPI export keeps H16's 見込額 and 以上"
# Values keep the decimals the source wrote, each its own: 31.20, 32.10
# and 33.00 of SP4-3, beside its actual 30.2, in every export and show.
"$KPITREE" --db "$db" export kpis | grep '^SP4-3,' | cut -d, -f5 >"$work/sp43"
[ "$(cat "$work/sp43")" = 31.20 ]
ok $? "the KPI export writes SP4-3's 当初値 31.20 as the source does"
"$KPITREE" --db "$db" export actuals | grep '^SP4-3,' | cut -d, -f2-4 | tr '\n' ' ' >"$work/sp43"
[ "$(cat "$work/sp43")" = "2022,actual,30.2 2022,plan,32.10 2023,plan,32.60 2024,plan,33.00 " ]
ok $? "the actuals export writes 32.10, 32.60 and 33.00, and 30.2, each as written"
run --db "$db" show SP4-3
grep -q '^R4 (2022)       32.10       30.2 ' "$work/out" && grep -q '^R6 (2024)       33.00 ' "$work/out"
ok $? "show writes them as written too"
"$KPITREE" --db "$db" export report --format md | grep -q '| 33.00 |'
ok $? "and the report in Markdown"
run --db "$db" set SP4-3 R4 30.20
[ "$(cat "$work/out")" = "SP4-3 R4 (2022) actual: 30.20 (unchanged)" ] &&
	"$KPITREE" --db "$db" export actuals | grep -q '^SP4-3,2022,actual,30.20,' &&
	[ "$("$KPITREE" --db "$db" history SP4-3 | grep -c 'R4 (2022) actual')" = 1 ]
ok $? "the same value written 30.20 keeps that form, and is no change in the history"
"$KPITREE" --db "$db" set SP4-3 R5 31.0 >/dev/null
run --db "$db" show SP4-3
grep -q '^R5 (2023)       32.60       31.0 ' "$work/out"
ok $? "a value set as 31.0 is shown 31.0"
"$KPITREE" --db "$db" export kpis -o "$work/k.xlsx"
"$KPITREE" --db "$db" export actuals -o "$work/a.xlsx"
/usr/bin/python3 - "$work/k.xlsx" "$work/a.xlsx" <<'PY'
import sys, openpyxl
def cells(f, col):
    ws = openpyxl.load_workbook(f).active
    return [(r[col].value, r[col].number_format) for r in ws.iter_rows() if r[0].value == 'SP4-3']
k, a = cells(sys.argv[1], 4), cells(sys.argv[2], 3)
ok = k == [(31.2, '#,##0.00')] and (33, '#,##0.00') in a and (32.1, '#,##0.00') in a
print('# kpis', k, 'actuals', a)
sys.exit(0 if ok else 1)
PY
ok $? "the workbooks show SP4-3's 31.20 and 33.00 with their two decimals"

# imports USER FILE SUMMARY TEST: USER imports FILE, which says SUMMARY.
imports() {
	run --db "$db" --user "$1" import "$2"
	[ "$(cat "$work/out")" = "$3" ]
	ok $? "$4"
}
"$KPITREE" --db "$db" export strategy -o "$work/s.csv"
sed -e 's/→ 265作品(R7)/→ 270作品(R7)/' "$work/s.csv" >"$work/s2.csv"
run --db "$db" --user suzuki import "$work/s2.csv"
expect 0 "" "the strategy table with H13's target changed imports"
[ "$(cat "$work/out")" = "imported 29 rows from 1 file; 0 values and 1 KPI field changed" ]
ok $? "its summary counts the changed target"
run --db "$db" history H13
grep -q '^[-0-9]* [0-9:]*  suzuki  target  265 (R7) -> 270 (R7)  (import)$' "$work/out"
ok $? "history H13 shows who changed the target, when, from what to what"
imports suzuki "$work/s2.csv" "imported 29 rows from 1 file; 0 values changed" \
	"the same table again changes nothing"
"$KPITREE" --db "$db" export projects -o "$work/p.csv"
# seed 002's notes on a program, not a project, kept with the program
head -1 "$work/p.csv" | grep -q ',initial_value,program_notes$' &&
	grep -qF '※R3年度地方創生推進交付金については新規採択事業なし。"' "$work/p.csv" &&
	[ "$("$SQLITE3" "$db" "SELECT count(*) FROM grant_program WHERE notes LIKE '※ R4年度制度変更により%'")" = 2 ]
ok $? "each grant program keeps the source's notes on it, and export projects writes them"
sed -e 's/,SP1-1,1,本移住支援事業に基づく移住就業者数,人,/,SP1-1,1,本移住支援事業に基づく移住就業者の数,名,/' "$work/p.csv" >"$work/p2.csv"
imports sato "$work/p2.csv" "imported 13 rows from 1 file; 0 values and 2 KPI fields changed" \
	"a project KPI's name and unit changed: 2 KPI fields, and nothing else (31.20 read back as 31.2 is no change)"
run --db "$db" history SP1-1
grep -q '  sato  name  本移住支援事業に基づく移住就業者数 -> 本移住支援事業に基づく移住就業者の数  (import)$' "$work/out" &&
	grep -q '  sato  unit  人 -> 名  (import)$' "$work/out"
ok $? "history SP1-1 shows both"
LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" history H13 >"$work/out"
grep -q '  suzuki  目標値  265 (R7) -> 270 (R7)  (取り込み)$' "$work/out"
ok $? "in Japanese too"
"$SQLITE3" "$db" "DELETE FROM kpi_history" 2>/dev/null
[ "$("$SQLITE3" "$db" "SELECT count(*) FROM kpi_history")" = 3 ]
ok $? "that history is append-only"
# A content row's grant menus changed by a re-import: recorded in the
# history of its KPIs and counted in the summary, the menu gone unlinked.
sed -e 's/,①,子ども・教育環境,社会福祉振興事業,/,①,子ども・教育環境,移住促進事業,/' "$work/s2.csv" >"$work/s3.csv"
imports tanaka "$work/s3.csv" "imported 29 rows from 1 file; 0 values and 1 row's grant menus changed" \
	"its summary counts the row whose grant menus changed"
run --db "$db" history H01
grep -q '^[-0-9]* [0-9:]*  tanaka  grant menus  社会福祉振興事業 -> 移住促進事業  (import)$' "$work/out"
ok $? "history H01 shows who changed its row's menus, when, from what to what"
LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" history H01 >"$work/out"
grep -q '  tanaka  交付金事業メニュー  社会福祉振興事業 -> 移住促進事業  (取り込み)$' "$work/out"
ok $? "in Japanese too"
"$KPITREE" --db "$db" export strategy | cmp -s - "$work/s3.csv"
ok $? "the row holds the new menu only: the table exports as imported"
sed -e 's/→ 270作品(R7)/→ 275作品(R7)/' \
	-e 's/,①,子ども・教育環境,移住促進事業,/,①,子ども・教育環境,"社会福祉振興事業\n移住促進事業",/' \
	"$work/s3.csv" | sed -e 's/\\n/\
/' >"$work/s4.csv"
imports tanaka "$work/s4.csv" "imported 29 rows from 1 file; 0 values, 1 KPI field and 1 row's grant menus changed" \
	"a target and a row's menus changed at once: both counted"
run --db "$db" history H01
grep -q '  tanaka  grant menus  移住促進事業 -> 社会福祉振興事業, 移住促進事業  (import)$' "$work/out"
ok $? "a menu added to a row is a change of its menus"
imports tanaka "$work/s4.csv" "imported 29 rows from 1 file; 0 values changed" \
	"the same table again changes no menu"
"$SQLITE3" "$db" "DELETE FROM menu_history" 2>/dev/null
[ "$("$SQLITE3" "$db" "SELECT count(*) FROM menu_history")" = 2 ]
ok $? "the menus' history is append-only"
# A code as an official types it: h13, Ｈ１３ and ⑬ are H13 to show, set
# and history alike; one that is none names the nearest.
for typed in h13 Ｈ１３ ⑬; do
	"$KPITREE" --db "$db" show "$typed" 2>&1 | head -1
done >"$work/typed"
[ "$(grep -c '^H13  ' "$work/typed")" = 3 ]; ok $? "show takes h13, Ｈ１３ and ⑬ for H13"
run --db "$db" --user tanaka set h13 R7 271
expect 0 "" "set takes h13"
run --db "$db" history ⑬
grep -q "271" "$work/out"; ok $? "and history ⑬ shows what it set"
run --db "$db" show H18
expect 1 "kpitree: no KPI with code 'H18'; the nearest is H17" "a code that is none names the nearest by its number"
# A stale --expect in Japanese is Japanese whole: the kind's word, and
# the time in local time, not the store's ISO UTC.
"$KPITREE" --db "$db" --user tanaka set H10 R7 88.2 >/dev/null
run --db "$db" --lang ja set H10 R7 90 --expect 80
grep -q "登録済みの実績は 88.2 です (tanaka が [0-9]*年[0-9]*月[0-9]*日 [0-9:]* に入力)" "$work/err" &&
	! grep -q "actual\|T[0-9:]*Z" "$work/err"
ok $? "a stale --expect says the kind and the time in Japanese"
run --db "$db" --lang ja history H10
grep -q "  (set コマンド)$" "$work/out" && ! grep -q "(set)$" "$work/out"
ok $? "the history names where a change came from in Japanese too"
# A report's yearly table says the status of a year without data, as
# show and the KPI pane do, not an empty cell.
run --db "$db" export report
grep -q '^| R[0-9]* ([0-9]*) | - | - | - | no data |$' "$work/out"
ok $? "the report's year without data says no data"
run --db "$db" export report --format html
grep -q '<td class="n">-</td><td class="n">-</td><td class="n">-</td><td>no data</td>' "$work/out"
ok $? "and so does the HTML report"
finish
