import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerAttachmentComplete } from './complete.js';
import { registerAttachmentCreate } from './create.js';
import { registerAttachmentDelete } from './delete.js';
import { registerAttachmentList } from './list.js';
import { registerAttachmentSet } from './set.js';
import { registerAttachmentShow } from './show.js';

/** `volume attachment …`: Cinder's attachment records (3.27+). */
export function registerVolumeAttachmentCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerAttachmentList(parent, factoryFor);
  registerAttachmentShow(parent, factoryFor);
  registerAttachmentCreate(parent, factoryFor);
  registerAttachmentSet(parent, factoryFor);
  registerAttachmentComplete(parent, factoryFor);
  registerAttachmentDelete(parent, factoryFor);
}
