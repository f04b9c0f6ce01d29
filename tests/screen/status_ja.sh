#!/bin/sh
# status_ja.sh: tests/screen/status.sh in Japanese.
lang=ja
. "$srcdir/tests/screen/status.sh"
