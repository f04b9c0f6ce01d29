#!/bin/sh
# rename.sh: a strategy table imported again with a heading or a 内容
# corrected (issue 18, "Structural changes are history too"): the row is
# renamed in place, keeping its id, its KPIs and their values; the
# history says who, when, the old text and the new; the summary counts
# the rows renamed and added. A row truly added is added, not taken for
# an old one; the unchanged table changes nothing; an error elsewhere in
# the file renames nothing.
. "$srcdir/tests/cli/lib.sh"
plan 46
bundled_db
export LANG=C.UTF-8
q() { "$SQLITE3" "$db" "$1"; }
ids() { q "SELECT group_concat(id || ':' || level, ' ') FROM (SELECT id, level FROM node ORDER BY id)"; }
placements() { q "SELECT group_concat(id || ':' || node_id || ':' || coalesce(parent_id, 0), ' ') FROM (SELECT * FROM placement ORDER BY id)"; }
# the title of the level-N row above (or at) H01's home row
above_h01() {
	q "WITH RECURSIVE up(id, parent) AS (SELECT p.id, p.parent_id FROM placement p
	   JOIN kpi_placement kp ON kp.placement_id = p.id JOIN kpi k ON k.id = kp.kpi_id
	   WHERE k.code = 'H01' AND kp.home = 1 UNION ALL SELECT p.id, p.parent_id FROM placement p
	   JOIN up ON p.id = up.parent)
	   SELECT n.id || ' ' || n.title FROM up JOIN placement p ON p.id = up.id
	   JOIN node n ON n.id = p.node_id WHERE n.level = $1"
}
measure='安心して子どもを産み育てられる環境の整備'
measure2='安心して子どもを産み、育てられる環境の整備'
content='保育所及び認定こども園の計画的な整備や地域型保育事業の実施などを進め、待機児童の解消を図る。'
content2='保育所と認定こども園の計画的な整備や地域型保育事業の実施などを進め、待機児童の解消を図る。'

"$KPITREE" --db "$db" export strategy -o "$work/s.csv"
"$KPITREE" --db "$db" --user tanaka set H01 R7 12 >/dev/null
nodes=$(ids)
places=$(placements)
measure_id=$(above_h01 3 | cut -d' ' -f1)
content_id=$(above_h01 5 | cut -d' ' -f1)
[ "$(above_h01 3)" = "$measure_id $measure" ] && [ "$(above_h01 5)" = "$content_id $content" ]
ok $? "H01 stands under measure ① and its 内容 as bundled"

run --db "$db" --user suzuki import "$work/s.csv"
[ "$(cat "$work/out")" = "imported 29 rows from 1 file; 0 values changed" ]
ok $? "the unchanged table again: 0 renamed, 0 added, nothing in its summary"
[ "$(ids)" = "$nodes" ] && [ "$(placements)" = "$places" ] &&
	[ "$(q 'SELECT count(*) FROM node_history')" = 0 ]
ok $? "and it changes no row and records nothing"

# measure ① corrected on each of its rows, H01's 内容 on its one
sed -e "s/$measure/$measure2/g" -e "s/$content/$content2/" "$work/s.csv" >"$work/s2.csv"
[ "$(grep -c "$measure2" "$work/s2.csv")" = 2 ] && grep -q "$content2" "$work/s2.csv"
ok $? "the copy has the measure corrected on both its rows and one 内容 corrected"
run --db "$db" --user suzuki import "$work/s2.csv"
expect 0 "" "the corrected table imports"
[ "$(cat "$work/out")" = "imported 29 rows from 1 file; 0 values changed; 2 rows renamed, 0 rows added" ]
ok $? "its summary counts the 2 rows renamed and none added"
[ "$(ids)" = "$nodes" ]
ok $? "no node is added or lost: the same ids, the same levels"
[ "$(placements)" = "$places" ]
ok $? "no row moves: the same placements under the same parents"
[ "$(above_h01 3)" = "$measure_id $measure2" ]
ok $? "H01 stands under the renamed measure, which kept its id"
[ "$(above_h01 5)" = "$content_id $content2" ]
ok $? "H01's home row is its renamed 内容, which kept its id"
[ "$(q "SELECT count(*) FROM node WHERE title IN ('$measure', '$content')")" = 0 ]
ok $? "the old texts are no row's any more: the tree has one row for each"
[ "$(q "SELECT count(*) FROM search WHERE search MATCH '\"保育所と認定\"'")" = 1 ] &&
	[ "$(q "SELECT count(*) FROM search WHERE search MATCH '\"保育所及び認定\"'")" = 0 ]
ok $? "search finds the new text, not the old"
run --db "$db" show H01 --year R7
grep -q '^R7 (2025)  .* 12 ' "$work/out"
ok $? "H01 keeps its value"
"$KPITREE" --db "$db" export strategy | cmp -s - "$work/s2.csv"
ok $? "the table exports as imported"

run --db "$db" history H01
grep -q "^[-0-9]* [0-9:]*  suzuki  measure  $measure -> $measure2  (import)\$" "$work/out"
ok $? "history H01 shows who renamed its measure, when, from what to what"
grep -q "^[-0-9]* [0-9:]*  suzuki  content  $content -> $content2  (import)\$" "$work/out"
ok $? "and its 内容"
LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" history H01 >"$work/out"
grep -q "  suzuki  施策  $measure -> $measure2  (取り込み)\$" "$work/out" &&
	grep -q "  suzuki  内容  $content -> $content2  (取り込み)\$" "$work/out"
ok $? "in Japanese too"
run --db "$db" history H02
grep -q "  suzuki  measure  $measure -> $measure2  (import)\$" "$work/out" &&
	! grep -q "  content  " "$work/out"
ok $? "history H02, under the same measure, shows its rename, not the other row's"
run --db "$db" history H12b
[ "$status" = 0 ] && [ "$(cat "$work/out")" = "no change yet" ] &&
	[ "$(LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" history H12b)" = "変更はまだありません" ]
ok $? "history of a KPI never changed says so, as the browser's H does, in English and Japanese"
q "DELETE FROM node_history" 2>/dev/null
q "UPDATE node_history SET new_text = 'x'" 2>/dev/null
[ "$(q "SELECT count(*) FROM node_history WHERE new_text <> 'x'")" = 2 ]
ok $? "that history is append-only"

run --db "$db" --user suzuki import "$work/s2.csv"
[ "$(cat "$work/out")" = "imported 29 rows from 1 file; 0 values changed" ] &&
	[ "$(q 'SELECT count(*) FROM node_history')" = 2 ]
ok $? "the corrected table again changes nothing"

# A row added after H01's, and the next row's 内容 corrected: the new
# row is added (the old row's text is still in the file), the next one
# renamed.
/usr/bin/python3 - "$work/s2.csv" "$work/s3.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
h = rows[0]
new = list(rows[1])
new[h.index('code')] = new[h.index('対象KPI')] = ''
new[h.index('番号')] = '-'
new[h.index('内容')] = '子育て支援の新しい取組を進める。'
rows[2][h.index('内容')] = rows[2][h.index('内容')].replace('地域の', '地域での', 1)
with open(sys.argv[2], 'w', encoding='utf-8', newline='') as f:
    csv.writer(f, lineterminator='\n').writerows(rows[:2] + [new] + rows[2:])
PY
run --db "$db" --user sato import "$work/s3.csv"
[ "$(cat "$work/out")" = "imported 30 rows from 1 file; 0 values changed; 1 row renamed, 1 row added" ]
ok $? "a row added and the next corrected: 1 renamed, 1 added"
[ "$(q "SELECT count(*) FROM node")" = $(($(echo "$nodes" | wc -w) + 1)) ] &&
	[ "$(q "SELECT count(*) FROM node WHERE title LIKE '地域での%'")" = 1 ] &&
	[ "$(q "SELECT count(*) FROM node WHERE title LIKE '地域の「せわずき%'")" = 0 ]
ok $? "one node more, the corrected one renamed"
run --db "$db" history H02
grep -q "  sato  content  地域の「せわずき.* -> 地域での「せわずき.*  (import)\$" "$work/out"
ok $? "history H02 shows its 内容 renamed"

# The added row left out again: it stays, and the summary says so.
grep -v '子育て支援の新しい取組を進める' "$work/s3.csv" >"$work/s5.csv"
run --db "$db" --user sato import "$work/s5.csv"
[ "$(cat "$work/out")" = "imported 29 rows from 1 file; 0 values changed; 1 row no longer in the file, kept" ] &&
	[ "$(q "SELECT count(*) FROM node WHERE title = '子育て支援の新しい取組を進める。'")" = 1 ]
ok $? "a row no longer in the file is kept, and counted in the summary"

LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" import "$work/s5.csv" >"$work/out"
[ "$(cat "$work/out")" = "1 個のファイルから 29 行を取り込みました。0 件の値を変更しました。ファイルにない 1 行はそのまま残しました" ]
ok $? "in Japanese too"
"$KPITREE" --db "$work/ja.db" init >/dev/null
LANG=ja_JP.UTF-8 "$KPITREE" --db "$work/ja.db" import "$work/s2.csv" >"$work/out"
[ "$(cat "$work/out")" = "1 個のファイルから 29 行を取り込みました。0 件の値を変更しました。2 行の名前を変え、0 行を追加しました" ]
ok $? "and the rows renamed and added, in Japanese order"

# A correction in a file with an error elsewhere: nothing renamed, and
# the error names file, line and column.
sed -e "s/$measure2/$measure/g" -e 's/,③,/,③x,/' "$work/s3.csv" >"$work/s4.csv"
before=$(ids)
run --db "$db" --user sato import "$work/s4.csv"
[ "$status" = 1 ] && grep -q "^kpitree: $work/s4.csv:[0-9]*:[0-9]*: 番号: '③x'" "$work/err"
ok $? "a file with a bad 番号 is refused at its line and column"
[ "$(ids)" = "$before" ] && [ "$(q "SELECT count(*) FROM node WHERE title = '$measure2'")" = 1 ] &&
	[ "$(q 'SELECT count(*) FROM node_history')" = 3 ]
ok $? "and renames nothing"

run --db "$db" check
expect 0 "" "check finds nothing wrong after the renames"

# A KPI's home row moved by the file (issue 18): H08's row copied under
# H07's 項目. The KPI's home follows the file, the summary says so, and a
# KPI given two home rows is refused, not silently linked to one.
db="$work/m.db"
"$KPITREE" --db "$db" init >/dev/null
"$KPITREE" --db "$db" export strategy -o "$work/m.csv"
"$KPITREE" --db "$db" --user tanaka set H08 R7 5000 >/dev/null
/usr/bin/python3 - "$work/m.csv" "$work/m1.csv" "$work/m2.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
h = rows[0]
code = h.index('code')
h07 = next(r for r in rows if r[code] == 'H07')
h08 = next(r for r in rows if r[code] == 'H08')
for c in ('重点戦略プロジェクト', '基本戦略', '施策', '項目'):
    h08[h.index(c)] = h07[h.index(c)]
with open(sys.argv[2], 'w', encoding='utf-8', newline='') as f:
    csv.writer(f, lineterminator='\n').writerows(rows)
twice = list(h08)
twice[h.index('内容')] = '新しい内容の行。'
with open(sys.argv[3], 'w', encoding='utf-8', newline='') as f:
    csv.writer(f, lineterminator='\n').writerows(rows + [twice])
PY
home_of() {
	q "SELECT i.title || '/' || n.title FROM kpi k JOIN kpi_placement kp ON kp.kpi_id = k.id
	   AND kp.home = 1 JOIN placement p ON p.id = kp.placement_id JOIN node n ON n.id = p.node_id
	   JOIN placement pi ON pi.id = p.parent_id JOIN node i ON i.id = pi.node_id WHERE k.code = '$1'"
}
case "$(home_of H08)" in 都市と農村の交流の促進/*) r=0 ;; *) r=1 ;; esac
ok $r "H08 stands under its 項目 as bundled"
run --db "$db" --user suzuki import "$work/m1.csv"
[ "$(cat "$work/out")" = "imported 29 rows from 1 file; 0 values changed; 0 rows renamed, 1 row added; 1 row no longer in the file, kept; 1 KPI moved to the row the file puts it on" ]
ok $? "a KPI's row moved under another 項目: the summary counts the KPI moved"
case "$(home_of H08)" in 北海道に興味・関心のある方との継続的な関係構築/農村を中心とした*) r=0 ;; *) r=1 ;; esac
ok $r "H08's home is the row the file puts it on"
"$KPITREE" --db "$db" export strategy |
	grep -q "^[^,]*,H08,[^,]*,[^,]*,[^,]*,■ 北海道に興味・関心のある方との継続的な関係構築,農村を中心とした.*,⑧,"
ok $? "the table exports H08 on its new row, with its 番号"
run --db "$db" show H08 --year R7
grep -q '^R7 (2025)  .* 5,*000 ' "$work/out"
ok $? "H08 keeps its value"
LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" import "$work/m.csv" >"$work/out"
grep -q "ファイルにある行に 1 件の KPI を移しました\$" "$work/out" &&
	case "$(home_of H08)" in 都市と農村の交流の促進/*) true ;; *) false ;; esac
ok $? "moved back by the file as bundled, said in Japanese too"
links() { q "SELECT group_concat(kpi_id || ':' || placement_id || ':' || home) FROM kpi_placement"; }
before=$(links)
run --db "$db" import "$work/m2.csv"
[ "$status" = 1 ] &&
	grep -q "^kpitree: $work/m2.csv:[0-9]*:[0-9]*: 番号: H08 has its home row above already" "$work/err" &&
	[ "$(links)" = "$before" ]
ok $? "a KPI given two home rows is refused at the second's line and column, linking nothing"
# Small formatting edits (issue 18) find the same rows: full-width
# digits in a number, no space after it, other quotation marks. The
# number is read alike, and a text whose quotes alone changed is that
# row corrected, renamed, not a subtree copied.
db="$work/f.db"
"$KPITREE" --db "$db" init >/dev/null
nodes=$(ids)
places=$(placements)
p1='1 「誰もが安心して暮らせるまちづくり」プロジェクト'
p4='「未来技術を育て、活かし、広めるデジタル化推進」プロジェクト'
p4b='“未来技術を育て、活かし、広めるデジタル化推進”プロジェクト'
sed -e "s/$p1/１ 「誰もが安心して暮らせるまちづくり」プロジェクト/" \
	-e "s/① 安心して子どもを/①安心して子どもを/" -e "s/■ 都市と農村/■都市と農村/" \
	-e "s/4 $p4/4 $p4b/" "$work/m.csv" >"$work/f.csv"
grep -q '^[^,]*,[^,]*,１ 「誰もが' "$work/f.csv" && grep -q ',①安心して子ども' "$work/f.csv" &&
	grep -q ',■都市と農村' "$work/f.csv" && grep -q ",4 $p4b," "$work/f.csv"
ok $? "the copy has a full-width number, numbers without their space, and other quotes"
run --db "$db" --user suzuki import "$work/f.csv"
[ "$(cat "$work/out")" = "imported 29 rows from 1 file; 0 values changed; 1 row renamed, 0 rows added" ]
ok $? "it imports as the same table, the project whose quotes changed renamed"
[ "$(ids)" = "$nodes" ] && [ "$(placements)" = "$places" ]
ok $? "no row is added or moved"
[ "$(q "SELECT what || '|' || old_text || '|' || new_text FROM node_history")" = "project|$p4|$p4b" ]
ok $? "the history has the project renamed, from the old quotes to the new"

# A heading that begins with a year has no number: 2030年 is its text
# (a number runs on only into the quotes that open a title: 1「…」).
db="$work/y.db"
"$KPITREE" --db "$db" init >/dev/null
sed -e "s/4 $p4/2030年の$p4/" -e "s/$p1/1「誰もが安心して暮らせるまちづくり」プロジェクト/" \
	"$work/m.csv" >"$work/y.csv"
run --db "$db" --user suzuki import "$work/y.csv"
[ "$status" = 0 ] &&
	[ "$(q "SELECT count(*) FROM node WHERE level = 1 AND label = '' AND title = '2030年の$p4'")" = 1 ] &&
	[ "$(q "SELECT count(*) FROM node WHERE label = '2030'")" = 0 ] &&
	[ "$(q "SELECT count(*) FROM node WHERE level = 1 AND label = '1' AND title = '「誰もが安心して暮らせるまちづくり」プロジェクト'")" = 1 ]
ok $? "a heading beginning 2030年 is all title; 1「…」 is number 1"
# Digits before other text are the number, space or none: a basic
# strategy's 3安心して… is 3 安心して…, the same row; nothing added.
db="$work/n.db"
"$KPITREE" --db "$db" init >/dev/null
nodes=$(ids)
sed -e 's/,3 安心して暮らせる/,3安心して暮らせる/' "$work/m.csv" >"$work/n.csv"
run --db "$db" --user suzuki import "$work/n.csv"
[ "$status" = 0 ] && [ "$(ids)" = "$nodes" ] && ! grep -q "added" "$work/out"
ok $? "a basic strategy's number without its space is the same row"
# A code typed as an official types it (Ｈ０３, H3) is the KPI of that
# code, not a second KPI beside it.
db="$work/c.db"
"$KPITREE" --db "$db" init >/dev/null
count=$(q "SELECT count(*) FROM kpi")
sed -e 's/^第3期北海道創生総合戦略,H03,/第3期北海道創生総合戦略,Ｈ０３,/' \
	-e 's/^第3期北海道創生総合戦略,H04,/第3期北海道創生総合戦略,H4,/' "$work/m.csv" >"$work/c.csv"
run --db "$db" --user suzuki import "$work/c.csv"
[ "$status" = 0 ] && [ "$(q "SELECT count(*) FROM kpi")" = "$count" ] &&
	[ "$(q "SELECT count(*) FROM kpi WHERE code IN ('Ｈ０３', 'H4')")" = 0 ]
ok $? "a code column's Ｈ０３ and H4 are H03 and H04: no KPI added"

# A stream (ssh host import /dev/stdin < file) renames as the file by
# its path does: the file is read again from what was read.
db="$work/p.db"
"$KPITREE" --db "$db" init >/dev/null
nodes=$(ids)
cat "$work/s2.csv" | "$KPITREE" --db "$db" --user suzuki import /dev/stdin >"$work/out" 2>"$work/err"
[ "$(cat "$work/out")" = "imported 29 rows from 1 file; 0 values changed; 2 rows renamed, 0 rows added" ] &&
	[ ! -s "$work/err" ]
ok $? "the corrected table through a pipe: 2 rows renamed, none added"
[ "$(ids)" = "$nodes" ] && [ "$(q "SELECT count(*) FROM node WHERE title = '$measure2'")" = 1 ]
ok $? "the same ids, the rows renamed in place"
finish
