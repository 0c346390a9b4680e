import type { VerbTable } from '../verbs.js';

/** `volume service …` (also reachable as the seed's shortcut `service …`). */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerVolumeServiceList),
  set: () => import('./set.js').then((m) => m.registerVolumeServiceSet),
  remove: () => import('./remove.js').then((m) => m.registerVolumeServiceRemove),
};
