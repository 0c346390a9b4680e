import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Fake iscsiadm/rbd/nvme/blockdev executables for integration tests: this
 * machine has no kernel iSCSI/RBD/NVMe, so the real runner executes these
 * (put first on PATH) and each records its argv, one JSON array per line.
 * FAKE_EXIT_<TOOL> (e.g. FAKE_EXIT_ISCSIADM=24) makes a tool fail on --login/map/connect.
 */
export interface FakeTools {
  dir: string;
  log: string;
  /** PATH with the fakes first. */
  path: string;
  calls(): string[][];
}

const TOOLS = ['iscsiadm', 'rbd', 'nvme', 'blockdev', 'multipath'];

export function installFakeTools(): FakeTools {
  const dir = mkdtempSync(join(tmpdir(), 'ucinder-fake-tools-'));
  const log = join(dir, 'calls.log');
  writeFileSync(log, '');
  for (const tool of TOOLS) {
    const script = `#!/usr/bin/env node
const fs = require('node:fs');
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify([${JSON.stringify(tool)}, ...process.argv.slice(2)]) + '\\n');
const failWith = process.env[${JSON.stringify(`FAKE_EXIT_${tool.toUpperCase()}`)}];
const acting = process.argv.some((arg) => arg === '--login' || arg === 'map' || arg === 'connect');
if (failWith && acting) { process.stderr.write(${JSON.stringify(`${tool}: simulated failure`)} + '\\n'); process.exit(Number(failWith)); }
`;
    const file = join(dir, tool);
    writeFileSync(file, script);
    chmodSync(file, 0o755);
  }
  return {
    dir,
    log,
    path: `${dir}:${process.env.PATH}`,
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as string[]),
  };
}
