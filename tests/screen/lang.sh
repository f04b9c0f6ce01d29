#!/bin/sh
# lang.sh: the same screens in Japanese (LANG=ja_JP.UTF-8) and in English
# (LANG=C.UTF-8), at 80x24, nothing cut in half; the command line's
# errors in Japanese. The program finds this build's catalogue by itself,
# from its build tree: no variable says where.
. "$srcdir/tests/screen/lib.sh"
plan 36
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null
"$KPITREE" --db "$db" set H01 R7 12 >/dev/null
unset LANGUAGE LC_ALL LC_MESSAGES

ja="env LANG=ja_JP.UTF-8 $KPITREE --db $db --user tanaka --year R7"
en="env LANG=C.UTF-8 $KPITREE --db $db --user tanaka --year R7"

start "$ja"
shows "?:ヘルプ" "in Japanese the key hints are Japanese"
start "$ja --keys ':goto Space H01 Enter'"
shows "┌─ 戦略 " "the tree is 戦略"
shows "令和7年度" "fiscal years read 令和7年度"
shows "遅れ" "status words are Japanese (遅れ)"
shows "減少" "and the KPI's direction"
fits "nothing is cut in half on the Japanese screen"
start "$en"
shows "?:help" "in English the key hints are English"
start "$en --keys ':goto Space H01 Enter'"
shows "┌─ Strategy " "the tree is Strategy"
shows "R7 (2025)" "fiscal years read R7 (2025)"
shows "behind" "status words are English"
shows "0人 (R7)  down" "and the KPI's direction"
fits "nothing is cut in half on the English screen"

# A KPI's pane lists every year from the baseline's to the target's end:
# H17's sum over R7～R11 has R9 in view.
start "$ja --keys ':goto Space H17 Enter'"
shows "令和9年度" "(ja) the KPI pane lists the years between baseline and target"
start "$en --keys ':goto Space H17 Enter'"
shows "R9 (2027)" "(en) the KPI pane lists the years between baseline and target"

start "$ja --keys ':goto Space H01 Enter e'"
shows "入力" "the form's title is Japanese"
shows "実績" "its fields too"
fits "the Japanese form fits"
keys Escape '?'
shows "キー" "the help screen is Japanese"
fits "the Japanese help fits"
keys q
keys d
shows "ダッシュボード" "the dashboard is Japanese"
shows "? データなし" "its status column holds the widest Japanese status word whole"
fits "the Japanese dashboard fits"

LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" set H01 R7 abc 2>"$work/err"
[ $? -eq 1 ] && grep -q "数値ではありません" "$work/err"
ok $? "kpitree set H01 R7 abc says why in Japanese under ja_JP"
sed 's/^/# /' "$work/err"
LANG=C.UTF-8 "$KPITREE" --db "$db" set H01 R7 abc 2>"$work/err"
[ "$(cat "$work/err")" = "kpitree: value: not a number: 'abc'" ]
ok $? "and in English under C"
LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" show H01 >"$work/out"
grep -q "^令和7年度 " "$work/out" && grep -q "遅れ$" "$work/out"
ok $? "kpitree show writes 令和7年度 and 遅れ under ja_JP"
# Japanese whatever else the environment says, where it asks for it.
for how in "env -i LANG=ja_JP.UTF-8 LC_CTYPE=UTF-8" "env -i LANG=C KPITREE_LANG=ja" \
	"env -i LC_ALL=C.UTF-8 $KPITREE --lang ja" "env -i LOCPATH=/nonexistent $KPITREE --lang ja" \
	"env -i LOCPATH=/nonexistent LANG=ja_JP.UTF-8"; do
	case $how in
	*--lang*) $how --db "$db" show H01 >"$work/out" ;;
	*) $how "$KPITREE" --db "$db" show H01 >"$work/out" ;;
	esac
	grep -q "^令和7年度 " "$work/out"
	ok $? "show is Japanese under $(echo "$how" | sed "s|env -i ||; s|$KPITREE|kpitree|")"
done
LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" export actuals >"$work/ja.csv"
LANG=C.UTF-8 "$KPITREE" --db "$db" export actuals >"$work/en.csv"
cmp -s "$work/ja.csv" "$work/en.csv"
ok $? "exports are the same in every language"
LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" export report --year R7 >"$work/ja.md"
grep -q "^## 概要$" "$work/ja.md" && grep -q "^| 遅れ | 1 |$" "$work/ja.md"
ok $? "the Markdown report is Japanese under ja_JP"
# the report is read by people, not by an import: its header follows
# the interface's language (issue 18), where the exports above do not
LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" export report --year R7 --format csv | head -1 >"$work/ja.head"
LANG=C.UTF-8 "$KPITREE" --db "$db" export report --year R7 --format csv | head -1 >"$work/en.head"
grep -q "^会議,開催日,年度,コード," "$work/ja.head" && grep -q "^meeting,held_on,fiscal_year,code," "$work/en.head"
ok $? "the CSV report's header is in the interface's language"
# Counts take the singular or the plural (ngettext); Japanese has one form.
printf 'code,fiscal_year,kind,value\nH04,2030,plan,1\n' >"$work/one.csv"
printf 'code,fiscal_year,kind,value\nH04,2031,plan,1\nH04,2032,plan,2\n' >"$work/two.csv"
LANG=C.UTF-8 "$KPITREE" --db "$db" import "$work/one.csv" >"$work/out" &&
	LANG=C.UTF-8 "$KPITREE" --db "$db" import "$work/two.csv" "$work/one.csv" >>"$work/out" &&
	printf '%s\n' "imported 1 row from 1 file; 1 value changed" \
		"imported 3 rows from 2 files; 2 values changed" | cmp -s - "$work/out"
ok $? "import counts rows, files and values in the singular and the plural"
sed 's/^/# /' "$work/out"
printf 'code,fiscal_year,kind,value\nH04,2033,plan,3\nH04,2034,plan,4\n' >"$work/ja.csv"
LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" import "$work/ja.csv" >"$work/out" &&
	[ "$(cat "$work/out")" = "1 個のファイルから 2 行を取り込みました。2 件の値を変更しました" ]
ok $? "and in Japanese, in Japanese order"
sed 's/^/# /' "$work/out"
no_reports
exit $tap_failed
