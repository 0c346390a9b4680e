import type { VerbTable } from '../verbs.js';

/** `volume group type …` (API 3.11+). */
export const VERBS: VerbTable = {
  create: () => import('./create.js').then((m) => m.registerGroupTypeCreate),
  list: () => import('./list.js').then((m) => m.registerGroupTypeList),
  show: () => import('./show.js').then((m) => m.registerGroupTypeShow),
  set: () => import('./set.js').then((m) => m.registerGroupTypeSet),
  unset: () => import('./unset.js').then((m) => m.registerGroupTypeUnset),
  delete: () => import('./delete.js').then((m) => m.registerGroupTypeDelete),
};
