#!/bin/sh
# behaviour_en.sh: tests/screen/behaviour.sh in English.
lang=en
. "$srcdir/tests/screen/behaviour.sh"
