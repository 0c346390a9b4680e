import type { CinderSession } from '../session.js';

export interface VolumeType {
  id: string;
  name: string;
  description?: string | null;
  is_public?: boolean;
  'os-volume-type-access:is_public'?: boolean;
  extra_specs?: Record<string, string>;
  qos_specs_id?: string | null;
  [field: string]: unknown;
}

interface VolumeTypeCreateRequest {
  name: string;
  description?: string;
  extra_specs?: Record<string, string>;
  'os-volume-type-access:is_public'?: boolean;
}

/**
 * Cinder's is_public filter: 'all' (is_public=None) lists public and private
 * types alike (private ones: admin only); without a visibility Cinder lists
 * the public types.
 */
export function listVolumeTypes(session: CinderSession, options: { visibility?: 'public' | 'private' | 'all'; extraSpecs?: Record<string, string> } = {}): Promise<VolumeType[]> {
  const isPublic = { public: 'True', private: 'False', all: 'None' } as const;
  return session.list<VolumeType>('/types', 'volume_types', {
    query: {
      is_public: options.visibility ? isPublic[options.visibility] : undefined,
      // 3.52+. Cinder reads the filter with Python's literal_eval: a JSON object of strings is one.
      extra_specs: options.extraSpecs ? JSON.stringify(options.extraSpecs) : undefined,
    },
  });
}

export async function getVolumeType(session: CinderSession, id: string): Promise<VolumeType> {
  return (await session.get(`/types/${encodeURIComponent(id)}`)).object<VolumeType>('volume_type');
}

export async function createVolumeType(session: CinderSession, request: VolumeTypeCreateRequest): Promise<VolumeType> {
  return (await session.post('/types', { volume_type: request })).object<VolumeType>('volume_type');
}

export function deleteVolumeType(session: CinderSession, id: string): Promise<void> {
  return session.delete(`/types/${encodeURIComponent(id)}`);
}

export async function setExtraSpecs(session: CinderSession, id: string, specs: Record<string, string>): Promise<Record<string, string>> {
  return (await session.post(`/types/${encodeURIComponent(id)}/extra_specs`, { extra_specs: specs })).object<Record<string, string>>('extra_specs');
}

export function deleteExtraSpec(session: CinderSession, id: string, key: string): Promise<void> {
  return session.delete(`/types/${encodeURIComponent(id)}/extra_specs/${encodeURIComponent(key)}`);
}

/** Projects that may use a private type. */
export async function listTypeAccess(session: CinderSession, id: string): Promise<string[]> {
  const answer = await session.get(`/types/${encodeURIComponent(id)}/os-volume-type-access`);
  return answer.items('volume_type_access').map((entry) => entry.string('project_id'));
}

export interface VolumeTypeUpdate {
  name?: string;
  description?: string;
  is_public?: boolean;
}

/** PUT /types/{id}: name, description, visibility. */
export async function updateVolumeType(session: CinderSession, id: string, changes: VolumeTypeUpdate): Promise<VolumeType> {
  return (await session.put(`/types/${encodeURIComponent(id)}`, { volume_type: changes })).object<VolumeType>('volume_type');
}

/** The type volumes get when none is named (GET /types/default). */
export async function getDefaultVolumeType(session: CinderSession): Promise<VolumeType> {
  return (await session.get('/types/default')).object<VolumeType>('volume_type');
}

/** Lets a project use a private type. */
export async function addTypeAccess(session: CinderSession, id: string, projectId: string): Promise<void> {
  await session.post(`/types/${encodeURIComponent(id)}/action`, { addProjectAccess: { project: projectId } });
}

export async function removeTypeAccess(session: CinderSession, id: string, projectId: string): Promise<void> {
  await session.post(`/types/${encodeURIComponent(id)}/action`, { removeProjectAccess: { project: projectId } });
}
