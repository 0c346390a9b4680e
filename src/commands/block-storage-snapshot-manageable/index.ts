import type { VerbTable } from '../verbs.js';

/** `block storage snapshot manageable …` */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerSnapshotManageableList),
};
