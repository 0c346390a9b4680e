import type { VerbTable } from '../verbs.js';

/** `message list|show|delete`: Cinder's user messages (3.3+). */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerMessageList),
  show: () => import('./show.js').then((m) => m.registerMessageShow),
  delete: () => import('./delete.js').then((m) => m.registerMessageDelete),
};
