import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerGroupRemoveVolume } from './volume.js';

/** `volume group remove …` */
export function registerVolumeGroupRemoveCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerGroupRemoveVolume(parent, factoryFor);
}
