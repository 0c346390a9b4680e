import type { CinderSession } from '../session.js';

/**
 * POST /workers/cleanup (3.24): Cinder records what each service is doing
 * (the `workers` table); for every matching service the scheduler asks a
 * live service of the same cluster (or the service itself, when it runs) to
 * finish or fail what was left half done — a create interrupted by a dead
 * node becomes `error`, a delete is finished.
 */
export const WORKERS_CLEANUP_MIN_VERSION = '3.24';

/** The statuses the volume service's cleanup resolves (Cinder's VolumeManager._do_cleanup). */
export const CLEANED_VOLUME_STATUSES = ['creating', 'downloading', 'uploading', 'deleting'] as const;
export const CLEANED_SNAPSHOT_STATUSES = ['creating', 'deleting'] as const;

export interface CleanupFilters {
  clusterName?: string;
  host?: string;
  binary?: string;
  /** Cinder's default when absent: only services that are down. */
  isUp?: boolean;
  disabled?: boolean;
  resourceId?: string;
  resourceType?: 'Volume' | 'Snapshot';
  /** The service's database id (os-services shows it only in Cinder's logs and cinder-manage). */
  serviceId?: number;
}

/** A service named in the answer. */
export interface CleanupService {
  id: number;
  host: string;
  binary: string;
  cluster_name: string | null;
}

export interface CleanupAnswer {
  /** Services whose resources a live service now cleans up. */
  cleaning: CleanupService[];
  /** Services no live service could clean up for (no other up node in the cluster). */
  unavailable: CleanupService[];
}

export async function requestCleanup(session: CinderSession, filters: CleanupFilters): Promise<CleanupAnswer> {
  const body: Record<string, string | number | boolean> = {};
  const fields: [string, string | number | boolean | undefined][] = [
    ['cluster_name', filters.clusterName],
    ['host', filters.host],
    ['binary', filters.binary],
    ['is_up', filters.isUp],
    ['disabled', filters.disabled],
    ['resource_id', filters.resourceId],
    ['resource_type', filters.resourceType],
    ['service_id', filters.serviceId],
  ];
  for (const [key, value] of fields) if (value !== undefined) body[key] = value;
  const answer = await session.post('/workers/cleanup', body);
  return { cleaning: answer.list<CleanupService>('cleaning'), unavailable: answer.list<CleanupService>('unavailable') };
}
