# reading.sh: what a new official reads at 80x24, asserted the same way
# in each language: the help scrolls to its last key; i opens a row's
# whole text, wrapped, with its path, KPIs, menus and examples, and a
# grant project's notes; a re-listed line and the menu tree's rows name
# the project they stand under; search and :goto take KPI codes as typed
# (h12, Ｈ１２, ⑫), and search finds grant projects and their KPIs; an
# action item's due date as written, the history's labels; the form's
# year field; the mouse. Sourced by reading_en.sh and
# reading_ja.sh with $lang set (see speak.sh).
. "$srcdir/tests/screen/lib.sh"
plan 98
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null
. "$srcdir/tests/screen/speak.sh"
browser() { echo "$program --db $db --user tanaka --year R7 --keys '$1'"; }
# joined: the screen's rows as one text, each row's indent dropped: a
# wrapped text is found whole wherever its rows break.
joined() { screen | sed 's/^ *//' | tr -d '\n'; }
shows_whole() { shows "$1" "$2" joined; }
# key_line KEY HELP: a help line, the key padded to 14 columns.
key_line() {
	w=$(printf '%s' "$1" | LC_ALL=ja_JP.UTF-8 wc -L)
	printf '%s%*s %s' "$1" $((14 - w)) "" "$(t "$2")"
}

# ? at 80x24 holds more keys than rows: it says so, and scrolls to the last.
start "$(browser '?')"
shows "$(key_line 'j ↓' 'move down (in the KPI pane: the row'"'"'s next KPI)')" "? lists the browser's keys from the first"
! screen | grep -qF "$(key_line q quit)"
ok $? "the last key is below the screen at 80x24"
shows "$(t 'rows %d-%d of %d  j k PgDn PgUp: scroll, any other key returns' | sed 's/.*%[0-9$]*d *//')" \
	"the help says it scrolls"
keys NPage
shows "$(key_line q quit)" "PgDn scrolls the help to its last key"
shows "$(key_line i "the row's whole text: where it stands, its KPIs, menus, examples and notes" | sed 's/:.*//')" \
	"and the help lists i"
fits "the help fits 80 columns"
keys x
shows "┌─ $(t Strategy) " "any other key goes back to the tree"

# i: a content row's whole text, at 80x24 cut in the tree.
start "$(browser ':goto Space H04 Enter i')"
shows "$(t project): 1 「誰もが安心して暮らせるまちづくり」プロジェクト" "i shows the row's project"
shows "$(t measure): ⑤ 地域の可能性を広げるデジタル化に向けた環境整備" "and its measure"
shows "$(t item): ■ 道内自治体のデジタル・トランスフォーメーション(DX)の推進" "and its item"
shows_whole "技術を活用した地域課題の解決を促進する。" "and the whole of its text, wrapped"
shows "④ H04 道内IT企業の従業員数" "its KPI with the circled number"
shows "$(t 'main field'): AI・デジタル" "and the KPI's main field"
shows "$(tf 'e.g. %s' 'デジタル関連企業の誘致に向けたPR等の事業')" "its grant menus' example"
fits "the whole text fits 80 columns"

# A grant project's whole text: its description and the source's notes.
start "$(browser 'P l j l j i')"
shows "※ R6年度まで6年間実施予定" "a grant project's notes"
shows_whole "支援金の交付決定を受けた方" "its whole description"
shows "$(t 'notes of the grant program')" "and the notes of its grant program"
shows "※R3年度地方創生推進交付金については新規採択事業なし。" "which the source gives the program"
keys G
shows "② SP1-2 本移住支援事業に基づく移住起業者数" "and, scrolled, its KPIs"

# ? in the whole text: its own keys, from its key table; any key goes
# back to the text, which then returns as before.
keys ?
shows "$(tf 'kpitree — %s keys' "$(t 'whole text')")" "? in the whole text shows its help"
shows "$(key_line 'PgDn PgUp' 'scroll a page down or up')" "which lists its scroll keys"
shows "$(key_line 'Space' 'scroll a page down')" "Space among them"
shows "$(key_line 'q Esc' 'back to the tree; so does any other key')" "and how to go back"
fits "its help fits 80 columns"
keys x
shows "② SP1-2 本移住支援事業に基づく移住起業者数" "a key goes back to the whole text where it was"
keys q
shows "┌─ $(t 'Grant projects') " "and q from there back to the tree"

# ? in a KPI's history (H): its keys, as the whole text's.
start "$(browser ':goto Space H01 Enter H ?')"
shows "$(tf 'kpitree — %s keys' "$(t 'history')")" "? in the history shows its help"
shows "$(key_line 'j ↓ k ↑' 'scroll a row down or up')" "which lists its keys"
keys x
shows "H01" "a key goes back to the history"

# A grant program's row: its notes, as the source gives them.
start "$(browser 'P i')"
shows "$(t 'notes of the grant program')" "i on a grant program shows its notes"
shows_whole "地方創生関連交付金は「デジタル田園都市国家構想推進交付金」に移行" "the move to the new grant, whole"
start "$(browser 'P l j i')"
shows "※R3年度地方創生推進交付金については新規採択事業なし。" "and on one of its years"

# Re-listings told apart: the project each stands under.
start "$(browser ':goto Space H04 Enter')" 100 45
shows "$(t re-listed) (r) [4] 「北海道 Society5.0」" "the KPI pane names the project of a re-listing"
start "$(browser 't t t j j j j j j l')"
shows "• [1] 「北海道 Society5.0」" "the menu tree names the project of a content row"
shows "• [4] 「北海道 Society5.0」" "and tells apart the same text under another project"

# Search finds KPI codes as officials type them, the home row first.
for typed in H12 h12 Ｈ１２ ⑫; do
	start "$(browser "/ $typed")"
	shows "│H12a H12b H12c " "/$typed finds ⑫'s KPIs by their code"
done
start "$(browser '/ SP2-1')"
shows "│• SP2-1 本事業によって創出" "/SP2-1 finds a grant project's KPI by its code"
# Grant projects and their KPIs, after the strategy's rows.
start "$(browser '/ タブレット')"
shows "│• SP5-1 タブレットのユーザー数" "/タブレット finds the grant project's KPI by its name"
start "$(browser '/ 移住')"
shows "│• SP1-1 本移住支援事業に基" "/移住 finds SP1-1 by its project's text"
shows "│• SP1-2 本移住支援事業に基" "and SP1-2"
[ "$(screen | grep -c -F -e '• SP1-1' -e '• 全国各地の移住希望')" -eq 2 ] &&
	screen | grep -F -e '• SP1-1' -e '• 全国各地の移住希望' | head -1 | grep -qF '全国各地'
ok $? "the grant projects' KPIs come after the strategy's rows"
start "$(browser '/ タブレット Enter')"
shows "┌─ $(t 'Grant projects') * " "Enter on a project's KPI shows it in the projects tree"
shows "│SP5-1 タブレットのユーザー数" "with its KPI in the pane"
# A heading (a ■ item) is looked for as a content row is, and is a match.
start "$(browser '/ 誘致・集積')"
shows "▸ ■ データセンターやデ" "/誘致・集積 finds the ■ heading by its text"
[ "$(screen | grep -c -F '▸ ■ データセンターやデ')" -eq 2 ]
ok $? "under each project it stands in"
start "$(browser '/ zzzz Enter')"
shows "$(tf '/%s: no match' zzzz)" "a search without a match says so"
# A key finds a screen's worth of matches and the rest come between
# keys, after Enter too: n pressed before they are all found keeps the
# match it went to (の: 69 matches, more than a screen's 24).
start "$(browser '/ の Enter n n n')"
shows "/の: 4/69" "n n n after Enter go to the fourth of の's matches, found after"
start "$(browser '/ の Enter')"
shows "/の: 1/69" "and Enter alone shows the first, its count once all are found"

# :goto takes the same forms, and suggests the nearest code.
start "$(browser ':goto Space ｈ１２ｂ Enter')"
shows "│H12b ジオパーク構成市町村への観光入込客数" ":goto ｈ１２ｂ goes to H12b"
# h12 and ⑫ name the family H12a, H12b, H12c: its first, as / finds it
start "$(browser ':goto Space h12 Enter')"
shows "│H12a 「北海道恐竜" ":goto h12 goes to H12a, the first of its family"
start "$(browser ':goto Space ⑫ Enter')"
shows "│H12a 「北海道恐竜" ":goto ⑫ too"
start "$(browser ':goto Space H013 Enter')"
shows "│H13 北のまんが大賞応募作品数" ":goto H013 goes to H13: a leading zero is no other code"
# a code that is none: the nearest by its number (H17 for H18, not H10)
start "$(browser ':goto Space H18 Enter')"
shows "$(tf "no KPI with code '%s'; the nearest is %s" H18 H17)" ":goto H18 suggests H17"

# An action item's due date as officials write it; one refused is asked
# again with what was typed; the history names the owner and due date.
start "$(browser ':goto Space H01 Enter')"
keys : "meeting start 第1回推進会議" Enter p
shows "H01  保育所等入所待機児童数" "p presents the first KPI"
keys A "市町村へ照会" Enter "子育て支援課" Enter "2027/13/1" Enter
shows "$(t 'not a date; due (2027/3/31, R9.3.31): ')2027/13/1" "a date that is none is asked again, as typed"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace "令和9年3月31日" Enter
# the date as the interface writes dates
if [ "$lang" = ja ]; then due="2027年03月31日"; else due=2027-03-31; fi
shows "[ ] 市町村へ照会 (子育て支援課, $due)" "令和9年3月31日 is taken as 2027-03-31"
keys A "現地確認" Enter "地域振興課" Enter "R9.3.31" Enter
shows "[ ] 現地確認 (地域振興課, $due)" "and R9.3.31 too"
"$KPITREE" --db "$db" history H01 >"$work/history"
grep -qF -- "$(t 'action item')  - -> 市町村へ照会$(tf '  owner: %s  due: %s' 子育て支援課 "$due")" "$work/history"
ok $? "the history names the action item, its owner and its due date in the interface's language"
! grep -qF -- "$(t '  reason: ')子育て支援課" "$work/history"
ok $? "and does not call the owner a reason"
sed 's/^/# /' "$work/history"

# The form's year field: left with Tab it shows that year's values; a
# value typed for the year shown is never dropped without asking. The
# field holds the year as the interface writes it (令和7年度 in
# Japanese): year_field YEAR empties it and types YEAR.
if [ "$lang" = ja ]; then y7=令和7年度; else y7=R7; fi
year_field() {
	year=$1
	shift
	keys BTab BSpace BSpace BSpace BSpace BSpace "$year" Tab "$@"
}
"$KPITREE" --db "$db" set H06 R6 190 >/dev/null
start "$(browser ':goto Space H06 Enter e')"
shows "$(field "$(t actual)" "")" "the form opens on R7"
shows "$(field "$(t year)" "$y7")" "its year field says R7 in the interface's language"
year_field R6
shows "$(field "$(t actual)" 190)" "leaving the year field with Tab shows that year's stored value"
shows "$(tf '%s: its stored values; Enter saves' "$r6")" "and says so"
year_field R5
shows "$(tf '%s: nothing stored yet; Enter saves' "$(if [ "$lang" = ja ]; then echo 令和5年度; else echo 'R5 (2023)'; fi)")" "a year with nothing stored says that, not 'its stored values'"
keys Escape
start "$(browser ':goto Space H06 Enter e')"
shows "$(field "$(t actual)" "")" "the form opens again"
keys 200
year_field R6
shows "$(tf '%s  y: discard / n: back' "$(tf 'what you typed for %s goes: show %s?' "$r7" "$r6")")" \
	"a value typed for R7 is not dropped without asking"
keys n
shows "$(field "$(t actual)" 200)" "n keeps the value typed"
shows "$(field "$(t year)" "$y7")" "and the year it was typed for"
year_field R6 y
shows "$(field "$(t actual)" 190)" "y shows the other year's value"
keys Escape

# One language at a time: the status line and a KPI's sparkline write
# years as the interface does, R7 in English, 令和7年度 in Japanese, never
# both (the amounts' periods are the source's own: 28人 (R6)).
start "$(browser ':goto Space SP1-1 Enter')"
if [ "$lang" = ja ]; then span=令和元～4年度; else span=R1-R4; fi
shows "($span)" "the sparkline's years are written as the interface writes them"
# what is due is last fiscal year's: the status line says its year only
# when it is not the year shown, in Japanese (80 columns hold 令和7年度 once)
due=$(date +%Y)
[ "$(date +%m)" -lt 4 ] && due=$((due - 1))
due=$((due - 1))
for shown in $due $((due - 1)); do
	start "$program --db $db --user tanaka --year $shown --keys j"
	if [ "$lang" = ja ]; then
		hint="$(pre '?:help  %d due this year: ! walks them  d:dashboard  q:quit')"
		[ $shown = $due ] || hint="$(pre '?:help  %d due (%s): ! walks them  d:dashboard  q:quit')"
		shows " 令和$((shown - 2018))年度  tanaka  $hint" "the status line writes the year shown ($shown) as officials do"
		! screen | tail -1 | grep -q 'R[0-9]' &&
			{ [ $shown = $due ] || screen | tail -1 | grep -qF "(令和$((due - 2018))年度)"; }
	else
		shows " FY R$((shown - 2018))  tanaka  $(pre '?:help  %d due (%s): ! walks them  d:dashboard  q:quit')" \
			"the status line writes the year shown ($shown) as FY R"
		screen | tail -1 | grep -qF "(R$((due - 2018)))"
	fi
	ok $? "and the year due in the same language"
done

# Values as the source wrote them: SP4-3's plans 32.10 and 33.00 beside
# its actual 30.2, in the KPI pane and in the form.
start "$(browser ':goto Space SP4-3 Enter')"
shows "     32.10     30.2 " "the KPI pane writes 32.10 and 30.2 as written"
shows "     33.00        - " "and 33.00"
keys : "year R4" Enter e
shows "$(field "$(t plan)" 32.10)" "the form holds the plan as written"
keys Escape

# The mouse: a click selects a tree's row or focuses a pane, the wheel
# moves the cursor; --no-mouse leaves the mouse to the terminal. Events
# as the terminal (tmux-256color: kmous=\E[M) sends them.
mouse() {
	keys -l "$(printf "\\033[M\\$(printf %03o $((32 + $1)))\\$(printf %03o $((32 + $2)))\\$(printf %03o $((32 + $3)))")"
}
# click COLUMN ROW (from 1): the first button pressed and released there
click() { mouse 0 "$1" "$2"; mouse 3 "$1" "$2"; }
start "$(browser ':goto Space H01 Enter')"
shows "│H01 保育所等入所待機児童数" "the KPI pane shows H01"
click 12 7
shows "│H02 せわずき・せわやき隊等の組織化" "a click on a tree's row selects it"
click 50 4
shows "┌─ KPI * " "a click on a pane focuses it"
mouse 65 12 7
shows "$(t 'select a • row for its details')" "the wheel moves the tree's cursor down"
mouse 64 12 7
shows "│H02 せわずき・せわやき隊等の組織化" "and back up"
# whether the browser asked the terminal for the mouse's events
mouse_on() { tmux -L "$sock" display -p -t "s$sess" '#{mouse_standard_flag}'; }
[ "$(mouse_on)" = 1 ]
ok $? "the browser asks the terminal for the mouse"
start "$program --db $db --user tanaka --year R7 --no-mouse --keys ':goto Space H01 Enter'"
shows "│H01 保育所等入所待機児童数" "with --no-mouse the browser runs"
[ "$(mouse_on)" = 0 ]
ok $? "and leaves the mouse to the terminal"

# A year as the interface writes it wherever a person reads one (R7, in
# Japanese 令和7年度), a value as written (12.50): the dashboard's latest
# actual, the presentation's chart; and the dashboard still fits.
if [ "$lang" = ja ]; then b7=令和7年度 b6=令和6年度; else b7=R7 b6=R6; fi
# pad TEXT N: TEXT padded to N columns by display width
pad() {
	w=$(printf '%s' "$1" | LC_ALL=ja_JP.UTF-8 wc -L)
	printf '%s%*s' "$1" $((${2} - w)) ""
}
"$KPITREE" --db "$db" set H01 R7 12.50 >/dev/null
start "$(browser 'd')"
shows "12.50人 ($b7)" "the dashboard: H01's latest actual as written, its year as the interface writes it"
fits "the dashboard fits 80 columns"
# (at 80 columns a baseline and a target with their years do not fit:
# the target is shown, without the years, before any is cut)
shows " 23,261人 → 27,000人 " \
	"the dashboard: the target in view, the years left out where both do not fit"
start "$(browser ':goto Space H01 Enter')"
keys : "meeting start 第9回推進会議" Enter p
# the chart's labels: a word in 10 columns, then the year in as many as
# the widest year or word takes (6 at least), so that none is cut
yw=$(printf '%s' "$b6" | LC_ALL=ja_JP.UTF-8 wc -L)
[ "$yw" -lt 6 ] && yw=6
shows "$(pad "$(t baseline)" 10) $(pad "$b6" $yw) ▒" "the presentation's chart: the baseline's year as the interface writes it"
shows "$(pad "$(t target)" 10) $(pad "$b7" $yw) " "and the target's"
shows " 12.50" "the actual as written"
fits "the presentation fits 80 columns"
# H: the history writes the value as written too
start "$(browser ':goto Space H01 Enter H')"
shows "-> 12.50  ($(t set))" "H's history writes 12.50 as written"
no_reports
