#!/bin/bash
# Keystone (Debian 12 / Zed) in front of a second cinder-api, for ucinder's
# Keystone auth tests.  Optional part of the test bed: the noauth Cinder of
# testbed.sh must be up (it owns the DB, RabbitMQ and cinder-volume).
#
#   keystone.sh install|start|stop|status|env|up
#
# Runs, all on 127.0.0.1 and as background processes with pid files:
#   PostgreSQL 15   private cluster, port 5439   (Keystone on sqlite fails writes
#                   with "database is locked")
#   Keystone        keystone-wsgi-public on port 5000
#   cinder-api      auth_strategy = keystone on port 8786, sharing the test
#                   bed's cinder.sqlite and RabbitMQ
# and registers the block-storage endpoint:
#   public   http://127.0.0.1:8786/v3/%(project_id)s
#   internal http://127.0.0.1:8786/v3
# Files live in ${UCINDER_TESTBED_DIR:-/var/tmp/ucinder-testbed}/keystone.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TB_DIR="${UCINDER_TESTBED_DIR:-/var/tmp/ucinder-testbed}"
KS="$TB_DIR/keystone"
ETC="$KS/etc"
LOGD="$KS/log"
RUN="$KS/run"
PGDIR="$KS/pg"                       # owned by postgres: data/, sock/, postgres.log
CINDER_CONF="$TB_DIR/etc/cinder.conf"  # written by testbed.sh
KS_CINDER_CONF="$ETC/cinder-keystone.conf"
KS_CONF="$ETC/keystone.conf"

PG_PORT="${UCINDER_KEYSTONE_PG_PORT:-5439}"
KS_PORT="${UCINDER_KEYSTONE_PORT:-5000}"
CINDER_KS_PORT="${UCINDER_KEYSTONE_CINDER_PORT:-8786}"
AUTH_URL="http://127.0.0.1:$KS_PORT/v3"
REGION=RegionOne
PGBIN=/usr/lib/postgresql/15/bin
START_TIMEOUT="${UCINDER_TESTBED_START_TIMEOUT:-90}"
PY=/usr/bin/python3

# Fixed test identities (a test bed, not a secret store).
ADMIN_PASSWORD=ucinder-admin-pass
TEST_PROJECT=ucinder-project
TEST_USER=ucinder-user
TEST_PASSWORD=ucinder-pass
APPCRED_NAME=ucinder-appcred
APPCRED_SECRET=ucinder-appcred-secret
SERVICE_USER=cinder
SERVICE_PASSWORD=cinder-service-pass

PKGS=(keystone postgresql python3-psycopg2)

log()  { printf '[keystone] %s\n' "$*" >&2; }
die() {
    local msg="$1"; shift || true
    printf '[keystone] ERROR: %s\n' "$msg" >&2
    local f
    for f in "$@"; do
        if [ -s "$f" ]; then
            printf '[keystone] ---- last lines of %s ----\n' "$f" >&2
            tail -n 30 "$f" >&2
        fi
    done
    exit 1
}

# ----------------------------------------------------------------- install
all_installed() {
    local p st
    for p in "${PKGS[@]}"; do
        st="$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)"
        [ "$st" = installed ] || return 1
    done
}

cmd_install() {
    if all_installed; then return 0; fi
    [ "$(id -u)" = 0 ] || die "install needs root"
    export DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true
    # No dbconfig-common database, no admin tenant, no endpoint registration:
    # this script does all of that against its private PostgreSQL.
    debconf-set-selections <<'EOF'
keystone keystone/configure_db boolean false
keystone keystone/create-admin-tenant boolean false
keystone keystone/register-endpoint boolean false
EOF
    local PRC=/usr/sbin/policy-rc.d PRC_BACKUP=""
    if [ -e "$PRC" ]; then PRC_BACKUP="$(mktemp)"; cp -p "$PRC" "$PRC_BACKUP"; fi
    printf '#!/bin/sh\nexit 101\n' > "$PRC"; chmod 755 "$PRC"
    restore_prc() {
        if [ -n "$PRC_BACKUP" ]; then cp -p "$PRC_BACKUP" "$PRC"; rm -f "$PRC_BACKUP"; else rm -f "$PRC"; fi
    }
    trap restore_prc EXIT
    local aptlog; aptlog="$(mktemp /tmp/ucinder-keystone-apt.XXXXXX)"
    local opts=(-y --no-install-recommends --no-upgrade -o Dpkg::Options::=--force-confdef
                -o Dpkg::Options::=--force-confold)
    log "apt-get install ${PKGS[*]} (log: $aptlog)"
    if ! apt-get install "${opts[@]}" "${PKGS[@]}" >"$aptlog" 2>&1; then
        log "apt-get install failed: apt-get update and retry"
        apt-get update >>"$aptlog" 2>&1 || die "apt-get update failed" "$aptlog"
        apt-get install "${opts[@]}" "${PKGS[@]}" >>"$aptlog" 2>&1 || die "apt-get install failed" "$aptlog"
    fi
    restore_prc; trap - EXIT
    all_installed || die "packages still not installed" "$aptlog"
}

# ----------------------------------------------------------------- helpers
pid_of() {
    local f="$RUN/$1.pid" p
    [ -s "$f" ] || return 1
    p="$(cat "$f")"
    [ -n "$p" ] && kill -0 "$p" 2>/dev/null || return 1
    echo "$p"
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
as_postgres() { su postgres -s /bin/sh -c "$1"; }

wait_for() {   # wait_for DESCRIPTION COMMAND LOG...
    local what="$1" check="$2"; shift 2
    local deadline=$(( $(date +%s) + START_TIMEOUT ))
    until eval "$check"; do
        [ "$(date +%s)" -lt "$deadline" ] || die "$what not ready within ${START_TIMEOUT}s" "$@"
        sleep 0.3
    done
}

# ----------------------------------------------------------------- postgres
pg_running() { as_postgres "$PGBIN/pg_ctl -D '$PGDIR/data' status" >/dev/null 2>&1; }

start_postgres() {
    mkdir -p "$PGDIR"
    chown postgres:postgres "$PGDIR"
    if [ ! -s "$PGDIR/data/PG_VERSION" ]; then
        log "initdb $PGDIR/data"
        as_postgres "$PGBIN/initdb -D '$PGDIR/data' --auth=trust -U postgres -E UTF8 --locale=C.UTF-8" \
            >"$LOGD/initdb.log" 2>&1 || die "initdb failed" "$LOGD/initdb.log"
    fi
    mkdir -p "$PGDIR/sock"; chown postgres:postgres "$PGDIR/sock"
    if ! pg_running; then
        as_postgres "$PGBIN/pg_ctl -D '$PGDIR/data' -l '$PGDIR/postgres.log' -w -t 60 \
            -o \"-p $PG_PORT -h 127.0.0.1 -k $PGDIR/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" \
            >"$LOGD/pg_ctl.log" 2>&1 || die "postgres did not start" "$LOGD/pg_ctl.log" "$PGDIR/postgres.log"
    fi
    if ! as_postgres "psql -h 127.0.0.1 -p $PG_PORT -U postgres -tAc \"select 1 from pg_database where datname='keystone'\"" | grep -q 1; then
        as_postgres "createdb -h 127.0.0.1 -p $PG_PORT -U postgres keystone" || die "createdb keystone failed"
    fi
}

# ----------------------------------------------------------------- keystone
write_keystone_conf() {
    mkdir -p "$ETC/fernet-keys" "$ETC/credential-keys" "$LOGD" "$RUN"
    cat > "$KS_CONF.tmp" <<EOF
# Generated by $HERE/keystone.sh -- edits are overwritten on start.
[DEFAULT]
log_file = $LOGD/keystone.log
use_stderr = false
debug = false

[database]
connection = postgresql+psycopg2://postgres@127.0.0.1:$PG_PORT/keystone

[token]
provider = fernet
expiration = 3600

[fernet_tokens]
key_repository = $ETC/fernet-keys

[fernet_receipts]
key_repository = $ETC/fernet-keys

[credential]
key_repository = $ETC/credential-keys

[cache]
enabled = false
EOF
    mv "$KS_CONF.tmp" "$KS_CONF"
}

keystone_manage() { keystone-manage --config-file "$KS_CONF" "$@" >>"$LOGD/keystone-manage.log" 2>&1; }

keystone_setup() {
    local marker="$KS/.bootstrapped"
    [ -e "$marker" ] && return 0
    log "keystone-manage db_sync, fernet_setup, credential_setup, bootstrap"
    keystone_manage db_sync || die "keystone-manage db_sync failed" "$LOGD/keystone-manage.log"
    keystone_manage fernet_setup --keystone-user root --keystone-group root || die "fernet_setup failed" "$LOGD/keystone-manage.log"
    keystone_manage credential_setup --keystone-user root --keystone-group root || die "credential_setup failed" "$LOGD/keystone-manage.log"
    keystone_manage bootstrap --bootstrap-password "$ADMIN_PASSWORD" \
        --bootstrap-admin-url "$AUTH_URL" --bootstrap-public-url "$AUTH_URL" \
        --bootstrap-internal-url "$AUTH_URL" --bootstrap-region-id "$REGION" \
        || die "keystone-manage bootstrap failed" "$LOGD/keystone-manage.log"
    touch "$marker"
}

start_keystone() {
    pid_of keystone >/dev/null && return 0
    OS_KEYSTONE_CONFIG_FILES="$KS_CONF" setsid /usr/bin/keystone-wsgi-public \
        --host 127.0.0.1 --port "$KS_PORT" >"$LOGD/keystone.out" 2>&1 </dev/null &
    echo $! > "$RUN/keystone.pid"
}

keystone_answers() { curl -s -m 3 -o /dev/null "$AUTH_URL"; }

# Projects, users, roles, application credential and the block-storage
# endpoint, created idempotently in one Python process (the openstack CLI
# would take ~2 s per call).
seed_identities() {
    KS_URL="$AUTH_URL" ADMIN_PASSWORD="$ADMIN_PASSWORD" REGION="$REGION" \
    TEST_PROJECT="$TEST_PROJECT" TEST_USER="$TEST_USER" TEST_PASSWORD="$TEST_PASSWORD" \
    APPCRED_NAME="$APPCRED_NAME" APPCRED_SECRET="$APPCRED_SECRET" \
    SERVICE_USER="$SERVICE_USER" SERVICE_PASSWORD="$SERVICE_PASSWORD" \
    CINDER_URL="http://127.0.0.1:$CINDER_KS_PORT" \
        "$PY" "$HERE/keystone_seed.py" >"$LOGD/seed.log" 2>&1 || die "seeding Keystone failed" "$LOGD/seed.log"
}

# ----------------------------------------------------------------- cinder-api (keystone)
write_cinder_conf() {
    [ -s "$CINDER_CONF" ] || die "$CINDER_CONF missing: start the test bed first (testbed.sh up)"
    # The test bed's config with Keystone auth, another port, one worker.
    sed -e 's/^auth_strategy = .*/auth_strategy = keystone/' \
        -e "s/^osapi_volume_listen_port = .*/osapi_volume_listen_port = $CINDER_KS_PORT/" \
        -e 's/^osapi_volume_workers = .*/osapi_volume_workers = 1/' \
        "$CINDER_CONF" > "$KS_CINDER_CONF.tmp"
    cat >> "$KS_CINDER_CONF.tmp" <<EOF

[keystone_authtoken]
www_authenticate_uri = http://127.0.0.1:$KS_PORT
auth_url = http://127.0.0.1:$KS_PORT
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $SERVICE_USER
password = $SERVICE_PASSWORD
EOF
    mv "$KS_CINDER_CONF.tmp" "$KS_CINDER_CONF"
}

start_cinder_api() {
    pid_of cinder-api-keystone >/dev/null && return 0
    PYTHONPATH="$HERE${PYTHONPATH:+:$PYTHONPATH}" setsid /usr/bin/cinder-api \
        --config-file "$KS_CINDER_CONF" --log-file "$LOGD/cinder-api-keystone.log" \
        >"$LOGD/cinder-api-keystone.out" 2>&1 </dev/null &
    echo $! > "$RUN/cinder-api-keystone.pid"
}

cinder_answers() { curl -s -m 3 -o /dev/null "http://127.0.0.1:$CINDER_KS_PORT/"; }

healthy() {
    pg_running && pid_of keystone >/dev/null && pid_of cinder-api-keystone >/dev/null \
        && keystone_answers && cinder_answers && [ -e "$KS/.seeded" ]
}

# ----------------------------------------------------------------- commands
print_env() {
    cat <<EOF
export OS_AUTH_URL=$AUTH_URL
export OS_AUTH_TYPE=password
export OS_USERNAME=$TEST_USER
export OS_PASSWORD=$TEST_PASSWORD
export OS_PROJECT_NAME=$TEST_PROJECT
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=$REGION
export OS_INTERFACE=public
export OS_IDENTITY_API_VERSION=3
export UCINDER_KEYSTONE_ADMIN_PASSWORD=$ADMIN_PASSWORD
export UCINDER_KEYSTONE_APPCRED_NAME=$APPCRED_NAME
export UCINDER_KEYSTONE_APPCRED_SECRET=$APPCRED_SECRET
export UCINDER_KEYSTONE_CINDER=http://127.0.0.1:$CINDER_KS_PORT
EOF
}

cmd_start() {
    local t0; t0="$(date +%s.%N)"
    if healthy; then log "already running"; return 0; fi
    [ -x /usr/bin/keystone-wsgi-public ] && [ -x "$PGBIN/initdb" ] || die "Keystone/PostgreSQL not installed: run '$0 install'"
    mkdir -p "$ETC" "$LOGD" "$RUN"
    start_postgres
    write_keystone_conf
    keystone_setup
    start_keystone
    write_cinder_conf
    start_cinder_api          # its start-up overlaps with Keystone's
    wait_for "keystone on :$KS_PORT" 'pid_of keystone >/dev/null && keystone_answers || { pid_of keystone >/dev/null || die "keystone exited" "$LOGD/keystone.out" "$LOGD/keystone.log"; false; }' \
        "$LOGD/keystone.out" "$LOGD/keystone.log"
    if [ ! -e "$KS/.seeded" ]; then seed_identities; touch "$KS/.seeded"; fi
    wait_for "cinder-api (keystone) on :$CINDER_KS_PORT" 'cinder_answers || { pid_of cinder-api-keystone >/dev/null || die "cinder-api (keystone) exited" "$LOGD/cinder-api-keystone.out" "$LOGD/cinder-api-keystone.log"; false; }' \
        "$LOGD/cinder-api-keystone.out" "$LOGD/cinder-api-keystone.log"
    log "Keystone $AUTH_URL and cinder-api :$CINDER_KS_PORT up after $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')s"
}

stop_one() {
    local name="$1" p i
    p="$(pid_of "$name")" || { rm -f "$RUN/$name.pid"; return 0; }
    kill -TERM -- "-$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null || true
    for i in $(seq 1 50); do
        kill -0 -- "-$p" 2>/dev/null || kill -0 "$p" 2>/dev/null || break
        sleep 0.2
    done
    kill -KILL -- "-$p" 2>/dev/null || true
    rm -f "$RUN/$name.pid"
}

cmd_stop() {
    stop_one cinder-api-keystone
    stop_one keystone
    if [ -d "$PGDIR/data" ] && pg_running; then
        as_postgres "$PGBIN/pg_ctl -D '$PGDIR/data' -m fast stop" >/dev/null 2>&1 || true
    fi
    log "stopped"
}

cmd_status() {
    local rc=0
    if pg_running; then echo "postgres            running (port $PG_PORT)"; else echo "postgres            stopped"; rc=1; fi
    local s p
    for s in keystone cinder-api-keystone; do
        if p="$(pid_of "$s")"; then printf '%-19s running (pid %s)\n' "$s" "$p"; else printf '%-19s stopped\n' "$s"; rc=1; fi
    done
    keystone_answers && echo "keystone            $AUTH_URL answers" || { echo "keystone            $AUTH_URL not answering"; rc=1; }
    cinder_answers && echo "cinder-api          :$CINDER_KS_PORT answers" || { echo "cinder-api          :$CINDER_KS_PORT not answering"; rc=1; }
    [ $rc = 0 ] && echo healthy || echo "NOT healthy"
    return $rc
}

case "${1:-}" in
    install) cmd_install ;;
    start)   cmd_start ;;
    stop)    cmd_stop ;;
    status)  cmd_status ;;
    env)     print_env ;;
    up)      cmd_install; cmd_start ;;
    *) echo "usage: $0 {install|start|stop|status|env|up}" >&2; exit 2 ;;
esac
