import { pythonRepr } from '../../python-literal.js';
import type { Envelope } from '../envelope.js';
import type { Query } from '../../http/http.js';
import type { CinderSession, ListOptions } from '../session.js';

/** One entry of a volume's `attachments`. */
export interface VolumeAttachment {
  id?: string;
  attachment_id?: string;
  volume_id?: string;
  server_id?: string | null;
  host_name?: string | null;
  device?: string | null;
  attached_at?: string | null;
}

/** A volume as Cinder sends it; fields added by later microversions are optional. */
export interface Volume {
  id: string;
  name: string | null;
  description?: string | null;
  status: string;
  size: number;
  availability_zone?: string;
  created_at?: string;
  updated_at?: string | null;
  volume_type?: string | null;
  /** 3.63+ */
  volume_type_id?: string;
  bootable?: string;
  encrypted?: boolean;
  multiattach?: boolean;
  metadata?: Record<string, string>;
  attachments?: VolumeAttachment[];
  user_id?: string;
  snapshot_id?: string | null;
  source_volid?: string | null;
  migration_status?: string | null;
  replication_status?: string | null;
  consistencygroup_id?: string | null;
  group_id?: string | null;
  'os-vol-host-attr:host'?: string | null;
  'os-vol-tenant-attr:tenant_id'?: string;
  'os-vol-mig-status-attr:migstat'?: string | null;
  'os-vol-mig-status-attr:name_id'?: string | null;
  volume_image_metadata?: Record<string, string>;
  [field: string]: unknown;
}

export interface VolumeCreateRequest {
  size?: number;
  name: string;
  description?: string;
  volume_type?: string;
  availability_zone?: string;
  metadata?: Record<string, string>;
  snapshot_id?: string;
  source_volid?: string;
  imageRef?: string;
  /** 3.47+: restore this backup into the new volume. */
  backup_id?: string;
  /** A generic volume group to create the volume in (3.13+). */
  group_id?: string;
}

/** Statuses a volume passes through on its way somewhere; one that stays in one is stuck. */
export const VOLUME_TRANSITIONAL = [
  'creating',
  'deleting',
  'attaching',
  'detaching',
  'extending',
  'downloading',
  'uploading',
  'retyping',
  'backing-up',
  'restoring-backup',
  'reserved',
  'maintenance',
] as const;
/** Statuses a failed operation leaves a volume in. */
export const VOLUME_ERROR = ['error', 'error_deleting', 'error_extending', 'error_restoring', 'error_managing'] as const;

/** Server-side time filters on volumes (created_at=lt:…) exist from 3.60. */
export const VOLUME_TIME_FILTER_MIN_VERSION = '3.60';

export interface VolumeListFilters {
  allProjects?: boolean;
  name?: string;
  status?: string;
  /** Only this project's volumes (implies all_tenants, as the openstack client sends it). */
  projectId?: string;
  userId?: string;
  /** Only volumes carrying all these metadata pairs. */
  metadata?: Record<string, string>;
  bootable?: boolean;
  /** Further resource filters (API 3.33+), sent as given: `--filter KEY=VALUE`. */
  extra?: Record<string, string>;
  /** Cinder's time filter on the creation time (3.60+), e.g. "lt:2026-03-01T11:50:00Z". */
  createdAt?: string;
  marker?: string;
  limit?: number;
  /** Items per page asked of the server (--page-size). */
  pageSize?: number;
}

function listQuery(filters: VolumeListFilters): Query {
  return {
    ...filters.extra,
    all_tenants: filters.allProjects || filters.projectId ? 1 : undefined,
    project_id: filters.projectId,
    user_id: filters.userId,
    name: filters.name,
    status: filters.status,
    // Cinder reads a metadata filter with Python's ast.literal_eval (volume/api.py
    // check_volume_filters), so it goes as a Python dict literal, as cinderclient sends it.
    metadata: filters.metadata ? pythonRepr(filters.metadata) : undefined,
    bootable: filters.bootable === undefined ? undefined : String(filters.bootable),
    created_at: filters.createdAt,
    marker: filters.marker,
  };
}

export function listVolumes(session: CinderSession, filters: VolumeListFilters = {}): Promise<Volume[]> {
  return session.list<Volume>('/volumes/detail', 'volumes', listOptions(filters));
}

/** Page by page, so a huge listing never sits in memory twice. */
export function volumePages(session: CinderSession, filters: VolumeListFilters = {}): AsyncGenerator<Volume[]> {
  return session.pages<Volume>('/volumes/detail', 'volumes', listOptions(filters));
}

function listOptions(filters: VolumeListFilters): ListOptions {
  return { query: listQuery(filters), limit: filters.limit, pageSize: filters.pageSize };
}

export async function getVolume(session: CinderSession, id: string): Promise<Volume> {
  return (await session.get(`/volumes/${encodeURIComponent(id)}`)).object<Volume>('volume');
}

/** `schedulerHints` go beside the volume, under the scheduler-hints extension's key (as cinderclient sends them). */
export async function createVolume(session: CinderSession, request: VolumeCreateRequest, schedulerHints?: Record<string, string>): Promise<Volume> {
  const body = schedulerHints && Object.keys(schedulerHints).length ? { volume: request, 'OS-SCH-HNT:scheduler_hints': schedulerHints } : { volume: request };
  return (await session.post('/volumes', body)).object<Volume>('volume');
}

interface VolumeDeleteOptions {
  cascade?: boolean;
  force?: boolean;
}

export function deleteVolume(session: CinderSession, id: string, options: VolumeDeleteOptions = {}): Promise<void> {
  if (options.force && !session.supports('3.23')) {
    // Before 3.23 a forced delete is the os-force_delete action.
    return volumeAction(session, id, 'os-force_delete', {}).then(() => undefined);
  }
  return session.delete(`/volumes/${encodeURIComponent(id)}`, {
    cascade: options.cascade ? 'true' : undefined,
    force: options.force ? 'true' : undefined,
  });
}

/** POST /volumes/{id}/action with a single action key. */
export function volumeAction(session: CinderSession, id: string, action: string, body: unknown): Promise<Envelope> {
  return session.post(`/volumes/${encodeURIComponent(id)}/action`, { [action]: body });
}

export async function setBootable(session: CinderSession, id: string, bootable: boolean): Promise<void> {
  await volumeAction(session, id, 'os-set_bootable', { bootable });
}

/** GET /volumes/summary (API 3.12): count and total size, plus the distinct metadata from 3.36. */
interface VolumeSummary {
  total_count: number;
  total_size: number;
  metadata?: Record<string, string[]>;
}

export async function volumeSummary(session: CinderSession, allProjects: boolean): Promise<VolumeSummary> {
  return (await session.get('/volumes/summary', { all_tenants: allProjects ? 1 : undefined })).object<VolumeSummary>('volume-summary');
}
