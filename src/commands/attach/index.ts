import type { VerbTable } from '../verbs.js';

/** The old attach script's four verbs, at top level as it had them. */
export const VERBS: VerbTable = {
  'init-connect': () => import('./init-connect.js').then((m) => m.registerInitConnect),
  connect: () => import('./connect.js').then((m) => m.registerConnect),
  disconnect: () => import('./disconnect.js').then((m) => m.registerDisconnect),
  'term-connect': () => import('./term-connect.js').then((m) => m.registerTermConnect),
};
