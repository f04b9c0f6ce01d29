# rename.sh: a strategy table imported again with measure ① and H01's
# 内容 corrected (issue 18): the browser's tree has one row for each,
# with the new text, H01 under it, as before the correction; no row with
# the old text beside it; and H shows those changes, the same lines as
# kpitree history, not "no change yet". Sourced by rename_en.sh and rename_ja.sh with
# $lang set.
. "$srcdir/tests/screen/lib.sh"
plan 18
bundled_db
set_lang
"$KPITREE" --db "$db" export strategy -o "$work/s.csv"
sed -e 's/安心して子どもを産み育てられる環境の整備/誰もが安心して子どもを産み育てられる環境の整備/g' \
	-e 's/保育所及び認定こども園の計画的な整備/保育所と認定こども園の計画的な整備/' \
	-e 's/保育所等入所待機児童数 28人/保育所の待機児童数 28人/' \
	"$work/s.csv" >"$work/s2.csv"
browse() { start "$program --db $db --keys ':goto Space H01 Enter'"; }

browse
shows "① 安心して子ども" "before: the tree shows measure ① as bundled"
shows "• 保育所及び" "and H01's 内容"

"$KPITREE" --db "$db" --user suzuki import "$work/s2.csv" >/dev/null
ok $? "the corrected table imports"
# the browser open meanwhile reads the renamed rows again
keys j k
shows "① 誰もが安心して" "a browser open during the import shows measure ① renamed"
shows "• 保育所と" "and H01's 内容"
browse
shows "① 誰もが安心して" "after: the tree shows measure ① renamed"
shows "• 保育所と" "and H01's 内容 renamed, H01's home row still"
shows "H01" "with H01 in the KPI pane"
shows "$(t Strategy)" "in the interface's language"
screen >"$work/screen"
! grep -qF "① 安心して子ども" "$work/screen" && ! grep -qF "• 保育所及び" "$work/screen"
ok $? "no row with the old text beside them"
[ "$(grep -c "①" "$work/screen")" = 1 ]
ok $? "one measure ① under the basic strategy"
fits "the screen fits 80 columns"

# H: the history of H01, as kpitree history writes it
keys H
shows "$(t 'name')  保育所等入所待機児童数 -> 保育所の待機児" "H shows the KPI's name changed by the import"
shows "$(t 'content')  保育所及び" "and its row's 内容 renamed"
shows "suzuki" "with who changed them"
screen >"$work/screen"
! grep -qF "$(t 'no change yet')" "$work/screen"
ok $? "not that there is no change"
LANG=$LANG "$KPITREE" --db "$db" history H01 | sed 's/\(  suzuki  [^ ]*\).*/\1/' >"$work/cli"
while read -r line; do
	grep -qF -- "$line" "$work/screen" || { echo "# not on the screen: $line"; false; }
done <"$work/cli"
ok $? "each line kpitree history writes, its time, who and what, is on H"
no_reports
finish
