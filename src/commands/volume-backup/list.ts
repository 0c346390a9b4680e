import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { BACKUP_STATUSES, listBackups, type Backup } from '../../api/resources/backups.js';
import { listVolumes } from '../../api/resources/volumes.js';
import { NotFoundError } from '../../errors.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { choice, flag, option, type OptionValues } from '../../cli/option-spec.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { snapshotVolumeColumn } from '../../cli/views/snapshot.js';
import { columnListing, headersOf, type Column } from '../../output/column-table.js';
import type { Value } from '../../output/result.js';

const OPTIONS = {
  long: flag('--long', 'more columns: availability zone, volume, container'),
  allProjects: flag('--all-projects', 'backups of every project (admin)'),
  volume: option('--volume <volume>', 'only backups of this volume (name or ID; the ID of a deleted volume works too)'),
  name: option('--name <name>', 'only backups with this name'),
  status: choice('--status <status>', 'only backups in this status', BACKUP_STATUSES),
  limit: option('--limit <n>', 'list at most this many backups', { parse: positiveInteger }),
  marker: option('--marker <id>', 'start after the backup with this ID'),
};

/** Each row may read the names of the volumes (--long). */
type BackupColumn = Column<Backup, ReadonlyMap<string, Value>>;

const ID: BackupColumn = { header: 'ID', value: (b) => b.id };
const NAME: BackupColumn = { header: 'Name', value: (b) => b.name };
const DESCRIPTION: BackupColumn = { header: 'Description', value: (b) => b.description };
const STATUS: BackupColumn = { header: 'Status', value: (b) => b.status };
const SIZE: BackupColumn = { header: 'Size', value: (b) => b.size };
const ZONE: BackupColumn = { header: 'Availability Zone', value: (b) => b.availability_zone };
// Like snapshot list's Volume: the name in a table, the ID as data.
const VOLUME: BackupColumn = { header: 'Volume', value: (b, names) => snapshotVolumeColumn(b.volume_id ?? '', names) };
const CONTAINER: BackupColumn = { header: 'Container', value: (b) => b.container };
const PROJECT: BackupColumn = { header: 'Project', value: (b) => b['os-backup-project-attr:project_id'] };

/** openstack's columns in its order; ucinder's own (Project) only after them. */
function columnsFor(options: OptionValues<typeof OPTIONS>): BackupColumn[] {
  const columns = options.long ? [ID, NAME, DESCRIPTION, STATUS, SIZE, ZONE, VOLUME, CONTAINER] : [ID, NAME, DESCRIPTION, STATUS, SIZE];
  if (options.allProjects) columns.push(PROJECT);
  return columns;
}

export function registerBackupList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List backups',
      output: 'listing',
      watchable: true,
      examples: ['ucinder volume backup list', 'ucinder volume backup list --volume vol1 --long', 'ucinder volume backup list --all-projects --status error -f json'],
      options: OPTIONS,
      columns: (options) => headersOf(columnsFor(options)),
      run: async ({ f, options }) => {
        const session = await f.session();
        const allProjects = options.allProjects;
        const backups = await listBackups(session, {
          allProjects,
          name: options.name,
          status: options.status,
          volumeId: options.volume === undefined ? undefined : await volumeIdFilter(options.volume),
          limit: options.limit,
          marker: options.marker,
        });
        const volumeNames = new Map<string, Value>();
        if (options.long && backups.length) {
          for (const volume of await listVolumes(session, { allProjects })) volumeNames.set(volume.id, volume.name);
        }
        return columnListing(columnsFor(options), backups, volumeNames);

        /** As openstack: a volume that no longer exists still filters by the ID given (its backups outlive it). */
        async function volumeIdFilter(nameOrId: string): Promise<string> {
          try {
            return (await findVolume(session, nameOrId, { allProjects })).id;
          } catch (error) {
            if (error instanceof NotFoundError) return nameOrId;
            throw error;
          }
        }
      },
    },
    factoryFor,
  );
}
