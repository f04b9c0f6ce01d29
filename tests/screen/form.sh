#!/bin/sh
# form.sh: entering a year's value in the browser's form, in tmux at
# 80x24: Japanese and full-width input, refusals that write nothing,
# the confirmation of a far-off value, another official's save seen
# before it is overwritten, and --read-only.
. "$srcdir/tests/screen/lib.sh"
plan 36
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null
values() { "$SQLITE3" "$db" "SELECT count(*) || '/' || (SELECT count(*) FROM history) FROM value"; }
before=$(values)

start "$KPITREE --db $db --user tanaka --year R7 --keys ':goto Space H01 Enter e'"
shows "H01 R7 (2025) entry" "e opens the form for the shown KPI and year"
keys abc
shows "actual: not a number: 'abc'" "a bad value is refused as it is typed, the message in the form"
keys Enter
sleep 0.3
[ "$(values)" = "$before" ]; ok $? "Enter on a bad value writes nothing"
keys BSpace BSpace BSpace 3 0 Enter
shows "30 is on the wrong side of the baseline." "a value on the wrong side of the baseline asks first"
shows "save it?  y: save / n: back" "and waits for y or n"
keys n Escape
shows "nothing saved" "Escape closes the form and writes nothing"
[ "$(values)" = "$before" ]; ok $? "and nothing was written"

keys e
shows "H01 R7 (2025) entry" "the form opens again"
keys １２ Tab 速報値 BSpace 値 Enter
shows "H01 R7 (2025): saved" "full-width digits and a Japanese note are saved"
shows "R7 (2025)         -       12   57% behind" "the KPI pane shows the new actual"
"$KPITREE" --db "$db" history H01 | grep -q "tanaka  R7 (2025) actual  - -> 12  (form)"
ok $? "kpitree history has the change, by the official who made it"
"$KPITREE" --db "$db" show H01 | grep -q "^note R7 (2025) actual: 速報値$"
ok $? "kpitree show has the value and its Japanese note"

# The year field takes any form of a fiscal year, and a long note scrolls.
keys e Tab Tab BSpace BSpace R 7 x
shows "year: not a fiscal year: 'R7x'" "a year that is no year is refused as it is typed"
keys BSpace BSpace BSpace 令和６年度 Enter
shows "R6 (2024): nothing stored yet; Enter saves" "令和６年度 moves the form to R6 (2024), where nothing is stored yet, and says so"
shows "H01 R6 (2024) entry" "and says so in its title"
keys Tab 北海道の待機児童数は四月一日現在の速報値であり確定値は九月に公表される予定です
shows "予定です" "a note longer than its field scrolls to keep the cursor in view"
keys Escape e Tab C-u
keys BSpace BSpace BSpace BSpace BSpace BSpace 速報 Left Left 本 Right Right 値
shows "note      本速報値" "the cursor moves by character in a Japanese note, and text goes in at it"
keys Escape

# Another official saves while the form is open: shown, never overwritten silently.
keys e
shows "actual    12" "the form opens with the stored value"
"$KPITREE" --db "$db" --user sato set H01 R7 10 >/dev/null
keys BSpace BSpace 9 Enter
shows "sato saved actual 10 at 20" "a value someone saved meanwhile is shown, with who and when"
shows "save yours over it?  y: save / n: back" "and the official chooses"
keys n Escape
"$KPITREE" --db "$db" show H01 | grep -q "^R7 (2025)           -         10 "
ok $? "and it is not overwritten when the official declines"
# H shows the history as kpitree history writes it; u undoes the
# session's last save, itself a change in the history.
start "$KPITREE --db $db --user tanaka --year R7 --keys ':goto Space H01 Enter e'"
shows "actual    10" "a new form opens on the stored value"
keys BSpace BSpace 8 Enter
shows "H01 R7 (2025): saved" "the new value is saved"
keys H
shows "$("$KPITREE" --db "$db" history H01 | tail -1)" "H shows the same lines as kpitree history"
keys q u
shows "undone" "u undoes the last save"
"$KPITREE" --db "$db" history H01 | tail -1 | grep -q "tanaka  R7 (2025) actual  8 -> 10  (undo)"
ok $? "the undo is itself a change in the history, back to the value before"

# Two officials in two terminals on one value: the second to save sees
# the first's, and chooses; both values stay in the history.
keys : "goto H01" Enter e
shows "actual    10" "official one opens the form"
tmux -L "$sock" new-session -d -x 80 -y 24 -s other \
	"$KPITREE --db $db --user yamada --year R7 --keys ':goto Space H01 Enter e BSpace BSpace 1 5 Enter'; sleep 60"
i=0
while [ $i -lt 30 ] && ! "$KPITREE" --db "$db" history H01 | grep -q "yamada"; do sleep 0.1; i=$((i + 1)); done
keys BSpace BSpace 1 6 Enter
shows "yamada saved actual 15 at 20" "official one is shown what official two saved, who and when"
keys y
shows "H01 R7 (2025): saved" "and saves over it on y"
[ "$("$KPITREE" --db "$db" history H01 | tail -2 | sed 's/^[^ ]* [^ ]*  //')" = "yamada  R7 (2025) actual  10 -> 15  (form)
tanaka  R7 (2025) actual  15 -> 16  (form)" ]
ok $? "both values are in the history, in order"
tmux -L "$sock" kill-session -t other

# What another official saves shows in an open browser within two seconds.
start "$KPITREE --db $db --year R7 --keys ':goto Space H01 Enter'"
shows "R7 (2025)         -       16   43% behind" "the browser shows the stored actual"
"$KPITREE" --db "$db" --user suzuki set H01 R7 7 >/dev/null
shows "R7 (2025)         -        7   75% behind" "a kpitree set from outside appears in the open browser"

# --read-only: the browser opens, and e says why it will not edit.
start "$KPITREE --db $db --read-only --year R7 --keys ':goto Space H01 Enter e'"
shows " k.db (read-only)  FY R7" "--read-only is said in the status line from the start"
shows "read-only database: values cannot be entered" "--read-only refuses e with a message"

# A control character in a stored note takes one column in the form.
"$KPITREE" --db "$db" set H02 R7 80 --note "$(printf 'esc\033[31mRED')" >/dev/null
start "$KPITREE --db $db --user tanaka --year R7 --keys ':goto Space H02 Enter e'"
shows "note      esc?[31mRED" "a control character in a note shows as ?, the field not shifted"
no_reports
finish
