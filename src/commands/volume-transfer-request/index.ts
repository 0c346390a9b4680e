import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerTransferRequestAccept } from './accept.js';
import { registerTransferRequestCreate } from './create.js';
import { registerTransferRequestDelete } from './delete.js';
import { registerTransferRequestList } from './list.js';
import { registerTransferRequestShow } from './show.js';

/** `volume transfer request …` */
export function registerVolumeTransferRequestCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerTransferRequestCreate(parent, factoryFor);
  registerTransferRequestAccept(parent, factoryFor);
  registerTransferRequestList(parent, factoryFor);
  registerTransferRequestShow(parent, factoryFor);
  registerTransferRequestDelete(parent, factoryFor);
}
