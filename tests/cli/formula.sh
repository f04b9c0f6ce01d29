#!/bin/sh
# formula.sh: text from the database that a spreadsheet would take for a
# formula (=, +, -, @ at its start: CSV injection) is never executed.
# Each CSV export writes such a text cell with a ' before it (OWASP's
# advice), numbers such as -3.5 as they are; importing the export reads
# the text back as it was; a workbook holds such text as strings, never
# formulas (read back by openpyxl).
. "$srcdir/tests/cli/lib.sh"
plan 11
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null
# H02 may be negative once its baseline is
"$SQLITE3" "$db" "UPDATE kpi SET baseline_value = -5 WHERE code = 'H02'"
run --db "$db" set H02 R7 -3.5 --note '=HYPERLINK("http://example.com/","x")'
run --db "$db" set SP2-1 R4 16 --note '@SUM(A1:A9)'
printf 'municipality,prefecture,code,department,contact\n札幌市,北海道,011002,=企画課,+81-11-211-2192\n' >"$work/header.csv"
run --db "$db" import "$work/header.csv"
v() { run --db "$db" verification "$@"; }
v open --year R4
v committee SP2 --verdict 有効 --opinion '-2+3+cmd|'"'"' /C calc'"'"'!A0' --year R4
v final SP2 --effect ③ --policy 継続 --reason '=1+1' --year R4
expect 0 "" "texts that start like formulas are stored as they are"

run --db "$db" export actuals -o "$work/a.csv"
grep -qF 'H02,2025,actual,-3.5,"'"'"'=HYPERLINK(""http://example.com/"",""x"")",tester,' "$work/a.csv" &&
	grep -q "^SP2-1,2022,actual,16,'@SUM(A1:A9),tester," "$work/a.csv"
ok $? "export actuals: a note starting with = or @ has a ' before it, the value -3.5 none"

run --db "$db" export verification --year R4 --format csv -o "$work/v.csv"
grep -qF ",'=企画課,'+81-11-211-2192,SP1," "$work/v.csv" &&
	grep -qF ",'-2+3+cmd|' /C calc'!A0," "$work/v.csv" && grep -qF ",'=1+1," "$work/v.csv"
ok $? "export verification --format csv: the header's, the opinion's and the reason's text guarded"
grep -q ",'[0-9]" "$work/v.csv"
[ $? -ne 0 ]
ok $? "no number is guarded"

"$SQLITE3" "$db" "UPDATE kpi SET name = '+1 保育士数' WHERE code = 'H02'"
run --db "$db" export report --year R7 --format csv -o "$work/r.csv"
grep -q "^,,2025,H02,'+1 保育士数," "$work/r.csv" && grep -q "^,,2025,H02,.*,-3.5," "$work/r.csv"
ok $? "export report: a KPI's name guarded, its actual -3.5 not"

# the export imports as it was: the ' is the guard's, not the note's
"$KPITREE" --db "$db" export projects -o "$work/p.csv"
"$KPITREE" --db "$db" export strategy -o "$work/s.csv"
"$KPITREE" --db "$work/c.db" init --empty >/dev/null
run --db "$work/c.db" import "$work/s.csv" "$work/p.csv" "$work/a.csv"
expect 0 "" "the guarded export imports"
[ "$("$SQLITE3" "$work/c.db" "SELECT v.note FROM value v JOIN kpi k ON k.id = v.kpi_id
  WHERE k.code = 'H02' AND v.fiscal_year = 2025 AND v.kind = 'actual'")" = '=HYPERLINK("http://example.com/","x")' ] &&
	[ "$("$SQLITE3" "$work/c.db" "SELECT v.note FROM value v JOIN kpi k ON k.id = v.kpi_id
  WHERE k.code = 'SP2-1' AND v.fiscal_year = 2022 AND v.kind = 'actual'")" = '@SUM(A1:A9)' ]
ok $? "and reads each note back as it was, without the guard"
"$KPITREE" --db "$work/c.db" export actuals -o "$work/a2.csv"
cmp -s "$work/a.csv" "$work/a2.csv"
ok $? "exported again: the same bytes"
# a text that itself starts with ' before a formula's character keeps it
run --db "$work/c.db" set SP2-2 R4 11 --note "'=x"
"$KPITREE" --db "$work/c.db" export actuals | grep -q "^SP2-2,2022,actual,11,''=x," &&
	"$KPITREE" --db "$work/c.db" export actuals -o "$work/a3.csv" &&
	"$KPITREE" --db "$work/c.db" import "$work/a3.csv" >/dev/null &&
	[ "$("$SQLITE3" "$work/c.db" "SELECT v.note FROM value v JOIN kpi k ON k.id = v.kpi_id
  WHERE k.code = 'SP2-2' AND v.fiscal_year = 2022 AND v.kind = 'actual'")" = "'=x" ]
ok $? "a note that starts with ' and = is written ''= and read back as it was"

# workbooks: strings, never formulas
run --db "$db" export verification --year R4 -o "$work/v.xlsx"
XLSX_SHEET=効果検証 /usr/bin/python3 "$srcdir/tests/cli/xlsx_cells.py" "$work/v.xlsx" "$work/v.csv" \
	9,10,11 >"$work/py" 2>&1
ok $? "export verification as a workbook: the texts as strings, as the CSV's cells, no formula"
sed 's/^/# /' "$work/py" | head -5
run --db "$db" export actuals -o "$work/a.xlsx"
/usr/bin/python3 "$srcdir/tests/cli/xlsx_cells.py" "$work/a.xlsx" "$work/a.csv" >"$work/py" 2>&1
ok $? "export actuals as a workbook: the same"
sed 's/^/# /' "$work/py" | head -5
finish
