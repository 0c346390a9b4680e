import { flag } from './option-spec.js';

/** --all-projects of a command that finds one resource by name: where the name is looked up. */
export const ALL_PROJECTS_LOOKUP = flag('--all-projects', 'look the name up in every project (admin)');

/** --all-projects of a command that finds several resources by name. */
export const ALL_PROJECTS_LOOKUPS = flag('--all-projects', 'look names up in every project (admin)');
