import type { Backup, BackupRecord, BackupRestore } from '../../api/resources/backups.js';
import { details, type Details, type Value } from '../../output/result.js';

/**
 * `volume backup show/create/record import` as the openstack client prints
 * them: Cinder's fields as they are (metadata too, not renamed), sorted,
 * without the links.
 */
export function backupDetails(backup: Backup): Details {
  const { links: _links, ...fields } = backup;
  return details(fields as Record<string, Value>, backup as Record<string, Value>);
}

/** `volume backup restore`: where the backup goes, sorted as openstack sorts it. */
export function restoreDetails(restore: BackupRestore): Details {
  return details({ ...restore } as Record<string, Value>);
}

/**
 * `volume backup record export`: openstack gives the two fields friendly
 * names in a table only; json, yaml and the rest keep Cinder's keys, so the
 * output can be fed back to `record import`.
 */
export function backupRecordDetails(record: BackupRecord, format: string): Details {
  const fields =
    format === 'table' ? { 'Backup Service': record.backup_service, Metadata: record.backup_url } : { backup_service: record.backup_service, backup_url: record.backup_url };
  return details(fields, { ...record });
}
