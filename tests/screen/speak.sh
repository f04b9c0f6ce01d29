# speak.sh: the interface's language for a screen test sourced with
# $lang set: en (C.UTF-8), ja (ja_JP.UTF-8, this build's catalogue) or
# xx (ja_JP.UTF-8 with a catalogue that changes every message), and the
# messages as that interface writes them (lib.sh's set_lang, t, tf, pre
# and tn), a form's line (field) and the years R7 and R6 as it writes
# them. Sets $program, the kpitree to run.
unset LANGUAGE LC_ALL LC_MESSAGES KPITREE_LANG

set_lang

# field LABEL VALUE: a form's line, the label padded to 10 columns.
field() {
	w=$(printf '%s' "$1" | LC_ALL=ja_JP.UTF-8 wc -L)
	printf '%s%*s%s' "$1" $((10 - w)) "" "$2"
}
# The years as the interface writes them: Japanese only in Japanese.
if [ "$lang" = ja ]; then r7="令和7年度" r6="令和6年度"; else r7="R7 (2025)" r6="R6 (2024)"; fi
