import type { Query } from '../../http/http.js';
import type { CinderSession } from '../session.js';

export interface Snapshot {
  id: string;
  name: string | null;
  description?: string | null;
  status: string;
  size: number;
  volume_id: string;
  created_at?: string;
  updated_at?: string | null;
  metadata?: Record<string, string>;
  user_id?: string;
  /** 3.65+ */
  consumes_quota?: boolean;
  'os-extended-snapshot-attributes:project_id'?: string;
  'os-extended-snapshot-attributes:progress'?: string;
  [field: string]: unknown;
}

interface SnapshotCreateRequest {
  volume_id: string;
  name: string;
  description?: string;
  /** Snapshot an in-use volume (needed before 3.66). */
  force?: boolean;
  metadata?: Record<string, string>;
}

interface SnapshotListFilters {
  allProjects?: boolean;
  /** With allProjects: only this project's snapshots. */
  projectId?: string;
  name?: string;
  status?: string;
  volumeId?: string;
  marker?: string;
  limit?: number;
}

/** Every status a snapshot can be in, for `--status` filters. */
export const SNAPSHOT_STATUSES = ['creating', 'available', 'deleting', 'error', 'error_deleting', 'backing-up', 'restoring', 'unmanaging'] as const;

/** Statuses a snapshot passes through on its way somewhere; one that stays in one is stuck. */
export const SNAPSHOT_TRANSITIONAL = ['creating', 'deleting', 'backing-up', 'restoring', 'unmanaging'] as const;
export const SNAPSHOT_ERROR = ['error', 'error_deleting'] as const;

/** Statuses `volume snapshot set --state` may reset a snapshot to (Cinder's own list). */
export const SNAPSHOT_RESET_STATES = ['available', 'error', 'creating', 'deleting', 'error_deleting'] as const;

function snapshotPath(id: string, suffix = ''): string {
  return `/snapshots/${encodeURIComponent(id)}${suffix}`;
}

export async function getSnapshot(session: CinderSession, id: string): Promise<Snapshot> {
  return (await session.get(snapshotPath(id))).object<Snapshot>('snapshot');
}

export function listSnapshots(session: CinderSession, filters: SnapshotListFilters = {}): Promise<Snapshot[]> {
  const query: Query = {
    all_tenants: filters.allProjects ? 1 : undefined,
    project_id: filters.projectId,
    name: filters.name,
    status: filters.status,
    volume_id: filters.volumeId,
    marker: filters.marker,
  };
  return session.list<Snapshot>('/snapshots/detail', 'snapshots', { query, limit: filters.limit });
}

export async function createSnapshot(session: CinderSession, request: SnapshotCreateRequest): Promise<Snapshot> {
  return (await session.post('/snapshots', { snapshot: request })).object<Snapshot>('snapshot');
}

/** A forced delete (admin) is the os-force_delete action: it skips the status check. */
export async function deleteSnapshot(session: CinderSession, id: string, options: { force?: boolean } = {}): Promise<void> {
  if (options.force) {
    await snapshotAction(session, id, 'os-force_delete', {});
    return;
  }
  await session.delete(snapshotPath(id));
}

/** PUT /snapshots/{id}: name and description. */
export async function updateSnapshot(session: CinderSession, id: string, changes: { name?: string; description?: string }): Promise<Snapshot> {
  return (await session.put(snapshotPath(id), { snapshot: changes })).object<Snapshot>('snapshot');
}

/** Merges keys into the snapshot's metadata (keys not named are kept). */
export async function setSnapshotMetadata(session: CinderSession, id: string, metadata: Record<string, string>): Promise<Record<string, string>> {
  return (await session.post(snapshotPath(id, '/metadata'), { metadata })).object<Record<string, string>>('metadata');
}

export function deleteSnapshotMetadata(session: CinderSession, id: string, key: string): Promise<void> {
  return session.delete(snapshotPath(id, `/metadata/${encodeURIComponent(key)}`));
}

/** Admin: overwrite the snapshot's status in the database; nothing happens on the backend. */
export async function resetSnapshotStatus(session: CinderSession, id: string, status: string): Promise<void> {
  await snapshotAction(session, id, 'os-reset_status', { status });
}

/** Admin, asynchronous: Cinder forgets the snapshot; the backend keeps it. */
export async function unmanageSnapshot(session: CinderSession, id: string): Promise<void> {
  await snapshotAction(session, id, 'os-unmanage', {});
}

function snapshotAction(session: CinderSession, id: string, action: string, body: unknown): Promise<unknown> {
  return session.post(snapshotPath(id, '/action'), { [action]: body });
}
