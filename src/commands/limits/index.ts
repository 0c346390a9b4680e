import type { VerbTable } from '../verbs.js';

export const VERBS: VerbTable = {
  show: () => import('./show.js').then((m) => m.registerLimitsShow),
};
