import type { Command } from 'commander';
import { CLUSTERS_MIN_VERSION, getCluster } from '../../api/resources/clusters.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { clusterDetails } from '../../cli/views/cluster.js';

interface Options {
  binary?: string;
}

export function registerClusterShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'show <cluster>',
      summary: 'Show one cluster (API 3.7+, admin)',
      output: 'details',
      examples: [
        'ucinder block storage cluster show mycluster@lvm',
        'ucinder cluster show --binary cinder-backup backup-cluster',
        'ucinder cluster show mycluster@lvm --raw -f json',
      ],
      configure: (command) => command.option('--binary <binary>', 'the cluster\'s binary (default cinder-volume)'),
      run: async ({ f, options, args }) => {
        const session = await f.session();
        requireMicroversion(session, CLUSTERS_MIN_VERSION, 'clusters');
        const cluster = await getCluster(session, args[0]!, options.binary);
        return clusterDetails(cluster);
      },
    },
    factoryFor,
  );
}
