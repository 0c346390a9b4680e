import type { Command } from 'commander';
import { listManageableSnapshots } from '../../api/resources/manageable.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { checkManageableTarget, isDetailed, manageableListMicroversion, manageableListOptions, manageableQuery } from '../../cli/manageable-list.js';
import { listing, type Value } from '../../output/result.js';

const COMMAND = 'block storage snapshot manageable list';

/** openstack's columns, in its order: Cinder's field names. */
const COLUMNS = ['reference', 'size', 'safe_to_manage', 'source_reference'] as const;
const DETAILED_COLUMNS = [...COLUMNS, 'reason_not_safe', 'cinder_id', 'extra_info'] as const;

export function registerSnapshotManageableList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list [host]',
      summary: 'List snapshots a backend holds that Cinder could manage (volume snapshot create --remote-source)',
      since: manageableListMicroversion(COMMAND),
      output: 'listing',
      watchable: true,
      examples: ['ucinder block storage snapshot manageable list node1@mmj', 'ucinder block storage snapshot manageable list node1@mmj --long'],
      options: manageableListOptions('snapshots'),
      columns: (options) => (isDetailed(options) ? DETAILED_COLUMNS : COLUMNS),
      run: async ({ f, options, args: [host] }) => {
        checkManageableTarget(host, options, COMMAND);
        const session = await f.session();
        const query = manageableQuery(host, options);
        const columns = query.detailed ? DETAILED_COLUMNS : COLUMNS;
        const snapshots = await listManageableSnapshots(session, query);
        return listing(
          columns,
          snapshots.map((snapshot) => columns.map((column) => snapshot[column] as Value)),
        );
      },
    },
    factoryFor,
  );
}
