#!/bin/sh
# behaviour_xx.sh: tests/screen/behaviour.sh in a catalogue that changes every message.
lang=xx
. "$srcdir/tests/screen/behaviour.sh"
