#!/bin/sh
# bar_en.sh: tests/screen/bar.sh in English.
lang=en
. "$srcdir/tests/screen/bar.sh"
