#!/bin/sh
# rename_en.sh: tests/screen/rename.sh in English.
lang=en
. "$srcdir/tests/screen/rename.sh"
