import type { VerbTable } from '../verbs.js';

/** `connector show`: what this host sends to Cinder. */
export const VERBS: VerbTable = {
  show: () => import('./show.js').then((m) => m.registerConnectorShow),
};
