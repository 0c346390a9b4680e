import type { VerbTable } from '../verbs.js';

/** `image create --volume` (through Cinder) and `image list` (Glance v2, to find images for `volume create --image`). */
export const VERBS: VerbTable = {
  create: () => import('./create.js').then((m) => m.registerImageCreate),
  list: () => import('./list.js').then((m) => m.registerImageList),
};
