#!/bin/sh
# browse.sh: the browser in a real terminal (tmux, 80x24 and other
# sizes), driven by keys, asserting on what the screen shows.
. "$srcdir/tests/screen/lib.sh"
plan 47
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null

start "$KPITREE --db $db --user tanaka --year R7 --keys 'l j l j l j l j'"
shows "│        • 保育所及び認定こど… │" "five levels of the first branch open, content rows marked •"
shows "H01 保育所等入所待機児童数" "the KPI pane shows H01 for its row"
shows "28人 (R6) → 0人 (R7)  down" "H01 is 28人 (R6) → 0人 (R7), down"
shows "R7 (2025)         -        -     - no data" "the table has a row per fiscal year"
shows "e.g. 待機児童の解消を図るための取組" "the grant pane shows the row's menu and its example"
shows " k.db  FY R7  tanaka  ?:help" "the status line names the database, the year and the user"

keys j
shows "デジタルチャレンジ推進事業" "a row with two grant menus shows both"

keys : "goto H12b" Enter
shows "H12b ジオパーク構成市町村への観光入込客数" ":goto H12b selects that KPI of the row holding H12a-H12c"
shows "│H12a H12b H12c  " "the pane lists the row's three KPIs, the shown one highlighted"

keys Escape / 子育て
shows "H02 せわずき・せわやき隊等の組織化" "a search for 子育て selects its row as it is typed"
shows "┌─ Search " "while it is typed the tree shows the matches only"
if screen | grep -q "保育所及び認定こど"; then ok 1 "rows that do not match are filtered out"; else ok 0 "rows that do not match are filtered out"; fi
keys Enter
shows "/子育て: 1/1" "Enter keeps the match and says how many there are"

keys ?
shows "j ↓            move down (in the KPI pane: the row's next KPI)" "? lists every key with what it does"
keys q
keys : "year R6" Enter
shows " k.db  FY R6  tanaka" ":year R6 changes the fiscal year"

tmux -L "$sock" resize-window -t "s$sess" -x 40 -y 12
shows "│H02 せわずき・せわやき隊等の組織化    │" "at 40x12 the KPI pane stacks under the tree, at full width"
shows "│74市町村 (R5) → 全市町村 (179市町村) …│" "and text is cut by display width, never half a wide character"
tmux -L "$sock" resize-window -t "s$sess" -x 30 -y 10
shows "too small: 30x10 of 40x12" "below the minimum, one line says so"
tmux -L "$sock" resize-window -t "s$sess" -x 300 -y 100
shows "│H02 せわずき・せわやき隊等の組織化" "at 300x100 as well"
tmux -L "$sock" resize-window -t "s$sess" -x 80 -y 24
shows "H02 せわずき・せわやき隊等の組織化" "grown again, the screen comes back with the selection"

# Escape gives the tree back as it was before the search.
keys g h / 待機児童
shows "│▾ 1 「誰もが安心して暮らせる… │" "a search opens the tree to its match"
keys Escape
shows "│▸ 1 「誰もが安心して暮らせ… 4?│" "Escape after a search puts the tree back as it was"
keys : "goto SP3-2" Enter
shows "actual ▁▅█ (R2-R4)" "a sparkline shows the actuals over the years"
keys t t t

keys : "goto SP2-1" Enter
shows "R4 (2022)         9       16  178% achieved" ":goto SP2-1 opens the projects tree on its plan/actual table"
shows "│      • SP2-1 本事業によって… │" "the projects tree runs program, year, project, KPI"
shows "national share  1/2" "the project's details stand beside its KPI"
keys P
shows "┌─ Strategy * ──" "P goes from the projects tree back to the strategy"
keys P
shows "┌─ Grant projects * ──" "and P opens the projects tree, on its own key"
keys t t t
shows "┌─ Strategy * ──" "t goes round the trees back to the strategy"
keys : "goto H03" Enter
shows "re-listed (r) [1] 過疎地域等においても、誰も" "the KPI pane lists the other rows where the KPI stands, after their project"
keys r
shows "H03: place 2 of 3" "r walks to the next place a re-listed KPI stands"
keys g h
shows "│▸ 1 「誰もが安心して暮らせ… 4?│" "a collapsed node counts the statuses of the KPIs below it"

keys t t l
shows "│  • H01 保育所等入所待機児童数│" "the main-field tree lists each field's KPIs"
keys t l j j
shows "│  • [1] 地域の「せわずき・せ… │" "the grant-menu tree lists every content row that names a menu, after its project"
keys Enter
shows "┌─ Strategy * ──" "Enter on such a row jumps to it in the strategy tree"

# Where ①, ■ and the box lines are two columns wide (Tera Term).
start "$KPITREE --db $db --ambiguous-width 2 --year R7 --keys 'l j l j l j l j'"
shows "+- Strategy * ----" "at ambiguous width 2 the frames are ASCII"
shows "|        * 保育所及び認定こど~ |" "and the marks and the cut are unambiguous"

# Every terminal type officials meet, and no colour: the same words.
for term in xterm-256color screen tmux-256color linux; do
	if ! infocmp "$term" >/dev/null 2>&1; then
		ok 1 "no terminfo entry for TERM=$term (Debian: ncurses-base, ncurses-term)"
		continue
	fi
	start "TERM=$term $KPITREE --db $db --year R7 --keys 'l j l j l j l j'"
	shows "H01 保育所等入所待機児童数" "the browser works under TERM=$term"
done
start "TERM=vt100 NO_COLOR=1 $KPITREE --db $db --year R7 --keys 'l j l j l j l j'"
shows "R7 (2025)         -        -     - no data" "under TERM=vt100 and NO_COLOR the table reads the same"

# Padding keeps its attributes: the cursor's highlight runs to the frame
# (from the row's name: its indentation and ▸ keep out of it).
start "$KPITREE --db $db --year R7 --keys 't l j'"
shows "R1 (2019)" "the projects tree opens on its first program"
esc=$(printf '\033')
tmux -L "$sock" capture-pane -e -p -t "s$sess" |
	grep -q "  ▸ ${esc}\[7mR1 (2019)                 ${esc}\[0m"
ok $? "the highlight of a short row covers its padding up to the frame"

# A database with nothing in it yet still opens.
"$KPITREE" --db "$work/empty.db" init --empty >/dev/null
start "$KPITREE --db $work/empty.db"
shows " empty.db  FY " "an empty database opens on an empty tree"
keys q
sleep 0.5

# Text from the database never drives the terminal.
"$SQLITE3" "$db" "UPDATE node SET title = 'ESC' || char(27) || '[31mRED' WHERE id = (SELECT id FROM node WHERE level = 1 ORDER BY id LIMIT 1)"
start "$KPITREE --db $db --keys 'g'"
shows "1 ESC^[[31mRED" "an escape sequence in a title is shown as text"
no_reports
finish
