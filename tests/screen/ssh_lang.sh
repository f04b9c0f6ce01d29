#!/bin/sh
# ssh_lang.sh: officials over a real sshd (tests/screen/sshd.sh) see the
# browser in their key's language at 80x24, whatever their SSH client
# sends: no LANG at all (Tera Term, PuTTY), LC_ALL=C, macOS's
# LC_CTYPE=UTF-8, LANG=ja_JP.UTF-8 or LANG=C.UTF-8, every one passed by
# the server (AcceptEnv LANG LC_*). A key made by access add is Japanese
# unless --lang en: the Japanese tree is drawn whole and aligned, and an
# English key's screen is English. The client may not choose with --lang.
. "$srcdir/tests/screen/root.sh"
. "$srcdir/tests/screen/lib.sh"
. "$srcdir/tests/screen/sshd.sh"
ssh_test kpitree-l

plan 21

ssh_service_home || exit 1
# sato, the viewer, with a key of the default language; yamada in English.
ssh_officials ja english && ssh_english_viewer
ok $? "access add writes a Japanese key by default and an English one with --lang en"
start_sshd
ok $? "sshd listens on 127.0.0.1, passing the client's LANG and LC_*"
[ -f "$work/sshd.pid" ] || { sed 's/^/# /' "$work/sshd.log"; finish; }

# The client may not choose the language: it is the key's.
ssh_as viewer --lang en show H01 >"$work/out" 2>"$work/err"
[ $? -eq 1 ] && grep -q -- "--lang" "$work/err" && [ ! -s "$work/out" ]
ok $? "a client's --lang is refused: the language is the key's"

no_terminal_over_ssh 17 && { no_reports; finish; }
sends="-o SendEnv=LANG -o SendEnv=LC_*"
for client in "env -u LANG -u LC_ALL -u LC_CTYPE" "env -u LANG LC_ALL=C" \
	"env -u LANG -u LC_ALL LC_CTYPE=UTF-8" "env LANG=ja_JP.UTF-8" "env LANG=C.UTF-8"; do
	what=$(echo "$client" | sed 's/env //; s/-u [A-Z_]* *//g')
	start "$client ssh -tt $ssh_opts $sends -i $work/viewer $svc@127.0.0.1"
	shows "┌─ 戦略 " "(${what:-no LANG}) the viewer's browser is Japanese"
	shows "「誰もが安心して暮" "(${what:-no LANG}) its Japanese tree is drawn, not blanks"
	fits "(${what:-no LANG}) nothing runs past 80 columns or is cut in half"
done
start "env -u LANG -u LC_ALL -u LC_CTYPE ssh -tt $ssh_opts $sends -i $work/english $svc@127.0.0.1"
shows "┌─ Strategy " "an English key's browser is English, with no LANG sent"
fits "and fits as well"
no_reports
finish
