#!/bin/sh
# meeting.sh: a review meeting in tmux, as an official runs it: started
# on a node, its items presented at 80x24 and at 200x60, a changed rank
# recorded with its reason on one item and a comment and an action item
# on another, the meeting ended; the reports hold both. Then the
# dashboard, whose counts must be those of the CSV report.
. "$srcdir/tests/screen/lib.sh"
plan 67
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null
"$KPITREE" --db "$db" set H01 R7 12 >/dev/null

start "$KPITREE --db $db --user tanaka --year R7"
shows "▸ 1 「誰もが安心して暮" "the browser opens on the strategy"
keys : "meeting start 令和7年度第2回推進会議" Enter
shows "meeting 1 started: 4 items" ":meeting start opens a meeting on the KPIs under the node"
keys p
shows "令和7年度第2回推進会議" "p presents the meeting, its title on top"
shows "1/4" "item 1 of 4"
shows "H01  保育所等入所待機児童数" "one KPI a screen: its code and name"
shows "28人 (R6) → 0人 (R7)   down" "baseline → target"
shows "R7 (2025)         ███████████████████████ 12" "a bar of the year's actual"
shows "progress 57%   status ↓ behind   proposed rank C 遅れ(基準値より改善)" \
	"progress, status and the rank the rule proposes"
keys r
shows "> C 遅れ(基準値より改善)  (proposed)" "r offers the scheme's ranks, the proposed one first chosen"
keys k Enter
shows "reason:" "a rank other than the proposed one asks for a reason"
keys "保育所整備が進み来年度達成見込み" Enter
shows "rank B 順調 — 保育所整備が進み来年度達成見込み" "the changed rank and its reason are recorded"
keys Space
shows "2/4" "Space goes to the next item"
shows "H02  せわずき・せわやき隊等の組織化" "which shows its KPI"
shows "no values yet" "a KPI without values says so instead of a chart"
keys c "組織化の支援策を検討" Enter
shows "・組織化の支援策を検討 (tanaka)" "c records a comment, with who made it"
keys A "市町村へ照会" Enter "子育て支援課" Enter "2026-12-25" Enter
shows "[ ] 市町村へ照会 (子育て支援課, 2026-12-25)" "A records an action item with its owner and due date"
keys x
shows "> [ ] 市町村へ照会 (子育て支援課, 2026-12-25)" "x offers the open action items to mark done"
keys Escape
keys NPage
shows "3/4" "PgDn goes forward too"
keys r j Enter Enter
shows "not recorded: no rank is proposed (no data): give a reason for A" \
	"a rank where none is proposed needs a reason: nothing recorded without one"
keys PPage PPage
shows "1/4" "PgUp goes back"
shows "rank B 順調 — 保育所整備が進み来年度達成見込み" "and the first item keeps its rank"
keys q : "meeting end" Enter
shows "meeting 1 ended" ":meeting end closes the meeting"
keys : "goto H01" Enter
shows "rank B 順調 (令和7年度第2回推進会議)" \
	"after the meeting the KPI pane shows the latest evaluation"
keys : "goto H02" Enter
shows "□ 市町村へ照会 (子育て支援課, 2026-12-25)" "and the open action items"

"$KPITREE" --db "$db" history H01 |
	grep -q "tanaka  meeting 1 rank  - -> B  reason: 保育所整備が進み来年度達成見込み$"
ok $? "the history keeps the rank's change, who made it and why"

"$KPITREE" --db "$db" export report --meeting 1 >"$work/m.md"
grep -q "^- rank: B (proposed: C)$" "$work/m.md" &&
	grep -q "^- reason: 保育所整備が進み来年度達成見込み$" "$work/m.md"
ok $? "the Markdown minutes hold the changed rank and its reason"
grep -q "^  - 組織化の支援策を検討 (tanaka)$" "$work/m.md" &&
	grep -q "^  - \[ \] 市町村へ照会 (owner 子育て支援課, due 2026-12-25)$" "$work/m.md"
ok $? "and the comment and the action item"
grep -q "^| B | 順調 | 1 | 0 |$" "$work/m.md" && grep -q "^| C | 遅れ(基準値より改善) | 0 | 0 |$" "$work/m.md"
ok $? "and a summary of the agreed ranks"
"$KPITREE" --db "$db" export report --meeting 1 --format html -o "$work/m.html"
grep -q "B (proposed: C)" "$work/m.html" && grep -q "保育所整備が進み来年度達成見込み" "$work/m.html" &&
	grep -q "<li>組織化の支援策を検討 (tanaka)</li>" "$work/m.html" &&
	grep -q "<li>\[ \] 市町村へ照会 (owner 子育て支援課, due 2026-12-25)</li>" "$work/m.html"
ok $? "the HTML minutes hold them too"
xmllint --noout "$work/m.html"
ok $? "and parse without an error"

keys : "meeting open 1" Enter
shows "meeting 1: 令和7年度第2回推進会議, closed" ":meeting open reaches a past meeting"
keys : "export report $work/in.md" Enter
shows "wrote $work/in.md" ":export report FILE writes the minutes from the browser"
cmp -s "$work/in.md" "$work/m.md"
ok $? "the same as kpitree export report --meeting 1"
keys p r
shows "this meeting is closed: nothing can be recorded" "a closed meeting is shown but not changed"
keys q

# On a projector: 200x60.
start "$KPITREE --db $db --user tanaka --year R7 --keys ':meeting Space open Space 1 Enter p'" 200 60
shows "1/4" "at 200x60 the presentation opens on the first item"
shows "rank B 順調 — 保育所整備が進み来年度達成見込み" "with what was recorded"
keys Space Space Space
shows "4/4" "Space steps through every item"
shows "H04  道内IT企業の従業員数" "to the last"
keys Space
shows "4/4" "and stays on the last"

# The next meeting: an action item still open is shown, and done with x.
keys q : "meeting start 令和7年度第3回推進会議" Enter
shows "meeting 2 started: 4 items" "a second meeting on the same node"
keys p Space
shows "[ ] 市町村へ照会 (子育て支援課, 2026-12-25)" "shows the action item left open at the first"
keys x Enter
shows "recorded: done" "x marks it done"
"$KPITREE" --db "$db" show H02 | grep -q "^action"
[ $? -ne 0 ]; ok $? "and kpitree show lists it no more"
keys q

# Plain ASCII on a vt100 and under NO_COLOR; readable at 300x100.
start "env TERM=vt100 $KPITREE --db $db --year R7 --keys ':meeting Space open Space 1 Enter p'"
shows "R7 (2025)         ####################### 12" "on a vt100 the chart is drawn in ASCII"
shows "baseline   R6     -----" "the baseline too"
start "env NO_COLOR=1 $KPITREE --db $db --year R7 --keys ':meeting Space open Space 1 Enter p'"
shows "R7 (2025)         ####################### 12" "and under NO_COLOR"
start "$KPITREE --db $db --year R7 --keys ':meeting Space open Space 1 Enter p'" 300 100
shows "1/4" "at 300x100 the presentation opens"
blocks() { printf "%${2}s" "" | sed "s/ /$1/g"; }
shows "baseline   R6     $(blocks ▒ 120) 28" "its bars at most 120 columns: the baseline's, the largest"
shows "R7 (2025)         $(blocks █ 51) 12" "and the others to scale (12 of 28)"

# The dashboard: its counts are the CSV report's.
"$KPITREE" --db "$db" set H05 R7 30000 >/dev/null
start "$KPITREE --db $db --year R7"
keys d
shows "Dashboard  第3期北海道創生総合戦略  FY R7 (2025)  19 KPIs" "d opens the dashboard of the strategy"
"$KPITREE" --db "$db" export report --year R7 --format csv >"$work/r.csv"
count() {
	"$SQLITE3" :memory: ".import --csv $work/r.csv r" \
		"SELECT count(*) FROM r WHERE code LIKE 'H%' AND status = '$1'"
}
shows "✓ achieved $(count achieved)  → on track $(count 'on track')  ↓ behind $(count behind)  = actual only $(count 'actual only')  ? no data $(count 'no data')" \
	"its counts by status are those of the CSV report"
shows "  1 「誰もが安心して暮らせるまちづくり」プロジェクト" "counts by project"
shows "by 主要分野" "and by 主要分野"
keys f j j j Enter
shows " 1/1  j k move  Enter go to KPI  s sort: code  f filter: behind" "f filters by status"
keys Enter
shows "H01 保育所等入所待機児童数" "Enter goes to the KPI in the tree"
keys d s
shows "s sort: status" "s sorts by status"
screen | awk '/^H01 / { getline; found = /^H05 /; exit } END { exit !found }'
ok $? "behind first, then achieved (H05), then the rest"
keys q

# An agenda by status or by field; a grant project's 効果検証.
start "$KPITREE --db $db --user suzuki --year R7"
keys : "meeting start 令和7年度第4回推進会議" Enter
shows "meeting 3 started: 4 items" "a third meeting"
keys : "meeting agenda behind" Enter
shows "agenda 1 item: 第3期北海道創生総合戦略: behind" ":meeting agenda behind takes the KPIs behind"
keys : "meeting agenda field 移住・定住" Enter
field=$("$SQLITE3" "$db" "SELECT count(*) FROM kpi JOIN field f ON f.id = field_id WHERE f.name = '移住・定住'")
shows "agenda $field items: 第3期北海道創生総合戦略: field" ":meeting agenda field NAME takes that field's KPIs"
keys P : "meeting agenda node" Enter
shows "agenda 10 items: 地方創生推進交付金" "in the projects tree the agenda is the selected program's KPIs"
keys p
shows "SP1-1  本移住支援事業に基づく移住就業者数" "presented from the first"
keys a
shows "> ① 地方創生に非常に効果的であった" "a offers the national format's assessments"
keys j Enter
shows "assessment ② 地方創生に相当程度効果があった" "the assessment is recorded as code and label"
keys o j Enter
shows "policy 事業の改善" "o records the policy"
keys q
"$KPITREE" --db "$db" export report --meeting 3 --format csv >"$work/p.csv"
"$SQLITE3" :memory: ".import --csv $work/p.csv r" \
	"SELECT assessment || '|' || policy FROM r WHERE code = 'SP1-1'" >"$work/got"
[ "$(cat "$work/got")" = "② 地方創生に相当程度効果があった|改善 事業の改善" ]
ok $? "the CSV report holds them"
no_reports
exit $tap_failed
