import type { Snapshot } from '../../api/resources/snapshots.js';
import { dictColumn, formatted } from '../../output/columns.js';
import { details, type Details, type Formatted, type Value } from '../../output/result.js';
import { pythonStr } from '../../output/values.js';

/**
 * `volume snapshot show/create` as the openstack client prints them:
 * Cinder's fields with `metadata` as `properties`; --raw prints the snapshot
 * as Cinder returned it.
 */
export function snapshotDetails(snapshot: Snapshot): Details {
  const { metadata, ...rest } = snapshot;
  const fields = { ...(rest as Record<string, Value>), properties: dictColumn(metadata) };
  return details(fields, snapshot as Record<string, Value>);
}

/**
 * openstack's "Volume" column of `volume snapshot list --long`: a table shows
 * the volume's name when the volume is known, while json, yaml, value and
 * csv carry its ID, so a script can feed it to `volume show` even when names
 * repeat.
 */
export function snapshotVolumeColumn(volumeId: string, volumeNames: ReadonlyMap<string, Value>): Formatted {
  return formatted(volumeNames.has(volumeId) ? pythonStr(volumeNames.get(volumeId) ?? null) : volumeId, volumeId);
}
