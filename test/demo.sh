#!/usr/bin/env bash
# The README's set-up command runs this after `npm install`: it builds
# ucinder, starts the local Cinder test bed (installing it on a fresh
# machine) and drives it with ucinder the way the seed's operator does.
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
run ucinder --version
run ucinder volume service list
run ucinder volume type create --property volume_backend_name=mmj2 "demo-mmj2-$suffix"
run ucinder volume create --size 1 --type "demo-mmj2-$suffix" --wait "demo-vol-$suffix"
run ucinder volume list --long --name "demo-vol-$suffix"
run ucinder volume show "demo-vol-$suffix" -f json -c id -c status -c os-vol-host-attr:host
if ./bin/ucinder help init-connect >/dev/null 2>&1; then
  run ucinder init-connect "demo-vol-$suffix" --initiator iqn.2004-10.com.ubuntu:01:demo
  run ucinder connection list
  run ucinder term-connect "demo-vol-$suffix"
fi
run ucinder volume delete --wait "demo-vol-$suffix"
run ucinder volume type delete "demo-mmj2-$suffix"
printf '\nThe test bed keeps running; stop it with: bash test/testbed/testbed.sh stop\n'
