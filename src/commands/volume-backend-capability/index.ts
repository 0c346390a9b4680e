import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerBackendCapabilityShow } from './show.js';

/** `volume backend capability show` (admin, the scheduler's view). */
export function registerVolumeBackendCapabilityCommands(capability: Command, factoryFor: FactoryProvider): void {
  registerBackendCapabilityShow(capability, factoryFor);
}
