import type { VerbTable } from '../verbs.js';

/** `volume group snapshot …` (API 3.14+). */
export const VERBS: VerbTable = {
  create: () => import('./create.js').then((m) => m.registerGroupSnapshotCreate),
  list: () => import('./list.js').then((m) => m.registerGroupSnapshotList),
  show: () => import('./show.js').then((m) => m.registerGroupSnapshotShow),
  delete: () => import('./delete.js').then((m) => m.registerGroupSnapshotDelete),
};
