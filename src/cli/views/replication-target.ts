import type { ReplicationTarget } from '../../api/resources/groups.js';
import { redactJson } from '../../http/redact.js';
import { listing, type Cell, type Listing } from '../../output/result.js';

/**
 * `volume group replication target list`: one row per replication target,
 * under the keys Cinder sent (as cinder group-list-replication-targets
 * prints them), backend_id first, then every other key in the order the
 * targets bring them. Admins get the whole replication_device of
 * cinder.conf, which often holds the array's login: secret-named values
 * (password, secret, token, ...) are masked unless `showSecrets`.
 */
export function replicationTargetListing(targets: ReplicationTarget[], showSecrets: boolean): Listing {
  const columns = ['backend_id'];
  for (const target of targets) {
    for (const key of Object.keys(target)) if (!columns.includes(key)) columns.push(key);
  }
  const rows = targets.map((target) => {
    const shown = (showSecrets ? target : redactJson(target)) as Record<string, Cell>;
    return columns.map((column) => shown[column] ?? null);
  });
  return listing(columns, rows);
}
