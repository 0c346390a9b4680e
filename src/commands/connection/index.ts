import type { VerbTable } from '../verbs.js';

/** `connection list|show`: what init-connect cached on this host. */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerConnectionList),
  show: () => import('./show.js').then((m) => m.registerConnectionShow),
};
