import type { VerbTable } from '../verbs.js';

export const VERBS: VerbTable = {
  issue: () => import('./issue.js').then((m) => m.registerTokenIssue),
  revoke: () => import('./revoke.js').then((m) => m.registerTokenRevoke),
};
