import type { Snapshot } from '../../api/resources/snapshots.js';
import { details, type Details, type Value } from '../../output/result.js';

/** `volume snapshot show/create`: Cinder's own field names, links dropped. */
export function snapshotDetails(snapshot: Snapshot): Details {
  const fields: Record<string, Value> = {};
  for (const [name, value] of Object.entries(snapshot)) {
    if (name !== 'links') fields[name] = value as Value;
  }
  return details(fields);
}
