import type { VerbTable } from '../verbs.js';

/** `volume backup …` (`volume backup record …` is its own noun). */
export const VERBS: VerbTable = {
  create: () => import('./create.js').then((m) => m.registerBackupCreate),
  list: () => import('./list.js').then((m) => m.registerBackupList),
  show: () => import('./show.js').then((m) => m.registerBackupShow),
  set: () => import('./set.js').then((m) => m.registerBackupSet),
  unset: () => import('./unset.js').then((m) => m.registerBackupUnset),
  delete: () => import('./delete.js').then((m) => m.registerBackupDelete),
  restore: () => import('./restore.js').then((m) => m.registerBackupRestore),
};
