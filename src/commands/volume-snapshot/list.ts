import type { Command } from 'commander';
import { findVolume } from '../../api/finders.js';
import { listSnapshots, SNAPSHOT_STATUSES, type Snapshot } from '../../api/resources/snapshots.js';
import { listVolumes } from '../../api/resources/volumes.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { choice, flag, option, type OptionValues } from '../../cli/option-spec.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { snapshotVolumeColumn } from '../../cli/views/snapshot.js';
import { dictColumn } from '../../output/columns.js';
import { columnListing, headersOf, type Column } from '../../output/column-table.js';
import type { Value } from '../../output/result.js';

const OPTIONS = {
  long: flag('--long', 'more columns: created at, volume, properties'),
  allProjects: flag('--all-projects', 'snapshots of every project (admin)'),
  project: option('--project <project-id>', 'only snapshots of this project (admin)'),
  volume: option('--volume <volume>', 'only snapshots of this volume (name or ID)'),
  name: option('--name <name>', 'only snapshots with this name'),
  status: choice('--status <status>', 'only snapshots in this status', SNAPSHOT_STATUSES),
  limit: option('--limit <n>', 'list at most this many snapshots', { parse: positiveInteger }),
  marker: option('--marker <id>', 'start after the snapshot with this ID'),
};

/** Each row may read the names of the volumes (--long). */
type SnapshotColumn = Column<Snapshot, ReadonlyMap<string, Value>>;

const ID: SnapshotColumn = { header: 'ID', value: (s) => s.id };
const NAME: SnapshotColumn = { header: 'Name', value: (s) => s.name };
const DESCRIPTION: SnapshotColumn = { header: 'Description', value: (s) => s.description };
const STATUS: SnapshotColumn = { header: 'Status', value: (s) => s.status };
const SIZE: SnapshotColumn = { header: 'Size', value: (s) => s.size };
const CREATED: SnapshotColumn = { header: 'Created At', value: (s) => s.created_at };
const VOLUME: SnapshotColumn = { header: 'Volume', value: (s, names) => snapshotVolumeColumn(s.volume_id, names) };
const PROPERTIES: SnapshotColumn = { header: 'Properties', value: (s) => dictColumn(s.metadata) };
const PROJECT: SnapshotColumn = { header: 'Project', value: (s) => s['os-extended-snapshot-attributes:project_id'] };

/** openstack's columns in its order; ucinder's own (Project) only after them, so positional reads of `-f value` still work. */
function columnsFor(options: OptionValues<typeof OPTIONS>): SnapshotColumn[] {
  const columns = options.long ? [ID, NAME, DESCRIPTION, STATUS, SIZE, CREATED, VOLUME, PROPERTIES] : [ID, NAME, DESCRIPTION, STATUS, SIZE];
  if (options.allProjects || options.project) columns.push(PROJECT);
  return columns;
}

export function registerSnapshotList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List snapshots',
      output: 'listing',
      watchable: true,
      examples: [
        'ucinder volume snapshot list',
        'ucinder volume snapshot list --volume vol1 --long',
        'ucinder volume snapshot list --all-projects --status error -f json',
        'ucinder volume snapshot list --project 0123456789abcdef0123456789abcdef',
      ],
      options: OPTIONS,
      columns: (options) => headersOf(columnsFor(options)),
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
        return columnListing(columnsFor(options), snapshots, volumeNames);
      },
    },
    factoryFor,
  );
}
