#!/bin/sh
# status_en.sh: tests/screen/status.sh in English.
lang=en
. "$srcdir/tests/screen/status.sh"
