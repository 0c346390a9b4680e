import { spawn, type SpawnOptions } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
/** UCINDER_TEST_BIN runs a private build (handy while other builds replace dist/). */
export const BIN = process.env.UCINDER_TEST_BIN || join(ROOT, 'bin/ucinder');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time of the process, ms. */
  elapsedMs: number;
}

/** A private HOME with its own cache and state directories. */
export function privateHome(): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'ucinder-rel-'));
  return { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state') };
}

/** Runs the built bin/ucinder with exactly `env` (plus PATH), as a shell would. */
export function ucinder(args: string[], env: Record<string, string | undefined>, extra: SpawnOptions = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, LANG: 'C.UTF-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...extra,
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr, elapsedMs: performance.now() - started }));
  });
}

/** A stack trace line ("    at fn (file:1:2)") anywhere in the text. */
export const STACK_TRACE = /^\s+at .+[:(]\d+/m;

/** The lines of stderr, without the trailing newline. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
