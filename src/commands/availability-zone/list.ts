import type { Command } from 'commander';
import { listAvailabilityZones } from '../../api/resources/availability-zones.js';
import { defineCommand, type FactoryProvider } from '../../cli/command.js';
import { listing } from '../../output/result.js';

const COLUMNS = ['Zone Name', 'Zone Status'] as const;

export function registerAvailabilityZoneList(parent: Command, factoryFor: FactoryProvider): Command {
  return defineCommand<Record<string, never>>(
    parent,
    {
      usage: 'list',
      summary: 'List block storage availability zones',
      output: 'listing',
      examples: ['ucinder availability zone list', 'ucinder availability zone list -f value -c "Zone Name"'],
      columns: () => COLUMNS,
      run: async ({ f }) => {
        const session = await f.session();
        const zones = await listAvailabilityZones(session);
        return listing(
          COLUMNS,
          zones.map((zone) => [zone.zoneName, zone.zoneState?.available ? 'available' : 'not available']),
        );
      },
    },
    factoryFor,
  );
}
