import { findByNameOrId } from '../find.js';
import type { CinderSession } from '../session.js';

export interface Snapshot {
  id: string;
  name: string | null;
  status: string;
  size: number;
  volume_id: string;
  [field: string]: unknown;
}

export async function getSnapshot(session: CinderSession, id: string): Promise<Snapshot> {
  return (await session.get<{ snapshot: Snapshot }>(`/snapshots/${encodeURIComponent(id)}`)).snapshot;
}

export function listSnapshots(session: CinderSession, filters: { name?: string; allProjects?: boolean } = {}): Promise<Snapshot[]> {
  return session.list<Snapshot>('/snapshots/detail', 'snapshots', {
    query: { name: filters.name, all_tenants: filters.allProjects ? 1 : undefined },
  });
}

export function findSnapshot(session: CinderSession, nameOrId: string): Promise<Snapshot> {
  return findByNameOrId(
    {
      resource: 'snapshot',
      getById: (id) => getSnapshot(session, id),
      listByName: (name) => listSnapshots(session, { name }),
    },
    nameOrId,
  );
}
