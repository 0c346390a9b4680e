import type { VerbTable } from '../verbs.js';

/** `block storage volume manageable …` */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerVolumeManageableList),
};
