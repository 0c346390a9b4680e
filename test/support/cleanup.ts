import { expect } from 'vitest';
import type { Run } from './ucinder-process.js';

/**
 * Cleanup that cannot fail quietly. Something a hook leaves behind (a
 * volume, a type, a quota, an attachment) changes what later tests list,
 * count or may delete, and fills the test bed's backends; a warning in the
 * log is read by no one. So a cleanup step that fails fails its hook, and
 * vitest then fails the test (afterEach) or the file (afterAll).
 *
 * Success is exit 0, or a failure in which every error line says the thing
 * is already gone (a test may delete what it made): ucinder's "No volume
 * with a name or ID of 'x' exists." or "no volume has ID x" (its refusal to
 * fall back to a volume named after a gone ID), Cinder's "… could not be
 * found. (HTTP 404)" for a delete by ID, and bulk delete's "N of M … failed
 * to delete" summary of those.
 */
export function expectCleanedUp(run: Run, step: string): void {
  if (run.code === 0) return;
  const errors = run.stderr.split('\n').filter((line) => /^(ucinder: |Failed to delete )/.test(line));
  const unexpected = errors.filter((line) => !ALREADY_GONE.test(line) && !BULK_SUMMARY.test(line));
  expect(errors.length > 0 && unexpected.length === 0, `cleanup failed: ${step} (exit ${run.code}):\n${run.stderr}`).toBe(true);
}

const ALREADY_GONE = /No [\w ]+ with a name or ID of '.*' exists\.$|^ucinder: no [\w ]+ has ID |could not be found\. \(HTTP 404\)/;
const BULK_SUMMARY = /^ucinder: \d+ of \d+ [\w ]+ failed to delete$/;
