#!/bin/sh
# report.sh: kpitree export report of every KPI in Markdown, CSV (for
# Excel too) and HTML; the HTML checked whole by an XML parser and
# rendered by headless Chromium, whose picture must show the charts.
. "$srcdir/tests/cli/lib.sh"
plan 28
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null
"$KPITREE" --db "$db" set H01 R7 12 >/dev/null
"$KPITREE" --db "$db" set H05 R7 30000 >/dev/null

run --db "$db" export report --year R7
expect 0 "" "export report writes Markdown by default"
grep -q "^| C | 遅れ(基準値より改善) | 0 | 1 |$" "$work/out"
ok $? "the summary counts H01's proposed rank C"
grep -q "^| behind | 1 |$" "$work/out" && grep -q "^| achieved | 1 |$" "$work/out"
ok $? "and the KPIs by status"
grep -q "^- rank: C (proposed)$" "$work/out" && grep -q "^| R7 (2025) | - | 12 | 57% | behind |$" "$work/out"
ok $? "each item has its table, progress, status and rank"

run --db "$db" export report --year R7 --format csv
expect 0 "" "export report --format csv"
[ "$(head -1 "$work/out")" = "meeting,held_on,fiscal_year,code,name,group,field,baseline,target,values,latest_year,latest_actual,progress,status,proposed_rank,rank,reason,assessment,policy,comments,action_items" ]
ok $? "the CSV header is the documented one"
kpis=$("$SQLITE3" "$db" "SELECT count(*) FROM kpi")
rows=$("$SQLITE3" -csv :memory: ".import --csv $work/out r" "SELECT count(*) FROM r")
[ "$rows" = "$kpis" ]; ok $? "one CSV row per KPI ($kpis)"
"$SQLITE3" -csv :memory: ".import --csv $work/out r" \
	"SELECT code, status, proposed_rank FROM r WHERE code IN ('H01', 'H05') ORDER BY code" >"$work/got"
printf 'H01,behind,C\r\nH05,achieved,A\r\n' | tr -d '\r' | cmp -s - "$work/got"
ok $? "with each KPI's status and proposed rank"
# The report is read by people: in Japanese its header, statuses and
# years are Japanese. The exports an import reads keep their headers,
# a contract, in every language.
LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" export report --year R7 --format csv >"$work/ja.csv"
[ "$(head -1 "$work/ja.csv")" = "会議,開催日,年度,コード,名称,プロジェクト,分野,基準値,目標値,各年度の値,最新実績の年度,最新実績,進捗,状況,提案評価,評価,理由,効果検証の評価,今後の方針,意見,対応事項" ]
ok $? "in Japanese the CSV report's header is Japanese"
grep -q '^,,2025,H01,保育所等入所待機児童数,.*,令和7年度 計画 - 実績 12,2025,12,57%,遅れ,C,' "$work/ja.csv" &&
	grep -q '^,,2025,H05,.*,達成,A,' "$work/ja.csv" && ! grep -qE ',(achieved|behind|no data|on track|actual only),' "$work/ja.csv"
ok $? "and so are its statuses and its years' values"
for k in kpis actuals projects strategy; do
	LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" export $k | head -1 >"$work/ja-$k"
	LANG=C.UTF-8 "$KPITREE" --db "$db" export $k | head -1 | cmp -s - "$work/ja-$k" || break
done
[ "$(cat "$work/ja-kpis")" = "code,number,name,unit,baseline_value,baseline_period,target_value,target_period,direction,field" ] &&
	[ "$(cat "$work/ja-actuals")" = "code,fiscal_year,kind,value,note,entered_by,entered_at" ] && [ "$k" = strategy ]
ok $? "the kpis, actuals, projects and strategy exports keep the same header in Japanese"
run --db "$db" export report --format csv --excel -o "$work/excel.csv"
head -c 3 "$work/excel.csv" | od -An -tx1 | grep -q "ef bb bf" && head -1 "$work/excel.csv" | grep -q "$(printf '\r')$"
ok $? "--excel writes a BOM and CRLF"

run --db "$db" export report --year R7 --format html -o "$work/r.html"
expect 0 "" "export report --format html -o FILE"
xmllint --noout "$work/r.html" 2>"$work/xml"
ok $? "the HTML is well-formed throughout (XML parser, SVG included)"
sed 's/^/# /' "$work/xml" | head -5
with_values=$("$SQLITE3" "$db" "SELECT count(DISTINCT kpi_id) FROM value")
[ "$(grep -c '<svg' "$work/r.html")" = "$with_values" ]
ok $? "one SVG chart for each KPI with values ($with_values)"
! grep -qE '(src|href)="(https?:)?//' "$work/r.html"
ok $? "nothing fetched from elsewhere"

# The charts' numbers against the database: bars, the axis and its top
# label, the baseline and target lines, the legend; in both languages,
# and with a target next to the baseline, whose labels must not overlap.
svg="/usr/bin/python3 $srcdir/tests/cli/report_svg.py"
$svg "$work/r.html" "$db" plan actual baseline target en
ok $? "each chart's bars, axis labels (its top's too), baseline and target lines are the data's numbers; a plan/actual legend; years as R7"
"$SQLITE3" "$db" "UPDATE kpi SET target_value = 27 WHERE code = 'H01'"
LANG=ja_JP.UTF-8 "$KPITREE" --db "$db" export report --year R7 --format html -o "$work/near.html"
$svg "$work/near.html" "$db" 計画 実績 基準値 目標値 ja
ok $? "in Japanese: 計画/実績 in the legend, 基準値 28 and 目標値 27 labelled apart though their lines nearly meet, years as 令和7年度"
"$SQLITE3" "$db" "UPDATE kpi SET target_value = 0 WHERE code = 'H01'"
"$KPITREE" --db "$db" export report --year R7 --format html | grep -q '<text class="tick"[^>]*>30</text>' &&
	! grep -q '<text class="tick"[^>]*>28</text>' "$work/r.html"
ok $? "H01's axis (baseline 28, actual 12) tops at 30, labelled 30, not at the baseline's 28"

# Rendered: the actual bars' blue is on the picture, and only because of
# the charts (the same page without its SVG has none).
sed '/<svg/,/<\/svg>/d' "$work/r.html" >"$work/plain.html"
shot() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--user-data-dir="$work/chrome" --window-size=900,1400 --screenshot="$2" \
		"file://$1" >/dev/null 2>&1
}
blue() { pngtopnm "$1" | ppmhist -noheader | awk '$1 == 47 && $2 == 109 && $3 == 181 { print $5 }'; }
shot "$work/r.html" "$work/r.png"
shot "$work/plain.html" "$work/plain.png"
[ "$(blue "$work/r.png")" -gt 500 ] 2>/dev/null
ok $? "headless Chromium draws the charts ($(blue "$work/r.png") pixels of the bars' blue)"
[ -z "$(blue "$work/plain.png")" ]
ok $? "and the page without its charts has none"

# Printed: every page A4 (595 x 842 points), as the page's CSS asks;
# Chromium's own default would be Letter.
timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/chrome" \
	--no-pdf-header-footer --print-to-pdf="$work/r.pdf" "file://$work/r.html" >/dev/null 2>&1
grep -a -o '/MediaBox \[[^]]*\]' "$work/r.pdf" | sort -u >"$work/boxes"
[ "$(wc -l <"$work/boxes")" -eq 1 ] && grep -q '^/MediaBox \[0 0 59[45][.0-9]* 84[12][.0-9]*\]$' "$work/boxes"
ok $? "it prints on A4 ($(grep -a -c '/MediaBox' "$work/r.pdf") pages)"
pages=$(grep -a -o '/Type */Page\b' "$work/r.pdf" | wc -l)
pdftotext -layout "$work/r.pdf" - | awk -v n="$pages" 'BEGIN { RS = "\f" }
	NF { p++; k = split($0, line, "\n"); last = ""
	     for (i = 1; i <= k; i++) if (line[i] ~ /[^ ]/) last = line[i]
	     gsub(/^ +| +$/, "", last)
	     if (last != p " / " n) { print "# page " p " ends with: " last; bad = 1 } }
	END { exit bad || p != n }'
ok $? "each printed page is numbered at its foot, 1 / $pages to $pages / $pages"

run --db "$db" export report --format pdf
expect 1 "kpitree: --format: 'pdf' is none of md, html, csv, xlsx" "an unknown format is refused"
run --db "$db" export report --meeting 9
expect 1 "kpitree: no meeting 9" "so is a meeting that is not there"
run --db "$db" export report --meeting 99999999999999999999
expect 1 "kpitree: --meeting: '99999999999999999999' is not a meeting number" \
	"a meeting number too large to hold is named as it was given"
run --db "$db" export report --meeting " 5"
expect 1 "kpitree: --meeting: ' 5' is not a meeting number" "so is one that is not only digits"
run --db "$db" export report --excel
expect 2 "kpitree: --excel is for --format csv
Try 'kpitree --help'." "--excel only goes with CSV"
exit $tap_failed
