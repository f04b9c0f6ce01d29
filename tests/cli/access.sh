#!/bin/sh
# access.sh: kpitree access writes, lists and removes its lines of an
# authorized_keys file; a key's forced command binds the official's role
# and scope, refuses the client's options that would widen them, and
# logs each refusal; due lists what an official's scope still owes.
# (tests/screen/ssh.sh runs the same through a real sshd.)
. "$srcdir/tests/cli/lib.sh"
plan 28
db="$work/k.db"
ak="$work/ssh/authorized_keys"
fixture "$db"; ok $? "the fixture loads"
ssh-keygen -q -t ed25519 -N '' -C tanaka@pc -f "$work/tanaka" &&
	ssh-keygen -q -t ed25519 -N '' -f "$work/sato"
ok $? "two keys"
abs_kpitree=$(readlink -f "$KPITREE")
abs_db=$(readlink -f "$db")

run --db "$db" access add tanaka "$work/tanaka.pub" --role editor --scope SP1 --scope HP1 --lang en --file "$ak"
expect 0 "" "access add writes an official's key"
[ "$(cat "$work/out")" = "tanaka (editor, project:SP1 priority:HP1): 1 key in $ak" ]
ok $? "and says who, with what role and scope"
[ "$(cat "$ak")" = "command=\"$abs_kpitree --db $abs_db --ssh-user tanaka --ssh-role editor --ssh-lang en --ssh-scope project:SP1 --ssh-scope priority:HP1\",restrict,pty $(cut -d' ' -f1-2 "$work/tanaka.pub") kpitree:tanaka" ]
ok $? "the line forces kpitree and the database by their full paths, restricted but for a terminal"
[ "$(stat -c %a "$ak")" = 600 ] && [ "$(stat -c %a "$work/ssh")" = 700 ]
ok $? "the file is 0600 in a folder of 0700"

run --db "$db" access add sato "$work/sato.pub" --file "$ak"
expect 2 "kpitree: access add needs --role viewer|editor|admin
Try 'kpitree --help'." "--role is required"
run --db "$db" access add sato "$work/sato.pub" --role boss --file "$ak"
expect 1 "kpitree: --role: no role 'boss' (viewer, editor, admin)" "an unknown role is refused"
run --db "$db" access add sato "$work/sato.pub" --role viewer --scope 旭川市 --file "$ak"
expect 1 "kpitree: scope '旭川市': no strategy, strategy project, grant project or municipality of that name" \
	"a scope the database does not know is refused"
run --db "$db" access add "-sato" "$work/sato.pub" --role viewer --file "$ak"
expect 1 "kpitree: '-sato' is not a name for an official (letters, digits, . _ - @)" "a name that could be an option is refused"
run --db "$db" access add sato "$work/sato" --role viewer --file "$ak"
expect 1 "kpitree: $work/sato: not a public key (TYPE BASE64 [COMMENT], as ssh-keygen writes it in a .pub file)" \
	"a private key is not a public key"
run --db "$db" access add sato "$work/tanaka.pub" --role viewer --file "$ak"
expect 1 "kpitree: $ak: that key is there already, for tanaka" "a key already in the file is refused"
run --db "$db" access add sato "$work/sato.pub" --role viewer --lang en --file "$ak"
expect 0 "" "a viewer without scope"
run --db "$db" access list --file "$ak"
[ "$(sed 's/  ssh-ed25519 .*//' "$work/out")" = "tanaka  editor  project:SP1 priority:HP1
sato  viewer  all" ]
ok $? "access list shows each key's official, role and scope"

# The forced command, as sshd runs it with the client's words.
forced() { "$abs_kpitree" --db "$abs_db" --ssh-user tanaka --ssh-role editor --ssh-lang en --ssh-scope project:SP1 "$@"; }
SSH_ORIGINAL_COMMAND="set SP1-1 R4 3" forced >"$work/out" 2>"$work/err"
status=$?
expect 0 "" "the editor sets a value in its scope"
"$KPITREE" --db "$db" history SP1-1 | tail -1 | grep -q "  tanaka  R4 (2022) actual  0 -> 3  (set)$"
ok $? "the history names the official"
SSH_ORIGINAL_COMMAND="set H01 R7 3" forced >"$work/out" 2>"$work/err"
status=$?
expect 1 "kpitree: not permitted: H01 is outside the scope of tanaka (editor, project:SP1)" \
	"outside its scope the editor is refused"
SSH_ORIGINAL_COMMAND="show H01 --user sato" forced >"$work/out" 2>"$work/err"
status=$?
expect 1 "kpitree: not permitted: --user is not for a key's command" "--user from the client is refused"
SSH_ORIGINAL_COMMAND="backup /tmp/x.db" forced >"$work/out" 2>"$work/err"
status=$?
expect 1 "kpitree: not permitted: tanaka (editor, project:SP1) may not backup" "an editor does not back up"
SSH_ORIGINAL_COMMAND="show 'H01" forced >"$work/out" 2>"$work/err"
status=$?
expect 2 "kpitree: a single quote not closed
Try 'kpitree --help'." "an open quote is a usage error"
grep -c "^20.*Z refused tanaka (editor, project:SP1): " "$db-access.log" | grep -qx 3 &&
	grep -q " refused tanaka (editor, project:SP1): set H01 R7 3: H01 is outside the scope of tanaka (editor, project:SP1)$" "$db-access.log"
ok $? "each refusal is one line of the log beside the database, with who and what"
SSH_ORIGINAL_COMMAND="set H01 R7 3" "$KPITREE" --db "$db" --user tanaka set H01 R7 4 >"$work/out" 2>"$work/err"
status=$?
expect 0 "" "without a key's forced command SSH_ORIGINAL_COMMAND means nothing"

# due: the official's KPIs without the year's actual.
run --db "$db" --user tanaka due --year R7 --file "$ak"
expect 0 "" "due runs for --user"
[ "$(cat "$work/out")" = "H02  せわずき・せわやき隊等の組織化" ]
ok $? "due lists the KPIs of the official's scope still lacking the year's actual"
run --db "$db" --user nobody due --year R7 --file "$ak"
[ "$(cut -d' ' -f1 "$work/out")" = "H02" ]
ok $? "an official without a key's scope is due everything"

run --db "$db" access remove tanaka --file "$ak"
expect 0 "" "access remove"
[ "$(sed 's/  ssh-ed25519 .*//' "$ak" | sed 's/.* kpitree://')" = "sato" ]
ok $? "leaves the other official's line"
run --db "$db" access remove tanaka --file "$ak"
expect 1 "kpitree: $ak: no key of 'tanaka'" "removing an official who has no key fails"
finish
