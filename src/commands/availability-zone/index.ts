import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerAvailabilityZoneList } from './list.js';

/** `availability zone list` (two words, as in the openstack client). */
export function registerAvailabilityZoneCommands(program: Command, factoryFor: FactoryProvider): void {
  const availability = program.command('availability').summary('Availability zones').description('Availability zones');
  const zone = availability.command('zone').summary('Availability zones').description('Availability zones');
  registerAvailabilityZoneList(zone, factoryFor);
}
