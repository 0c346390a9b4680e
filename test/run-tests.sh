#!/usr/bin/env bash
# The README's test command (`npm test`): builds ucinder, installs and starts
# the Cinder test bed when needed, then runs unit and integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
npx tsc --noEmit
bash test/testbed/testbed.sh up
npx vitest run "$@"
