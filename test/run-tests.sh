#!/usr/bin/env bash
# The README's test command (`npm test`): builds ucinder, installs and starts
# the Cinder test bed when needed, then runs unit and integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
npx tsc --noEmit
# Lint rules (biome.jsonc) before any test: an error fails the run.
npm run --silent lint
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
if (( ${#missing[@]} )); then
  apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
fi
# The default report, then the ten slowest files: where the suite's time goes.
npx vitest run --reporter=default --reporter=./test/support/slowest-files-reporter.ts "$@"
