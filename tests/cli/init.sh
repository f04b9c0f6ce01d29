#!/bin/sh
# init.sh: a database appears complete or not at all, however init is
# killed; a file without kpitree's schema is named, not used or changed.
. "$srcdir/tests/cli/lib.sh"
plan 9
db="$work/k.db"

# Inits killed with SIGKILL at moments across their run: each leaves no
# database, or one with its schema and all the bundled data that passes
# check; the next init removes what the killed ones left.
bad=0
none=0
i=0
while [ $i -lt 20 ]; do
	rm -f "$db" "$db-wal" "$db-shm"
	"$KPITREE" --db "$db" init >/dev/null 2>&1 &
	pid=$!
	sleep "0.$(( (i * 7) % 12 / 10 ))$(( (i * 7) % 12 % 10 ))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	if [ -e "$db" ]; then
		n=$("$SQLITE3" "$db" "SELECT count(*) FROM kpi" 2>&1)
		if [ "$n" != 32 ] || ! "$KPITREE" --db "$db" check >/dev/null 2>&1; then
			bad=1
			echo "# kill $i left a database with $n KPIs"
		fi
	else
		none=$((none + 1))
	fi
	i=$((i + 1))
done
echo "# $none of 20 kills left no database"
[ $none -gt 0 ]; ok $bad "20 inits killed with SIGKILL: no database, or a complete one"
rm -f "$db"
run --db "$db" init
[ "$status" -eq 0 ] && [ "$(cd "$work" && echo k.db*)" = "k.db" ]
ok $? "the next init succeeds and leaves no temporary file"

# What an init killed by an older kpitree left: an empty file.
: >"$work/empty.db"
run --db "$work/empty.db" check
expect 1 "kpitree: $work/empty.db: not a kpitree database (no schema: an empty file, or an init that did not finish)" \
	"check names an empty file as a database without its schema"
run --db "$work/empty.db" show H01
[ "$status" -eq 1 ] && [ ! -s "$work/empty.db" ] && [ ! -e "$work/empty.db-wal" ]
ok $? "show on an empty file writes nothing into it"
run --db "$work/empty.db" init
expect 1 "kpitree: $work/empty.db: already exists" "init leaves an existing file alone"

# What an older kpitree's killed init left: the schema, no data, no mark.
"$KPITREE" --db "$work/half.db" init --empty >/dev/null
run --db "$work/half.db" check
expect 0 "" "check passes a database made by init --empty"
"$SQLITE3" "$work/half.db" "DELETE FROM setting WHERE key = 'init'"
run --db "$work/half.db" check
[ "$status" -eq 1 ] && [ "$(cat "$work/out")" = "database: the schema without any data and without the mark of a finished init (an init that did not finish; make it again with kpitree init)" ]
ok $? "check finds a database with the schema but without the bundled data"

# A --db path over 4095 bytes is refused, not cut into another file's.
# The 4096th byte falls in the file name, which a cut would shorten.
long="$work/$(printf './%.0s' $(seq $(( (4000 - ${#work}) / 2 ))))$(printf 'k%.0s' $(seq 200)).db"
before=$(find "$work" | sort)
run --db "$long" init
expect 1 "kpitree: database path longer than 4095 bytes" "init refuses a --db path over 4095 bytes"
[ "$(find "$work" | sort)" = "$before" ]
ok $? "and creates no file"
finish
