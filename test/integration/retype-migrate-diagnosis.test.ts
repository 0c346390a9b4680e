import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { privateHome as isolatedHome, ucinder, uniqueName } from '../support/ucinder-process.js';
import { testbedEnv } from '../support/testbed.js';

/**
 * A failed retype or migration leaves no user message; ucinder names the
 * service whose log holds the reason, with the request ID. The test bed runs
 * every service on this machine, so each test reads that log and checks the
 * ERROR line under that request ID is really there.
 */
const LOG_DIR = join(process.env.UCINDER_TESTBED_DIR ?? '/var/tmp/ucinder-testbed', 'log');

/** The ERROR lines a service logged under a request ID. */
function errorsLogged(service: 'cinder-scheduler' | 'cinder-volume', requestId: string): string[] {
  return readFileSync(join(LOG_DIR, `${service}.log`), 'utf8')
    .split('\n')
    .filter((line) => line.includes(` ERROR `) && line.includes(requestId));
}

function requestIdIn(stderr: string): string {
  const match = /under (req-[0-9a-f-]+)/.exec(stderr);
  expect(match, stderr).not.toBeNull();
  return match![1]!;
}

describe('why a retype or a migration failed, against the real Cinder', () => {
  let env: Record<string, string>;
  const onMmj = uniqueName('it-diag-mmj');
  const onMmj2 = uniqueName('it-diag-mmj2');
  const created: string[] = [];
  const cli = (...args: string[]) => ucinder(args, env);
  async function newVolume(...args: string[]): Promise<string> {
    const run = await cli('volume', 'create', '--size', '1', '--wait', '-f', 'value', '-c', 'id', ...args);
    expect(run.code, run.stderr).toBe(0);
    created.push(run.stdout.trim());
    return run.stdout.trim();
  }

  beforeAll(async () => {
    env = { ...testbedEnv(), ...isolatedHome() };
    expect((await cli('volume', 'type', 'create', '--property', 'volume_backend_name=mmj', onMmj)).code).toBe(0);
    expect((await cli('volume', 'type', 'create', '--property', 'volume_backend_name=mmj2', onMmj2)).code).toBe(0);
  });

  afterEach(async () => {
    for (const id of created.splice(0)) {
      expectCleanedUp(await cli('volume', 'delete', '--cascade', '--force', '--wait', id), `volume delete ${id}`);
    }
  });

  afterAll(async () => {
    expectCleanedUp(await cli('volume', 'type', 'delete', onMmj, onMmj2), `volume type delete ${onMmj} ${onMmj2}`);
  });

  it('retype with policy never to a type of the other backend: the scheduler logged it, under the request ID shown', async () => {
    const id = await newVolume('--type', onMmj, uniqueName('it-diag-never'));
    const run = await cli('volume', 'set', '--type', onMmj2, '--wait', id);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Now: status 'available', migration_status none, host node1@mmj#mmj. Cinder logged the reason under req-");
    expect(run.stderr).toContain(': cinder-scheduler (node1) if the new type does not fit');
    const logged = errorsLogged('cinder-scheduler', requestIdIn(run.stderr));
    expect(logged.join('\n')).toContain('Failed to schedule_retype: No valid backend was found. Current backend not valid');
  });

  it('retype --retype-policy on-demand of a volume with a snapshot is refused before anything is sent (Cinder would fail it silently)', async () => {
    const id = await newVolume('--type', onMmj, uniqueName('it-diag-snap'));
    const snapshot = uniqueName('it-diag-snap-s');
    expect((await cli('volume', 'snapshot', 'create', '--volume', id, '--wait', snapshot)).code).toBe(0);
    const run = await ucinder(['--debug', 'volume', 'set', '--type', onMmj2, '--retype-policy', 'on-demand', '--name', 'renamed', id], env);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/REQ: (POST|PUT) /);
    expect(run.stderr).toContain(
      `has 1 snapshot (${snapshot}), and Cinder does not migrate a volume with snapshots: a retype with --retype-policy on-demand that needs another backend would fail, leaving no user message. Nothing was changed.`,
    );
    const volume = JSON.parse((await cli('volume', 'show', id, '-f', 'json')).stdout);
    expect(volume).toMatchObject({ name: expect.stringMatching(/^it-diag-snap-/), type: onMmj });
  });

  it('migrate refused by the scheduler (the type pins the source backend): the scheduler logged it', async () => {
    const id = await newVolume('--type', onMmj, uniqueName('it-diag-mig-sched'));
    const run = await cli('volume', 'migrate', '--host', 'node1@mmj2#mmj2', '--wait', '--wait-timeout', '120', id);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(': cinder-scheduler (node1) if it refused the destination node1@mmj2#mmj2, else cinder-volume node1@mmj, the source backend\n');
    const logged = errorsLogged('cinder-scheduler', requestIdIn(run.stderr));
    expect(logged.join('\n')).toContain('Failed to schedule_migrate_volume_to_host: Cannot place volume');
  });

  it('migrate --force-host-copy failing in the copy: it reached migrating, so the source cinder-volume logged it', async () => {
    // The test bed's host cannot attach volumes (no iscsid, no rbd), so the generic copy fails in cinder-volume.
    const id = await newVolume(uniqueName('it-diag-mig-copy'));
    const from = JSON.parse((await cli('volume', 'show', id, '-f', 'json', '--raw')).stdout)['os-vol-host-attr:host'] as string;
    const to = from === 'node1@mmj#mmj' ? 'node1@mmj2#mmj2' : 'node1@mmj#mmj';
    const run = await cli('volume', 'migrate', '--host', to, '--force-host-copy', '--wait', '--wait-timeout', '120', id);
    expect(run.code).toBe(1);
    const source = from.split('#')[0];
    expect(run.stderr).toContain(`The migration had reached 'migrating', so the scheduler had accepted the destination: Cinder logged the reason under req-`);
    expect(run.stderr).toContain(` in the log of cinder-volume ${source}, the source backend\n`);
    const logged = errorsLogged('cinder-volume', requestIdIn(run.stderr));
    expect(logged.join('\n')).toContain(`Failed to copy volume ${id}`);
  });
});
