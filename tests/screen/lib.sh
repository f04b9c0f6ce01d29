# lib.sh: the browser in tmux for the screen tests: each browser in a
# session of its own at 80x24, keys sent to it, its screen read back. On
# top of tests/cli/lib.sh (TAP, a work folder, $KPITREE).
. "$srcdir/tests/cli/lib.sh"
sock="kpitree-screen-$$"
export LANG=C.UTF-8 TERM=xterm-256color
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$work"' EXIT

sess=0
screen() { tmux -L "$sock" capture-pane -p -t "s$sess"; }
keys() { tmux -L "$sock" send-keys -t "s$sess" "$@"; }

# start COMMAND [COLUMNS LINES]: the browser in a session of its own,
# 80x24 unless told, its standard error kept; the one before goes (a new
# name each time: a session being killed can linger).
start() {
	old=$sess
	sess=$((sess + 1))
	tmux -L "$sock" new-session -d -x "${2:-80}" -y "${3:-24}" -s "s$sess" \
		"$1 2>>$work/stderr; sleep 60"
	[ "$old" -gt 0 ] && tmux -L "$sock" kill-session -t "s$old" 2>/dev/null
	return 0
}

# shows TEXT DESCRIPTION [READER]: the screen (as READER reads it,
# screen unless told) comes to show TEXT within 3 seconds.
shows() {
	i=0
	while [ $i -lt 30 ]; do
		if ${3:-screen} | grep -qF -- "$1"; then
			ok 0 "$2"
			return
		fi
		sleep 0.1
		i=$((i + 1))
	done
	ok 1 "$2"
	echo "# wanted: $1"
	screen | sed 's/^/# /'
}

# fits DESCRIPTION: every line of the screen takes at most 80 columns
# and none holds a replacement character: no wide character was cut in
# half.
fits() {
	screen >"$work/screen"
	[ "$(LANG=ja_JP.UTF-8 wc -L <"$work/screen")" -le 80 ] && ! grep -q "$(printf '\357\277\275')" "$work/screen"
	ok $? "$1"
}

# no_reports: nothing on the browsers' standard error, under the
# sanitizers (CI's second run) above all.
no_reports() {
	! grep -qE "runtime error|Sanitizer" "$work/stderr" 2>/dev/null
	ok $? "the browser wrote no error and no sanitizer report"
	[ -s "$work/stderr" ] && sed 's/^/# /' "$work/stderr" | head -20
	return 0
}

# set_lang: the interface of $lang for the browsers started after it, as
# $program: en (C.UTF-8), ja (ja_JP.UTF-8, this build's catalogue) or xx
# (ja_JP.UTF-8 with a catalogue that changes every message: á for a, é
# for e, ó for o), so that code deciding by a message's English words
# fails; the expected texts come from the catalogue under test (t, tf,
# pre).
set_lang() {
	program=$KPITREE
	case $lang in
	en)
		export LANG=C.UTF-8
		;;
	ja)
		export LANG=ja_JP.UTF-8
		locale_dir=$(dirname "$KPITREE")/locale
		;;
	xx)
		# The program finds a catalogue beside it: a copy of the program
		# with the changed one.
		export LANG=ja_JP.UTF-8
		mkdir -p "$work/xx/locale/ja/LC_MESSAGES"
		cp "$KPITREE" "$work/xx/kpitree"
		msgattrib --no-obsolete "$srcdir/po/ja.po" | msgfilter --keep-header sed -e d 2>/dev/null |
			msgen - | msgfilter --keep-header sed -e 's/a/á/g; s/e/é/g; s/o/ó/g' 2>/dev/null |
			msgfmt -o "$work/xx/locale/ja/LC_MESSAGES/kpitree.mo" -
		program=$work/xx/kpitree
		locale_dir=$work/xx/locale
		;;
	esac
}

# For the tests run in each language, with $lang (en, or ja and xx with
# $locale_dir, the catalogue's folder) set:
# t MSGID: the message as the interface under test writes it.
t() {
	if [ "$lang" = en ]; then
		printf '%s' "$1"
	else
		TEXTDOMAINDIR=$locale_dir LANGUAGE= LC_ALL=ja_JP.UTF-8 gettext -d kpitree -- "$1"
	fi
}
# tf FORMAT ARGS...: a translated printf format, filled.
tf() {
	f=$(t "$1")
	shift
	# shellcheck disable=SC2059 # the format is the catalogue's
	printf "$f" "$@"
}
# pre FORMAT: the translated format up to its first conversion.
pre() { t "$1" | sed 's/%.*//'; }
# tn SINGULAR PLURAL N: a translated plural format.
tn() {
	if [ "$lang" = en ]; then
		[ "$3" -eq 1 ] && printf '%s' "$1" || printf '%s' "$2"
	else
		TEXTDOMAINDIR=$locale_dir LANGUAGE= LC_ALL=ja_JP.UTF-8 ngettext -d kpitree -- "$1" "$2" "$3"
	fi
}

# quiet FILE: waits until FILE (what a browser sent, kept by tee or
# script) has not grown for a second (at most 10 s) and prints its size.
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

# cost KEY FILE: the bytes that KEY makes the browser send, once the
# screen is still; what they were is left in $work/sent.
cost() {
	before=$(quiet "$2")
	keys "$1"
	after=$(quiet "$2")
	tail -c +$((before + 1)) "$2" | head -c $((after - before)) >"$work/sent"
	echo $((after - before))
}
