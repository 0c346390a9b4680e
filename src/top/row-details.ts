import type { Backup } from '../api/resources/backups.js';
import type { Cluster } from '../api/resources/clusters.js';
import type { Pool } from '../api/resources/pools.js';
import type { Snapshot } from '../api/resources/snapshots.js';
import type { Volume } from '../api/resources/volumes.js';
import { backupDetails } from '../cli/views/backup.js';
import { clusterDetails } from '../cli/views/cluster.js';
import { snapshotDetails } from '../cli/views/snapshot.js';
import { volumeDetails } from '../cli/views/volume.js';
import { detailsFieldNames } from '../output/render.js';
import { details, type Details, type Value } from '../output/result.js';
import { humanText } from '../output/values.js';
import type { Row } from './view.js';

/**
 * What Enter shows of a row: the fields its `show` command prints, from
 * the object the listing already holds (a detailed listing carries every
 * field a show would fetch), so opening a row costs no request.
 */
export function rowDetails(row: Row): { title: string; fields: [string, string][] } {
  const result = detailsOf(row);
  const name = nameOf(row.item);
  return {
    title: name && name !== row.key ? `${row.kind} ${name} (${row.key})` : `${row.kind} ${row.key}`,
    fields: detailsFieldNames(result).map((name) => [name, humanText(result.fields[name])]),
  };
}

function detailsOf(row: Row): Details {
  switch (row.kind) {
    case 'volume':
      return volumeDetails(row.item as Volume);
    case 'snapshot':
      return snapshotDetails(row.item as Snapshot);
    case 'backup':
      return backupDetails(row.item as Backup);
    case 'cluster':
      return clusterDetails(row.item as Cluster);
    case 'pool': {
      // `volume backend pool list --long`'s data: the pool's name and what it reports.
      const pool = row.item as Pool;
      return details({ name: pool.name, ...(pool.capabilities as Record<string, Value>) });
    }
    default:
      // Services (no show command) and messages (`message show` prints every field): the object as it came.
      return details({ ...(row.item as Record<string, Value>) });
  }
}

function nameOf(item: unknown): string | undefined {
  const name = (item as { name?: unknown }).name;
  return typeof name === 'string' && name ? name : undefined;
}
