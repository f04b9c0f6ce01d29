# bar.sh: the tree's cursor bar marks the selected row's number and name,
# up to its statuses or the frame; the indentation and the row's mark
# (▸ ▾ •) keep out of it, as the statuses do, so that a cursor move sends
# the two names again and nothing else: the bytes a move sends under
# script(1) with TERM=xterm-256color, as make bench measures it. Sourced
# by bar_en.sh and bar_ja.sh with $lang set.
. "$srcdir/tests/screen/lib.sh"
plan 16
bundled_db
set_lang
esc=$(printf '\033')
attrs() { tmux -L "$sock" capture-pane -e -p -t "s$sess"; }

start "$program --db $db --keys j"
shows "▸ 2 「ひとを育み" "the browser is up on the second row"
attrs | grep -q "^[^$esc]*▸ ${esc}\[7m2 「ひとを育み、受け入… ${esc}\[0m"
ok $? "the bar starts at the row's number, its ▸ out of it, and runs to its statuses"
attrs | grep -q "▸ 1 「誰もが安心して暮らせ… 4?"
ok $? "the row above is drawn plain"
keys g Enter j
shows "▾ 1 「誰もが安心" "Enter opens the first row"
attrs | grep -q "^[^$esc]*  ▸ ${esc}\[7m1 一人ひとりの希望をか…${esc}\[0m"
ok $? "an indented row's bar starts at its number too, its indentation out of it"
attrs | grep -q "^[^$esc]*▾ 1 「誰もが安心して暮らせる… "
ok $? "and the open row above it is drawn plain"

# What a move sends: the two names, nothing of the marks, the
# indentation or the statuses.
start "script -qfc 'TERM=xterm-256color $program --db $db' $work/typescript"
shows "▸ 2 「ひとを育み" "the browser is up under script"
n=$(cost j "$work/typescript")
echo "# a cursor move with the bar: $n bytes"
grep -qF "1 「誰もが安心して暮らせ…" "$work/sent" && grep -qF "2 「ひとを育み、受け入… " "$work/sent"
ok $? "a move sends the two rows' numbers and names again"
! grep -qF "▸" "$work/sent" && ! grep -qF "?" "$work/sent"
ok $? "and neither row's mark nor its statuses ($n bytes)"
keys k
shows "▸ 1 「誰もが安心" "k moves back"

# --key-times: on leaving, a line on standard error for each key the
# screen was updated after (q ends the browser: none), each a time.
script -qc "TERM=xterm-256color $program --db $db --keys '/ 子育て Enter j q' --key-times 2>$work/times" /dev/null </dev/null >/dev/null
sed 's/^/# /' "$work/times"
[ "$(grep -c ' [0-9][0-9]*\.[0-9][0-9] ' "$work/times")" -eq 6 ] && [ "$(wc -l <"$work/times")" -eq 6 ]
ok $? "--key-times times each of the six keys the screen was updated after"
script -qc "TERM=xterm-256color $program --db $db --keys 'j q' 2>$work/times" /dev/null </dev/null >/dev/null
[ ! -s "$work/times" ]
ok $? "and without it nothing is written on standard error"
# a terminal resized is no key: the browser resized twice, then q
start "$program --db $db --key-times 2>$work/times"
shows "▸ 1 「誰もが安心" "the browser is up to be resized"
tmux -L "$sock" resize-window -t "s$sess" -x 100 -y 30 && sleep 0.5 &&
	tmux -L "$sock" resize-window -t "s$sess" -x 80 -y 24 && sleep 0.5
keys q
sleep 1
sed 's/^/# /' "$work/times"
[ -f "$work/times" ] && [ ! -s "$work/times" ]
ok $? "--key-times times no resize of the terminal"

# More keys than --keys plays (4096) are refused before the terminal is
# touched, not played in part (the browser would then wait for a q).
many=$(awk 'BEGIN { for (i = 0; i < 4097; i++) printf "j "; print "q" }')
timeout 20 "$program" --db "$db" --keys "$many" </dev/null >"$work/out" 2>&1
[ $? -eq 1 ] && grep -q 4096 "$work/out"
ok $? "4,097 keys to play are refused, naming the most ($(head -c 200 "$work/out"))"
no_reports
finish
