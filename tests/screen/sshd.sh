# sshd.sh: a private OpenSSH server for the SSH tests: on 127.0.0.1, on
# the first free port of a few tried, with the test's own host key and
# config, for the service account $svc whose keys are in $ak; and ssh_as
# to reach it with an official's key ($work/WHO). Sourced after lib.sh.

sshd_bin=$(command -v sshd || echo /usr/sbin/sshd)
for tool in "$sshd_bin" ssh ssh-keygen tmux; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is not installed (./bootstrap --tests installs it)"
		exit 0
	fi
done

# ssh_service_account PREFIX: $svc, whose home is $svc_home: as root a
# throwaway system user PREFIX$$, else the user running the test; as_svc
# runs a command as that account. Skips the test if it cannot be made.
ssh_service_account() {
	if [ "$(id -u)" -eq 0 ]; then
		# The account runs kpitree from a copy it can reach (the build
		# folder may be where it cannot enter, as under /root), with the
		# catalogues that a build tree's program finds beside it.
		mkdir "$work/bin"
		cp "$KPITREE" "$work/bin/kpitree" || exit 1
		[ ! -d "${KPITREE%/*}/locale" ] || cp -R "${KPITREE%/*}/locale" "$work/bin/" || exit 1
		chmod -R a+rX "$work/bin"
		KPITREE="$work/bin/kpitree"
		svc="$1$$"
		if ! useradd --system --no-create-home --home-dir "$svc_home" --shell /bin/sh "$svc" 2>"$work/useradd.err"; then
			echo "1..0 # SKIP cannot add a service account: $(cat "$work/useradd.err")"
			exit 0
		fi
		# sshd refuses an account with a locked password ("!") without PAM
		usermod -p '*' "$svc"
		as_svc() { runuser -u "$svc" -- "$@"; }
		# sshd's privilege separation needs its folder, made at boot elsewhere
		mkdir -p /run/sshd
	else
		svc=$(id -un)
		as_svc() { "$@"; }
	fi
}

# remove_service_account: the test's service account gone, its processes
# first: a session's watcher (kpitree's, deaf to the hang-up) may still
# run when the server has stopped, and userdel refuses an account in use.
remove_service_account() {
	[ "$svc" != "$(id -un)" ] || return 0
	for try in 1 2 3 4 5 6 7 8 9 10; do
		pkill -KILL -u "$svc" 2>/dev/null
		userdel "$svc" 2>/dev/null && return 0
		sleep 0.2
	done
	echo "# the service account $svc could not be removed" >&2
}

# ssh_test PREFIX: a test's service account (ssh_service_account) in
# $work/svc, and at exit the server stopped, the browsers' tmux ended,
# the account removed and the work folder too.
ssh_test() {
	svc_home="$work/svc"
	ssh_service_account "$1"
	trap 'stop_sshd; tmux -L "$sock" kill-server 2>/dev/null
		remove_service_account; rm -rf "$work"' EXIT
}

# ssh_service_home: the service account's folder $svc_home: its
# database $db (made by init), the log beside it, and its authorized_keys
# $ak; the work folder above it is only passed through.
ssh_service_home() {
	chmod 711 "$work"
	mkdir -p "$svc_home/.ssh"
	db="$svc_home/k.db"
	ak="$svc_home/.ssh/authorized_keys"
	: >"$ak"
	[ "$svc" != "$(id -un)" ] && chown -R "$svc" "$svc_home"
	chmod 700 "$svc_home/.ssh"
	as_svc "$KPITREE" --db "$db" init >/dev/null
}

# ssh_officials LANG [KEY...]: a key for each of viewer, editor, admin
# and the KEYs named ($work/WHO and WHO.pub), and the three officials in
# $ak, their forced commands in LANG (ja or en): sato the viewer, tanaka
# the editor of SP5, suzuki the admin. Returns non-zero on a failure.
ssh_officials() {
	lang=$1
	shift
	for who in viewer editor admin "$@"; do
		ssh-keygen -q -t ed25519 -N '' -C "$who@test" -f "$work/$who" || return 1
	done
	as_svc "$KPITREE" --db "$db" access add sato "$work/viewer.pub" --role viewer --lang "$lang" \
		--file "$ak" >/dev/null &&
		as_svc "$KPITREE" --db "$db" access add tanaka "$work/editor.pub" --role editor --scope SP5 \
			--lang "$lang" --file "$ak" >/dev/null &&
		as_svc "$KPITREE" --db "$db" access add suzuki "$work/admin.pub" --role admin --lang "$lang" \
			--file "$ak" >/dev/null
}

# ssh_english_viewer: yamada, a viewer whose key ($work/english, made by
# ssh_officials) is in English; the others' are Japanese.
ssh_english_viewer() {
	as_svc "$KPITREE" --db "$db" access add yamada "$work/english.pub" --role viewer --lang en \
		--file "$ak" >/dev/null
}

# audit_log: the audit log of $db (kpitree access log) in English, as
# the service account reads it.
audit_log() {
	as_svc "$KPITREE" --db "$db" --lang en access log
}

# sshd_config_own: the lines that make the server the test's own: its
# port, address, host key and pid file.
sshd_config_own() {
	cat <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $work/host_key
PidFile $work/sshd.pid
EOF
}

# sshd_config_text: the config for $port, with Debian's sftp subsystem
# and the lines of $sshd_extra; a test may define its own after
# sourcing this file.
sshd_config_text() {
	sshd_config_own
	cat <<EOF
AuthorizedKeysFile $ak
StrictModes no
AllowUsers $svc
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin no
AcceptEnv LANG LC_*
LogLevel VERBOSE
Subsystem sftp /usr/lib/openssh/sftp-server
${sshd_extra:-}
EOF
}

# start_sshd: sshd in the foreground, its pid in $work/sshd.pid, and
# $work/known_hosts and $ssh_opts for ssh_as. Returns 1 if none started.
start_sshd() {
	[ -f "$work/host_key" ] || ssh-keygen -q -t ed25519 -N '' -f "$work/host_key" || return 1
	tries=0
	while [ $tries -lt 20 ]; do
		port=$((20000 + ($$ * 7 + tries * 997) % 40000))
		sshd_config_text >"$work/sshd_config"
		"$sshd_bin" -D -e -f "$work/sshd_config" 2>"$work/sshd.log" &
		i=0
		while [ $i -lt 50 ]; do
			if grep -q "Server listening on 127.0.0.1 port $port" "$work/sshd.log" 2>/dev/null; then
				echo $! >"$work/sshd.pid"
				echo "[127.0.0.1]:$port $(cat "$work/host_key.pub")" >"$work/known_hosts"
				ssh_opts="-F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -o IdentityAgent=none"
				ssh_opts="$ssh_opts -o StrictHostKeyChecking=yes -o UserKnownHostsFile=$work/known_hosts"
				ssh_opts="$ssh_opts -o SendEnv=LANG -p $port"
				return 0
			fi
			kill -0 $! 2>/dev/null || break
			sleep 0.1
			i=$((i + 1))
		done
		kill $! 2>/dev/null
		tries=$((tries + 1))
	done
	return 1
}

# stop_sshd: the one start_sshd started.
stop_sshd() {
	[ -f "$work/sshd.pid" ] && kill "$(cat "$work/sshd.pid")" 2>/dev/null
	rm -f "$work/sshd.pid"
	sleep 0.2
}

# no_terminal_over_ssh N: true, with N tests skipped, when the service
# account is the user running the test: an sshd not run by root cannot
# hand a terminal to its user (chown to the tty group).
no_terminal_over_ssh() {
	[ "$svc" = "$(id -un)" ] || return 1
	i=0
	while [ $i -lt "$1" ]; do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP a terminal over ssh needs sshd run by root: run make check as root or with sudo"
		i=$((i + 1))
	done
	return 0
}

# ssh_as WHO [COMMAND...]: ssh with WHO's key as the service account.
ssh_as() {
	who=$1
	shift
	# shellcheck disable=SC2086
	ssh $ssh_opts -i "$work/$who" "$svc@127.0.0.1" -- "$@"
}
