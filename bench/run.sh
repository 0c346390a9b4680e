#!/usr/bin/env bash
# `npm run bench`: builds ucinder, starts the Cinder test bed if needed, runs
# every benchmark side by side against it and writes bench/RESULTS.md.
#   STARTUP_ROUNDS (9)  rounds of the start-up / round-trip comparison
#   SCALE_VOLUMES (2000), SCALE_ROUNDS (3)  the `volume list` scale test
#   BULK_VOLUMES (100), BULK_ROUNDS (1)     the bulk delete test
#   KEYSTONE_ROUNDS (9)                     volume list through Keystone (warm token cache)
#   ENTRY_ROUNDS (15)                       one-shot start-up (--version, --help, TAB, volume list)
#   UCINDER_BASELINE=other/bin/ucinder      also measure another build in the entry rounds
#   STATUS_VOLUMES (2000), STATUS_ROUNDS (3) `ucinder status` next to the openstack listings
#   SHELL_ROUNDS (3), SHELL_LINES (100)     batch mode vs one-shot processes, openstack and bare undici
#   TOP_ROUNDS (2), TOP_IDLE_SECONDS (60)   `top` vs `volume list --watch 5`: first frame, idle CPU
#                                           (INK_DIR=dir with ink installed: also ink's load cost)
#   ONLY="entry startup keystone scale bulk status shell top" a subset
# The scale and bulk tests create (and delete again) thousands of volumes
# named bench-scale-*/bench-bulk-*: expect 15-40 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ONLY=${ONLY:-"entry startup keystone scale bulk status shell top"}
npm run --silent build
bash test/testbed/testbed.sh up >/dev/null

# Each part writes bench/results/<part>.md; RESULTS.md is the header plus the
# latest of every part, so `ONLY=startup npm run bench` refreshes one section.
mkdir -p bench/results
for part in $ONLY; do
  case $part in
    entry) cmd=(node bench/entry.mjs "${ENTRY_ROUNDS:-15}") ;;
    startup) cmd=(node bench/startup.mjs "${STARTUP_ROUNDS:-9}") ;;
    keystone)
      bash test/testbed/keystone.sh up >/dev/null
      cmd=(node bench/keystone.mjs "${KEYSTONE_ROUNDS:-9}") ;;
    scale) cmd=(node bench/scale.mjs "${SCALE_VOLUMES:-2000}" "${SCALE_ROUNDS:-3}") ;;
    bulk) cmd=(node bench/bulk.mjs "${BULK_VOLUMES:-100}" "${BULK_ROUNDS:-1}") ;;
    status) cmd=(node bench/status.mjs "${STATUS_VOLUMES:-2000}" "${STATUS_ROUNDS:-3}") ;;
    shell) cmd=(node bench/shell.mjs "${SHELL_ROUNDS:-3}" "${SHELL_LINES:-100}") ;;
    top) cmd=(node bench/top.mjs "${TOP_ROUNDS:-2}" "${TOP_IDLE_SECONDS:-60}") ;;
    *) echo "unknown benchmark '$part'" >&2; exit 2 ;;
  esac
  echo "running the $part benchmark..." >&2
  "${cmd[@]}" > "bench/results/$part.md.tmp"
  mv "bench/results/$part.md.tmp" "bench/results/$part.md"
done

{
  echo "# ucinder benchmarks"
  echo
  echo "Produced by \`npm run bench\` (bench/run.sh), all against the local Cinder test bed; each section says when it ran."
  echo
  echo "## Machine"
  echo
  echo "- CPU: $(nproc) × $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
  echo "- Memory: $(free -g | awk '/^Mem:/ {print $2}') GiB; OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- Node $(node --version); ucinder $(node bin/ucinder --version); $(openstack --version 2>&1 | head -1); python-cinderclient $(cinder --version 2>&1 | head -1)"
  echo "- Cinder $(dpkg-query -W -f '${Version}' cinder-api 2>/dev/null || echo '?') (test/testbed: noauth, PostgreSQL, osapi_volume_workers = 2) on the same machine:"
  echo "  server time is part of every wall time, and clients compete with Cinder (and any other work) for the cores."
  echo "  Round-robin ordering spreads such noise over all clients alike; each section notes the load average when it started."
  echo
  echo "Medians of several runs; ratios are ucinder's figure divided by the other client's unless said otherwise."
  echo
  for part in before-after entry entry-notes startup keystone scale bulk status shell top top-notes; do
    if [ -f "bench/results/$part.md" ]; then cat "bench/results/$part.md"; echo; fi
  done
} > bench/RESULTS.md.tmp
mv bench/RESULTS.md.tmp bench/RESULTS.md
echo "wrote bench/RESULTS.md" >&2
