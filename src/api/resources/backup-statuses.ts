import type { CinderSession } from '../session.js';

/**
 * Just enough of the backups API for `ucinder status`: the backups in one
 * status. A cloud without cinder-backup still answers (an empty list); one
 * whose API lacks the extension answers 404, which the caller tolerates.
 */
export interface BackupSummary {
  id: string;
  name: string | null;
  status: string;
  volume_id?: string;
  updated_at?: string | null;
  created_at?: string;
  [field: string]: unknown;
}

export function listBackupsInStatus(session: CinderSession, status: string, allProjects: boolean): Promise<BackupSummary[]> {
  return session.list<BackupSummary>('/backups/detail', 'backups', { query: { status, all_tenants: allProjects ? 1 : undefined } });
}
