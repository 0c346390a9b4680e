import type { VerbTable } from '../verbs.js';

/** `volume type access list` (cinderclient's type-access-list). */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerTypeAccessList),
};
