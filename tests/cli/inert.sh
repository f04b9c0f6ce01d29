#!/bin/sh
# inert.sh: text from the database never drives the reader's terminal
# nor forges a line: show, history and the Markdown report print every
# control character of a note, a comment or a reason visibly (^J, ^[),
# the HTML report escapes it, and nothing else of the output changes.
. "$srcdir/tests/cli/lib.sh"
plan 15
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null || exit 1
esc=$(printf '\033')
bel=$(printf '\007')
# A note that, printed raw, sets the terminal's title and writes a
# second history line in suzuki's name.
forged="2026-01-01 09:00:00  suzuki  R7 (2025) actual  - -> 99  (set)"
note=$(printf 'a\n%s\033]2;pwned\007' "$forged")
"$KPITREE" --db "$db" --user tanaka set H01 R7 5 --note "$note" >/dev/null || exit 1
# A meeting's comment, reason and action item with the same bytes.
"$SQLITE3" "$db" "INSERT INTO meeting(id, title, held_on, fiscal_year, opened_by, opened_at)
	VALUES (1, 'm', '2026-01-01', 2025, 't', '2026-01-01T00:00:00Z');
	INSERT INTO agenda_item VALUES (1, 1, (SELECT id FROM kpi WHERE code = 'H01'));
	INSERT INTO evaluation(meeting_id, kpi_id, rank, reason, entered_by, entered_at)
	VALUES (1, (SELECT id FROM kpi WHERE code = 'H01'), 'C', 'r' || char(10) || '## forged' || char(27) || '[2J',
	't', '2026-01-01T00:00:00Z');
	INSERT INTO remark(meeting_id, kpi_id, kind, text, owner, due, entered_by, entered_at)
	VALUES (1, (SELECT id FROM kpi WHERE code = 'H01'), 'comment', 'c' || char(10) || '  - forged' || char(27) || ']2;x' || char(7), '', '', 't', '2026-01-01T00:00:00Z'),
	(1, (SELECT id FROM kpi WHERE code = 'H01'), 'action', 'x' || char(13) || 'y', 'o' || char(27) || 'z', '2026-02-01', 't', '2026-01-01T00:00:00Z');" || exit 1

# no_control FILE: nothing but line ends among the bytes below 0x20 and
# DEL, and no C1 control (U+0080-U+009F as UTF-8).
no_control() {
	! LC_ALL=C grep -q "[$esc$bel$(printf '\r\001\177')]" "$1" &&
		! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"
}

run --db "$db" history H01
expect 0 "" "history prints a note holding control characters"
no_control "$work/out"; ok $? "history's output holds no control character but its line ends"
! grep -q "^2026-01-01 09:00:00  suzuki" "$work/out"; ok $? "a note's line end forges no history line"
grep -qF '    note: - -> a^J2026-01-01 09:00:00  suzuki  R7 (2025) actual  - -> 99  (set)^[]2;pwned^G' "$work/out"
ok $? "the note is one line, its control characters as ^J, ^[ and ^G"

run --db "$db" show H01
no_control "$work/out"; ok $? "show prints no control character"
grep -qF 'note R7 (2025) actual: a^J2026-01-01' "$work/out"
ok $? "show's note line holds the note made visible"

run --db "$db" export report --meeting 1
no_control "$work/out"; ok $? "the Markdown report holds no control character"
! grep -q "^## forged" "$work/out" && ! grep -q "^  - forged" "$work/out"
ok $? "a reason or a comment forges no heading and no list item"
grep -qF -- '- reason: r^J## forged^[[2J' "$work/out" &&
	grep -qF -- '  - c^J  - forged^[]2;x^G (t)' "$work/out" &&
	grep -qF -- '  - [ ] x^My (owner o^[z, due ' "$work/out"
ok $? "the reason, comment and action item are printed made visible"

run --db "$db" export report --meeting 1 --format html -o "$work/r.html"
no_control "$work/r.html"; ok $? "the HTML report holds no control character"
xmllint --noout "$work/r.html" 2>"$work/xml"
ok $? "and is well-formed XML"
sed 's/^/# /' "$work/xml" | head -5

# A name reversed on the screen (U+202E) or a value hidden behind an
# isolate shows its controls as code points instead.
rlo=$(printf '\342\200\256')
"$KPITREE" --db "$db" --user tanaka set H02 R7 5 --force --note "99$rlo 10" >/dev/null || exit 1
run --db "$db" show H02
! LC_ALL=C grep -q "$rlo" "$work/out"; ok $? "show prints no bidirectional override"
grep -qF 'note R7 (2025) actual: 99\u202E 10' "$work/out"
ok $? "and shows it as its code point"

# The same export read on a terminal is for a person: made inert there,
# as show is (script(1) gives it a terminal).
script -qc "'$KPITREE' --db '$db' export actuals; '$KPITREE' --db '$db' export report --format csv" \
	/dev/null </dev/null >"$work/tty"
no_control_but_cr() { ! LC_ALL=C grep -q "[$esc$bel$(printf '\001\177')]" "$1"; }
no_control_but_cr "$work/tty" && grep -qF 'a^J2026-01-01 09:00:00  suzuki  R7 (2025) actual  - -> 99  (set)^[]2;pwned^G' "$work/tty"
ok $? "export actuals and the CSV report on a terminal show stored control characters visibly"

# A CSV export is data: the note comes back as it was stored.
"$KPITREE" --db "$db" export actuals | grep -c "pwned$bel" | grep -qx 1
ok $? "export actuals keeps the note's bytes (CSV is data, not for a terminal)"
finish
