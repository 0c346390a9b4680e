#!/bin/bash
# Two extra cinder-volume processes forming an active/active cluster, next to
# the running test bed (which is left untouched).
#
#   cluster.sh start|stop|status|names|slow SECONDS|doing VOLUME_ID|kill NODE
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
# Staging a dead node (the active/active integration tests):
#   slow SECONDS     every create on the backend sleeps SECONDS first (0: off);
#                    no restart: the driver reads the knob file on each create
#   doing VOLUME_ID  prints the node sleeping in that volume's create
#   kill NODE        SIGKILLs NODE's whole process group (cinder-volume forks
#                    one child per backend), as a crash would: no clean shutdown
# The test bed's report_interval (2 s) and service_down_time (20 s) decide
# how soon Cinder sees a killed node down (see testbed.sh).
#
# Replication: the backend has one replication target, clbe-replica, so
# `volume host failover ucinder-cl1@clbe --volume-backend clbe-replica` runs
# for real (and `--volume-backend default` fails back), and a replicated
# volume group there lists it as its replication target.
#
# `stop` stops both processes and removes their service rows and the cluster
# row with cinder-manage (`cluster remove --recursive`), so the shared test
# bed stays clean even when a test already removed some of them.
set -euo pipefail
TAG=cluster
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # TB_DIR, the test bed's API, the shared steps

use_dirs "$TB_DIR/cluster"
CLUSTER=ucinder-cluster
BACKEND=clbe
ZONE=ucinder-cluster
NODES=(ucinder-cl1 ucinder-cl2)
START_TIMEOUT="${UCINDER_CLUSTER_START_TIMEOUT:-120}"
KNOBS="$TB_DIR/cluster/knobs"
REPLICA=clbe-replica
# The target's connection details, as a real array's replication_device holds
# them; admins see them in `volume group replication target list` (the
# password masked unless --show-secrets). Nothing connects to them.
REPLICA_PASSWORD=ucinder-replica-secret

write_config() {   # write_config NODE
    local node="$1" state
    state="$(sed -n 's/^state_path = //p' "$TESTBED_CONF")"
    mkdir -p "$ETC" "$LOGD" "$RUN" "$KNOBS" "$state/volumes/$BACKEND"
    derive_cinder_conf "$ETC/$node.conf" \
        -e "s/^host = .*/host = $node\ncluster = $CLUSTER/" \
        -e "s/^enabled_backends = .*/enabled_backends = $BACKEND/" <<EOF
[$BACKEND]
volume_backend_name = $BACKEND
volume_driver = ucinder_cluster_driver.UcinderClusterFileDriver
ucinder_protocol = iscsi
ucinder_data_dir = $state/volumes/$BACKEND
backend_availability_zone = $ZONE
ucinder_knob_dir = $KNOBS
replication_device = backend_id:$REPLICA,san_ip:127.0.0.21,san_login:ucinder,san_password:$REPLICA_PASSWORD
EOF
}

# exit 0 when both nodes report up in os-services and have finished their
# start (replication_status leaves not-capable once the driver's stats say
# it replicates, a few seconds after the first heartbeat: a failover asked
# before that is refused)
services_up() {
    api GET '/os-services?binary=cinder-volume' -m 5 -H 'OpenStack-API-Version: volume 3.26' 2>/dev/null \
        | NODES="${NODES[*]}" BACKEND="$BACKEND" "$PY" -c '
import json, os, sys
want = {"%s@%s" % (n, os.environ["BACKEND"]) for n in os.environ["NODES"].split()}
try:
    up = {s["host"] for s in json.load(sys.stdin)["services"]
          if s["state"] == "up" and s.get("replication_status") in ("enabled", "failed-over")}
except Exception:  # API restarting: not up yet
    sys.exit(1)
sys.exit(0 if want <= up else 1)'
}

nodes_up() {   # both nodes report up (else die when one exited)
    local node
    services_up && return 0
    for node in "${NODES[@]}"; do
        alive_or_die "$node" "cinder-volume $node exited" "$LOGD/$node.out" "$LOGD/$node.log"
    done
    return 1
}

cmd_start() {
    local node
    require_testbed_conf
    for node in "${NODES[@]}"; do
        pid_of "$node" >/dev/null && continue
        write_config "$node"
        start_cinder "$node" cinder-volume "$ETC/$node.conf" "$LOGD/$node"
    done
    wait_for "cluster nodes ${NODES[*]}" nodes_up "$LOGD/${NODES[0]}.log"
    log "up: ${NODES[*]/%/@$BACKEND} in cluster $CLUSTER@$BACKEND"
}

# stop [--keep-rows]: --keep-rows leaves the (now down) service rows for a test to remove.
cmd_stop() {
    local node
    for node in "${NODES[@]}"; do stop_daemon "$node" & done
    wait
    log "stopped ${NODES[*]}"
    if [ "${1:-}" != --keep-rows ]; then cmd_clean; fi
}

# Removes the nodes' service rows and the cluster row (whatever is left of them).
# Zed's `cluster remove` deletes the rows and then crashes while refreshing the
# object ("'NoneType' object has no attribute 'items'"), so success is judged by
# asking the API afterwards, not by cinder-manage's output.
cmd_clean() {
    cinder-manage --config-file "$TESTBED_CONF" cluster remove --recursive cinder-volume "$CLUSTER@$BACKEND" \
        >"$LOGD/cluster-remove.out" 2>&1 || true
    local left
    # An API that does not answer is reported below, not a silent exit (pipefail).
    left="$({ api GET '/os-services?binary=cinder-volume' -H 'OpenStack-API-Version: volume 3.7' 2>/dev/null || true; } \
        | BACKEND="$BACKEND" "$PY" -c '
import json, os, sys
try:
    hosts = [s["host"] for s in json.load(sys.stdin)["services"] if s["host"].endswith("@" + os.environ["BACKEND"])]
except Exception:
    hosts = ["(API not answering)"]
print(" ".join(hosts))')"
    if [ -n "$left" ]; then die "service rows left after cleanup: $left" "$LOGD/cluster-remove.out"; fi
    rm -rf "$KNOBS"
    log "removed the service rows and cluster $CLUSTER@$BACKEND"
}

cmd_names() { echo "cluster=$CLUSTER@$BACKEND zone=$ZONE hosts=${NODES[*]/%/@$BACKEND} replica=$REPLICA"; }

cmd_slow() {   # slow SECONDS
    [[ "${1:-}" =~ ^[0-9]+$ ]] || die "usage: cluster.sh slow SECONDS (0 turns it off)"
    mkdir -p "$KNOBS"
    if [ "$1" = 0 ]; then rm -f "$KNOBS/slow-create"; else echo "$1" | write_atomic "$KNOBS/slow-create"; fi
    log "create sleeps ${1}s"
}

cmd_doing() {   # doing VOLUME_ID: the node (host@backend) sleeping in that create
    local marker="$KNOBS/creating-${1:?usage: cluster.sh doing VOLUME_ID}"
    [ -s "$marker" ] || die "no node is creating $1 (yet)"
    cat "$marker"
}

cmd_kill() {   # kill NODE (ucinder-cl1, or ucinder-cl1@clbe)
    local node="${1%@*}" p
    [[ " ${NODES[*]} " == *" $node "* ]] || die "kill: not a cluster node: ${1:-} (nodes: ${NODES[*]})"
    p="$(pid_of "$node")" || die "kill: $node is not running"
    kill -KILL -- "-$p" 2>/dev/null || kill -KILL "$p"
    rm -f "$RUN/$node.pid"
    log "killed $node (process group $p) with SIGKILL"
}

cmd_status() {
    local node p rc=0
    for node in "${NODES[@]}"; do
        if p="$(pid_of "$node")"; then echo "$node running (pid $p)"; else echo "$node stopped"; rc=1; fi
    done
    return $rc
}

dispatch "{start|stop [--keep-rows]|clean|status|names|slow SECONDS|doing VOLUME_ID|kill NODE}" "$@"
