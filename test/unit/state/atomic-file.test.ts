import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/state/atomic-file.js';
import { tempDir } from '../helpers/harness.js';

describe('writeFileAtomic', () => {
  const temp = () => tempDir('atomic');

  it('creates missing directories 0700 and the file 0600 by default, leaving no temp file', async () => {
    const root = temp();
    const file = join(root, 'a', 'b', 'secret.json');
    await writeFileAtomic(file, '{"x":1}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"x":1}\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, 'a', 'b')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(root, 'a', 'b'))).toEqual(['secret.json']);
  });

  it('replaces an existing file and applies the requested mode exactly', async () => {
    const root = temp();
    const file = join(root, 'f');
    writeFileSync(file, 'old', { mode: 0o666 });
    await writeFileAtomic(file, 'new', { mode: 0o644 });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(readdirSync(root)).toEqual(['f']);
  });

  it('fails without leaving a temp file when the target cannot be replaced', async () => {
    const root = temp();
    const target = join(root, 'is-a-dir');
    await writeFileAtomic(join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'y')).rejects.toThrow();
    expect(readdirSync(root)).toEqual(['is-a-dir']);
  });
});
