import type { VerbTable } from '../verbs.js';

/** `block storage resource filter list|show` (openstack's names). */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerResourceFilterList),
  show: () => import('./show.js').then((m) => m.registerResourceFilterShow),
};
