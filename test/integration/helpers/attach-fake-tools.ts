import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Fake iscsiadm/rbd/nvme/blockdev/multipath executables, put first on PATH,
 * that keep host state under their own directory and make real block
 * devices (loop devices behind the /dev/disk/by-path and /dev/rbd links):
 * what they do is described in fake-host-tools.cjs. Each records its argv,
 * one JSON array per line.
 */
export interface FakeTools {
  dir: string;
  log: string;
  /** PATH with the fakes first. */
  path: string;
  calls(): string[][];
  /** Every iSCSI session and RBD map (and its device) is gone; node records and the volumes' data stay. */
  reboot(): void;
  /** The fakes' state: node records, sessions, maps. */
  state(): FakeHostState;
  /** Reboot and remove the directory (loop devices are a machine-wide resource). */
  release(): void;
}

export interface FakeHostState {
  nodes: Record<string, Record<string, string>>;
  sessions: { id: number; iqn: string; portal: string; loop?: string; link?: string }[];
  maps: { id: number; pool: string; name: string; loop: string; link: string }[];
}

const TOOLS = ['iscsiadm', 'rbd', 'nvme', 'blockdev', 'multipath'];
const IMPLEMENTATION = join(import.meta.dirname, 'fake-host-tools.cjs');
const fakeHost = createRequire(import.meta.url)(IMPLEMENTATION) as {
  reboot(dir: string): void;
  load(dir: string): FakeHostState;
};

const installed = new Set<FakeTools>();
let exitHook = false;

export function installFakeTools(): FakeTools {
  const dir = mkdtempSync(join(tmpdir(), 'ucinder-fake-tools-'));
  const log = join(dir, 'calls.log');
  writeFileSync(log, '');
  for (const tool of TOOLS) {
    const file = join(dir, tool);
    writeFileSync(file, `#!/usr/bin/env node\nrequire(${JSON.stringify(IMPLEMENTATION)}).main(${JSON.stringify(tool)}, ${JSON.stringify(dir)}, process.argv.slice(2));\n`);
    chmodSync(file, 0o755);
  }
  const tools: FakeTools = {
    dir,
    log,
    path: `${dir}:${process.env.PATH}`,
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as string[]),
    reboot: () => fakeHost.reboot(dir),
    state: () => fakeHost.load(dir),
    release: () => {
      if (!installed.delete(tools)) return;
      fakeHost.reboot(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  installed.add(tools);
  if (!exitHook) {
    exitHook = true;
    // A test that failed half-way must not leave loop devices attached.
    process.once('exit', releaseFakeTools);
  }
  return tools;
}

/** Releases every fake host this process installed (use in afterEach). */
export function releaseFakeTools(): void {
  for (const tools of [...installed]) tools.release();
}
