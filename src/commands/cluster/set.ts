import type { Command } from 'commander';
import { CLUSTERS_MIN_VERSION, setClusterDisabled } from '../../api/resources/clusters.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { clusterDetails } from '../../cli/views/cluster.js';
import { UsageError } from '../../errors.js';

export function registerClusterSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'set <cluster>',
      summary: 'Enable or disable scheduling on every service of a cluster (admin)',
      since: { version: CLUSTERS_MIN_VERSION, feature: 'block storage cluster set' },
      output: 'details',
      examples: ['ucinder block storage cluster set --disable --disable-reason "node2 replaced" mycluster@lvm', 'ucinder cluster set --enable mycluster@lvm'],
      options: {
        binary: option('--binary <binary>', "the cluster's binary", { default: 'cinder-volume' }),
        enable: flag('--enable', 'enable the cluster', { conflicts: 'disable' }),
        disable: flag('--disable', 'disable the cluster: the scheduler places nothing new on it'),
        disableReason: option('--disable-reason <reason>', 'why it is disabled (with --disable)', { needs: 'disable' }),
      },
      run: async ({ f, options, args: [name] }) => {
        if (!options.enable && !options.disable) throw new UsageError('give --enable or --disable');
        const session = await f.session();
        const cluster = await setClusterDisabled(session, {
          name,
          binary: options.binary,
          disabled: options.disable === true,
          reason: options.disableReason,
        });
        return clusterDetails(cluster);
      },
    },
    factoryFor,
  );
}
