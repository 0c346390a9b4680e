import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, testbedEnv, ucinder, uniqueName } from './helpers/ucinder.js';

/** Snapshots, and volumes cloned from a snapshot and from a volume, on the real Cinder. */
describe('volume snapshot against the real Cinder', () => {
  let env: Record<string, string>;
  const typeName = uniqueName('it-snap-type');
  const volumeName = uniqueName('it-snap-vol');
  const snapName = uniqueName('it-snap');
  const renamed = `${snapName}-renamed`;
  const volumes: string[] = [];
  const snapshots: string[] = [];

  const cli = (...args: string[]) => ucinder(args, env);
  const json = async (...args: string[]) => {
    const run = await cli(...args, '-f', 'json');
    expect(run.stderr).not.toContain('ucinder:');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  };

  beforeAll(async () => {
    env = { ...testbedEnv(), ...isolatedHome() };
    await json('volume', 'type', 'create', '--property', 'volume_backend_name=mmj', typeName);
    volumes.push((await json('volume', 'create', '--size', '1', '--type', typeName, '--wait', volumeName)).id);
  });

  afterAll(async () => {
    if (snapshots.length) await cli('volume', 'snapshot', 'delete', '--wait', ...snapshots);
    if (volumes.length) await cli('volume', 'delete', '--wait', ...volumes.reverse());
    await cli('volume', 'type', 'delete', typeName);
  });

  it('creates a snapshot by volume name and waits until it is available', async () => {
    const run = await cli(
      'volume', 'snapshot', 'create', '--volume', volumeName, '--description', 'before upgrade',
      '--property', 'purpose=test', '--wait', snapName, '-f', 'json',
    );
    expect(run.code).toBe(0);
    // Not a terminal: plain progress lines on stderr, ending with the result.
    expect(run.stderr).toMatch(new RegExp(`^Waiting for snapshot '${snapName}' to become available\\n`));
    expect(run.stderr).toMatch(new RegExp(`snapshot '${snapName}' is available\\n$`));
    const snapshot = JSON.parse(run.stdout);
    snapshots.push(snapshot.id);
    expect(snapshot).toMatchObject({ name: snapName, status: 'available', size: 1, volume_id: volumes[0], description: 'before upgrade', properties: { purpose: 'test' } });
  });

  it('lists by volume with --long; the Volume column carries the volume ID as data (as openstack)', async () => {
    const rows = await json('volume', 'snapshot', 'list', '--volume', volumeName, '--long');
    expect(rows).toEqual([
      expect.objectContaining({ ID: snapshots[0], Name: snapName, Status: 'available', Size: 1, Volume: volumes[0], Properties: { purpose: 'test' } }),
    ]);
    const filtered = await json('volume', 'snapshot', 'list', '--name', snapName, '--status', 'available');
    expect(filtered.map((row: { ID: string }) => row.ID)).toEqual([snapshots[0]]);
  });

  it('shows by name and by ID', async () => {
    expect((await json('volume', 'snapshot', 'show', snapName)).id).toBe(snapshots[0]);
    const value = await cli('volume', 'snapshot', 'show', snapshots[0]!, '-f', 'value', '-c', 'status');
    expect(value.stdout).toBe('available\n');
  });

  it('renames, describes, adds properties and resets the state', async () => {
    const run = await cli('volume', 'snapshot', 'set', '--name', renamed, '--description', 'kept', '--property', 'owner=ops', snapName);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const shown = await json('volume', 'snapshot', 'show', renamed);
    expect(shown).toMatchObject({ id: snapshots[0], name: renamed, description: 'kept', properties: { purpose: 'test', owner: 'ops' } });
    expect((await cli('volume', 'snapshot', 'set', '--state', 'error', renamed)).code).toBe(0);
    expect((await json('volume', 'snapshot', 'show', renamed)).status).toBe('error');
    expect((await cli('volume', 'snapshot', 'set', '--state', 'available', renamed)).code).toBe(0);
    expect((await json('volume', 'snapshot', 'show', renamed)).status).toBe('available');
  });

  it('creates a volume from the snapshot (by name) and a clone of the volume', async () => {
    const fromSnapshot = await json('volume', 'create', '--snapshot', renamed, '--wait', uniqueName('it-snap-fromsnap'));
    volumes.push(fromSnapshot.id);
    expect(fromSnapshot).toMatchObject({ status: 'available', snapshot_id: snapshots[0], size: 1, type: typeName });
    const clone = await json('volume', 'create', '--source', volumeName, '--size', '2', '--wait', uniqueName('it-snap-clone'));
    volumes.push(clone.id);
    expect(clone).toMatchObject({ status: 'available', source_volid: volumes[0], size: 2, type: typeName });
  });

  it('bulk delete tries every snapshot and reports "1 of 3 snapshots failed to delete"', async () => {
    const second = await json('volume', 'snapshot', 'create', '--volume', volumeName, '--wait', uniqueName('it-snap-2'));
    const missing = uniqueName('it-snap-missing');
    const run = await cli('volume', 'snapshot', 'delete', '--wait', renamed, missing, second.id);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Failed to delete snapshot with name or ID '${missing}': No snapshot with a name or ID of '${missing}' exists.\n`);
    expect(run.stderr).toMatch(/ucinder: 1 of 3 snapshots failed to delete\n$/);
    for (const id of [snapshots[0]!, second.id]) {
      const after = await cli('volume', 'snapshot', 'show', id);
      expect(after.code).toBe(1);
      expect(after.stderr).toBe(`ucinder: No snapshot with a name or ID of '${id}' exists.\n`);
    }
    snapshots.length = 0;
  });

  it('rejects bad input before sending anything', async () => {
    for (const args of [
      ['volume', 'snapshot', 'list', '--status', 'bogus'],
      ['volume', 'snapshot', 'set', 'x'],
      ['volume', 'snapshot', 'set', '--state', 'in-use', 'x'],
      ['volume', 'snapshot', 'create', '--wait-timeout', '0', 'x'],
    ]) {
      const run = await ucinder(['--debug', ...args], env);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).not.toContain('REQ:');
    }
  });
});
