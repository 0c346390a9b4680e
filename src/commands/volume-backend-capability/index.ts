import type { VerbTable } from '../verbs.js';

/** `volume backend capability show` (admin, the scheduler's view). */
export const VERBS: VerbTable = {
  show: () => import('./show.js').then((m) => m.registerBackendCapabilityShow),
};
