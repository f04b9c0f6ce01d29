/* schema.c: the schema of the kpitree database and its migrations.
 * Append a migration to change the schema; never edit a released one. */
#include "schema.h"

#include <stddef.h>

/* Version 1: the model of SPEC.md "Domain".
 *
 * A node is a thing of the strategy (a project, basic strategy, measure,
 * item or content); a placement is where it stands in the tree. Placements
 * form the tree (parent_id is a placement), so a measure placed under two
 * projects is one node with two placements, each with its own subtree.
 * KPIs, grant menus and examples hang on content placements: one content
 * placement is one row of the government's wide table.
 *
 * The search table is an FTS5 trigram index kept in sync by triggers. */
/* Inside an import, the search index is filled once at the end (FTS5
 * flushes its in-memory index at every statement that writes to it). */
#define NOT_DEFERRED "(SELECT value FROM setting WHERE key = 'search_deferred') IS NOT '1'"

static const char *const migration_1[] = {
	"CREATE TABLE setting("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") WITHOUT ROWID;",
	"INSERT INTO setting(key, value) VALUES ('municipality_count', '179');",
	/* '1' only inside an import's transaction: see store_search_defer. */
	"INSERT INTO setting(key, value) VALUES ('search_deferred', '0');",

	"CREATE TABLE strategy("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  municipality TEXT NOT NULL DEFAULT '',"
	"  code_prefix TEXT NOT NULL DEFAULT 'H'"
	");",

	"CREATE TABLE field("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE"
	");",

	"CREATE TABLE node("
	"  id INTEGER PRIMARY KEY,"
	"  strategy_id INTEGER NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,"
	"  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),"
	"  label TEXT NOT NULL DEFAULT '',"
	"  title TEXT NOT NULL,"
	"  UNIQUE (strategy_id, level, label, title)"
	");",

	"CREATE TABLE placement("
	"  id INTEGER PRIMARY KEY,"
	"  node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,"
	"  parent_id INTEGER REFERENCES placement(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  field_id INTEGER REFERENCES field(id),"
	"  example TEXT NOT NULL DEFAULT '',"
	"  ai_example TEXT NOT NULL DEFAULT ''"
	");",
	"CREATE INDEX placement_parent ON placement(parent_id, position);",
	"CREATE INDEX placement_node ON placement(node_id);",
	/* A node stands at most once under one parent: the natural key of
	 * a placement, which re-imports find again. */
	"CREATE UNIQUE INDEX placement_key ON placement(coalesce(parent_id, 0), node_id);",

	"CREATE TABLE grant_program("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE"
	");",

	"CREATE TABLE project("
	"  id INTEGER PRIMARY KEY,"
	"  municipality TEXT NOT NULL,"
	"  program_id INTEGER NOT NULL REFERENCES grant_program(id),"
	"  adoption_year INTEGER NOT NULL,"
	"  number INTEGER NOT NULL,"
	"  title TEXT NOT NULL,"
	"  application TEXT NOT NULL DEFAULT '',"
	"  national_share TEXT NOT NULL DEFAULT '',"
	"  period TEXT NOT NULL DEFAULT '',"
	"  description TEXT NOT NULL DEFAULT '',"
	"  notes TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (municipality, number)"
	");",

	/* Amount columns: the value NULL when absent; from and to fiscal
	 * years; kind 0 year, 1 average, 2 cumulative (enum period_kind). */
	"CREATE TABLE kpi("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  strategy_id INTEGER REFERENCES strategy(id),"
	"  project_id INTEGER REFERENCES project(id),"
	"  number INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  unit TEXT NOT NULL DEFAULT '',"
	"  baseline_value REAL,"
	"  baseline_from INTEGER,"
	"  baseline_to INTEGER,"
	"  baseline_kind INTEGER NOT NULL DEFAULT 0 CHECK (baseline_kind IN (0, 1, 2)),"
	"  baseline_estimate INTEGER NOT NULL DEFAULT 0,"
	"  baseline_at_least INTEGER NOT NULL DEFAULT 0,"
	"  baseline_decimals INTEGER NOT NULL DEFAULT 0,"
	"  target_value REAL,"
	"  target_from INTEGER,"
	"  target_to INTEGER,"
	"  target_kind INTEGER NOT NULL DEFAULT 0 CHECK (target_kind IN (0, 1, 2)),"
	"  target_estimate INTEGER NOT NULL DEFAULT 0,"
	"  target_at_least INTEGER NOT NULL DEFAULT 0,"
	"  target_all_municipalities INTEGER NOT NULL DEFAULT 0,"
	"  target_decimals INTEGER NOT NULL DEFAULT 0,"
	"  direction TEXT NOT NULL DEFAULT 'up' CHECK (direction IN ('up', 'down')),"
	"  field_id INTEGER REFERENCES field(id),"
	"  CHECK ((strategy_id IS NULL) <> (project_id IS NULL))"
	");",
	"CREATE INDEX kpi_project ON kpi(project_id);",
	"CREATE INDEX kpi_strategy_name ON kpi(strategy_id, name);",

	"CREATE TABLE kpi_placement("
	"  kpi_id INTEGER NOT NULL REFERENCES kpi(id) ON DELETE CASCADE,"
	"  placement_id INTEGER NOT NULL REFERENCES placement(id) ON DELETE CASCADE,"
	"  home INTEGER NOT NULL CHECK (home IN (0, 1)),"
	"  position INTEGER NOT NULL,"
	"  PRIMARY KEY (placement_id, kpi_id)"
	");",
	"CREATE INDEX kpi_placement_kpi ON kpi_placement(kpi_id);",
	"CREATE UNIQUE INDEX kpi_one_home ON kpi_placement(kpi_id) WHERE home = 1;",

	"CREATE TABLE grant_menu("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE"
	");",

	"CREATE TABLE placement_menu("
	"  placement_id INTEGER NOT NULL REFERENCES placement(id) ON DELETE CASCADE,"
	"  menu_id INTEGER NOT NULL REFERENCES grant_menu(id),"
	"  position INTEGER NOT NULL,"
	"  PRIMARY KEY (placement_id, menu_id)"
	");",
	"CREATE INDEX placement_menu_menu ON placement_menu(menu_id);",

	/* The value of a KPI at a fiscal year; a cleared value has no row. */
	"CREATE TABLE value("
	"  kpi_id INTEGER NOT NULL REFERENCES kpi(id),"
	"  fiscal_year INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('plan', 'actual')),"
	"  value REAL NOT NULL,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  entered_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL,"
	"  PRIMARY KEY (kpi_id, fiscal_year, kind)"
	") WITHOUT ROWID;",

	/* Every change to a value, never rewritten: NULL old_value means there
	 * was none, NULL new_value that it was cleared. */
	"CREATE TABLE history("
	"  id INTEGER PRIMARY KEY,"
	"  kpi_id INTEGER NOT NULL REFERENCES kpi(id),"
	"  fiscal_year INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('plan', 'actual')),"
	"  old_value REAL,"
	"  old_note TEXT,"
	"  new_value REAL,"
	"  new_note TEXT,"
	"  changed_by TEXT NOT NULL,"
	"  changed_at TEXT NOT NULL,"
	"  source TEXT NOT NULL"
	");",
	"CREATE INDEX history_kpi ON history(kpi_id, id);",
	"CREATE TRIGGER history_no_update BEFORE UPDATE ON history"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER history_no_delete BEFORE DELETE ON history"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",

	/* What each search row stands for: kind 1 a node's title, 2 a KPI's
	 * name, 3 a grant menu, 4 a content row's examples, 5 a project's
	 * title and description; ref is that row's id. The search rowid is
	 * this table's, so that it only grows: FTS5 keeps building its
	 * index in memory while rowids increase, and flushes on every step
	 * back, which made imports eight times slower. */
	"CREATE TABLE search_ref("
	"  id INTEGER PRIMARY KEY,"
	"  kind INTEGER NOT NULL,"
	"  ref INTEGER NOT NULL,"
	"  UNIQUE (kind, ref)"
	");",
	"CREATE VIRTUAL TABLE search USING fts5(text, tokenize = 'trigram');",
	"CREATE TRIGGER node_search_ins AFTER INSERT ON node BEGIN"
	"  INSERT INTO search_ref(kind, ref) VALUES (1, NEW.id);"
	"  INSERT INTO search(rowid, text) SELECT last_insert_rowid(), NEW.title WHERE " NOT_DEFERRED "; END;",
	"CREATE TRIGGER node_search_upd AFTER UPDATE OF title ON node BEGIN"
	"  UPDATE search SET text = NEW.title"
	"  WHERE rowid = (SELECT id FROM search_ref WHERE kind = 1 AND ref = NEW.id); END;",
	"CREATE TRIGGER node_search_del AFTER DELETE ON node BEGIN"
	"  DELETE FROM search WHERE rowid = (SELECT id FROM search_ref WHERE kind = 1 AND ref = OLD.id);"
	"  DELETE FROM search_ref WHERE kind = 1 AND ref = OLD.id; END;",
	"CREATE TRIGGER kpi_search_ins AFTER INSERT ON kpi BEGIN"
	"  INSERT INTO search_ref(kind, ref) VALUES (2, NEW.id);"
	"  INSERT INTO search(rowid, text) SELECT last_insert_rowid(), NEW.name WHERE " NOT_DEFERRED "; END;",
	"CREATE TRIGGER kpi_search_upd AFTER UPDATE OF name ON kpi BEGIN"
	"  UPDATE search SET text = NEW.name"
	"  WHERE rowid = (SELECT id FROM search_ref WHERE kind = 2 AND ref = NEW.id); END;",
	"CREATE TRIGGER kpi_search_del AFTER DELETE ON kpi BEGIN"
	"  DELETE FROM search WHERE rowid = (SELECT id FROM search_ref WHERE kind = 2 AND ref = OLD.id);"
	"  DELETE FROM search_ref WHERE kind = 2 AND ref = OLD.id; END;",
	"CREATE TRIGGER menu_search_ins AFTER INSERT ON grant_menu BEGIN"
	"  INSERT INTO search_ref(kind, ref) VALUES (3, NEW.id);"
	"  INSERT INTO search(rowid, text) SELECT last_insert_rowid(), NEW.name WHERE " NOT_DEFERRED "; END;",
	"CREATE TRIGGER menu_search_upd AFTER UPDATE OF name ON grant_menu BEGIN"
	"  UPDATE search SET text = NEW.name"
	"  WHERE rowid = (SELECT id FROM search_ref WHERE kind = 3 AND ref = NEW.id); END;",
	"CREATE TRIGGER menu_search_del AFTER DELETE ON grant_menu BEGIN"
	"  DELETE FROM search WHERE rowid = (SELECT id FROM search_ref WHERE kind = 3 AND ref = OLD.id);"
	"  DELETE FROM search_ref WHERE kind = 3 AND ref = OLD.id; END;",
	"CREATE TRIGGER placement_search_ins AFTER INSERT ON placement BEGIN"
	"  INSERT INTO search_ref(kind, ref) VALUES (4, NEW.id);"
	"  INSERT INTO search(rowid, text) SELECT last_insert_rowid(), NEW.example || char(10) || NEW.ai_example WHERE " NOT_DEFERRED "; END;",
	"CREATE TRIGGER placement_search_upd AFTER UPDATE OF example, ai_example ON placement BEGIN"
	"  UPDATE search SET text = NEW.example || char(10) || NEW.ai_example"
	"  WHERE rowid = (SELECT id FROM search_ref WHERE kind = 4 AND ref = NEW.id); END;",
	"CREATE TRIGGER placement_search_del AFTER DELETE ON placement BEGIN"
	"  DELETE FROM search WHERE rowid = (SELECT id FROM search_ref WHERE kind = 4 AND ref = OLD.id);"
	"  DELETE FROM search_ref WHERE kind = 4 AND ref = OLD.id; END;",
	"CREATE TRIGGER project_search_ins AFTER INSERT ON project BEGIN"
	"  INSERT INTO search_ref(kind, ref) VALUES (5, NEW.id);"
	"  INSERT INTO search(rowid, text) SELECT last_insert_rowid(), NEW.title || char(10) || NEW.description WHERE " NOT_DEFERRED "; END;",
	"CREATE TRIGGER project_search_upd AFTER UPDATE OF title, description ON project BEGIN"
	"  UPDATE search SET text = NEW.title || char(10) || NEW.description"
	"  WHERE rowid = (SELECT id FROM search_ref WHERE kind = 5 AND ref = NEW.id); END;",
	"CREATE TRIGGER project_search_del AFTER DELETE ON project BEGIN"
	"  DELETE FROM search WHERE rowid = (SELECT id FROM search_ref WHERE kind = 5 AND ref = OLD.id);"
	"  DELETE FROM search_ref WHERE kind = 5 AND ref = OLD.id; END;",
	NULL
};

/* Version 2: review meetings (issue "Review meetings").
 *
 * The rank scheme and the lists of the 効果検証 (assessment, policy) are
 * data with these defaults; importing a scheme or list file replaces
 * them. A rank's rule says when it is proposed: "achieved", "on track",
 * "improved" (better than the baseline), "progress >= N%", "no data" or
 * "otherwise"; the first rank whose rule holds is proposed.
 *
 * What a meeting records (evaluations, comments, action items) is kept
 * with who and when, and every change is also appended to record_history,
 * which, like history, is never rewritten. */
static const char *const migration_2[] = {
	"CREATE TABLE rank_scheme("
	"  position INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  label TEXT NOT NULL DEFAULT '',"
	"  rule TEXT NOT NULL"
	");",
	"INSERT INTO rank_scheme(position, code, label, rule) VALUES"
	"  (1, 'A', '達成', 'achieved'),"
	"  (2, 'B', '順調', 'on track'),"
	"  (3, 'C', '遅れ(基準値より改善)', 'improved'),"
	"  (4, 'D', '基準値から改善なし', 'otherwise');",

	"CREATE TABLE choice("
	"  list TEXT NOT NULL CHECK (list IN ('assessment', 'policy')),"
	"  position INTEGER NOT NULL,"
	"  code TEXT NOT NULL,"
	"  label TEXT NOT NULL,"
	"  PRIMARY KEY (list, code)"
	") WITHOUT ROWID;",
	"INSERT INTO choice(list, position, code, label) VALUES"
	"  ('assessment', 1, '①', '地方創生に非常に効果的であった'),"
	"  ('assessment', 2, '②', '地方創生に相当程度効果があった'),"
	"  ('assessment', 3, '③', '地方創生に効果があった'),"
	"  ('assessment', 4, '④', '地方創生に対して効果がなかった'),"
	"  ('policy', 1, '発展', '事業の発展'),"
	"  ('policy', 2, '改善', '事業の改善'),"
	"  ('policy', 3, '中止', '事業の中止'),"
	"  ('policy', 4, '終了', '事業の終了 (当初予定通り)');",

	/* held_on: the date (YYYY-MM-DD); fiscal_year: the year whose
	 * results it reviews; closed_at NULL while it is open. */
	"CREATE TABLE meeting("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL,"
	"  held_on TEXT NOT NULL,"
	"  fiscal_year INTEGER NOT NULL,"
	"  agenda TEXT NOT NULL DEFAULT '',"
	"  opened_by TEXT NOT NULL,"
	"  opened_at TEXT NOT NULL,"
	"  closed_at TEXT"
	");",

	"CREATE TABLE agenda_item("
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  kpi_id INTEGER NOT NULL REFERENCES kpi(id),"
	"  PRIMARY KEY (meeting_id, position),"
	"  UNIQUE (meeting_id, kpi_id)"
	");",

	/* The room's evaluation of a KPI at a meeting; the codes and labels
	 * as they were chosen, so that a later scheme leaves them be. */
	"CREATE TABLE evaluation("
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  kpi_id INTEGER NOT NULL REFERENCES kpi(id),"
	"  proposed TEXT NOT NULL DEFAULT '',"
	"  rank TEXT NOT NULL DEFAULT '',"
	"  rank_label TEXT NOT NULL DEFAULT '',"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  assessment TEXT NOT NULL DEFAULT '',"
	"  assessment_label TEXT NOT NULL DEFAULT '',"
	"  policy TEXT NOT NULL DEFAULT '',"
	"  policy_label TEXT NOT NULL DEFAULT '',"
	"  entered_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL,"
	"  PRIMARY KEY (meeting_id, kpi_id)"
	");",
	"CREATE INDEX evaluation_kpi ON evaluation(kpi_id, meeting_id);",

	/* A comment, or an action item with an owner and a due date. */
	"CREATE TABLE remark("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  kpi_id INTEGER NOT NULL REFERENCES kpi(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('comment', 'action')),"
	"  text TEXT NOT NULL,"
	"  owner TEXT NOT NULL DEFAULT '',"
	"  due TEXT NOT NULL DEFAULT '',"
	"  done_at TEXT,"
	"  entered_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL"
	");",
	"CREATE INDEX remark_kpi ON remark(kpi_id, meeting_id);",
	"CREATE INDEX remark_meeting ON remark(meeting_id, kpi_id);",

	/* Every change a meeting records: what (rank, assessment, policy,
	 * comment, action, done, meeting), what was there, what came. */
	"CREATE TABLE record_history("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id),"
	"  kpi_id INTEGER REFERENCES kpi(id),"
	"  what TEXT NOT NULL,"
	"  old_text TEXT,"
	"  new_text TEXT,"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  changed_by TEXT NOT NULL,"
	"  changed_at TEXT NOT NULL"
	");",
	"CREATE INDEX record_history_kpi ON record_history(kpi_id, id);",
	"CREATE TRIGGER record_history_no_update BEFORE UPDATE ON record_history"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER record_history_no_delete BEFORE DELETE ON record_history"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	NULL
};

/* Version 3: values and their history in narrow rows (issue "national
 * data"): importing a prefecture's ten years writes three b-trees per
 * value, and the repeated text made their rows wide.
 *
 * Who entered a value and when is an entry; who changed it, when and by
 * what means (set, import, undo, form) is a change: each stored once and
 * referred to by number. kind is 0 for actual and 1 for plan, so that it
 * sorts as the words did. The stored tables are value_row and
 * history_row, both kept in key order (history_row by KPI, then id: the
 * order it is read in, so that it needs no index beside it; its ids come
 * from history_seq and only grow); value and history are views over them with the columns
 * and the text they had, which take the same INSERT, UPDATE and DELETE
 * (history still refuses UPDATE and DELETE). The existing rows move with
 * their ids.
 *
 * value_row and history_row declare no foreign keys: checking them cost
 * an import four parent lookups per value. The import finds every KPI by
 * its code and makes the entries and changes it refers to; the views
 * refuse a missing KPI; a KPI with values or history cannot be deleted,
 * nor an entry or a change; and kpitree check looks for rows whose KPI,
 * entry or change is missing. */
#define KIND_TEXT(k) "CASE " k " WHEN 0 THEN 'actual' WHEN 1 THEN 'plan' END"
#define KIND_CODE(k) "CASE " k " WHEN 'actual' THEN 0 WHEN 'plan' THEN 1 END"

/* The value view's UPDATE (versions 3 and 4; also sets more columns of
 * value_row from version 4 on: more is empty or starts with a comma). */
#define VALUE_UPDATE_TRIGGER(more) \
	"CREATE TRIGGER value_update INSTEAD OF UPDATE ON value BEGIN" \
	"  SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed')" \
	"  WHERE NOT EXISTS (SELECT 1 FROM kpi WHERE id = NEW.kpi_id);" \
	"  INSERT INTO entry(who, at) VALUES (NEW.entered_by, NEW.entered_at)" \
	"  ON CONFLICT DO NOTHING;" \
	"  UPDATE value_row SET kpi_id = NEW.kpi_id, fiscal_year = NEW.fiscal_year," \
	"  kind = " KIND_CODE("NEW.kind") ", value = NEW.value, note = NEW.note," \
	"  entry_id = (SELECT id FROM entry WHERE who = NEW.entered_by AND at = NEW.entered_at)" \
	more \
	"  WHERE kpi_id = OLD.kpi_id AND fiscal_year = OLD.fiscal_year" \
	"  AND kind = " KIND_CODE("OLD.kind") "; END;"

/* The value view's DELETE (versions 3 and 13). */
#define VALUE_DELETE_TRIGGER \
	"CREATE TRIGGER value_delete INSTEAD OF DELETE ON value BEGIN" \
	"  DELETE FROM value_row WHERE kpi_id = OLD.kpi_id AND fiscal_year = OLD.fiscal_year" \
	"  AND kind = " KIND_CODE("OLD.kind") "; END;"

/* The history view's triggers (versions 3 and 4 without said_by; 5
 * with it: col, val and match are empty, or name the column; 14 with
 * the decimals: hcol and hval, history_row's more columns and values). */
#define HISTORY_VIEW_TRIGGERS_OF(col, val, match) HISTORY_VIEW_TRIGGERS_OF2(col, val, match, "", "")
#define HISTORY_VIEW_TRIGGERS_OF2(col, val, match, hcol, hval) \
	"CREATE TRIGGER history_insert INSTEAD OF INSERT ON history BEGIN" \
	"  SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed')" \
	"  WHERE NOT EXISTS (SELECT 1 FROM kpi WHERE id = NEW.kpi_id);" \
	"  SELECT RAISE(ABORT, 'history ids only grow')" \
	"  WHERE NEW.id <= (SELECT last FROM history_seq);" \
	"  UPDATE history_seq SET last = coalesce(NEW.id, last + 1);" \
	"  INSERT INTO change(who, at, source" col ") VALUES (NEW.changed_by, NEW.changed_at, NEW.source" \
	val ")" "  ON CONFLICT DO NOTHING;" \
	"  INSERT INTO history_row(id, kpi_id, fiscal_year, kind, old_value, old_note, new_value," \
	"  new_note, change_id" hcol ")" \
	"  VALUES ((SELECT last FROM history_seq), NEW.kpi_id, NEW.fiscal_year, " KIND_CODE("NEW.kind") ", NEW.old_value," \
	"  NEW.old_note, NEW.new_value, NEW.new_note," \
	"  (SELECT id FROM change WHERE who = NEW.changed_by AND at = NEW.changed_at" \
	"  AND source = NEW.source" match ")" hval "); END;", \
	"CREATE TRIGGER history_view_no_update INSTEAD OF UPDATE ON history" \
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;", \
	"CREATE TRIGGER history_view_no_delete INSTEAD OF DELETE ON history" \
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;"
#define HISTORY_VIEW_TRIGGERS HISTORY_VIEW_TRIGGERS_OF("", "", "")

/* The history view from version 4 on: the changes' rows, and the
 * settings values keep (col and sel: more columns, from version 5; from
 * version 14 each branch its own: sel_h of history_row h, sel_v of
 * value_row v). */
#define HISTORY_VIEW_OF(col, sel) HISTORY_VIEW_OF2(col, sel, sel)
#define HISTORY_VIEW_OF2(col, sel_h, sel_v) \
	"CREATE VIEW history(id, kpi_id, fiscal_year, kind, old_value, old_note, new_value," \
	"  new_note, changed_by, changed_at, source" col ") AS" \
	"  SELECT h.id, h.kpi_id, h.fiscal_year, " KIND_TEXT("h.kind") ", h.old_value, h.old_note," \
	"  h.new_value, h.new_note, c.who, c.at, c.source" sel_h \
	"  FROM history_row h JOIN change c ON c.id = h.change_id" \
	"  UNION ALL" \
	"  SELECT v.set_id, v.kpi_id, v.fiscal_year, " KIND_TEXT("v.kind") ", NULL, NULL," \
	"  v.value, v.note, c.who, c.at, c.source" sel_v \
	"  FROM value_row v JOIN change c ON c.id = v.set_change WHERE v.set_id IS NOT NULL;"

static const char *const migration_3[] = {
	"CREATE TABLE entry("
	"  id INTEGER PRIMARY KEY,"
	"  who TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  UNIQUE (who, at)"
	");",
	"CREATE TABLE change("
	"  id INTEGER PRIMARY KEY,"
	"  who TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  UNIQUE (who, at, source)"
	");",
	"CREATE TABLE value_row("
	"  kpi_id INTEGER NOT NULL,"
	"  fiscal_year INTEGER NOT NULL,"
	"  kind INTEGER NOT NULL CHECK (kind IN (0, 1)),"
	"  value REAL NOT NULL,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  entry_id INTEGER NOT NULL,"
	"  PRIMARY KEY (kpi_id, fiscal_year, kind)"
	") WITHOUT ROWID;",
	/* Kept in the order it is read in, a KPI's changes oldest first,
	 * with no index to keep beside it; ids come from history_seq and
	 * only grow. */
	"CREATE TABLE history_row("
	"  kpi_id INTEGER NOT NULL,"
	"  id INTEGER NOT NULL,"
	"  fiscal_year INTEGER NOT NULL,"
	"  kind INTEGER NOT NULL CHECK (kind IN (0, 1)),"
	"  old_value REAL,"
	"  old_note TEXT,"
	"  new_value REAL,"
	"  new_note TEXT,"
	"  change_id INTEGER NOT NULL,"
	"  PRIMARY KEY (kpi_id, id)"
	") WITHOUT ROWID;",
	"CREATE TABLE history_seq("
	"  last INTEGER NOT NULL"
	");",

	"INSERT INTO entry(who, at) SELECT DISTINCT entered_by, entered_at FROM value"
	"  ORDER BY entered_at, entered_by;",
	"INSERT INTO change(who, at, source) SELECT changed_by, changed_at, source FROM history"
	"  GROUP BY changed_by, changed_at, source ORDER BY min(id);",
	"INSERT INTO value_row(kpi_id, fiscal_year, kind, value, note, entry_id)"
	"  SELECT v.kpi_id, v.fiscal_year, " KIND_CODE("v.kind") ", v.value, v.note, e.id"
	"  FROM value v JOIN entry e ON e.who = v.entered_by AND e.at = v.entered_at;",
	"INSERT INTO history_row(id, kpi_id, fiscal_year, kind, old_value, old_note, new_value,"
	"  new_note, change_id)"
	"  SELECT h.id, h.kpi_id, h.fiscal_year, " KIND_CODE("h.kind") ", h.old_value, h.old_note,"
	"  h.new_value, h.new_note, c.id FROM history h JOIN change c"
	"  ON c.who = h.changed_by AND c.at = h.changed_at AND c.source = h.source"
	"  ORDER BY h.kpi_id, h.id;",
	"INSERT INTO history_seq(last) SELECT coalesce(max(id), 0) FROM history;",
	/* Dropping a table drops its triggers first: none fires. */
	"DROP TABLE value;",
	"DROP TABLE history;",
	"CREATE TRIGGER history_seq_grows BEFORE UPDATE ON history_seq WHEN NEW.last < OLD.last"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER history_seq_no_delete BEFORE DELETE ON history_seq"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER history_seq_no_insert BEFORE INSERT ON history_seq"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER history_no_update BEFORE UPDATE ON history_row"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER history_no_delete BEFORE DELETE ON history_row"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",

	"CREATE TRIGGER kpi_keeps_values BEFORE DELETE ON kpi"
	"  WHEN EXISTS (SELECT 1 FROM value_row WHERE kpi_id = OLD.id)"
	"  OR EXISTS (SELECT 1 FROM history_row WHERE kpi_id = OLD.id)"
	"  BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END;",
	"CREATE TRIGGER kpi_keeps_values_id BEFORE UPDATE OF id ON kpi"
	"  WHEN NEW.id IS NOT OLD.id AND (EXISTS (SELECT 1 FROM value_row WHERE kpi_id = OLD.id)"
	"  OR EXISTS (SELECT 1 FROM history_row WHERE kpi_id = OLD.id))"
	"  BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END;",
	"CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER change_no_update BEFORE UPDATE ON change"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER change_no_delete BEFORE DELETE ON change"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",

	"CREATE VIEW value(kpi_id, fiscal_year, kind, value, note, entered_by, entered_at) AS"
	"  SELECT v.kpi_id, v.fiscal_year, " KIND_TEXT("v.kind") ", v.value, v.note, e.who, e.at"
	"  FROM value_row v JOIN entry e ON e.id = v.entry_id;",
	"CREATE TRIGGER value_insert INSTEAD OF INSERT ON value BEGIN"
	"  SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed')"
	"  WHERE NOT EXISTS (SELECT 1 FROM kpi WHERE id = NEW.kpi_id);"
	"  INSERT INTO entry(who, at) VALUES (NEW.entered_by, NEW.entered_at)"
	"  ON CONFLICT DO NOTHING;"
	"  INSERT INTO value_row(kpi_id, fiscal_year, kind, value, note, entry_id)"
	"  VALUES (NEW.kpi_id, NEW.fiscal_year, " KIND_CODE("NEW.kind") ", NEW.value,"
	"  coalesce(NEW.note, ''),"
	"  (SELECT id FROM entry WHERE who = NEW.entered_by AND at = NEW.entered_at)); END;",
	VALUE_UPDATE_TRIGGER(""),
	VALUE_DELETE_TRIGGER,

	"CREATE VIEW history(id, kpi_id, fiscal_year, kind, old_value, old_note, new_value,"
	"  new_note, changed_by, changed_at, source) AS"
	"  SELECT h.id, h.kpi_id, h.fiscal_year, " KIND_TEXT("h.kind") ", h.old_value, h.old_note,"
	"  h.new_value, h.new_note, c.who, c.at, c.source"
	"  FROM history_row h JOIN change c ON c.id = h.change_id;",
	HISTORY_VIEW_TRIGGERS,
	NULL
};

/* Version 4: a value that one import set and nothing has changed since
 * keeps that setting in its own row (set_id, the history id it was
 * given, and set_change), not in a history row beside it: a first
 * import of a prefecture's values then writes one b-tree per value, not
 * two. The history view shows those settings with the other history
 * rows, the same rows as before. When such a value changes or goes, the
 * setting moves into history_row first, by the triggers below; an update
 * must clear set_id (value_update does). */
/* The statement of the two triggers below that moves a value's setting
 * (OLD's) into history_row. */
#define SETTING_TO_HISTORY SETTING_TO_HISTORY_OF("", "")
/* (from version 14 with the decimals: col and val) */
#define SETTING_TO_HISTORY_OF(col, val) \
	"  INSERT INTO history_row(kpi_id, id, fiscal_year, kind, old_value, old_note, new_value," \
	"  new_note, change_id" col ") VALUES (OLD.kpi_id, OLD.set_id, OLD.fiscal_year, OLD.kind, NULL," \
	"  NULL, OLD.value, OLD.note, OLD.set_change" val "); "
/* The two triggers that move a value's setting into history_row
 * (versions 4 and 14: setting, the statement). */
#define SETTING_KEPT_TRIGGERS(setting) \
	"CREATE TRIGGER value_row_setting_kept_on_update BEFORE UPDATE ON value_row" \
	"  WHEN OLD.set_id IS NOT NULL BEGIN" \
	"  SELECT RAISE(ABORT, 'a value''s setting moves to history: set_id must become NULL')" \
	"  WHERE NEW.set_id IS NOT NULL;" \
	setting "END;", \
	"CREATE TRIGGER value_row_setting_kept_on_delete BEFORE DELETE ON value_row" \
	"  WHEN OLD.set_id IS NOT NULL BEGIN" \
	setting "END;"

static const char *const migration_4[] = {
	"ALTER TABLE value_row ADD COLUMN set_id INTEGER;",
	"ALTER TABLE value_row ADD COLUMN set_change INTEGER;",
	SETTING_KEPT_TRIGGERS(SETTING_TO_HISTORY),
	"DROP TRIGGER value_update;",
	VALUE_UPDATE_TRIGGER(",  set_id = NULL, set_change = NULL"),
	/* Dropping the view drops its triggers; they come back as they were. */
	"DROP VIEW history;",
	HISTORY_VIEW_OF("", ""),
	HISTORY_VIEW_TRIGGERS,
	NULL
};

/* Version 5: a change keeps, beside who made it, who the file it came
 * from said entered the value (said_by; '' when the file said nothing
 * else): an import by an official over SSH records the official as
 * who, whatever the file's entered_by claims. change is made again for
 * its UNIQUE to take said_by in, with its ids, so that history_row and
 * value_row keep pointing at the same changes. */
static const char *const migration_5[] = {
	"DROP VIEW history;",
	"CREATE TABLE change_5("
	"  id INTEGER PRIMARY KEY,"
	"  who TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  said_by TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (who, at, source, said_by)"
	");",
	"INSERT INTO change_5(id, who, at, source) SELECT id, who, at, source FROM change;",
	"DROP TABLE change;",
	"ALTER TABLE change_5 RENAME TO change;",
	"CREATE TRIGGER change_no_update BEFORE UPDATE ON change"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER change_no_delete BEFORE DELETE ON change"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	HISTORY_VIEW_OF(", said_by", ", c.said_by"),
	HISTORY_VIEW_TRIGGERS_OF(", said_by", ", coalesce(NEW.said_by, '')",
				 " AND said_by = coalesce(NEW.said_by, '')"),
	NULL
};

/* Version 6: national scale (issue "National scale"): a prefecture's
 * strategies made the file two and a half times its CSV files, and an
 * import wrote each page of it many times over.
 *
 * The search index keeps no copy of the text: it is an FTS5 table over
 * search_text, a view of the rows the model holds (external content),
 * kept by the triggers below, which hand FTS5 the old text to take out.
 * Inside an import the setting search_pending_after holds the last
 * search_ref id indexed; rows after it are indexed once, at the end
 * (store_search_catch_up), and the triggers leave them alone.
 *
 * A node is found again by its strategy, level and the first characters
 * of its title (node_key), then by the whole text: the UNIQUE index over
 * the whole text was a second copy of it, written in random order. Two
 * nodes alike are refused by the triggers node_unique and
 * node_unique_update, which look through node_key. node is made again without that constraint, with its ids
 * (foreign keys are off while a migration runs: see store.c). */
#define SEARCH_INDEXED(id) \
	"NOT EXISTS (SELECT 1 FROM setting WHERE key = 'search_pending_after'" \
	" AND CAST(value AS INTEGER) < (" id "))"
#define SEARCH_NOT_DEFERRED \
	"NOT EXISTS (SELECT 1 FROM setting WHERE key = 'search_pending_after')"
/* The triggers of one kind of search row: table, kind (a digit), the
 * text of a row as NEW.x or OLD.x (x: NEW or OLD), the columns an update
 * changes; SEARCH_TRIGGERS_AS with the conditions of a version (here
 * 6; 16 below): the insert's WHEN and its WHERE, the update's WHEN, and
 * what more the delete asks of the search row it takes out. */
#define SEARCH_REF_OF(kind, row) "(SELECT id FROM search_ref WHERE kind = " kind " AND ref = " row ".id)"
#define SEARCH_TRIGGERS_AS(table, kind, new_text, old_text, columns, ins_when, ins_where, \
			   upd_when, del_and) \
	"CREATE TRIGGER " table "_search_ins AFTER INSERT ON " table ins_when " BEGIN" \
	"  INSERT INTO search_ref(kind, ref) VALUES (" kind ", NEW.id);" \
	"  INSERT INTO search(rowid, text) SELECT last_insert_rowid(), " new_text \
	ins_where "; END;", \
	"CREATE TRIGGER " table "_search_upd AFTER UPDATE OF " columns " ON " table \
	"  WHEN " upd_when " BEGIN" \
	"  INSERT INTO search(search, rowid, text) VALUES ('delete', " SEARCH_REF_OF(kind, "OLD") \
	", " old_text ");" \
	"  INSERT INTO search(rowid, text) VALUES (" SEARCH_REF_OF(kind, "OLD") ", " new_text "); END;", \
	"CREATE TRIGGER " table "_search_del AFTER DELETE ON " table " BEGIN" \
	"  INSERT INTO search(search, rowid, text) SELECT 'delete', r.id, " old_text \
	"  FROM search_ref r WHERE r.kind = " kind " AND r.ref = OLD.id" \
	del_and ";" \
	"  DELETE FROM search_ref WHERE kind = " kind " AND ref = OLD.id; END;"
#define SEARCH_TRIGGERS(table, kind, new_text, old_text, columns) \
	SEARCH_TRIGGERS_AS(table, kind, new_text, old_text, columns, "", \
			   "  WHERE " SEARCH_NOT_DEFERRED, \
			   SEARCH_INDEXED(SEARCH_REF_OF(kind, "OLD")), \
			   "  AND " SEARCH_INDEXED("r.id"))

/* The triggers of each kind of search row, made by TRIGGERS (one of the
 * macros above and below): table, kind, text, columns. */
#define SEARCH_TABLES(TRIGGERS) \
	TRIGGERS("node", "1", "NEW.title", "OLD.title", "title"), \
	TRIGGERS("kpi", "2", "NEW.name", "OLD.name", "name"), \
	TRIGGERS("grant_menu", "3", "NEW.name", "OLD.name", "name"), \
	TRIGGERS("placement", "4", "NEW.example || char(10) || NEW.ai_example", \
		 "OLD.example || char(10) || OLD.ai_example", "example, ai_example"), \
	TRIGGERS("project", "5", "NEW.title || char(10) || NEW.description", \
		 "OLD.title || char(10) || OLD.description", "title, description")

/* Whether a node like NEW is there already (and more holds of it).
 * +title: SQLite would put NEW.title for title in the index's
 * expression (constant propagation), which then no index has. */
#define NODE_EXISTS(more) \
	"EXISTS (SELECT 1 FROM node WHERE strategy_id = NEW.strategy_id AND level = NEW.level" \
	" AND substr(title, 1, 8) = substr(NEW.title, 1, 8) AND label = NEW.label" \
	" AND +title = NEW.title" more ")"

static const char *const migration_6[] = {
	"DROP TRIGGER node_search_ins;",
	"DROP TRIGGER node_search_upd;",
	"DROP TRIGGER node_search_del;",
	"DROP TRIGGER kpi_search_ins;",
	"DROP TRIGGER kpi_search_upd;",
	"DROP TRIGGER kpi_search_del;",
	"DROP TRIGGER menu_search_ins;",
	"DROP TRIGGER menu_search_upd;",
	"DROP TRIGGER menu_search_del;",
	"DROP TRIGGER placement_search_ins;",
	"DROP TRIGGER placement_search_upd;",
	"DROP TRIGGER placement_search_del;",
	"DROP TRIGGER project_search_ins;",
	"DROP TRIGGER project_search_upd;",
	"DROP TRIGGER project_search_del;",
	"DROP TABLE search;",
	"DELETE FROM setting WHERE key = 'search_deferred';",

	"CREATE TABLE node_6("
	"  id INTEGER PRIMARY KEY,"
	"  strategy_id INTEGER NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,"
	"  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),"
	"  label TEXT NOT NULL DEFAULT '',"
	"  title TEXT NOT NULL"
	");",
	"INSERT INTO node_6(id, strategy_id, level, label, title)"
	"  SELECT id, strategy_id, level, label, title FROM node ORDER BY id;",
	"DROP TABLE node;",
	"ALTER TABLE node_6 RENAME TO node;",
	"CREATE INDEX node_key ON node(strategy_id, level, substr(title, 1, 8));",
	"CREATE TRIGGER node_unique BEFORE INSERT ON node WHEN " NODE_EXISTS("") " BEGIN"
	"  SELECT RAISE(ABORT, 'UNIQUE constraint failed: node.strategy_id, node.level, node.label,"
	" node.title'); END;",
	"CREATE TRIGGER node_unique_update BEFORE UPDATE OF strategy_id, level, label, title ON node"
	"  WHEN " NODE_EXISTS(" AND id <> OLD.id") " BEGIN"
	"  SELECT RAISE(ABORT, 'UNIQUE constraint failed: node.strategy_id, node.level, node.label,"
	" node.title'); END;",

	/* What changed since a history id (due.c: what is due, kept up to
	 * date after another official's commit); an import's settings kept
	 * in value_row are not here, and such an import is counted whole. */
	"CREATE INDEX history_row_id ON history_row(id);",

	/* The re-listings of a wide table whose home rows have not come yet:
	 * rows only inside an import's transaction (wide_table.c). */
	"CREATE TABLE relisting_waiting("
	"  id INTEGER PRIMARY KEY,"
	"  placement_id INTEGER NOT NULL,"
	"  position INTEGER NOT NULL,"
	"  strategy_id INTEGER NOT NULL,"
	"  code TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  line INTEGER NOT NULL,"
	"  col INTEGER NOT NULL"
	");",

	"CREATE VIEW search_text(id, text) AS SELECT r.id, CASE r.kind"
	"  WHEN 1 THEN (SELECT title FROM node WHERE id = r.ref)"
	"  WHEN 2 THEN (SELECT name FROM kpi WHERE id = r.ref)"
	"  WHEN 3 THEN (SELECT name FROM grant_menu WHERE id = r.ref)"
	"  WHEN 4 THEN (SELECT example || char(10) || ai_example FROM placement WHERE id = r.ref)"
	"  WHEN 5 THEN (SELECT title || char(10) || description FROM project WHERE id = r.ref)"
	"  END FROM search_ref r;",
	"CREATE VIRTUAL TABLE search USING fts5(text, content = 'search_text', content_rowid = 'id',"
	"  columnsize = 0, tokenize = 'trigram');",
	"INSERT INTO search(search) VALUES ('rebuild');",
	SEARCH_TABLES(SEARCH_TRIGGERS),
	NULL
};

/* Version 7: the audit log of access over SSH: every change to who may
 * do what (access add, set, remove, disable, enable, rotate), each SSH
 * session's start and end, every refusal. seq counts the rows from 1
 * without a gap: an INSERT must give the next number, and no row is
 * ever changed or deleted (kpitree check looks for gaps and for these
 * triggers). client is $SSH_CONNECTION as sshd gave it, never trusted
 * for who; fingerprint is the key's, from its forced command. */
/* The audit log's triggers, as sqlite_master keeps them (kpitree check
 * compares them whole: one given a WHEN that never holds keeps nothing). */
#define AUDIT_NEXT "CREATE TRIGGER audit_next BEFORE INSERT ON audit" \
	"  WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit)" \
	"  BEGIN SELECT RAISE(ABORT, 'the audit log grows by the next seq only'); END"
#define AUDIT_NO_UPDATE "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit" \
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
#define AUDIT_NO_DELETE "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit" \
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"

static const char *const migration_7[] = {
	"CREATE TABLE audit("
	"  seq INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  who TEXT NOT NULL,"
	"  event TEXT NOT NULL,"
	"  official TEXT NOT NULL DEFAULT '',"
	"  fingerprint TEXT NOT NULL DEFAULT '',"
	"  client TEXT NOT NULL DEFAULT '',"
	"  what TEXT NOT NULL DEFAULT '',"
	"  detail TEXT NOT NULL DEFAULT ''"
	");",
	"CREATE INDEX audit_fingerprint ON audit(fingerprint, event, seq);",
	AUDIT_NEXT ";",
	AUDIT_NO_UPDATE ";",
	AUDIT_NO_DELETE ";",
	NULL
};

/* Version 8: the history of a KPI's own fields (name, unit, baseline,
 * target) as imports change them: who, when, what was there, what came;
 * append-only, as the values' history is. */
static const char *const migration_8[] = {
	"CREATE TABLE kpi_history("
	"  id INTEGER PRIMARY KEY,"
	"  kpi_id INTEGER NOT NULL REFERENCES kpi(id),"
	"  what TEXT NOT NULL CHECK (what IN ('name', 'unit', 'baseline', 'target')),"
	"  old_text TEXT NOT NULL,"
	"  new_text TEXT NOT NULL,"
	"  changed_by TEXT NOT NULL,"
	"  changed_at TEXT NOT NULL"
	");",
	"CREATE INDEX kpi_history_kpi ON kpi_history(kpi_id, id);",
	"CREATE TRIGGER kpi_history_no_update BEFORE UPDATE ON kpi_history"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER kpi_history_no_delete BEFORE DELETE ON kpi_history"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	NULL
};

/* The yearly 効果検証 of the grant projects (VERIFICATION.md): a
 * verification per fiscal year, opened and closed, with once the answer
 * to 「各事業の評価等を踏まえた地方版総合戦略の見直しの有無」 (revised:
 * NULL unanswered, 0 no, 1 yes); each project's 実績額 (yen) and
 * 交付金の種類 per fiscal year; three voices per project kept apart
 * (voice 'self': the 担当課's 事業効果 and draft 今後の方針; 'committee':
 * the 外部有識者's 事業の評価 and 意見, perhaps at a meeting; 'final': the
 * published 事業効果, 今後の方針 and its 理由), each with who and when;
 * every change appended to verification_history, never rewritten.
 *
 * The 事業効果 a project's KPIs suggest is a rule kept as data
 * (effect_rule: the first whose rule holds is suggested; "all R" or
 * "any R" of a rank rule over the KPIs with data, or "otherwise"), with
 * the national default. The choice lists gain 'verdict' (事業の評価), and
 * the default policy list, if untouched, 事業の継続. */
static const char *const migration_9[] = {
	"CREATE TABLE choice_new("
	"  list TEXT NOT NULL CHECK (list IN ('assessment', 'policy', 'verdict')),"
	"  position INTEGER NOT NULL,"
	"  code TEXT NOT NULL,"
	"  label TEXT NOT NULL,"
	"  PRIMARY KEY (list, code)"
	") WITHOUT ROWID;",
	"INSERT INTO choice_new SELECT list, position, code, label FROM choice;",
	"DROP TABLE choice;",
	"ALTER TABLE choice_new RENAME TO choice;",
	"INSERT INTO choice(list, position, code, label) VALUES"
	"  ('verdict', 1, '有効', '総合戦略のKPI達成に有効であった'),"
	"  ('verdict', 2, '有効とは言えない', '総合戦略のKPI達成に有効とは言えない');",
	"UPDATE choice SET position = position + 1 WHERE list = 'policy' AND position >= 3"
	"  AND (SELECT group_concat(code, ',') FROM (SELECT code FROM choice"
	"       WHERE list = 'policy' ORDER BY position)) = '発展,改善,中止,終了';",
	"INSERT INTO choice(list, position, code, label)"
	"  SELECT 'policy', 3, '継続', '事業の継続' WHERE (SELECT group_concat(code, ',')"
	"  FROM (SELECT code FROM choice WHERE list = 'policy' ORDER BY position))"
	"  = '発展,改善,中止,終了';",

	"CREATE TABLE effect_rule("
	"  position INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  rule TEXT NOT NULL"
	");",
	"INSERT INTO effect_rule(position, code, rule) VALUES"
	"  (1, '①', 'all achieved'),"
	"  (2, '②', 'all progress >= 70%'),"
	"  (3, '③', 'all improved'),"
	"  (4, '④', 'otherwise');",

	"CREATE TABLE project_year("
	"  project_id INTEGER NOT NULL REFERENCES project(id),"
	"  fiscal_year INTEGER NOT NULL,"
	"  amount INTEGER CHECK (amount IS NULL OR amount >= 0),"
	"  grant_kind TEXT NOT NULL DEFAULT '',"
	"  entered_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL,"
	"  PRIMARY KEY (project_id, fiscal_year)"
	") WITHOUT ROWID;",

	/* the header of a municipality's table: code the 6-digit national
	 * code (全国地方公共団体コード), whose first five 様式2 asks for */
	"CREATE TABLE municipality_info("
	"  municipality TEXT PRIMARY KEY,"
	"  prefecture TEXT NOT NULL DEFAULT '',"
	"  code TEXT NOT NULL DEFAULT '' CHECK (code = '' OR (length(code) = 6"
	"   AND code NOT GLOB '*[^0-9]*')),"
	"  department TEXT NOT NULL DEFAULT '',"
	"  contact TEXT NOT NULL DEFAULT ''"
	") WITHOUT ROWID;",

	"CREATE TABLE verification("
	"  fiscal_year INTEGER PRIMARY KEY,"
	"  opened_by TEXT NOT NULL,"
	"  opened_at TEXT NOT NULL,"
	"  closed_at TEXT,"
	"  revised INTEGER CHECK (revised IN (0, 1)),"
	"  revised_by TEXT NOT NULL DEFAULT '',"
	"  revised_at TEXT NOT NULL DEFAULT ''"
	");",

	/* codes and labels as chosen, so that a later list leaves them be */
	"CREATE TABLE voice("
	"  fiscal_year INTEGER NOT NULL REFERENCES verification(fiscal_year),"
	"  project_id INTEGER NOT NULL REFERENCES project(id),"
	"  voice TEXT NOT NULL CHECK (voice IN ('self', 'committee', 'final')),"
	"  suggested TEXT NOT NULL DEFAULT '',"
	"  effect TEXT NOT NULL DEFAULT '',"
	"  effect_label TEXT NOT NULL DEFAULT '',"
	"  policy TEXT NOT NULL DEFAULT '',"
	"  policy_label TEXT NOT NULL DEFAULT '',"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  verdict TEXT NOT NULL DEFAULT '',"
	"  verdict_label TEXT NOT NULL DEFAULT '',"
	"  opinion TEXT NOT NULL DEFAULT '',"
	"  meeting_id INTEGER REFERENCES meeting(id),"
	"  entered_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL,"
	"  PRIMARY KEY (fiscal_year, project_id, voice)"
	") WITHOUT ROWID;",

	/* What a KPI's value at a fiscal year is, beside the value itself:
	 * unknown 1 when it cannot be known yet (把握できない: statistics
	 * published a year or two late), counted apart from a value merely
	 * missing; describes, the year whose data it is when not the
	 * fiscal year (NULL: the fiscal year). */
	"CREATE TABLE value_flag("
	"  kpi_id INTEGER NOT NULL REFERENCES kpi(id),"
	"  fiscal_year INTEGER NOT NULL,"
	"  unknown INTEGER NOT NULL DEFAULT 0 CHECK (unknown IN (0, 1)),"
	"  describes INTEGER,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  entered_by TEXT NOT NULL,"
	"  entered_at TEXT NOT NULL,"
	"  PRIMARY KEY (kpi_id, fiscal_year)"
	") WITHOUT ROWID;",

	/* A KPI declared incremental (地域再生計画: a baseline plus yearly
	 * increments, 「KPI増加分の累計」): its plans and actuals are the
	 * years' increments, and its progress comes from their sums. */
	"CREATE TABLE kpi_increment("
	"  kpi_id INTEGER PRIMARY KEY REFERENCES kpi(id),"
	"  declared_by TEXT NOT NULL,"
	"  declared_at TEXT NOT NULL"
	");",

	"CREATE TABLE verification_history("
	"  id INTEGER PRIMARY KEY,"
	"  fiscal_year INTEGER NOT NULL,"
	"  project_id INTEGER REFERENCES project(id),"
	"  what TEXT NOT NULL,"
	"  old_text TEXT,"
	"  new_text TEXT,"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  changed_by TEXT NOT NULL,"
	"  changed_at TEXT NOT NULL"
	");",
	"CREATE INDEX verification_history_project ON verification_history(project_id, id);",
	"CREATE TRIGGER verification_history_no_update BEFORE UPDATE ON verification_history"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER verification_history_no_delete BEFORE DELETE ON verification_history"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	NULL
};

/* Version 10: who a meeting's minutes say took part (issue "HTML
 * minutes"): the organisation holding the meetings, one per database
 * (the row with id 1), and each meeting's attendees, a name and a role
 * (会長, 委員, 事務局 or any other word), in the order entered. */
static const char *const migration_10[] = {
	"CREATE TABLE organisation("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  name TEXT NOT NULL"
	");",
	"CREATE TABLE attendee("
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  role TEXT NOT NULL,"
	"  PRIMARY KEY (meeting_id, name)"
	");",
	NULL
};

/* Version 11: the grant menus of a content row as imports change them
 * (issue 18: a changed menu was recorded nowhere): who, when, the
 * menus that were there and those that came, each list in its order
 * joined by ", "; append-only, as the KPI's own history is. history
 * CODE shows the changes of the rows where the KPI stands. */
static const char *const migration_11[] = {
	"CREATE TABLE menu_history("
	"  id INTEGER PRIMARY KEY,"
	"  placement_id INTEGER NOT NULL REFERENCES placement(id),"
	"  old_text TEXT NOT NULL,"
	"  new_text TEXT NOT NULL,"
	"  changed_by TEXT NOT NULL,"
	"  changed_at TEXT NOT NULL"
	");",
	"CREATE INDEX menu_history_placement ON menu_history(placement_id, id);",
	"CREATE TRIGGER menu_history_no_update BEFORE UPDATE ON menu_history"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER menu_history_no_delete BEFORE DELETE ON menu_history"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	NULL
};

/* Version 12: the notes (※) a grant program's source gives it, beside
 * its projects' own (issue 18: seed 002's notes on the programs, the
 * move to デジタル田園都市国家構想推進交付金 and R3's no new project,
 * were kept nowhere). */
static const char *const migration_12[] = {
	"ALTER TABLE grant_program ADD COLUMN notes TEXT NOT NULL DEFAULT '';",
	NULL
};

/* Version 13: a value keeps the decimals it was written with (issue
 * 18: 31.20 and 33.00 came out 31.2 and 33, the decimals kept per KPI
 * only): decimals, the digits after the point as written (0: as few as
 * the number needs), which every export, show and the browser write. A
 * value stored before keeps 0, the form every CSV export and show gave
 * it: what it was written as is known nowhere; importing its file again
 * brings the form back, without a change in the history. The value
 * view takes the column, its triggers made again with it. */
static const char *const migration_13[] = {
	"ALTER TABLE value_row ADD COLUMN decimals INTEGER NOT NULL DEFAULT 0"
	"  CHECK (decimals BETWEEN 0 AND 15);",
	"DROP VIEW value;",
	"CREATE VIEW value(kpi_id, fiscal_year, kind, value, note, entered_by, entered_at,"
	"  decimals) AS"
	"  SELECT v.kpi_id, v.fiscal_year, " KIND_TEXT("v.kind") ", v.value, v.note, e.who, e.at,"
	"  v.decimals FROM value_row v JOIN entry e ON e.id = v.entry_id;",
	"CREATE TRIGGER value_insert INSTEAD OF INSERT ON value BEGIN"
	"  SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed')"
	"  WHERE NOT EXISTS (SELECT 1 FROM kpi WHERE id = NEW.kpi_id);"
	"  INSERT INTO entry(who, at) VALUES (NEW.entered_by, NEW.entered_at)"
	"  ON CONFLICT DO NOTHING;"
	"  INSERT INTO value_row(kpi_id, fiscal_year, kind, value, note, entry_id, decimals)"
	"  VALUES (NEW.kpi_id, NEW.fiscal_year, " KIND_CODE("NEW.kind") ", NEW.value,"
	"  coalesce(NEW.note, ''),"
	"  (SELECT id FROM entry WHERE who = NEW.entered_by AND at = NEW.entered_at),"
	"  coalesce(NEW.decimals, 0)); END;",
	VALUE_UPDATE_TRIGGER(",  set_id = NULL, set_change = NULL, decimals = coalesce(NEW.decimals, 0)"),
	VALUE_DELETE_TRIGGER,
	NULL
};

/* Version 14: a history row keeps the decimals its old and new values
 * were written with (issue 18: history wrote 31.20 as 31.2, where show
 * and the exports write it as written): old_decimals and new_decimals.
 * A row written before keeps 0, the form history gave it, as value_row
 * did in version 13. The history view takes the columns (a value's
 * setting: its value_row's decimals), and its triggers and those that
 * move a setting into history_row are made again with them. */
static const char *const migration_14[] = {
	"ALTER TABLE history_row ADD COLUMN old_decimals INTEGER NOT NULL DEFAULT 0"
	"  CHECK (old_decimals BETWEEN 0 AND 15);",
	"ALTER TABLE history_row ADD COLUMN new_decimals INTEGER NOT NULL DEFAULT 0"
	"  CHECK (new_decimals BETWEEN 0 AND 15);",
	"DROP TRIGGER value_row_setting_kept_on_update;",
	"DROP TRIGGER value_row_setting_kept_on_delete;",
	SETTING_KEPT_TRIGGERS(SETTING_TO_HISTORY_OF(", new_decimals", ", OLD.decimals")),
	"DROP VIEW history;",
	HISTORY_VIEW_OF2(", said_by, old_decimals, new_decimals",
			 ", c.said_by, h.old_decimals, h.new_decimals", ", c.said_by, 0, v.decimals"),
	HISTORY_VIEW_TRIGGERS_OF2(", said_by", ", coalesce(NEW.said_by, '')",
				  " AND said_by = coalesce(NEW.said_by, '')",
				  ", old_decimals, new_decimals",
				  ", coalesce(NEW.old_decimals, 0), coalesce(NEW.new_decimals, 0)"),
	NULL
};

/* Version 15: the text of a strategy's row as imports change it (issue
 * 18: a heading or 内容 corrected in the wide table came back as a row
 * beside the old one). A re-import takes a row whose text changed, and
 * which stands where an old row stood whose text the file no longer
 * has, for that row renamed (wide_table.c): the node keeps its id, and
 * the change is kept here, who, when, the title that was there and the
 * one that came; what is the row's level (tree_level_name).
 * Append-only, as the KPI's own history is; history CODE shows the
 * renames of the rows where the KPI stands and of those above them. */
static const char *const migration_15[] = {
	"CREATE TABLE node_history("
	"  id INTEGER PRIMARY KEY,"
	"  node_id INTEGER NOT NULL REFERENCES node(id),"
	"  what TEXT NOT NULL CHECK (what IN ('project', 'basic strategy', 'measure', 'item',"
	"  'content')),"
	"  old_text TEXT NOT NULL,"
	"  new_text TEXT NOT NULL,"
	"  changed_by TEXT NOT NULL,"
	"  changed_at TEXT NOT NULL"
	");",
	"CREATE INDEX node_history_node ON node_history(node_id, id);",
	"CREATE TRIGGER node_history_no_update BEFORE UPDATE ON node_history"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	"CREATE TRIGGER node_history_no_delete BEFORE DELETE ON node_history"
	"  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;",
	NULL
};

/* Version 16: an import's search rows made at its end (issue 19: the
 * row triggers writing search_ref for each row an import inserted took
 * half a strategy import's time, and made each insert a statement with
 * triggers). Inside an import (the setting search_pending_after there:
 * store_search_defer) a row inserted has no search row until
 * store_search_catch_up gives each table's new rows theirs, a table at
 * a time in the order of their ids, and fills the index from them. Every
 * search_ref row is indexed: the triggers of an update and a delete
 * touch the index only for a row that has one. */
#define SEARCH_TRIGGERS_16(table, kind, new_text, old_text, columns) \
	"DROP TRIGGER " table "_search_ins;", \
	"DROP TRIGGER " table "_search_upd;", \
	"DROP TRIGGER " table "_search_del;", \
	SEARCH_TRIGGERS_AS(table, kind, new_text, old_text, columns, \
			   "  WHEN " SEARCH_NOT_DEFERRED, "", \
			   SEARCH_REF_OF(kind, "OLD") " IS NOT NULL", "")

static const char *const migration_16[] = {
	SEARCH_TABLES(SEARCH_TRIGGERS_16),
	NULL
};

/* Version 17: the kpi table's checks of baseline_kind and target_kind,
 * IN (0, 1, 2), written IN (0, 1) OR ... = 2 (issue 19): for a list of
 * three constants SQLite builds a temporary index each time a statement
 * checks it, two for every KPI written, two thirds of a KPI's insert
 * (two or fewer it compares one by one). The rule is the same, so no
 * row needs checking again and the table's pages stay as they are: only
 * its CREATE statement changes, as SQLite's manual allows for a changed
 * CHECK (ALTER TABLE, "Making Other Kinds Of Table Schema Changes"),
 * and the connection reads the schema again (RESET); every migration
 * ends by raising the schema cookie (store.c), so that the other
 * connections read it again too. */
#define KIND_CHECK_16(col) "CHECK (" col " IN (0, 1, 2))"
#define KIND_CHECK_17(col) "CHECK (" col " IN (0, 1) OR " col " = 2)"

static const char *const migration_17[] = {
	"PRAGMA writable_schema = ON;",
	"UPDATE sqlite_master SET sql = replace(replace(sql,"
	"  '" KIND_CHECK_16("baseline_kind") "', '" KIND_CHECK_17("baseline_kind") "'),"
	"  '" KIND_CHECK_16("target_kind") "', '" KIND_CHECK_17("target_kind") "')"
	"  WHERE type = 'table' AND name = 'kpi';",
	"PRAGMA writable_schema = RESET;",
	NULL
};

/* The triggers an import drops while it runs (store_search_defer): the
 * search insert triggers, which do nothing inside one (the WHEN of
 * SEARCH_TRIGGERS_16), and node_unique, which refuses a node that the
 * import (wide_table.c) has just looked for and not found. */
#define SEARCH_INSERT_TRIGGER(table, kind, new_text, old_text, columns) table "_search_ins"
const char *const schema_import_idle_triggers[] = {
	SEARCH_TABLES(SEARCH_INSERT_TRIGGER),
	"node_unique",
	NULL
};

const char *const schema_audit_triggers[][2] = {
	{ "audit_next", AUDIT_NEXT },
	{ "audit_no_update", AUDIT_NO_UPDATE },
	{ "audit_no_delete", AUDIT_NO_DELETE },
	{ NULL, NULL }
};

const char *const *const schema_migrations[] = {
	migration_1,
	migration_2,
	migration_3,
	migration_4,
	migration_5,
	migration_6,
	migration_7,
	migration_8,
	migration_9,
	migration_10,
	migration_11,
	migration_12,
	migration_13,
	migration_14,
	migration_15,
	migration_16,
	migration_17,
};

const int schema_version = sizeof schema_migrations / sizeof schema_migrations[0];
