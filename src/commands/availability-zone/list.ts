import type { Command } from 'commander';
import { listAvailabilityZones } from '../../api/resources/availability-zones.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { flag } from '../../cli/option-spec.js';
import { listing } from '../../output/result.js';

const SHORT = ['Zone Name', 'Zone Status'] as const;
/**
 * openstack's --long columns. They describe compute zones' hosts and
 * services; for a volume zone openstack leaves them empty, and so does
 * ucinder, which only knows volume zones.
 */
const LONG = [...SHORT, 'Zone Resource', 'Host Name', 'Service Name', 'Service Status'] as const;

export function registerAvailabilityZoneList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand(
    parent,
    {
      usage: 'list',
      summary: 'List block storage availability zones',
      output: 'listing',
      watchable: true,
      examples: ['ucinder availability zone list', 'ucinder availability zone list -f value -c "Zone Name"', 'ucinder availability zone list --volume --long'],
      options: {
        long: flag('--long', "openstack's long columns (zone resource, host, service: empty for volume zones)"),
        // Scripts written for openstack pass --volume to skip compute and network zones.
        volume: flag('--volume', 'volume zones (the only ones ucinder lists; accepted for openstack scripts)'),
      },
      columns: (options) => (options.long ? LONG : SHORT),
      run: async ({ f, options }) => {
        const session = await f.session();
        const zones = await listAvailabilityZones(session);
        return listing(
          options.long ? LONG : SHORT,
          zones.map((zone) => {
            const row = [zone.zoneName, zone.zoneState?.available ? 'available' : 'not available'];
            return options.long ? [...row, '', '', '', ''] : row;
          }),
        );
      },
    },
    factoryFor,
  );
}
