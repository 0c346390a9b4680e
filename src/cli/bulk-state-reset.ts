import { InterruptedError, PartialFailureError, UsageError } from '../errors.js';
import { mapSettledBounded } from './bounded-map.js';
import type { Factory } from './factory.js';
import { longFlagOf, type OptionSpec, type OptionSpecs } from './option-spec.js';

/** Status resets of several resources at once: cinder's `reset-state V1 V2 …` and `snapshot-reset-state S1 S2 …`. */
interface BulkStateReset {
  /** "volume", "volumes". */
  noun: string;
  nouns: string;
  items: readonly string[];
  /** Finds one resource by name or ID and resets it. */
  resetOne: (item: string) => Promise<void>;
}

/** How many resets are in flight at once: a reset is one database update, but a few hundred at once would queue at the API. */
const CONCURRENCY = 8;

/**
 * Resets every resource, even after one fails (as cinder does), reports each
 * failure on stderr, then fails with "N of M volumes failed to reset" (exit 1).
 */
export async function runBulkStateReset(f: Factory, spec: BulkStateReset): Promise<void> {
  const results = await mapSettledBounded(spec.items, CONCURRENCY, (item) => spec.resetOne(item));
  const failures = results.flatMap((result, index) => (result.status === 'rejected' ? [{ item: spec.items[index]!, error: result.reason as Error }] : []));
  if (failures.some((failure) => failure.error instanceof InterruptedError)) throw new InterruptedError(`stopped resetting ${spec.nouns}`);
  for (const { item, error } of failures) f.io.stderr.write(`Failed to reset the state of ${spec.noun} '${item}': ${error.message}\n`);
  if (failures.length) throw new PartialFailureError(failures.length, spec.items.length, `${spec.nouns} failed to reset`);
}

/**
 * Several resources take only the state options: a name, a size or
 * properties given to several at once is almost certainly a slip. The
 * changes are the options marked `change` in the command's declaration.
 */
export function checkOnlyStateChanges(noun: string, specs: OptionSpecs, given: Readonly<Record<string, unknown>>, stateKeys: readonly string[]): void {
  const changes = Object.entries(specs).filter(([, spec]) => spec.change !== undefined);
  const others = changes.filter(([key]) => !stateKeys.includes(key) && given[key] !== undefined && given[key] !== false);
  if (others.length === 0) return;
  const flags = (entries: [string, OptionSpec][]) => entries.map(([, spec]) => longFlagOf(spec.flags)).join(', ');
  throw new UsageError(
    `${flags(others)}: several ${noun}s take only ${flags(changes.filter(([key]) => stateKeys.includes(key)))} (as cinder reset-state); change the rest one ${noun} at a time`,
  );
}
