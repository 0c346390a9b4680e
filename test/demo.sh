#!/usr/bin/env bash
# The README's set-up command runs this after `npm install`: it builds
# ucinder, starts the local Cinder test bed (installing it on a fresh
# machine) and drives it with ucinder the way an operator does (create a type, a volume, attach it, clean up).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
bash test/testbed/testbed.sh up
eval "$(bash test/testbed/testbed.sh env)"

run() {
  printf '\n$ %s\n' "$*"
  "$@"
}
ucinder() { ./bin/ucinder "$@"; }

suffix=$$
# A failing step in the middle must not leave demo volumes and types behind.
cleanup() {
  ./bin/ucinder volume delete --force --wait "demo-vol-$suffix" "demo-clone-$suffix" "demo-err-$suffix" >/dev/null 2>&1 || true
  ./bin/ucinder volume type delete "demo-mmj2-$suffix" "demo-nowhere-$suffix" >/dev/null 2>&1 || true
}
trap cleanup EXIT

run ucinder --version
run ucinder volume service list
run ucinder volume backend pool list --long
run ucinder volume type create --property volume_backend_name=mmj2 "demo-mmj2-$suffix"
run ucinder volume create --size 1 --type "demo-mmj2-$suffix" --wait "demo-vol-$suffix"
run ucinder volume list --long --name "demo-vol-$suffix"
run ucinder volume show "demo-vol-$suffix" -f json -c id -c status -c os-vol-host-attr:host
run ucinder volume snapshot create --volume "demo-vol-$suffix" --wait "demo-snap-$suffix"
run ucinder volume create --snapshot "demo-snap-$suffix" --wait "demo-clone-$suffix"
run ucinder volume snapshot delete --wait "demo-snap-$suffix"
# The attach flow up to the host side (this machine has no kernel iSCSI/RBD).
run ucinder init-connect "demo-vol-$suffix" --initiator iqn.2004-10.com.ubuntu:01:demo
run ucinder connection list
run ucinder connect "demo-vol-$suffix" --dry-run
run ucinder term-connect "demo-vol-$suffix"
# A type whose backend does not exist: --wait fails with Cinder's reason (exit 1).
run ucinder volume type create --property volume_backend_name=nowhere "demo-nowhere-$suffix"
if run ucinder volume create --size 1 --type "demo-nowhere-$suffix" --wait "demo-err-$suffix"; then
  echo "expected the volume to end in error" >&2; exit 1
else
  echo "(exit code $?)"
fi
run ucinder volume delete --wait "demo-vol-$suffix" "demo-clone-$suffix" "demo-err-$suffix"
run ucinder volume type delete "demo-mmj2-$suffix" "demo-nowhere-$suffix"
trap - EXIT
printf '\nThe test bed keeps running; stop it with: bash test/testbed/testbed.sh stop\n'
