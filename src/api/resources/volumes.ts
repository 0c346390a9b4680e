import { pythonRepr } from '../../output/values.js';
import { unwrap } from '../envelope.js';
import type { Query } from '../../http/http.js';
import type { CinderSession, ListOptions } from '../session.js';
import type { Volume, VolumeCreateRequest } from '../types.js';

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
  const path = `/volumes/${encodeURIComponent(id)}`;
  return unwrap<Volume>(await session.get<unknown>(path), 'volume', `GET ${path}`);
}

export async function createVolume(session: CinderSession, request: VolumeCreateRequest): Promise<Volume> {
  return unwrap<Volume>(await session.post<unknown>('/volumes', { volume: request }), 'volume', 'POST /volumes');
}

export interface VolumeDeleteOptions {
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
export function volumeAction<T = unknown>(session: CinderSession, id: string, action: string, body: unknown): Promise<T> {
  return session.post<T>(`/volumes/${encodeURIComponent(id)}/action`, { [action]: body });
}

export function setBootable(session: CinderSession, id: string, bootable: boolean): Promise<unknown> {
  return volumeAction(session, id, 'os-set_bootable', { bootable });
}

/** GET /volumes/summary (API 3.12): count and total size, plus the distinct metadata from 3.36. */
export interface VolumeSummary {
  total_count: number;
  total_size: number;
  metadata?: Record<string, string[]>;
}

export async function volumeSummary(session: CinderSession, allProjects: boolean): Promise<VolumeSummary> {
  const path = '/volumes/summary';
  return unwrap<VolumeSummary>(await session.get<unknown>(path, { all_tenants: allProjects ? 1 : undefined }), 'volume-summary', `GET ${path}`);
}
