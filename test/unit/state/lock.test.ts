import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../../src/state/lock.js';
import { tempDir } from '../helpers/harness.js';

describe('lock', () => {
  it('breaks a lock whose owner pid is dead, but waits for a live one', async () => {
    const dir = tempDir('lock');
    const path = join(dir, 'x.lock');
    const { hostname } = await import('node:os');
    writeFileSync(path, `999999 ${hostname()} deadbeef\n`);
    const lock = await acquireLock(path, { isAlive: () => false });
    expect(readFileSync(path, 'utf8')).toContain(`${process.pid} `);
    let now = 0;
    await expect(acquireLock(path, { timeoutMs: 1000, now: () => now, sleep: async (ms) => void (now += ms) })).rejects.toThrow(`held by pid ${process.pid}`);
    await lock.release();
    const again = await acquireLock(path);
    await again.release();
  });
});
