import type { Cluster } from '../../api/resources/clusters.js';
import { orderedDetails, type Details, type Value } from '../../output/result.js';
import { itemProperty } from './item-property.js';

/**
 * `block storage cluster show` as the openstack client prints it: a fixed
 * list of headers in its own order (not sorted), the replication fields
 * empty before microversion 3.26; --raw prints Cinder's own fields.
 */
const FIELDS: readonly (readonly [header: string, field: string])[] = [
  ['Name', 'name'],
  ['Binary', 'binary'],
  ['State', 'state'],
  ['Status', 'status'],
  ['Disabled Reason', 'disabled_reason'],
  ['Hosts', 'num_hosts'],
  ['Down Hosts', 'num_down_hosts'],
  ['Last Heartbeat', 'last_heartbeat'],
  ['Created At', 'created_at'],
  ['Updated At', 'updated_at'],
  ['Replication Status', 'replication_status'],
  ['Frozen', 'frozen'],
  ['Active Backend ID', 'active_backend_id'],
];

export function clusterDetails(cluster: Cluster): Details {
  const fields: Record<string, Value> = {};
  for (const [header, field] of FIELDS) fields[header] = itemProperty(cluster, field);
  return orderedDetails(fields, cluster as Record<string, Value>);
}
