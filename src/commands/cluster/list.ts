import type { Command } from 'commander';
import { CLUSTERS_MIN_VERSION, listClusters, type Cluster } from '../../api/resources/clusters.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { listing, type Value } from '../../output/result.js';

interface Options {
  long?: boolean;
  binary?: string;
  name?: string;
}

interface Column {
  header: string;
  value: (cluster: Cluster) => Value;
}

const SHORT: Column[] = [
  { header: 'Name', value: (c) => c.name },
  { header: 'Binary', value: (c) => c.binary },
  { header: 'State', value: (c) => c.state },
  { header: 'Status', value: (c) => c.status },
];
const LONG: Column[] = [
  ...SHORT,
  { header: 'Num Hosts', value: (c) => c.num_hosts },
  { header: 'Num Down Hosts', value: (c) => c.num_down_hosts },
  { header: 'Last Heartbeat', value: (c) => c.last_heartbeat },
  { header: 'Disabled Reason', value: (c) => c.disabled_reason },
  { header: 'Created At', value: (c) => c.created_at },
  { header: 'Updated At', value: (c) => c.updated_at },
];

export function registerClusterList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List clusters of active/active services (API 3.7+, admin)',
      output: 'listing',
      examples: ['ucinder cluster list', 'ucinder cluster list --long', 'ucinder cluster list --binary cinder-volume -f json'],
      configure: (command) =>
        command
          .option('--long', 'also show host counts, last heartbeat, disabled reason, dates')
          .option('--binary <binary>', 'only clusters of this binary (e.g. cinder-volume)')
          .option('--name <name>', 'only the cluster with this name'),
      columns: (options) => (options.long ? LONG : SHORT).map((column) => column.header),
      run: async ({ f, options }) => {
        const session = await f.session();
        requireMicroversion(session, CLUSTERS_MIN_VERSION, 'clusters');
        const columns = options.long ? LONG : SHORT;
        const clusters = await listClusters(session, { binary: options.binary, name: options.name }, options.long === true);
        return listing(
          columns.map((column) => column.header),
          clusters.map((cluster) => columns.map((column) => column.value(cluster))),
        );
      },
    },
    factoryFor,
  );
}
