#!/bin/sh
# verification_ja.sh: tests/screen/verification.sh in Japanese.
lang=ja
. "$srcdir/tests/screen/verification.sh"
