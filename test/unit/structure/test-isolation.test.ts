import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const UNIT = resolve(import.meta.dirname, '..');

/**
 * The unit project runs its files in shared workers without isolating them
 * (isolate: false in vitest.config.ts): a module is loaded once per worker.
 * That is sound only while no test changes what another file would see: a
 * mocked module, a stubbed global or variable, fake timers, or a changed
 * process.env would leak into the files that run after it in the worker.
 * Tests inject such things instead (the harness's env, sleep, now, runner).
 */
const LEAKING = [
  /\bvi\.(mock|doMock|unmock|stubGlobal|stubEnv|useFakeTimers|spyOn|mocked)\(/,
  /\bprocess\.env(\.\w+|\[[^\]]+\])\s*=[^=]/,
  /\bdelete process\.env\b/,
  /\bprocess\.chdir\(/,
];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('unit tests share their workers', () => {
  it('no unit test mocks modules or globals, fakes timers, or changes the environment or directory of the process', () => {
    const leaks = testFiles(UNIT).flatMap((file) => {
      if (file === import.meta.filename) return [];
      const lines = readFileSync(file, 'utf8').split('\n');
      return lines.flatMap((line, index) => (LEAKING.some((pattern) => pattern.test(line)) ? [`${relative(UNIT, file)}:${index + 1}: ${line.trim()}`] : []));
    });
    expect(leaks).toEqual([]);
  });
});
