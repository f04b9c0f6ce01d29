#!/bin/sh
# minutes.sh: the minutes of a meeting name the organisation and the
# attendees, grouped by role (会長, 委員, 事務局, then the others), in the
# HTML (well-formed, checked by an XML parser) and in Markdown; the names
# made inert as all stored text is.
. "$srcdir/tests/cli/lib.sh"
plan 19
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null || exit 1
"$SQLITE3" "$db" "INSERT INTO meeting(id, title, held_on, fiscal_year, opened_by, opened_at)
	VALUES (1, '第1回推進会議', '2026-07-01', 2025, 't', '2026-07-01T00:00:00Z');
	INSERT INTO agenda_item VALUES (1, 1, (SELECT id FROM kpi WHERE code = 'H01'));" || exit 1

run --db "$db" meeting organisation 北海道総合政策部
expect 0 "" "meeting organisation sets the organisation's name"
# entered in no particular order, one role changed, one taken off
for a in "事務局|高橋 三郎" "オブザーバー|田中 次郎" "委員|佐藤 花子" "会長|山田 太郎" \
	"委員|鈴木 一郎" "委員|渡辺 四郎" "顧問|伊藤 五郎" "委員|田中 次郎" "副会長|木下 六郎"; do
	"$KPITREE" --db "$db" meeting attend 1 "${a%%|*}" "${a#*|}" || echo "# attend $a failed"
done
run --db "$db" meeting absent 1 "渡辺 四郎"
expect 0 "" "meeting absent takes an attendee off"
run --db "$db" meeting attend 1 "$(printf 'x\033[2J')" "$(printf '小林\033]2;pwned\007')"
expect 1 "kpitree: attendee: holds a control or invisible character" "a name holding control characters is refused"
run --db "$db" meeting attend 1 委員 "$(printf '悪\342\200\256名')"
expect 1 "kpitree: attendee: holds a control or invisible character" "so is one holding a bidirectional override"
run --db "$db" meeting organisation "$(printf '札幌市\342\200\256総合')"
expect 1 "kpitree: organisation: holds a control or invisible character" "and such an organisation"
# one written into the file by other means is shown inert
"$SQLITE3" "$db" "INSERT INTO attendee(meeting_id, position, name, role) VALUES (1, 99,
	'小林' || char(27) || ']2;pwned' || char(7), 'x' || char(27) || '[2J')" || exit 1

run --db "$db" export report --meeting 1 --format html -o "$work/m.html"
expect 0 "" "export report --format html writes the minutes"
xmllint --noout "$work/m.html" 2>"$work/xml"
ok $? "the minutes are well-formed XML ($(head -1 "$work/xml"))"
# the names in the minutes' order, by an XML parser
xmllint --xpath '//*[local-name()="span"][@class="attendee"]/text()' "$work/m.html" 2>/dev/null |
	sed '$a\' >"$work/names"
printf '%s\n' "山田 太郎" "木下 六郎" "田中 次郎" "佐藤 花子" "鈴木 一郎" "高橋 三郎" "伊藤 五郎" "小林^[]2;pwned^G" \
	>"$work/want"
cmp -s "$work/want" "$work/names"
ok $? "the attendees: 会長, 副会長, 委員 (as entered: 田中 was an observer first), 事務局, then the other roles, inert"
xmllint --xpath '//*[local-name()="table"][@class="attendees"]//*[local-name()="th"]/text()' \
	"$work/m.html" 2>/dev/null | tr -d '\n' >"$work/roles"
[ "$(cat "$work/roles")" = "会長副会長委員事務局顧問x^[[2J" ]
ok $? "one row a role, in that order"
[ "$(xmllint --xpath 'string(//*[local-name()="p"][@class="organisation"])' "$work/m.html")" = 北海道総合政策部 ]
ok $? "the organisation heads the minutes"
! LC_ALL=C grep -q "$(printf '[\033\007]')" "$work/m.html"
ok $? "no control character reaches the HTML"

run --db "$db" export report --meeting 1
sed -n '1,/^- held on/p' "$work/out" >"$work/head"
printf '%s\n' "北海道総合政策部" "" "# 第1回推進会議" "" "- 会長: 山田 太郎" "- 副会長: 木下 六郎" \
	"- 委員: 田中 次郎, 佐藤 花子, 鈴木 一郎" "- 事務局: 高橋 三郎" "- 顧問: 伊藤 五郎" \
	"- x^[[2J: 小林^[]2;pwned^G" "" "- held on: 2026-07-01" >"$work/want"
diff "$work/want" "$work/head" >"$work/diff"
ok $? "the Markdown minutes begin with the organisation, the title and the attendees by role"
sed 's/^/# /' "$work/diff"

run --db "$db" meeting attend 1 "特別 委員" "誰か"
expect 1 "kpitree: role: '特別 委員' is more than one word" "a role is one word"
run --db "$db" meeting attend 2 委員 "誰か"
expect 1 "kpitree: no meeting 2" "an attendee of a meeting that is not there is refused"
run --db "$db" meeting absent 1 "誰も"
expect 1 "kpitree: 誰も is not an attendee of meeting 1" "so is taking off one who is not there"
run --db "$db" meeting attend x 委員 "誰か"
expect 1 "kpitree: ID: 'x' is not a meeting number" "a meeting's number is digits"

# Over SSH: an editor enters attendees, not the organisation; a viewer neither.
as() { SSH_ORIGINAL_COMMAND="$2" "$KPITREE" --db "$db" --ssh-user "$1" --ssh-role "$1" --ssh-lang en \
	>"$work/out" 2>"$work/err"; status=$?; }
as editor "meeting attend 1 委員 中村"
expect 0 "" "an editor enters an attendee"
as editor "meeting organisation 札幌市"
expect 1 "kpitree: not permitted: editor (editor, all) may not set the organisation" \
	"an editor does not set the organisation"
as viewer "meeting attend 1 委員 木村"
expect 1 "kpitree: not permitted: viewer (viewer, all) may not meeting" "a viewer enters no attendee"
exit $((tap_failed > 0))
