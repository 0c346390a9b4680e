import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerBackendPoolList } from './list.js';

/** `volume backend pool list` (also the seed's `backend list`). */
export function registerVolumeBackendPoolCommands(pool: Command, factoryFor: FactoryProvider): void {
  registerBackendPoolList(pool, factoryFor);
}
