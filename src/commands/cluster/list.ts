import type { Command } from 'commander';
import { CLUSTERS_MIN_VERSION, listClusters, type Cluster } from '../../api/resources/clusters.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { nonNegativeInteger } from '../../cli/option-parsers.js';
import { itemProperty } from '../../cli/views/item-property.js';
import { columnListing, headersOf, type Column } from '../../output/column-table.js';

const column = (header: string, field: string): Column<Cluster> => ({ header, value: (cluster) => itemProperty(cluster, field) });

/** `openstack block storage cluster list` (and --long): its headers, in its order. */
const SHORT: Column<Cluster>[] = [column('Name', 'name'), column('Binary', 'binary'), column('State', 'state'), column('Status', 'status')];
const LONG: Column<Cluster>[] = [
  ...SHORT,
  column('Num Hosts', 'num_hosts'),
  column('Num Down Hosts', 'num_down_hosts'),
  column('Last Heartbeat', 'last_heartbeat'),
  column('Disabled Reason', 'disabled_reason'),
  column('Created At', 'created_at'),
  column('Updated At', 'updated_at'),
];

/** A pair of opposite switches (--up/--down) as one filter: true, false, or not given. */
function either(yes: boolean | undefined, no: boolean | undefined): boolean | undefined {
  if (yes) return true;
  return no ? false : undefined;
}

export function registerClusterList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List clusters of active/active services (admin)',
      since: { version: CLUSTERS_MIN_VERSION, feature: 'clusters' },
      output: 'listing',
      watchable: true,
      examples: ['ucinder block storage cluster list', 'ucinder block storage cluster list --long --down', 'ucinder cluster list --binary cinder-volume -f json'],
      options: {
        long: flag('--long', 'also show host counts, last heartbeat, disabled reason, dates'),
        binary: option('--binary <binary>', 'only clusters of this binary (e.g. cinder-volume)'),
        cluster: option('--cluster <name>', 'only the cluster with this name', { conflicts: 'name' }),
        name: option('--name <name>', 'same as --cluster'),
        up: flag('--up', 'only clusters with a service up', { conflicts: 'down' }),
        down: flag('--down', 'only clusters with every service down'),
        enabled: flag('--enabled', 'only enabled clusters', { conflicts: 'disabled' }),
        disabled: flag('--disabled', 'only disabled clusters'),
        numHosts: option('--num-hosts <n>', 'only clusters with this many hosts', { parse: nonNegativeInteger }),
        numDownHosts: option('--num-down-hosts <n>', 'only clusters with this many hosts down', { parse: nonNegativeInteger }),
      },
      columns: (options) => headersOf(options.long ? LONG : SHORT),
      run: async ({ f, options }) => {
        const session = await f.session();
        const columns = options.long ? LONG : SHORT;
        const filters = {
          binary: options.binary,
          name: options.cluster ?? options.name,
          isUp: either(options.up, options.down),
          disabled: either(options.disabled, options.enabled),
          numHosts: options.numHosts,
          numDownHosts: options.numDownHosts,
        };
        const clusters = await listClusters(session, filters, options.long === true);
        return columnListing(columns, clusters, undefined);
      },
    },
    factoryFor,
  );
}
