import type { VerbTable } from '../verbs.js';

export const VERBS: VerbTable = {
  show: () => import('./show.js').then((m) => m.registerQuotaShow),
  list: () => import('./list.js').then((m) => m.registerQuotaList),
  set: () => import('./set.js').then((m) => m.registerQuotaSet),
  delete: () => import('./delete.js').then((m) => m.registerQuotaDelete),
};
