import type { Command } from 'commander';
import { listManageableSnapshots } from '../../api/resources/manageable.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { addManageableListOptions, checkManageableTarget, isDetailed, manageableQuery, type ManageableListOptions } from '../../cli/manageable-list.js';
import { listing, type Value } from '../../output/result.js';

/** openstack's columns, in its order: Cinder's field names. */
const COLUMNS = ['reference', 'size', 'safe_to_manage', 'source_reference'] as const;
const DETAILED_COLUMNS = [...COLUMNS, 'reason_not_safe', 'cinder_id', 'extra_info'] as const;

export function registerSnapshotManageableList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<ManageableListOptions>(
    parent,
    {
      usage: 'list [host]',
      summary: 'List snapshots a backend holds that Cinder could manage (volume snapshot create --remote-source; API 3.8+)',
      output: 'listing',
      examples: [
        'ucinder block storage snapshot manageable list node1@mmj',
        'ucinder block storage snapshot manageable list node1@mmj --long',
      ],
      configure: (command) => addManageableListOptions(command, 'snapshots'),
      columns: (options) => (isDetailed(options) ? DETAILED_COLUMNS : COLUMNS),
      run: async ({ f, options, args }) => {
        const command = 'block storage snapshot manageable list';
        checkManageableTarget(args[0], options, command);
        const session = await f.session();
        const query = manageableQuery(session, args[0], options, command);
        const columns = query.detailed ? DETAILED_COLUMNS : COLUMNS;
        const snapshots = await listManageableSnapshots(session, query);
        return listing(columns, snapshots.map((snapshot) => columns.map((column) => snapshot[column] as Value)));
      },
    },
    factoryFor,
  );
}
