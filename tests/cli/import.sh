#!/bin/sh
# import.sh: the bundled data as the seeds give it; import errors, each
# named at FILE:LINE:COLUMN with the database left as it was; CP932 and
# BOM+CRLF files; re-imports; the round trip; imports killed mid-way.
. "$srcdir/tests/cli/lib.sh"
plan 62
fx="$srcdir/tests/fixtures"
db="$work/k.db"

run --db "$db" init
expect 0 "" "init loads the bundled data"
q() { "$SQLITE3" "$db" "$1"; }

[ "$(q "SELECT count(*) FROM placement p JOIN node n ON n.id = p.node_id WHERE n.level = 5")" = 29 ]
ok $? "29 content rows"
[ "$(q "SELECT count(*) FROM kpi WHERE strategy_id IS NOT NULL")" = 19 ]
ok $? "19 strategy KPIs (17 numbers, ⑫ holds three)"
[ "$(q "SELECT group_concat(code, ' ') FROM (SELECT code FROM kpi WHERE code LIKE 'H12%' ORDER BY code)")" = "H12a H12b H12c" ]
ok $? "⑫'s three KPIs are H12a, H12b, H12c"
[ "$(q "SELECT count(*) FROM kpi_placement WHERE home = 0")" = 12 ]
ok $? "12 re-listings, linked to their KPIs"
[ "$(q "SELECT count(*) FROM kpi_placement kp JOIN kpi k ON k.id = kp.kpi_id WHERE kp.home = 0 AND k.code = 'H17'")" = 3 ]
ok $? "H17 is re-listed three times"
[ "$(q "SELECT count(*) FROM grant_menu")" = 9 ] && [ "$(q "SELECT count(*) FROM placement_menu")" = 45 ]
ok $? "9 grant menus on 45 menu placements"
[ "$(q "SELECT count(*) FROM project")" = 5 ] && [ "$(q "SELECT count(*) FROM kpi WHERE project_id IS NOT NULL")" = 13 ]
ok $? "5 Sapporo projects with 13 KPIs"
[ "$(q "SELECT count(*) FROM value WHERE kind = 'plan'") $(q "SELECT count(*) FROM value WHERE kind = 'actual'") $(q "SELECT count(*) FROM history")" = "27 26 53" ]
ok $? "27 plan and 26 actual cells, each with its history row"
[ "$(q "SELECT count(*) FROM value v JOIN kpi k ON k.id = v.kpi_id WHERE k.strategy_id IS NOT NULL")" = 0 ]
ok $? "no values invented for the strategy KPIs"
[ "$(q "SELECT count(*) FROM placement WHERE node_id IN (SELECT id FROM node WHERE level = 3 AND label = '⑤')")" = 2 ]
ok $? "measure ⑤ is one node placed twice"
spot=$(q "SELECT group_concat(k.code || '/' || v.fiscal_year || '/' || v.kind || '=' || v.value, ' ') FROM value v JOIN kpi k ON k.id = v.kpi_id WHERE (k.code, v.fiscal_year, v.kind) IN (VALUES ('SP4-2', 2022, 'plan'), ('SP4-3', 2022, 'actual'), ('SP2-1', 2022, 'actual'), ('SP3-2', 2022, 'actual'), ('SP5-2', 2025, 'plan')) ORDER BY k.code")
[ "$spot" = "SP2-1/2022/actual=16.0 SP3-2/2022/actual=257.0 SP4-2/2022/plan=23000.0 SP4-3/2022/actual=30.2 SP5-2/2025/plan=57600.0" ]
ok $? "spot values match seed 002 ($spot)"
run --db "$db" show H16
grep -q '^baseline   1,511億円 (見込額) (R5)$' "$work/out" && grep -q '^target     1,650億円以上 (R10)$' "$work/out"
ok $? "H16 keeps 見込額 and 以上"
run --db "$db" show H01
grep -q '^baseline   28人 (R6)$' "$work/out" && grep -q '^direction  down$' "$work/out"
ok $? "H01 is 28人 (R6) → 0人 (R7), down"

dump_of() { "$SQLITE3" "$1" "SELECT k.code, v.fiscal_year, v.kind, v.value, v.note
  FROM value v JOIN kpi k ON k.id = v.kpi_id ORDER BY 1, 2, 3" | md5sum; }
dump() { "$SQLITE3" "$db" .dump | md5sum; }
before=$(dump)
# import_fails FILE WANT DESCRIPTION: exit 1, exactly these errors, nothing changed.
import_fails() {
	run --db "$db" import "$1"
	expect 1 "$2
kpitree: nothing imported" "$3"
	[ "$(dump)" = "$before" ]; ok $? "$3: the database is unchanged"
}
import_fails "$fx/imp_unclosed_quote.csv" "kpitree: $fx/imp_unclosed_quote.csv:2:4: unclosed quote" \
	"an unclosed quote"
import_fails "$fx/imp_wrong_cells.csv" "kpitree: $fx/imp_wrong_cells.csv:3: expected 4 cells but found 3" \
	"a row with the wrong number of cells"
head -1 "$srcdir/data/strategy.csv" >"$work/short.csv" && echo x >>"$work/short.csv"
import_fails "$work/short.csv" "kpitree: $work/short.csv:2: expected 13 cells but found 1" \
	"a strategy file whose last row has too few cells"
import_fails "$fx/imp_invalid_utf8.csv" "kpitree: $fx/imp_invalid_utf8.csv:2:5: invalid UTF-8" \
	"invalid UTF-8 after a BOM"
import_fails "$fx/imp_three_errors.csv" "kpitree: $fx/imp_three_errors.csv:2:4: value: not a number: 'abc'
kpitree: $fx/imp_three_errors.csv:3:2: fiscal_year: not a fiscal year: 'R99x'
kpitree: $fx/imp_three_errors.csv:4:1: code: no KPI with code 'SP9-9'" \
	"every error of a file: a non-number, a year that is no year, an unknown code"
import_fails "$fx/imp_empty.csv" "kpitree: $fx/imp_empty.csv: empty file" "an empty file"
import_fails "$fx/imp_unknown_header.csv" "kpitree: $fx/imp_unknown_header.csv:1: a header of no known kind: expected code,fiscal_year,kind,value,... (actuals), municipality,program,... (projects), rank,label,rule (a rank scheme), list,code,label (the assessment and policy lists) or the wide table's 重点戦略プロジェクト,基本戦略,... (strategy)" \
	"a header of no known kind"
{ echo 'code,fiscal_year,kind,value'; printf 'SP2-1,2022,actual,'; head -c 1048576 /dev/zero | tr '\0' 7; echo; } >"$work/big.csv"
import_fails "$work/big.csv" "kpitree: $work/big.csv:2:4: cell longer than 65536 bytes" "a 1 MB cell"

# A file in two encodings is refused at the line that breaks it, not
# imported as mojibake; UTF-16 with its mark is read; a file whose lines
# end in a CR alone names its lines right.
printf 'code,fiscal_year,kind,value,note\nSP2-1,2022,actual,16,見込み\nSP2-1,2023,actual,17,見込み\nSP2-1,2024,actual,18,\214\251\215\236\202\335\n' \
	>"$work/mixed.csv"
import_fails "$work/mixed.csv" "kpitree: $work/mixed.csv:4: CP932 in a UTF-8 file (line 2 is UTF-8); save the whole file in one encoding" \
	"a UTF-8 file with one CP932 row"
printf 'code,fiscal_year,kind,value\rSP2-1,2022,actual,16\rSP2-1,R99x,actual,17\r' >"$work/cr.csv"
import_fails "$work/cr.csv" "kpitree: $work/cr.csv:3:2: fiscal_year: not a fiscal year: 'R99x'" \
	"a file of lines ending in a CR alone"
printf '\377\376' >"$work/utf16.csv"
printf 'code,fiscal_year,kind,value,note\nSP2-1,2022,actual,16,見込み\n' | iconv -f UTF-8 -t UTF-16LE >>"$work/utf16.csv"
"$KPITREE" --db "$db" backup "$work/utf16.db"
run --db "$work/utf16.db" import "$work/utf16.csv"
[ "$status" -eq 0 ] && [ "$("$SQLITE3" "$work/utf16.db" "SELECT v.note FROM value v JOIN kpi k ON k.id = v.kpi_id
  WHERE k.code = 'SP2-1' AND v.fiscal_year = 2022 AND v.kind = 'actual'")" = 見込み ]
ok $? "UTF-16 with its byte order mark imports"

printf 'code,fiscal_year,kind,value,note,entered_by,entered_at\nSP2-1,2022,actual,16,,a,2025-13-45T99:99:99Z\n' >"$work/at.csv"
import_fails "$work/at.csv" "kpitree: $work/at.csv:2:7: entered_at: '2025-13-45T99:99:99Z' is not a UTC time like 2025-04-01T09:00:00Z" \
	"an entered_at that is no time"

# A value that cannot be stored exactly as written is refused, not cut or
# rounded: 20 digits, 80 digits, 0. with 70 zeros and a 1.
long=$(printf '7%.0s' $(seq 80))
tiny="0.$(printf '%070d' 0)1"
printf 'code,fiscal_year,kind,value\nSP2-1,2022,actual,12345678901234567890\nSP2-1,2023,actual,%s\nSP2-1,2024,actual,%s\n' \
	"$long" "$tiny" >"$work/digits.csv"
why="(at most 15 significant digits, 15 before the point and 15 after it)"
import_fails "$work/digits.csv" "kpitree: $work/digits.csv:2:4: value: cannot be stored exactly: '12345678901234567890' $why
kpitree: $work/digits.csv:3:4: value: cannot be stored exactly: '$long' $why
kpitree: $work/digits.csv:4:4: value: cannot be stored exactly: '$tiny' $why" \
	"values of more digits than can be stored exactly"
run --db "$db" set SP2-1 2022 12345678901234567890
expect 1 "kpitree: value: cannot be stored exactly: '12345678901234567890' $why" \
	"set refuses a value it cannot store exactly"
run --db "$db" import "$fx/imp_bad_kpi_cell.csv"
[ "$status" -eq 1 ] && grep -q "^kpitree: $fx/imp_bad_kpi_cell.csv:2:8: 対象KPI: " "$work/err" && [ "$(dump)" = "$before" ]
ok $? "a KPI cell that does not parse is named at its line and column, nothing imported"

# The same values as UTF-8, CP932 and BOM+CRLF import the same.
for kind in utf8 cp932 bom_crlf; do
	"$KPITREE" --db "$db" backup "$work/$kind.db"
	"$KPITREE" --db "$work/$kind.db" import "$fx/imp_values_$kind.csv" >/dev/null 2>&1 &&
		"$SQLITE3" "$work/$kind.db" "SELECT k.code, v.fiscal_year, v.kind, v.value, v.note
		  FROM value v JOIN kpi k ON k.id = v.kpi_id ORDER BY 1, 2, 3" >"$work/$kind.out"
done
cmp -s "$work/utf8.out" "$work/cp932.out" && cmp -s "$work/utf8.out" "$work/bom_crlf.out" &&
	grep -q '^SP4-3|2023|actual|31.5|①～－$' "$work/utf8.out" && grep -q '^SP2-1|2023|actual|1511.0|速報値（暫定）$' "$work/utf8.out"
same=$?
[ $same -eq 0 ] || for kind in cp932 bom_crlf; do diff "$work/utf8.out" "$work/$kind.out" | sed 's/^/# /'; done
ok $same "CP932 and BOM+CRLF files import the same as UTF-8"

# Re-importing the same file changes nothing, not even the history.
run --db "$work/utf8.db" import "$fx/imp_values_utf8.csv"
[ "$status" -eq 0 ] && grep -q '; 0 values changed$' "$work/out"
ok $? "re-importing the same file changes nothing"

# One value given twice in one file with two numbers: refused, naming
# both rows; nothing is written. The same row twice is taken once.
printf 'code,fiscal_year,kind,value\nSP2-1,2022,actual,17\nSP2-1,R4,actual,18\n' >"$work/twice.csv"
before=$("$SQLITE3" "$work/utf8.db" "SELECT count(*) FROM history")
run --db "$work/utf8.db" import "$work/twice.csv"
expect 1 "kpitree: $work/twice.csv:3:4: SP2-1 R4 actual is given twice with different values or notes: line 2 and line 3
kpitree: nothing imported" \
	"a value given twice in one file with two numbers is refused, naming both lines"
[ "$("$SQLITE3" "$work/utf8.db" "SELECT count(*) FROM history")" = "$before" ]
ok $? "and nothing is written"
LANG=ja_JP.UTF-8 run --db "$work/utf8.db" import "$work/twice.csv"
grep -q "twice.csv:3:4: SP2-1 令和4年度 実績 が、" "$work/err"
ok $? "in Japanese the key is Japanese too: 令和4年度 実績, not R4 actual"
printf 'code,fiscal_year,kind,value\nSP2-1,2022,actual,17\nSP2-1,R4,actual,17\n' >"$work/same.csv"
run --db "$work/utf8.db" import "$work/same.csv"
[ "$status" -eq 0 ] && grep -q '; 1 value changed$' "$work/out" &&
	[ "$("$KPITREE" --db "$work/utf8.db" history SP2-1 | grep -c 'R4 (2022) actual')" = 2 ]
ok $? "the same row twice is taken once"
# The same KPI, year and kind in a file sorted by year, in two files of
# one import, and after another error: each refused, nothing written.
printf 'code,fiscal_year,kind,value\nSP2-1,2021,actual,5\nSP2-2,2021,actual,5\nSP2-1,2022,actual,17\nSP2-2,2022,actual,9\nSP2-1,2022,actual,19\n' >"$work/by_year.csv"
run --db "$work/utf8.db" import "$work/by_year.csv"
expect 1 "kpitree: $work/by_year.csv:6:4: SP2-1 R4 actual is given again with another value or note than an earlier row of its KPI ($work/by_year.csv, whose rows start at line 2)
kpitree: nothing imported" "a file sorted by year gives a key twice: refused"
printf 'code,fiscal_year,kind,value\nSP2-1,2022,actual,20\n' >"$work/one.csv"
printf 'code,fiscal_year,kind,value\nSP2-1,2022,actual,21\n' >"$work/two.csv"
run --db "$work/utf8.db" import "$work/one.csv" "$work/two.csv"
expect 1 "kpitree: $work/two.csv:2:4: SP2-1 R4 actual is given again with another value or note than an earlier row of its KPI ($work/one.csv, whose rows start at line 2)
kpitree: nothing imported" "two files of one import give a key twice: refused, naming both"
printf 'code,fiscal_year,kind,value\nZZZ,2022,actual,1\nSP2-1,2022,actual,30\nSP2-1,2022,actual,31\n' >"$work/after.csv"
run --db "$work/utf8.db" import "$work/after.csv"
[ "$status" -eq 1 ] && grep -q "after.csv:4:4: SP2-1 R4 actual is given twice" "$work/err"
ok $? "after another error, a key given twice is still named"
! "$KPITREE" --db "$work/utf8.db" history SP2-1 | grep -q -- "-> \(19\|20\|21\|30\|31\)  (import)"
ok $? "none of them wrote anything"
# A file without a note column keeps the notes stored, as set does.
"$KPITREE" --db "$work/utf8.db" set SP2-1 R4 18 --note "出典: 市の集計" >/dev/null
printf 'code,fiscal_year,kind,value\nSP2-1,2022,actual,19\n' >"$work/nonote.csv"
"$KPITREE" --db "$work/utf8.db" import "$work/nonote.csv" >/dev/null &&
	"$KPITREE" --db "$work/utf8.db" show SP2-1 | grep -qx "note R4 (2022) actual: 出典: 市の集計"
ok $? "a file without a note column keeps the stored note"

# Round trip: export all, import into an empty database, export again.
for k in kpis actuals strategy projects; do "$KPITREE" --db "$work/utf8.db" export $k -o "$work/a-$k.csv"; done
round_trip csv "export, import, export gives the same bytes for all four kinds"
cmp -s "$work/a-strategy.csv" "$srcdir/data/strategy.csv"
ok $? "the strategy export is the bundled wide table, byte for byte"
"$KPITREE" --db "$work/utf8.db" export actuals --excel -o "$work/excel.csv"
cr=$(printf '\r')
records=$("$SQLITE3" "$work/utf8.db" "SELECT count(*) + 1 FROM value")
head -c 3 "$work/excel.csv" | od -An -tx1 | grep -q 'ef bb bf' &&
	[ "$(grep -c "$cr\$" "$work/excel.csv")" = "$records" ] &&
	[ "$(tr -d '\r' <"$work/excel.csv" | tail -c +4)" = "$(cat "$work/a-actuals.csv")" ]
ok $? "--excel writes a BOM and CRLF, the same rows"

# Values are written 8,192 at a time, a chunk ending before the rows of
# the KPI it would cut. 20 municipalities' strategies (bench/gen): 19,000
# values, several chunks.
mkdir "$work/gen"
"$GEN" "$work/gen" 20 >"$work/gen/counts"
rows=$(awk -F': ' '$1 == "value rows" { print $2 }' "$work/gen/counts")
values="$work/gen/values.csv"
# big DB: a fresh database with the generated strategies.
big() {
	rm -f "$work/$1.db"
	"$KPITREE" --db "$work/$1.db" init --empty >/dev/null &&
		"$KPITREE" --db "$work/$1.db" import "$work/gen/strategy.csv" >/dev/null
}
# same DB FILE: the database's values and history agree (check), and
# its actuals export is FILE byte for byte.
same() {
	"$KPITREE" --db "$work/$1.db" check >/dev/null &&
		"$KPITREE" --db "$work/$1.db" export actuals -o "$work/$1.csv" &&
		cmp -s "$work/$1.csv" "$2"
}
count() { "$SQLITE3" "$work/$1.db" "SELECT count(*) FROM $2"; }
big all
run --db "$work/all.db" import "$values"
[ "$rows" -gt 16384 ] && [ "$status" -eq 0 ] && grep -q "; $rows values changed\$" "$work/out" &&
	[ "$(count all value)" = "$rows" ] && [ "$(count all history)" = "$rows" ] && same all "$values"
ok $? "$rows values in chunks: each once in value and in history, exported back byte for byte"

# The first 9,006 rows (the file cut inside a KPI's rows), then all.
big half
head -n 9007 "$values" >"$work/half.csv"
"$KPITREE" --db "$work/half.db" import "$work/half.csv" >/dev/null
run --db "$work/half.db" import "$values"
[ "$status" -eq 0 ] && grep -q "; $((rows - 9006)) values changed\$" "$work/out" &&
	[ "$(count half history)" = "$rows" ] && same half "$values"
ok $? "a file's first 9,006 rows, then all of it: the rest changes, once each"

# Every row again with another note: every value changes once more.
awk -F, -v OFS=, 'NR > 1 { $5 = "note " NR } { print }' "$values" >"$work/notes.csv"
run --db "$work/all.db" import "$work/notes.csv"
[ "$status" -eq 0 ] && grep -q "; $rows values changed\$" "$work/out" &&
	[ "$(count all history)" = "$((2 * rows))" ] &&
	[ "$(count all "history WHERE old_value = new_value AND old_note <> new_note")" = "$rows" ] &&
	same all "$work/notes.csv"
ok $? "every row with a new note: $rows more changes, the notes exported back"

# Thirteen KPIs whose windows of years hold 1990 to 2189: the long files
# below keep the value rules.
wide_kpis "$db" K 13 || exit 1

# Any readable stream imports, however long: standard input from a pipe
# (the manual's way over SSH) and a FIFO, each over 64 KiB.
{
	echo 'code,fiscal_year,kind,value,note'
	y=1990
	while [ $y -lt 2190 ]; do
		echo "K1,$y,plan,$y,a note long enough that two hundred rows of it make more than 64 KiB of text and padded out with words until each row is near two hundred bytes long"
		echo "K2,$y,plan,$((y + 1)),a note long enough that two hundred rows of it make more than 64 KiB of text and padded out with words until each row is near two hundred bytes long"
		y=$((y + 1))
	done
} >"$work/stream.csv"
"$KPITREE" --db "$db" backup "$work/stream.db"
cat "$work/stream.csv" | "$KPITREE" --db "$work/stream.db" import /dev/stdin >"$work/out" 2>"$work/err"
[ $? -eq 0 ] && [ "$(wc -c <"$work/stream.csv")" -gt 65536 ] &&
	[ "$("$SQLITE3" "$work/stream.db" "SELECT count(*) FROM value WHERE note LIKE 'a note long%'")" = 400 ]
ok $? "import /dev/stdin from a pipe, over 64 KiB"
"$KPITREE" --db "$db" backup "$work/fifo.db"
mkfifo "$work/fifo"
cat "$work/stream.csv" >"$work/fifo" &
run --db "$work/fifo.db" import "$work/fifo"
wait
[ "$status" -eq 0 ] && [ "$(dump_of "$work/fifo.db")" = "$(dump_of "$work/stream.db")" ]
ok $? "import from a FIFO, the same as from the pipe"

# An import killed at a random moment leaves all of the file or none.
{
	echo 'code,fiscal_year,kind,value,note'
	for code in K1 K2 K3 K4 K5 K6 K7 K8 K9 K10 K11 K12 K13; do
		y=1990
		while [ $y -lt 2190 ]; do echo "$code,$y,plan,$y,kill test"; y=$((y + 1)); done
	done
} >"$work/many.csv"
rows=$(($(wc -l <"$work/many.csv") - 1))
"$KPITREE" --db "$db" backup "$work/base.db"
bad=0
none=0
i=0
while [ $i -lt 20 ]; do
	kill_during "0.0$(( (i * 37) % 10 ))$(( (i * 53) % 10 ))" import "$work/many.csv"
	n=$("$SQLITE3" "$work/kill.db" "SELECT count(*) FROM value WHERE note = 'kill test'")
	if [ "$n" != 0 ] && [ "$n" != "$rows" ]; then bad=1; echo "# $n of $rows values after kill $i"; fi
	[ "$n" = 0 ] && none=$((none + 1))
	i=$((i + 1))
done
echo "# $none of 20 kills landed before the commit"
# Not killed, the file imports whole: the kills had something to break.
cp "$work/base.db" "$work/whole.db"
"$KPITREE" --db "$work/whole.db" import "$work/many.csv" >/dev/null &&
	[ "$("$SQLITE3" "$work/whole.db" "SELECT count(*) FROM value WHERE note = 'kill test'")" = "$rows" ] || bad=1
ok $bad "20 imports killed with SIGKILL: each time check passes and the file is all there or not at all"
finish
