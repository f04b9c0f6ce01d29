#!/bin/sh
# backup.sh: a backup taken while another process keeps writing opens and
# passes check, and holds a consistent snapshot; a backup onto a database
# in use, or onto its -wal or -shm, is refused, and loses nothing.
. "$srcdir/tests/cli/lib.sh"
plan 11
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

# Two KPIs whose windows of years hold the writers' 1990 to 2189, their
# values on the right side of the baseline.
wide_kpis "$db" W 2 || exit 1
# Four writers set 150 values each while backups onto the database
# itself, its -wal and its -shm keep being tried: each is refused, and
# every value a writer was told is saved is there.
writers=
for w in 1 2 3 4; do
	(
		i=0
		while [ $i -lt 150 ]; do
			y=$((1990 + (w - 1) * 50 + i % 50))
			case $((i / 50)) in
			0) code=W1 kind=actual plan= ;;
			1) code=W2 kind=actual plan= ;;
			*) code=W1 kind=plan plan=--plan ;;
			esac
			if "$KPITREE" --db "$db" set $code $y $((y * 3 + w)) $plan >/dev/null 2>&1; then
				echo "$code $y $kind $((y * 3 + w))" >>"$work/saved.$w"
			fi
			i=$((i + 1))
		done
	) &
	writers="$writers $!"
done
running() {
	for p in $writers; do kill -0 "$p" 2>/dev/null && return 0; done
	return 1
}
tries=0
not_refused=0
while running; do
	for dest in "$db" "$db-wal" "$db-shm"; do
		"$KPITREE" --db "$db" backup "$dest" 2>>"$work/refusals"
		[ $? -eq 1 ] || not_refused=$((not_refused + 1))
		tries=$((tries + 1))
	done
	sleep 0.1
done
wait
cat "$work"/saved.* >"$work/saved"
saved=$(grep -c '' "$work/saved")
found=0
while read -r code y kind v; do
	[ "$("$SQLITE3" "$db" "SELECT v.value FROM value v JOIN kpi k ON k.id = v.kpi_id
	  WHERE k.code = '$code' AND v.fiscal_year = $y AND v.kind = '$kind'")" = "$v.0" ] &&
		found=$((found + 1))
done <"$work/saved"
echo "# $saved values reported saved, $found found; $((tries - not_refused)) of $tries backups refused"
[ "$saved" -eq 600 ] && [ "$found" -eq "$saved" ]
ok $? "4 writers while backups onto the database run: every value saved is found"
[ "$tries" -gt 0 ] && [ "$not_refused" -eq 0 ] &&
	[ "$(grep -c "^kpitree: .*: .*; back up to another file$" "$work/refusals")" -eq "$tries" ]
ok $? "each backup onto the database, its -wal or its -shm is refused"
run --db "$db" check
expect 0 "" "the database passes check"

# Another session's database: refused while it is in use (its -wal is
# there), taken once it is closed.
fixture "$work/other.db"
{ echo "SELECT count(*) FROM kpi;"; sleep 2; } | "$SQLITE3" "$work/other.db" >/dev/null &
holder=$!
sleep 0.5
run --db "$db" backup "$work/other.db"
expect 1 "kpitree: $work/other.db: a database in use ($work/other.db-wal is there); back up to another file" \
	"a backup onto a database another session has open is refused"
wait $holder
run --db "$db" backup "$work/other.db"
expect 0 "" "a backup onto a database no one has open replaces it"
run --db "$db" backup "$work/other.db-journal"
expect 1 "kpitree: $work/other.db-journal: belongs to the database $work/other.db; back up to another file" \
	"a backup onto another database's -journal is refused"

# Backups killed with SIGKILL leave their temporary files; the next backup
# to the same file removes them, but not those of a backup still running.
"$SQLITE3" "$db" "CREATE TABLE pad(b); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL
  SELECT i + 1 FROM n WHERE i < 40) INSERT INTO pad SELECT randomblob(1000000) FROM n"
left=0
for delay in 0.02 0.05 0.08 0.12 0.15; do
	"$KPITREE" --db "$db" backup "$work/big.db" 2>/dev/null &
	pid=$!
	sleep $delay
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	[ -e "$work/big.db.tmp-$pid" ] && left=$((left + 1))
done
: >"$work/big.db.tmp-$$"
: >"$work/big.db.tmp-$$-journal"
echo "# $left of 5 killed backups left their temporary file"
run --db "$db" backup "$work/big.db"
[ "$status" -eq 0 ] && [ "$left" -gt 0 ] &&
	[ "$(cd "$work" && echo big.db*)" = "big.db big.db.tmp-$$ big.db.tmp-$$-journal" ]
ok $? "the next backup removes what killed ones left, and only that"
finish
