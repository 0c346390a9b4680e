import { getGroupSnapshot, type GroupSnapshot } from '../../api/resources/group-snapshots.js';
import { getGroup, type Group } from '../../api/resources/groups.js';
import type { CinderSession } from '../../api/session.js';
import type { StatusTarget } from '../../api/wait.js';
import { latestMessage } from './volume.js';

export function groupLabel(group: Pick<Group, 'id' | 'name'>): string {
  return `volume group '${group.name || group.id}'`;
}

function groupSnapshotLabel(snapshot: Pick<GroupSnapshot, 'id' | 'name'>): string {
  return `volume group snapshot '${snapshot.name || snapshot.id}'`;
}

/** A group or group snapshot as something to poll: by id, failing on error and error_deleting with Cinder's reason. */
function pollTarget<T extends { id: string; status: string }>(session: CinderSession, label: string, fetch: () => Promise<T>, done: string[]): StatusTarget<T> {
  return {
    label,
    fetch,
    status: (current) => current.status,
    done,
    failed: (status) => status.startsWith('error'),
    explain: (current) => latestMessage(session, current.id),
  };
}

export function groupTarget(session: CinderSession, group: Pick<Group, 'id' | 'name'>, done: string[]): StatusTarget<Group> {
  return pollTarget(session, groupLabel(group), () => getGroup(session, group.id), done);
}

export function groupSnapshotTarget(session: CinderSession, snapshot: Pick<GroupSnapshot, 'id' | 'name'>, done: string[]): StatusTarget<GroupSnapshot> {
  return pollTarget(session, groupSnapshotLabel(snapshot), () => getGroupSnapshot(session, snapshot.id), done);
}
