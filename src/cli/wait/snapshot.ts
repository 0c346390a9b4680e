import { getSnapshot, type Snapshot } from '../../api/resources/snapshots.js';
import type { CinderSession } from '../../api/session.js';
import type { StatusTarget } from '../../api/wait.js';
import { latestMessage } from './volume.js';

export function snapshotLabel(snapshot: Pick<Snapshot, 'id' | 'name'>): string {
  return `snapshot '${snapshot.name || snapshot.id}'`;
}

/** The snapshot as something to poll: by id, failing on error and error_deleting. */
export function snapshotTarget(session: CinderSession, snapshot: Snapshot, done: string[]): StatusTarget<Snapshot> {
  return {
    label: snapshotLabel(snapshot),
    fetch: () => getSnapshot(session, snapshot.id),
    status: (current) => current.status,
    done,
    failed: (status) => status.startsWith('error'),
    explain: (current) => latestMessage(session, current.id),
  };
}
