import { InterruptedError, PartialFailureError } from '../errors.js';
import type { Factory } from './factory.js';

/** One requested change of a `set`/`unset` command, e.g. "set the size". */
export interface Change {
  /** Completes "failed to …": "extend to 2 GiB", "unset property 'k'". */
  what: string;
  apply: () => Promise<void>;
}

/**
 * Applies every change, in order, even after one fails (as the openstack
 * client does): a failed rename should not stop the resize. Each failure is
 * reported on stderr; any failure makes the command fail. A single change
 * fails with its own error, so its message and exit code stay precise.
 */
export async function applyChanges(f: Factory, subject: string, changes: Change[]): Promise<void> {
  const failures: { what: string; error: Error }[] = [];
  for (const change of changes) {
    try {
      await change.apply();
    } catch (error) {
      // Ctrl-C stops everything; the remaining changes are not attempted.
      if (error instanceof InterruptedError) throw error;
      failures.push({ what: change.what, error: error as Error });
    }
  }
  if (changes.length === 1 && failures.length === 1) throw failures[0]!.error;
  for (const { what, error } of failures) {
    f.io.stderr.write(`${subject}: failed to ${what}: ${error.message}\n`);
  }
  if (failures.length) throw new PartialFailureError(failures.length, changes.length, `changes to ${subject} failed`);
}
