import type { VerbTable } from '../verbs.js';

/** `extension list` (openstack's command, for the block-storage service). */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerExtensionList),
};
