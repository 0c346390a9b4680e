import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uniqueName } from '../support/ucinder-process.js';
import { testbedSession, typesPinnedTo } from './helpers/cinder-fixtures.js';

/**
 * `volume revert` on the real Cinder: the test bed's file driver copies the
 * snapshot's file over the volume's, so the bytes tell whether it happened.
 * The volume's file is in the backend's directory (testbed.sh: state/volumes/<backend>).
 */
const BACKEND = 'mmj';
const DATA_DIR = join(process.env.UCINDER_TESTBED_DIR ?? '/var/tmp/ucinder-testbed', 'state/volumes', BACKEND);

function writeAt(path: string, offset: number, text: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.from(text), 0, text.length, offset);
  } finally {
    closeSync(fd);
  }
}

function readAt(path: string, offset: number, length: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, offset);
    return buffer.toString();
  } finally {
    closeSync(fd);
  }
}

describe('volume revert against the real Cinder', () => {
  const { env, cli, json, created, newVolume } = testbedSession();
  const [typeName] = typesPinnedTo(env, 'it-revert', [BACKEND]) as [string];

  it('brings back the bytes of the snapshot, with --wait', async () => {
    const volume = await newVolume('it-revert-vol', '--type', typeName);
    const file = join(DATA_DIR, `volume-${volume.id}`);
    const before = `before ${uniqueName('bytes')}`;
    const offset = 1024 * 1024 + 17;
    writeAt(file, 0, before);
    writeAt(file, offset, before);
    const snapshot = await json('volume', 'snapshot', 'create', '--volume', volume.id, '--wait', uniqueName('it-revert-snap'));
    created.snapshots.push(snapshot.id);
    const after = 'AFTER'.padEnd(before.length, '!');
    writeAt(file, 0, after);
    writeAt(file, offset, after);
    expect(readAt(file, 0, before.length)).toBe(after);

    const run = await cli('volume', 'revert', '--wait', snapshot.name);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/is available\n$/);
    expect(readAt(file, 0, before.length)).toBe(before);
    expect(readAt(file, offset, before.length)).toBe(before);
    expect((await json('volume', 'show', volume.id)).status).toBe('available');
  });

  it("refuses a snapshot that is not the volume's latest, in Cinder's words (exit 1)", async () => {
    const volume = await newVolume('it-revert-old', '--type', typeName);
    const older = await json('volume', 'snapshot', 'create', '--volume', volume.id, '--wait', uniqueName('it-revert-old1'));
    created.snapshots.push(older.id);
    const newer = await json('volume', 'snapshot', 'create', '--volume', volume.id, '--wait', uniqueName('it-revert-old2'));
    created.snapshots.push(newer.id);
    const run = await cli('volume', 'revert', older.id);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^ucinder: .*latest/);
  });
});
