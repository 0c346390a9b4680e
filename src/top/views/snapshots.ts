import { listBackups, type Backup } from '../../api/resources/backups.js';
import { listSnapshots, type Snapshot } from '../../api/resources/snapshots.js';
import { BACKUP_ERROR, BACKUP_TRANSITIONAL } from '../../api/resources/backups.js';
import { SNAPSHOT_ERROR, SNAPSHOT_TRANSITIONAL } from '../../api/resources/snapshots.js';
import { cellText, statusTone } from '../cells.js';
import type { Column, Row, ViewSpec } from '../view.js';
import { refusedAs } from './refused.js';

/** View 4 (Snapshots): snapshots and backups, one listing each (a cloud without the backup API shows why). */
export const SNAPSHOTS: ViewSpec = {
  id: 'snapshots',
  number: '4',
  title: 'Snapshots',
  async fetch({ session, allProjects }) {
    const [snapshots, backups] = await Promise.all([listSnapshots(session, { allProjects }), listBackups(session, { allProjects }).catch(refusedAs<Backup[]>())]);
    const project: Column[] = allProjects ? [{ header: 'Project' }] : [];
    return {
      sections: [
        {
          id: 'snapshots',
          title: 'Snapshots',
          columns: [{ header: 'ID' }, { header: 'Name' }, { header: 'Status' }, { header: 'Size', numeric: true }, { header: 'Volume' }, { header: 'Created At' }, ...project],
          rows: snapshots.map((snapshot) => snapshotRow(snapshot, allProjects)),
          empty: 'No snapshots.',
        },
        {
          id: 'backups',
          title: 'Backups',
          columns: [
            { header: 'ID' },
            { header: 'Name' },
            { header: 'Status' },
            { header: 'Size', numeric: true },
            { header: 'Volume' },
            { header: 'Incremental' },
            { header: 'Created At' },
            ...project,
          ],
          rows: 'refused' in backups ? [] : backups.map((backup) => backupRow(backup, allProjects)),
          empty: 'No backups.',
          note: 'refused' in backups ? `backups: ${backups.refused}` : undefined,
        },
      ],
    };
  },
};

function snapshotRow(snapshot: Snapshot, allProjects: boolean): Row {
  const cells = [
    snapshot.id,
    cellText(snapshot.name),
    snapshot.status,
    cellText(snapshot.size),
    snapshot.volume_id,
    cellText(snapshot.created_at),
    ...(allProjects ? [cellText(snapshot['os-extended-snapshot-attributes:project_id'])] : []),
  ];
  return {
    kind: 'snapshot',
    key: snapshot.id,
    cells,
    sortValues: cells.map((cell, index) => (index === 3 ? snapshot.size : cell)),
    tone: statusTone(snapshot.status, SNAPSHOT_ERROR, SNAPSHOT_TRANSITIONAL),
    item: snapshot,
  };
}

function backupRow(backup: Backup, allProjects: boolean): Row {
  const cells = [
    backup.id,
    cellText(backup.name),
    backup.status,
    cellText(backup.size),
    cellText(backup.volume_id),
    cellText(backup.is_incremental),
    cellText(backup.created_at as string | undefined),
    ...(allProjects ? [cellText(backup['os-backup-project-attr:project_id'] ?? null)] : []),
  ];
  return {
    kind: 'backup',
    key: backup.id,
    cells,
    sortValues: cells.map((cell, index) => (index === 3 ? (backup.size ?? null) : cell)),
    tone: statusTone(backup.status, BACKUP_ERROR, BACKUP_TRANSITIONAL),
    item: backup,
  };
}
