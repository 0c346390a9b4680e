# shellcheck shell=bash
# The steps testbed.sh, keystone.sh, glance.sh and cluster.sh share: sourced
# by them, not run. Before using these functions a script sets
#   TAG            its log prefix ([TAG] ...)
#   RUN, LOGD      its pid file and log directories (use_dirs)
#   START_TIMEOUT  seconds wait_for waits
#   PGROOT, PGDATA, PG_PORT   (only for the pg_* functions)

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TB_DIR="${UCINDER_TESTBED_DIR:-/var/tmp/ucinder-testbed}"
TESTBED_CONF="$TB_DIR/etc/cinder.conf"   # written by testbed.sh on every start

# The noauth Cinder API of the test bed (testbed.sh).
PROJECT="${UCINDER_TESTBED_PROJECT:-0123456789abcdef0123456789abcdef}"
TOKEN="admin:$PROJECT"
API_HOST=127.0.0.1
API_PORT="${UCINDER_TESTBED_API_PORT:-8776}"
ENDPOINT="http://$API_HOST:$API_PORT"

PGBIN=/usr/lib/postgresql/15/bin
PY=/usr/bin/python3          # never a pyenv/venv python: OpenStack lives in dist-packages

log() { printf '[%s] %s\n' "$TAG" "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }

# die MESSAGE [LOGFILE...]: print the message plus the tail of the given logs, exit 1
die() {
    local msg="$1" f; shift || true
    printf '[%s] ERROR: %s\n' "$TAG" "$msg" >&2
    for f in "$@"; do
        if [ -s "$f" ]; then
            printf '[%s] ---- last lines of %s ----\n' "$TAG" "$f" >&2
            tail -n 30 "$f" >&2
        fi
    done
    exit 1
}

use_dirs() {   # use_dirs DIR: ETC, STATE, LOGD (logs) and RUN (pid files) under DIR
    ETC="$1/etc" STATE="$1/state" LOGD="$1/log" RUN="$1/run"
}

print_exports() {   # print_exports NAME=VALUE...: the lines `eval "$(... env)"` wants
    local assignment
    for assignment in "$@"; do printf 'export %s\n' "$assignment"; done
}

# dispatch USAGE [COMMAND [ARG...]]: runs the script's cmd_COMMAND with the
# ARGs; no or an unknown COMMAND prints "usage: SCRIPT USAGE" and exits 2
dispatch() {
    local usage="$1" command="${2:-}"
    shift $(( $# < 2 ? $# : 2 ))
    if [[ "$command" =~ ^[a-z]+$ ]] && declare -F "cmd_$command" >/dev/null; then
        "cmd_$command" "$@"
    else
        printf 'usage: %s %s\n' "$0" "$usage" >&2
        exit 2
    fi
}

# write_atomic FILE: stdin to FILE.tmp, then renamed over FILE
write_atomic() { cat > "$1.tmp" && mv "$1.tmp" "$1"; }

# ----------------------------------------------------------------- packages
packages_installed() {   # packages_installed PKG...: all of them installed
    local p st
    for p in "$@"; do
        st="$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)"
        [ "$st" = installed ] || return 1
    done
}

# One install at a time on this machine, each script's whole install step
# (the check, apt, the steps after it): run-tests.sh installs Keystone's and
# Glance's packages in the background while the tests start, and a test may
# run keystone.sh or glance.sh meanwhile. apt's own lock covers neither
# debconf's answers nor policy-rc.d nor a script's steps after apt. Nothing
# started under the lock keeps it: apt runs with the lock's descriptor closed.
INSTALL_LOCK=/run/lock/ucinder-testbed-install.lock
[ -d /run/lock ] || INSTALL_LOCK=/tmp/ucinder-testbed-install.lock
with_install_lock() {   # with_install_lock FUNCTION: FUNCTION holding the lock
    exec {INSTALL_LOCK_FD}>>"$INSTALL_LOCK"
    flock -w 1800 "$INSTALL_LOCK_FD" || die "another test bed install held $INSTALL_LOCK for 30 minutes"
    "$1"
    exec {INSTALL_LOCK_FD}>&-
}

# install_packages PKG... with the debconf answers on stdin. Maintainer
# scripts must not start daemons (a policy-rc.d answering 101 while apt runs;
# an existing one is restored); other helpers may be installing too (waits
# for the dpkg lock); apt-get update only when the lists look stale.
install_packages() {
    [ "$(id -u)" = 0 ] || die "install needs root"
    export DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true
    debconf-set-selections
    PRC=/usr/sbin/policy-rc.d PRC_BACKUP=""
    if [ -e "$PRC" ]; then PRC_BACKUP="$(mktemp)"; cp -p "$PRC" "$PRC_BACKUP"; fi
    printf '#!/bin/sh\nexit 101\n' > "$PRC"; chmod 755 "$PRC"
    trap restore_policy_rc EXIT
    local aptlog; aptlog="$(mktemp "/tmp/ucinder-$TAG-apt.XXXXXX")"
    local opts=(-y --no-install-recommends --no-upgrade -o DPkg::Lock::Timeout=600
                -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    log "apt-get install $* (log: $aptlog)"
    if ! apt-get install "${opts[@]}" "$@" >"$aptlog" 2>&1 {INSTALL_LOCK_FD}>&-; then
        if grep -qE 'Unable to locate package|Failed to fetch|404  Not Found|has no installation candidate' "$aptlog"; then
            log "package lists look stale: apt-get update and retry"
            apt-get update >>"$aptlog" 2>&1 {INSTALL_LOCK_FD}>&- || die "apt-get update failed" "$aptlog"
            apt-get install "${opts[@]}" "$@" >>"$aptlog" 2>&1 {INSTALL_LOCK_FD}>&- || die "apt-get install failed" "$aptlog"
        else
            die "apt-get install failed" "$aptlog"
        fi
    fi
    restore_policy_rc; trap - EXIT
    packages_installed "$@" || die "packages still not installed after apt-get" "$aptlog"
}

restore_policy_rc() {
    if [ -n "$PRC_BACKUP" ]; then cp -p "$PRC_BACKUP" "$PRC"; rm -f "$PRC_BACKUP"; else rm -f "$PRC"; fi
}

disable_initscripts() {   # disable_initscripts NAME...: the packages' own daemons never start at boot
    local s
    for s in "$@"; do
        if [ -x "/etc/init.d/$s" ] && command -v update-rc.d >/dev/null; then
            update-rc.d -f "$s" disable >/dev/null 2>&1 || true
        fi
    done
}

# ----------------------------------------------------------------- processes
pid_of() {   # pid_of NAME: prints the pid if $RUN/NAME.pid names a live process
    local f="$RUN/$1.pid" p
    [ -s "$f" ] || return 1
    p="$(cat "$f")"
    [ -n "$p" ] && kill -0 "$p" 2>/dev/null || return 1
    echo "$p"
}

alive_or_die() {   # alive_or_die NAME MESSAGE [LOGFILE...]
    pid_of "$1" >/dev/null || die "$2" "${@:3}"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_daemon NAME OUTFILE COMMAND...: COMMAND in its own session (so stop
# reaches its workers), stdout+stderr to OUTFILE, pid in $RUN/NAME.pid; a
# no-op while NAME runs. Environment for COMMAND: `env VAR=value command`.
start_daemon() {
    local name="$1" out="$2"; shift 2
    pid_of "$name" >/dev/null && return 0
    setsid "$@" >"$out" 2>&1 </dev/null &
    echo $! > "$RUN/$name.pid"
}

# start_cinder NAME BINARY CONF LOGBASE [ARG...]: /usr/bin/BINARY (cinder-api, ...)
# with the test bed's driver on PYTHONPATH, log LOGBASE.log, output LOGBASE.out;
# ARGs follow (e.g. a second --config-file)
start_cinder() {
    local name="$1" binary="$2" conf="$3" logbase="$4"; shift 4
    start_daemon "$name" "$logbase.out" env PYTHONPATH="$HERE${PYTHONPATH:+:$PYTHONPATH}" \
        "/usr/bin/$binary" --config-file "$conf" --log-file "$logbase.log" "$@"
}

# stop_daemon NAME [SECONDS]: TERM NAME's process group (forked workers,
# rabbitmq's beam behind its sh wrapper), KILL what is left after SECONDS (15)
stop_daemon() {
    local name="$1" grace="${2:-15}" p i
    p="$(pid_of "$name")" || { rm -f "$RUN/$name.pid"; return 0; }
    kill -TERM -- "-$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null || true
    for ((i = 0; i < grace * 5; i++)); do
        kill -0 -- "-$p" 2>/dev/null || kill -0 "$p" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 -- "-$p" 2>/dev/null || kill -0 "$p" 2>/dev/null; then
        log "$name (pid $p) did not stop within ${grace}s, killing"
        kill -KILL -- "-$p" 2>/dev/null || kill -KILL "$p" 2>/dev/null || true
    fi
    rm -f "$RUN/$name.pid"
}

# wait_for WHAT CHECK [LOGFILE...]: runs the command CHECK until it succeeds;
# dies after $START_TIMEOUT s with WHAT, $WAIT_PROBLEMS (set by CHECK if it
# likes) and the logs. CHECK itself dies when a process it waits for exits.
wait_for() {
    local what="$1" check="$2" deadline; shift 2
    deadline=$(( $(date +%s) + START_TIMEOUT ))
    WAIT_PROBLEMS=""
    until $check; do
        [ "$(date +%s)" -lt "$deadline" ] \
            || die "$what not ready within ${START_TIMEOUT}s${WAIT_PROBLEMS:+: $WAIT_PROBLEMS}" "$@"
        sleep 0.3
    done
}

# ----------------------------------------------------------------- postgres
# A private PostgreSQL 15 cluster in $PGROOT (owned by postgres: data/,
# sock/, postgres.log), trust auth, TCP on 127.0.0.1:$PG_PORT only.
# Durability is traded for speed (fsync off): throw-away test databases.
as_postgres() { su postgres -s /bin/sh -c "$1"; }

psql_c() {   # psql_c DB SQL: run SQL, print the result rows unaligned
    "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -tAc "$2"
}

pg_pid() {   # prints the postmaster's pid if it is alive
    local p
    [ -s "$PGDATA/postmaster.pid" ] || return 1
    p="$(head -n 1 "$PGDATA/postmaster.pid")"
    [ -n "$p" ] && kill -0 "$p" 2>/dev/null || return 1
    echo "$p"
}

pg_start() {   # pg_start [SERVER OPTION...]: initdb when new, start unless running
    mkdir -p "$PGROOT"
    chown postgres:postgres "$PGROOT"; chmod 700 "$PGROOT"
    if [ ! -s "$PGDATA/PG_VERSION" ]; then
        rm -rf "$PGDATA"
        log "initdb $PGDATA"
        as_postgres "$PGBIN/initdb -D '$PGDATA' --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync" \
            >"$LOGD/initdb.log" 2>&1 || die "initdb $PGDATA failed" "$LOGD/initdb.log"
    fi
    mkdir -p "$PGROOT/sock"; chown postgres:postgres "$PGROOT/sock"
    pg_pid >/dev/null && return 0
    as_postgres "$PGBIN/pg_ctl -D '$PGDATA' -l '$PGROOT/postgres.log' -w -t 60 \
        -o \"-p $PG_PORT -h 127.0.0.1 -k $PGROOT/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off $*\" start" \
        >"$LOGD/pg_ctl.log" 2>&1 || die "postgres did not start" "$LOGD/pg_ctl.log" "$PGROOT/postgres.log"
}

pg_stop() {
    pg_pid >/dev/null || return 0
    as_postgres "$PGBIN/pg_ctl -D '$PGDATA' -m fast -w -t 30 stop" >/dev/null 2>&1 \
        || log "pg_ctl stop failed (see $PGROOT/postgres.log)"
}

# ----------------------------------------------------------------- cinder
api() {   # api METHOD PATH [curl args...]: the test bed's Cinder API, as admin of $PROJECT
    local m="$1" p="$2"; shift 2
    curl -sS -m 10 -X "$m" -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' \
        "$ENDPOINT/v3/$PROJECT$p" "$@"
}

require_testbed_conf() {
    [ -s "$TESTBED_CONF" ] || die "$TESTBED_CONF missing: start the test bed first (testbed.sh up)"
}

# derive_cinder_conf FILE [SED OPTION...]: the test bed's cinder.conf edited
# by sed, then stdin appended (more sections), written to FILE
derive_cinder_conf() {
    local file="$1"; shift
    require_testbed_conf
    { sed "$@" "$TESTBED_CONF"; echo; cat; } | write_atomic "$file"
}
