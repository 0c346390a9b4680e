import type { Command } from 'commander';
import type { FactoryProvider } from '../../cli/command.js';
import { registerQosAssociate } from './associate.js';
import { registerQosCreate } from './create.js';
import { registerQosDelete } from './delete.js';
import { registerQosDisassociate } from './disassociate.js';
import { registerQosList } from './list.js';
import { registerQosSet } from './set.js';
import { registerQosShow } from './show.js';
import { registerQosUnset } from './unset.js';

/** `volume qos …`: QoS specifications and their association with volume types. */
export function registerVolumeQosCommands(parent: Command, factoryFor: FactoryProvider): void {
  registerQosCreate(parent, factoryFor);
  registerQosList(parent, factoryFor);
  registerQosShow(parent, factoryFor);
  registerQosSet(parent, factoryFor);
  registerQosUnset(parent, factoryFor);
  registerQosDelete(parent, factoryFor);
  registerQosAssociate(parent, factoryFor);
  registerQosDisassociate(parent, factoryFor);
}
