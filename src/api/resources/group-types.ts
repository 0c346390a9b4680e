import type { CinderSession } from '../session.js';

/** A group type (API 3.11+); `group_specs` are its properties. */
export interface GroupType {
  id: string;
  name: string;
  description?: string | null;
  is_public?: boolean;
  group_specs?: Record<string, string>;
}

export interface GroupTypeCreateRequest {
  name: string;
  description?: string;
  'is_public'?: boolean;
}

export interface GroupTypeUpdate {
  name?: string;
  description?: string;
  is_public?: boolean;
}

const typePath = (id: string) => `/group_types/${encodeURIComponent(id)}`;

/** Public and private types alike (private ones: admin only), as openstack lists them. */
export function listGroupTypes(session: CinderSession): Promise<GroupType[]> {
  return session.list<GroupType>('/group_types', 'group_types', { query: { is_public: 'None' } });
}

export async function getGroupType(session: CinderSession, id: string): Promise<GroupType> {
  return (await session.get(typePath(id))).object<GroupType>('group_type');
}

/** GET /group_types/default (404 when the default_group_type option names none). */
export async function getDefaultGroupType(session: CinderSession): Promise<GroupType> {
  return (await session.get('/group_types/default')).object<GroupType>('group_type');
}

export async function createGroupType(session: CinderSession, request: GroupTypeCreateRequest): Promise<GroupType> {
  return (await session.post('/group_types', { group_type: request })).object<GroupType>('group_type');
}

export async function updateGroupType(session: CinderSession, id: string, changes: GroupTypeUpdate): Promise<GroupType> {
  return (await session.put(typePath(id), { group_type: changes })).object<GroupType>('group_type');
}

export function deleteGroupType(session: CinderSession, id: string): Promise<void> {
  return session.delete(typePath(id));
}

export async function setGroupSpecs(session: CinderSession, id: string, specs: Record<string, string>): Promise<void> {
  await session.post(`${typePath(id)}/group_specs`, { group_specs: specs });
}

export function deleteGroupSpec(session: CinderSession, id: string, key: string): Promise<void> {
  return session.delete(`${typePath(id)}/group_specs/${encodeURIComponent(key)}`);
}
