import { Option, type Command } from 'commander';
import { CLUSTERS_MIN_VERSION, setClusterDisabled } from '../../api/resources/clusters.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { clusterDetails } from '../../cli/views/cluster.js';
import { UsageError } from '../../errors.js';

interface Options {
  binary: string;
  enable?: boolean;
  disable?: boolean;
  disableReason?: string;
}

export function registerClusterSet(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'set <cluster>',
      summary: 'Enable or disable scheduling on every service of a cluster (API 3.7+, admin)',
      output: 'details',
      examples: [
        'ucinder block storage cluster set --disable --disable-reason "node2 replaced" mycluster@lvm',
        'ucinder cluster set --enable mycluster@lvm',
      ],
      configure: (command) =>
        command
          .option('--binary <binary>', "the cluster's binary", 'cinder-volume')
          .addOption(new Option('--enable', 'enable the cluster').conflicts('disable'))
          .option('--disable', 'disable the cluster: the scheduler places nothing new on it')
          .option('--disable-reason <reason>', 'why it is disabled (with --disable)'),
      run: async ({ f, options, args }) => {
        if (options.disableReason !== undefined && !options.disable) {
          throw new UsageError('--disable-reason needs --disable');
        }
        if (!options.enable && !options.disable) throw new UsageError('give --enable or --disable');
        const session = await f.session();
        requireMicroversion(session, CLUSTERS_MIN_VERSION, 'block storage cluster set');
        const cluster = await setClusterDisabled(session, {
          name: args[0]!,
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
