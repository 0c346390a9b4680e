import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerImageList } from './list.js';

/** `image list`: Glance v2, only to find images for `volume create --image`. */
export function registerImageCommands(program: Command, factoryFor: FactoryProvider): void {
  const image = program.command('image').summary('Glance images (for volume create --image)').description('Glance images (for volume create --image)');
  registerImageList(image, factoryFor);
}
