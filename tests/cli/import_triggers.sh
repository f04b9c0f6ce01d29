#!/bin/sh
# import_triggers.sh: an import drops the triggers it has no use for
# while it runs (the search insert triggers, node_unique: see
# schema_import_idle_triggers in src/schema.c) and makes them again in
# the same transaction, whether it commits or fails; outside an import
# they work as before.
. "${srcdir:-.}/tests/cli/lib.sh"

plan 6

schema() {
	"$SQLITE3" "$work/db" "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || sql
		FROM sqlite_master ORDER BY type, name"
}

"$KPITREE" --db "$work/db" init >/dev/null &&
	"$KPITREE" --db "$work/db" export strategy -o "$work/strategy.csv" >/dev/null &&
	schema >"$work/before"
ok $? "init loads the bundled data"

# a second import of the same file finds every row again
run --db "$work/db" import "$work/strategy.csv"
schema >"$work/after"
[ "$status" -eq 0 ] && cmp -s "$work/before" "$work/after" &&
	grep -q '^trigger node_unique node ' "$work/after" &&
	[ "$(grep -c '^trigger [a-z_]*_search_ins ' "$work/after")" -eq 5 ]
ok $? "after an import the schema is as it was, its triggers made again"

# a row of the wrong width fails the import after its rows were taken
cp "$work/strategy.csv" "$work/bad.csv" && printf 'x\n' >>"$work/bad.csv"
run --db "$work/db" import "$work/bad.csv"
schema >"$work/after"
[ "$status" -ne 0 ] && cmp -s "$work/before" "$work/after"
ok $? "after a failed import the schema is as it was"

# outside an import a new row gets its search row from its trigger
"$SQLITE3" "$work/db" "PRAGMA foreign_keys = ON;
	INSERT INTO grant_menu(name) VALUES ('試験用のメニュー名');" &&
	[ "$("$SQLITE3" "$work/db" "SELECT count(*) FROM search JOIN search_ref r
		ON r.id = search.rowid WHERE search MATCH '\"試験用の\"' AND r.kind = 3")" = 1 ]
ok $? "a row inserted outside an import gets its search row"

# and node_unique refuses a node twice
"$SQLITE3" "$work/db" "INSERT INTO node(strategy_id, level, label, title)
	SELECT strategy_id, level, label, title FROM node LIMIT 1" 2>"$work/err"
[ $? -ne 0 ] && grep -q 'UNIQUE constraint failed: node' "$work/err"
ok $? "outside an import node_unique refuses a node twice"

# A file whose rows leave a strategy and come back to it (the file given
# twice over) finds the strategy's nodes again, though the import knows
# the nodes of a strategy it made without asking the store only while
# it has not left it: the same rows as the file given once.
mkdir "$work/gen" && "$GEN" "$work/gen" 1 >/dev/null &&
	cp "$work/gen/strategy.csv" "$work/twice.csv" &&
	tail -n +2 "$work/gen/strategy.csv" >>"$work/twice.csv" &&
	"$KPITREE" --db "$work/once.db" init --empty >/dev/null &&
	"$KPITREE" --db "$work/twice.db" init --empty >/dev/null &&
	"$KPITREE" --db "$work/once.db" import "$work/gen/strategy.csv" >/dev/null &&
	"$KPITREE" --db "$work/twice.db" import "$work/twice.csv" >/dev/null &&
	"$KPITREE" --db "$work/once.db" export strategy -o "$work/once.csv" &&
	"$KPITREE" --db "$work/twice.db" export strategy -o "$work/twice-out.csv" &&
	cmp -s "$work/once.csv" "$work/twice-out.csv" &&
	cmp -s "$work/once.csv" "$work/gen/strategy.csv" &&
	counts="SELECT (SELECT count(*) FROM node) || ' ' || (SELECT count(*) FROM placement)
		|| ' ' || (SELECT count(*) FROM kpi) || ' ' || (SELECT count(*) FROM kpi_placement)" &&
	[ "$("$SQLITE3" "$work/once.db" "$counts")" = "$("$SQLITE3" "$work/twice.db" "$counts")" ]
ok $? "a file that comes back to a strategy finds its nodes again"
