import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

/**
 * The one way integration and reliability tests run ucinder: the built
 * bin/ucinder as a subprocess with exactly the environment the test gives
 * (plus PATH and LANG), as an operator's shell would.
 */
export const ROOT = resolve(import.meta.dirname, '../..');
/** UCINDER_TEST_BIN runs a private build (handy while other builds replace dist/). */
export const BIN = process.env.UCINDER_TEST_BIN || join(ROOT, 'bin/ucinder');

export type Env = Record<string, string | undefined>;

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface SpawnUcinderOptions {
  /** Node options before the script, e.g. `--max-old-space-size=24`. */
  nodeArgs?: string[];
  /**
   * The argv that runs ucinder instead of node and bin/ucinder, e.g. a single
   * executable from release/ (in a wrapper that hides node); UCINDER_TEST_EXECUTABLE
   * sets it for a whole run.
   */
  command?: string[];
  /** More spawn options (uid/gid to run as another user, stdio). */
  spawn?: SpawnOptions;
}

const EXECUTABLE = process.env.UCINDER_TEST_EXECUTABLE ? [resolve(process.env.UCINDER_TEST_EXECUTABLE)] : undefined;

/** Starts bin/ucinder (stdin /dev/null, stdout and stderr piped) and returns the child. */
export function spawnUcinder(args: string[], env: Env, options: SpawnUcinderOptions = {}): ChildProcess {
  const command = options.command ?? EXECUTABLE;
  if (command && options.nodeArgs?.length) throw new Error(`node arguments (${options.nodeArgs.join(' ')}) need node, not ${command.join(' ')}`);
  const [program, ...programArgs] = command ?? [process.execPath, ...(options.nodeArgs ?? []), BIN];
  return spawn(program!, [...programArgs, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options.spawn,
    env: { PATH: process.env.PATH, LANG: 'C.UTF-8', ...env },
  });
}

export interface RunOptions extends SpawnUcinderOptions {
  /** Written to stdin, which is then closed; without it stdin is /dev/null. */
  input?: string;
}

/** Runs bin/ucinder to the end and collects its exit code, signal and output. */
export function ucinder(args: string[], env: Env, options: RunOptions = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const stdin = options.input === undefined ? 'ignore' : 'pipe';
    const child = spawnUcinder(args, env, { ...options, spawn: { ...options.spawn, stdio: [stdin, 'pipe', 'pipe'] } });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    if (options.input !== undefined) child.stdin!.end(options.input);
  });
}

/**
 * `cli(...args)` and `json(...args)` bound to one environment. `json` adds
 * `-f json`, expects success (exit 0 and no `ucinder:` error line; --wait
 * progress on stderr is fine) and returns the parsed stdout.
 */
export function ucinderWith(env: Env): { cli: (...args: string[]) => Promise<Run>; json: (...args: string[]) => Promise<any> } {
  const cli = (...args: string[]) => ucinder(args, env);
  const json = async (...args: string[]) => {
    const run = await cli(...args, '-f', 'json');
    expect(run.stderr, args.join(' ')).not.toContain('ucinder:');
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  };
  return { cli, json };
}

/** A private HOME with its own cache and state directories, so runs never share caches by accident. */
export function privateHome(): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'ucinder-test-'));
  return { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state') };
}

/** A name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
