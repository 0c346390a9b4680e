import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerGroupCreate } from './create.js';
import { registerGroupDelete } from './delete.js';
import { registerGroupFailover } from './failover.js';
import { registerGroupList } from './list.js';
import { registerGroupSet } from './set.js';
import { registerGroupShow } from './show.js';

/** `volume group …` (generic volume groups, API 3.13+). */
export function registerVolumeGroupCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerGroupCreate(parent, factoryFor);
  registerGroupList(parent, factoryFor);
  registerGroupShow(parent, factoryFor);
  registerGroupSet(parent, factoryFor);
  registerGroupDelete(parent, factoryFor);
  registerGroupFailover(parent, factoryFor);
}
