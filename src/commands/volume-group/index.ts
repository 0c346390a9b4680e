import type { VerbTable } from '../verbs.js';

/** `volume group …` (generic volume groups, API 3.13+). */
export const VERBS: VerbTable = {
  create: () => import('./create.js').then((m) => m.registerGroupCreate),
  list: () => import('./list.js').then((m) => m.registerGroupList),
  show: () => import('./show.js').then((m) => m.registerGroupShow),
  set: () => import('./set.js').then((m) => m.registerGroupSet),
  delete: () => import('./delete.js').then((m) => m.registerGroupDelete),
  failover: () => import('./failover.js').then((m) => m.registerGroupFailover),
};
