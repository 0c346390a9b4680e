import type { VerbTable } from '../verbs.js';

/** `ucinder status`: a command of its own, no verbs. */
export const VERBS: VerbTable = {
  status: () => import('./status.js').then((m) => m.registerStatus),
};
