import type { Command } from 'commander';
import { listManageableVolumes } from '../../api/resources/manageable.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { checkManageableTarget, isDetailed, manageableListMicroversion, manageableListOptions, manageableQuery } from '../../cli/manageable-list.js';
import { listing, type Value } from '../../output/result.js';

const COMMAND = 'block storage volume manageable list';

/** openstack's columns, in its order: Cinder's field names. */
const COLUMNS = ['reference', 'size', 'safe_to_manage'] as const;
const DETAILED_COLUMNS = [...COLUMNS, 'reason_not_safe', 'cinder_id', 'extra_info'] as const;

export function registerVolumeManageableList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list [host]',
      summary: 'List what a backend holds that Cinder could manage (volume create --remote-source)',
      since: manageableListMicroversion(COMMAND),
      output: 'listing',
      watchable: true,
      examples: [
        'ucinder block storage volume manageable list node1@mmj',
        'ucinder block storage volume manageable list node1@mmj --long --sort size:desc',
        'ucinder block storage volume manageable list --cluster cluster1@mmj --limit 10',
      ],
      options: manageableListOptions('volumes'),
      columns: (options) => (isDetailed(options) ? DETAILED_COLUMNS : COLUMNS),
      run: async ({ f, options, args: [host] }) => {
        checkManageableTarget(host, options, COMMAND);
        const session = await f.session();
        const query = manageableQuery(host, options);
        const columns = query.detailed ? DETAILED_COLUMNS : COLUMNS;
        const volumes = await listManageableVolumes(session, query);
        return listing(
          columns,
          volumes.map((volume) => columns.map((column) => volume[column] as Value)),
        );
      },
    },
    factoryFor,
  );
}
