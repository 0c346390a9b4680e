import type { CinderSession } from '../session.js';

/** A snapshot of every volume of a group at once (API 3.14+). */
export interface GroupSnapshot {
  id: string;
  name: string | null;
  status: string;
  description?: string | null;
  group_id?: string;
  group_type_id?: string;
  created_at?: string;
  project_id?: string;
}

const snapshotPath = (id: string) => `/group_snapshots/${encodeURIComponent(id)}`;

export function listGroupSnapshots(session: CinderSession, options: { allProjects?: boolean } = {}): Promise<GroupSnapshot[]> {
  return session.list<GroupSnapshot>('/group_snapshots/detail', 'group_snapshots', {
    query: { all_tenants: options.allProjects ? 1 : undefined },
  });
}

export async function getGroupSnapshot(session: CinderSession, id: string): Promise<GroupSnapshot> {
  return (await session.get(snapshotPath(id))).object<GroupSnapshot>('group_snapshot');
}

/** Cinder answers with the id, name and group type only. */
export async function createGroupSnapshot(session: CinderSession, request: { group_id: string; name?: string; description?: string }): Promise<Pick<GroupSnapshot, 'id' | 'name'>> {
  return (await session.post('/group_snapshots', { group_snapshot: request })).object<GroupSnapshot>('group_snapshot');
}

export function deleteGroupSnapshot(session: CinderSession, id: string): Promise<void> {
  return session.delete(snapshotPath(id));
}
