import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerImageCreate } from './create.js';
import { registerImageList } from './list.js';

/** `image list` (Glance v2, to find images for `volume create --image`) and `image create --volume` (through Cinder). */
export function registerImageCommands(image: Command, factoryFor: FactoryProvider): void {
  registerImageCreate(image, factoryFor);
  registerImageList(image, factoryFor);
}
