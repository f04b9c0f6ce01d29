#!/bin/sh
# reading_en.sh: tests/screen/reading.sh in English.
lang=en
. "$srcdir/tests/screen/reading.sh"
