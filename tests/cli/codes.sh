#!/bin/sh
# codes.sh: a code naming several KPIs (⑫, h12, H１２ name H12a, H12b and
# H12c) is refused to a write, with the KPIs it names, in either
# language, and nothing is written; a read takes the first and says so
# (issue 18). The project codes as officials type them (SP2-01,
# ＳＰ２−１, SP2ー1) and ⑫b are the codes.
. "$srcdir/tests/cli/lib.sh"
plan 9
bundled_db
q() { "$SQLITE3" "$db" "$@"; }
count() { q "SELECT count(*) FROM history"; }

before=$(count)
refused=0
for lang in C.UTF-8 ja_JP.UTF-8; do
	for code in ⑫ h12 H１２ H12; do
		LANG=$lang "$KPITREE" --db "$db" set "$code" R8 20000 >"$work/out" 2>"$work/err"
		[ $? = 1 ] && grep -qF "H12a, H12b, H12c" "$work/err" && [ ! -s "$work/out" ] ||
			{ refused=1; echo "# $lang: set $code"; sed 's/^/#   /' "$work/err"; }
	done
done
ok $refused "set ⑫, h12, H１２ and H12 are refused, naming H12a, H12b and H12c, in English and Japanese"
[ "$(count)" = "$before" ]
ok $? "and nothing was written"
LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" set ⑫ R8 20000 2>&1 | grep -qF "複数のKPI"
ok $? "the refusal is in Japanese in Japanese"
run --db "$db" set H12b R8 20001
expect 0 "" "the code of one of them is written"
[ "$(q "SELECT k.code FROM value v JOIN kpi k ON k.id = v.kpi_id WHERE v.value = 20001")" = H12b ]
ok $? "to that KPI"

run --db "$db" verification unknown ⑫ --reason 統計公表待ち --year R7
[ "$status" = 1 ] && grep -qF "H12a, H12b, H12c" "$work/err"
ok $? "a verification entry refuses it too"

run --db "$db" show ⑫
[ "$status" = 0 ] && head -1 "$work/out" | grep -q "^H12a  " && grep -qF "H12a, H12b, H12c" "$work/err" &&
	grep -qF "H12a" "$work/err"
ok $? "show ⑫ shows H12a and says on standard error that ⑫ names H12a, H12b and H12c"

forms=0
for code in SP2-01 ＳＰ２−１ SP2ー1 sp02-1; do
	"$KPITREE" --db "$db" show "$code" 2>&1 | head -1 | grep -q "^SP2-1  " ||
		{ forms=1; echo "# show $code"; }
done
ok $forms "SP2-01, ＳＰ２−１ (a minus), SP2ー1 (a long vowel mark) and sp02-1 are SP2-1"
"$KPITREE" --db "$db" show ⑫b 2>&1 | head -1 | grep -q "^H12b  "
ok $? "⑫b is H12b"
finish
