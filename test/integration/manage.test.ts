import { copyFileSync, existsSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../support/ucinder-process.js';
import { testbedSession, typesPinnedTo } from './helpers/cinder-fixtures.js';

/**
 * Adopting what lives on a backend and letting go of it, on the real Cinder
 * with the test bed's file driver: a file of the backend's directory that is
 * not Cinder's is a manageable volume; `<volume file>@<name>` is a manageable
 * snapshot of that volume. The directory is the test bed's own (testbed.sh:
 * state/volumes/<backend>), so the test runs where cinder-volume runs.
 */
const BACKEND = 'mmj';
const DATA_DIR = join(process.env.UCINDER_TESTBED_DIR ?? '/var/tmp/ucinder-testbed', 'state/volumes', BACKEND);
const GiB = 1024 ** 3;

type Row = Record<string, unknown>;

describe('manage and unmanage against the real Cinder', () => {
  const { env, cli, json, created } = testbedSession();
  const [typeName] = typesPinnedTo(env, 'it-manage', [BACKEND]) as [string];
  /** The backend's host (node1@mmj), from the pools the scheduler has fresh stats of (live backends only). */
  let backendHost = '';
  /** Files a test put in (or left in) the backend directory, removed after it. */
  const files: string[] = [];

  beforeAll(async () => {
    const pools = (await json('volume', 'backend', 'pool', 'list')) as Row[];
    backendHost = String(pools.find((pool) => String(pool.Name).endsWith(`@${BACKEND}#${BACKEND}`))!.Name).split('#')[0]!;
  });
  afterEach(() => {
    for (const file of files.splice(0)) rmSync(join(DATA_DIR, file), { force: true });
  });

  const sourceName = (name: string) => ({ 'source-name': name });
  const findRow = (rows: Row[], name: string) => rows.find((row) => JSON.stringify(row.reference) === JSON.stringify(sourceName(name)));

  it('lists a foreign file as manageable, manages it (available, its size rounded up), unmanages it (the file stays)', async () => {
    const lun = uniqueName('it-lun');
    files.push(lun);
    writeFileSync(join(DATA_DIR, lun), 'adopt me');
    truncateSync(join(DATA_DIR, lun), 1.5 * GiB);

    const listed = findRow(await json('block', 'storage', 'volume', 'manageable', 'list', backendHost, '--long'), lun);
    expect(listed).toEqual({ reference: sourceName(lun), size: 2, safe_to_manage: true, reason_not_safe: null, cinder_id: null, extra_info: null });

    const name = uniqueName('it-adopted');
    const volume = await json('volume', 'create', '--remote-source', `source-name=${lun}`, '--host', `${backendHost}#${BACKEND}`, '--type', typeName, '--wait', name);
    created.volumes.push(volume.id);
    expect(volume).toMatchObject({ name, status: 'available', size: 2, type: typeName });
    const volumeFile = `volume-${volume.id}`;
    files.push(volumeFile);
    expect(existsSync(join(DATA_DIR, lun))).toBe(false);
    expect(statSync(join(DATA_DIR, volumeFile)).size).toBe(2 * GiB);

    const managed = findRow(await json('block', 'storage', 'volume', 'manageable', 'list', backendHost, '--long'), volumeFile);
    expect(managed).toMatchObject({ safe_to_manage: false, reason_not_safe: 'already managed', cinder_id: volume.id });

    const unmanage = await cli('volume', 'delete', '--remote', '--wait', name);
    expect(unmanage.code, unmanage.stderr).toBe(0);
    expect((await cli('volume', 'show', volume.id)).code).toBe(1);
    expect(existsSync(join(DATA_DIR, volumeFile))).toBe(true);
    const again = findRow(await json('block', 'storage', 'volume', 'manageable', 'list', backendHost), volumeFile);
    expect(again).toEqual({ reference: sourceName(volumeFile), size: 2, safe_to_manage: true });
  });

  it('manages a foreign snapshot file of a volume, then unmanages it (the file stays, named after the volume)', async () => {
    const volume = await json('volume', 'create', '--size', '1', '--type', typeName, '--wait', uniqueName('it-manage-snapvol'));
    created.volumes.push(volume.id);
    const volumeFile = `volume-${volume.id}`;
    const snapName = uniqueName('it-snap7');
    files.push(`${volumeFile}@${snapName}`);
    copyFileSync(join(DATA_DIR, volumeFile), join(DATA_DIR, `${volumeFile}@${snapName}`));

    const listed = findRow(await json('block', 'storage', 'snapshot', 'manageable', 'list', backendHost), snapName);
    expect(listed).toEqual({ reference: sourceName(snapName), size: 1, safe_to_manage: true, source_reference: sourceName(volumeFile) });

    const snapshot = await json('volume', 'snapshot', 'create', '--volume', volume.id, '--remote-source', `source-name=${snapName}`, '--wait', snapName);
    created.snapshots.push(snapshot.id);
    expect(snapshot).toMatchObject({ name: snapName, status: 'available', size: 1, volume_id: volume.id });
    expect(existsSync(join(DATA_DIR, `snapshot-${snapshot.id}`))).toBe(true);

    const unmanage = await cli('volume', 'snapshot', 'delete', '--remote', '--wait', snapshot.id);
    expect(unmanage.code, unmanage.stderr).toBe(0);
    expect((await cli('volume', 'snapshot', 'show', snapshot.id)).code).toBe(1);
    const kept = `${volumeFile}@snapshot-${snapshot.id}`;
    files.push(kept);
    expect(existsSync(join(DATA_DIR, kept))).toBe(true);
    const relisted = findRow(await json('block', 'storage', 'snapshot', 'manageable', 'list', backendHost), `snapshot-${snapshot.id}`);
    expect(relisted).toMatchObject({ safe_to_manage: true, source_reference: sourceName(volumeFile) });
  });

  it('managing a source that does not exist: one line saying the backend lists no such reference, exit 1', async () => {
    const missing = uniqueName('it-missing-lun');
    const name = uniqueName('it-adopt-missing');
    const run = await cli('volume', 'create', '--remote-source', `source-name=${missing}`, '--host', `${backendHost}#${BACKEND}`, '--type', typeName, '--wait', name);
    const id = (await json('volume', 'list', '--name', name))[0]?.ID;
    if (id) created.volumes.push(id);
    expect(run.code).toBe(1);
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('ucinder:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `^ucinder: volume '${name}' is in status 'error': the backend ${backendHost} lists no manageable item with reference \\{'source-name': '${missing}'\\}; ` +
          `Cinder logged the reason under req-[0-9a-f-]{36} in the log of cinder-volume ${backendHost}$`,
      ),
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('bad input is refused before any request: --remote-source without --host or --cluster (exit 2)', async () => {
    const run = await cli('volume', 'create', '--remote-source', 'source-name=x', uniqueName('it-adopt-bad'));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ucinder: --remote-source needs exactly one of --host or --cluster\n');
  });
});
