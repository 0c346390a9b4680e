import { getGroupSnapshot, type GroupSnapshot } from '../../api/resources/group-snapshots.js';
import { getGroup, type Group } from '../../api/resources/groups.js';
import type { CinderSession } from '../../api/session.js';
import type { StatusTarget } from '../../api/wait.js';
import { latestMessage } from './volume.js';

export function groupLabel(group: Pick<Group, 'id' | 'name'>): string {
  return `volume group '${group.name || group.id}'`;
}

export function groupSnapshotLabel(snapshot: Pick<GroupSnapshot, 'id' | 'name'>): string {
  return `volume group snapshot '${snapshot.name || snapshot.id}'`;
}

/** The group as something to poll: by id, failing on error and error_deleting. */
export function groupTarget(session: CinderSession, group: Pick<Group, 'id' | 'name'>, done: string[]): StatusTarget<Group> {
  return {
    label: groupLabel(group),
    fetch: () => getGroup(session, group.id),
    status: (current) => current.status,
    done,
    failed: (status) => status.startsWith('error'),
    explain: (current) => latestMessage(session, current.id),
  };
}

export function groupSnapshotTarget(session: CinderSession, snapshot: Pick<GroupSnapshot, 'id' | 'name'>, done: string[]): StatusTarget<GroupSnapshot> {
  return {
    label: groupSnapshotLabel(snapshot),
    fetch: () => getGroupSnapshot(session, snapshot.id),
    status: (current) => current.status,
    done,
    failed: (status) => status.startsWith('error'),
    explain: (current) => latestMessage(session, current.id),
  };
}
