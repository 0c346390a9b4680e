import type { Command } from 'commander';
import { listManageableVolumes } from '../../api/resources/manageable.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { addManageableListOptions, checkManageableTarget, isDetailed, manageableQuery, type ManageableListOptions } from '../../cli/manageable-list.js';
import { listing, type Value } from '../../output/result.js';

/** openstack's columns, in its order: Cinder's field names. */
const COLUMNS = ['reference', 'size', 'safe_to_manage'] as const;
const DETAILED_COLUMNS = [...COLUMNS, 'reason_not_safe', 'cinder_id', 'extra_info'] as const;

export function registerVolumeManageableList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<ManageableListOptions>(
    parent,
    {
      usage: 'list [host]',
      summary: 'List what a backend holds that Cinder could manage (volume create --remote-source; API 3.8+)',
      output: 'listing',
      examples: [
        'ucinder block storage volume manageable list node1@mmj',
        'ucinder block storage volume manageable list node1@mmj --long --sort size:desc',
        'ucinder block storage volume manageable list --cluster cluster1@mmj --limit 10',
      ],
      configure: (command) => addManageableListOptions(command, 'volumes'),
      columns: (options) => (isDetailed(options) ? DETAILED_COLUMNS : COLUMNS),
      run: async ({ f, options, args }) => {
        const command = 'block storage volume manageable list';
        checkManageableTarget(args[0], options, command);
        const session = await f.session();
        const query = manageableQuery(session, args[0], options, command);
        const columns = query.detailed ? DETAILED_COLUMNS : COLUMNS;
        const volumes = await listManageableVolumes(session, query);
        return listing(columns, volumes.map((volume) => columns.map((column) => volume[column] as Value)));
      },
    },
    factoryFor,
  );
}
