import type { Command } from 'commander';
import { listServices } from '../../api/resources/services.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { listing } from '../../output/result.js';

interface Options {
  host?: string;
  service?: string;
  long?: boolean;
}

const SHORT = ['Binary', 'Host', 'Zone', 'Status', 'State', 'Updated At'] as const;
/** openstack's --long columns, then ucinder's own Cluster, so positional `-f value` reads of openstack's output keep working. */
const LONG = [...SHORT, 'Disabled Reason', 'Cluster'] as const;

export function registerVolumeServiceList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Options>(
    parent,
    {
      usage: 'list',
      summary: 'List Cinder services (scheduler, volume backends, backup)',
      output: 'listing',
      watchable: true,
      examples: [
        'ucinder volume service list',
        'ucinder volume service list --service cinder-volume --host node1@mmj',
        'ucinder service list --long',
      ],
      configure: (command) =>
        command
          .option('--host <host>', 'only services on this host (e.g. node1@mmj)')
          .option('--service <binary>', 'only this binary (e.g. cinder-volume)')
          .option('--long', 'also show disabled reason and cluster (API 3.7+)'),
      columns: (options) => (options.long ? LONG : SHORT),
      run: async ({ f, options }) => {
        const session = await f.session();
        const services = await listServices(session, { host: options.host, binary: options.service });
        return listing(
          options.long ? LONG : SHORT,
          services.map((service) => {
            const row = [service.binary, service.host, service.zone, service.status, service.state, service.updated_at];
            // Servers older than 3.7 have no clusters: the column stays, empty.
            return options.long ? [...row, service.disabled_reason ?? null, service.cluster ?? null] : row;
          }),
        );
      },
    },
    factoryFor,
  );
}
