import type { CinderSession } from '../session.js';

/** A generic volume group (API 3.13+) as Cinder's detail views return it. */
export interface Group {
  id: string;
  name: string | null;
  status: string;
  description?: string | null;
  group_type?: string;
  volume_types?: string[];
  availability_zone?: string;
  created_at?: string;
  /** Only with list_volume=true (3.25+). */
  volumes?: string[];
  group_snapshot_id?: string | null;
  source_group_id?: string | null;
  replication_status?: string;
  project_id?: string;
}

export interface GroupCreateRequest {
  group_type: string;
  volume_types: string[];
  name?: string;
  description?: string;
  availability_zone?: string;
}

/** A new group filled from a group snapshot or a copy of another group (3.14+). */
export interface GroupFromSourceRequest {
  group_snapshot_id?: string;
  source_group_id?: string;
  name?: string;
  description?: string;
}

const groupPath = (id: string) => `/groups/${encodeURIComponent(id)}`;

export function listGroups(session: CinderSession, options: { allProjects?: boolean } = {}): Promise<Group[]> {
  return session.list<Group>('/groups/detail', 'groups', {
    query: { all_tenants: options.allProjects ? 1 : undefined },
  });
}

/** `withVolumes`: the group's volume IDs too (list_volume, 3.25+). */
export async function getGroup(session: CinderSession, id: string, options: { withVolumes?: boolean } = {}): Promise<Group> {
  const query = options.withVolumes ? { list_volume: 'True' } : undefined;
  return (await session.get(groupPath(id), query)).object<Group>('group');
}

/** Cinder answers a create with the id and name only. */
export async function createGroup(session: CinderSession, request: GroupCreateRequest): Promise<Pick<Group, 'id' | 'name'>> {
  return (await session.post('/groups', { group: request })).object<Group>('group');
}

export async function createGroupFromSource(session: CinderSession, request: GroupFromSourceRequest): Promise<Pick<Group, 'id' | 'name'>> {
  return (await session.post('/groups/action', { 'create-from-src': request })).object<Group>('group');
}

export interface GroupUpdate {
  name?: string;
  description?: string;
  /** Volume IDs, as Cinder takes them: comma-separated. */
  add_volumes?: string;
  remove_volumes?: string;
}

/** PUT /groups/{id}: name, description, and adding or removing volumes (202, no body). */
export async function updateGroup(session: CinderSession, id: string, changes: GroupUpdate): Promise<void> {
  await session.put(groupPath(id), { group: changes });
}

/** `deleteVolumes`: delete the group's volumes with it (Cinder refuses a group with volumes otherwise). */
export async function deleteGroup(session: CinderSession, id: string, options: { deleteVolumes?: boolean } = {}): Promise<void> {
  await session.post(`${groupPath(id)}/action`, { delete: { 'delete-volumes': options.deleteVolumes ?? false } });
}

/** Group replication (3.38+). */
export async function setGroupReplication(session: CinderSession, id: string, enable: boolean): Promise<void> {
  await session.post(`${groupPath(id)}/action`, { [enable ? 'enable_replication' : 'disable_replication']: {} });
}

/** Fails the group's replication over to a secondary backend (3.38+). */
export async function failoverGroup(session: CinderSession, id: string, options: { allowAttachedVolume: boolean; secondaryBackendId?: string }): Promise<void> {
  await session.post(`${groupPath(id)}/action`, {
    failover_replication: { allow_attached_volume: options.allowAttachedVolume, secondary_backend_id: options.secondaryBackendId },
  });
}

/** The statuses `reset_status` takes (Cinder's GroupStatus, less `deleted`). */
export const GROUP_RESET_STATES = ['available', 'error', 'creating', 'deleting', 'updating', 'in-use', 'error_deleting'] as const;

/** Sets the status in the database only, for a group stuck in a transient one (3.20+, admin). */
export async function resetGroupStatus(session: CinderSession, id: string, status: string): Promise<void> {
  await session.post(`${groupPath(id)}/action`, { reset_status: { status } });
}

/** The first microversion with group replication (enable, disable, failover, targets). */
export const GROUP_REPLICATION_MIN_VERSION = '3.38';

/**
 * One `replication_device` of the group's backend: admins get every key of
 * it as cinder.conf has it (connection details, credentials), others only
 * `backend_id`.
 */
export interface ReplicationTarget {
  backend_id?: string;
  [key: string]: unknown;
}

/** The group's replication targets (3.38+); Cinder refuses a group whose type does not replicate (400). */
export async function listGroupReplicationTargets(session: CinderSession, id: string): Promise<ReplicationTarget[]> {
  const path = `${groupPath(id)}/action`;
  return (await session.post(path, { list_replication_targets: {} })).list<ReplicationTarget>('replication_targets');
}
