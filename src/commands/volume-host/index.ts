import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerVolumeHostFailover } from './failover.js';
import { registerVolumeHostSet } from './set.js';

/** `volume host …`: backend hosts as a whole (freeze/thaw, replication failover). */
export function registerVolumeHostCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerVolumeHostSet(parent, factoryFor);
  registerVolumeHostFailover(parent, factoryFor);
}
