# verification.sh: the bundled Sapporo projects through a whole 効果検証
# in the browser, as the officials run it, asserted the same way in each
# language: the year opened, its state in a view of its own (the
# projects due, the suggested 事業効果 and why), the 担当課's
# self-assessment (refused without a reason where it differs from the
# suggestion), the committee's 事業の評価 and 意見 at a meeting, the
# final results, the year closed, the three voices apart in the view,
# and the national summary on the dashboard. Sourced by
# verification_en.sh and verification_ja.sh with $lang set.
. "$srcdir/tests/screen/lib.sh"
plan 55
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null
unset LANGUAGE LC_ALL LC_MESSAGES KPITREE_LANG
set_lang
if [ "$lang" = ja ]; then r4="令和4年度" r5="令和5年度"; else r4="R4 (2022)" r5="R5 (2023)"; fi
say() { keys : "$1" Enter; }

start "$program --db $db --user tanaka --year R4"
shows "▸ 1 「誰もが安心して暮" "the browser opens on the strategy"
say "verification open"
shows "$(tf "opened the verification of %s" "$r4")" ":verification open opens the browser's year"
say "verification"
shows "$(tf "効果検証 %s" "$r4")" ":verification shows the year's state in a view of its own"
shows "SP2 デジタル技術を活用したイノベーション創出事業" "with the projects due"
shows "$(pre "  suggested: %s")③ ($(tf "all %s" "$(t improved)"))" "each with the 事業効果 its KPIs suggest and the rule that gives it"
fits "it fits 80 columns"
keys q

say "verification self SP2 ① 発展"
# (the status line cuts the message at 80 columns: its first clause)
shows "$(tf "事業効果 %s differs from the suggested %s: give a reason" ① ③ | sed 's/[。:].*//')" \
	"a self-assessment other than the suggestion is refused without a reason"
say "verification self SP2 ① 発展 新ビジネス創出が目標を大きく上回った"
shows "$(tf "recorded %s's %s" SP2 "$(t self-assessment)")" "with a reason it is recorded"

# the 実績額 and 交付金の種類, asked for in turn
say "verification amount"
shows "SP2 デジタル技術を活用したイノベーション創出事業" ":verification amount lists the projects due"
keys j Enter
shows "$(t "amount (yen, - for none): " | sed 's/ *$//')" "it asks the amount of the one chosen"
keys 12,345,678 Enter
shows "$(t "kind of grant: " | sed 's/ *$//')" "then the kind of grant"
keys タイプⅠ Enter
shows "$(tf "recorded %s's amount" SP2)" "and records them"
say "verification"
shows "$(tf "  grant: %s; amount: %s" "地方創生推進交付金 タイプⅠ" "$(tf "%lld yen" 12345678)")" \
	"the view shows them"
keys q

say "meeting start 外部有識者会議"
shows "$(tn "meeting %lld started: %d item (p presents)" "meeting %lld started: %d items (p presents)" 4 |
	sed 's/%lld.*/1/')" "the committee meets"
say "verification committee SP2 有効 KPIの設定は妥当で成果が出ている"
shows "$(tf "recorded %s's %s" SP2 "$(t committee)")" "the committee's 事業の評価 and 意見 are entered in the meeting"
[ "$("$SQLITE3" "$db" "SELECT meeting_id || ' ' || verdict_label FROM voice WHERE voice = 'committee'")" = \
	"1 総合戦略のKPI達成に有効であった" ]
ok $? "recorded with the meeting it was given at"

# Two officials at once: the browser replaces only the voice it showed.
say "verification"
shows "SP2 デジタル技術を活用したイノベーション創出事業" "the view shows SP2's self-assessment"
keys q
"$KPITREE" --db "$db" --user sato verification self SP2 --effect ③ --policy 継続 --expect ① \
	--year R4 >/dev/null 2>&1
ok $? "meanwhile sato corrects it on the command line, expecting the ① he read"
say "verification self SP2 ② 改善 相当程度の成果"
shows "$(tf "now %s (entered by %s at %s): the %s voice changed since it was read" "③ 継続" sato "" "" |
	sed 's/\(sato\).*/\1/')" "the browser refuses to replace what it did not show, naming the voice stored and who entered it"
[ "$("$SQLITE3" "$db" "SELECT effect || entered_by FROM voice WHERE voice = 'self'")" = "③sato" ]
ok $? "and writes nothing"
say "verification self SP2 ① 発展 新ビジネス創出が目標を大きく上回った"
shows "$(tf "recorded %s's %s" SP2 "$(t self-assessment)")" "entered again, now that it was shown, it is recorded"
"$KPITREE" --db "$db" --user suzuki verification committee SP2 --verdict 有効とは言えない --year R4 \
	>/dev/null 2>&1
say "verification committee SP2 有効 KPIの設定は妥当で成果が出ている"
shows "$(tf "now %s (entered by %s at %s): the %s voice changed since it was read" 有効とは言えない suzuki "" "" |
	sed 's/\(suzuki\).*/\1/')" "so is the committee's, changed by another official since it was entered here"
say "verification committee SP2 有効 KPIの設定は妥当で成果が出ている"
shows "$(tf "recorded %s's %s" SP2 "$(t committee)")" "and entered again"

say "verification close"
shows "$(tf "not closed: no final result yet: %s" "SP1 SP2 SP3 SP4")" \
	"the year does not close before every project has its final result, and says which lack it"
say "verification final SP2 ③ 継続 エンジニア就職数が目標の半分"
shows "$(tf "recorded %s's %s" SP2 "$(t final)")" "SP2's final result"
for p in SP1 SP3 SP4; do
	say "verification final $p ④ 改善 実績値を検証中"
done
shows "$(tf "recorded %s's %s" SP4 "$(t final)")" "and the others'"
say "verification close"
shows "$(tf "closed the verification of %s" "$r4")" "then the year closes"

say "verification amount SP2 5"
shows "$(tf "the verification of %s is closed" "$r4")" "a closed year's amount is not changed"
# nor is a value it published, in the form
say "goto SP2-1"
keys e
keys BSpace BSpace BSpace BSpace 9 9 Enter
shows "$(tf "the closed verification of %s published this value: it stays as published" "$r4" | sed 's/:.*//')" \
	"the form does not change a value the closed year published"
keys Escape
"$KPITREE" --lang en --db "$db" show SP2-1 | grep -q "^R4 (2022) .* 16 "
ok $? "and the value stays as published"
say "verification"
shows "$(pre "  suggested: %s")③ ($(tf "all %s" "$(t improved)"))" "the view again"
keys j j j j j j j j j j
shows "$(t self-assessment): ① 地方創生に非常に効果的であった / 事業の発展 (tanaka," \
	"the self-assessment stays as it was entered"
shows "$(t committee): 総合戦略のKPI達成に有効であった (tanaka," "beside the committee's verdict"
shows "$(t final): ③ 地方創生に効果があった / 事業の継続 (tanaka," "and the final result"
keys q

keys d
shows "$(tf "効果検証: projects with a KPI met %d/%d (%s), KPIs met %d/%d (%s)" 1 4 25% 2 10 20%)" \
	"the dashboard shows the national summary of the year"
keys q
keys ?
shows ":verification ..." "? lists :verification among the : commands"
keys q
# with no year chosen, the dashboard shows the latest year verified
start "$program --db $db --user tanaka"
shows "▸ 1 「誰もが安心して暮" "the browser opens again, no year chosen"
keys d
shows "$(tf "効果検証: projects with a KPI met %d/%d (%s), KPIs met %d/%d (%s)" 1 4 25% 2 10 20%)" \
	"the dashboard shows the latest verification's summary"

# R5: a value not known yet, and one whose data describe the year before
start "$program --db $db --user tanaka --year R5"
shows "▸ 1 「誰もが安心して暮" "the browser opens on R5"
say "verification open"
say "verification unknown"
shows "SP4-1 データ取引所におけるデータ取引件数" ":verification unknown lists the KPIs due"
keys Enter
shows "$(t "note (why not known yet): " | sed 's/ *$//')" "it asks why it is not known"
keys 統計の公表は翌年度 Enter
# SP1-1, the first, is SP1's: in R5, its year after, SP1 is judged on R4,
# which has SP1-1's actual (and is closed): the mark is refused
shows "$(tf "the verification of %s is closed" "$r4")" \
	"a KPI of a project in its year after is marked on the year it ran, and not in a closed year"
say "verification unknown SP4-1"
shows "$(t "note (why not known yet): " | sed 's/ *$//')" "it asks why it is not known"
keys 統計の公表は翌年度 Enter
shows "$(tf "%s at %s: not known yet (把握できない)" SP4-1 "$r5")" "and marks a KPI of a project running in R5"
say "verification describes SP4-2"
shows "$(t "the year its data describe (none: its own): " | sed 's/ *$//')" "describes asks the year"
keys R4 Enter
shows "$(tf "%s at %s: its data describe %s" SP4-2 "$r5" "$r4")" "and records it"
say "verification"
keys NPage
shows "$(t "  not known yet (把握できない):") SP4-1" "the view shows the value not known yet"
# (the year as the interface writes a year in a running text)
[ "$lang" = ja ] && brief4=$r4 || brief4=R4
shows "$(t "  data of another year (データの年度):") SP4-2 ($brief4)" "and the year a value's data describe"
keys q
say "verification describes SP4-2 none"
shows "$(tf "%s at %s: its data describe its own year" SP4-2 "$r5")" "none takes the year back"
say "verification"
keys NPage
shows "$(t "  not known yet (把握できない):") SP4-1" "the view is shown again"
screen | grep -qF "$(t "  data of another year (データの年度):")"
[ $? -ne 0 ]
ok $? "and no value's data describe another year any more"
keys q

# Opening and closing speak for every project: a scoped editor's key is
# refused, said and logged. (a key's language is its own: the one under test)
key_lang=ja
[ "$lang" = en ] && key_lang=en
start "$program --db $db --ssh-user sato --ssh-role editor --ssh-scope project:SP1 --ssh-lang $key_lang --year R6"
shows "▸ 1 「誰もが安心して暮" "the browser opens for an editor of SP1"
say "verification open"
why=$(tf "%s may not open, close or answer a verification: it speaks for every project, and the key's scope holds only some" \
	"sato (editor, project:SP1)")
shows "$(tf "not permitted: %s" "sato (editor, project:SP1)")" ":verification open is refused to a scoped editor"
keys q
! "$KPITREE" --db "$db" verification status --year R6 >/dev/null 2>&1 &&
	"$program" --db "$db" access log | grep -qF "sato (editor, project:SP1)  $(t refused)  browse: :verification  $why"
ok $? "nothing is opened, and the refusal is in the audit log, saying why"
no_reports
exit $tap_failed
