import { describe, expect, it } from 'vitest';
import { uniqueName } from '../support/ucinder-process.js';
import { testbedSession, typesPinnedTo } from './helpers/cinder-fixtures.js';

/**
 * Snapshots, and volumes cloned from a snapshot and from a volume, on the
 * real Cinder. Each test snapshots a volume of its own; the type is shared,
 * read-only setup.
 */
describe('volume snapshot against the real Cinder', () => {
  const { env, cli, json, created, newVolume: newAnyVolume } = testbedSession();
  const [typeName] = typesPinnedTo(env, 'it-snap', ['mmj']) as [string];
  /** An available 1 GiB volume of the test type. */
  const newVolume = (prefix: string) => newAnyVolume(prefix, '--type', typeName);

  /** An available snapshot of `volume`, described 'before upgrade', with property purpose=test. */
  async function newSnapshot(volume: { name: string }, prefix: string): Promise<{ id: string; name: string }> {
    const snapshot = await json(
      'volume',
      'snapshot',
      'create',
      '--volume',
      volume.name,
      '--description',
      'before upgrade',
      '--property',
      'purpose=test',
      '--wait',
      uniqueName(prefix),
    );
    created.snapshots.push(snapshot.id);
    return snapshot;
  }

  it('creates a snapshot by volume name and waits until it is available', async () => {
    const volume = await newVolume('it-snap-vol');
    const snapName = uniqueName('it-snap');
    const run = await cli(
      'volume',
      'snapshot',
      'create',
      '--volume',
      volume.name,
      '--description',
      'before upgrade',
      '--property',
      'purpose=test',
      '--wait',
      snapName,
      '-f',
      'json',
    );
    expect(run.code).toBe(0);
    // Not a terminal: plain progress lines on stderr, ending with the result.
    expect(run.stderr).toMatch(new RegExp(`^Waiting for snapshot '${snapName}' to become available\\n`));
    expect(run.stderr).toMatch(new RegExp(`snapshot '${snapName}' is available\\n$`));
    const snapshot = JSON.parse(run.stdout);
    created.snapshots.push(snapshot.id);
    expect(snapshot).toMatchObject({ name: snapName, status: 'available', size: 1, volume_id: volume.id, description: 'before upgrade', properties: { purpose: 'test' } });
  });

  it('lists by volume with --long; the Volume column carries the volume ID as data (as openstack)', async () => {
    const volume = await newVolume('it-snap-list-vol');
    const snapshot = await newSnapshot(volume, 'it-snap-list');
    const rows = await json('volume', 'snapshot', 'list', '--volume', volume.name, '--long');
    expect(rows).toEqual([expect.objectContaining({ ID: snapshot.id, Name: snapshot.name, Status: 'available', Size: 1, Volume: volume.id, Properties: { purpose: 'test' } })]);
    const filtered = await json('volume', 'snapshot', 'list', '--name', snapshot.name, '--status', 'available');
    expect(filtered.map((row: { ID: string }) => row.ID)).toEqual([snapshot.id]);
  });

  it('shows by name and by ID', async () => {
    const snapshot = await newSnapshot(await newVolume('it-snap-show-vol'), 'it-snap-show');
    expect((await json('volume', 'snapshot', 'show', snapshot.name)).id).toBe(snapshot.id);
    const value = await cli('volume', 'snapshot', 'show', snapshot.id, '-f', 'value', '-c', 'status');
    expect(value.stdout).toBe('available\n');
  });

  it('renames, describes, adds properties and resets the state', async () => {
    const snapshot = await newSnapshot(await newVolume('it-snap-set-vol'), 'it-snap-set');
    const renamed = `${snapshot.name}-renamed`;
    const run = await cli('volume', 'snapshot', 'set', '--name', renamed, '--description', 'kept', '--property', 'owner=ops', snapshot.name);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const shown = await json('volume', 'snapshot', 'show', renamed);
    expect(shown).toMatchObject({ id: snapshot.id, name: renamed, description: 'kept', properties: { purpose: 'test', owner: 'ops' } });
    expect((await cli('volume', 'snapshot', 'set', '--state', 'error', renamed)).code).toBe(0);
    expect((await json('volume', 'snapshot', 'show', renamed)).status).toBe('error');
    expect((await cli('volume', 'snapshot', 'set', '--state', 'available', renamed)).code).toBe(0);
    expect((await json('volume', 'snapshot', 'show', renamed)).status).toBe('available');
  });

  it('creates a volume from the snapshot (by name) and a clone of the volume', async () => {
    const volume = await newVolume('it-snap-src-vol');
    const snapshot = await newSnapshot(volume, 'it-snap-src');
    const fromSnapshot = await json('volume', 'create', '--snapshot', snapshot.name, '--wait', uniqueName('it-snap-fromsnap'));
    created.volumes.push(fromSnapshot.id);
    expect(fromSnapshot).toMatchObject({ status: 'available', snapshot_id: snapshot.id, size: 1, type: typeName });
    const clone = await json('volume', 'create', '--source', volume.name, '--size', '2', '--wait', uniqueName('it-snap-clone'));
    created.volumes.push(clone.id);
    expect(clone).toMatchObject({ status: 'available', source_volid: volume.id, size: 2, type: typeName });
  });

  it('bulk delete tries every snapshot and reports "1 of 3 snapshots failed to delete"', async () => {
    const volume = await newVolume('it-snap-bulk-vol');
    const first = await newSnapshot(volume, 'it-snap-bulk1');
    const second = await newSnapshot(volume, 'it-snap-bulk2');
    const missing = uniqueName('it-snap-missing');
    const run = await cli('volume', 'snapshot', 'delete', '--wait', first.name, missing, second.id);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Failed to delete snapshot with name or ID '${missing}': No snapshot with a name or ID of '${missing}' exists.\n`);
    expect(run.stderr).toMatch(/ucinder: 1 of 3 snapshots failed to delete\n$/);
    for (const id of [first.id, second.id]) {
      const after = await cli('volume', 'snapshot', 'show', id);
      expect(after.code).toBe(1);
      expect(after.stderr).toBe(`ucinder: No snapshot with a name or ID of '${id}' exists.\n`);
    }
  });

  it('rejects bad input before sending anything', async () => {
    for (const args of [
      ['volume', 'snapshot', 'list', '--status', 'bogus'],
      ['volume', 'snapshot', 'set', 'x'],
      ['volume', 'snapshot', 'set', '--state', 'in-use', 'x'],
      ['volume', 'snapshot', 'create', '--wait-timeout', '0', 'x'],
    ]) {
      const run = await cli('--debug', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).not.toContain('REQ:');
    }
  });
});
