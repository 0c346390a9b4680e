import { unwrap } from '../envelope.js';
import type { Query } from '../../http/http.js';
import type { CinderSession, ListOptions } from '../session.js';
import type { Volume, VolumeCreateRequest } from '../types.js';

export interface VolumeListFilters {
  allProjects?: boolean;
  name?: string;
  status?: string;
  marker?: string;
  limit?: number;
  /** Items per page asked of the server (--page-size). */
  pageSize?: number;
}

function listQuery(filters: VolumeListFilters): Query {
  return {
    all_tenants: filters.allProjects ? 1 : undefined,
    name: filters.name,
    status: filters.status,
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
