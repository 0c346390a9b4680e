import { describe, expect, it } from 'vitest';
import { ucinderWith, uniqueName } from '../support/ucinder-process.js';
import { testbedSession } from './helpers/cinder-fixtures.js';

/**
 * Volume transfers between two projects of the real Cinder. With noauth a
 * second project is just another project ID in the token (admin:<project>).
 */
describe('volume transfer request against the real Cinder', () => {
  const { env, cli, json, newVolume } = testbedSession();
  const otherProject = 'fedcba9876543210fedcba9876543210';
  const receiver = ucinderWith({ ...env, OS_PROJECT_ID: otherProject, OS_TOKEN: `admin:${otherProject}` });

  it('hands a volume to another project: create (auth key once), list, show by name, a wrong key fails, the right one moves it', async () => {
    const volume = await newVolume('it-transfer-vol');
    const name = uniqueName('it-transfer');
    const transfer = await json('volume', 'transfer', 'request', 'create', '--name', name, volume.name);
    expect(Object.keys(transfer)).toEqual(expect.arrayContaining(['auth_key', 'created_at', 'id', 'name', 'volume_id']));
    expect(transfer).toMatchObject({ name, volume_id: volume.id });
    expect(transfer.auth_key).toMatch(/^[0-9a-f]{16}$/);

    const rows = await json('volume', 'transfer', 'request', 'list');
    expect(rows).toContainEqual({ ID: transfer.id, Name: name, Volume: volume.id });
    const shown = await json('volume', 'transfer', 'request', 'show', name);
    expect(shown).toMatchObject({ id: transfer.id, name, volume_id: volume.id });
    expect(shown).not.toHaveProperty('auth_key');

    const wrong = await receiver.cli('volume', 'transfer', 'request', 'accept', '--auth-key', 'not-the-key', transfer.id);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^ucinder: .*[Ii]nvalid auth key.*\n$/);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);

    const accepted = await receiver.json('volume', 'transfer', 'request', 'accept', '--auth-key', transfer.auth_key, transfer.id);
    expect(accepted).toEqual({ id: transfer.id, name, volume_id: volume.id });
    const moved = await receiver.json('volume', 'show', volume.id);
    expect(moved['os-vol-tenant-attr:tenant_id']).toBe(otherProject);
    const mine = await json('volume', 'list', '--name', volume.name);
    expect(mine).toEqual([]);
  });

  it('--debug shows the auth key nowhere but in the output', async () => {
    const volume = await newVolume('it-transfer-debug');
    const run = await cli('--debug', 'volume', 'transfer', 'request', 'create', volume.id, '-f', 'value', '-c', 'auth_key', '-c', 'id');
    expect(run.code, run.stderr).toBe(0);
    const [authKey, id] = run.stdout.trim().split('\n');
    expect(authKey).toMatch(/^[0-9a-f]{16}$/);
    expect(run.stderr).toContain('"auth_key":"***"');
    expect(run.stderr).not.toContain(authKey);
    expect((await cli('volume', 'transfer', 'request', 'delete', id!)).code).toBe(0);
  });

  it('delete: cancels by name; a transfer that does not exist fails the batch (1 of 2, exit 1)', async () => {
    const volume = await newVolume('it-transfer-del');
    const name = uniqueName('it-transfer-del');
    const transfer = await json('volume', 'transfer', 'request', 'create', '--name', name, volume.id);
    const run = await cli('volume', 'transfer', 'request', 'delete', name, `${name}-missing`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('1 of 2 volume transfer requests failed to delete');
    expect((await cli('volume', 'transfer', 'request', 'show', transfer.id)).code).toBe(1);
    // The volume is no longer awaiting transfer: it can be deleted as usual.
    expect((await json('volume', 'show', volume.id)).status).toBe('available');
  });
});
