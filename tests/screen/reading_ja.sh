#!/bin/sh
# reading_ja.sh: tests/screen/reading.sh in Japanese.
lang=ja
. "$srcdir/tests/screen/reading.sh"
