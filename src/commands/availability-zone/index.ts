import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerAvailabilityZoneList } from './list.js';

/** `availability zone list` (two words, as in the openstack client). */
export function registerAvailabilityZoneCommands(zone: Command, factoryFor: FactoryProvider): void {
  registerAvailabilityZoneList(zone, factoryFor);
}
