#!/bin/bash
# Two extra cinder-volume processes forming an active/active cluster, next to
# the running test bed (which is left untouched).
#
#   cluster.sh start|stop|status|names
#
# Each node gets its own config (a copy of the test bed's cinder.conf with
# `host = ucinder-clN`, `cluster = ucinder-cluster` and one backend `clbe`
# using ucinder_cluster_driver, data in state/volumes/clbe shared by both);
# tooz coordination uses the test bed's file:// backend. Service hosts are
# ucinder-cl1@clbe and ucinder-cl2@clbe, the cluster ucinder-cluster@clbe.
#
# The backend lives in its own availability zone (ucinder-cluster), so the
# scheduler never places other tests' volumes (zone "nova") on it; a test
# that wants a volume there passes --availability-zone ucinder-cluster.
#
# `stop` stops both processes and removes their service rows and the cluster
# row with cinder-manage (`cluster remove --recursive`), so the shared test
# bed stays clean even when a test already removed some of them.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TB_DIR="${UCINDER_TESTBED_DIR:-/var/tmp/ucinder-testbed}"
BASE_CONF="$TB_DIR/etc/cinder.conf"
C_DIR="$TB_DIR/cluster"
PROJECT="${UCINDER_TESTBED_PROJECT:-0123456789abcdef0123456789abcdef}"
ENDPOINT="http://127.0.0.1:${UCINDER_TESTBED_API_PORT:-8776}"
CLUSTER=ucinder-cluster
BACKEND=clbe
ZONE=ucinder-cluster
NODES=(ucinder-cl1 ucinder-cl2)
START_TIMEOUT="${UCINDER_CLUSTER_START_TIMEOUT:-120}"

log() { printf '[cluster] %s\n' "$*" >&2; }
die() {
    printf '[cluster] ERROR: %s\n' "$1" >&2; shift || true
    local f
    for f in "$@"; do [ -s "$f" ] && { printf '[cluster] ---- %s ----\n' "$f" >&2; tail -n 30 "$f" >&2; }; done
    exit 1
}

pid_of() {
    local f="$C_DIR/run/$1.pid" p
    [ -s "$f" ] || return 1
    p="$(cat "$f")"
    [ -n "$p" ] && kill -0 "$p" 2>/dev/null || return 1
    echo "$p"
}

write_config() {   # write_config NODE
    local node="$1" state
    state="$(sed -n 's/^state_path = //p' "$BASE_CONF")"
    mkdir -p "$C_DIR/etc" "$C_DIR/log" "$C_DIR/run" "$state/volumes/$BACKEND"
    sed -e "s/^host = .*/host = $node\ncluster = $CLUSTER/" \
        -e "s/^enabled_backends = .*/enabled_backends = $BACKEND/" \
        "$BASE_CONF" > "$C_DIR/etc/$node.conf.tmp"
    cat >> "$C_DIR/etc/$node.conf.tmp" <<EOF

[$BACKEND]
volume_backend_name = $BACKEND
volume_driver = ucinder_cluster_driver.UcinderClusterFileDriver
ucinder_protocol = iscsi
ucinder_data_dir = $state/volumes/$BACKEND
backend_availability_zone = $ZONE
EOF
    mv "$C_DIR/etc/$node.conf.tmp" "$C_DIR/etc/$node.conf"
}

services_up() {   # exit 0 when both nodes report up in os-services
    curl -sS -m 5 -H "X-Auth-Token: admin:$PROJECT" "$ENDPOINT/v3/$PROJECT/os-services?binary=cinder-volume" 2>/dev/null \
        | NODES="${NODES[*]}" BACKEND="$BACKEND" /usr/bin/python3 -c '
import json, os, sys
want = {"%s@%s" % (n, os.environ["BACKEND"]) for n in os.environ["NODES"].split()}
try:
    up = {s["host"] for s in json.load(sys.stdin)["services"] if s["state"] == "up"}
except Exception:  # API restarting: not up yet
    sys.exit(1)
sys.exit(0 if want <= up else 1)'
}

cmd_start() {
    [ -s "$BASE_CONF" ] || die "no $BASE_CONF: start the test bed first (testbed.sh up)"
    local node
    for node in "${NODES[@]}"; do
        pid_of "$node" >/dev/null && continue
        write_config "$node"
        PYTHONPATH="$HERE${PYTHONPATH:+:$PYTHONPATH}" setsid /usr/bin/cinder-volume \
            --config-file "$C_DIR/etc/$node.conf" --log-file "$C_DIR/log/$node.log" \
            >"$C_DIR/log/$node.out" 2>&1 </dev/null &
        echo $! > "$C_DIR/run/$node.pid"
    done
    local deadline=$(( $(date +%s) + START_TIMEOUT ))
    until services_up; do
        for node in "${NODES[@]}"; do
            pid_of "$node" >/dev/null || die "cinder-volume $node exited" "$C_DIR/log/$node.out" "$C_DIR/log/$node.log"
        done
        [ "$(date +%s)" -lt "$deadline" ] || die "nodes not up after ${START_TIMEOUT}s" "$C_DIR/log/${NODES[0]}.log"
        sleep 0.5
    done
    log "up: ${NODES[*]/%/@$BACKEND} in cluster $CLUSTER@$BACKEND"
}

stop_node() {
    local node="$1" p i
    p="$(pid_of "$node")" || { rm -f "$C_DIR/run/$node.pid"; return 0; }
    kill -TERM -- "-$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null || true
    for i in $(seq 1 75); do
        kill -0 -- "-$p" 2>/dev/null || kill -0 "$p" 2>/dev/null || break
        sleep 0.2
    done
    kill -KILL -- "-$p" 2>/dev/null || true
    rm -f "$C_DIR/run/$node.pid"
}

# stop [--keep-rows]: --keep-rows leaves the (now down) service rows for a test to remove.
cmd_stop() {
    local node
    for node in "${NODES[@]}"; do stop_node "$node" & done
    wait
    log "stopped ${NODES[*]}"
    if [ "${1:-}" != --keep-rows ]; then cmd_clean; fi
}

# Removes the nodes' service rows and the cluster row (whatever is left of them).
# Zed's `cluster remove` deletes the rows and then crashes while refreshing the
# object ("'NoneType' object has no attribute 'items'"), so success is judged by
# asking the API afterwards, not by cinder-manage's output.
cmd_clean() {
    cinder-manage --config-file "$BASE_CONF" cluster remove --recursive cinder-volume "$CLUSTER@$BACKEND" \
        >"$C_DIR/log/cluster-remove.out" 2>&1 || true
    local left
    left="$(curl -sS -m 10 -H "X-Auth-Token: admin:$PROJECT" -H 'OpenStack-API-Version: volume 3.7' \
        "$ENDPOINT/v3/$PROJECT/os-services?binary=cinder-volume" 2>/dev/null \
        | BACKEND="$BACKEND" /usr/bin/python3 -c '
import json, os, sys
try:
    hosts = [s["host"] for s in json.load(sys.stdin)["services"] if s["host"].endswith("@" + os.environ["BACKEND"])]
except Exception:
    hosts = ["(API not answering)"]
print(" ".join(hosts))')"
    if [ -n "$left" ]; then die "service rows left after cleanup: $left" "$C_DIR/log/cluster-remove.out"; fi
    log "removed the service rows and cluster $CLUSTER@$BACKEND"
}

cmd_status() {
    local node rc=0
    for node in "${NODES[@]}"; do
        if p="$(pid_of "$node")"; then echo "$node running (pid $p)"; else echo "$node stopped"; rc=1; fi
    done
    return $rc
}

case "${1:-}" in
    start)  cmd_start ;;
    stop)   shift; cmd_stop "$@" ;;
    clean)  cmd_clean ;;
    status) cmd_status ;;
    names)  echo "cluster=$CLUSTER@$BACKEND zone=$ZONE hosts=${NODES[*]/%/@$BACKEND}" ;;
    *)      echo "usage: $0 {start|stop [--keep-rows]|clean|status|names}" >&2; exit 2 ;;
esac
