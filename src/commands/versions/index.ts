import type { VerbTable } from '../verbs.js';

/** `versions show` (openstack's command, for the block-storage service). */
export const VERBS: VerbTable = {
  show: () => import('./show.js').then((m) => m.registerVersionsShow),
};
