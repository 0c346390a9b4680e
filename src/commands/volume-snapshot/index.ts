import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerSnapshotCreate } from './create.js';
import { registerSnapshotDelete } from './delete.js';
import { registerSnapshotList } from './list.js';
import { registerSnapshotSet } from './set.js';
import { registerSnapshotShow } from './show.js';
import { registerSnapshotUnset } from './unset.js';

/** `volume snapshot …` */
export function registerVolumeSnapshotCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerSnapshotCreate(parent, factoryFor);
  registerSnapshotList(parent, factoryFor);
  registerSnapshotShow(parent, factoryFor);
  registerSnapshotSet(parent, factoryFor);
  registerSnapshotUnset(parent, factoryFor);
  registerSnapshotDelete(parent, factoryFor);
}
