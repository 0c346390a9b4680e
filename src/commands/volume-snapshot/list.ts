import { Option, type Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { listSnapshots, SNAPSHOT_STATUSES, type Snapshot } from '../../api/resources/snapshots.js';
import { listVolumes } from '../../api/resources/volumes.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { snapshotVolumeColumn } from '../../cli/views/snapshot.js';
import { dictColumn } from '../../output/columns.js';
import { listing, type Cell, type Value } from '../../output/result.js';

interface Options {
  long?: boolean;
  allProjects?: boolean;
  project?: string;
  volume?: string;
  name?: string;
  status?: string;
  limit?: number;
  marker?: string;
}

interface Column {
  header: string;
  value: (snapshot: Snapshot, volumeNames: ReadonlyMap<string, Value>) => Cell;
}

const ID: Column = { header: 'ID', value: (s) => s.id };
const NAME: Column = { header: 'Name', value: (s) => s.name };
const DESCRIPTION: Column = { header: 'Description', value: (s) => s.description };
const STATUS: Column = { header: 'Status', value: (s) => s.status };
const SIZE: Column = { header: 'Size', value: (s) => s.size };
const CREATED: Column = { header: 'Created At', value: (s) => s.created_at };
const VOLUME: Column = { header: 'Volume', value: (s, names) => snapshotVolumeColumn(s.volume_id, names) };
const PROPERTIES: Column = { header: 'Properties', value: (s) => dictColumn(s.metadata) };
const PROJECT: Column = { header: 'Project', value: (s) => s['os-extended-snapshot-attributes:project_id'] };

/** openstack's columns in its order; ucinder's own (Project) only after them, so positional reads of `-f value` still work. */
function columnsFor(options: Options): Column[] {
  const columns = options.long
    ? [ID, NAME, DESCRIPTION, STATUS, SIZE, CREATED, VOLUME, PROPERTIES]
    : [ID, NAME, DESCRIPTION, STATUS, SIZE];
  if (options.allProjects || options.project) columns.push(PROJECT);
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
        'ucinder volume snapshot list --project 0123456789abcdef0123456789abcdef',
      ],
      configure: (command) =>
        command
          .option('--long', 'more columns: created at, volume, properties')
          .option('--all-projects', 'snapshots of every project (admin)')
          .option('--project <project-id>', 'only snapshots of this project (admin)')
          .option('--volume <volume>', 'only snapshots of this volume (name or ID)')
          .option('--name <name>', 'only snapshots with this name')
          .addOption(new Option('--status <status>', 'only snapshots in this status').choices(SNAPSHOT_STATUSES))
          .option('--limit <n>', 'list at most this many snapshots', positiveInteger)
          .option('--marker <id>', 'start after the snapshot with this ID'),
      columns: (options) => columnsFor(options).map((column) => column.header),
      run: async ({ f, options }) => {
        const session = await f.session();
        // As openstack: a project filter looks in every project.
        const allProjects = options.allProjects || options.project !== undefined;
        const volumeId = options.volume ? (await findVolume(session, options.volume, { allProjects })).id : undefined;
        const snapshots = await listSnapshots(session, {
          allProjects,
          projectId: options.project,
          name: options.name,
          status: options.status,
          volumeId,
          limit: options.limit,
          marker: options.marker,
        });
        // Only a table shows volume names (see snapshotVolumeColumn); they are looked up for --long alone.
        const volumeNames = new Map<string, Value>();
        if (options.long && snapshots.length) {
          for (const volume of await listVolumes(session, { allProjects })) volumeNames.set(volume.id, volume.name);
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
