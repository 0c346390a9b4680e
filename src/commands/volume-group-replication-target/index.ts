import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerGroupReplicationTargetList } from './list.js';

/** `volume group replication target list` (API 3.38+). */
export function registerVolumeGroupReplicationTargetCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerGroupReplicationTargetList(parent, factoryFor);
}
