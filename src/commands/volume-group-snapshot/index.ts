import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerGroupSnapshotCreate } from './create.js';
import { registerGroupSnapshotDelete } from './delete.js';
import { registerGroupSnapshotList } from './list.js';
import { registerGroupSnapshotShow } from './show.js';

/** `volume group snapshot …` (API 3.14+). */
export function registerVolumeGroupSnapshotCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerGroupSnapshotCreate(parent, factoryFor);
  registerGroupSnapshotList(parent, factoryFor);
  registerGroupSnapshotShow(parent, factoryFor);
  registerGroupSnapshotDelete(parent, factoryFor);
}
