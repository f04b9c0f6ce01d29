#!/bin/sh
# verification_attack.sh: the 効果検証's rules where they were found
# wanting: a grant project's KPI where lower is better, a closed year's
# values and an import, what amount, unknown and describes accept.
. "$srcdir/tests/cli/lib.sh"
plan 43
db="$work/k.db"
K() { run --db "$db" --user 佐藤 "$@"; }
"$KPITREE" --db "$db" init >/dev/null
K verification open --year 2024
K set SP4-1 2024 200
K set SP4-2 2024 67000
K set SP4-3 2024 20 --plan
K set SP4-3 2024 35

# 1. a falling KPI (its 当初値 31.20, its plan 20): 35 is worse, not met
K verification direction SP4-3 down --year 2024
expect 0 "" "a grant project's KPI is declared lower-is-better"
K verification status --year 2024
grep -A1 "^SP4 " "$work/out" | grep -q "suggested: ④" ||
	grep -q "  suggested: ④ (otherwise)" "$work/out"
ok $? "35 against a plan of 20 down from 31.20 suggests ④, not ①"
K show SP4-3 --year 2024
grep -qx "at R6 (2024): -34% behind" "$work/out" && grep -q "^proposed rank: D " "$work/out"
ok $? "show measures it down from its 当初値: behind, -34% of the way, not 175% achieved"
[ "$("$SQLITE3" "$db" "SELECT old_text || '>' || new_text FROM verification_history WHERE what = 'SP4-3 direction'")" = "up>down" ]
ok $? "the change of direction is in the history"
K verification history SP4
grep -q "SP4-3 direction" "$work/out"
ok $? "and verification history prints it"
K verification direction H01 down --year 2024
[ "$status" -eq 1 ]
ok $? "a strategy KPI's direction is its import's"
K verification direction SP4-3 sideways
[ "$status" -eq 2 ]
ok $? "up or down only"
K verification direction SP4-3 up --year 2024
K verification status --year 2024
grep -q "  suggested: ① " "$work/out"
ok $? "declared up again, 35 meets 20 again (the direction decides)"
K verification direction SP4-3 down --year 2024
"$SQLITE3" "$db" "UPDATE verification SET closed_at = '2025-05-01T00:00:00Z' WHERE fiscal_year = 2024"
K verification direction SP4-3 up --year 2024
[ "$status" -eq 1 ] && [ "$("$SQLITE3" "$db" "SELECT direction FROM kpi WHERE code = 'SP4-3'")" = down ]
ok $? "a closed year's KPI keeps its direction"

# 2. an import changes no value a closed verification published: not its
# note either, as set does not; the whole file fails, nothing written
before=$("$SQLITE3" "$db" "SELECT count(*) FROM history_row")
printf 'code,fiscal_year,kind,value,note\nH01,2024,actual,1,\nSP4-3,2024,actual,35,後から\n' >"$work/n.csv"
K import "$work/n.csv"
expect 1 "kpitree: $work/n.csv:3:2: the closed verification of R6 (2024) published this value: it stays as published
kpitree: nothing imported" "a closed year's note is not changed by import, and the file names line and column"
[ "$("$SQLITE3" "$db" "SELECT count(*) FROM history_row")" = "$before" ] &&
	[ -z "$("$SQLITE3" "$db" "SELECT note FROM value WHERE kpi_id = (SELECT id FROM kpi WHERE code = 'SP4-3') AND fiscal_year = 2024 AND kind = 'actual'")" ] &&
	[ -z "$("$SQLITE3" "$db" "SELECT 1 FROM value WHERE kpi_id = (SELECT id FROM kpi WHERE code = 'H01') AND fiscal_year = 2024")" ]
ok $? "nothing of the file is written"
K set SP4-3 2024 35 --note 後から
[ "$status" -eq 1 ]
ok $? "as set refuses it"
printf 'code,fiscal_year,kind,value,note\nSP4-3,2024,actual,35,\n' >"$work/same.csv"
K import "$work/same.csv"
expect 0 "" "the same value and note again is no change"

# 3. amount, unknown and describes as the voices are: into an open
# verification, of a project due, said back and kept in the history
K verification amount SP4 5 --year 2023
expect 1 "kpitree: no verification of R5 (2023): open it first" "no 実績額 before the year's verification is opened"
K verification unknown SP4-1 --year 2023
expect 1 "kpitree: no verification of R5 (2023): open it first" "nor a value marked not known"
K verification describes SP4-1 R4 --year 2023
expect 1 "kpitree: no verification of R5 (2023): open it first" "nor the year a value describes"
K verification open --year 2020
K verification amount SP4 5 --year 2020
expect 1 "kpitree: SP4 is not due at R2 (2020): the verification of that year does not list it (no plan or actual then or the year before)" \
	"a project not due at the year is refused"
K verification unknown H01 --year 2020
expect 1 "kpitree: H01 is not a grant project's KPI" "a strategy KPI is not the verification's"
[ "$("$SQLITE3" "$db" "SELECT count(*) FROM project_year")$("$SQLITE3" "$db" "SELECT count(*) FROM value_flag")" = 00 ]
ok $? "the refused wrote nothing"
K verification open --year 2023
K verification amount SP4 1,000 --year 2023
[ "$status" -eq 0 ] && grep -q "  佐藤  R5  amount: - -> 1000\$" "$work/out" &&
	[ "$("$SQLITE3" "$db" "SELECT count(*) FROM verification_history WHERE what = 'amount' AND fiscal_year = 2023")" = 1 ]
ok $? "an accepted amount is said back as the history records it"
K verification amount SP4 1000 --year 2023
[ "$(cat "$work/out")" = "no change: it was so already" ]
ok $? "and the same again says nothing changed"

# 4. a blank reason, ASCII or full-width, is no reason
K verification final SP4 --effect ④ --policy 改善 --reason "   " --year 2023
expect 1 "kpitree: final: give the 今後の方針の理由 (--reason)" "final with a reason of spaces is refused"
K verification final SP4 --effect ④ --policy 改善 --reason "　　" --year 2023
expect 1 "kpitree: final: give the 今後の方針の理由 (--reason)" "and of full-width spaces"
K verification self SP4 --effect ① --reason " 　" --year 2023
[ "$status" -eq 1 ] && [ "$("$SQLITE3" "$db" "SELECT count(*) FROM voice")" = 0 ]
ok $? "an override of the suggestion with a blank reason is refused, nothing stored"
K verification final SP4 --effect ④ --policy 改善 --reason "　取引が伸びず" --year 2023
expect 0 "" "a reason with text in it is one"

# 5. the 6-digit national code: its check digit, and its prefecture
hdr() { printf 'municipality,prefecture,code,department,contact\n%s\n' "$1" >"$work/h.csv"; K import "$work/h.csv"; }
hdr "札幌市,北海道,011003,企画課,011-211-2192"
expect 1 "kpitree: $work/h.csv:2:3: code: '011003' is not a national code: its check digit (the last) would be 2
kpitree: nothing imported" "a wrong check digit is refused, naming file, line and column"
hdr "札幌市,北海道,131016,企画課,011-211-2192"
expect 1 "kpitree: $work/h.csv:2:3: code: '131016' is not of 北海道, whose codes begin 01
kpitree: nothing imported" "another prefecture's code is refused"
hdr "札幌市,東京都,011002,企画課,011-211-2192"
expect 1 "kpitree: $work/h.csv:2:3: code: '011002' is not of 東京都, whose codes begin 13
kpitree: nothing imported" "so is a code of 北海道 for 東京都"
hdr "札幌市,北海道,999999,企画課,011-211-2192"
[ "$status" -eq 1 ] && [ "$("$SQLITE3" "$db" "SELECT count(*) FROM municipality_info")" = 0 ]
ok $? "999999 is no code; nothing was written"
hdr "札幌市,北海道,011002,企画課,011-211-2192"
expect 0 "" "札幌市's 011002 is"

# 8. the manual says what --expect takes for no voice yet, and it does
K verification committee SP4 --verdict 有効 --expect - --year 2023
expect 0 "" "--expect - is no voice stored yet"
for page in "$srcdir/man/kpitree.1" "$srcdir/man/ja/kpitree.1"; do
	sed -n '/BI \\-\\-expect " CODE"/,/who entered it\|入力者・日時/p' "$page"
done | grep -c '^\.BR\{0,1\} \\-\( ,\)\{0,1\}$' | grep -qx 2
ok $? "both manual pages say -, not --"

# 7. an increment KPI in the table: what its increments sum to, marked
# 累計; and 309 of 310 is 99%, not met, never rounded up to 100%
inc="$work/inc.db"
I() { run --db "$inc" "$@"; }
"$KPITREE" --db "$inc" init >/dev/null
I verification open --year 2024
I verification increment SP4-1 on --year 2024
I set SP4-1 2023 100
I set SP4-1 2024 209
I verification status --year 2024
grep -qx "  SP4-1: increments summed 309 of 310: total ÷ target 99%, (actual − baseline) ÷ (target − baseline) 99%" "$work/out"
ok $? "309 of 310 is 99% both ways, not 100%"
I export verification --year 2024 -o "$work/inc.csv"
awk -F, '$15 == "SP4-1" { print $17 "/" $21 "/" $22 }' "$work/inc.csv" | grep -qx "310/309/累計"
ok $? "the CSV's 指標値 and 実績値 are the sums, its 実績値の状況 累計"
I export verification --year 2024 --format md
grep -q "^| SP4-1 データ取引所におけるデータ取引件数 | 310 (累計) | 件 | R7.3 (2025.3) | 309 (累計) |\$" "$work/out"
ok $? "the Markdown's too, each marked 累計"
I export verification --year 2024 --format html -o "$work/inc.html"
grep -q "309 (累計)" "$work/inc.html" && grep -q "310 (累計)" "$work/inc.html"
ok $? "and the HTML's"
I export verification --year 2024 -o "$work/inc.xlsx"
XLSX_SHEET=効果検証 /usr/bin/python3 "$srcdir/tests/cli/xlsx_cells.py" "$work/inc.xlsx" "$work/inc.csv" \
	9,10,11 >"$work/py" 2>&1
ok $? "and the workbook's cells, read back by openpyxl"
sed 's/^/# /' "$work/py" | head -5

# 9. a grant without its kind leaves no space before the full stop
LC_ALL=ja_JP.UTF-8 LANGUAGE= I verification status --year 2024
grep -qx "  交付金: 地方創生推進交付金。実績額: -" "$work/out"
ok $? "交付金: 地方創生推進交付金。, not 地方創生推進交付金 。"

# 9. times in local time, as everywhere else
TZ=Asia/Tokyo I verification history SP4
want=$("$SQLITE3" "$inc" "SELECT strftime('%Y-%m-%d %H:%M:%S', changed_at, '+9 hours') FROM verification_history WHERE what = 'SP4-1 increment'")
grep -q "^$want  tester  -  SP4-1 increment: - -> on\$" "$work/out"
ok $? "verification history writes when in local time ($want in Tokyo)"
I verification self SP4 --effect ④ --reason 伸びず --year 2024
TZ=Asia/Tokyo I verification self SP4 --effect ③ --reason x --expect ① --year 2024
want=$("$SQLITE3" "$inc" "SELECT strftime('%Y-%m-%d %H:%M:%S', entered_at, '+9 hours') FROM voice")
grep -q "(entered by tester at $want)" "$work/err"
ok $? "and so does a conflict"

# 9. a year no project is due at is not opened
I verification open --year 1990
expect 1 "kpitree: no project is due at H2 (1990): nothing to verify" "1990, with no project due, is refused"

# 9. a project in its year after: the CSV names the year its 実績値 is of
I verification open --year 2025
I export verification --year 2025 -o "$work/r7.csv"
awk -F, '$15 == "SP4-1" { print $2 "/" $21 "/" $23 }' "$work/r7.csv" | grep -qx "2025/309/2024"
ok $? "R7's table gives SP4's R6 実績値 with 2024 as its data's year"

# 9. an opinion in paragraphs is shown as lines, not as ^J
I verification committee SP4 --verdict 有効 --opinion "一行目
二行目" --year 2025
I verification status --year 2025
grep -A2 "^    opinion: 一行目\$" "$work/out" | grep -qx "      二行目" && ! grep -q "\^J" "$work/out"
ok $? "each line of the opinion on a line of its own"
exit $tap_failed
