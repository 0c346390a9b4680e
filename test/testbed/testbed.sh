#!/bin/bash
# Real OpenStack Cinder (Debian 12 / Zed packages) test bed for ucinder.
#
#   testbed.sh install|start|stop|status|env|up|reset|logs [-f]
#
# Everything lives in ${UCINDER_TESTBED_DIR:-/var/tmp/ucinder-testbed}:
#   etc/    cinder.conf, api-paste.ini, resource_filters.json, rabbitmq.conf
#   state/  pg/ (private PostgreSQL cluster: Cinder's DB), volume files, locks,
#           tooz, rabbitmq mnesia
#   log/    one log per service (+ .out for stdout/stderr)
#   run/    pid files
# See README.md next to this script.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TB_DIR="${UCINDER_TESTBED_DIR:-/var/tmp/ucinder-testbed}"
ETC="$TB_DIR/etc"
STATE="$TB_DIR/state"
LOGD="$TB_DIR/log"
RUN="$TB_DIR/run"
CONF="$ETC/cinder.conf"

PROJECT="${UCINDER_TESTBED_PROJECT:-0123456789abcdef0123456789abcdef}"
TOKEN="admin:$PROJECT"
API_HOST=127.0.0.1
API_PORT="${UCINDER_TESTBED_API_PORT:-8776}"
ENDPOINT="http://$API_HOST:$API_PORT"
RABBIT_PORT="${UCINDER_TESTBED_RABBIT_PORT:-5679}"
RABBIT_DIST_PORT=$((RABBIT_PORT + 20000))
EPMD_PORT="${UCINDER_TESTBED_EPMD_PORT:-4370}"
NOVA_PORT="${UCINDER_TESTBED_NOVA_PORT:-18774}"   # fake keystone+nova (fake_nova.py)
PG_PORT="${UCINDER_TESTBED_PG_PORT:-5438}"        # private PostgreSQL holding Cinder's DB
PGBIN=/usr/lib/postgresql/15/bin
PGROOT="$STATE/pg"               # owned by postgres: data/, sock/, postgres.log
PGDATA="$PGROOT/data"
DB_URL="postgresql+psycopg2://postgres@127.0.0.1:$PG_PORT/cinder"
START_TIMEOUT="${UCINDER_TESTBED_START_TIMEOUT:-90}"

PY=/usr/bin/python3          # never a pyenv/venv python: cinder lives in dist-packages
PKGS=(cinder-api cinder-scheduler cinder-volume rabbitmq-server
      python3-cinderclient python3-openstackclient curl
      postgresql python3-psycopg2)
SERVICES=(cinder-api cinder-scheduler cinder-volume)
ALL=(rabbitmq fake-nova "${SERVICES[@]}")

log()  { printf '[testbed] %s\n' "$*" >&2; }
now()  { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }

# die MESSAGE [LOGFILE...]: print message plus the tail of the given logs
die() {
    local msg="$1"; shift || true
    printf '[testbed] ERROR: %s\n' "$msg" >&2
    local f
    for f in "$@"; do
        if [ -s "$f" ]; then
            printf '[testbed] ---- last lines of %s ----\n' "$f" >&2
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
    if all_installed; then
        log "all packages already installed (${PKGS[*]})"
        return 0
    fi
    [ "$(id -u)" = 0 ] || die "install needs root"
    export DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true
    # Answer the openstack-pkg-tools / dbconfig-common questions: no DB,
    # no rabbit, no keystone, no endpoint registration.
    debconf-set-selections <<'EOF'
cinder-common cinder/configure_db boolean false
cinder-common cinder/configure_rabbit boolean false
cinder-common cinder/configure_ksat boolean false
cinder-common cinder/volume_group string
cinder-common cinder/my-ip string
cinder-api cinder/configure_api-endpoint boolean false
EOF
    # Keep maintainer scripts from starting daemons (sysvinit/invoke-rc.d).
    PRC=/usr/sbin/policy-rc.d PRC_BACKUP=""
    if [ -e "$PRC" ]; then
        PRC_BACKUP="$(mktemp)"; cp -p "$PRC" "$PRC_BACKUP"
    fi
    printf '#!/bin/sh\nexit 101\n' > "$PRC"; chmod 755 "$PRC"
    restore_prc() {
        if [ -n "$PRC_BACKUP" ]; then cp -p "$PRC_BACKUP" "$PRC"; rm -f "$PRC_BACKUP"
        else rm -f "$PRC"; fi
    }
    trap restore_prc EXIT
    local aptlog; aptlog="$(mktemp /tmp/ucinder-testbed-apt.XXXXXX)"
    # (postgresql's postinst creates the default cluster 15/main; the policy-rc.d
    # above keeps it from being started and the test bed never uses it.)
    # Other helpers may be installing packages too: wait for the dpkg lock.
    local opts=(-y --no-install-recommends --no-upgrade -o DPkg::Lock::Timeout=600
                -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    log "apt-get install ${PKGS[*]} (log: $aptlog)"
    if ! apt-get install "${opts[@]}" "${PKGS[@]}" >"$aptlog" 2>&1; then
        if grep -qE 'Unable to locate package|Failed to fetch|404  Not Found|has no installation candidate' "$aptlog"; then
            log "package lists look stale: apt-get update and retry"
            apt-get update >>"$aptlog" 2>&1 || die "apt-get update failed" "$aptlog"
            apt-get install "${opts[@]}" "${PKGS[@]}" >>"$aptlog" 2>&1 \
                || die "apt-get install failed" "$aptlog"
        else
            die "apt-get install failed" "$aptlog"
        fi
    fi
    restore_prc; trap - EXIT
    all_installed || die "packages still not installed after apt-get" "$aptlog"
    # The Debian packages must not leave their own daemons behind.
    local s
    for s in cinder-api cinder-scheduler cinder-volume rabbitmq-server postgresql; do
        if [ -x "/etc/init.d/$s" ] && command -v update-rc.d >/dev/null; then
            update-rc.d -f "$s" disable >/dev/null 2>&1 || true
        fi
    done
    log "installed"
}

# ----------------------------------------------------------------- config
write_config() {
    mkdir -p "$ETC" "$STATE" "$LOGD" "$RUN" \
             "$STATE/locks" "$STATE/tooz" "$STATE/volumes/mmj" "$STATE/volumes/mmj2" \
             "$STATE/rabbitmq"
    cat > "$CONF.tmp" <<EOF
# Generated by $HERE/testbed.sh -- edits are overwritten on start.
[DEFAULT]
host = node1
my_ip = 127.0.0.1
state_path = $STATE
auth_strategy = noauth_include_project_id
enabled_backends = mmj,mmj2
transport_url = rabbit://guest:guest@127.0.0.1:$RABBIT_PORT/
osapi_volume_listen = $API_HOST
osapi_volume_listen_port = $API_PORT
osapi_volume_workers = 2
api_paste_config = $ETC/api-paste.ini
resource_query_filters_file = $ETC/resource_filters.json
glance_api_servers = http://127.0.0.1:9292
report_interval = 2
service_down_time = 20
periodic_interval = 5
periodic_fuzzy_delay = 0
backend_stats_polling_interval = 5
scheduler_driver_init_wait_time = 5
graceful_shutdown_timeout = 5
# Tests and benchmarks (2,000 volumes) must never hit the default quotas of 10.
quota_volumes = -1
quota_snapshots = -1
quota_gigabytes = -1
quota_backups = -1
quota_backup_gigabytes = -1
debug = false
use_stderr = false
# RPC requests one service handles at once (default 64 green threads). Each
# may hold a DB connection; 64 outran the pool below when the benchmark
# deleted 2,000 volumes ("QueuePool limit ... reached", volumes stuck in
# deleting). 32 keeps a burst queued in RabbitMQ instead.
executor_thread_pool_size = 32

[database]
# Private PostgreSQL (see start_postgres): sqlite answered concurrent writes
# with "database is locked" (HTTP 500).  Pools are bounded so that every
# process sharing this config (API workers, scheduler, volume + backends,
# keystone.sh's cinder-api, cluster.sh's nodes) fits in max_connections;
# 5 + 55 leaves room above the 32 RPC handlers and the API's bursts.
connection = $DB_URL
max_pool_size = 5
max_overflow = 55
pool_timeout = 60

[oslo_concurrency]
lock_path = $STATE/locks

[coordination]
backend_url = file://$STATE/tooz

[nova]
# fake_nova.py: lets DELETE /attachments of instance attachments succeed
token_auth_url = http://127.0.0.1:$NOVA_PORT/identity
timeout = 5

[oslo_policy]
policy_file = $ETC/policy.yaml

[oslo_messaging_rabbit]
# services are started while the broker is still booting: retry every second
rabbit_retry_interval = 1
rabbit_retry_backoff = 0
rabbit_interval_max = 1

[mmj]
volume_backend_name = mmj
volume_driver = ucinder_testbed_driver.UcinderFileDriver
ucinder_protocol = iscsi
ucinder_data_dir = $STATE/volumes/mmj

[mmj2]
volume_backend_name = mmj2
volume_driver = ucinder_testbed_driver.UcinderFileDriver
ucinder_protocol = rbd
ucinder_data_dir = $STATE/volumes/mmj2
EOF
    mv "$CONF.tmp" "$CONF"
    echo '{}' > "$ETC/policy.yaml"
    cat > "$ETC/api-paste.ini" <<'EOF'
[composite:osapi_volume]
use = call:cinder.api:root_app_factory
/: apiversions
/healthcheck: healthcheck
/v3: openstack_volume_api_v3

[composite:openstack_volume_api_v3]
use = call:cinder.api.middleware.auth:pipeline_factory
noauth = request_id cors http_proxy_to_wsgi faultwrap sizelimit osprofiler noauth apiv3
noauth_include_project_id = request_id cors http_proxy_to_wsgi faultwrap sizelimit osprofiler noauth_include_project_id apiv3
keystone = request_id cors http_proxy_to_wsgi faultwrap sizelimit osprofiler authtoken keystonecontext apiv3
keystone_nolimit = request_id cors http_proxy_to_wsgi faultwrap sizelimit osprofiler authtoken keystonecontext apiv3

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = cinder

[filter:faultwrap]
paste.filter_factory = cinder.api.middleware.fault:FaultWrapper.factory

[filter:osprofiler]
paste.filter_factory = osprofiler.web:WsgiMiddleware.factory

[filter:noauth]
paste.filter_factory = cinder.api.middleware.auth:NoAuthMiddleware.factory

[filter:noauth_include_project_id]
paste.filter_factory = cinder.api.middleware.auth:NoAuthMiddlewareIncludeProjectID.factory

[filter:sizelimit]
paste.filter_factory = oslo_middleware.sizelimit:RequestBodySizeLimiter.factory

[app:apiv3]
paste.app_factory = cinder.api.v3.router:APIRouter.factory

[pipeline:apiversions]
pipeline = request_id cors http_proxy_to_wsgi faultwrap osvolumeversionapp

[app:osvolumeversionapp]
paste.app_factory = cinder.api.versions:Versions.factory

[pipeline:healthcheck]
pipeline = request_id healthcheckapp

[app:healthcheckapp]
paste.app_factory = oslo_middleware:Healthcheck.app_factory
backends = disable_by_file
disable_by_file_path = /nonexistent/ucinder-testbed-healthcheck-disable

[filter:keystonecontext]
paste.filter_factory = cinder.api.middleware.auth:CinderKeystoneContext.factory

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory

[filter:request_id]
paste.filter_factory = cinder.api.middleware.request_id:RequestId.factory
EOF
    cat > "$ETC/resource_filters.json" <<'EOF'
{
    "volume": ["name", "status", "metadata",
               "bootable", "migration_status", "availability_zone",
               "group_id", "size", "created_at", "updated_at",
               "consumes_quota"],
    "backup": ["name", "status", "volume_id"],
    "snapshot": ["name", "status", "volume_id", "metadata",
                 "availability_zone", "consumes_quota"],
    "group": ["name"],
    "group_snapshot": ["name", "status", "group_id"],
    "attachment": ["volume_id", "status", "instance_id", "attach_status"],
    "message": ["resource_uuid", "resource_type", "event_id",
                "request_id", "message_level"],
    "pool": ["name", "volume_type"],
    "volume_type": ["is_public", "extra_specs"]
}
EOF
    printf 'loopback_users.guest = true\nlisteners.tcp.default = 127.0.0.1:%s\nlog.file.level = warning\n' \
        "$RABBIT_PORT" > "$ETC/rabbitmq.conf"
    echo '[].' > "$ETC/rabbitmq-enabled-plugins"
    : > "$ETC/rabbitmq-env.conf"
}

# ----------------------------------------------------------------- processes
pid_of() {   # prints pid if the pid file names a live process
    local f="$RUN/$1.pid" p
    [ -s "$f" ] || return 1
    p="$(cat "$f")"
    [ -n "$p" ] && kill -0 "$p" 2>/dev/null || return 1
    echo "$p"
}

rabbit_env() {
    export HOME="$STATE/rabbitmq"            # private .erlang.cookie
    export RABBITMQ_NODENAME="ucinder-testbed@localhost"
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT="$RABBIT_PORT"
    export RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT"
    export ERL_EPMD_PORT="$EPMD_PORT" ERL_EPMD_ADDRESS=127.0.0.1
    export RABBITMQ_MNESIA_BASE="$STATE/rabbitmq/mnesia"
    export RABBITMQ_LOG_BASE="$LOGD"
    export RABBITMQ_LOGS="$LOGD/rabbitmq.log"
    export RABBITMQ_CONFIG_FILE="$ETC/rabbitmq"
    export RABBITMQ_ADVANCED_CONFIG_FILE="$ETC/rabbitmq-advanced.config"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$ETC/rabbitmq-enabled-plugins"
    export RABBITMQ_CONF_ENV_FILE="$ETC/rabbitmq-env.conf"
    export RABBITMQ_PID_FILE="$RUN/rabbitmq-beam.pid"
    # no scheduler busy-waiting: leaves the 2 CPUs to the Python services
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_rabbit() {
    if pid_of rabbitmq >/dev/null; then return 0; fi
    (
        rabbit_env
        cd "$STATE/rabbitmq"
        setsid /usr/lib/rabbitmq/bin/rabbitmq-server >"$LOGD/rabbitmq.out" 2>&1 </dev/null &
        echo $! > "$RUN/rabbitmq.pid"
    )
}

wait_rabbit() {
    local i
    for i in $(seq 1 $((START_TIMEOUT * 5))); do
        port_open "$RABBIT_PORT" && return 0
        pid_of rabbitmq >/dev/null || die "rabbitmq-server exited during start-up" \
            "$LOGD/rabbitmq.out" "$LOGD/rabbitmq.log"
        sleep 0.2
    done
    die "rabbitmq did not listen on 127.0.0.1:$RABBIT_PORT within ${START_TIMEOUT}s" \
        "$LOGD/rabbitmq.out" "$LOGD/rabbitmq.log"
}

start_cinder() {   # start_cinder NAME
    local name="$1"
    if pid_of "$name" >/dev/null; then return 0; fi
    PYTHONPATH="$HERE${PYTHONPATH:+:$PYTHONPATH}" setsid "/usr/bin/$name" \
        --config-file "$CONF" --log-file "$LOGD/$name.log" \
        >"$LOGD/$name.out" 2>&1 </dev/null &
    echo $! > "$RUN/$name.pid"
}

start_fake_nova() {
    if pid_of fake-nova >/dev/null; then return 0; fi
    setsid "$PY" "$HERE/fake_nova.py" "$NOVA_PORT" >"$LOGD/fake-nova.log" 2>&1 </dev/null &
    echo $! > "$RUN/fake-nova.pid"
}

# ----------------------------------------------------------------- postgres
# Cinder's database is a private PostgreSQL 15 cluster in state/pg (owned by
# the postgres user, trust auth, TCP on 127.0.0.1:$PG_PORT only, its unix
# socket in state/pg/sock).  Durability is traded for speed (fsync off): it is
# a throw-away test database.
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

start_postgres() {
    mkdir -p "$PGROOT"
    chown postgres:postgres "$PGROOT"; chmod 700 "$PGROOT"
    if [ ! -s "$PGDATA/PG_VERSION" ]; then
        rm -rf "$PGDATA"
        as_postgres "$PGBIN/initdb -D '$PGDATA' --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync" \
            >"$LOGD/initdb.log" 2>&1 || die "initdb $PGDATA failed" "$LOGD/initdb.log"
    fi
    mkdir -p "$PGROOT/sock"; chown postgres:postgres "$PGROOT/sock"
    pg_pid >/dev/null && return 0
    # max_connections: every Cinder process has its own pool (max_pool_size +
    # max_overflow = 60, see cinder.conf) -- API parent and 2 workers,
    # scheduler, volume parent and 2 backends, keystone.sh's cinder-api (2),
    # cluster.sh's nodes (4), cinder-manage: 14 x 60 = 840 < 1000.
    as_postgres "$PGBIN/pg_ctl -D '$PGDATA' -l '$PGROOT/postgres.log' -w -t 60 \
        -o \"-p $PG_PORT -h 127.0.0.1 -k $PGROOT/sock -c max_connections=1000 \
              -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" \
        >"$LOGD/pg_ctl.log" 2>&1 || die "postgres did not start" "$LOGD/pg_ctl.log" "$PGROOT/postgres.log"
}

stop_postgres() {
    pg_pid >/dev/null || return 0
    as_postgres "$PGBIN/pg_ctl -D '$PGDATA' -m fast -w -t 30 stop" >/dev/null 2>&1 \
        || log "pg_ctl stop failed (see $PGROOT/postgres.log)"
}

cinder_manage_sync() {
    /usr/bin/cinder-manage --config-file "$CONF" --log-file "$LOGD/cinder-manage.log" \
        db sync >"$LOGD/cinder-manage.out" 2>&1 \
        || die "cinder-manage db sync failed" "$LOGD/cinder-manage.out" "$LOGD/cinder-manage.log"
}

# db_prepare [fresh]: make sure database "cinder" exists and is synced.
# "cinder-manage db sync" (CPU-heavy, several seconds) runs once per Cinder
# package version: a freshly synced, empty DB is copied to the template
# database cinder_pristine, so a fresh or reset "cinder" is one
# CREATE DATABASE ... TEMPLATE (well under a second).  The marker is the
# database's comment ("synced by cinder <version>"); an existing DB synced by
# another version is upgraded in place.  "fresh" (reset) recreates "cinder".
# UCINDER_TESTBED_FORCE_SYNC=1 forces a sync of "cinder".
db_prepare() {
    local fresh="${1:-}" marker dbs cur tmpl
    marker="synced by cinder $(dpkg-query -W -f='${Version}' python3-cinder 2>/dev/null)"
    dbs="$(psql_c postgres "select datname || '|' || coalesce(shobj_description(oid, 'pg_database'), '')
                            from pg_database where datname in ('cinder', 'cinder_pristine')")" \
        || die "cannot query PostgreSQL on 127.0.0.1:$PG_PORT" "$PGROOT/postgres.log"
    cur="$(sed -n 's/^cinder|//p' <<<"$dbs")"
    tmpl="$(sed -n 's/^cinder_pristine|//p' <<<"$dbs")"
    if grep -q '^cinder_pristine|' <<<"$dbs" && [ "$tmpl" != "$marker" ]; then
        psql_c postgres 'drop database cinder_pristine' >/dev/null   # other Cinder version
        tmpl=""
    fi
    if [ "$fresh" = fresh ] && grep -q '^cinder|' <<<"$dbs"; then
        # WITH (FORCE): keystone.sh's cinder-api or cluster.sh's nodes may still be connected
        psql_c postgres 'drop database cinder with (force)' >/dev/null
        dbs="$(grep -v '^cinder|' <<<"$dbs" || true)"; cur=""
    fi
    if ! grep -q '^cinder|' <<<"$dbs"; then
        if [ "$tmpl" = "$marker" ]; then
            psql_c postgres 'create database cinder template cinder_pristine' >/dev/null \
                || die "create database cinder from template failed" "$PGROOT/postgres.log"
            psql_c postgres "comment on database cinder is '$marker'" >/dev/null
            [ "${UCINDER_TESTBED_FORCE_SYNC:-0}" = 1 ] && cinder_manage_sync
            return 0
        fi
        psql_c postgres 'create database cinder' >/dev/null || die "create database cinder failed" "$PGROOT/postgres.log"
        cinder_manage_sync
        psql_c postgres "comment on database cinder is '$marker'" >/dev/null
        # No Cinder process is connected yet: the copy cannot conflict.
        psql_c postgres 'create database cinder_pristine template cinder' >/dev/null \
            || die "create database cinder_pristine failed" "$PGROOT/postgres.log"
        psql_c postgres "comment on database cinder_pristine is '$marker'" >/dev/null
        return 0
    fi
    if [ "$cur" != "$marker" ] || [ "${UCINDER_TESTBED_FORCE_SYNC:-0}" = 1 ]; then
        cinder_manage_sync
        psql_c postgres "comment on database cinder is '$marker'" >/dev/null
    fi
}

# ----------------------------------------------------------------- health
api() {   # api METHOD PATH [curl args...]
    local m="$1" p="$2"; shift 2
    curl -sS -m 10 -X "$m" -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' \
        "$ENDPOINT/v3/$PROJECT$p" "$@"
}

# Prints one line per problem; exit 0 when everything is ready.
health_problems() {
    local svc pools
    if ! curl -s -m 3 -o /dev/null "$ENDPOINT/"; then
        echo "api: GET $ENDPOINT/ does not answer"; return 1
    fi
    svc="$(api GET /os-services 2>/dev/null || true)"
    pools="$(api GET '/scheduler-stats/get_pools?detail=true' -m 4 2>/dev/null || true)"
    SVC="$svc" POOLS="$pools" "$PY" - <<'EOF'
import json, os, sys
bad = []
try:
    svcs = json.loads(os.environ["SVC"])["services"]
except Exception:
    print("api: os-services not readable: %s" % os.environ["SVC"][:200]); sys.exit(1)
want = {("cinder-scheduler", "node1"), ("cinder-volume", "node1@mmj"), ("cinder-volume", "node1@mmj2")}
seen = {(s["binary"], s["host"]): s for s in svcs}
for k in sorted(want):
    s = seen.get(k)
    if not s:
        bad.append("%s %s: not registered" % k)
    elif s["state"] != "up" or s["status"] != "enabled":
        bad.append("%s %s: %s/%s" % (k[0], k[1], s["status"], s["state"]))
try:
    pools = {p["name"] for p in json.loads(os.environ["POOLS"])["pools"]}
except Exception:
    pools = set()
for p in ("node1@mmj#mmj", "node1@mmj2#mmj2"):
    if p not in pools:
        bad.append("scheduler: no capabilities yet for pool %s" % p)
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
EOF
}

all_pids_alive() {
    local s
    pg_pid >/dev/null || return 1
    for s in "${ALL[@]}"; do pid_of "$s" >/dev/null || return 1; done
}

healthy() { all_pids_alive && health_problems >/dev/null 2>&1; }

print_env() {
    cat <<EOF
export OS_ENDPOINT=$ENDPOINT
export OS_AUTH_TYPE=noauth
export OS_PROJECT_ID=$PROJECT
export OS_TOKEN=$TOKEN
EOF
}

print_ready() {
    log "Cinder API: $ENDPOINT  (v3: $ENDPOINT/v3/$PROJECT, token $TOKEN)"
    print_env
}

# ----------------------------------------------------------------- commands
cmd_start() {
    local t0; t0="$(now)"
    if healthy; then
        log "already running and healthy"
        print_ready; return 0
    fi
    [ -x /usr/bin/cinder-api ] && [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] && [ -x "$PGBIN/initdb" ] \
        && "$PY" -c 'import psycopg2' 2>/dev/null \
        || die "Cinder/RabbitMQ/PostgreSQL not installed: run '$0 install' (or '$0 up')"
    local s any=""
    for s in "${ALL[@]}"; do pid_of "$s" >/dev/null && any=1; done
    if [ -n "$any" ]; then
        log "partially running or unhealthy: restarting everything"
        cmd_stop
    fi
    write_config
    start_rabbit                        # boots (~5-8 s) while we prepare the DB
    start_fake_nova
    start_postgres
    log "postgres up after $(elapsed "$t0")s"
    db_prepare "${RESET_DB:-}"
    log "db ready after $(elapsed "$t0")s"
    # Start the Cinder services right away: their Python start-up overlaps
    # with the broker boot and oslo.messaging retries the connection.
    for s in "${SERVICES[@]}"; do start_cinder "$s"; done
    wait_rabbit
    log "rabbitmq up after $(elapsed "$t0")s"
    log "waiting for API, services and pool capabilities..."
    local deadline problems=""
    deadline=$(( $(date +%s) + START_TIMEOUT ))
    while :; do
        for s in "${SERVICES[@]}"; do
            pid_of "$s" >/dev/null || die "$s exited during start-up" \
                "$LOGD/$s.out" "$LOGD/$s.log"
        done
        pid_of rabbitmq >/dev/null || die "rabbitmq-server died" "$LOGD/rabbitmq.out" "$LOGD/rabbitmq.log"
        pid_of fake-nova >/dev/null || die "fake_nova.py died" "$LOGD/fake-nova.log"
        pg_pid >/dev/null || die "postgres died" "$PGROOT/postgres.log"
        if problems="$(health_problems 2>&1)"; then break; fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            die "not healthy after ${START_TIMEOUT}s: $problems" \
                "$LOGD/cinder-api.log" "$LOGD/cinder-scheduler.log" "$LOGD/cinder-volume.log"
        fi
        sleep 0.3
    done
    log "started in $(elapsed "$t0")s"
    print_ready
}

stop_one() {   # stop_one NAME: TERM the process group, KILL after a grace period
    local name="$1" p i
    p="$(pid_of "$name")" || { rm -f "$RUN/$name.pid"; return 0; }
    kill -TERM -- "-$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null || true
    # wait for the whole process group (rabbitmq's beam outlives its sh
    # wrapper; cinder-api/-volume have forked workers)
    for i in $(seq 1 75); do
        kill -0 -- "-$p" 2>/dev/null || kill -0 "$p" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 -- "-$p" 2>/dev/null || kill -0 "$p" 2>/dev/null; then
        log "$name (pid $p) did not stop within 15s, killing"
        kill -KILL -- "-$p" 2>/dev/null || kill -KILL "$p" 2>/dev/null || true
    fi
    rm -f "$RUN/$name.pid"
}

cmd_stop() {
    local s
    for s in "${SERVICES[@]}"; do stop_one "$s" & done
    wait
    stop_one fake-nova
    if pid_of rabbitmq >/dev/null; then
        stop_one rabbitmq
    fi
    rm -f "$RUN/rabbitmq.pid" "$RUN/rabbitmq-beam.pid"
    # the private epmd (own port) started by our Erlang node
    ( rabbit_env; epmd -port "$EPMD_PORT" -kill >/dev/null 2>&1 || true )
    # last: keystone.sh's cinder-api and cluster.sh's nodes may still use it
    stop_postgres
    log "stopped"
}

cmd_status() {
    local s p rc=0
    if p="$(pg_pid)"; then
        printf '%-18s running (pid %s, 127.0.0.1:%s)\n' postgres "$p" "$PG_PORT"
    else
        printf '%-18s stopped\n' postgres; rc=1
    fi
    for s in "${ALL[@]}"; do
        if p="$(pid_of "$s")"; then
            printf '%-18s running (pid %s)\n' "$s" "$p"
        else
            printf '%-18s stopped\n' "$s"; rc=1
        fi
    done
    if curl -s -m 3 -o /dev/null "$ENDPOINT/"; then
        printf '%-18s %s\n' "api" "$ENDPOINT answers"
        api GET /os-services 2>/dev/null | "$PY" -c '
import json, sys
try:
    for s in json.load(sys.stdin)["services"]:
        print("  %-18s %-14s %-8s %s" % (s["binary"], s["host"], s["status"], s["state"]))
except Exception as e:
    print("  os-services unreadable: %s" % e)' || true
    else
        printf '%-18s %s\n' "api" "$ENDPOINT not answering"
    fi
    local problems
    if problems="$(health_problems 2>&1)" && [ $rc = 0 ]; then
        echo "healthy"
    else
        [ -n "$problems" ] && printf '%s\n' "$problems"
        echo "NOT healthy"; rc=1
    fi
    return $rc
}

cmd_logs() {
    local files=() f
    for f in rabbitmq.log cinder-manage.log cinder-api.log cinder-scheduler.log cinder-volume.log; do
        [ -e "$LOGD/$f" ] && files+=("$LOGD/$f")
    done
    [ -e "$PGROOT/postgres.log" ] && files+=("$PGROOT/postgres.log")
    [ ${#files[@]} -gt 0 ] || die "no logs in $LOGD yet"
    if [ "${1:-}" = "-f" ]; then
        exec tail -n 20 -F "${files[@]}"
    fi
    tail -n "${1:-40}" "${files[@]}"
}

cmd_reset() {
    cmd_stop
    case "$TB_DIR" in /|"") die "refusing to wipe '$TB_DIR'";; esac
    # state/pg (the PostgreSQL cluster with the pristine template DB) is kept;
    # the "cinder" database is recreated from the template by db_prepare.
    if [ -d "$STATE" ]; then
        find "$STATE" -mindepth 1 -maxdepth 1 ! -name pg -exec rm -rf {} +
    fi
    rm -rf "$LOGD" "$RUN" "$ETC"
    RESET_DB=fresh cmd_start
}

usage() {
    cat >&2 <<EOF
usage: $0 {install|start|stop|status|env|up [--keystone]|reset|logs [-f|N]}
  state dir: $TB_DIR   API: $ENDPOINT   project: $PROJECT
EOF
    exit 2
}

case "${1:-}" in
    install) cmd_install ;;
    start)   cmd_start ;;
    stop)    cmd_stop ;;
    status)  cmd_status ;;
    env)     print_env ;;
    up)      cmd_install; cmd_start
             # Optional Keystone + keystone-auth cinder-api (keystone.sh); the noauth start stays as it is.
             if [ "${2:-}" = --keystone ] || [ "${UCINDER_TESTBED_KEYSTONE:-0}" = 1 ]; then
                 bash "$HERE/keystone.sh" up
             fi ;;
    reset)   cmd_reset ;;
    logs)    shift; cmd_logs "$@" ;;
    *)       usage ;;
esac
