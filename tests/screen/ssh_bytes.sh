#!/bin/sh
# ssh_bytes.sh: what a cursor move costs an official over SSH, measured
# where it is paid: the bytes that come out of the client's ssh through a
# real sshd on loopback (tests/screen/sshd.sh), for a Japanese key and an
# English one, each move at most 100 bytes with the bar and with the
# arrow, also once another official's value has changed the statuses of
# the rows moved over (their names as wide as those statuses leave them);
# a page down at most 2 KB.
. "$srcdir/tests/screen/root.sh"
. "$srcdir/tests/screen/lib.sh"
. "$srcdir/tests/screen/sshd.sh"
ssh_test kpitree-b

plan 23

ssh_service_home || exit 1
ssh_officials ja english && ssh_english_viewer
ok $? "a Japanese key and an English one"
start_sshd
ok $? "sshd listens on 127.0.0.1"
[ -f "$work/sshd.pid" ] || { sed 's/^/# /' "$work/sshd.log"; finish; }
no_terminal_over_ssh 21 && { no_reports; finish; }

for key in viewer english; do
	# the default bar: the two rows' numbers and names are drawn again
	raw="$work/raw.$key"
	: >"$raw"
	start "ssh -tt $ssh_opts -i $work/$key $svc@127.0.0.1 | tee $raw"
	shows "1 「誰もが安心して暮" "($key) the browser is up over ssh"
	most=0
	each=""
	for move in j j k j; do
		n=$(cost "$move" "$raw")
		each="$each $move=$n"
		[ "$n" -gt "$most" ] && most=$n
	done
	echo "# ($key) a cursor move over ssh with the bar:$each bytes"
	[ "$most" -gt 0 ] && [ "$most" -le 100 ]
	ok $? "($key) with the bar, a cursor move sends at most 100 bytes over ssh (most: $most)"
	keys g
	n=$(cost Enter "$raw")
	echo "# ($key) a row opened over ssh: $n bytes"
	n=$(cost NPage "$raw")
	[ "$n" -gt 0 ] && [ "$n" -le 2048 ]; ok $? "($key) a page down sends at most 2 KB over ssh ($n)"
	keys q

	# --cursor arrow, asked for by the client: > moves, nothing else
	raw="$work/arrow.$key"
	: >"$raw"
	start "ssh -tt $ssh_opts -i $work/$key $svc@127.0.0.1 browse --cursor arrow | tee $raw"
	shows ">▸ 1 「誰もが安心して暮" "($key) --cursor arrow marks the selected row with >"
	most=0
	each=""
	for move in j j k j g Enter j j j k; do
		n=$(cost "$move" "$raw")
		each="$each $move=$n"
		[ "$move" != Enter ] && [ "$n" -gt "$most" ] && most=$n
	done
	echo "# ($key) a cursor move over ssh with the arrow:$each bytes"
	[ "$most" -gt 0 ] && [ "$most" -le 100 ]
	ok $? "($key) with the arrow, a cursor move sends at most 100 bytes over ssh (most: $most)"
	screen | sed -n 4p | grep -q "^│>  ▸ 3 安心"; ok $? "($key) and the arrow is on the row moved to"
	screen | grep -c "^.>" | grep -qx 1; ok $? "($key) on that row alone"
	screen | head -6 | sed 's/^/# /'
	keys q

	# Another official's value under the first row gives its statuses
	# two kinds, its name fewer columns; cleared, the statuses are of one
	# kind again and the name as wide as they leave it, which costs a move
	# more: so make bench's national database, after its part due had set
	# and cleared values, sent 4 bytes more a move (101) than imported.
	as_svc "$KPITREE" --db "$db" --user planner set H01 R7 10 >/dev/null || exit 1
	raw="$work/mixed.$key"
	: >"$raw"
	start "ssh -tt $ssh_opts -i $work/$key $svc@127.0.0.1 | tee $raw"
	shows "1↓ 3?" "($key) another official's value shows in the first row's statuses"
	mixed=$(cost j "$raw")
	keys q
	as_svc "$KPITREE" --db "$db" --user planner set H01 R7 - >/dev/null || exit 1
	raw="$work/wide.$key"
	: >"$raw"
	start "ssh -tt $ssh_opts -i $work/$key $svc@127.0.0.1 | tee $raw"
	shows "… 4?" "($key) and, cleared, the row's statuses of one kind again"
	wide=$(cost j "$raw")
	keys q
	[ "$mixed" -gt 0 ] && [ "$wide" -gt "$mixed" ] && [ "$wide" -le 100 ]
	ok $? "($key) the name wider by the statuses' columns costs a move more, at most 100 bytes ($mixed, then $wide)"
done
no_reports
finish
