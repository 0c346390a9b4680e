import type { VerbTable } from '../verbs.js';

/** `volume backend pool list` (also the shortcut `backend list`, the operators' "cinder list backend"). */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerBackendPoolList),
};
