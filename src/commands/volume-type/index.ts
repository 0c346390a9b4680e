import type { VerbTable } from '../verbs.js';

/** `volume type …` (also reachable as the seed's shortcut `type …`). */
export const VERBS: VerbTable = {
  create: () => import('./create.js').then((m) => m.registerVolumeTypeCreate),
  list: () => import('./list.js').then((m) => m.registerVolumeTypeList),
  show: () => import('./show.js').then((m) => m.registerVolumeTypeShow),
  delete: () => import('./delete.js').then((m) => m.registerVolumeTypeDelete),
  set: () => import('./set.js').then((m) => m.registerVolumeTypeSet),
  unset: () => import('./unset.js').then((m) => m.registerVolumeTypeUnset),
};
