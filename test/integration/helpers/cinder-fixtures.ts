import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { expectCleanedUp } from '../../support/cleanup.js';
import { testbedEnv } from '../../support/testbed.js';
import { privateHome, ucinder, ucinderWith, uniqueName, type Env, type Run } from '../../support/ucinder-process.js';

export interface Created {
  volumes: string[];
  snapshots: string[];
  types: string[];
}

/**
 * Collects what tests create in the shared Cinder (ids or names) and deletes
 * it after each test (`afterEach`) or after the file (`afterAll`, for shared
 * read-only setup), whatever happened: snapshots, then volumes (forced, with
 * any snapshots left on them, waiting until they are gone), then types.
 * Something a test already deleted is fine; any other failure fails the test (afterEach) or the
 * file (afterAll): see test/support/cleanup.ts.
 */
export function deleteCreated(hook: typeof afterEach | typeof afterAll, env: Env): Created {
  const created: Created = { volumes: [], snapshots: [], types: [] };
  hook(async () => {
    const runs: { step: string; run: Run }[] = [];
    const batches: [string[], string[]][] = [
      [['volume', 'snapshot', 'delete', '--force', '--wait'], created.snapshots.splice(0)],
      [['volume', 'delete', '--force', '--cascade', '--wait'], created.volumes.splice(0)],
      [['volume', 'type', 'delete'], created.types.splice(0)],
    ];
    for (const [command, items] of batches) {
      if (items.length === 0) continue;
      runs.push({ step: `ucinder ${command.join(' ')} ${items.join(' ')}`, run: await ucinder([...command, ...items], env) });
    }
    // Every batch first (a failed one must not leave the others undone), then the verdicts.
    for (const { step, run } of runs) expectCleanedUp(run, step);
  }, 600_000);
  return created;
}

/**
 * Volume types pinned to `backends` (volume_backend_name; `nowhere` pins to
 * none), made once before a file's tests and deleted after them: shared,
 * read-only setup. Returns their names, in the order of `backends`.
 */
export function typesPinnedTo(env: Env, prefix: string, backends: string[]): string[] {
  const names = backends.map((backend) => uniqueName(`${prefix}-${backend}`));
  const shared = deleteCreated(afterAll, env);
  beforeAll(async () => {
    for (const [index, backend] of backends.entries()) {
      const run = await ucinder(['volume', 'type', 'create', '--property', `volume_backend_name=${backend}`, names[index]!], env);
      expect(run.code, run.stderr).toBe(0);
      shared.types.push(names[index]!);
    }
  });
  return names;
}

/**
 * The test bed's environment with a private HOME, ucinder bound to it
 * (`cli`, `json`), and what each test creates (`created`, `newVolume`)
 * deleted after that test.
 */
export function testbedSession() {
  const env: Record<string, string> = { ...testbedEnv(), ...privateHome() };
  const { cli, json } = ucinderWith(env);
  const created = deleteCreated(afterEach, env);
  /** An available volume made with `volume create ARGS --wait` (1 GiB unless ARGS give --size), deleted after the test. */
  async function newVolume(prefix: string, ...args: string[]): Promise<{ id: string; name: string }> {
    const size = args.includes('--size') ? [] : ['--size', '1'];
    const volume = await json('volume', 'create', ...size, ...args, '--wait', uniqueName(prefix));
    created.volumes.push(volume.id);
    return volume;
  }
  return { env, cli, json, created, newVolume };
}
