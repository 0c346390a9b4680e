import type { VerbTable } from '../verbs.js';

/** `volume type default …`: per-project default volume types (cinderclient's default-type-set/list/unset). */
export const VERBS: VerbTable = {
  set: () => import('./set.js').then((m) => m.registerDefaultTypeSet),
  list: () => import('./list.js').then((m) => m.registerDefaultTypeList),
  unset: () => import('./unset.js').then((m) => m.registerDefaultTypeUnset),
};
