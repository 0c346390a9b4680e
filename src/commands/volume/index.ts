import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerVolumeCreate } from './create.js';
import { registerVolumeDelete } from './delete.js';
import { registerVolumeList } from './list.js';
import { registerVolumeMigrate } from './migrate.js';
import { registerVolumeReimage } from './reimage.js';
import { registerVolumeRevert } from './revert.js';
import { registerVolumeSet } from './set.js';
import { registerVolumeShow } from './show.js';
import { registerVolumeSummary } from './summary.js';
import { registerVolumeUnset } from './unset.js';

/** `volume create|list|show|delete|set|unset|migrate|summary|revert|reimage`. */
export function registerVolumeCommands(volume: Command, factoryFor: FactoryProvider): void {
  registerVolumeCreate(volume, factoryFor);
  registerVolumeList(volume, factoryFor);
  registerVolumeShow(volume, factoryFor);
  registerVolumeDelete(volume, factoryFor);
  registerVolumeSet(volume, factoryFor);
  registerVolumeUnset(volume, factoryFor);
  registerVolumeMigrate(volume, factoryFor);
  registerVolumeSummary(volume, factoryFor);
  registerVolumeRevert(volume, factoryFor);
  registerVolumeReimage(volume, factoryFor);
}
