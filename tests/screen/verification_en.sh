#!/bin/sh
# verification_en.sh: tests/screen/verification.sh in English.
lang=en
. "$srcdir/tests/screen/verification.sh"
