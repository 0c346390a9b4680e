import type { Query } from '../../http/http.js';
import type { CinderSession } from '../session.js';

export interface Backup {
  id: string;
  name: string | null;
  description?: string | null;
  status: string;
  size?: number;
  volume_id?: string;
  snapshot_id?: string | null;
  container?: string | null;
  availability_zone?: string | null;
  fail_reason?: string | null;
  is_incremental?: boolean;
  has_dependent_backups?: boolean;
  created_at?: string;
  updated_at?: string | null;
  /** 3.43+ */
  metadata?: Record<string, string>;
  'os-backup-project-attr:project_id'?: string;
  [field: string]: unknown;
}

export interface BackupCreateRequest {
  volume_id: string;
  name?: string;
  description?: string;
  container?: string;
  snapshot_id?: string;
  incremental?: boolean;
  /** Back up an in-use volume. */
  force?: boolean;
  /** 3.43+ */
  metadata?: Record<string, string>;
  /** 3.51+: the zone whose backup service stores it. */
  availability_zone?: string;
}

interface BackupListFilters {
  allProjects?: boolean;
  name?: string;
  status?: string;
  volumeId?: string;
  marker?: string;
  limit?: number;
}

/** What `volume backup restore` answers: where the data goes. */
export interface BackupRestore {
  backup_id: string;
  volume_id: string;
  volume_name: string;
}

/** What export_record returns and import_record takes: opaque to the client. */
export interface BackupRecord {
  backup_service: string;
  backup_url: string;
}

/** The statuses `volume backup list --status` filters by (openstack's list). */
export const BACKUP_STATUSES = ['creating', 'available', 'deleting', 'error', 'restoring', 'error_restoring'] as const;

/** Statuses a backup passes through on its way somewhere; one that stays in one is stuck. */
export const BACKUP_TRANSITIONAL = ['creating', 'deleting', 'restoring'] as const;
export const BACKUP_ERROR = ['error'] as const;

/** Statuses `volume backup set --state` may reset a backup to (Cinder's own list). */
export const BACKUP_RESET_STATES = ['available', 'error'] as const;

function backupPath(id: string, suffix = ''): string {
  return `/backups/${encodeURIComponent(id)}${suffix}`;
}

export async function getBackup(session: CinderSession, id: string): Promise<Backup> {
  return (await session.get(backupPath(id))).object<Backup>('backup');
}

export function listBackups(session: CinderSession, filters: BackupListFilters = {}): Promise<Backup[]> {
  const query: Query = {
    all_tenants: filters.allProjects ? 1 : undefined,
    name: filters.name,
    status: filters.status,
    volume_id: filters.volumeId,
    marker: filters.marker,
  };
  return session.list<Backup>('/backups/detail', 'backups', { query, limit: filters.limit });
}

/** Cinder answers with the new backup's id, name and links only. */
export async function createBackup(session: CinderSession, request: BackupCreateRequest): Promise<Backup> {
  return (await session.post('/backups', { backup: request })).object<Backup>('backup');
}

/** A forced delete (admin) is the os-force_delete action: it skips the status check. */
export async function deleteBackup(session: CinderSession, id: string, options: { force?: boolean } = {}): Promise<void> {
  if (options.force) {
    await session.post(backupPath(id, '/action'), { 'os-force_delete': {} });
    return;
  }
  await session.delete(backupPath(id));
}

/** PUT /backups/{id} (3.9+): name, description; metadata (3.43+) replaces the whole set. */
export async function updateBackup(session: CinderSession, id: string, changes: { name?: string; description?: string; metadata?: Record<string, string> }): Promise<Backup> {
  return (await session.put(backupPath(id), { backup: changes })).object<Backup>('backup');
}

/** Admin: overwrite the backup's status in the database; nothing happens in the backup store. */
export async function resetBackupStatus(session: CinderSession, id: string, status: string): Promise<void> {
  await session.post(backupPath(id, '/action'), { 'os-reset_status': { status } });
}

/**
 * Restores into an existing volume (`volumeId`) or a new one Cinder creates
 * (named `name`, else "restore_backup_<backup id>").
 */
export async function restoreBackup(session: CinderSession, id: string, target: { volumeId?: string; name?: string }): Promise<BackupRestore> {
  const body = { restore: { volume_id: target.volumeId, name: target.name } };
  return (await session.post(backupPath(id, '/restore'), body)).object<BackupRestore>('restore');
}

export async function exportBackupRecord(session: CinderSession, id: string): Promise<BackupRecord> {
  return (await session.get(backupPath(id, '/export_record'))).object<BackupRecord>('backup-record');
}

/** Cinder answers with the imported backup's id, name and links. */
export async function importBackupRecord(session: CinderSession, record: BackupRecord): Promise<Backup> {
  return (await session.post('/backups/import_record', { 'backup-record': record })).object<Backup>('backup');
}
