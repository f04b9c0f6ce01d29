# lib.sh: TAP helpers for the command-line tests, which run the real
# kpitree binary ($KPITREE) on real database files in a temporary folder.
set -u
: "${KPITREE:=$(pwd)/kpitree}"
: "${SQLITE3:=sqlite3}"
: "${srcdir:=.}"
work=$(mktemp -d "${TMPDIR:-/tmp}/kpitree-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT
export KPITREE_USER=tester
unset KPITREE_DB
export XDG_DATA_HOME="$work/xdg"
tap_n=0
tap_failed=0

plan() { echo "1..$1"; }

ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		tap_failed=$((tap_failed + 1))
		echo "not ok $tap_n - $2"
	fi
}

# run ARGS...: runs kpitree, keeping its status, stdout and stderr.
run() {
	"$KPITREE" "$@" >"$work/out" 2>"$work/err"
	status=$?
}

# expect STATUS STDERR DESCRIPTION: the last run's status and exact stderr.
expect() {
	local want_err
	want_err=$(printf '%s' "$2")
	if [ "$status" -eq "$1" ] && [ "$(cat "$work/err")" = "$want_err" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		echo "# status $status (wanted $1); stderr:"
		sed 's/^/#   /' "$work/err"
		echo "# wanted: $want_err"
	fi
}

# round_trip EXT DESCRIPTION: $work/a-strategy.EXT, a-projects.EXT and
# a-actuals.EXT (exports) imported into a new empty $work/rt-EXT.db (a
# test), then every kind exported again as $work/b-EXT-KIND.csv, each
# $work/a-KIND.csv byte for byte (a test, DESCRIPTION).
round_trip() {
	"$KPITREE" --db "$work/rt-$1.db" init --empty >/dev/null
	run --db "$work/rt-$1.db" import "$work/a-strategy.$1" "$work/a-projects.$1" "$work/a-actuals.$1"
	expect 0 "" "the $1 exports import into an empty database"
	same=0
	for k in kpis actuals strategy projects; do
		"$KPITREE" --db "$work/rt-$1.db" export $k -o "$work/b-$1-$k.csv"
		cmp -s "$work/a-$k.csv" "$work/b-$1-$k.csv" || {
			same=1
			echo "# $k differs"
			diff "$work/a-$k.csv" "$work/b-$1-$k.csv" | head -5 | sed 's/^/# /'
		}
	done
	ok $same "$2"
}

# bundled_db: $db, $work/k.db with the bundled data, for a test that
# sets the interface's language itself (no language variable left over
# from the caller's environment).
bundled_db() {
	db="$work/k.db"
	"$KPITREE" --db "$db" init >/dev/null
	unset LANGUAGE LC_ALL LC_MESSAGES KPITREE_LANG
}

# fixture DB: a database with the small fixture of tests/fixtures.
fixture() {
	"$KPITREE" --db "$1" init --empty >/dev/null &&
		"$SQLITE3" "$1" <"$srcdir/tests/fixtures/small.sql"
}

# wide_kpis DB PREFIX N: N strategy KPIs PREFIX1 ... PREFIXN (件, up,
# 0 -> 9000) whose window of years, baseline to target, holds 1990 to
# 2199, each at home on the first content row that has KPIs: for tests
# that write many years and still keep the value rules and check.
wide_kpis() {
	"$SQLITE3" "$1" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $3)
  INSERT INTO kpi(code, strategy_id, number, name, unit, direction, baseline_value, baseline_from,
  baseline_to, target_value, target_from, target_to)
  SELECT '$2' || i, (SELECT min(id) FROM strategy), 1000 + i, 'wide ' || i, '件', 'up', 0, 1990,
  1990, 9000, 2199, 2199 FROM n;
  INSERT INTO kpi_placement(kpi_id, placement_id, home, position)
  SELECT id, (SELECT min(placement_id) FROM kpi_placement WHERE home = 1), 1, number FROM kpi
  WHERE code GLOB '$2[0-9]*' AND name GLOB 'wide *'"
}

# kill_during SECONDS ARGS...: a fresh copy of $work/base.db as
# $work/kill.db, kpitree ARGS run on it and killed with SIGKILL after
# SECONDS; then kpitree check on it, which sets bad=1 if it fails.
kill_during() {
	delay=$1
	shift
	rm -f "$work/kill.db" "$work/kill.db-wal" "$work/kill.db-shm"
	cp "$work/base.db" "$work/kill.db"
	"$KPITREE" --db "$work/kill.db" "$@" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	"$KPITREE" --db "$work/kill.db" check >/dev/null 2>&1 || { bad=1; echo "# check failed after kill $i"; }
}

finish() { exit $((tap_failed > 0)); }
