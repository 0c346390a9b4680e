import { spawn } from 'node:child_process';
import type { Env } from '../env.js';

/**
 * Starts `argv` as a detached process with no stdio and does not wait for it:
 * the shell's TAB that asked for a background refresh returns at once.
 * Failing to start only means no refresh this time.
 */
export function startDetached(argv: readonly string[], env: Env): void {
  const [program, ...args] = argv;
  if (!program) return;
  try {
    const child = spawn(program, args, { detached: true, stdio: 'ignore', env });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No refresh this time; the stale names still answer.
  }
}
