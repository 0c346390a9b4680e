import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, testbedEnv, ucinder, uniqueName } from './helpers/ucinder.js';

/** volume set / unset / migrate on the real Cinder: every change, its waiting and its failures. */
describe('volume set, unset and migrate against the real Cinder', () => {
  let env: Record<string, string>;
  const typeA = uniqueName('it-vset-a');
  const typeB = uniqueName('it-vset-b');
  const typeOther = uniqueName('it-vset-mmj2');
  const volumeName = uniqueName('it-vset-vol');
  const renamed = `${volumeName}-renamed`;
  let volumeId = '';

  const cli = (...args: string[]) => ucinder(args, env);
  const json = async (...args: string[]) => {
    const run = await cli(...args, '-f', 'json');
    expect(run.stderr).not.toContain('ucinder:');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  };
  // Cinder's own field names (volume show now prints openstack's keys by default).
  const show = () => json('volume', 'show', '--raw', volumeId);

  beforeAll(async () => {
    env = { ...testbedEnv(), ...isolatedHome() };
    await json('volume', 'type', 'create', '--property', 'volume_backend_name=mmj', typeA);
    await json('volume', 'type', 'create', '--property', 'volume_backend_name=mmj', typeB);
    await json('volume', 'type', 'create', '--property', 'volume_backend_name=mmj2', typeOther);
    volumeId = (await json('volume', 'create', '--size', '1', '--type', typeA, '--wait', volumeName)).id;
  });

  afterAll(async () => {
    if (volumeId) {
      // Leave nothing behind even if a test left the volume in a strange state.
      await cli('volume', 'set', '--state', 'available', volumeId);
      await cli('volume', 'delete', '--wait', volumeId);
    }
    await cli('volume', 'type', 'delete', typeA, typeB, typeOther);
  });

  it('extends with --wait and applies properties, description and flags in one call', async () => {
    const run = await cli(
      'volume', 'set', '--size', '2', '--wait', '--property', 'owner=ops', '--description', 'grown', '--bootable', '--read-only', volumeName,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^Waiting for volume '${volumeName}' to finish extending\\n[\\s\\S]*volume '${volumeName}' is available\\n$`));
    const volume = await show();
    expect(volume).toMatchObject({ size: 2, status: 'available', description: 'grown', bootable: 'true' });
    // Cinder records the read-only flag as the "readonly" metadata key.
    expect(volume.metadata).toEqual({ owner: 'ops', readonly: 'True' });
  });

  it('reports a refused extend with Cinder\'s reason and still applies the rename (exit 1)', async () => {
    const run = await cli('volume', 'set', '--size', '1', '--name', renamed, '--read-write', volumeName);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^volume '${volumeName}': failed to extend to 1 GiB: Invalid input received: New size for extend must be greater than current size\\. \\(current: 2, extended: 1\\)\\. \\(HTTP 400\\) \\(Request-ID: req-[0-9a-f-]+\\)\\n`),
    );
    expect(run.stderr).toMatch(new RegExp(`ucinder: 1 of 3 changes to volume '${volumeName}' failed\\n$`));
    const volume = await show();
    expect(volume.name).toBe(renamed);
    expect(volume.metadata.readonly).toBe('False');
  });

  it('rejects bad input before sending anything', async () => {
    for (const args of [
      ['volume', 'set', '--size', 'abc', renamed],
      ['volume', 'set', '--retype-policy', 'on-demand', renamed],
      ['volume', 'set', renamed],
      ['volume', 'set', '--attached', '--detached', renamed],
      ['volume', 'unset', renamed],
      ['volume', 'migrate', renamed],
    ]) {
      const run = await ucinder(['--debug', ...args], env);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).not.toContain('REQ:');
    }
  });

  it('retypes within the backend and waits for it', async () => {
    const run = await cli('volume', 'set', '--type', typeB, '--wait', renamed);
    expect(run.code).toBe(0);
    expect((await show()).volume_type).toBe(typeB);
  });

  it('says why a retype to another backend with policy never did not happen', async () => {
    const run = await cli('volume', 'set', '--type', typeOther, '--wait', renamed);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      // Where Cinder logged it, not a guess (test/integration/retype-migrate-diagnosis.test.ts reads the logs).
      new RegExp(
        `ucinder: volume '${renamed}' was not retyped to '${typeOther}' \\(it still has type '${typeB}'\\); Cinder left no user message\\. ` +
          "Now: status 'available', migration_status none, host node1@mmj#mmj\\. Cinder logged the reason under req-[0-9a-f-]+: cinder-scheduler \\(node1\\) " +
          "if the new type does not fit the volume's backend \\(with --retype-policy never the volume stays there\\), else cinder-volume node1@mmj if its driver could not change the type in place\\n$",
      ),
    );
    expect(await show()).toMatchObject({ volume_type: typeB, status: 'available' });
  });

  it('resets the state (admin) and back', async () => {
    expect((await cli('volume', 'set', '--state', 'error', renamed)).code).toBe(0);
    expect((await show()).status).toBe('error');
    expect((await cli('volume', 'set', '--state', 'available', '--detached', renamed)).code).toBe(0);
    expect((await show()).status).toBe('available');
  });

  it('unsets properties, reporting a key that does not exist', async () => {
    const run = await cli('volume', 'unset', '--property', 'owner', '--property', 'no-such-key', renamed);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`volume '${renamed}': failed to unset property 'no-such-key': Volume ${volumeId} has no metadata with key no-such-key. (HTTP 404)`);
    expect((await show()).metadata).toEqual({ readonly: 'False' });
  });

  it('migrate to its own backend is refused by Cinder with its reason', async () => {
    const run = await cli('volume', 'migrate', '--host', 'node1@mmj#mmj', renamed);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('destination host/cluster must be different than the current one (HTTP 400)');
  });

  it('migrate --wait follows migration_status and fails saying which logs hold the reason', async () => {
    // The volume's type pins volume_backend_name=mmj, so Cinder's scheduler
    // refuses node1@mmj2 and sets migration_status 'error' (with no user message).
    const run = await cli('volume', 'migrate', '--host', 'node1@mmj2#mmj2', '--wait', '--wait-timeout', '120', renamed);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^Waiting for the migration of volume '${renamed}'\\n`));
    expect(run.stderr).toMatch(
      new RegExp(
        `ucinder: migration of volume '${renamed}' is in status 'error': Cinder left no user message\\. Now: status 'available', migration_status 'error', host node1@mmj#mmj\\. ` +
          'Cinder logged the reason under req-[0-9a-f-]+: cinder-scheduler \\(node1\\) if it refused the destination node1@mmj2#mmj2, else cinder-volume node1@mmj, the source backend\\n$',
      ),
    );
    expect(await show()).toMatchObject({ migration_status: 'error', 'os-vol-host-attr:host': 'node1@mmj#mmj', status: 'available' });
  });

  it('migrate --wait succeeds to the other pool for a volume whose type allows it; the connection follows', async () => {
    // The default type pins no backend; the test bed's driver moves the file
    // between its two backends itself (driver-assisted, like pools of one array).
    const name = uniqueName('it-vset-mig');
    const created = await json('volume', 'create', '--size', '1', '--wait', name);
    try {
      const from = created['os-vol-host-attr:host'] as string;
      const to = from === 'node1@mmj#mmj' ? 'node1@mmj2#mmj2' : 'node1@mmj#mmj';
      const run = await cli('volume', 'migrate', '--host', to, '--wait', '--wait-timeout', '120', name);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`volume '${name}' migrated`);
      expect(await json('volume', 'show', '--raw', name)).toMatchObject({ migration_status: 'success', 'os-vol-host-attr:host': to, status: 'available' });
      const state = { ...env, UCINDER_STATE_DIR: `${env.HOME}/migrate-state` };
      const connected = await ucinder(['init-connect', name, '--initiator', 'iqn.2004-10.com.ubuntu:01:it', '-f', 'json'], state);
      expect(connected.code, connected.stderr).toBe(0);
      expect(JSON.parse(connected.stdout).driver_volume_type).toBe(to === 'node1@mmj2#mmj2' ? 'rbd' : 'iscsi');
      expect((await ucinder(['term-connect', name], state)).code).toBe(0);
    } finally {
      await cli('volume', 'delete', '--wait', created.id);
    }
  });
});
