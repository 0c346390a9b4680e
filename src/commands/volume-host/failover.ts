import { Option, type Command } from 'commander';
import { FAILOVER_CLUSTER_MIN_VERSION, failoverHost } from '../../api/resources/services.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { waitForFailover } from '../../cli/wait/failover.js';
import { addWaitOptions, type WaitFlags } from '../../cli/wait/progress.js';
import { UsageError } from '../../errors.js';
import { listing, NO_OUTPUT } from '../../output/result.js';

interface Options extends WaitFlags {
  volumeBackend: string;
  cluster?: boolean;
}

export function registerVolumeHostFailover(parent: Command, factoryFor: FactoryProvider): Command {
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'failover <host>',
      summary: "Fail a replicated backend over to a replication target ('default' fails back)",
      output: 'listing',
      examples: [
        'ucinder volume host failover --volume-backend replica1 --wait node1@mmj',
        'ucinder volume host failover --cluster --volume-backend replica1 mycluster@lvm',
        'ucinder volume host failover --volume-backend default --wait node1@mmj',
      ],
      configure: (command) =>
        addWaitOptions(
          command
            .addOption(new Option('--volume-backend <backend-id>', 'the replication target to fail over to (required)').makeOptionMandatory())
            .option('--cluster', 'the argument names a cluster, not a host (API 3.26+)'),
          'the services report the new active backend; fail if they refused it',
        ),
      columns: () => ['Host', 'Replication Status', 'Active Backend ID'],
      run: async ({ f, options, args }) => {
        const name = args[0]!;
        if (name.trim() === '') throw new UsageError('the host (or cluster) name is empty');
        const session = await f.session();
        if (options.cluster) requireMicroversion(session, FAILOVER_CLUSTER_MIN_VERSION, 'volume host failover --cluster');
        const target = options.cluster ? { cluster: name } : { host: name };
        await failoverHost(session, target, options.volumeBackend);
        if (!options.wait) return NO_OUTPUT;
        const services = await waitForFailover(f, session, target, options.volumeBackend, options);
        return listing(
          ['Host', 'Replication Status', 'Active Backend ID'],
          services.map((service) => [service.host, service.replication_status ?? null, service.active_backend_id ?? null]),
        );
      },
    },
    factoryFor,
  );
}
