#!/usr/bin/env bash
# The README's test command (`npm test`): builds ucinder, installs and starts
# the Cinder test bed when needed, then runs the unit, integration, reliability
# and package tests (the last build release/ with `npm run package`).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
npx tsc --noEmit
# Lint rules (biome.jsonc) before any test: an error fails the run.
npm run --silent lint:format
bash test/testbed/testbed.sh up
# The zsh and fish completion tests drive a real zsh and fish; the man page tests
# run groff and lexgrog (man-db); `ucinder top`'s tests a real terminal (tmux).
# They fail, not skip, without them.
missing=()
command -v zsh >/dev/null || missing+=(zsh)
command -v fish >/dev/null || missing+=(fish)
command -v groff >/dev/null || missing+=(groff-base)
command -v lexgrog >/dev/null || missing+=(man-db)
command -v tmux >/dev/null || missing+=(tmux)
# The package tests: lintian, bash-completion's loader; `npm run package`
# names what it needs to build the other architecture (qemu-user-static, its
# cross libraries and strip).
command -v lintian >/dev/null || missing+=(lintian)
[ -f /usr/share/bash-completion/bash_completion ] || missing+=(bash-completion)
mapfile -t -O "${#missing[@]}" missing < <(node scripts/package.mjs --missing-debian-packages)
if (( ${#missing[@]} )); then
  apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
fi
# Keystone's and Glance's packages, for the files that start them, install in
# the background while the tests start: on a new machine that is ~4 minutes of
# apt (measured: 160 s and 68 s) off the suite's path. Their scripts take the
# same install lock (test/testbed/lib.sh), so a test that starts one first
# waits for it, and reports the install's own error if it failed.
background_log="$(mktemp /tmp/ucinder-background-install.XXXXXX)"
( bash test/testbed/keystone.sh install && bash test/testbed/glance.sh install ) >"$background_log" 2>&1 &
background=$!
# The default report, then the ten slowest files: where the suite's time goes.
status=0
npx vitest run --reporter=default --reporter=./test/support/slowest-files-reporter.ts "$@" || status=$?
wait "$background" || echo "background install of Keystone and Glance failed (log: $background_log)" >&2
exit "$status"
