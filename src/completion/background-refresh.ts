import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import type { NameKind } from './name-kinds.js';

/**
 * Starts `ucinder [global options] completion names <kind> --refresh` as a
 * detached process with no stdio, so the TAB that asked returns at once and
 * the shell does not wait for it. Only when this process *is* the ucinder
 * program: run in-process (tests, embedding) there is no program to re-run.
 */
export function startDetachedRefresh(kind: NameKind, globalArgs: string[]): void {
  const script = process.argv[1];
  if (!script || !/^ucinder(\.js)?$/.test(basename(script))) return;
  try {
    const child = spawn(process.execPath, [...process.execArgv, script, ...globalArgs, 'completion', 'names', kind, '--refresh'], {
      detached: true,
      stdio: 'ignore',
      env: process.env,
    });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No refresh this time; the stale names still answer.
  }
}
