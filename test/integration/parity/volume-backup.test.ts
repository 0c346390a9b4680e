import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../../support/cleanup.js';
import { pollUntil } from '../../support/poll.js';
import { uniqueName } from '../../support/ucinder-process.js';
import { csvHeader, expectSameListing, expectSameRecord, sideBySide, type SideBySide } from './side-by-side.js';

type Row = Record<string, unknown>;

/** openstack uses 3.0 unless told; ucinder negotiates the server's newest (3.70 on the test bed). */
const AT_3_70 = ['--os-volume-api-version', '3.70'];
/** Values that differ between two backups made the same way. */
const PER_BACKUP = ['id', 'name', 'created_at', 'updated_at', 'data_timestamp', 'container', 'volume_id'];
/** Backups of a 1 GiB volume take cinder-backup 15-40 s on 2 busy cores. */
const SLOW = 300_000;

describe('parity with openstack: volume backup', () => {
  let peers: SideBySide;
  const volumeName = uniqueName('par-backup-vol');
  /** openstack's create backs up its own volume: Cinder backs up one volume at a time. */
  let theirVolumeId = '';
  const backupName = uniqueName('par-backup');
  let volumeId = '';
  let backupId = '';
  /** Every backup made here, deleted (and waited for) before the volume. */
  const made: string[] = [];

  const ucinderOk = async (args: string[]) => {
    const run = await peers.ucinder(args);
    expect(run.code, `ucinder ${args.join(' ')}: ${run.stderr}`).toBe(0);
    return run.stdout.trim();
  };
  const statusOf = async (id: string) => {
    const run = await peers.ucinder(['volume', 'backup', 'show', id, '-f', 'value', '-c', 'status']);
    return run.code === 0 ? run.stdout.trim() : undefined;
  };
  /** ucinder as operators run it, openstack at 3.70; both must succeed. */
  const both = async (args: string[]) => {
    const [ours, theirs] = await Promise.all([peers.ucinder(args), peers.openstack([...AT_3_70, ...args])]);
    expect(theirs.code, `openstack ${args.join(' ')}: ${theirs.stderr}`).toBe(0);
    expect(ours.code, `ucinder ${args.join(' ')}: ${ours.stderr}`).toBe(0);
    return { ours: ours.stdout, theirs: theirs.stdout };
  };

  beforeAll(async () => {
    peers = sideBySide();
    volumeId = await ucinderOk(['volume', 'create', '--size', '1', '--wait', '-f', 'value', '-c', 'id', volumeName]);
    theirVolumeId = await ucinderOk(['volume', 'create', '--size', '1', '--wait', '-f', 'value', '-c', 'id', `${volumeName}-2`]);
    backupId = await ucinderOk([
      'volume',
      'backup',
      'create',
      '--name',
      backupName,
      '--description',
      'nightly',
      '--property',
      'purpose=test',
      '--wait',
      '--wait-timeout',
      '280',
      '-f',
      'value',
      '-c',
      'id',
      volumeId,
    ]);
    made.push(backupId);
  }, SLOW);

  afterAll(async () => {
    for (const id of made) {
      await pollUntil(
        () => statusOf(id),
        (status) => status !== 'creating',
        { attempts: 240 },
      );
      expectCleanedUp(await peers.ucinder(['volume', 'backup', 'delete', '--force', id]), `volume backup delete ${id}`);
      await pollUntil(
        () => statusOf(id),
        (status) => status === undefined,
        { attempts: 240 },
      );
    }
    for (const id of [volumeId, theirVolumeId].filter(Boolean)) expectCleanedUp(await peers.ucinder(['volume', 'delete', '--wait', id]), `volume delete ${id}`);
  }, SLOW);

  it('volume backup show: the same keys, sorted, with the same values (metadata as it is)', async () => {
    const { ours, theirs } = await both(['volume', 'backup', 'show', backupId, '-f', 'json']);
    expectSameRecord(JSON.parse(ours), JSON.parse(theirs));
    expect(JSON.parse(ours)).toMatchObject({ metadata: { purpose: 'test' }, description: 'nightly', status: 'available' });
    for (const format of [[], ['-f', 'value'], ['-f', 'shell', '--prefix', 'b_']]) {
      const text = await both(['volume', 'backup', 'show', backupName, ...format, '-c', 'metadata', '-c', 'status', '-c', 'size', '-c', 'is_incremental']);
      expect(text.ours, format.join(' ')).toBe(text.theirs);
    }
  });

  it('volume backup list and --long: the same columns, order and values (Volume: the ID as data, the name in a table)', async () => {
    for (const long of [[], ['--long']]) {
      const { ours, theirs } = await both(['volume', 'backup', 'list', '--volume', volumeId, ...long, '-f', 'json']);
      expectSameListing(JSON.parse(ours), JSON.parse(theirs), 'ID');
      const csv = await both(['volume', 'backup', 'list', '--volume', volumeId, ...long, '-f', 'csv']);
      expect(csvHeader(csv.ours)).toBe(csvHeader(csv.theirs));
    }
    const table = await both(['volume', 'backup', 'list', '--name', backupName, '--long', '-c', 'ID', '-c', 'Volume', '-c', 'Status']);
    expect(table.ours).toBe(table.theirs);
    expect(table.ours).toContain(volumeName);
    const value = await both(['volume', 'backup', 'list', '--name', backupName, '--long', '-f', 'value']);
    expect(value.ours).toBe(value.theirs);
    expect(value.ours).toContain(volumeId);
  });

  it('volume backup record export: the same json and the same table (friendly names)', async () => {
    // Every export moves the backup's updated_at, which the record carries: compare the record without it.
    const record = (text: string) => {
      const { backup_service: service, backup_url: url, ...rest } = JSON.parse(text) as Record<string, string>;
      const { updated_at: _moving, ...decoded } = JSON.parse(Buffer.from(url!, 'base64').toString('utf8')) as Row;
      return { keys: Object.keys(JSON.parse(text) as Row), service, rest, decoded };
    };
    const { ours, theirs } = await both(['volume', 'backup', 'record', 'export', backupId, '-f', 'json']);
    expect(record(ours)).toEqual(record(theirs));
    expect(record(ours).decoded).toMatchObject({ id: backupId, display_name: backupName, status: 'available' });
    // The same table once the (equally long) encoded records are masked.
    const mask = (text: string) => text.replace(/eyJ[A-Za-z0-9+/=]+/g, (url) => '*'.repeat(url.length));
    const table = await both(['volume', 'backup', 'record', 'export', backupName]);
    expect(mask(table.ours)).toBe(mask(table.theirs));
    expect(table.ours).toContain('| Backup Service | cinder.backup.drivers.posix.PosixBackupDriver');
  });

  it(
    'volume backup create, set, unset and delete: the same create output; set/unset/delete print nothing',
    async () => {
      const names = { mine: uniqueName('par-backup-life'), theirs: uniqueName('par-backup-life') };
      const flags = ['--description', 'd', '--property', 'a=1', '--property', 'keep=yes'];
      const created = await Promise.all([
        peers.ucinder(['volume', 'backup', 'create', '--name', names.mine, ...flags, volumeId, '-f', 'json']),
        peers.openstack([...AT_3_70, 'volume', 'backup', 'create', '--name', names.theirs, ...flags, theirVolumeId, '-f', 'json']),
      ]);
      // Whichever was made is cleaned up, even when the other failed.
      for (const run of created) if (run.code === 0) made.push((JSON.parse(run.stdout) as Row).id as string);
      for (const run of created) expect(run.code, run.stderr).toBe(0);
      const [mine, theirs] = created.map((run) => JSON.parse(run.stdout) as Row);
      expectSameRecord(mine, theirs, { ignoreValues: PER_BACKUP });
      expect(Object.keys(mine!)).toEqual(['id', 'name']);

      for (const id of [mine!.id, theirs!.id] as string[]) {
        expect(
          await pollUntil(
            () => statusOf(id),
            (status) => status !== 'creating',
            { attempts: 240 },
          ),
        ).toBe('available');
      }
      const same = async (verb: string[]) => {
        const [ucinderRun, openstackRun] = await Promise.all([
          peers.ucinder(['volume', 'backup', ...verb, names.mine]),
          peers.openstack([...AT_3_70, 'volume', 'backup', ...verb, names.theirs]),
        ]);
        expect(ucinderRun, `ucinder volume backup ${verb.join(' ')}`).toMatchObject({ code: 0, stdout: '', stderr: '' });
        expect(openstackRun, `openstack volume backup ${verb.join(' ')}`).toMatchObject({ code: 0, stdout: '' });
      };
      await same(['set', '--property', 'b=2', '--description', 'changed']);
      await same(['unset', '--property', 'a']);
      await same(['set', '--no-property', '--property', 'only=this']);
      const shown = await Promise.all([
        peers.ucinder(['volume', 'backup', 'show', names.mine, '-f', 'json']),
        peers.openstack([...AT_3_70, 'volume', 'backup', 'show', names.theirs, '-f', 'json']),
      ]);
      const [mineShown, theirsShown] = shown.map((run) => JSON.parse(run.stdout) as Row);
      expectSameRecord(mineShown, theirsShown, { ignoreValues: PER_BACKUP });
      expect(mineShown).toMatchObject({ metadata: { only: 'this' }, description: 'changed', status: 'available' });
      await same(['delete']);
    },
    SLOW,
  );
});
