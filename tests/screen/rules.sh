#!/bin/sh
# rules.sh: the value rules' cases (tests/cli/rules_cases.sh) typed into
# the browser's form at 80x24: an accepted value saves, a refused one
# says the rule as it is typed and Enter writes nothing, as kpitree set
# and an import do (tests/cli/rules.sh).
. "$srcdir/tests/screen/lib.sh"
. "$srcdir/tests/cli/rules_cases.sh"
plan 21
"$KPITREE" --db "$work/base.db" init >/dev/null
db="$work/k.db"
stored() { "$SQLITE3" "$db" "SELECT count(*) FROM history"; }

while IFS='|' read -r code year value why; do
	# each case on a fresh copy: the form opens on no value
	rm -f "$db" "$db-wal" "$db-shm"
	cp "$work/base.db" "$db"
	before=$(stored)
	start "$KPITREE --db $db --user tanaka --year $year --keys ':goto Space $code Enter e'"
	keys -- "$value"
	if [ -z "$why" ]; then
		keys Enter
		shows ": saved" "the form saves $code $year $value"
	else
		case $why in
		*outside*) field=year ;;
		*) field=actual ;;
		esac
		shows "$field: $why" "the form refuses $code $year $value as it is typed: $why"
		keys Enter
		sleep 0.3
		[ "$(stored)" = "$before" ]
		ok $? "and Enter writes nothing"
	fi
done <"$work/cases"
no_reports
finish
