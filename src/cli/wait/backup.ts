import { getBackup, type Backup } from '../../api/resources/backups.js';
import type { CinderSession } from '../../api/session.js';
import type { StatusTarget } from '../../api/wait.js';
import { latestMessage } from './volume.js';

export function backupLabel(backup: Pick<Backup, 'id' | 'name'>): string {
  return `backup '${backup.name || backup.id}'`;
}

/**
 * The backup as something to poll: by id, failing on error statuses. Its
 * fail_reason says why (cinder-backup writes it); the messages API second.
 */
export function backupTarget(session: CinderSession, backup: Pick<Backup, 'id' | 'name'>, done: string[]): StatusTarget<Backup> {
  return {
    label: backupLabel(backup),
    fetch: () => getBackup(session, backup.id),
    status: (current) => current.status,
    done,
    failed: (status) => status.startsWith('error'),
    explain: async (current) => current.fail_reason || latestMessage(session, current.id),
  };
}
