import { Option, type Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { BACKUP_STATUSES, listBackups, type Backup } from '../../api/resources/backups.js';
import { listVolumes } from '../../api/resources/volumes.js';
import { NotFoundError } from '../../errors.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { snapshotVolumeColumn } from '../../cli/views/snapshot.js';
import { listing, type Cell, type Value } from '../../output/result.js';

interface Options {
  long?: boolean;
  allProjects?: boolean;
  volume?: string;
  name?: string;
  status?: string;
  limit?: number;
  marker?: string;
}

interface Column {
  header: string;
  value: (backup: Backup, volumeNames: ReadonlyMap<string, Value>) => Cell;
}

const ID: Column = { header: 'ID', value: (b) => b.id };
const NAME: Column = { header: 'Name', value: (b) => b.name };
const DESCRIPTION: Column = { header: 'Description', value: (b) => b.description };
const STATUS: Column = { header: 'Status', value: (b) => b.status };
const SIZE: Column = { header: 'Size', value: (b) => b.size };
const ZONE: Column = { header: 'Availability Zone', value: (b) => b.availability_zone };
// Like snapshot list's Volume: the name in a table, the ID as data.
const VOLUME: Column = { header: 'Volume', value: (b, names) => snapshotVolumeColumn(b.volume_id ?? '', names) };
const CONTAINER: Column = { header: 'Container', value: (b) => b.container };
const PROJECT: Column = { header: 'Project', value: (b) => b['os-backup-project-attr:project_id'] };

/** openstack's columns in its order; ucinder's own (Project) only after them. */
function columnsFor(options: Options): Column[] {
  const columns = options.long ? [ID, NAME, DESCRIPTION, STATUS, SIZE, ZONE, VOLUME, CONTAINER] : [ID, NAME, DESCRIPTION, STATUS, SIZE];
  if (options.allProjects) columns.push(PROJECT);
  return columns;
}

export function registerBackupList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List backups',
      output: 'listing',
      examples: [
        'ucinder volume backup list',
        'ucinder volume backup list --volume vol1 --long',
        'ucinder volume backup list --all-projects --status error -f json',
      ],
      configure: (command) =>
        command
          .option('--long', 'more columns: availability zone, volume, container')
          .option('--all-projects', 'backups of every project (admin)')
          .option('--volume <volume>', 'only backups of this volume (name or ID; the ID of a deleted volume works too)')
          .option('--name <name>', 'only backups with this name')
          .addOption(new Option('--status <status>', 'only backups in this status').choices(BACKUP_STATUSES))
          .option('--limit <n>', 'list at most this many backups', positiveInteger)
          .option('--marker <id>', 'start after the backup with this ID'),
      columns: (options) => columnsFor(options).map((column) => column.header),
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
        const columns = columnsFor(options);
        return listing(
          columns.map((column) => column.header),
          backups.map((backup) => columns.map((column) => column.value(backup, volumeNames))),
        );

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
