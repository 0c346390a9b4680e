import type { Command } from 'commander';
import { requestCleanup, WORKERS_CLEANUP_MIN_VERSION, type CleanupService } from '../../api/resources/workers.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { choice, flag, option } from '../../cli/option-spec.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { cleanedHosts, transitionalResources, waitForCleanup } from '../../cli/wait/cleanup.js';
import { waitOptions } from '../../cli/wait/progress.js';
import { listing, type Cell } from '../../output/result.js';

/** `openstack block storage cleanup`: both of Cinder's lists in one table, told apart by Status. */
const COLUMNS = ['ID', 'Cluster Name', 'Host', 'Binary', 'Status'] as const;

function row(service: CleanupService, status: 'Cleaning' | 'Unavailable'): Cell[] {
  return [service.id, service.cluster_name, service.host, service.binary, status];
}

/** A pair of opposite switches as one filter: true, false, or not given. */
function either(yes: boolean | undefined, no: boolean | undefined): boolean | undefined {
  if (yes) return true;
  return no ? false : undefined;
}

export function registerBlockStorageCleanup(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'cleanup',
      summary: 'Have live services finish or fail what dead ones left half done (admin)',
      since: WORKERS_CLEANUP_MIN_VERSION,
      output: 'listing',
      examples: [
        'ucinder block storage cleanup --cluster mycluster@lvm --down --wait',
        'ucinder block storage cleanup --host node2@lvm',
        'ucinder block storage cleanup --resource-id 9c1b… --resource-type Volume',
      ],
      options: {
        cluster: option('--cluster <cluster>', 'only services of this cluster (name only)'),
        host: option('--host <host>', 'only the service on this host (host@backend)'),
        binary: option('--binary <binary>', 'only services of this binary (e.g. cinder-volume)'),
        up: flag('--up', 'only services that are up', { conflicts: 'down' }),
        down: flag('--down', "only services that are down (Cinder's default when neither is given)"),
        disabled: flag('--disabled', 'only disabled services', { conflicts: 'enabled' }),
        enabled: flag('--enabled', 'only enabled services'),
        resourceId: option('--resource-id <id>', 'only this resource (UUID)'),
        resourceType: choice('--resource-type <type>', 'only this type of resource', ['Volume', 'Snapshot']),
        serviceId: option('--service-id <id>', 'only the service with this database id (not its UUID)', { parse: positiveInteger }),
        ...waitOptions('no volume or snapshot of the cleaned services is left in a transitional status (creating, deleting, …)'),
      },
      columns: () => COLUMNS,
      run: async ({ f, options }) => {
        const session = await f.session();
        // What is stuck now: the cleanup may well be done before the first poll.
        const before = options.wait ? await transitionalResources(session) : [];
        const answer = await requestCleanup(session, {
          clusterName: options.cluster,
          host: options.host,
          binary: options.binary,
          isUp: either(options.up, options.down),
          disabled: either(options.disabled, options.enabled),
          resourceId: options.resourceId,
          resourceType: options.resourceType,
          serviceId: options.serviceId,
        });
        if (answer.cleaning.length === 0 && answer.unavailable.length === 0) {
          f.warn('no cleanable service matched (Cinder only cleans services that are down unless --up is given)');
        }
        if (answer.unavailable.length) {
          f.warn(
            `no live service can clean up for ${answer.unavailable.map((service) => service.host).join(', ')}: ` +
              'start another node of its cluster (or the service itself), then run the cleanup again',
          );
        }
        if (options.wait && answer.cleaning.length) {
          await waitForCleanup(f, session, await cleanedHosts(session, answer.cleaning), before, options);
        }
        return listing(COLUMNS, [...answer.cleaning.map((service) => row(service, 'Cleaning')), ...answer.unavailable.map((service) => row(service, 'Unavailable'))]);
      },
    },
    factoryFor,
  );
}
