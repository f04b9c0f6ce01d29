# speak.sh: the interface's language for a screen test sourced with
# $lang set: en (C.UTF-8), ja (ja_JP.UTF-8, this build's catalogue) or
# xx (ja_JP.UTF-8 with a catalogue that changes every message), and the
# messages as that interface writes them, from the catalogue under test
# (gettext(1)): t, tf, pre, tn, a form's line (field) and the years R7
# and R6 as it writes them. Sets $program, the kpitree to run.
unset LANGUAGE LC_ALL LC_MESSAGES KPITREE_LANG

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
# field LABEL VALUE: a form's line, the label padded to 10 columns.
field() {
	w=$(printf '%s' "$1" | LC_ALL=ja_JP.UTF-8 wc -L)
	printf '%s%*s%s' "$1" $((10 - w)) "" "$2"
}
# The years as the interface writes them: Japanese only in Japanese.
if [ "$lang" = ja ]; then r7="令和7年度" r6="令和6年度"; else r7="R7 (2025)" r6="R6 (2024)"; fi
