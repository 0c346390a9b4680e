import type { VerbTable } from '../verbs.js';

/** `volume group add …` */
export const VERBS: VerbTable = {
  volume: () => import('./volume.js').then((m) => m.registerGroupAddVolume),
};
