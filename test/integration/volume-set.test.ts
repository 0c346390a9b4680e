import { describe, expect, it } from 'vitest';
import { ucinder, uniqueName } from '../support/ucinder-process.js';
import { testbedSession, typesPinnedTo } from './helpers/cinder-fixtures.js';

/**
 * volume set / unset / migrate on the real Cinder: every change, its waiting
 * and its failures. Each test changes a volume of its own; the three types
 * are shared, read-only setup.
 */
describe('volume set, unset and migrate against the real Cinder', () => {
  const { env, cli, json, created, newVolume: newAnyVolume } = testbedSession();
  // Two types on mmj (a retype between them stays on the backend) and one on mmj2.
  const [typeA, typeB, typeOther] = typesPinnedTo(env, 'it-vset', ['mmj', 'mmj', 'mmj2']) as [string, string, string];

  /** An available volume of `typeA` (1 GiB unless `args` say otherwise). */
  const newVolume = (prefix: string, ...args: string[]) => newAnyVolume(prefix, '--type', typeA, ...args);
  // Cinder's own field names (volume show prints openstack's keys by default).
  const show = (id: string) => json('volume', 'show', '--raw', id);

  it('extends with --wait and applies properties, description and flags in one call', async () => {
    const { id, name } = await newVolume('it-vset-extend');
    const run = await cli('volume', 'set', '--size', '2', '--wait', '--property', 'owner=ops', '--description', 'grown', '--bootable', '--read-only', name);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^Waiting for volume '${name}' to finish extending\\n[\\s\\S]*volume '${name}' is available\\n$`));
    const volume = await show(id);
    expect(volume).toMatchObject({ size: 2, status: 'available', description: 'grown', bootable: 'true' });
    // Cinder records the read-only flag as the "readonly" metadata key.
    expect(volume.metadata).toEqual({ owner: 'ops', readonly: 'True' });
  });

  it("reports a refused extend with Cinder's reason and still applies the rename (exit 1)", async () => {
    const { id, name } = await newVolume('it-vset-shrink', '--size', '2');
    const renamed = `${name}-renamed`;
    const run = await cli('volume', 'set', '--size', '1', '--name', renamed, '--read-write', name);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^volume '${name}': failed to extend to 1 GiB: Invalid input received: New size for extend must be greater than current size\\. \\(current: 2, extended: 1\\)\\. \\(HTTP 400\\) \\(Request-ID: req-[0-9a-f-]+\\)\\n`,
      ),
    );
    expect(run.stderr).toMatch(new RegExp(`ucinder: 1 of 3 changes to volume '${name}' failed\\n$`));
    const volume = await show(id);
    expect(volume.name).toBe(renamed);
    expect(volume.metadata.readonly).toBe('False');
  });

  it('rejects bad input before sending anything', async () => {
    const name = uniqueName('it-vset-never-created');
    for (const args of [
      ['volume', 'set', '--size', 'abc', name],
      ['volume', 'set', '--retype-policy', 'on-demand', name],
      ['volume', 'set', name],
      ['volume', 'set', '--attached', '--detached', name],
      ['volume', 'unset', name],
      ['volume', 'migrate', name],
    ]) {
      const run = await cli('--debug', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).not.toContain('REQ:');
    }
  });

  it('retypes within the backend and waits for it', async () => {
    const { id, name } = await newVolume('it-vset-retype');
    const run = await cli('volume', 'set', '--type', typeB, '--wait', name);
    expect(run.code).toBe(0);
    expect((await show(id)).volume_type).toBe(typeB);
  });

  it('says why a retype to another backend with policy never did not happen', async () => {
    const { id, name } = await newVolume('it-vset-noretype');
    const run = await cli('volume', 'set', '--type', typeOther, '--wait', name);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      // Where Cinder logged it, not a guess (test/integration/retype-migrate-diagnosis.test.ts reads the logs).
      new RegExp(
        `ucinder: volume '${name}' was not retyped to '${typeOther}' \\(it still has type '${typeA}'\\); Cinder left no user message\\. ` +
          "Now: status 'available', migration_status none, host node1@mmj#mmj\\. Cinder logged the reason under req-[0-9a-f-]+: cinder-scheduler \\(node1\\) " +
          "if the new type does not fit the volume's backend \\(with --retype-policy never the volume stays there\\), else cinder-volume node1@mmj if its driver could not change the type in place\\n$",
      ),
    );
    expect(await show(id)).toMatchObject({ volume_type: typeA, status: 'available' });
  });

  it('resets the state (admin) and back', async () => {
    const { id, name } = await newVolume('it-vset-state');
    expect((await cli('volume', 'set', '--state', 'error', name)).code).toBe(0);
    expect((await show(id)).status).toBe('error');
    expect((await cli('volume', 'set', '--state', 'available', '--detached', name)).code).toBe(0);
    expect((await show(id)).status).toBe('available');
  });

  it('unsets properties, reporting a key that does not exist', async () => {
    const { id, name } = await newVolume('it-vset-unset', '--property', 'owner=ops', '--property', 'tier=gold');
    expect((await show(id)).metadata).toEqual({ owner: 'ops', tier: 'gold' });
    const run = await cli('volume', 'unset', '--property', 'owner', '--property', 'no-such-key', name);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`volume '${name}': failed to unset property 'no-such-key': Volume ${id} has no metadata with key no-such-key. (HTTP 404)`);
    expect((await show(id)).metadata).toEqual({ tier: 'gold' });
  });

  it('migrate to its own backend is refused by Cinder with its reason', async () => {
    const { name } = await newVolume('it-vset-migself');
    const run = await cli('volume', 'migrate', '--host', 'node1@mmj#mmj', name);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('destination host/cluster must be different than the current one (HTTP 400)');
  });

  it('migrate --wait follows migration_status and fails saying which logs hold the reason', async () => {
    // The volume's type pins volume_backend_name=mmj, so Cinder's scheduler
    // refuses node1@mmj2 and sets migration_status 'error' (with no user message).
    const { id, name } = await newVolume('it-vset-migfail');
    const run = await cli('volume', 'migrate', '--host', 'node1@mmj2#mmj2', '--wait', '--wait-timeout', '120', name);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^Waiting for the migration of volume '${name}'\\n`));
    expect(run.stderr).toMatch(
      new RegExp(
        `ucinder: migration of volume '${name}' is in status 'error': Cinder left no user message\\. Now: status 'available', migration_status 'error', host node1@mmj#mmj\\. ` +
          'Cinder logged the reason under req-[0-9a-f-]+: cinder-scheduler \\(node1\\) if it refused the destination node1@mmj2#mmj2, else cinder-volume node1@mmj, the source backend\\n$',
      ),
    );
    expect(await show(id)).toMatchObject({ migration_status: 'error', 'os-vol-host-attr:host': 'node1@mmj#mmj', status: 'available' });
  });

  it('migrate --wait succeeds to the other pool for a volume whose type allows it; the connection follows', async () => {
    // The default type pins no backend; the test bed's driver moves the file
    // between its two backends itself (driver-assisted, like pools of one array).
    const name = uniqueName('it-vset-mig');
    const volume = await json('volume', 'create', '--size', '1', '--wait', name);
    created.volumes.push(volume.id);
    const from = volume['os-vol-host-attr:host'] as string;
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
  });
});
