import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { pollUntil } from '../support/poll.js';
import { testbedSession } from './helpers/cinder-fixtures.js';
import { readAt, TESTBED_DIR, writeAt } from './helpers/volume-files.js';

/**
 * The backup family against the test bed's real cinder-backup (Cinder's
 * POSIX driver, backups under state/backups): bytes written into a volume's
 * backing file come back in the volume a backup is restored into.
 */
const MiB = 1024 * 1024;
/** Backups of a 1-2 GiB volume take cinder-backup 15-40 s on 2 busy cores. */
const SLOW = 600_000;

describe('volume backup against the real cinder-backup', () => {
  const { cli, json, created, newVolume } = testbedSession();
  /** Backups made by a test, deleted newest first (an incremental before its parent) after it. */
  const backups: string[] = [];

  afterEach(async () => {
    for (const id of backups.splice(0).reverse()) {
      expectCleanedUp(await cli('volume', 'backup', 'delete', '--force', '--wait', id), `volume backup delete ${id}`);
    }
  }, SLOW);

  async function backup(volume: string, ...args: string[]): Promise<Record<string, unknown>> {
    const made = await json('volume', 'backup', 'create', '--wait', '--wait-timeout', '300', ...args, volume);
    backups.push(made.id as string);
    expect(made.status).toBe('available');
    return made;
  }

  /** Restores into a new volume named `name` and waits; returns the new volume's ID. */
  async function restoreAsNew(backupId: string, name: string): Promise<string> {
    const restored = await json('volume', 'backup', 'restore', '--wait', '--wait-timeout', '300', backupId, name);
    created.volumes.push(restored.volume_id as string);
    expect(restored).toEqual({ backup_id: backupId, volume_id: restored.volume_id, volume_name: name });
    return restored.volume_id as string;
  }

  it(
    'full and incremental backups survive the volume; exported, deleted and imported, the full one comes back and volume create --backup restores it',
    async () => {
      // One volume and two backups for all of it: each backup or restore of a 1 GiB volume costs cinder-backup ~10 s of CPU.
      const volume = await newVolume('it-backup-src');
      const first = randomBytes(4096);
      const change = randomBytes(4096);
      writeAt(volume.id, 0, first);
      writeAt(volume.id, 300 * MiB, first);

      const full = await backup(volume.id, '--name', `${volume.name}-full`, '--description', 'full');
      expect(full).toMatchObject({ volume_id: volume.id, is_incremental: false, size: 1, description: 'full' });

      // Change a block the full backup had as zeros: the incremental carries only that.
      writeAt(volume.id, 700 * MiB, change);
      const incremental = await backup(volume.id, '--incremental', '--name', `${volume.name}-incr`);
      expect(incremental.is_incremental).toBe(true);
      expect((await json('volume', 'backup', 'show', full.id as string)).has_dependent_backups).toBe(true);

      const listed = await json('volume', 'backup', 'list', '--volume', volume.id, '--long');
      expect(listed.map((row: Record<string, unknown>) => row.ID).sort()).toEqual([full.id, incremental.id].sort());

      // The source goes; its backups stay and restore: the incremental brings its parent's blocks and its own.
      expect((await cli('volume', 'delete', '--wait', volume.id)).code).toBe(0);
      const fromIncremental = await restoreAsNew(incremental.id as string, `${volume.name}-r-incr`);
      expect(readAt(fromIncremental, 0, 4096).equals(first)).toBe(true);
      expect(readAt(fromIncremental, 300 * MiB, 4096).equals(first)).toBe(true);
      expect(readAt(fromIncremental, 700 * MiB, 4096).equals(change)).toBe(true);
      expect(await json('volume', 'show', fromIncremental)).toMatchObject({ status: 'available', name: `${volume.name}-r-incr`, size: 1 });

      // The full backup's record, and its files kept as another site would hold them.
      const record = await json('volume', 'backup', 'record', 'export', full.id as string);
      expect(Object.keys(record)).toEqual(['backup_service', 'backup_url']);
      expect(record.backup_service).toBe('cinder.backup.drivers.posix.PosixBackupDriver');
      const shown = await json('volume', 'backup', 'show', full.id as string);
      const container = join(TESTBED_DIR, 'state/backups', shown.container as string);
      const kept = join(mkdtempSync(join(tmpdir(), 'ucinder-backup-')), 'container');
      cpSync(container, kept, { recursive: true, filter: (path) => !basename(path).includes(incremental.id as string) });
      try {
        // Both in one command, the parent named first: the incremental goes first, its parent once it is gone
        // (Cinder refuses a backup with incrementals: "Incremental backups exist for this backup").
        const both = await cli('volume', 'backup', 'delete', '--wait', full.id as string, incremental.id as string);
        expect({ code: both.code, stderr: both.stderr.split('\n').filter((line) => line.startsWith('Failed') || line.startsWith('ucinder:')) }).toEqual({ code: 0, stderr: [] });
        backups.splice(0);
        for (const id of [full.id, incremental.id]) expect((await cli('volume', 'backup', 'show', id as string)).code).toBe(1);
        // The POSIX driver deletes the files and leaves the directory.
        expect(existsSync(container) ? readdirSync(container) : []).toEqual([]);

        cpSync(kept, container, { recursive: true });
        const imported = await json('volume', 'backup', 'record', 'import', record.backup_service, record.backup_url);
        expect(imported).toEqual({ id: full.id, name: `${volume.name}-full` });
        backups.push(full.id as string);
        // cinder-backup checks the imported record (creating) before it is available.
        const status = await pollUntil(
          async () => (await json('volume', 'backup', 'show', full.id as string)).status,
          (s) => s !== 'creating',
          { attempts: 120 },
        );
        expect(status).toBe('available');
      } finally {
        rmSync(kept, { recursive: true, force: true });
      }

      const restored = await json('volume', 'create', '--backup', full.id as string, '--wait', '--wait-timeout', '300', `${volume.name}-from-backup`);
      created.volumes.push(restored.id as string);
      expect(restored).toMatchObject({ status: 'available', size: 1 });
      expect(readAt(restored.id as string, 0, 4096).equals(first)).toBe(true);
      expect(readAt(restored.id as string, 300 * MiB, 4096).equals(first)).toBe(true);
      expect(readAt(restored.id as string, 700 * MiB, 4096).equals(Buffer.alloc(4096))).toBe(true);
    },
    SLOW,
  );

  it(
    'an in-use volume needs --force; restoring over an existing volume needs --force; a smaller volume is refused',
    async () => {
      const volume = await newVolume('it-backup-inuse', '--size', '2');
      // In use as Cinder sees it: an attachment (attachments API), then the status.
      const attach = await cli('init-connect', volume.id, '--attachments-api', '--host', 'it-backup-host', '--initiator', 'iqn.2004-10.com.ubuntu:01:it');
      expect(attach.code, attach.stderr).toBe(0);
      let made: Record<string, unknown>;
      try {
        expect((await cli('volume', 'set', '--state', 'in-use', volume.id)).code).toBe(0);
        const refused = await cli('volume', 'backup', 'create', volume.id);
        expect(refused).toMatchObject({ code: 1, stdout: '' });
        expect(refused.stderr).toMatch(/^ucinder: Invalid volume: Backing up an in-use volume must use the force flag\. \(HTTP 400\)/);
        expect(await json('volume', 'backup', 'list', '--volume', volume.id)).toEqual([]);
        // With --force Cinder backs up a temporary clone; the volume stays in use.
        made = await backup(volume.id, '--force');
        expect(made.size).toBe(2);
        expect((await json('volume', 'show', volume.id)).status).toBe('in-use');
      } finally {
        expect((await cli('term-connect', volume.id)).code).toBe(0);
      }
      const small = await newVolume('it-backup-small');
      const withoutForce = await cli('volume', 'backup', 'restore', made.id as string, small.name);
      expect(withoutForce).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `ucinder: Volume '${small.name}' already exists; if you want to restore the backup to it you need to specify the '--force' option\n`,
      });
      const tooSmall = await cli('volume', 'backup', 'restore', '--force', made.id as string, small.name);
      expect(tooSmall.code).toBe(1);
      expect(tooSmall.stderr).toMatch(/^ucinder: .*volume size 1 is too small to restore backup of size 2.*\(HTTP 400\)/);
      expect((await json('volume', 'show', small.id)).status).toBe('available');
    },
    SLOW,
  );

  it('bad input fails before any request with exit 2', async () => {
    for (const args of [
      ['volume', 'backup', 'create'],
      ['volume', 'backup', 'list', '--status', 'bogus'],
      ['volume', 'backup', 'set', 'b'],
      ['volume', 'backup', 'unset', 'b'],
      ['volume', 'backup', 'set', '--state', 'creating', 'b'],
      ['volume', 'backup', 'record', 'import', 'only-one'],
      ['volume', 'create', '--backup', 'b', '--snapshot', 's', 'v'],
    ]) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.split('\n').filter(Boolean), args.join(' ')).toHaveLength(1);
    }
  });
});
