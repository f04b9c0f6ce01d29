#!/bin/sh
# backup.sh: a backup taken while another process keeps writing opens and
# passes check, and holds a consistent snapshot.
. "$srcdir/tests/cli/lib.sh"
plan 4
db="$work/k.db"
fixture "$db"; ok $? "the fixture loads"
# The writer's years 2000 to 2149 lie in H01's window of years, its
# values on the right side of its baseline.
"$SQLITE3" "$db" "UPDATE kpi SET baseline_value = 0, baseline_from = 2000, baseline_to = 2000,
  target_value = 3000, target_from = 2199, target_to = 2199, direction = 'up' WHERE id = 1"

(
	y=2000
	while [ $y -lt 2150 ]; do
		"$KPITREE" --db "$db" set H01 $y $y >/dev/null || echo "writer failed at $y" >>"$work/errors"
		y=$((y + 1))
	done
) &
writer=$!
sleep 0.3
run --db "$db" backup "$work/copy.db"
expect 0 "" "backup succeeds while a writer runs"
wait $writer
run --db "$work/copy.db" check
expect 0 "" "the copy passes check"
n=$("$SQLITE3" "$work/copy.db" "SELECT (SELECT count(*) FROM value WHERE kpi_id = 1) = (SELECT count(*) FROM history WHERE kpi_id = 1)")
[ "$n" = 1 ] && [ ! -s "$work/errors" ]; ok $? "the copy's values and history agree"
finish
