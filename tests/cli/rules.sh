#!/bin/sh
# rules.sh: the value rules of the core (values_check), the same through
# kpitree set and through an import, on the bundled data: each case
# accepted, or refused with the rule it breaks, naming the file, line and
# column in an import. tests/screen/rules.sh drives the same cases
# (tests/cli/rules_cases.sh) through the form; tests/test_values.c holds
# the table against the core itself.
. "$srcdir/tests/cli/lib.sh"
plan 17
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null

. "$srcdir/tests/cli/rules_cases.sh"

# set: exit 0 and the value stored, or exit 1 with the rule.
while IFS='|' read -r code year value why; do
	before=$("$SQLITE3" "$db" "SELECT count(*) FROM history")
	run --db "$db" set "$code" "$year" "$value"
	if [ -z "$why" ]; then
		[ "$status" -eq 0 ] && [ ! -s "$work/err" ]
		ok $? "set $code $year $value is accepted"
	else
		[ "$status" -eq 1 ] && grep -q "^kpitree: $code [^:]*: $why\$" "$work/err" &&
			[ "$("$SQLITE3" "$db" "SELECT count(*) FROM history")" = "$before" ]
		ok $? "set $code $year $value is refused: $why"
		[ "$status" -eq 1 ] || sed 's/^/# /' "$work/err"
	fi
done <"$work/cases"

# An import of the same rows: refused whole, each broken rule at its row
# and at the column of the year or the value.
{
	echo "code,fiscal_year,kind,value"
	while IFS='|' read -r code year value why; do echo "$code,$year,actual,$value"; done <"$work/cases"
} >"$work/all.csv"
: >"$work/want"
line=1
while IFS='|' read -r code year value why; do
	line=$((line + 1))
	case $why in
	"") ;;
	*outside*) echo "kpitree: $work/all.csv:$line:2: fiscal_year: $why" >>"$work/want" ;;
	*) echo "kpitree: $work/all.csv:$line:4: value: $why" >>"$work/want" ;;
	esac
done <"$work/cases"
echo "kpitree: nothing imported" >>"$work/want"
run --db "$db" import "$work/all.csv"
[ "$status" -eq 1 ] && cmp -s "$work/want" "$work/err"
ok $? "an import refuses each row that breaks a rule, at its line and column"
[ "$status" -eq 1 ] && cmp -s "$work/want" "$work/err" || diff "$work/want" "$work/err" | sed 's/^/# /'
grep '|$' "$work/cases" | {
	echo "code,fiscal_year,kind,value"
	while IFS='|' read -r code year value why; do echo "$code,$year,actual,$value"; done
} >"$work/good.csv"
"$KPITREE" --db "$work/fresh.db" init >/dev/null
run --db "$work/fresh.db" import "$work/good.csv"
[ "$status" -eq 0 ] && [ "$("$KPITREE" --db "$work/fresh.db" export actuals | grep -c ',actual,')" -gt 0 ] &&
	"$KPITREE" --db "$work/fresh.db" show H10 | grep -q "^R7 (2025) .* 93.7 "
ok $? "the accepted rows import"

# An actual for a year after this one (a plan typed as an actual, say)
# never decides the status: show judges at the latest year up to now.
"$KPITREE" --db "$work/fresh.db" set H05 R4 16000 >/dev/null &&
	"$KPITREE" --db "$work/fresh.db" set H05 "$((y + 1))" 19950 >/dev/null &&
	"$KPITREE" --db "$work/fresh.db" show H05 | grep -q "^at R4 (2022): "
ok $? "an actual of next year does not decide the status"
# --force: what it stores is named in the history only when the value
# was unusual; a new note on an unusual value stored already needs none.
"$KPITREE" --db "$work/fresh.db" set H03 R9 100 >/dev/null 2>&1
[ $? -eq 1 ] && "$KPITREE" --db "$work/fresh.db" set H03 R9 100 --force >/dev/null &&
	"$KPITREE" --db "$work/fresh.db" set H03 R9 100 --note 集計中 >/dev/null &&
	"$KPITREE" --db "$work/fresh.db" set H03 R10 170 --plan --force >/dev/null &&
	[ "$("$KPITREE" --db "$work/fresh.db" history H03 | sed 's/^[^ ]* [^ ]*  //' | grep -v 'note:\|(import)')" = "tester  R9 (2027) actual  - -> 100  (set --force)
tester  R9 (2027) actual  100 -> 100  (set)
tester  R10 (2028) plan  - -> 170  (set)" ]
ok $? "--force is needed and recorded only for an unusual value"
finish
