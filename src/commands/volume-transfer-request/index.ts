import type { VerbTable } from '../verbs.js';

/** `volume transfer request …` */
export const VERBS: VerbTable = {
  create: () => import('./create.js').then((m) => m.registerTransferRequestCreate),
  accept: () => import('./accept.js').then((m) => m.registerTransferRequestAccept),
  list: () => import('./list.js').then((m) => m.registerTransferRequestList),
  show: () => import('./show.js').then((m) => m.registerTransferRequestShow),
  delete: () => import('./delete.js').then((m) => m.registerTransferRequestDelete),
};
