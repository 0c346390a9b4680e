import type { VerbTable } from '../verbs.js';

/** `block storage log level list|set` (3.32+). */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerLogLevelList),
  set: () => import('./set.js').then((m) => m.registerLogLevelSet),
};
