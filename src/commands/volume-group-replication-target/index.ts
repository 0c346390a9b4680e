import type { VerbTable } from '../verbs.js';

/** `volume group replication target list` (API 3.38+). */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerGroupReplicationTargetList),
};
