import { describe, expect, it, onTestFinished } from 'vitest';
import { spawnUcinder } from '../support/ucinder-process.js';
import { testbedSession } from './helpers/cinder-fixtures.js';

const TIMESTAMP_LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/**
 * Runs `args` and presses Ctrl-C (SIGINT) as soon as what it printed
 * satisfies `enough`: the test waits for refreshes, not for a stretch of
 * time, so a slow machine only makes it slower. Collects what it printed and
 * how it ended. (A watch that never prints enough is killed when the test
 * times out, failing it.)
 */
function runUntil(args: string[], env: Record<string, string>, enough: (stdout: string) => boolean) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawnUcinder(args, env);
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!interrupted && enough(stdout)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** How many refreshes `stdout` holds (a pipe: each one is a timestamp line, then the view). */
function refreshes(stdout: string): number {
  return stdout.split('\n').filter((line) => TIMESTAMP_LINE.test(line)).length;
}

describe('--watch against the real Cinder', () => {
  const { env, newVolume } = testbedSession();

  it('volume list --watch 1 in a pipe prints a timestamped listing per refresh until Ctrl-C, then exits 0', async () => {
    const { id, name } = await newVolume('it-watch');
    // Ctrl-C once the third listing is out (each refresh is written whole; --name: other tests' volumes come and go).
    const run = await runUntil(['volume', 'list', '--name', name, '--watch', '1', '-f', 'value', '-c', 'ID'], env, (out) => refreshes(out) >= 3 && out.endsWith(`${id}\n`));
    expect(run.stderr).toBe('');
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
    // Nothing but whole refreshes, each a timestamp and the listing of the volume; Ctrl-C ends
    // the watch between two of them (a refresh it interrupts is dropped, never half printed).
    const block = `\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\n${id}\\n`;
    expect(run.stdout).toMatch(new RegExp(`^(${block}){3,}$`));
    // Never faster than the interval: the refreshes' own timestamps are at least 1 s apart.
    const seconds = run.stdout
      .split('\n')
      .filter((line) => TIMESTAMP_LINE.test(line))
      .map((stamp) => Date.parse(stamp) / 1000);
    for (let i = 1; i < seconds.length; i++) expect(seconds[i]! - seconds[i - 1]!).toBeGreaterThanOrEqual(1);
  });

  it('volume show NAME --watch in a pipe shows the volume each refresh', async () => {
    const { name } = await newVolume('it-watch-show');
    const run = await runUntil(['volume', 'show', name, '--watch', '1', '-f', 'value', '-c', 'status'], env, (out) => refreshes(out) >= 2 && out.endsWith('available\n'));
    expect({ code: run.code, signal: run.signal, stderr: run.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    expect(run.stdout).toMatch(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\navailable\n){2,}$/);
  });

  it('status --watch 1 in a pipe prints each refresh, its summary line under it, until Ctrl-C', async () => {
    const run = await runUntil(['status', '--watch', '1', '-f', 'value', '-c', 'Check'], env, (out) => refreshes(out) >= 2);
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
    const summaries = run.stderr.split('\n').filter(Boolean);
    expect(summaries.length).toBeGreaterThanOrEqual(2);
    for (const line of summaries) expect(line).toMatch(/^HEALTH_(OK|WARN|ERR): .*\(stuck after 10m, pools above 90%, this project\)$/);
  });
});
