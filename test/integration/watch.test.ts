import { describe, expect, it } from 'vitest';
import { spawnUcinder } from '../support/ucinder-process.js';
import { testbedSession } from './helpers/cinder-fixtures.js';

const TIMESTAMP_LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/**
 * Runs `args` and presses Ctrl-C (SIGINT) `ms` after its first output (so a
 * slow start on a busy machine does not eat the time); collects what it
 * printed and how it ended.
 */
function runFor(args: string[], env: Record<string, string>, ms: number) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawnUcinder(args, env);
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      timer ??= setTimeout(() => child.kill('SIGINT'), ms);
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('--watch against the real Cinder', () => {
  const { env, newVolume } = testbedSession();

  it('volume list --watch 1 in a pipe prints a timestamped listing per refresh until Ctrl-C, then exits 0', async () => {
    const { id } = await newVolume('it-watch');
    const run = await runFor(['volume', 'list', '--watch', '1', '-f', 'value', '-c', 'ID'], env, 2500);
    expect(run.stderr).toBe('');
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
    const lines = run.stdout.trimEnd().split('\n');
    const stamps = lines.filter((line) => TIMESTAMP_LINE.test(line));
    expect(stamps.length).toBeGreaterThanOrEqual(2);
    // Never faster than the interval: 2.5 s after the first, 1 s apart, is at most 3 more.
    expect(stamps.length).toBeLessThanOrEqual(4);
    expect(TIMESTAMP_LINE.test(lines[0]!)).toBe(true);
    // Every refresh lists the volume.
    expect(lines.filter((line) => line === id)).toHaveLength(stamps.length);
    const seconds = stamps.map((stamp) => Date.parse(stamp) / 1000);
    for (let i = 1; i < seconds.length; i++) expect(seconds[i]! - seconds[i - 1]!).toBeGreaterThanOrEqual(1);
  });

  it('volume show NAME --watch in a pipe shows the volume each refresh', async () => {
    const { name } = await newVolume('it-watch-show');
    const run = await runFor(['volume', 'show', name, '--watch', '1', '-f', 'value', '-c', 'status'], env, 1500);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\navailable\n){2,3}$/);
  });
});
