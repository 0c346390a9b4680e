#!/bin/bash
# Real OpenStack Cinder (Debian 12 / Zed packages) test bed for ucinder.
#
#   testbed.sh install|start|stop|status|env|up|reset|logs [-f]
#
# Everything lives in ${UCINDER_TESTBED_DIR:-/var/tmp/ucinder-testbed}:
#   etc/    cinder.conf, api-paste.ini, resource_filters.json, rabbitmq.conf
#   state/  cinder.sqlite, volume files, locks, tooz, rabbitmq mnesia
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
CACHE="$TB_DIR/cache"
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
START_TIMEOUT="${UCINDER_TESTBED_START_TIMEOUT:-90}"

PY=/usr/bin/python3          # never a pyenv/venv python: cinder lives in dist-packages
PKGS=(cinder-api cinder-scheduler cinder-volume rabbitmq-server
      python3-cinderclient python3-openstackclient sqlite3 curl)
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
    local opts=(-y --no-install-recommends --no-upgrade -o Dpkg::Options::=--force-confdef
                -o Dpkg::Options::=--force-confold)
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
    for s in cinder-api cinder-scheduler cinder-volume rabbitmq-server; do
        if [ -x "/etc/init.d/$s" ] && command -v update-rc.d >/dev/null; then
            update-rc.d -f "$s" disable >/dev/null 2>&1 || true
        fi
    done
    log "installed"
}

# ----------------------------------------------------------------- config
write_config() {
    mkdir -p "$ETC" "$STATE" "$LOGD" "$RUN" "$CACHE" \
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

[database]
connection = sqlite:///$STATE/cinder.sqlite
sqlite_synchronous = false

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

db_sync() {
    # A fresh sqlite file is synced once per Cinder package version and kept as
    # a pristine template in cache/, so reset/cold starts only copy it.  When
    # the DB was already synced by this Cinder version, the (4-5 s, CPU-heavy)
    # no-op "cinder-manage db sync" is skipped; UCINDER_TESTBED_FORCE_SYNC=1
    # forces it.
    local db="$STATE/cinder.sqlite" ver tmpl marker
    ver="$(dpkg-query -W -f='${Version}' python3-cinder 2>/dev/null | tr -c 'A-Za-z0-9.\n' _)"
    tmpl="$CACHE/cinder-$ver.sqlite"
    marker="$STATE/cinder.sqlite.synced-$ver"
    if [ ! -s "$db" ]; then
        rm -f "$STATE"/cinder.sqlite.synced-* "$db-wal" "$db-shm"
        if [ -s "$tmpl" ]; then
            cp "$tmpl" "$db" && touch "$marker"
        fi
    fi
    if [ -e "$marker" ] && [ "${UCINDER_TESTBED_FORCE_SYNC:-0}" != 1 ]; then
        return 0
    fi
    if ! /usr/bin/cinder-manage --config-file "$CONF" --log-file "$LOGD/cinder-manage.log" \
            db sync >"$LOGD/cinder-manage.out" 2>&1; then
        die "cinder-manage db sync failed" "$LOGD/cinder-manage.out" "$LOGD/cinder-manage.log"
    fi
    # WAL lets the API and services read while another process writes.
    sqlite3 "$db" 'PRAGMA journal_mode=WAL;' >/dev/null 2>&1 || true
    if [ ! -s "$tmpl" ]; then cp "$db" "$tmpl.tmp" && mv "$tmpl.tmp" "$tmpl"; fi
    touch "$marker"
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
    [ -x /usr/bin/cinder-api ] && [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] \
        || die "Cinder/RabbitMQ not installed: run '$0 install' (or '$0 up')"
    local s any=""
    for s in "${ALL[@]}"; do pid_of "$s" >/dev/null && any=1; done
    if [ -n "$any" ]; then
        log "partially running or unhealthy: restarting everything"
        cmd_stop
    fi
    write_config
    start_rabbit                        # boots (~5-8 s) while we sync the DB
    start_fake_nova
    db_sync
    log "db synced after $(elapsed "$t0")s"
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
    log "stopped"
}

cmd_status() {
    local s p rc=0
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
    [ ${#files[@]} -gt 0 ] || die "no logs in $LOGD yet"
    if [ "${1:-}" = "-f" ]; then
        exec tail -n 20 -F "${files[@]}"
    fi
    tail -n "${1:-40}" "${files[@]}"
}

cmd_reset() {
    cmd_stop
    case "$TB_DIR" in /|"") die "refusing to wipe '$TB_DIR'";; esac
    rm -rf "$STATE" "$LOGD" "$RUN" "$ETC"     # cache/ (pristine DB) is kept
    cmd_start
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
