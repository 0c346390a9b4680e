import type { VerbTable } from '../verbs.js';

/** `block storage …` verbs of its own (its `cluster` noun is registered in root.ts). */
export const VERBS: VerbTable = {
  cleanup: () => import('./cleanup.js').then((m) => m.registerBlockStorageCleanup),
};
