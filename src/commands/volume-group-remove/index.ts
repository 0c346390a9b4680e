import type { VerbTable } from '../verbs.js';

/** `volume group remove …` */
export const VERBS: VerbTable = {
  volume: () => import('./volume.js').then((m) => m.registerGroupRemoveVolume),
};
