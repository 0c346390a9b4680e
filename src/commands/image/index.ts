import type { VerbTable } from '../verbs.js';

/** `image list`: Glance v2, only to find images for `volume create --image`. */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerImageList),
};
