import type { VerbTable } from '../verbs.js';

/** `volume snapshot …` */
export const VERBS: VerbTable = {
  create: () => import('./create.js').then((m) => m.registerSnapshotCreate),
  list: () => import('./list.js').then((m) => m.registerSnapshotList),
  show: () => import('./show.js').then((m) => m.registerSnapshotShow),
  set: () => import('./set.js').then((m) => m.registerSnapshotSet),
  unset: () => import('./unset.js').then((m) => m.registerSnapshotUnset),
  delete: () => import('./delete.js').then((m) => m.registerSnapshotDelete),
};
