#!/usr/bin/env bash
# The README's test command (`npm test`): builds ucinder, installs and starts
# the Cinder test bed when needed, then runs unit and integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
npx tsc --noEmit
bash test/testbed/testbed.sh up
# The zsh completion tests drive a real zsh (they fail, not skip, without it).
command -v zsh >/dev/null || { apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=600 zsh >/dev/null; }
# The default report, then the ten slowest files: where the suite's time goes.
npx vitest run --reporter=default --reporter=./test/support/slowest-files-reporter.ts "$@"
