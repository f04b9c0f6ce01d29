#!/bin/sh
# keys_manual.sh: both manual pages list every key of the browser's help,
# which is made from the key table (ui/keymap.c): a key bound and left
# out of the manual fails here, in either language.
. "$srcdir/tests/screen/lib.sh"
plan 4
db="$work/k.db"
"$KPITREE" --db "$db" init >/dev/null

# The help in full (it fits at 100x60): each line's keys, before the
# two spaces that pad them from what they do.
start "$KPITREE --db $db --keys ?" 100 60
shows "q              quit" "the help lists the browser's keys"
screen | sed -n '3,$p' | sed 's/  .*//' | tr ' ' '\n' | grep -v '^$' >"$work/keys"

# The keys a manual's BROWSER section tags (the line after each .TP),
# its escapes as the help writes them.
tags() {
	sed -n "/^\.SH $2\$/,/^\.SH $3\$/p" "$1" | awk 'prev ~ /^\.TP/ { print } { prev = $0 }' |
		sed 's/^\.[A-Z]* //; s/"//g; s/\\(da/↓/g; s/\\(ua/↑/g; s/\\(<-/←/g; s/\\(->/→/g; s/\\-/-/g' |
		tr ' ' '\n' | grep -v '^$'
}
for page in en ja; do
	if [ $page = en ]; then
		tags "$srcdir/man/kpitree.1" BROWSER "REVIEW MEETINGS" >"$work/tags"
	else
		tags "$srcdir/man/ja/kpitree.1" ブラウザー 見直し会議 >"$work/tags"
	fi
	missing=""
	while read -r key; do
		# ":" is the command line: its commands are the tags
		if [ "$key" = : ]; then
			grep -q '^:' "$work/tags" || missing="$missing $key"
		else
			grep -qxF -- "$key" "$work/tags" || missing="$missing $key"
		fi
	done <"$work/keys"
	[ -s "$work/keys" ] && [ -z "$missing" ]
	ok $? "the $page manual lists every key of the browser's help"
	[ -n "$missing" ] && echo "# missing:$missing"
done
no_reports
