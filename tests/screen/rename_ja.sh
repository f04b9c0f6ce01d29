#!/bin/sh
# rename_ja.sh: tests/screen/rename.sh in Japanese.
lang=ja
. "$srcdir/tests/screen/rename.sh"
