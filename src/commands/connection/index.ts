import type { VerbTable } from '../verbs.js';

/** `connection list|show|check`: what init-connect cached on this host, and whether the host and Cinder agree. */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerConnectionList),
  show: () => import('./show.js').then((m) => m.registerConnectionShow),
  check: () => import('./check.js').then((m) => m.registerConnectionCheck),
};
