import type { StatusTarget } from '../api/wait.js';
import { waitForDeletion, waitForDeletions } from '../api/wait.js';
import { InterruptedError, PartialFailureError } from '../errors.js';
import { startProgress } from '../output/progress.js';
import { mapSettledBounded } from './bounded-map.js';
import type { Factory } from './factory.js';
import { waitTimeoutMs, type WaitFlags } from './wait/progress.js';

interface BulkDelete<T> {
  /** Singular and plural nouns for messages: "volume", "volumes". */
  noun: string;
  nouns: string;
  /** The NAME|ID arguments, in the order given. */
  items: string[];
  concurrency: number;
  /** How a failure names its item: "volume with name or ID 'x'". */
  describe: (item: string) => string;
  /**
   * Resolves and deletes one item; returns what to poll when waiting.
   * `note` tells the user something worth knowing that is no failure.
   */
  deleteOne: (item: string, note: (line: string) => void) => Promise<T>;
  /** With --wait: the resource as something to poll until it is gone. */
  pollTarget?: (resource: T) => Omit<StatusTarget<T>, 'done'>;
  /**
   * With --wait and several items: the IDs now in the `deleting` status (one
   * filtered listing), so the batch is polled with one request per round.
   */
  listDeleting?: () => Promise<Set<string>>;
  idOf?: (resource: T) => string;
  wait?: WaitFlags;
}

/**
 * Bulk delete the way the openstack client does it, but concurrent: every
 * item is tried, each failure is reported, then "N of M volumes failed to
 * delete" (exit 1). A single item fails with its own error and exit code.
 */
export async function runBulkDelete<T>(f: Factory, spec: BulkDelete<T>): Promise<void> {
  const waiting = spec.wait?.wait === true && spec.pollTarget !== undefined;
  const total = spec.items.length;
  const progress = waiting ? await startProgress(f.io, `Deleting ${total} ${total === 1 ? spec.noun : spec.nouns}`) : undefined;
  // Every delete is sent first, and only then is anything polled: polls
  // sent while deletes are still queued compete with them for the API's
  // workers. Waiting for several then costs one filtered listing per round
  // (listDeleting) rather than a GET per item (bench/bulk.mjs measures it
  // against a bare script).
  const note = (line: string) => (progress ? progress.note(line) : f.io.stderr.write(`${line}\n`));
  const deletions = await mapSettledBounded(spec.items, spec.concurrency, (item) => spec.deleteOne(item, note));
  let gone = 0;
  const countGone = () => {
    gone++;
    // A count is news only for several items; the closing line says it for one.
    if (total > 1) progress?.update(`${gone} of ${total} ${spec.nouns} deleted`);
  };
  const waitOptions = () => ({ timeoutMs: waitTimeoutMs(spec.wait!), signal: f.deps.signal, sleep: f.deps.sleep, now: f.deps.now });
  let results: PromiseSettledResult<unknown>[] = deletions;
  if (waiting && spec.listDeleting && spec.idOf && total > 1) {
    const accepted = deletions.flatMap((deletion) => (deletion.status === 'fulfilled' ? [{ id: spec.idOf!(deletion.value), target: spec.pollTarget!(deletion.value) }] : []));
    const settled = await waitForDeletions(accepted, {
      ...waitOptions(),
      listDeleting: spec.listDeleting,
      onStatus: (line) => progress?.update(line),
      onGone: countGone,
    });
    let next = 0;
    results = deletions.map((deletion) => (deletion.status === 'fulfilled' ? settled[next++]! : deletion));
  } else if (waiting) {
    results = await mapSettledBounded(deletions, spec.concurrency, async (deletion, index) => {
      if (deletion.status === 'rejected') throw deletion.reason;
      const item = spec.items[index]!;
      await waitForDeletion(spec.pollTarget!(deletion.value), {
        ...waitOptions(),
        onStatus: (status) => progress?.update(`${spec.noun} '${item}': ${status}`),
      });
      countGone();
    });
  }
  progress?.stop();
  const failures = results.flatMap((result, index) => (result.status === 'rejected' ? [{ item: spec.items[index]!, error: result.reason as Error }] : []));
  if (failures.some((failure) => failure.error instanceof InterruptedError)) {
    throw new InterruptedError(`stopped waiting; deletions of ${spec.nouns} continue on the server`);
  }
  if (total === 1 && failures.length === 1) throw failures[0]!.error;
  for (const { item, error } of failures) {
    f.io.stderr.write(`Failed to delete ${spec.describe(item)}: ${error.message}\n`);
  }
  if (failures.length) throw new PartialFailureError(failures.length, total, `${spec.nouns} failed to delete`);
  if (waiting) f.io.stderr.write(`${total} ${total === 1 ? spec.noun : spec.nouns} deleted\n`);
}
