import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerBackupCreate } from './create.js';
import { registerBackupDelete } from './delete.js';
import { registerBackupList } from './list.js';
import { registerBackupRestore } from './restore.js';
import { registerBackupSet } from './set.js';
import { registerBackupShow } from './show.js';
import { registerBackupUnset } from './unset.js';

/** `volume backup …` (`volume backup record …` is its own noun). */
export function registerVolumeBackupCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerBackupCreate(parent, factoryFor);
  registerBackupList(parent, factoryFor);
  registerBackupShow(parent, factoryFor);
  registerBackupSet(parent, factoryFor);
  registerBackupUnset(parent, factoryFor);
  registerBackupDelete(parent, factoryFor);
  registerBackupRestore(parent, factoryFor);
}
