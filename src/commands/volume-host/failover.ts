import type { Command } from 'commander';
import { FAILOVER_CLUSTER_MIN_VERSION, failoverHost } from '../../api/resources/services.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { waitForFailover } from '../../cli/wait/failover.js';
import { waitOptions } from '../../cli/wait/progress.js';
import { UsageError } from '../../errors.js';
import { listing, NO_OUTPUT } from '../../output/result.js';

export function registerVolumeHostFailover(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
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
      options: {
        volumeBackend: option('--volume-backend <backend-id>', 'the replication target to fail over to (required)', { mandatory: true }),
        cluster: flag('--cluster', 'the argument names a cluster, not a host', {
          since: { version: FAILOVER_CLUSTER_MIN_VERSION, feature: 'volume host failover --cluster' },
        }),
        ...waitOptions('the services report the new active backend; fail if they refused it'),
      },
      columns: () => ['Host', 'Replication Status', 'Active Backend ID'],
      run: async ({ f, options, args: [name] }) => {
        if (name.trim() === '') throw new UsageError('the host (or cluster) name is empty');
        const session = await f.session();
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
