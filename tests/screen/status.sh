# status.sh: statuses that are right, in the browser: the KPI pane and
# the dashboard's counts tell an actual without a plan (SP1-1, SP3-2) and
# a plan of 0 met (SP2-2 R2) from a KPI with no actual (SP5-1); with no
# year chosen each KPI is judged at its latest actual (the dashboard, a
# meeting's year); a meeting's agenda is the selected program's; the
# rank pop-up starts on the proposed rank, or on none; project 4, whose
# KPIs are all re-listings, has its counts, its dashboard line, its
# filter and its agenda; the KPI pane gives a project KPI's unit, and the
# form takes 88.2% for a KPI in %. Sourced by
# status_en.sh and status_ja.sh with $lang set.
. "$srcdir/tests/screen/lib.sh"
plan 28
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null
unset LANGUAGE LC_ALL LC_MESSAGES KPITREE_LANG
if [ "$lang" = ja ]; then
	export LANG=ja_JP.UTF-8
	locale_dir=$(dirname "$KPITREE")/locale
	r2="令和2年度"
	r4="令和4年度"
	r7="令和7年度"
else
	export LANG=C.UTF-8
	r2="R2 (2020)"
	r4="R4 (2022)"
	r7="R7 (2025)"
fi
only=$(t "actual only")
none=$(t "no data")

start "$KPITREE --db $db --year R2 --keys ':goto Space SP1-1 Enter'"
shows "$r2" "the KPI pane shows SP1-1's years"
screen | grep -F "$r2" | grep -qF "$only"
ok $? "its actual without a plan reads '$only'"
! screen | grep -F "$r2" | grep -qF "$none"
ok $? "not '$none'"

start "$KPITREE --db $db --year R2 --keys ':goto Space SP2-2 Enter'"
shows "$r2" "the KPI pane shows SP2-2's years"
screen | grep -F "$r2" | grep -qF "$(t achieved)"
ok $? "plan 0, actual 0 meets its plan"

# The dashboard of the grant projects at R4: SP2-1 and SP2-2 achieved;
# SP2-3, SP4-1, SP4-2, SP4-3 behind; SP1-1, SP1-2, SP3-1, SP3-2 with an
# actual only; SP5's three with no data.
start "$KPITREE --db $db --year R4 --keys ':goto Space SP1-1 Enter d'"
shows "= $only 4  ? $none 3" "the dashboard counts 4 with an actual only and 3 with no data"
fits "the counts fit 80 columns"

# No year chosen: the dashboard judges each KPI at its latest actual
# (R4 for every Sapporo project that has one), not at last fiscal year,
# where no project has data.
start "$KPITREE --db $db --keys ':goto Space SP1-1 Enter d'"
shows "$(tf "Dashboard  %s  each KPI at its latest actual  %d KPIs" "$(t "Grant projects")" 13)" \
	"with no year chosen the dashboard says each KPI is judged at its latest actual"
shows "✓ $(t achieved) 2  → $(t "on track") 0  ↓ $(t behind) 4  = $only 4  ? $none 3" \
	"and counts them there"

# A meeting on the first grant program (地方創生推進交付金): its ten KPIs,
# not the デジタル田園都市 project's; with no year chosen, at R4.
start "$KPITREE --db $db --keys ':goto Space SP1-1 Enter g'"
keys : "meeting start status-test" Enter
shows "$(printf "$(tn "meeting %lld started: %d item (p presents)" "meeting %lld started: %d items (p presents)" 10)" 1 10)" \
	"a meeting on 地方創生推進交付金 takes its 10 KPIs, not all 13"
# (read until it is there: the browser may still be saving under load)
i=0
while [ $i -lt 50 ]; do
	year=$("$SQLITE3" -cmd ".timeout 5000" "$db" "SELECT fiscal_year FROM meeting WHERE id = 1" 2>&1)
	[ -n "$year" ] && break
	sleep 0.1
	i=$((i + 1))
done
[ "$year" = 2022 ]
ok $? "and reviews R4 (2022), the latest year with an actual"
[ "$year" = 2022 ] || echo "# the meeting's year: $year"
start "$KPITREE --db $db --keys ':goto Space SP5-1 Enter h h k k'"
keys : "meeting start status-test-2" Enter
shows "$(printf "$(tn "meeting %lld started: %d item (p presents)" "meeting %lld started: %d items (p presents)" 3)" 2 3)" \
	"a meeting on the デジタル田園都市 program takes its 3 KPIs"

# The rank pop-up: on none for SP1-1 (actual only: nothing proposed), on
# the proposed A for SP2-1 (16 of a plan of 9 at R4).
start "$KPITREE --db $db --keys ':meeting Space open Space 1 Enter p r'"
shows "$(t "rank")" "r opens the rank pop-up on SP1-1"
! screen | grep -q "> A "
ok $? "with no rank proposed, the cursor is on none"
keys Enter
! screen | grep -qF "$(t "recorded: %s" | sed 's/%s.*//')A"
ok $? "Enter there records nothing"
keys Escape Space Space r
shows "> A 達成" "on SP2-1 the cursor starts on the proposed A"

# Project 4 holds H04 and H17 re-listed: H04 behind at R7 (24000 of
# 23261 → 27000 by R15), H17 without an actual.
"$KPITREE" --db "$db" set H04 R7 24000 >/dev/null
p4="4 「未来技術を育て、活かし、広めるデジタル化推進」プロジェクト"
start "$KPITREE --db $db"
shows "▸ 4 「未来技術を育て" "the strategy tree shows project 4"
screen | grep -F "▸ 4 「未来技術を育て" | grep -qF "1↓ 1?"
ok $? "with the counts of its re-listed KPIs"
# the counts take their display width (↓ is 3 bytes) at the pane's
# right edge, a column before them: a title that fills its room does
# not run into them (issue 18)
screen | grep -F "▸ 4 「未来技術を育て" | grep -qF " 1↓ 1?│"
ok $? "its counts at the pane's edge, a space before them"
keys d
shows "$p4" "the dashboard lists project 4 by project"
screen | grep -F "$p4" | grep -qF "1↓ 1?"
ok $? "with its counts"
keys f j j j j j j j j j j j j j j Enter
shows " 1/2 " "its filter (the last one offered) keeps its 2 KPIs"
start "$KPITREE --db $db --keys 'j j'"
keys : "meeting start status-test-3" Enter
shows "$(printf "$(tn "meeting %lld started: %d item (p presents)" "meeting %lld started: %d items (p presents)" 2)" 3 2)" \
	"a meeting on project 4 takes its 2 re-listed KPIs"

start "$KPITREE --db $db --keys ':goto Space SP3-2 Enter'"
shows "$(tf "initial %s  unit %s" "—" "社")" "the KPI pane gives SP3-2's unit, 社"
start "$KPITREE --db $db --user tanaka --year R7 --keys ':goto Space H10 Enter e'"
shows "$(t actual)" "the form opens on H10 (%)"
keys "88.2%" Enter
shows "$(tf '%s %s: saved' H10 "$r7")" "it takes 88.2%"
[ "$("$SQLITE3" -cmd ".timeout 5000" "$db" "SELECT value FROM value WHERE kpi_id = (SELECT id FROM kpi WHERE code = 'H10') AND fiscal_year = 2025 AND kind = 'actual'")" = 88.2 ]
ok $? "and stores 88.2"
no_reports
finish
