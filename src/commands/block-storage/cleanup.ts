import { Option, type Command } from 'commander';
import { requestCleanup, WORKERS_CLEANUP_MIN_VERSION, type CleanupService } from '../../api/resources/workers.js';
import { requireMicroversion } from '../../api/version-requirement.js';
import type { FactoryProvider } from '../../cli/command.js';
import { defineUntypedCommand } from '../../cli/untyped-command.js';
import { positiveInteger } from '../../cli/option-parsers.js';
import { cleanedHosts, transitionalResources, waitForCleanup } from '../../cli/wait/cleanup.js';
import { addWaitOptions, type WaitFlags } from '../../cli/wait/progress.js';
import { listing, type Cell } from '../../output/result.js';

interface Options extends WaitFlags {
  cluster?: string;
  host?: string;
  binary?: string;
  up?: boolean;
  down?: boolean;
  enabled?: boolean;
  disabled?: boolean;
  resourceId?: string;
  resourceType?: 'Volume' | 'Snapshot';
  serviceId?: number;
}

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
  return defineUntypedCommand<Options>(
    parent,
    {
      usage: 'cleanup',
      summary: "Have live services finish or fail what dead ones left half done (API 3.24+, admin)",
      output: 'listing',
      examples: [
        'ucinder block storage cleanup --cluster mycluster@lvm --down --wait',
        'ucinder block storage cleanup --host node2@lvm',
        'ucinder block storage cleanup --resource-id 9c1b… --resource-type Volume',
      ],
      configure: (command) =>
        addWaitOptions(
          command
            .option('--cluster <cluster>', 'only services of this cluster (name only)')
            .option('--host <host>', 'only the service on this host (host@backend)')
            .option('--binary <binary>', 'only services of this binary (e.g. cinder-volume)')
            .addOption(new Option('--up', 'only services that are up').conflicts('down'))
            .option('--down', "only services that are down (Cinder's default when neither is given)")
            .addOption(new Option('--disabled', 'only disabled services').conflicts('enabled'))
            .option('--enabled', 'only enabled services')
            .option('--resource-id <id>', 'only this resource (UUID)')
            .addOption(new Option('--resource-type <type>', 'only this type of resource').choices(['Volume', 'Snapshot']))
            .option('--service-id <id>', "only the service with this database id (not its UUID)", positiveInteger),
          'no volume or snapshot of the cleaned services is left in a transitional status (creating, deleting, …)',
        ),
      columns: () => COLUMNS,
      run: async ({ f, options }) => {
        const session = await f.session();
        requireMicroversion(session, WORKERS_CLEANUP_MIN_VERSION, 'block storage cleanup');
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
        return listing(COLUMNS, [
          ...answer.cleaning.map((service) => row(service, 'Cleaning')),
          ...answer.unavailable.map((service) => row(service, 'Unavailable')),
        ]);
      },
    },
    factoryFor,
  );
}
