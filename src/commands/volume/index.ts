import type { VerbTable } from '../verbs.js';

/** `volume create|list|show|delete|set|unset|migrate|summary|revert|reimage`. */
export const VERBS: VerbTable = {
  create: () => import('./create.js').then((m) => m.registerVolumeCreate),
  list: () => import('./list.js').then((m) => m.registerVolumeList),
  show: () => import('./show.js').then((m) => m.registerVolumeShow),
  delete: () => import('./delete.js').then((m) => m.registerVolumeDelete),
  set: () => import('./set.js').then((m) => m.registerVolumeSet),
  unset: () => import('./unset.js').then((m) => m.registerVolumeUnset),
  migrate: () => import('./migrate.js').then((m) => m.registerVolumeMigrate),
  summary: () => import('./summary.js').then((m) => m.registerVolumeSummary),
  revert: () => import('./revert.js').then((m) => m.registerVolumeRevert),
  reimage: () => import('./reimage.js').then((m) => m.registerVolumeReimage),
};
