import type { ViewSpec } from '../view.js';
import { MESSAGES } from './messages.js';
import { OVERVIEW } from './overview.js';
import { SERVICES } from './services.js';
import { SNAPSHOTS } from './snapshots.js';
import { VOLUMES } from './volumes.js';

/** The views in their keys' order: the tab line, the number keys and the help come from this list. */
export const VIEWS: readonly ViewSpec[] = [OVERVIEW, VOLUMES, SERVICES, SNAPSHOTS, MESSAGES];
