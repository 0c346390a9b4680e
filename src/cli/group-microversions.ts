import type { MinMicroversion } from './option-spec.js';

/**
 * The generic volume group APIs, each with the name its refusal gives it
 * ("volume groups needs Block Storage API microversion 3.13 or later, …").
 */
export const VOLUME_GROUP_TYPES: MinMicroversion = { version: '3.11', feature: 'volume group types' };
export const VOLUME_GROUPS: MinMicroversion = { version: '3.13', feature: 'volume groups' };
export const VOLUME_GROUP_SNAPSHOTS: MinMicroversion = { version: '3.14', feature: 'volume group snapshots' };
