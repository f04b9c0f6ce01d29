#!/bin/sh
# verification.sh: a year's 効果検証 of the bundled Sapporo projects on
# the command line (the projects due with the suggested 事業効果 and why,
# amounts, the three voices, refusals by the rules, closing), and the
# national table in each format checked against the data: the CSV cell
# by cell (machine-readable: no ①, codes in columns), the workbook read
# back by openpyxl, the HTML parsed and printed by headless Chromium on
# A4 landscape with the national columns in order.
. "$srcdir/tests/cli/lib.sh"
plan 112
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null
v() { run --db "$db" verification "$@"; }

v status --year R4
expect 1 "kpitree: no verification of R4 (2022): open it first" "nothing is verified before the year is opened"
v open --year R4
expect 0 "" "verification open --year R4"
grep -qx "opened the verification of R4 (2022)" "$work/out"; ok $? "says so"
v open --year R4
expect 1 "kpitree: the verification of R4 (2022) is already open" "a year is opened once"

v status --year R4
expect 0 "" "verification status"
# SP2 R4: 16 of 9, 11 of 5, 5 of 10 (50%): each better than before, not all 70% of the way
grep -qx "  suggested: ③ (all improved): 3 of 3 KPIs with data" "$work/out"
ok $? "SP2's suggestion and why"
grep -qx "  suggested: no suggestion: none of the 2 KPIs can be judged (an actual and its plan or target)" "$work/out" &&
	! grep -q "no actual yet" "$work/out"
ok $? "SP1's actuals without a plan (actual only) suggest nothing; every KPI due has its R4 actual"
[ "$(grep -c '^SP[0-9] ' "$work/out")" = 4 ]
ok $? "the four projects running in R4 or the year before are due"

printf 'municipality,prefecture,code,department,contact\n札幌市,北海道,011002,まちづくり政策局政策企画部企画課,011-211-2192\n' >"$work/header.csv"
run --db "$db" import "$work/header.csv"
expect 0 "" "the table's header fields are imported"
printf 'municipality,prefecture,code,department,contact\n札幌市,北海道,01100,x,y\n' >"$work/bad.csv"
run --db "$db" import "$work/bad.csv"
expect 1 "kpitree: $work/bad.csv:2:3: code: '01100' is not the 6-digit national code (011002)
kpitree: nothing imported" \
	"a 5-digit code is refused at its file, line and column"

v amount SP2 12,345,678 --kind "タイプⅠ" --year R4
expect 0 "" "the 実績額 and 交付金の種類 of SP2"
v amount SP2 12.5 --year R4
expect 1 "kpitree: amount: '12.5' is not a whole number of yen" "yen are whole"

v self SP2 --effect ① --policy 発展 --year R4
expect 1 "kpitree: 事業効果 ① differs from the suggested ③: give a reason" \
	"an effect other than the suggested one without a reason is refused"
v self SP2 --effect ⑤ --year R4
expect 1 "kpitree: effect: '⑤' is none of ①, ②, ③, ④" "a code outside the list is refused, naming the list"
v self SP2 --effect ① --policy 発展 --reason "新ビジネス創出が目標を大きく上回った" --year R4
expect 0 "" "with a reason it is recorded"
v committee SP2 --verdict 有効 --meeting 9 --year R4
expect 1 "kpitree: no meeting 9" "a meeting that is not there is refused"
v committee SP2 --verdict 有効 --opinion "KPIの設定は妥当であり、成果が出ている" --year R4
expect 0 "" "the committee's 事業の評価 and 意見"
v final SP2 --effect ③ --policy 継続 --year R4
expect 1 "kpitree: final: give the 今後の方針の理由 (--reason)" "a final result without its 理由 is refused"
v final SP2 --effect ③ --policy 継続 --reason "エンジニア就職数が目標の半分に留まる" --year R4
expect 0 "" "the final result"
v close --year R4
expect 1 "kpitree: not closed: no final result yet: SP1 SP3 SP4" "the year closes only when every project has its final result, and says which lack it"
run --db "$db" due --year R4
grep -qx "効果検証 R4 (2022): 3 of 4 projects lack their final result" "$work/out"
ok $? "due counts the projects still without their final result"
# only those the official may record the final result of: their scope, their role
abs_db=$(readlink -f "$db")
forced() { SSH_ORIGINAL_COMMAND="due --year R4" "$(readlink -f "$KPITREE")" --db "$abs_db" --ssh-user tanaka --ssh-lang en "$@" \
	>"$work/out" 2>"$work/err"; }
forced --ssh-role editor --ssh-scope project:SP1
grep -qx "効果検証 R4 (2022): 1 of 1 projects lack their final result" "$work/out"
ok $? "an editor of SP1 is due SP1's final result, not the others'"
forced --ssh-role editor --ssh-scope project:SP2
[ ! -s "$work/err" ] && ! grep -q "効果検証" "$work/out"
ok $? "an editor of SP2, whose final result is in, is due none"
forced --ssh-role viewer
[ ! -s "$work/err" ] && ! grep -q "効果検証" "$work/out"
ok $? "nor is a viewer, who records none"
SSH_ORIGINAL_COMMAND="verification amount SP2 5 --year R4" "$(readlink -f "$KPITREE")" --db "$abs_db" \
	--ssh-user tanaka --ssh-lang en --ssh-role editor --ssh-scope project:SP1 >"$work/out" 2>"$work/err"
status=$?
expect 1 "kpitree: not permitted: SP2-1 is outside the scope of tanaka (editor, project:SP1)" \
	"an editor of SP1 does not enter SP2's 実績額"
ssh-keygen -q -t ed25519 -N '' -f "$work/tanaka" &&
	"$KPITREE" --db "$db" access add tanaka "$work/tanaka.pub" --role editor --scope SP1 \
		--file "$work/ak" >/dev/null
run --db "$db" --user tanaka due --year R4 --file "$work/ak"
grep -qx "効果検証 R4 (2022): 1 of 1 projects lack their final result" "$work/out"
ok $? "and so for --user with a key of scope SP1, as due's KPIs"
for p in SP1 SP3; do
	"$KPITREE" --db "$db" verification final $p --effect ④ --policy 改善 --reason "実績値未把握" --year R4
done
"$KPITREE" --db "$db" verification final SP4 --effect ④ --policy 改善 --reason "取引件数が伸びず" --year R4
v revised no --year R4
expect 0 "" "見直しの有無"

run --db "$db" due --year R4
! grep -q "効果検証" "$work/out"
ok $? "and says nothing once every one has it"
v status --year R4
grep -qx "  self-assessment: ① 地方創生に非常に効果的であった / 事業の発展 (tester, .*)" "$work/out" ||
	grep -q "self-assessment: ① 地方創生に非常に効果的であった / 事業の発展 (tester," "$work/out"
ok $? "the three voices are kept apart: the self-assessment"
grep -q "  final: ③ 地方創生に効果があった / 事業の継続 (tester," "$work/out"
ok $? "and the final result"

run --db "$db" export verification --year R4 -o "$work/t.csv"
expect 0 "" "export verification (CSV)"
"$SQLITE3" -separator , :memory: ".import --csv $work/t.csv t" \
	"SELECT \"年度\", \"年度(西暦)\", \"都道府県・市町村コード(5桁)\", \"全国地方公共団体コード(6桁)\",
	 \"交付金の種類\", \"実績額(円)\", \"KPIコード\", \"指標値\", \"目標年月\", \"目標年月(西暦)\", \"実績値\",
	 \"事業効果番号\", \"事業効果\", \"事業の評価\", \"今後の方針\", \"今後の方針の理由\",
	 \"地方版総合戦略の見直しの有無\" FROM t WHERE \"KPIコード\" = 'SP2-1'" >"$work/got"
echo '令和4年度,2022,01100,011002,タイプI,12345678,SP2-1,9,R5.3,2023-03,16,3,地方創生に効果があった,総合戦略のKPI達成に有効であった,事業の継続,エンジニア就職数が目標の半分に留まる,無' |
	cmp -s - "$work/got"
ok $? "SP2-1's row holds the data, cell by cell"
sed 's/^/# /' "$work/got"
[ "$("$SQLITE3" -separator , :memory: ".import --csv $work/t.csv t" \
	"SELECT \"指標値\", \"実績値\" FROM t WHERE \"KPIコード\" = 'SP4-3'")" = "32.10,30.2" ]
ok $? "SP4-3's 指標値 and 実績値 as the source writes them (32.10, 30.2)"
rows=$("$SQLITE3" -csv :memory: ".import --csv $work/t.csv t" "SELECT count(*) FROM t")
kpis=$("$SQLITE3" "$db" "SELECT count(*) FROM kpi WHERE code LIKE 'SP1-%' OR code LIKE 'SP2-%' OR code LIKE 'SP3-%' OR code LIKE 'SP4-%'")
[ "$rows" = "$kpis" ]; ok $? "one row a KPI of the projects due ($kpis)"
# no merged cells: each KPI's row repeats its project's fields (the workbook merges them)
[ "$("$SQLITE3" -csv :memory: ".import --csv $work/t.csv t" "SELECT count(*) || '/' ||
	count(DISTINCT \"交付対象事業の名称\" || \"交付金\" || \"実績額(円)\") FROM t
	WHERE \"事業コード\" = 'SP2' AND \"交付対象事業の名称\" LIKE 'デジタル技術%'")" = 3/1 ]
ok $? "each of SP2's 3 KPI rows repeats its project's name, grant and amount"
# each character as a fixed string: a bracket expression of them is a
# set of bytes under a locale that is not UTF-8 (CI's has no LANG)
! grep -qF -e ① -e ② -e ③ -e ④ -e ⑤ -e ⑥ -e ⑦ -e ⑧ -e ⑨ -e ⑩ -e Ⅰ -e Ⅱ -e Ⅲ -e ㈱ "$work/t.csv"
ok $? "no machine-dependent character in the CSV"

run --db "$db" export verification --year R4 --format md
# SP1's and SP3's four KPIs have an actual (with no plan: actual only),
# so no KPI lacks an actual
grep -qx "令和4年度 (2022年度)" "$work/out" &&
	grep -qx "| 地方創生推進交付金 | 4 | 1 | 25% | 10 | 2 | 20% | 0 | 0 |" "$work/out"
ok $? "Markdown: 和暦 with 西暦, and the national summary at the top"

run --db "$db" export verification --year R4 --format html -o "$work/t.html"
xmllint --noout "$work/t.html"
ok $? "the HTML is well-formed"
timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/chrome" \
	--no-pdf-header-footer --print-to-pdf="$work/t.pdf" "file://$work/t.html" >/dev/null 2>&1
grep -a -o '/MediaBox \[[^]]*\]' "$work/t.pdf" | sort -u >"$work/boxes"
[ "$(wc -l <"$work/boxes")" -eq 1 ] && grep -q '^/MediaBox \[0 0 84[12][.0-9]* 59[45][.0-9]*\]$' "$work/boxes"
ok $? "it prints on A4 landscape ($(cat "$work/boxes"))"
# where each heading's first word starts on the first page: the groups
# ① to ⑦ left to right, and their columns left to right, each within its
# group, all on the page
pdftotext -bbox -f 1 -l 1 "$work/t.pdf" "$work/t.bbox"
order=$(/usr/bin/python3 - "$work/t.bbox" <<'PY'
import re, sys
words = {}
for m in re.finditer(r'xMin="([0-9.]+)"[^>]*xMax="([0-9.]+)"[^>]*>([^<]*)</word>', open(sys.argv[1]).read()):
    words.setdefault(m.group(3), (float(m.group(1)), float(m.group(2))))
groups = [("①", []), ("②", []), ("③", []), ("④", ["指標", "指標値", "単位", "目標年月"]),
          ("⑤", ["実績値", "事業効果"]), ("⑥", ["事業の評価", "外部有識者からの意見"]),
          ("⑦", ["今後の方針", "今後の方針の理由"])]
xs, good = [], True
for i, (g, cols) in enumerate(groups):
    if g not in words or any(c not in words for c in cols):
        good = False
        continue
    start = words[g][0]
    end = words[groups[i + 1][0]][0] if i + 1 < len(groups) and groups[i + 1][0] in words else 842
    last = start - 2
    for c in cols:
        x = words[c][0]
        good = good and last < x < end and words[c][1] < 842
        last = x
    xs.append(g + "%.0f" % start)
    good = good and (len(xs) < 2 or float(xs[-2][1:]) < start)
print(" ".join(xs) + ("" if good else " wrong"))
PY
)
[ "${order% wrong}" = "$order" ]
ok $? "the printed page has the national columns ① to ⑦ in order ($order)"

run --db "$db" export verification --year R4 -o "$work/t.xlsx"
expect 0 "" "export verification as a workbook"
XLSX_SHEET=効果検証 /usr/bin/python3 "$srcdir/tests/cli/xlsx_cells.py" "$work/t.xlsx" "$work/t.csv" \
	9,10,11 >"$work/py" 2>&1
ok $? "openpyxl reads the CSV's cells back, each project's code, name and grant merged over its KPIs"
sed 's/^/# /' "$work/py" | head -5

TZ=Asia/Tokyo run --db "$db" export verification --year R4 --voices
"$SQLITE3" -separator , :memory: ".import --csv /dev/stdin t" \
	"SELECT \"示された事業効果番号\", \"示された事業効果\", \"自己評価: 事業効果番号\",
	 \"自己評価: 事業効果\", \"自己評価: 理由\", \"外部有識者: 事業の評価番号\",
	 \"外部有識者: 事業の評価\", \"外部有識者: 意見\", \"確定: 事業効果番号\", \"確定: 事業効果\",
	 \"確定: 今後の方針番号\", \"確定: 今後の方針\" FROM t WHERE \"事業コード\" = 'SP2'" \
	<"$work/out" >"$work/got"
echo '3,地方創生に効果があった,1,地方創生に非常に効果的であった,新ビジネス創出が目標を大きく上回った,1,総合戦略のKPI達成に有効であった,KPIの設定は妥当であり、成果が出ている,3,地方創生に効果があった,3,事業の継続' |
	cmp -s - "$work/got"
ok $? "the committee's sheet has the suggestion and the three voices side by side, a choice's number apart from its words"
# who and when in cells of their own, when in local time (Tokyo: UTC+9)
at=$("$SQLITE3" "$db" "SELECT strftime('%Y-%m-%d %H:%M:%S', entered_at, '+9 hours') FROM voice
	WHERE voice = 'self' AND project_id = (SELECT id FROM project WHERE title LIKE 'デジタル技術%')")
"$SQLITE3" -separator , :memory: ".import --csv /dev/stdin t" \
	"SELECT \"自己評価: 入力者\", \"自己評価: 入力日時\" FROM t WHERE \"事業コード\" = 'SP2'" \
	<"$work/out" >"$work/got"
[ -n "$at" ] && [ "$(cat "$work/got")" = "tester,$at" ] && ! grep -qF -e ① -e ② -e ③ -e ④ "$work/out"
ok $? "who and when (local time) in cells of their own, no machine-dependent character"
run --db "$db" export verification --year R4 --voices --format html -o "$work/v.html"
xmllint --noout "$work/v.html" && grep -q "<th>外部有識者: 意見</th>" "$work/v.html"
ok $? "also as HTML"
run --db "$db" export report --voices
expect 2 "kpitree: --voices is for export verification
Try 'kpitree --help'." "--voices is the verification's"

v history SP2
grep -q "R4  self effect: - -> ①  (reason: 新ビジネス創出が目標を大きく上回った)" "$work/out" &&
	grep -q "R4  amount: - -> 12345678" "$work/out"
ok $? "every change is in the project's history"

# values not known yet, and values of another year's data
v unknown SP2-1 --year R4
expect 1 "kpitree: SP2-1 has an actual at R4 (2022): it is known" "a value with an actual is not marked unknown"
"$KPITREE" --db "$db" verification open --year R5 >/dev/null
v unknown SP4-1 --year R5 --reason "統計の公表はR7"
expect 0 "" "SP4-1's R5 value is marked 把握できない"
v describes SP2-1 R3 --year R4
expect 0 "" "SP2-1's R4 value describes R3's data"
v status --year R5
grep -qx "  not known yet (把握できない): SP4-1" "$work/out" && grep -qx "  no actual yet: SP4-2 SP4-3" "$work/out"
ok $? "status counts the unknown apart from the missing, naming each"
grep -qx "  suggested: no suggestion: none of the 3 KPIs can be judged (an actual and its plan or target); 1 not known yet" "$work/out"
ok $? "and the suggestion says so"
run --db "$db" export verification --year R5 --format md
# SP1-SP3 ran to R4: in R5, their year after, they are judged on R4 (SP2
# met two KPIs); SP5 has no actual yet; SP4-1 is not known
grep -q "^| 計 | 5 | 1 | 20% | 13 | 2 | 15% | 5 | 1 |$" "$work/out"
ok $? "the summary counts it apart from no data"
grep -q "^| SP4-1 .* | 把握できない |$" "$work/out"
ok $? "the table shows 把握できない"
run --db "$db" export verification --year R4 --format md
grep -q "^| SP2-1 .* | 16 (R3のデータ) |$" "$work/out"
ok $? "and the year the data describes"
# the mark is taken back: none (or the value's own year)
v describes SP2-1 none --year R4
expect 0 "" "describes none: SP2-1's R4 value describes its own year again"
run --db "$db" export verification --year R4 --format md
grep -q "^| SP2-1 .* | 16 |$" "$work/out"
ok $? "the table no longer names another year"
v describes SP2-1 R3 --year R4
v describes SP2-1 R4 --year R4
v history SP2
[ "$(grep -c "  R4  SP2-1 describes: R3 -> -$" "$work/out")" -eq 2 ]
ok $? "each taking back is in the history"
v describes SP2-1 R3 --year R4
run --db "$db" export verification --year R5
"$SQLITE3" -separator , :memory: ".import --csv /dev/stdin t" \
	"SELECT \"KPIコード\", \"実績値\", \"実績値の状況\" FROM t WHERE \"KPIコード\" = 'SP4-1'" \
	<"$work/out" >"$work/got"
run --db "$db" export verification --year R4
"$SQLITE3" -separator , :memory: ".import --csv /dev/stdin t" \
	"SELECT \"KPIコード\", \"実績値\", \"実績値のデータの年度(西暦)\" FROM t WHERE \"KPIコード\" = 'SP2-1'" \
	<"$work/out" >>"$work/got"
printf 'SP4-1,,把握できない\nSP2-1,16,2021\n' | cmp -s - "$work/got"
ok $? "the CSV has them in columns of their own"
sed 's/^/# /' "$work/got"

# an increment KPI: its plans and actuals the years' increments (SP2-1:
# plans 4, 9, 9 and actuals 2, 11, 16 from R2 to R4), judged by their sums
v increment SP2-1 on
expect 0 "" "SP2-1 is declared incremental"
v increment SP2-1 maybe
expect 2 "kpitree: increment: on or off
Try 'kpitree --help'." "on or off"
v status --year R4
grep -qx "  SP2-1: increments summed 29 of 22: total ÷ target 132%, (actual − baseline) ÷ (target − baseline) 132%" "$work/out"
ok $? "status shows its sums and both rates"
v history SP2
grep -q "^.*  tester  -  SP2-1 increment: - -> on$" "$work/out"
ok $? "the declaration is in the project's history"
# judged so everywhere, not in the verification only: show and the report
# (R4: 29 of 22 summed, 132%, where 16 of its plan 9 is 178%)
run --db "$db" show SP2-1 --year R4
grep -qx "R4 (2022)           9         16      132%  achieved" "$work/out" &&
	grep -qx "at R4 (2022): 132% achieved" "$work/out" &&
	grep -qx "increments summed 29 of 22: total ÷ target 132%, (actual − baseline) ÷ (target − baseline) 132%" "$work/out"
ok $? "show judges an increment KPI by its sums, with both rates"
run --db "$db" export report --year R4
sed -n '/^## .* SP2-1 /,/^## /p' "$work/out" | grep -qx -- "- progress (R4): 132%, achieved"
ok $? "and so does the report"

# Who has not entered actuals: the officials responsible by their keys'
# role and scope, each with their KPIs, then those no official covers.
who="$work/who.db"
"$KPITREE" --db "$who" init >/dev/null && "$KPITREE" --db "$who" verification open --year R4 >/dev/null &&
	"$KPITREE" --db "$who" set SP1-2 R4 - >/dev/null && "$KPITREE" --db "$who" set SP2-3 R4 - >/dev/null &&
	ssh-keygen -q -t ed25519 -N '' -f "$work/sato" &&
	"$KPITREE" --db "$who" access add tanaka "$work/tanaka.pub" --role editor --scope SP1 \
		--file "$work/who_keys" >/dev/null &&
	"$KPITREE" --db "$who" access add sato "$work/sato.pub" --role viewer --file "$work/who_keys" >/dev/null
ok $? "a year with SP1-2's and SP2-3's actuals missing, an editor of SP1 and a viewer"
run --db "$who" verification status --year R4 --file "$work/who_keys"
sed -n '/^actuals not entered yet/,/^$/p' "$work/out" >"$work/who"
printf '%s\n' "actuals not entered yet, by the officials responsible:" "  tanaka: SP1-2" \
	"  no official's key covers: SP2-3" "" | cmp -s - "$work/who"
ok $? "status names the officials responsible with their KPIs lacking actuals, the viewer not"
sed 's/^/# /' "$work/who"

# Data describe an earlier year, never a later one.
v describes SP4-1 R6 --year R5
expect 1 "kpitree: SP4-1: the value of R5 (2023) cannot describe R6, a later year" "a value describes no later year"
# What a closed year published stays as published; it is not opened again.
v close --year R4
expect 0 "" "the year closes once every project has its final result"
v amount SP2 5 --year R4
expect 1 "kpitree: the verification of R4 (2022) is closed" "the 実績額 of a closed year is not changed"
v describes SP2-1 R2 --year R4
expect 1 "kpitree: the verification of R4 (2022) is closed" "nor the year its data describe"
v open --year R4
expect 1 "kpitree: the verification of R4 (2022) is closed" "a closed year is not opened again, and says why"

# A project in its year after (SP4 ran to R6) is verified on the year it
# ran, against that year's plans: here each KPI met them.
ya="$work/ya.db"
"$KPITREE" --db "$ya" init >/dev/null
for v in "SP4-1 R6 250" "SP4-2 R6 70000" "SP4-3 R6 34"; do
	# shellcheck disable=SC2086 # code, year and value as three words
	"$KPITREE" --db "$ya" set $v >/dev/null || echo "# set $v failed"
done
"$KPITREE" --db "$ya" verification open --year R7 >/dev/null
run --db "$ya" verification status --year R7
sed -n '/^SP4 /,/^$/p' "$work/out" >"$work/sp4"
grep -qx "  suggested: ① (all achieved): 3 of 3 KPIs with data" "$work/sp4" && ! grep -q "no actual yet" "$work/sp4"
ok $? "a project in its year after is judged on the year it ran, its actuals all there"
run --db "$ya" export verification --year R7 --format md
grep -q "^| SP4-2 .* | 67000 | 件 | R7.3 (2025.3) | 70000 |$" "$work/out"
ok $? "its 指標値 is that year's plan, its 目標年月 that year's end"

# The national form rows five KPIs a project (指標①…⑤): a project with
# more loses none; its block has a row for each, and the export says so.
"$KPITREE" --db "$ya" export projects >"$work/projects.csv"
/usr/bin/python3 - "$work/projects.csv" "$work/sp4more.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
head = rows[0]
code, number, name = head.index("code"), head.index("kpi"), head.index("name")
first = next(r for r in rows[1:] if r[code] == "SP4-1")
out = [head]
for k in (4, 5, 6):
    r = list(first)
    r[code], r[number], r[name] = "SP4-%d" % k, str(k), "追加指標%d" % k
    out.append(r)
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(out)
PY
"$KPITREE" --db "$ya" import "$work/sp4more.csv" >/dev/null || echo "# import of SP4-4..6 failed"
for k in 4 5 6; do
	"$KPITREE" --db "$ya" set "SP4-$k" R6 10 --plan >/dev/null &&
		"$KPITREE" --db "$ya" set "SP4-$k" R6 12 >/dev/null || echo "# set SP4-$k failed"
done
run --db "$ya" export verification --year R7
expect 0 "kpitree: SP4 has 6 KPIs, more than the national form's 5 rows: its block has a row for each" \
	"a project with more KPIs than the form's five is named"
[ "$(cut -d, -f1-20 "$work/out" | grep -c ',SP4-[1-6],')" = 6 ]
ok $? "its CSV has a row for each of its 6 KPIs"
run --db "$ya" export verification --year R7 --format md
grep -q "^| SP4-6 追加指標6 | 10 | 件 | R7.3 (2025.3) | 12 |$" "$work/out"
ok $? "and so has its printed block"
# Who opened the verification and when, in local time as officials read
# it, not the stored UTC.
TZ=Asia/Tokyo "$KPITREE" --db "$ya" verification status --year R7 >"$work/out" 2>&1
head -1 "$work/out" | grep -q ' [0-9-]* [0-9][0-9]:[0-9][0-9]:[0-9][0-9];' &&
	! head -1 "$work/out" | grep -q 'T[0-9:]*Z'
ok $? "verification status says when it was opened in local time"
# A mark 把握できない goes to the year the project is judged on: SP4, with
# actuals only in R6, is judged on R6 when R7 is verified (its year
# after); marking an R6 actual unknown is refused, the other KPIs kept.
fy="$work/fy.db"
"$KPITREE" --db "$fy" init >/dev/null
for c in "SP4-1 150" "SP4-2 70000" "SP4-3 33.5"; do
	set -- $c
	"$KPITREE" --db "$fy" set "$1" R6 "$2" >/dev/null
done
"$KPITREE" --db "$fy" verification open --year R7 >/dev/null
run --db "$fy" verification unknown SP4-2 --reason 統計公表待ち --year R7
expect 1 "kpitree: SP4-2 has an actual at R6 (2024): it is known" \
	"a KPI with an actual in the year its project is judged on is not marked unknown"
run --db "$fy" verification status --year R7
sed -n '/^SP4 /,/^SP5 /p' "$work/out" >"$work/sp4"
grep -qx "  suggested: ② (all progress >= 70%): 3 of 3 KPIs with data" "$work/sp4" &&
	! grep -q "no actual yet" "$work/sp4"
ok $? "SP4 stays judged on R6, its three actuals there"
run --db "$fy" export verification --year R7 --format md
grep -q "^| SP4-2 .* | 70000 |$" "$work/out" && grep -q "^| SP4-1 .* | 150 |$" "$work/out"
ok $? "and the table keeps its actuals"

# A closed verification is what was published: its values stay.
for p in SP4 SP5; do
	"$KPITREE" --db "$fy" verification final $p --effect ④ --policy 改善 --reason 理由 --year R7
done
"$KPITREE" --db "$fy" verification close --year R7 || echo "# close R7 failed"
run --db "$fy" set SP4-1 R6 5
expect 1 "kpitree: SP4-1 R6 (2024): the closed verification of R7 (2025) published this value: it stays as published" \
	"a value the closed verification published is not changed (its project's year after)"
run --db "$fy" set SP5-1 R7 5
expect 1 "kpitree: SP5-1 R7 (2025): the closed verification of R7 (2025) published this value: it stays as published" \
	"nor one of the year it verified"
run --db "$fy" set SP4-1 R6 150
expect 0 "" "the same value again is no change"
run --db "$fy" set SP5-1 R8 5 --plan
expect 0 "" "a later year's is"
run --db "$fy" verification increment SP4-2 on
expect 1 "kpitree: SP4-2: the closed verification of R7 (2025) published its values" \
	"a KPI of a closed year is not declared incremental"
printf 'code,fiscal_year,kind,value\nSP4-3,R6,actual,40\n' >"$work/frozen.csv"
run --db "$fy" import "$work/frozen.csv"
grep -q "frozen.csv:2:2: the closed verification of R7 (2025) published this value" "$work/err" && [ "$status" = 1 ]
ok $? "nor is one imported, the file's line and column named"
run --db "$fy" export verification --year R7 --format md
grep -q "^| SP4-3 .* | 33.5 |$" "$work/out"
ok $? "the published table is as it was"

# A year is verified once it has ended; a year with nothing due is not
# opened, so never closed.
run --db "$fy" verification open --year R12
expect 1 "kpitree: R12 (2030) has not ended yet: nothing to verify" "a year not ended is not opened"
run --db "$fy" verification open --year H22
expect 1 "kpitree: no project is due at H22 (2010): nothing to verify" "a year with no project due is not opened"

# Opening, closing, 見直しの有無 speak for every project: not a scoped
# editor's (refused and logged), nor a viewer's; an unscoped editor's.
abs_fy=$(readlink -f "$fy")
key() { local cmd="$1"; shift; SSH_ORIGINAL_COMMAND="$cmd" "$(readlink -f "$KPITREE")" --db "$abs_fy" --ssh-user tanaka \
	--ssh-lang en "$@" >"$work/out" 2>"$work/err"; status=$?; }
key "verification revised yes --year R6" --ssh-role editor --ssh-scope project:SP5
expect 1 "kpitree: not permitted: tanaka (editor, project:SP5) may not open, close or answer a verification: it speaks for every project, and the key's scope holds only some" \
	"a scoped editor does not answer 見直しの有無"
key "verification open --year R5" --ssh-role editor --ssh-scope project:SP5
[ "$status" = 1 ] && grep -q "not permitted" "$work/err"
ok $? "nor opens a year"
"$KPITREE" --db "$fy" verification open --year R6 >/dev/null
key "verification close --year R6" --ssh-role editor --ssh-scope project:SP5
[ "$status" = 1 ] && grep -q "not permitted" "$work/err"
ok $? "nor closes one"
key "verification revised no --year R6" --ssh-role editor
expect 0 "" "an editor of every project answers it"
key "verification amount SP4 5 --year R6" --ssh-role viewer
expect 1 "kpitree: not permitted: tanaka (viewer, all) may not verification amount" \
	"a viewer's verification write is not permitted"
key "verification status --year R6 --file /etc/passwd" --ssh-role editor
expect 1 "kpitree: not permitted: --file is not for a key's command" "a client does not name a server file"
key "due --file /etc/passwd" --ssh-role viewer
expect 1 "kpitree: not permitted: --file is not for a key's command" "nor with due"
"$KPITREE" --db "$fy" access log >"$work/log"
grep -q "  tanaka (editor, project:SP5)  refused  verification revised yes --year R6  " "$work/log" &&
	grep -q "  tanaka (viewer, all)  refused  verification amount SP4 5 --year R6  " "$work/log" &&
	grep -q "  refused  verification status --year R6 --file /etc/passwd  " "$work/log"
ok $? "each refusal is logged"

# Amounts: commas only between groups of three digits.
for a in ",,," "1,2,3" "1,23" "1234,567" ",123"; do
	run --db "$fy" verification amount SP4 "$a" --year R6
	expect 1 "kpitree: amount: '$a' is not a whole number of yen" "amount $a is refused"
done
run --db "$fy" verification amount SP4 12,345,678 --year R6
expect 0 "" "amount 12,345,678 is taken"

# The usage, a line for each form.
run --db "$fy" verification bogus
[ "$status" = 2 ] && ! grep -qF '^J' "$work/err" && grep -qx "  verification history PROJECT\|.*verification history PROJECT" "$work/err" &&
	[ "$(wc -l <"$work/err")" -gt 5 ]
ok $? "an unknown verb prints the usage on its lines"

# The history in Japanese says its words in Japanese.
LANG=ja_JP.UTF-8 "$KPITREE" --lang ja --db "$fy" verification history SP4 >"$work/out"
grep -q "R6  実績額: - -> 12345678" "$work/out" && grep -q "R7  確定 事業効果: - -> ④" "$work/out" &&
	! grep -q -e "amount" -e "effect" -e "reason" "$work/out"
ok $? "verification history in Japanese"

# Two officials enter SP2's self-assessment at the same moment, each
# having seen none (--expect -): one is recorded, the other refused with
# the voice now stored, who entered it and when; nothing is replaced.
two="$work/two.db"
"$KPITREE" --db "$two" init >/dev/null
"$KPITREE" --db "$two" verification open --year R4 >/dev/null
"$KPITREE" --db "$two" --user sato verification self SP2 --effect ③ --policy 継続 --expect - \
	--year R4 >"$work/sato.out" 2>"$work/sato.err" &
sato=$!
"$KPITREE" --db "$two" --user suzuki verification self SP2 --effect ① --policy 発展 \
	--reason 目標を大きく上回った --expect - --year R4 >"$work/suzuki.out" 2>"$work/suzuki.err" &
suzuki=$!
wait $sato; s1=$?
wait $suzuki; s2=$?
stored=$("$SQLITE3" "$two" "SELECT entered_by || ' ' || effect || ' ' || policy FROM voice")
case "$stored" in
"sato ③ 継続") winner=sato loser=suzuki brief="③ 継続" ;;
"suzuki ① 発展") winner=suzuki loser=sato brief="① 発展" ;;
*) winner= loser= brief= ;;
esac
at=$("$SQLITE3" "$two" "SELECT strftime('%Y-%m-%d %H:%M:%S', entered_at, 'localtime') FROM voice")
[ -n "$winner" ] && [ $((s1 + s2)) -eq 1 ] && [ ! -s "$work/$winner.err" ] &&
	[ "$(cat "$work/$loser.err")" = "kpitree: the stored self-assessment voice is $brief (entered by $winner at $at), where none was expected" ]
ok $? "of two at once expecting none, one is recorded and the other refused with the voice stored ($stored)"
[ "$("$SQLITE3" "$two" "SELECT count(*) FROM verification_history WHERE what = 'self effect'")" -eq 1 ]
ok $? "the refused one left no trace in the history"
run --db "$two" --user "$loser" verification self SP2 --effect ② --policy 改善 --reason 相当程度 \
	--expect "${brief%% *}" --year R4
expect 0 "" "having read it, the other replaces it, expecting what is stored"
run --db "$two" --user "$winner" verification self SP2 --effect ③ --policy 継続 --expect "${brief%% *}" \
	--year R4
expect 1 "kpitree: the stored self-assessment voice is ② 改善 (entered by $loser at $("$SQLITE3" "$two" "SELECT strftime('%Y-%m-%d %H:%M:%S', entered_at, 'localtime') FROM voice")), not ${brief%% *} as expected" \
	"and the first, expecting its own, is refused in turn"
run --db "$two" verification committee SP2 --verdict 有効 --expect 有効 --year R4
expect 1 "kpitree: no committee voice is stored, not 有効 as expected" "the committee's verdict is guarded the same way"
run --db "$two" verification committee SP2 --verdict 有効 --expect - --year R4
expect 0 "" "and recorded when what is stored is what was expected"
exit $tap_failed
