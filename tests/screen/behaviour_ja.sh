#!/bin/sh
# behaviour_ja.sh: tests/screen/behaviour.sh in Japanese.
lang=ja
. "$srcdir/tests/screen/behaviour.sh"
