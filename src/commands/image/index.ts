import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerImageList } from './list.js';

/** `image list`: Glance v2, only to find images for `volume create --image`. */
export function registerImageCommands(image: Command, factoryFor: FactoryProvider): void {
  registerImageList(image, factoryFor);
}
