#!/bin/sh
# bench/run.sh: how fast kpitree imports a whole prefecture's worth of
# municipal strategies and ten years of their values, and how much memory
# the values import takes, next to the sqlite3 shell's .import of the same
# values file into a bare table.
#
#   KPITREE         the program (default ./kpitree)
#   GEN             the generator, bench/gen.c built (default ./bench/gen)
#   DUE             bench/due.c built (default ./bench/due)
#   SCHEMA_AT       tests/schema_at.c built (default ./tests/schema_at; part migrate)
#   XLSX_MAKE       tests/cli/xlsx_make.py, the hostile workbooks (part xlsx)
#   PARTS           which parts, of: strategy values xlsx size check migrate due exports
#                   browser
#                   (default all; both imports always run, their rows
#                   printed by the parts strategy and values)
#   SQLITE3         the sqlite3 shell (default sqlite3)
#   MUNICIPALITIES  how many (default 1741; 50 for a quick try)
#   RUNS            how many times each import and check runs in turn with
#                   its reference (default 3 for the values import and the
#                   check, 1 for the strategy import); the fastest of each
#                   side decides a ratio, and every run is printed
#   TMPDIR          where the work directory goes (default /tmp)
#   KEEP            if set, keep the work directory
#   GNU_TIME        GNU time, for peak memory (default /usr/bin/time)
#
# It reports; it does not fail on its goals. It exits non-zero only when a
# step fails. Peak memory needs GNU time (/usr/bin/time, Debian package
# `time`); without it the peaks read n/a.

KPITREE=${KPITREE:-./kpitree}
GEN=${GEN:-./bench/gen}
DUE=${DUE:-./bench/due}
SCHEMA_AT=${SCHEMA_AT:-./tests/schema_at}
SQLITE3=${SQLITE3:-sqlite3}
PARTS=${PARTS:-strategy values xlsx size check migrate due exports browser}
MUNICIPALITIES=${MUNICIPALITIES:-1741}
quick_runs=${RUNS:-3}
strategy_runs=${RUNS:-1}
GNU_TIME=${GNU_TIME:-/usr/bin/time}

die() {
	echo "bench: $*" >&2
	exit 1
}

[ -x "$KPITREE" ] || die "no program at $KPITREE (set KPITREE)"
[ -x "$GEN" ] || die "no generator at $GEN (make bench/gen, or set GEN)"
# part NAME: whether NAME was asked for (PARTS)
part() {
	case " $PARTS " in
	*" $1 "*) return 0 ;;
	*) return 1 ;;
	esac
}
command -v "$SQLITE3" >/dev/null 2>&1 || die "no sqlite3 shell '$SQLITE3' (set SQLITE3)"

work=$(mktemp -d "${TMPDIR:-/tmp}/kpitree-bench.XXXXXX") || die "cannot make a work directory"
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	if [ -n "$KEEP" ]; then
		echo "bench: kept $work" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# GNU time, if it is there and is GNU's (-f, -o).
if [ -x "$GNU_TIME" ] && "$GNU_TIME" -f '%M' -o /dev/null true 2>/dev/null; then
	have_gnu_time=1
else
	have_gnu_time=
	echo "bench: no GNU time at $GNU_TIME (Debian package 'time'): peak memory n/a" >&2
fi

# Seconds since the epoch, with nanoseconds where date knows %N.
now() {
	t=$(date +%s.%N)
	case $t in
	*N*) date +%s ;;
	*) echo "$t" ;;
	esac
}

# timed NAME COMMAND...: runs COMMAND (its output into $work/NAME.out and
# .err); sets elapsed (seconds), peak (MB, or n/a) and cpu (user and
# system seconds, or n/a). Fails the benchmark if the command fails.
timed() {
	name=$1
	shift
	t0=$(now)
	if [ -n "$have_gnu_time" ]; then
		"$GNU_TIME" -f '%e %M %U %S' -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err"
	else
		"$@" >"$work/$name.out" 2>"$work/$name.err"
	fi
	rc=$?
	t1=$(now)
	if [ "$rc" -ne 0 ]; then
		echo "bench: $name failed (exit $rc): $*" >&2
		head -n 20 "$work/$name.err" >&2
		exit 1
	fi
	elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
	if [ -n "$have_gnu_time" ]; then
		peak=$(tail -n 1 "$work/$name.time" |
			awk '{ printf "%.1f", $2 / 1024 }')
		cpu=$(tail -n 1 "$work/$name.time" | awk '{ printf "%.2f", $3 + $4 }')
	else
		peak=n/a
		cpu=n/a
	fi
}

# report LABEL ROWS: one line from elapsed and peak.
report() {
	awk -v label="$1" -v n="$2" -v s="$elapsed" -v m="$peak" 'BEGIN {
		rate = n / (s > 0.001 ? s : 0.001)
		printf "%s %d rows in %s s (%d rows/s), peak %s\n", label, n, s, rate,
			m == "n/a" ? m : m " MB"
	}'
}

# sheet_bytes BOOK: the inflated size of the first sheet's XML.
sheet_bytes() {
	/usr/bin/python3 -c 'import sys, zipfile
print(zipfile.ZipFile(sys.argv[1]).getinfo("xl/worksheets/sheet1.xml").file_size)' "$1" 2>/dev/null || echo 0
}

# cpu_ratio LABEL X Y GOAL: "LABEL: X s / Y s = X/Y GOAL", or n/a.
cpu_ratio() {
	awk -v label="$1" -v x="$2" -v c="$3" -v goal="$4" 'BEGIN {
		if (x == "n/a" || c == "n/a")
			printf "%s: n/a %s\n", label, goal
		else
			printf "%s: %.2f s / %.2f s = %.2f %s\n", label, x, c, x / (c > 0.001 ? c : 0.001), goal
	}'
}

# A measure and its reference run in turns (ours, the reference, ours,
# ...), so that the machine's load, which comes and goes, falls on both
# alike; the fastest of each side decides the ratio (the least is what
# the work takes, the rest is the machine's noise), and every run is
# printed so that the spread shows.
# fold NAME: the last timed run (elapsed, cpu, peak) added to NAME's
# runs, a line each in $work/NAME.runs.
fold() {
	echo "$elapsed $cpu $peak" >>"$work/$1.runs"
}
# fastest_of NAME: elapsed and cpu set to the least of NAME's runs, peak
# to the highest (n/a if one is n/a).
fastest_of() {
	elapsed=$(awk 'NR == 1 || $1 < m { m = $1 } END { print m }' "$work/$1.runs")
	cpu=$(awk '$2 == "n/a" { na = 1 } NR == 1 || $2 < m { m = $2 } END { print na ? "n/a" : m }' "$work/$1.runs")
	peak=$(awk '$3 == "n/a" { na = 1 } NR == 1 || $3 > m { m = $3 } END { print na ? "n/a" : m }' "$work/$1.runs")
}
# in_turns LABEL OURS REFERENCE: one line of every run's time, each of
# ours beside the reference's of the same turn.
in_turns() {
	awk -v label="$1" 'FNR == NR { x[++n] = $1; next } { y[FNR] = $1 }
		END { line = label " in turns (s):"
		for (i = 1; i <= n; i++) line = line (i > 1 ? "," : "") " " x[i] (i in y ? " / " y[i] : "")
		print line " (the fastest of each decides)" }' "$work/$2.runs" "$work/$3.runs"
}

# turns N OURS [REFERENCE]: runs the function run_OURS, then
# run_REFERENCE if named, in turn N times, each run folded into the runs
# of its name.
turns() {
	run=0
	while [ $run -lt "$1" ]; do
		"run_$2"
		fold "$2"
		if [ -n "${3:-}" ]; then
			"run_$3"
			fold "$3"
		fi
		run=$((run + 1))
	done
}

# reference NAME DB SQL: the sqlite3 shell runs the file SQL on a new
# database DB, timed as NAME.
# shellcheck disable=SC2317 # called by the runs of turns
reference() {
	rm -f "$2"
	timed "$1" "$SQLITE3" -bail "$2" <"$3"
	if [ -s "$work/$1.err" ]; then
		sed 's/^/bench: sqlite3: /' "$work/$1.err" >&2
	fi
}

# hostile: the workbooks of tests/cli/xlsx_make.py that stress the
# reader's bounds, each imported into an empty database: how long, in how
# much memory, refused or read.
hostile() {
	make_book=${XLSX_MAKE:-$(dirname "$0")/../tests/cli/xlsx_make.py}
	if ! [ -r "$make_book" ] || ! /usr/bin/python3 -c 'import zipfile' 2>/dev/null; then
		echo "hostile workbooks: n/a (no python3 or no $make_book)"
		return
	fi
	"$KPITREE" --db "$work/hostile.db" init >/dev/null 2>&1 || die "kpitree init failed"
	for kind in bomb ratio doctype empty bigcell bigsheet; do
		/usr/bin/python3 "$make_book" "$kind" "$work/$kind.xlsx" || die "xlsx_make.py $kind failed"
		t0=$(now)
		if [ -n "$have_gnu_time" ]; then
			"$GNU_TIME" -f '%M' -o "$work/hostile.time" "$KPITREE" --db "$work/hostile.db" \
				import "$work/$kind.xlsx" >/dev/null 2>"$work/hostile.err"
		else
			"$KPITREE" --db "$work/hostile.db" import "$work/$kind.xlsx" >/dev/null 2>"$work/hostile.err"
		fi
		rc=$?
		t1=$(now)
		hpeak=n/a
		[ -n "$have_gnu_time" ] && hpeak=$(tail -n 1 "$work/hostile.time" | awk '{ printf "%.1f MB", $1 / 1024 }')
		if [ "$rc" -eq 0 ]; then
			what=read
		else
			what="refused: $(head -n 1 "$work/hostile.err" | sed 's/^[^ ]* [^ ]*: //')"
		fi
		awk -v k="$kind" -v a="$t0" -v b="$t1" -v m="$hpeak" -v w="$what" -v z="$(wc -c <"$work/$kind.xlsx")" \
			'BEGIN { printf "hostile workbook %s (%d bytes): %.2f s, peak %s, %s\n", k, z, b - a, m, w }'
		rm -f "$work/$kind.xlsx"
	done
	rm -f "$work/hostile.db"
}

db=$work/kpitree.db
bare=$work/bare.db

echo "bench: generating $MUNICIPALITIES municipalities into $work" >&2
"$GEN" "$work" "$MUNICIPALITIES" >"$work/gen.out" || die "the generator failed"
content_rows=$(awk -F': ' '$1 == "content rows" { print $2 }' "$work/gen.out")
value_rows=$(awk -F': ' '$1 == "value rows" { print $2 }' "$work/gen.out")
if [ -z "$content_rows" ] || [ -z "$value_rows" ]; then
	die "the generator did not say its counts"
fi
sed 's/^/bench: /' "$work/gen.out" >&2

# ratio A B: A / B to two places
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / (b > 0.001 ? b : 0.001) }'
}
# mb BYTES: in MB (10^6 bytes), one place
mb() {
	awk -v n="$1" 'BEGIN { printf "%.1f", n / 1000000 }'
}

# The strategy import, into a new empty database each run (the last
# kept for the parts after), and its reference: the sqlite3 shell loads
# the same file into one bare table, then fills an FTS5 trigram table
# over its nine text columns from it.
# shellcheck disable=SC2317 # called by turns
run_strategy() {
	rm -f "$db" "$db-wal" "$db-shm"
	"$KPITREE" --db "$db" init --empty >"$work/init.out" 2>&1 ||
		die "kpitree init failed: $(cat "$work/init.out")"
	echo "bench: importing strategy.csv" >&2
	timed strategy "$KPITREE" --db "$db" import "$work/strategy.csv"
}
# shellcheck disable=SC2317 # called by turns
run_sqlite3_strategy() {
	echo "bench: sqlite3 .import and FTS5 of strategy.csv" >&2
	reference sqlite3_strategy "$work/bare-strategy.db" "$work/strategy.sql"
	rm -f "$work/bare-strategy.db"
}
{
	echo 'CREATE TABLE bare(strategy TEXT, code TEXT, project TEXT, basic TEXT, measure TEXT,'
	echo ' item TEXT, content TEXT, kpi TEXT, number TEXT, field TEXT, menus TEXT, example TEXT,'
	echo ' ai_example TEXT);'
	echo '.mode csv'
	echo ".import '$work/strategy.csv' bare"
	echo 'CREATE VIRTUAL TABLE search USING fts5(project, basic, measure, item, content, kpi,'
	echo " menus, example, ai_example, tokenize = 'trigram');"
	echo 'INSERT INTO search SELECT project, basic, measure, item, content, kpi, menus, example,'
	echo ' ai_example FROM bare;'
} >"$work/strategy.sql"
if part strategy; then
	turns "$strategy_runs" strategy sqlite3_strategy
else
	turns 1 strategy
fi
fastest_of strategy
strategy_line=$(report "strategy import:" "$content_rows")
strategy_s=$elapsed
strategy_peak=$peak
strategy_cpu=$cpu
# The strategies alone, for the values import's runs and the workbook's
# comparison (part xlsx).
cp "$db" "$work/base.db" || die "cannot copy the database"

if part strategy; then
	fastest_of sqlite3_strategy
	reference_s=$elapsed
	reference_peak=$peak
	reference_cpu=$cpu
	# The same import of half the municipalities: the peak must not
	# grow with the file.
	mkdir "$work/half" || die "cannot make $work/half"
	"$GEN" "$work/half" $((MUNICIPALITIES / 2)) >/dev/null || die "the generator failed"
	"$KPITREE" --db "$work/half.db" init --empty >/dev/null 2>&1 || die "kpitree init failed"
	echo "bench: importing half as many strategies" >&2
	timed strategy_half "$KPITREE" --db "$work/half.db" import "$work/half/strategy.csv"
	half_peak=$peak
	rm -rf "$work/half" "$work/half.db"
	echo "$strategy_line"
	echo "sqlite3 shell on strategy.csv (.import into one bare table, then an FTS5 trigram table over its nine text columns): $reference_s s, peak $reference_peak MB"
	echo "ratio (strategy import / sqlite3 shell): $(ratio "$strategy_s" "$reference_s") (goal <= 1.00)"
	in_turns "strategy import / sqlite3 shell," strategy sqlite3_strategy
	# on a machine others share, the time is mostly the wait for a core:
	# the CPU each took (user and system, both threads of the import)
	cpu_ratio "CPU (strategy import / sqlite3 shell)" "$strategy_cpu" "$reference_cpu" "(the time decides the goal)"
	echo "peak memory of the strategy import: $strategy_peak MB, $half_peak MB at half the file (goal <= 64 MB, not growing with the file)"
fi

# The values import, into a copy of the strategies' database each run
# (the last kept), and its reference: the sqlite3 shell's .import into a
# bare table. .import --skip arrived in 3.32.0; before it, the header
# becomes a row of the table and is subtracted from the count.
# shellcheck disable=SC2317 # called by turns
run_values() {
	rm -f "$db" "$db-wal" "$db-shm"
	cp "$work/base.db" "$db" || die "cannot copy the database"
	echo "bench: importing values.csv" >&2
	timed values "$KPITREE" --db "$db" import "$work/values.csv"
}
# shellcheck disable=SC2317 # called by turns
run_sqlite3() {
	echo "bench: sqlite3 .import of values.csv" >&2
	reference sqlite3 "$bare" "$work/import.sql"
	imported=$("$SQLITE3" "$bare" 'SELECT count(*) FROM bare') || die "cannot count the bare table"
	imported=$((imported - header_rows))
	[ "$imported" -eq "$value_rows" ] ||
		echo "bench: sqlite3 imported $imported rows, the file has $value_rows" >&2
	rm -f "$bare"
}
{
	echo 'CREATE TABLE bare(code TEXT, fiscal_year TEXT, kind TEXT, value TEXT, note TEXT,'
	echo ' entered_by TEXT, entered_at TEXT);'
	echo '.mode csv'
} >"$work/import.sql"
printf 'a\n1\n' >"$work/probe.csv"
probe=$(printf '%s\n' 'CREATE TABLE t(a);' '.mode csv' ".import --skip 1 '$work/probe.csv' t" \
	'SELECT count(*) FROM t;' | "$SQLITE3" :memory: 2>/dev/null)
if [ "$probe" = 1 ]; then
	echo ".import --skip 1 '$work/values.csv' bare" >>"$work/import.sql"
	header_rows=0
else
	echo ".import '$work/values.csv' bare" >>"$work/import.sql"
	header_rows=1
fi
if part values; then
	turns "$quick_runs" values sqlite3
else
	turns 1 values
fi
fastest_of values
values_line=$(report "values import:  " "$value_rows")
values_s=$elapsed
values_peak=$peak

if part values; then
	fastest_of sqlite3
	sqlite_line=$(report "sqlite3 .import:" "$imported")
	sqlite_s=$elapsed

	echo "$values_line"
	echo "$sqlite_line"
	echo "ratio (values import / sqlite3 .import): $(ratio "$values_s" "$sqlite_s") (goal <= 1.00)"
	in_turns "values import / sqlite3 .import," values sqlite3
	echo "peak memory of the values import: $values_peak MB (goal < 64 MB)"
fi

if part xlsx; then
	# The same values as a workbook, next to them as CSV: at most
	# 1,000,000 rows (a sheet holds 1,048,576), the first rows of
	# values.csv, each imported into a copy of the strategies' database;
	# the workbook is kpitree's own export of them. CPU time (user and
	# system, both threads of the import).
	part_rows=$((value_rows < 1000000 ? value_rows : 1000000))
	head -n $((part_rows + 1)) "$work/values.csv" >"$work/part.csv"
	cp "$work/base.db" "$work/part-csv.db" && cp "$work/base.db" "$work/part-xlsx.db" ||
		die "cannot copy the database"
	echo "bench: importing $part_rows values as CSV and as a workbook" >&2
	timed part_csv "$KPITREE" --db "$work/part-csv.db" import "$work/part.csv"
	csv_cpu=$cpu
	csv_s=$elapsed
	"$KPITREE" --db "$work/part-csv.db" export actuals -o "$work/part.xlsx" ||
		die "kpitree export actuals -o part.xlsx failed"
	timed part_xlsx "$KPITREE" --db "$work/part-xlsx.db" import "$work/part.xlsx"
	xlsx_cpu=$cpu
	rm -f "$work/part-csv.db" "$work/part-xlsx.db"
	echo "$(report "xlsx import:    " "$part_rows") (its sheet $(mb "$(sheet_bytes "$work/part.xlsx")") MB of XML)"
	cpu_ratio "xlsx import CPU / csv import CPU ($part_rows rows)" "$xlsx_cpu" "$csv_cpu" "(goal <= 2.00)"
	# the time too: what an official waits for, the sheet read in one
	# thread while the other writes; on a machine others share it is
	# mostly the wait for a core, so the CPU decides the goal
	echo "xlsx import time / csv import time: $elapsed s / $csv_s s = $(ratio "$elapsed" "$csv_s") (the CPU decides the goal)"
	rm -f "$work/part.xlsx" "$work/part.csv"
	# The national strategy table as a workbook (its sheet past the 256
	# MiB a workbook's other parts may take: the sheet is streamed), into
	# an empty database, next to the CSV strategy import above.
	"$KPITREE" --db "$work/base.db" export strategy -o "$work/strategy.xlsx" ||
		die "kpitree export strategy -o strategy.xlsx failed"
	"$KPITREE" --db "$work/strategy-xlsx.db" init --empty >/dev/null 2>&1 || die "kpitree init failed"
	echo "bench: importing the strategy table as a workbook" >&2
	timed strategy_xlsx "$KPITREE" --db "$work/strategy-xlsx.db" import "$work/strategy.xlsx"
	echo "$(report "xlsx strategy import:" "$content_rows") (its sheet $(mb "$(sheet_bytes "$work/strategy.xlsx")") MB of XML, the CSV import's peak $strategy_peak MB)"
	cpu_ratio "xlsx strategy import CPU / csv strategy import CPU" "$cpu" "$strategy_cpu" "(no goal)"
	rm -f "$work/strategy.xlsx" "$work/strategy-xlsx.db"
	hostile
fi
rm -f "$work/base.db"

if part exports; then
	# The report of every KPI beside the other exports of the same
	# database: a report is an export like the others (it once took
	# 610 s). The goal: no slower than the slowest of them (the strategy
	# table); the values' export, the fastest, is shown beside.
	echo "bench: the exports" >&2
	timed export_actuals "$KPITREE" --db "$db" export actuals -o "$work/actuals.out.csv"
	actuals_s=$elapsed
	timed export_strategy "$KPITREE" --db "$db" export strategy -o "$work/strategy.out.csv"
	strategy_export_s=$elapsed
	timed export_report "$KPITREE" --db "$db" export report --format csv -o "$work/report.out.csv"
	echo "export report (csv, every KPI): $elapsed s, peak $peak MB; export strategy: $strategy_export_s s; ratio $(ratio "$elapsed" "$strategy_export_s") (goal <= 1.00); export actuals: $actuals_s s ($(ratio "$elapsed" "$actuals_s") of it)"
	rm -f "$work/actuals.out.csv" "$work/strategy.out.csv" "$work/report.out.csv"
fi

if part size; then
	db_bytes=$(wc -c <"$db")
	csv_bytes=$(($(wc -c <"$work/strategy.csv") + $(wc -c <"$work/values.csv")))
	echo "database size after both imports: $(mb "$db_bytes") MB; the two CSV files: $(mb "$csv_bytes") MB; ratio $(ratio "$db_bytes" "$csv_bytes") (goal <= 1.50)"
fi

if part check; then
	echo "bench: PRAGMA integrity_check, kpitree check, kpitree check --quick" >&2
	# in turns, integrity_check first: each then reads a file the
	# machine has cached
	# shellcheck disable=SC2317 # called by turns
	run_integrity() { timed integrity "$SQLITE3" "$db" 'PRAGMA integrity_check'; }
	# shellcheck disable=SC2317 # called by turns
	run_check() { timed check "$KPITREE" --db "$db" check; }
	turns "$quick_runs" integrity check
	fastest_of integrity
	integrity_s=$elapsed
	integrity_cpu=$cpu
	fastest_of check
	check_s=$elapsed
	check_cpu=$cpu
	timed quick "$KPITREE" --db "$db" check --quick
	quick_s=$elapsed
	echo "kpitree check: $check_s s; PRAGMA integrity_check: $integrity_s s; ratio $(ratio "$check_s" "$integrity_s") (goal <= 1.20)"
	in_turns "kpitree check / integrity_check," check integrity
	# the check's rules run in a thread of their own beside the
	# integrity check: its CPU, both threads, is what it costs
	cpu_ratio "CPU (kpitree check / integrity_check)" "$check_cpu" "$integrity_cpu" "(the time decides the goal)"
	echo "kpitree check --quick: $quick_s s (goal <= 2 s), $(ratio "$quick_s" "$integrity_s") of integrity_check"
fi

if part migrate; then
	# The national database as the last schema before the search rows
	# of an import were made at its end (version 13: its row triggers
	# give each row its search row as it comes), given the new one's
	# rows table by table; opened, it is migrated: check passes on it,
	# and it exports the same bytes as the database imported new.
	[ -x "$SCHEMA_AT" ] || die "no $SCHEMA_AT (make tests/schema_at, or set SCHEMA_AT)"
	echo "bench: a version 13 database of the same rows, migrated" >&2
	old=$work/old.db
	"$SCHEMA_AT" "$old" 13 || die "schema_at failed"
	# (the tables and columns version 13 had: later ones are left out)
	columns="(SELECT group_concat('\"' || c.name || '\"') FROM pragma_table_info(m.name, 'o') c)"
	tables=$("$SQLITE3" "$db" "ATTACH '$old' AS o;
 SELECT group_concat('INSERT OR REPLACE INTO main.\"' || name || '\"(' || $columns || ') SELECT '
 || $columns || ' FROM f.\"' || name || '\";', char(10)) FROM main.sqlite_master m
 WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search%' AND name <> 'history_seq'
 AND name IN (SELECT name FROM o.sqlite_master WHERE type = 'table')") ||
		die "cannot list the tables"
	timed migrate_copy "$SQLITE3" -bail "$old" "ATTACH '$db' AS f; BEGIN;
$tables
UPDATE history_seq SET last = (SELECT last FROM f.history_seq);
COMMIT;"
	copy_s=$elapsed
	timed migrate_check "$KPITREE" --db "$old" check
	migrated=$(cat "$work/migrate_check.out")
	same=yes
	for kind in strategy actuals; do
		"$KPITREE" --db "$old" export $kind -o "$work/old-$kind.csv" &&
			"$KPITREE" --db "$db" export $kind -o "$work/new-$kind.csv" ||
			die "kpitree export $kind failed"
		cmp -s "$work/old-$kind.csv" "$work/new-$kind.csv" || same=no
		rm -f "$work/old-$kind.csv" "$work/new-$kind.csv"
	done
	rm -f "$old" "$old-wal" "$old-shm"
	echo "migrated database (version 13, its rows given in $copy_s s): migrated and checked in $elapsed s, check says '$migrated'; exports the same bytes as the new one: $same"
fi

if part due; then
	[ -x "$DUE" ] || die "no $DUE (make bench/due, or set DUE)"
	echo "bench: what is due after another official's commit" >&2
	"$DUE" "$db" || die "bench/due failed"
fi

part browser || exit 0

# The browser on the national database, as an official over SSH meets
# it: start to quit, the work of a key, and the bytes it sends to the
# terminal (under script(1), less those of starting and quitting).
browse_line() {
	echo "TERM=xterm-256color LANG=C.UTF-8 ${BROWSE_ENV:-} '$KPITREE' --db '$db' --keys '$1'"
}
browse() {
	script -qc "$(browse_line "$1")" /dev/null </dev/null
}
# fastest KEYS: the least of five runs' seconds, to the millisecond (the
# least is what the work takes; the rest is the machine's noise); the
# first run's, which reads what no run had read before, into $work/first.
fastest() {
	best=
	for run in 1 2 3 4 5; do
		t0=$(now)
		browse "$1" >/dev/null
		t1=$(now)
		[ "$run" = 1 ] && awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }' >"$work/first"
		best=$(awk -v a="$t0" -v b="$t1" -v m="$best" \
			'BEGIN { d = b - a; if (m == "" || d < m) m = d; printf "%.4f", m }')
	done
	echo "$best"
}
many_j=$(awk 'BEGIN { for (i = 0; i < 100; i++) printf "j "; }')
echo "bench: the browser" >&2
timed browse_start script -qc "$(browse_line q)" /dev/null
start_s=$elapsed
start_peak=$peak
q_bytes=$(wc -c <"$work/browse_start.out")
quit_s=$(fastest q)
moves_s=$(fastest "${many_j}q")
move_ms=$(awk -v a="$moves_s" -v b="$quit_s" 'BEGIN { printf "%.2f", (a - b) * 1000 / 100 }')
j_bytes=$(browse "j q" | wc -c)
pg_bytes=$(browse "NPage q" | wc -c)
# the same in Japanese, and with --cursor arrow (KPITREE_CURSOR)
q_ja=$(BROWSE_ENV="LANGUAGE=ja" browse q | wc -c)
j_ja=$(BROWSE_ENV="LANGUAGE=ja" browse "j q" | wc -c)
q_arrow=$(BROWSE_ENV="KPITREE_CURSOR=arrow" browse q | wc -c)
j_arrow=$(BROWSE_ENV="KPITREE_CURSOR=arrow" browse "j q" | wc -c)
q_arrow_ja=$(BROWSE_ENV="KPITREE_CURSOR=arrow LANGUAGE=ja" browse q | wc -c)
j_arrow_ja=$(BROWSE_ENV="KPITREE_CURSOR=arrow LANGUAGE=ja" browse "j q" | wc -c)
# A search runs at each key unless more keys wait: Enter makes each of
# these run exactly one search, for text as long as the typing had got.
# ms SECONDS: SECONDS less starting and quitting, in milliseconds
key_ms() {
	awk -v a="$1" -v b="$quit_s" 'BEGIN { m = (a - b) * 1000; printf "%.0f", m < 0 ? 0 : m }'
}
search_ms=0
search_first_ms=0
search_each=""
for text in 北 北海 北海道 移住 子育て 鰊; do
	ms=$(key_ms "$(fastest "/ $text Enter q")")
	first_ms=$(key_ms "$(cat "$work/first")")
	search_each="$search_each $text=${ms}ms (first ${first_ms})"
	[ "$ms" -gt "$search_ms" ] && search_ms=$ms
	[ "$first_ms" -gt "$search_first_ms" ] && search_first_ms=$first_ms
done
# The same keys timed inside the program (--key-times: from a key's
# taking to the end of the screen's update after it, without the
# program's start or the terminal), which the machine's load sways far
# less than a whole run's time: each search's slowest key, the first
# run with the database's file dropped from the cache (posix_fadvise;
# needs python3), then the least of four more runs.
uncache() {
	/usr/bin/python3 -c 'import os, sys
for name in sys.argv[1:]:
    if os.path.exists(name):
        fd = os.open(name, os.O_RDONLY)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(fd)' "$db" "$db-wal" 2>/dev/null
}
# slowest_key KEYS: the slowest key of one run, in ms
slowest_key() {
	script -qc "$(browse_line "$1") --key-times 2>'$work/key_times'" /dev/null </dev/null >/dev/null
	awk '{ v = $(NF - 1) + 0; if (v > m) m = v } END { printf "%.1f", m }' "$work/key_times"
}
if uncache; then
	cold="the file dropped from the cache"
else
	cold="n/a: no python3 to drop the file from the cache; as found"
fi
inner_ms=0
inner_first_ms=0
inner_each=""
for text in 北 北海 北海道 移住 子育て 鰊; do
	uncache
	first=$(slowest_key "/ $text Enter q")
	best=
	for run in 1 2 3 4; do
		ms=$(slowest_key "/ $text Enter q")
		best=$(awk -v a="$ms" -v m="$best" 'BEGIN { if (m == "" || a < m) m = a; printf "%.1f", m }')
	done
	inner_each="$inner_each $text=${best}ms (first $first)"
	inner_ms=$(awk -v a="$best" -v m="$inner_ms" 'BEGIN { printf "%.1f", (a > m ? a : m) }')
	inner_first_ms=$(awk -v a="$first" -v m="$inner_first_ms" 'BEGIN { printf "%.1f", (a > m ? a : m) }')
done

# The same work counted in instructions, which the machine's load does
# not change (valgrind's callgrind; Debian package valgrind).
instructions() {
	rm -f "$work"/callgrind.log.*
	valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null \
		--log-file="$work/callgrind.log.%p" \
		script -qc "$(browse_line "$1")" /dev/null </dev/null >/dev/null 2>&1
	# the program's own count, not script's or the shell's
	grep -l 'Command: [^ ]*kpitree ' "$work"/callgrind.log.* |
		xargs -r awk '/Collected/ { n += $NF } END { print n }'
}
if command -v valgrind >/dev/null 2>&1; then
	i_quit=$(instructions q)
	i_moves=$(instructions "${many_j}q")
	if [ -n "$i_quit" ] && [ -n "$i_moves" ]; then
		move_instructions=$(awk -v a="$i_moves" -v b="$i_quit" 'BEGIN { printf "%d", (a - b) / 100 }')
	else
		move_instructions=n/a	# callgrind counted no kpitree run
	fi
else
	move_instructions=n/a
fi
# The first run pays for what the machine had not cached; the fastest of
# five (quit_s) is what starting takes, as with the keys below.
echo "browser start to quit: $(awk -v s="$quit_s" 'BEGIN { printf "%.2f", s }') s (fastest of 5; the first run $start_s s), peak $start_peak MB (goal 0.05 s, 32 MB)"
echo "browser cursor move: $move_ms ms of work ($move_instructions instructions), $((j_bytes - q_bytes)) bytes, $((j_ja - q_ja)) in Japanese; with --cursor arrow $((j_arrow - q_arrow)) and $((j_arrow_ja - q_arrow_ja)) (goal 1 ms, 100 bytes; through sshd: tests/screen/ssh_bytes.sh)"
echo "browser page down: $((pg_bytes - q_bytes)) bytes (goal 2 KB)"
echo "browser search keystroke: at most $search_ms ms, the first run of each at most $search_first_ms ms (start to quit less q's: the machine's noise swings it; the next line decides the goal):$search_each"
echo "browser search keystroke, timed inside the program (--key-times): at most $inner_ms ms, the first run of each ($cold) at most $inner_first_ms ms (goal 15 ms):$inner_each"

exit 0
