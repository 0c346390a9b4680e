import type { VerbTable } from '../verbs.js';

/** `availability zone list` (two words, as in the openstack client). */
export const VERBS: VerbTable = {
  list: () => import('./list.js').then((m) => m.registerAvailabilityZoneList),
};
