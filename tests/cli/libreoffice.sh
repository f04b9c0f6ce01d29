#!/bin/sh
# libreoffice.sh: kpitree's workbooks in Debian's LibreOffice (headless;
# the tests' set-up installs it): an independent reader and writer. What
# LibreOffice opens and saves again keeps the cells and the strategy's
# merges and imports to the CSV round trip's bytes; a workbook it saves
# from kpitree's CSV imports too; the printed workbooks are A4 landscape.
. "$srcdir/tests/cli/lib.sh"
cells="/usr/bin/python3 $srcdir/tests/cli/xlsx_cells.py"
plan 6

# soffice DIR FORMAT FILE...: LibreOffice converts each FILE into DIR,
# with a profile of its own in $work.
soffice_to() {
	dir=$1
	format=$2
	shift 2
	timeout 300 soffice -env:UserInstallation="file://$work/lo-profile" --headless \
		--convert-to "$format" --outdir "$dir" "$@" >"$work/lo.log" 2>&1
}

db="$work/a.db"
"$KPITREE" --db "$db" init >/dev/null
"$KPITREE" --db "$db" set H01 R7 12 >/dev/null
for k in kpis actuals strategy projects; do
	"$KPITREE" --db "$db" export $k -o "$work/a-$k.csv"
	"$KPITREE" --db "$db" export $k -o "$work/a-$k.xlsx"
done
"$KPITREE" --db "$db" export report --year R7 -o "$work/a-report.xlsx"

soffice_to "$work/lo" xlsx "$work"/a-*.xlsx
same=0
for k in kpis actuals strategy projects; do
	levels=
	[ $k = strategy ] && levels=1,3,4,5,6,7
	# cells and merges; LibreOffice writes its own view and widths
	XLSX_CELLS_ONLY=1 $cells "$work/lo/a-$k.xlsx" "$work/a-$k.csv" $levels || {
		same=1
		echo "# $k differs"
	}
done
ok $same "LibreOffice opens and saves the four workbooks: the CSV's cells, the strategy's levels merged"

"$KPITREE" --db "$work/lo.db" init --empty >/dev/null
run --db "$work/lo.db" import "$work/lo/a-strategy.xlsx" "$work/lo/a-projects.xlsx" \
	"$work/lo/a-actuals.xlsx"
same=$status
for k in kpis actuals strategy projects; do
	"$KPITREE" --db "$work/lo.db" export $k | cmp -s - "$work/a-$k.csv" || {
		same=1
		echo "# $k differs"
	}
done
ok $same "what LibreOffice saved (shared strings, its styles and date formats) imports to the CSV round trip's bytes"

/usr/bin/python3 -c 'import openpyxl, sys
a, b = (openpyxl.load_workbook(f) for f in sys.argv[1:3])
assert len(a.sheetnames) == len(b.sheetnames) == 3, (a.sheetnames, b.sheetnames)
n = [len(w.worksheets[2]._charts) for w in (a, b)]
assert n[0] > 0 and n[0] == n[1], n' "$work/a-report.xlsx" "$work/lo/a-report.xlsx"
ok $? "LibreOffice keeps the report's three sheets and every chart"

# LibreOffice as a second writer: kpitree's CSV saved as a workbook.
cp "$work/a-actuals.csv" "$work/from-csv.csv"
soffice_to "$work/lo" xlsx "$work/from-csv.csv"
"$KPITREE" --db "$work/csv.db" init --empty >/dev/null
run --db "$work/csv.db" import "$work/a-strategy.csv" "$work/a-projects.csv" "$work/lo/from-csv.xlsx"
# LibreOffice reads 32.10 of the CSV into a General cell, 32.1: the
# decimals written are gone from its workbook (kpitree's own keep them,
# above); every value, note, name and time is still the CSV's, byte for byte.
sed -E 's/^([^,]*,[0-9]+,(plan|actual),-?[0-9]+)\.([0-9]*[1-9])?0+,/\1.\3,/; s/^([^,]*,[0-9]+,(plan|actual),-?[0-9]+)\.,/\1,/' \
	"$work/a-actuals.csv" >"$work/a-actuals-general.csv"
! cmp -s "$work/a-actuals.csv" "$work/a-actuals-general.csv" &&
	[ "$status" -eq 0 ] && "$KPITREE" --db "$work/csv.db" export actuals | cmp -s - "$work/a-actuals-general.csv"
ok $? "a workbook LibreOffice saves from the actuals CSV imports to the same values"

# Printed: every page A4 landscape (842 x 595 points).
soffice_to "$work/pdf" pdf "$work/a-strategy.xlsx" "$work/a-report.xlsx"
for f in a-strategy a-report; do
	grep -a -o '/MediaBox *\[[^]]*\]' "$work/pdf/$f.pdf" | tr -d ' ' | sort -u >"$work/boxes-$f"
done
[ "$(cat "$work/boxes-a-strategy")" = "/MediaBox[00841.889763779528595.303937007874]" ]
ok $? "the strategy workbook prints on A4 landscape (pages: $(grep -a -c "/Type */Page[^s]" "$work/pdf/a-strategy.pdf"))"
[ "$(cat "$work/boxes-a-report")" = "/MediaBox[00841.889763779528595.303937007874]" ]
ok $? "and so does the report's, charts and all (pages: $(grep -a -c "/Type */Page[^s]" "$work/pdf/a-report.pdf"))"

exit $((tap_failed > 0))
