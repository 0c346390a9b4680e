import type { VerbTable } from '../verbs.js';

/** `volume backend pool list` (also the seed's `backend list`). */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerBackendPoolList),
};
