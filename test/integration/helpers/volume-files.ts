import { closeSync, existsSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The bytes of the test bed's volumes: its file driver keeps volume <id> as
 * the sparse file state/volumes/<backend>/volume-<id>, so a test writes
 * known bytes into a volume and reads back what Cinder put into another one
 * (a restored backup, a volume made from an image).
 */
export const TESTBED_DIR = process.env.UCINDER_TESTBED_DIR || '/var/tmp/ucinder-testbed';

export function backingFile(volumeId: string): string {
  const candidates = ['mmj', 'mmj2'].map((backend) => join(TESTBED_DIR, 'state/volumes', backend, `volume-${volumeId}`));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`no backing file for volume ${volumeId} in ${candidates.join(', ')}`);
  return found;
}

export function writeAt(volumeId: string, offset: number, data: Buffer): void {
  const fd = openSync(backingFile(volumeId), 'r+');
  try {
    writeSync(fd, data, 0, data.length, offset);
  } finally {
    closeSync(fd);
  }
}

export function readAt(volumeId: string, offset: number, length: number): Buffer {
  const fd = openSync(backingFile(volumeId), 'r');
  try {
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, offset);
    return buffer;
  } finally {
    closeSync(fd);
  }
}

/** Takes the volume's data away behind Cinder's back: the next thing that reads it fails, as on a broken backend. */
export function removeBackingFile(volumeId: string): void {
  unlinkSync(backingFile(volumeId));
}
