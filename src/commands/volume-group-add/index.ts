import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerGroupAddVolume } from './volume.js';

/** `volume group add …` */
export function registerVolumeGroupAddCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerGroupAddVolume(parent, factoryFor);
}
