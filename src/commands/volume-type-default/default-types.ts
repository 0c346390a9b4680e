import type { MinMicroversion } from '../../cli/option-spec.js';
import { option } from '../../cli/option-spec.js';

/** Per-project default types came with this microversion; every verb's refusal names the API. */
export const DEFAULT_TYPES: MinMicroversion = { version: '3.62', feature: 'the default-types API' };

/** `set` and `unset` take the project as a mandatory option, as cinderclient does. */
export const PROJECT_OPTION = option('--project <project>', 'the project (name under Keystone, or ID)', { mandatory: true });
