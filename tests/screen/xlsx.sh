#!/bin/sh
# xlsx.sh: the browser's :export KIND FILE.xlsx writes a workbook, in
# English and in Japanese: the CSV export's cells, read by openpyxl; and
# :export report FILE.xlsx the report's workbook.
. "${srcdir:-.}/tests/screen/lib.sh"
cells="/usr/bin/python3 $srcdir/tests/cli/xlsx_cells.py"
plan 9

db="$work/a.db"
"$KPITREE" --db "$db" init >/dev/null
"$KPITREE" --db "$db" export actuals -o "$work/actuals.csv"
for lang in en ja; do
	if [ $lang = ja ]; then env=LANG=ja_JP.UTF-8 wrote="書き出しました: "; else env=LANG=C.UTF-8 wrote="wrote "; fi
	start "env $env $KPITREE --db $db --user tanaka --keys ':export Space actuals Space $work/$lang.xlsx Enter'"
	shows "$wrote$work/$lang.xlsx" "($lang) :export actuals FILE.xlsx says it wrote the file"
	$cells "$work/$lang.xlsx" "$work/actuals.csv"
	ok $? "($lang) the file is a workbook of the CSV export's cells"
	keys q
	start "env $env $KPITREE --db $db --user tanaka --year R7 --keys ':export Space report Space $work/r-$lang.xlsx Enter'"
	shows "$wrote$work/r-$lang.xlsx" "($lang) :export report FILE.xlsx says it wrote the file"
	/usr/bin/python3 -c "import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); sys.exit(len(wb.sheetnames) != 3)" "$work/r-$lang.xlsx"
	ok $? "($lang) and it is the report's workbook (summary, KPIs, charts), not Markdown"
	keys q
done
no_reports
exit $((tap_failed > 0))
