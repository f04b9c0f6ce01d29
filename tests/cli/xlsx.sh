#!/bin/sh
# xlsx.sh: workbooks. The exports as .xlsx read by a second reader
# (openpyxl) cell by cell against the CSV exports.
. "${srcdir:-.}/tests/cli/lib.sh"
cells="/usr/bin/python3 $srcdir/tests/cli/xlsx_cells.py"
plan 7

db="$work/a.db"
"$KPITREE" --db "$db" init >/dev/null
for k in kpis actuals strategy projects; do
	"$KPITREE" --db "$db" export $k -o "$work/a-$k.csv"
	run --db "$db" export $k -o "$work/a-$k.xlsx"
	[ "$status" -eq 0 ] && [ "$(head -c 4 "$work/a-$k.xlsx" | od -An -c | tr -d ' ')" = 'PK003004' ] &&
		$cells "$work/a-$k.xlsx" "$work/a-$k.csv"
	ok $? "export $k -o FILE.xlsx: a workbook with the CSV export's cells, numbers as numbers, header frozen, filtered, printed on A4"
done

"$KPITREE" --db "$db" export kpis --format xlsx >"$work/out.xlsx" &&
	$cells "$work/out.xlsx" "$work/a-kpis.csv"
ok $? "--format xlsx to standard output writes the same workbook"

run --db "$db" export kpis --excel -o "$work/e.xlsx"
[ "$status" -eq 2 ] && [ ! -e "$work/e.xlsx" ]
ok $? "--excel with a workbook is a usage error, and nothing is written"

run --db "$db" export report -o "$work/r.xlsx"
[ "$status" -eq 2 ] && [ ! -e "$work/r.xlsx" ]
ok $? "export report refuses .xlsx (md, html or csv)"

exit $((tap_failed > 0))
