#!/bin/sh
# xlsx.sh: workbooks. The exports as .xlsx read by a second reader
# (openpyxl) cell by cell against the CSV exports; the round trip through
# workbooks; workbooks written part by part (xlsx_make.py) and by
# openpyxl imported; hostile workbooks refused within bounds.
. "${srcdir:-.}/tests/cli/lib.sh"
cells="/usr/bin/python3 $srcdir/tests/cli/xlsx_cells.py"
make="/usr/bin/python3 $srcdir/tests/cli/xlsx_make.py"
plan 49

# The strategy's nested levels, merged down as the government's table
# merges them: strategy, then 重点戦略プロジェクト to 内容.
levels() { [ "$1" = strategy ] && echo 1,3,4,5,6,7; }

db="$work/a.db"
"$KPITREE" --db "$db" init >/dev/null
for k in kpis actuals strategy projects; do
	"$KPITREE" --db "$db" export $k -o "$work/a-$k.csv"
	run --db "$db" export $k -o "$work/a-$k.xlsx"
	[ "$status" -eq 0 ] && [ "$(head -c 4 "$work/a-$k.xlsx" | od -An -c | tr -d ' ')" = 'PK003004' ] &&
		$cells "$work/a-$k.xlsx" "$work/a-$k.csv" $(levels $k)
	ok $? "export $k -o FILE.xlsx: a workbook with the CSV export's cells, numbers as numbers, header frozen, filtered, printed on A4"
done

"$KPITREE" --db "$db" export kpis --format xlsx >"$work/out.xlsx" &&
	$cells "$work/out.xlsx" "$work/a-kpis.csv"
ok $? "--format xlsx to standard output writes the same workbook"

run --db "$db" export kpis --excel -o "$work/e.xlsx"
[ "$status" -eq 2 ] && [ ! -e "$work/e.xlsx" ]
ok $? "--excel with a workbook is a usage error, and nothing is written"

# The report as a workbook: a summary, the CSV report's rows, charts.
rdb="$work/r.db"
"$KPITREE" --db "$rdb" init >/dev/null
"$KPITREE" --db "$rdb" set H01 R7 12 >/dev/null
"$KPITREE" --db "$rdb" set H05 R7 30000 >/dev/null
"$KPITREE" --db "$rdb" export report --year R7 --format csv -o "$work/r.csv"
run --db "$rdb" export report --year R7 -o "$work/r.xlsx"
[ "$status" -eq 0 ] && XLSX_SHEET=KPI $cells "$work/r.xlsx" "$work/r.csv"
ok $? "export report -o FILE.xlsx: a KPI sheet with the CSV report's cells, years as 令和7年度 beside 2025, progress as a percentage"
/usr/bin/python3 - "$work/r.xlsx" "$work/r.csv" summary charts <<'EOF'
import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == [sys.argv[3], "KPI", sys.argv[4]], wb.sheetnames
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
summary = [list(r) for r in wb[sys.argv[3]].iter_rows(values_only=True)]
head = [c.value for c in next(wb["KPI"].iter_rows())]
for name in ("fiscal_year", "latest_year"):
    assert head[head.index(name) + 1] == name + " (西暦)", head
assert summary[2][:3] == [summary[2][0], "令和7年度", 2025], summary[2]

for word in ("achieved", "on track", "behind", "no data"):
    want = sum(1 for r in rows if r["status"] == word)
    assert [r for r in summary if r[0] == word][0][1] == want, (word, want)
c = [r for r in summary if r[0] == "C"][0]
assert c[2:4] == [0, sum(1 for r in rows if r["proposed_rank"] == "C")], c
charts = wb[sys.argv[4]]
with_values = [r["code"] for r in rows if r["values"]]
assert len(charts._charts) == len(with_values), (len(charts._charts), with_values)
cells = [list(r) for r in charts.iter_rows(values_only=True)]
top = [i for i, r in enumerate(cells) if r[0] and str(r[0]).startswith("H01 ")][0]
assert cells[top + 1][:5] == ["FY", "FY (西暦)", "plan", "actual", "target"], cells[top + 1]
r7 = [r for r in cells[top + 2:top + 16] if r[1] == 2025][0]
assert r7[:5] == ["令和7年度", 2025, None, 12, 0], r7
chart = [ch for ch in charts._charts if ch.anchor._from.row == top][0]
refs = [(s.tx.strRef.f if s.tx.strRef else s.tx.v, s.val.numRef.f) for s in chart.series]
first, last = top + 3, top + 2 + sum(1 for r in cells[top + 2:top + 16] if r[1])
assert [f for _, f in refs] == ["%s!$%s$%d:$%s$%d" % (sys.argv[4], c, first, c, last) for c in "CDE"], refs
EOF
ok $? "a summary of statuses and ranks, 令和7年度 with 2025, each Gregorian year beside its fiscal year, and a chart per KPI with values: plan, actual and the target over its years"
LANG=ja_JP.UTF-8 "$KPITREE" --db "$rdb" export report --year R7 --format xlsx >"$work/r-ja.xlsx"
LANG=ja_JP.UTF-8 "$KPITREE" --db "$rdb" export report --year R7 --format csv -o "$work/r-ja.csv"
/usr/bin/python3 -c 'import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); assert wb.sheetnames == ["概要", "KPI", "グラフ"], wb.sheetnames; assert wb["グラフ"]["C2"].value == "計画"' "$work/r-ja.xlsx" &&
	XLSX_SHEET=KPI $cells "$work/r-ja.xlsx" "$work/r-ja.csv"
ok $? "--format xlsx to standard output, in Japanese: the sheets and labels in Japanese, the cells of the Japanese CSV report"

# --format and the name of -o disagreeing: a usage error, nothing written.
for args in "report --format md -o $work/f.xlsx" "report --format html -o $work/f.xlsx" \
	"kpis --format csv -o $work/f.xlsx" "kpis --format xlsx -o $work/f.csv" \
	"report --format xlsx -o $work/f.md"; do
	out=$(echo "$args" | sed 's/.* -o //')
	run --db "$rdb" export $args
	[ "$status" -eq 2 ] && [ ! -e "$out" ] && grep -q "^kpitree: --format .* named as" "$work/err"
	ok $? "export $(echo "$args" | sed "s|$work/||"): --format and the file's name disagree, a usage error, nothing written"
done
LANG=ja_JP.UTF-8 run --db "$rdb" export report --format md -o "$work/f.xlsx"
[ "$status" -eq 2 ] && [ ! -e "$work/f.xlsx" ] && ! grep -q "named as" "$work/err" && grep -q "xlsx" "$work/err"
ok $? "in Japanese too"

# Round trip: export every kind as workbooks, import them into an empty
# database, export CSV again: the bytes of the CSV round trip.
round_trip xlsx "export xlsx, import, export CSV: the bytes of the CSV round trip, all four kinds"
same=0
for k in kpis actuals strategy projects; do
	"$KPITREE" --db "$work/rt-xlsx.db" export $k -o "$work/b-$k.xlsx"
	$cells "$work/b-$k.xlsx" "$work/a-$k.csv" $(levels $k) || { same=1; echo "# $k differs"; }
done
ok $same "and export xlsx again: the same workbook cells, the strategy's levels merged alike"

# What the cells show: a KPI's quantities with the decimals written
# (66.0), a time as a date and time.
/usr/bin/python3 - "$work/a-kpis.xlsx" "$work/a-actuals.xlsx" <<'EOF'
import datetime, sys, openpyxl
kpis = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
h11 = [r for r in kpis.iter_rows() if r[0].value == "H11"][0]
assert (h11[4].value, h11[4].number_format) == (66, "#,##0.0"), (h11[4].value, h11[4].number_format)
actuals = openpyxl.load_workbook(sys.argv[2]).worksheets[0]
head, row = [c.value for c in list(actuals.iter_rows())[0]], list(actuals.iter_rows())[1]
assert isinstance(row[6].value, datetime.datetime) and "h" in row[6].number_format, row[6].value
assert head[1] == "fiscal_year" and head[7] == "fiscal_year (西暦)", head
assert (row[1].value, row[7].value) == ("令和元年度", 2019), (row[1].value, row[7].value)
EOF
ok $? "a quantity shows the decimals it is written with (66.0), a time is a date and time cell, a fiscal year 令和元年度 with 2019 in the last column"

# A workbook as other programs write it: the sheet named, shared strings
# with rich text and phonetic runs, inline strings, formulas' cached
# values, a merged code cell.
fresh() { rm -f "$work/$1.db"; "$KPITREE" --db "$work/$1.db" init >/dev/null; }
fresh w
$make actuals "$work/実績.xlsx"
run --db "$work/w.db" import "$work/実績.xlsx"
[ "$status" -eq 1 ] && grep -q "実績.xlsx:表紙!A1: a header of no known kind" "$work/err"
ok $? "the first sheet is read by default, and its errors name the sheet and the cell (a row's at its first, A1)"
run --db "$work/w.db" import --sheet KPI "$work/r.xlsx"
[ "$status" -eq 1 ] && grep -q "r.xlsx:KPI!A1: a header of no known kind" "$work/err"
ok $? "the report's KPI sheet imported: refused at KPI!A1, a cell as Excel names it"
run --db "$work/w.db" import --sheet 実績 "$work/実績.xlsx"
"$KPITREE" --db "$work/w.db" export actuals | grep '^SP1-1,202[23],' | cut -d, -f1-5 >"$work/got"
printf 'SP1-1,2022,actual,31.25,inline\nSP1-1,2023,actual,12.5,札幌 市\n' >"$work/want"
[ "$status" -eq 0 ] && cmp -s "$work/got" "$work/want"
ok $? "--sheet: rich text without its reading, inline strings, cached formula values, a merged cell's value"
run --db "$work/w.db" import --sheet 無い "$work/実績.xlsx"
expect 1 "kpitree: $work/実績.xlsx: no sheet '無い' (sheets: 表紙, 実績)
kpitree: nothing imported" "a sheet that is not there is named, with the sheets there are"
# A control character (written _x0001_ by the workbook) and a literal
# _x0041_ in a note come back as they were.
fresh x && fresh y
"$KPITREE" --db "$work/x.db" set H01 R7 5 --note "$(printf 'a\001b _x0041_ c')" >/dev/null
"$KPITREE" --db "$work/x.db" export actuals -o "$work/x.xlsx"
"$KPITREE" --db "$work/y.db" import "$work/x.xlsx" >/dev/null
"$KPITREE" --db "$work/x.db" export actuals | grep '^H01,' >"$work/want"
"$KPITREE" --db "$work/y.db" export actuals | grep '^H01,' | cut -d, -f1-5 >"$work/got"
cut -d, -f1-5 "$work/want" | cmp -s - "$work/got"
ok $? "a note's control character and a literal _x0041_ come back from a workbook as they were"
fresh n
$make emptycells "$work/empties.xlsx"
run --db "$work/n.db" import "$work/empties.xlsx"
"$KPITREE" --db "$work/n.db" export actuals | grep '^SP1-1,20\(19\|2[012]\),' | cut -d, -f1-5 >"$work/got"
printf 'SP1-1,2019,actual,7,\nSP1-1,2020,actual,7,\nSP1-1,2021,actual,7,\nSP1-1,2022,actual,7,\n' >"$work/want"
[ "$status" -eq 0 ] && cmp -s "$work/got" "$work/want"
ok $? "a cell that holds nothing (<v/>, an empty inline string, a formula giving \"\") is empty, not the cell before it" || diff "$work/want" "$work/got" | sed 's/^/# /'
$make badvalue "$work/bad.xlsx"
before=$("$SQLITE3" "$work/w.db" "SELECT count(*) FROM history")
run --db "$work/w.db" import --sheet 実績 "$work/bad.xlsx"
expect 1 "kpitree: $work/bad.xlsx:実績!D3: value: not a number: 'twelve'
kpitree: nothing imported" "an error names the file, the sheet and the cell"
[ "$("$SQLITE3" "$work/w.db" "SELECT count(*) FROM history")" = "$before" ]
ok $? "and nothing is written"
LANG=ja_JP.UTF-8 run --db "$work/w.db" import --sheet 実績 "$work/bad.xlsx"
expect 1 "kpitree: $work/bad.xlsx:実績!D3: value: 数値ではありません: 「twelve」
kpitree: 何も取り込みませんでした" "in Japanese too"
fresh o
$make openpyxl "$work/o.xlsx"
run --db "$work/o.db" import "$work/o.xlsx"
"$KPITREE" --db "$work/o.db" export actuals | grep '^SP1-1,202[23],plan' >"$work/got"
printf 'SP1-1,2022,plan,1511,計画,tanaka,2023-04-01T09:30:15Z\nSP1-1,2023,plan,1600.5,,tanaka,2024-03-31T23:59:59Z\n' >"$work/want"
[ "$status" -eq 0 ] && cmp -s "$work/got" "$work/want"
ok $? "a workbook written by openpyxl (shared strings, a merged cell, times in date formats) imports"

# imports KIND PATTERN FIELDS WANT TEXT: the workbook xlsx_make.py makes
# as KIND imports into a fresh database, and the fields FIELDS of its
# actuals matching PATTERN are WANT (printf's format).
imports() {
	fresh i
	$make "$1" "$work/$1.xlsx"
	run --db "$work/i.db" import "$work/$1.xlsx"
	"$KPITREE" --db "$work/i.db" export actuals | grep "$2" | cut -d, -f"$3" >"$work/got"
	# shellcheck disable=SC2059 # the format is the caller's
	printf "$4" >"$work/want"
	[ "$status" -eq 0 ] && cmp -s "$work/got" "$work/want"
	ok $? "$5"
	rm -f "$work/$1.xlsx"
}
imports years '^SP1-1,202[23],plan' 1-4 'SP1-1,2022,plan,5\nSP1-1,2023,plan,6\n' \
	"a fiscal year as 令和4年度 with its Gregorian year last imports; the Gregorian year alone stands for it"
$make badyears "$work/badyears.xlsx"
run --db "$work/i.db" import "$work/badyears.xlsx"
expect 1 "kpitree: $work/badyears.xlsx:Sheet!E2: 2023 is not the fiscal year '令和4年度' beside it
kpitree: nothing imported" "a Gregorian year that is not the fiscal year's is refused at its cell"

$make merges "$work/merges.xlsx"
run --db "$work/y.db" import "$work/merges.xlsx"
expect 1 "kpitree: $work/merges.xlsx:Sheet1!D100003: value: not a number: 'x'
kpitree: nothing imported" "100,000 merged ranges are read (each row costs the ranges over it)"

# Hostile or foreign files: refused, saying why, nothing written.
refused() {
	run --db "$work/w.db" import "$work/$1"
	if [ "$status" -eq 1 ] && grep -qF "$2" "$work/err" && grep -q "nothing imported" "$work/err"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		sed 's/^/#   /' "$work/err"
	fi
}
for k in bomb sstbomb ratio dotdot doctype rows bigcell deep hex badmerge twice malformed; do $make $k "$work/$k.xlsx"; done
refused bomb.xlsx "bomb.xlsx:Sheet1: xl/worksheets/sheet1.xml inflates past 2048 MiB, the most a sheet is read to" \
	"a sheet declaring 3 GiB is refused before it is inflated"
refused sstbomb.xlsx "sstbomb.xlsx:Sheet1: xl/sharedStrings.xml inflates past 256 MiB, the most read from a workbook" \
	"shared strings (held in memory) declaring 300 MiB are refused before they are inflated"
refused ratio.xlsx "ratio.xlsx:Sheet1: xl/worksheets/sheet1.xml inflates more than 1000 times (a ZIP bomb?)" \
	"an entry compressed 1000 to 1 is refused"
refused dotdot.xlsx "dotdot.xlsx: the entry path '../evil.xml' leaves the workbook" \
	"an entry path with .. is refused"
refused doctype.xlsx "doctype.xlsx:Sheet1: xl/worksheets/sheet1.xml declares a DOCTYPE: entities are not read" \
	"a billion-laughs DOCTYPE is refused before any entity"
refused rows.xlsx "rows.xlsx:Sheet1: a row past row 1048576, the most a sheet has" \
	"a row past Excel's last is refused"
refused bigcell.xlsx "bigcell.xlsx:Sheet1!A1: a cell longer than 1 MiB" "a cell over 1 MiB is refused at its cell"
refused deep.xlsx "deep.xlsx:Sheet1: elements nested more than 256 deep" \
	"elements nested a million deep are refused before the parser's stack grows with them"
refused hex.xlsx "hex.xlsx:Sheet1!D3: '0x1A' is not a number, in a number cell" \
	"a number cell holding 0x1A is refused at its cell, not read as 26"
refused badmerge.xlsx "badmerge.xlsx:Sheet1: the merged range 'foo' is not a range like A1:B2" \
	"a merged range written foo is refused, naming the sheet and the range, not passed over"
refused twice.xlsx "twice.xlsx: the entry 'xl/worksheets/sheet1.xml' is in the workbook twice" \
	"an entry that is in the workbook twice is refused (which one a reader takes is the reader's choice)"
refused malformed.xlsx "malformed.xlsx:Sheet1: xl/worksheets/sheet1.xml:2: not well-formed XML: " \
	"XML that is not well-formed is refused, naming the entry and its line"
[ "$(wc -l <"$work/err")" -eq 2 ]
ok $? "and the XML parser's own report is not written besides kpitree's (two lines)"
printf '\320\317\021\340\241\261\032\341rest' >"$work/old.xls"
refused old.xls "old.xls: an Excel 97-2003 workbook (.xls) or a password-protected one: open it in Excel and save it as an Excel Workbook (.xlsx)" \
	"an .xls (or password-protected) file is refused, saying to save it as .xlsx"
cp "$work/old.xls" "$work/old-named.csv"
refused old-named.csv "old-named.csv: an Excel 97-2003 workbook" "told by its magic bytes whatever its name"
# A sheet is streamed: past the 256 MiB the parts held in memory may
# take, its rows are read, in memory that does not grow with it.
imports bigsheet '^SP1-1,202[23],' 1-5 'SP1-1,2022,actual,31.25,inline\nSP1-1,2023,actual,12.5,札幌 市\n' \
	"a sheet of 300 MiB of XML is read, row by row"
fresh e
$make empty "$work/empty.xlsx"
run --db "$work/e.db" import "$work/empty.xlsx"
expect 0 "" "a million empty rows after the data are passed over"

exit $((tap_failed > 0))
