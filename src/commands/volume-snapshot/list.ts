import { Option, type Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { listSnapshots, SNAPSHOT_STATUSES, type Snapshot } from '../../api/resources/snapshots.js';
import { listVolumes } from '../../api/resources/volumes.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { listing, type Value } from '../../output/result.js';

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
  value: (snapshot: Snapshot, volumeNames: Map<string, string>) => Value;
}

const ID: Column = { header: 'ID', value: (s) => s.id };
const NAME: Column = { header: 'Name', value: (s) => s.name };
const PROJECT: Column = { header: 'Project', value: (s) => s['os-extended-snapshot-attributes:project_id'] };
const DESCRIPTION: Column = { header: 'Description', value: (s) => s.description };
const STATUS: Column = { header: 'Status', value: (s) => s.status };
const SIZE: Column = { header: 'Size', value: (s) => s.size };
const CREATED: Column = { header: 'Created At', value: (s) => s.created_at };
// The volume's name where we could look it up, as the openstack client shows it.
const VOLUME: Column = { header: 'Volume', value: (s, names) => names.get(s.volume_id) || s.volume_id };
const PROPERTIES: Column = { header: 'Properties', value: (s) => s.metadata ?? {} };

function columnsFor(options: Options): Column[] {
  const columns = options.long
    ? [ID, NAME, DESCRIPTION, STATUS, SIZE, CREATED, VOLUME, PROPERTIES]
    : [ID, NAME, DESCRIPTION, STATUS, SIZE];
  if (options.allProjects) columns.splice(2, 0, PROJECT);
  return columns;
}

export function registerSnapshotList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List snapshots',
      output: 'listing',
      examples: [
        'ucinder volume snapshot list',
        'ucinder volume snapshot list --volume vol1 --long',
        'ucinder volume snapshot list --all-projects --status error -f json',
      ],
      configure: (command) =>
        command
          .option('--long', 'more columns: created at, volume, properties')
          .option('--all-projects', 'snapshots of every project (admin)')
          .option('--volume <volume>', 'only snapshots of this volume (name or ID)')
          .option('--name <name>', 'only snapshots with this name')
          .addOption(new Option('--status <status>', 'only snapshots in this status').choices(SNAPSHOT_STATUSES))
          .option('--limit <n>', 'list at most this many snapshots', positiveInteger)
          .option('--marker <id>', 'start after the snapshot with this ID'),
      columns: (options) => columnsFor(options).map((column) => column.header),
      run: async ({ f, options }) => {
        const session = await f.session();
        const volumeId = options.volume ? (await findVolume(session, options.volume, options)).id : undefined;
        const snapshots = await listSnapshots(session, {
          allProjects: options.allProjects,
          name: options.name,
          status: options.status,
          volumeId,
          limit: options.limit,
          marker: options.marker,
        });
        const volumeNames = new Map<string, string>();
        if (options.long && snapshots.length) {
          for (const volume of await listVolumes(session, { allProjects: options.allProjects })) {
            if (volume.name) volumeNames.set(volume.id, volume.name);
          }
        }
        const columns = columnsFor(options);
        return listing(
          columns.map((column) => column.header),
          snapshots.map((snapshot) => columns.map((column) => column.value(snapshot, volumeNames))),
        );
      },
    },
    factoryFor,
  );
}
