import type { VerbTable } from '../verbs.js';

/** `volume qos …`: QoS specifications and their association with volume types. */
export const VERBS: VerbTable = {
  create: () => import('./create.js').then((m) => m.registerQosCreate),
  list: () => import('./list.js').then((m) => m.registerQosList),
  show: () => import('./show.js').then((m) => m.registerQosShow),
  set: () => import('./set.js').then((m) => m.registerQosSet),
  unset: () => import('./unset.js').then((m) => m.registerQosUnset),
  delete: () => import('./delete.js').then((m) => m.registerQosDelete),
  associate: () => import('./associate.js').then((m) => m.registerQosAssociate),
  disassociate: () => import('./disassociate.js').then((m) => m.registerQosDisassociate),
};
