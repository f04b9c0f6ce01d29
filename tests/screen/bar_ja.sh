#!/bin/sh
# bar_ja.sh: tests/screen/bar.sh in Japanese.
lang=ja
. "$srcdir/tests/screen/bar.sh"
