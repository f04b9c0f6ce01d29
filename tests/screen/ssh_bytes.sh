#!/bin/sh
# ssh_bytes.sh: what a cursor move costs an official over SSH, measured
# where it is paid: the bytes that come out of the client's ssh through a
# real sshd on loopback (tests/screen/sshd.sh), for a Japanese key and an
# English one, each move at most 100 bytes; a page down at most 2 KB.
. "$srcdir/tests/screen/root.sh"
. "$srcdir/tests/screen/lib.sh"
. "$srcdir/tests/screen/sshd.sh"
ssh_test kpitree-b

plan 15

ssh_service_home || exit 1
ssh_officials ja english && ssh_english_viewer
ok $? "a Japanese key and an English one"
start_sshd
ok $? "sshd listens on 127.0.0.1"
[ -f "$work/sshd.pid" ] || { sed 's/^/# /' "$work/sshd.log"; finish; }
no_terminal_over_ssh 13 && { no_reports; finish; }

# quiet FILE: waits until FILE has not grown for a second (at most 10 s)
# and prints its size.
quiet() {
	last=-1
	same=0
	i=0
	while [ $same -lt 5 ] && [ $i -lt 50 ]; do
		sleep 0.2
		n=$(wc -c <"$1")
		if [ "$n" = "$last" ]; then same=$((same + 1)); else same=0; fi
		last=$n
		i=$((i + 1))
	done
	echo "$last"
}

# cost KEY FILE: the bytes that KEY makes the browser send, once
# the screen is still.
cost() {
	before=$(quiet "$2")
	keys "$1"
	after=$(quiet "$2")
	echo $((after - before))
}

for key in viewer english; do
	# the default bar: both rows are drawn again, whole (its figures said)
	raw="$work/raw.$key"
	: >"$raw"
	start "ssh -tt $ssh_opts -i $work/$key $svc@127.0.0.1 | tee $raw"
	shows "1 「誰もが安心して暮" "($key) the browser is up over ssh"
	each=""
	for move in j j k j; do
		each="$each $move=$(cost "$move" "$raw")"
	done
	echo "# ($key) a cursor move over ssh with the bar:$each bytes"
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
done
no_reports
finish
