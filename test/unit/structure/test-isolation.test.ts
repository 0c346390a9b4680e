import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_LANE } from '../../../vitest.config.js';

const UNIT = resolve(import.meta.dirname, '..');
const ROOT = resolve(UNIT, '../..');

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

/** The lines of `files` that match a LEAKING pattern, as "file:line: text". */
function leaksIn(files: string[]): string[] {
  return files.flatMap((file) => {
    if (file === import.meta.filename) return [];
    const lines = readFileSync(file, 'utf8').split('\n');
    return lines.flatMap((line, index) => (LEAKING.some((pattern) => pattern.test(line)) ? [`${relative(ROOT, file)}:${index + 1}: ${line.trim()}`] : []));
  });
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('unit tests share their workers', () => {
  it('no unit test mocks modules or globals, fakes timers, or changes the environment or directory of the process', () => {
    expect(leaksIn(testFiles(UNIT))).toEqual([]);
  });
});

/**
 * The integration-services project (vitest.config.ts) runs its files one after
 * another in one shared thread too, beside the integration project's fork. A
 * path listed there that does not exist would leave the file it meant in the
 * integration project, running at the same time as the files it must not overlap.
 */
describe('the service lane of the integration tests', () => {
  it('lists files that exist', () => {
    expect(SERVICE_LANE.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('its files change nothing another file in its thread would see', () => {
    expect(leaksIn(SERVICE_LANE.map((path) => join(ROOT, path)))).toEqual([]);
  });
});
