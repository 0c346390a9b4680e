import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../../support/cleanup.js';
import { uniqueName } from '../../support/ucinder-process.js';
import { expectSameRecord, sideBySide, type SideBySide } from './side-by-side.js';

type Row = Record<string, unknown>;

/**
 * `volume snapshot create --remote-source` (managing a snapshot the backend
 * holds) by both clients: each adopts one of two foreign snapshot files of
 * the same volume (the test bed's file driver: `<volume file>@<name>` in the
 * backend's directory, state/volumes/<backend>).
 */
describe('parity with openstack: volume snapshot create --remote-source', () => {
  let peers: SideBySide;
  let volumeId = '';
  let dataDir = '';
  const files: string[] = [];
  const snapshotIds: string[] = [];

  const ucinderOk = async (args: string[]) => {
    const run = await peers.ucinder(args);
    expect(run.code, `ucinder ${args.join(' ')}: ${run.stderr}`).toBe(0);
    return run.stdout.trim();
  };

  beforeAll(async () => {
    peers = sideBySide();
    volumeId = await ucinderOk(['volume', 'create', '--size', '1', '--wait', '-f', 'value', '-c', 'id', uniqueName('par-manage-vol')]);
    const host = await ucinderOk(['volume', 'show', volumeId, '-f', 'value', '-c', 'os-vol-host-attr:host']);
    const backend = host.split('@')[1]!.split('#')[0]!;
    dataDir = join(process.env.UCINDER_TESTBED_DIR ?? '/var/tmp/ucinder-testbed', 'state/volumes', backend);
  });

  afterAll(async () => {
    for (const id of snapshotIds) expectCleanedUp(await peers.ucinder(['volume', 'snapshot', 'delete', '--wait', id]), `volume snapshot delete ${id}`);
    if (volumeId) expectCleanedUp(await peers.ucinder(['volume', 'delete', '--wait', volumeId]), `volume delete ${volumeId}`);
    for (const file of files) rmSync(join(dataDir, file), { force: true });
  });

  it('prints the same keys, in the same order, with the same values', async () => {
    const names = [uniqueName('par-snap-ours'), uniqueName('par-snap-theirs')];
    for (const name of names) {
      files.push(`volume-${volumeId}@${name}`);
      copyFileSync(join(dataDir, `volume-${volumeId}`), join(dataDir, `volume-${volumeId}@${name}`));
    }
    const args = (name: string) => [
      'volume',
      'snapshot',
      'create',
      '--volume',
      volumeId,
      '--remote-source',
      `source-name=${name}`,
      '--description',
      'adopted',
      '--property',
      'a=1',
      name,
      '-f',
      'json',
    ];
    const ours = JSON.parse(await ucinderOk(args(names[0]!))) as Row;
    snapshotIds.push(String(ours.id));
    const run = await peers.openstack(args(names[1]!));
    expect(run.code, run.stderr).toBe(0);
    const theirs = JSON.parse(run.stdout) as Row;
    snapshotIds.push(String(theirs.id));
    expectSameRecord(ours, theirs, { ignoreValues: ['id', 'name', 'created_at', 'updated_at'] });
    expect(ours).toMatchObject({ name: names[0], volume_id: volumeId, description: 'adopted', properties: { a: '1' } });
    // Both became Cinder's: wait for them, so they can be deleted.
    for (const id of snapshotIds) {
      const deadline = Date.now() + 60_000;
      while ((await ucinderOk(['volume', 'snapshot', 'show', id, '-f', 'value', '-c', 'status'])) !== 'available' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    files.push(...snapshotIds.map((id) => `snapshot-${id}`));
  });
});
