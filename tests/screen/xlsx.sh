#!/bin/sh
# xlsx.sh: the browser's :export KIND FILE.xlsx writes a workbook, in
# English and in Japanese: the CSV export's cells, read by openpyxl.
. "${srcdir:-.}/tests/screen/lib.sh"
cells="/usr/bin/python3 $srcdir/tests/cli/xlsx_cells.py"
plan 5

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
done
no_reports
exit $((tap_failed > 0))
