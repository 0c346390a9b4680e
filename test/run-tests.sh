#!/usr/bin/env bash
# The README's test command (`npm test`): builds ucinder, installs and starts
# the Cinder test bed when needed, then runs unit and integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
npx tsc --noEmit
bash test/testbed/testbed.sh up
# The zsh completion tests drive a real zsh, and `ucinder top`'s a real
# terminal (tmux): they fail, not skip, without them.
for tool in zsh tmux; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$tool" >/dev/null; }
done
npx vitest run "$@"
