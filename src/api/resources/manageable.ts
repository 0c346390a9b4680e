import type { Query } from '../../http/http.js';
import type { CinderSession } from '../session.js';
import type { Volume } from './volumes.js';
import type { Snapshot } from './snapshots.js';

/**
 * Adopting what already lives on a backend (a LUN, an image, a file) as a
 * Cinder volume or snapshot, and listing what a backend could adopt. The
 * driver interprets `ref` (usually {"source-name": ...} or {"source-id": ...}).
 */

/** The first microversion listing manageable volumes and snapshots. */
export const MANAGEABLE_LIST_MIN_VERSION = '3.8';
/** Managing on a cluster instead of a host. */
export const MANAGE_CLUSTER_MIN_VERSION = '3.16';
/** Listing a cluster's manageable resources. */
export const MANAGEABLE_LIST_CLUSTER_MIN_VERSION = '3.17';

export interface ManageableVolume {
  reference: Record<string, string>;
  size: number;
  safe_to_manage: boolean;
  /** The detailed listing only. */
  reason_not_safe?: string | null;
  cinder_id?: string | null;
  extra_info?: unknown;
  [field: string]: unknown;
}

export interface ManageableSnapshot extends ManageableVolume {
  /** The backend's reference of the snapshot's volume. */
  source_reference: Record<string, string>;
}

export interface ManageableListQuery {
  /** host@backend#pool, or a cluster (exactly one of them). */
  host?: string;
  cluster?: string;
  detailed?: boolean;
  /** A reference (JSON) to start after. */
  marker?: string;
  limit?: number;
  offset?: number;
  /** key[:asc|desc], comma-separated; keys: size, reference. */
  sort?: string;
}

function manageableQuery(query: ManageableListQuery): Query {
  return {
    host: query.host,
    cluster: query.cluster,
    marker: query.marker,
    limit: query.limit,
    offset: query.offset,
    sort: query.sort,
  };
}

/** One request: the backend answers with what it holds, Cinder does not page it with links. */
export async function listManageableVolumes(session: CinderSession, query: ManageableListQuery): Promise<ManageableVolume[]> {
  const path = query.detailed ? '/manageable_volumes/detail' : '/manageable_volumes';
  return (await session.get(path, manageableQuery(query))).list<ManageableVolume>('manageable-volumes');
}

export async function listManageableSnapshots(session: CinderSession, query: ManageableListQuery): Promise<ManageableSnapshot[]> {
  const path = query.detailed ? '/manageable_snapshots/detail' : '/manageable_snapshots';
  return (await session.get(path, manageableQuery(query))).list<ManageableSnapshot>('manageable-snapshots');
}

export interface ManageVolumeRequest {
  ref: Record<string, string>;
  host?: string;
  cluster?: string;
  name: string;
  description?: string;
  volume_type?: string;
  availability_zone?: string;
  metadata?: Record<string, string>;
  bootable?: boolean;
}

/** What Cinder accepted, and the request ID its services log the adoption under. */
export interface Accepted<T> {
  resource: T;
  requestId?: string;
}

/** Asynchronous: the volume is `creating` until the driver has adopted the source (`available`) or failed (`error`). */
export async function manageVolume(session: CinderSession, request: ManageVolumeRequest): Promise<Accepted<Volume>> {
  const { answer, requestId } = await session.postWithRequestId('/manageable_volumes', { volume: request });
  return { resource: answer.object<Volume>('volume'), requestId };
}

export interface ManageSnapshotRequest {
  volume_id: string;
  ref: Record<string, string>;
  name: string;
  description?: string;
  metadata?: Record<string, string>;
}

export async function manageSnapshot(session: CinderSession, request: ManageSnapshotRequest): Promise<Accepted<Snapshot>> {
  const { answer, requestId } = await session.postWithRequestId('/manageable_snapshots', { snapshot: request });
  return { resource: answer.object<Snapshot>('snapshot'), requestId };
}
