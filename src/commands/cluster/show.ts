import type { Command } from 'commander';
import { CLUSTERS_MIN_VERSION, getCluster } from '../../api/resources/clusters.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { option } from '../../cli/option-spec.js';
import { clusterDetails } from '../../cli/views/cluster.js';

export function registerClusterShow(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'show <cluster>',
      summary: 'Show one cluster (admin)',
      since: { version: CLUSTERS_MIN_VERSION, feature: 'clusters' },
      output: 'details',
      watchable: true,
      examples: [
        'ucinder block storage cluster show mycluster@lvm',
        'ucinder cluster show --binary cinder-backup backup-cluster',
        'ucinder cluster show mycluster@lvm --raw -f json',
      ],
      options: { binary: option('--binary <binary>', "the cluster's binary (default cinder-volume)") },
      run: async ({ f, options, args: [name] }) => {
        const session = await f.session();
        const cluster = await getCluster(session, name, options.binary);
        return clusterDetails(cluster);
      },
    },
    factoryFor,
  );
}
