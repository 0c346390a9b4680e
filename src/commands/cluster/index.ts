import type { VerbTable } from '../verbs.js';

/** `cluster list|show|set|remove`: active/active cinder-volume groups (3.7+). */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerClusterList),
  show: () => import('./show.js').then((m) => m.registerClusterShow),
  set: () => import('./set.js').then((m) => m.registerClusterSet),
  remove: () => import('./remove.js').then((m) => m.registerClusterRemove),
};
