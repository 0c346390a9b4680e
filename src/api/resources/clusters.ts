import type { CinderSession } from '../session.js';

/** An active/active group of services (3.7+). */
export interface Cluster {
  name: string;
  binary: string;
  state: string;
  status: string;
  /** Detail fields. */
  num_hosts?: number;
  num_down_hosts?: number;
  last_heartbeat?: string | null;
  created_at?: string;
  updated_at?: string | null;
  disabled_reason?: string | null;
  /** 3.26+ */
  replication_status?: string;
  frozen?: boolean;
  active_backend_id?: string | null;
  [key: string]: unknown;
}

export const CLUSTERS_MIN_VERSION = '3.7';

interface ClusterFilters {
  name?: string;
  binary?: string;
  isUp?: boolean;
  disabled?: boolean;
  numHosts?: number;
  numDownHosts?: number;
}

export async function listClusters(session: CinderSession, filters: ClusterFilters = {}, detail = true): Promise<Cluster[]> {
  const answer = await session.get(detail ? '/clusters/detail' : '/clusters', {
    name: filters.name,
    binary: filters.binary,
    is_up: filters.isUp,
    disabled: filters.disabled,
    num_hosts: filters.numHosts,
    num_down_hosts: filters.numDownHosts,
  });
  return answer.list<Cluster>('clusters');
}

/** GET /clusters/{name}?binary=…; Cinder defaults the binary to cinder-volume. */
export async function getCluster(session: CinderSession, name: string, binary?: string): Promise<Cluster> {
  return (await session.get(`/clusters/${encodeURIComponent(name)}`, { binary })).object<Cluster>('cluster');
}

/**
 * PUT /clusters/enable|disable (3.7): the scheduler stops (or resumes)
 * placing volumes on every service of the cluster. Cinder answers the
 * cluster's summary plus the disabled reason. A 404 means no such cluster.
 */
export async function setClusterDisabled(session: CinderSession, change: { name: string; binary: string; disabled: boolean; reason?: string }): Promise<Cluster> {
  const body: Record<string, string> = { name: change.name, binary: change.binary };
  if (change.disabled && change.reason !== undefined) body.disabled_reason = change.reason;
  return (await session.put(change.disabled ? '/clusters/disable' : '/clusters/enable', body)).object<Cluster>('cluster');
}
