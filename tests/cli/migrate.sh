#!/bin/sh
# migrate.sh: a database of schema version 5 holding a national data set
# (bench/gen, at small scale) is migrated to the current layout on open;
# then check passes on it, and it exports the same bytes as the same
# files imported into a new database (and as the files themselves, which
# are in kpitree's canonical form).
. "${srcdir:-.}/tests/cli/lib.sh"
: "${SCHEMA_AT:=$(pwd)/tests/schema_at}"

plan 8

mkdir "$work/gen"
"$GEN" "$work/gen" 12 >/dev/null

"$KPITREE" --db "$work/fresh.db" init --empty >/dev/null &&
	"$KPITREE" --db "$work/fresh.db" import "$work/gen/strategy.csv" >/dev/null &&
	"$KPITREE" --db "$work/fresh.db" import "$work/gen/values.csv" >/dev/null
ok $? "the generated files import into a new database"

# Version 5's own schema, triggers and all, with the fresh database's
# rows: what an older kpitree that imported the files would hold.
"$SCHEMA_AT" "$work/old.db" 5 &&
	"$SQLITE3" "$work/old.db" "
PRAGMA foreign_keys = ON;
ATTACH '$work/fresh.db' AS f;
BEGIN;
INSERT OR REPLACE INTO setting SELECT * FROM f.setting
 WHERE key NOT IN ('search_pending_after', 'kpi_generation');
INSERT INTO strategy SELECT * FROM f.strategy;
INSERT INTO field SELECT * FROM f.field;
INSERT INTO node SELECT * FROM f.node ORDER BY id;
INSERT INTO placement SELECT * FROM f.placement ORDER BY id;
INSERT INTO grant_menu SELECT * FROM f.grant_menu ORDER BY id;
INSERT INTO placement_menu SELECT * FROM f.placement_menu;
INSERT INTO grant_program(id, name) SELECT id, name FROM f.grant_program;
INSERT INTO project SELECT * FROM f.project ORDER BY id;
INSERT INTO kpi SELECT * FROM f.kpi ORDER BY id;
INSERT INTO kpi_placement SELECT * FROM f.kpi_placement;
INSERT INTO entry SELECT * FROM f.entry;
INSERT INTO change SELECT * FROM f.change;
INSERT INTO value_row(kpi_id, fiscal_year, kind, value, note, entry_id, set_id, set_change)
 SELECT kpi_id, fiscal_year, kind, value, note, entry_id, set_id, set_change FROM f.value_row;
INSERT INTO history_row(kpi_id, id, fiscal_year, kind, old_value, old_note, new_value,
 new_note, change_id)
 SELECT kpi_id, id, fiscal_year, kind, old_value, old_note, new_value, new_note, change_id
 FROM f.history_row;
UPDATE history_seq SET last = (SELECT last FROM f.history_seq);
COMMIT;" &&
	[ "$("$SQLITE3" "$work/old.db" 'PRAGMA user_version')" = 5 ] &&
	[ "$("$SQLITE3" "$work/old.db" 'SELECT count(*) FROM search WHERE search MATCH ''"子育て"''')" -gt 0 ]
ok $? "a version 5 database holds the same rows, its search index filled by its triggers"

run --db "$work/old.db" check
[ "$status" -eq 0 ] && [ "$(cat "$work/out")" = ok ] &&
	[ "$("$SQLITE3" "$work/old.db" 'PRAGMA user_version')" = "$("$SQLITE3" "$work/fresh.db" 'PRAGMA user_version')" ]
ok $? "opening it migrates it to the current schema, and check passes"
[ "$(LANG=ja_JP.UTF-8 "$KPITREE" --db "$work/old.db" check)" = 問題ありません ]
ok $? "check says so in Japanese in Japanese"

same=0
for kind in strategy actuals kpis; do
	"$KPITREE" --db "$work/old.db" export $kind -o "$work/old-$kind.csv" &&
		"$KPITREE" --db "$work/fresh.db" export $kind -o "$work/fresh-$kind.csv" &&
		cmp -s "$work/old-$kind.csv" "$work/fresh-$kind.csv" || {
		same=1
		echo "# $kind differs"
	}
done
cmp -s "$work/old-strategy.csv" "$work/gen/strategy.csv" &&
	cmp -s "$work/old-actuals.csv" "$work/gen/values.csv" || same=1
ok $same "the migrated and the new database export the same bytes, the files' own"

# The search index of the migrated database finds what the new one's
# does: the same rows, by what each stands for.
found() {
	"$SQLITE3" "$work/$1.db" "SELECT group_concat(hit) FROM (SELECT r.kind || ':' || r.ref AS hit
		FROM search JOIN search_ref r ON r.id = search.rowid
		WHERE search MATCH '\"$2\"' ORDER BY r.kind, r.ref)"
}
same=0
for text in 子育て 北海道 再生可能エネルギー; do
	a=$(found old "$text")
	b=$(found fresh "$text")
	[ -n "$a" ] && [ "$a" = "$b" ] || {
		same=1
		echo "# $text: the migrated database finds $(echo "$a" | tr ',' '\n' | wc -l) rows, the new $(echo "$b" | tr ',' '\n' | wc -l)"
	}
done
ok $same "its search index finds the same rows as the new database's"

# A value set on the migrated database is due no more, and its history
# says so; and what is set keeps check passing.
code=$("$SQLITE3" "$work/old.db" "SELECT code FROM kpi ORDER BY id LIMIT 1")
run --db "$work/old.db" set "$code" 2025 12345 --force
[ "$status" -eq 0 ] && "$KPITREE" --db "$work/old.db" history "$code" | grep -q 12345 &&
	[ "$("$KPITREE" --db "$work/old.db" check)" = ok ]
ok $? "the migrated database takes a value, and check still passes"

# A migration that edits sqlite_master (17: kpi's CHECK) raises the
# schema cookie, as SQLite's manual asks, so that a connection opened
# before it reads the schema again; a version 16 database has only that
# migration to run (schema_at makes a schema without rows, which check
# opens, and so migrates, and then finds unfinished).
"$SCHEMA_AT" "$work/v16.db" 16 &&
	cookie=$("$SQLITE3" "$work/v16.db" "PRAGMA schema_version") &&
	{ "$KPITREE" --db "$work/v16.db" check >/dev/null 2>&1 || :; } &&
	after=$("$SQLITE3" "$work/v16.db" "PRAGMA schema_version") &&
	[ "$after" -gt "$cookie" ] &&
	"$SQLITE3" "$work/v16.db" "SELECT sql FROM sqlite_master WHERE name = 'kpi'" |
	grep -qF "baseline_kind IN (0, 1) OR baseline_kind = 2"
ok $? "migrating a version 16 database raises its schema cookie (${cookie:-?} to ${after:-?})"
