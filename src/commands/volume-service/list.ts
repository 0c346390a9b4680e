import type { Command } from 'commander';
import { listServices } from '../../api/resources/services.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag, option } from '../../cli/option-spec.js';
import { listing } from '../../output/result.js';

const SHORT = ['Binary', 'Host', 'Zone', 'Status', 'State', 'Updated At'] as const;
/**
 * openstack's --long columns, then ucinder's own, so positional `-f value`
 * reads of openstack's output keep working: Cluster (3.7) and Backend State
 * (3.49) in the newer openstack's order and names, then the replication
 * fields of cinder-volume services as `cinder service-list --withreplication`
 * names them (empty for other binaries and on older servers).
 */
const LONG = [...SHORT, 'Disabled Reason', 'Cluster', 'Backend State', 'Replication Status', 'Active Backend ID', 'Frozen'] as const;

export function registerVolumeServiceList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List Cinder services (scheduler, volume backends, backup)',
      output: 'listing',
      watchable: true,
      examples: ['ucinder volume service list', 'ucinder volume service list --service cinder-volume --host node1@mmj', 'ucinder service list --long'],
      options: {
        host: option('--host <host>', 'only services on this host (e.g. node1@mmj)'),
        service: option('--service <binary>', 'only this binary (e.g. cinder-volume)'),
        long: flag('--long', 'also show disabled reason, cluster (API 3.7+), backend state (3.49+), replication status, active backend and frozen'),
      },
      columns: (options) => (options.long ? LONG : SHORT),
      run: async ({ f, options }) => {
        const session = await f.session();
        const services = await listServices(session, { host: options.host, binary: options.service });
        return listing(
          options.long ? LONG : SHORT,
          services.map((service) => {
            const row = [service.binary, service.host, service.zone, service.status, service.state, service.updated_at];
            if (!options.long) return row;
            // Fields an older server (or another binary) does not send: the column stays, empty.
            return [
              ...row,
              service.disabled_reason ?? null,
              service.cluster ?? null,
              service.backend_state ?? null,
              service.replication_status ?? null,
              service.active_backend_id ?? null,
              service.frozen ?? null,
            ];
          }),
        );
      },
    },
    factoryFor,
  );
}
