import type { VerbTable } from '../verbs.js';

/** `volume attachment …`: Cinder's attachment records (3.27+). */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerAttachmentList),
  show: () => import('./show.js').then((m) => m.registerAttachmentShow),
  create: () => import('./create.js').then((m) => m.registerAttachmentCreate),
  set: () => import('./set.js').then((m) => m.registerAttachmentSet),
  complete: () => import('./complete.js').then((m) => m.registerAttachmentComplete),
  delete: () => import('./delete.js').then((m) => m.registerAttachmentDelete),
};
