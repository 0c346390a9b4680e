import type { VerbTable } from '../verbs.js';

/** `volume host …`: backend hosts as a whole (freeze/thaw, replication failover). */
export const VERBS: VerbTable = {
  set: () => import('./set.js').then((m) => m.registerVolumeHostSet),
  failover: () => import('./failover.js').then((m) => m.registerVolumeHostFailover),
};
