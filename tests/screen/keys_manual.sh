#!/bin/sh
# keys_manual.sh: both manual pages list every key of the browser's help,
# which is made from the key table (ui/keymap.c), and every key of the
# value form's, the dashboard's and the presentation's help, each made
# from its view's key table, which is also what binds them (a key works
# only as its view's table says): a key bound and left out of the manual
# fails here, in either language.
. "$srcdir/tests/screen/lib.sh"
plan 14
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null

# A help in full (it fits at 100x60): each line's keys, before the two
# spaces that pad them from what they do.
help_keys() {
	screen | sed -n '3,$p' | sed 's/  .*//' | tr ' ' '\n' | grep -v '^$' >"$work/keys"
}
start "$KPITREE --db $db --keys ?" 100 60
shows "q              quit" "the help lists the browser's keys"
help_keys

# The keys a manual's section or subsection tags (the line after each
# .TP) from heading $2 to heading $3, its escapes as the help writes them.
tags() {
	sed -n "/^\.S[HS] $2\$/,/^\.S[HS] $3\$/p" "$1" | awk 'prev ~ /^\.TP/ { print } { prev = $0 }' |
		sed 's/^\.[A-Z]* //; s/"//g; s/\\(da/↓/g; s/\\(ua/↑/g; s/\\(<-/←/g; s/\\(->/→/g; s/\\-/-/g' |
		tr ' ' '\n' | grep -v '^$'
}
# manual KEYS_FILE WHAT EN_FROM EN_TO JA_FROM JA_TO: both pages tag
# every key of the help read into KEYS_FILE.
manual() {
	for page in en ja; do
		if [ $page = en ]; then
			tags "$srcdir/man/kpitree.1" "$3" "$4" >"$work/tags"
		else
			tags "$srcdir/man/ja/kpitree.1" "$5" "$6" >"$work/tags"
		fi
		missing=""
		while read -r key; do
			# ":" is the command line: its commands are the tags
			if [ "$key" = : ]; then
				grep -q '^:' "$work/tags" || missing="$missing $key"
			else
				grep -qxF -- "$key" "$work/tags" || missing="$missing $key"
			fi
		done <"$1"
		[ -s "$1" ] && [ -z "$missing" ]
		ok $? "the $page manual lists every key of $2"
		[ -n "$missing" ] && echo "# missing:$missing"
	done
}
manual "$work/keys" "the browser's help" BROWSER "Keys of the value form" ブラウザー 入力フォームのキー

# The value form's help.
start "$KPITREE --db $db --user tanaka --year R7 --keys ':goto Space H06 Enter e ?'" 100 60
shows "cancel: nothing is saved" "? in the form lists the form's keys"
help_keys
manual "$work/keys" "the form's help" "Keys of the value form" "REVIEW MEETINGS" 入力フォームのキー 見直し会議

# The dashboard's help.
start "$KPITREE --db $db --user tanaka --year R7 --keys 'd ?'" 100 60
shows "go to the KPI in the tree" "? in the dashboard lists the dashboard's keys"
help_keys
manual "$work/keys" "the dashboard's help" "The dashboard" Presentation ダッシュボード プレゼンテーション

# The presentation's help: a meeting on the first project, presented.
start "$KPITREE --db $db --user tanaka --year R7" 100 60
keys : "meeting start 鍵の会議" Enter
shows "meeting 1 started" "a meeting starts"
keys p '?'
shows "mark an open action item done" "? in the presentation lists the presentation's keys"
help_keys
manual "$work/keys" "the presentation's help" Presentation Ranks プレゼンテーション "評価 (ランク)"
no_reports
