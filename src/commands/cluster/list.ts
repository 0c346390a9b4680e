import { Option, type Command } from 'commander';
import { CLUSTERS_MIN_VERSION, listClusters, type Cluster } from '../../api/resources/clusters.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { nonNegativeInteger } from '../../cli/option-parsers.js';
import { itemProperty } from '../../cli/views/item-property.js';
import { listing, type Value } from '../../output/result.js';

interface Options {
  long?: boolean;
  binary?: string;
  cluster?: string;
  name?: string;
  up?: boolean;
  down?: boolean;
  enabled?: boolean;
  disabled?: boolean;
  numHosts?: number;
  numDownHosts?: number;
}

interface Column {
  header: string;
  value: (cluster: Cluster) => Value;
}

const column = (header: string, field: string): Column => ({ header, value: (cluster) => itemProperty(cluster, field) });

/** `openstack block storage cluster list` (and --long): its headers, in its order. */
const SHORT: Column[] = [column('Name', 'name'), column('Binary', 'binary'), column('State', 'state'), column('Status', 'status')];
const LONG: Column[] = [
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
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List clusters of active/active services (API 3.7+, admin)',
      output: 'listing',
      examples: [
        'ucinder block storage cluster list',
        'ucinder block storage cluster list --long --down',
        'ucinder cluster list --binary cinder-volume -f json',
      ],
      configure: (command) =>
        command
          .option('--long', 'also show host counts, last heartbeat, disabled reason, dates')
          .option('--binary <binary>', 'only clusters of this binary (e.g. cinder-volume)')
          .addOption(new Option('--cluster <name>', 'only the cluster with this name').conflicts('name'))
          .option('--name <name>', 'same as --cluster')
          .addOption(new Option('--up', 'only clusters with a service up').conflicts('down'))
          .option('--down', 'only clusters with every service down')
          .addOption(new Option('--enabled', 'only enabled clusters').conflicts('disabled'))
          .option('--disabled', 'only disabled clusters')
          .option('--num-hosts <n>', 'only clusters with this many hosts', nonNegativeInteger)
          .option('--num-down-hosts <n>', 'only clusters with this many hosts down', nonNegativeInteger),
      columns: (options) => (options.long ? LONG : SHORT).map((column) => column.header),
      run: async ({ f, options }) => {
        const session = await f.session();
        requireMicroversion(session, CLUSTERS_MIN_VERSION, 'clusters');
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
        return listing(
          columns.map((column) => column.header),
          clusters.map((cluster) => columns.map((column) => column.value(cluster))),
        );
      },
    },
    factoryFor,
  );
}
