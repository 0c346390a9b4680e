import { InvalidArgumentError } from 'commander';
import { MANAGEABLE_LIST_CLUSTER_MIN_VERSION, MANAGEABLE_LIST_MIN_VERSION, type ManageableListQuery } from '../api/resources/manageable.js';
import { UsageError } from '../errors.js';
import { nonNegativeInteger, positiveInteger } from './option-parsers.js';
import { flag, option, type MinMicroversion } from './option-spec.js';

/**
 * What `block storage volume manageable list` and `block storage snapshot
 * manageable list` share: openstack's flags (with cinderclient's
 * --detailed), their checks before any request, and the query they send.
 */

interface ManageableListOptions {
  cluster?: string;
  long?: boolean;
  /** --detailed: true, --no-detailed: false. */
  detailed?: boolean;
  marker?: string;
  limit?: number;
  offset?: number;
  sort?: string;
}

/** The keys a backend's list can be sorted by (Cinder's own list). */
const SORT_KEYS = ['size', 'reference'];

/** `--sort size:desc,reference`: known keys, directions asc or desc. */
function manageableSort(value: string): string {
  for (const part of value.split(',')) {
    const [key = '', direction, extra] = part.trim().split(':');
    if (!SORT_KEYS.includes(key) || (direction !== undefined && !['asc', 'desc'].includes(direction)) || extra !== undefined) {
      throw new InvalidArgumentError(`expected <key>[:asc|desc],... with keys ${SORT_KEYS.join(', ')}; got '${value}'.`);
    }
  }
  return value;
}

/** A reference as the listing prints it, e.g. {"source-name": "lun7"}: Cinder matches it as JSON. */
function manageableMarker(value: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidArgumentError(`expected a reference as JSON, e.g. '{"source-name": "lun7"}'; got '${value}'.`);
  }
  return value;
}

/** The listing's microversion; the refusal names the command, quoted. */
export function manageableListMicroversion(command: string): MinMicroversion {
  return { version: MANAGEABLE_LIST_MIN_VERSION, feature: `'${command}'` };
}

/** openstack's flags (`what`: volumes or snapshots). */
export function manageableListOptions(what: string) {
  return {
    cluster: option('--cluster <cluster>', `list the ${what} of this cluster instead of a host (cluster@backend#pool)`, { since: MANAGEABLE_LIST_CLUSTER_MIN_VERSION }),
    long: flag('--long', 'also why an item is not safe to manage, its Cinder ID and extra info'),
    detailed: flag('--detailed', 'the same as --long (cinderclient)', { negatable: 'only reference, size and safe to manage (the default)' }),
    marker: option('--marker <reference>', `start after this ${what.replace(/s$/, '')} reference (JSON, as listed)`, { parse: manageableMarker }),
    limit: option('--limit <n>', `at most this many ${what}`, { parse: positiveInteger }),
    offset: option('--offset <n>', 'skip this many after the marker', { parse: nonNegativeInteger }),
    sort: option('--sort <key[:direction]>', `sort by ${SORT_KEYS.join(' or ')}, asc or desc (comma-separated)`, { parse: manageableSort }),
  };
}

export function isDetailed(options: ManageableListOptions): boolean {
  return options.long === true || options.detailed === true;
}

/** Exactly one of <host> and --cluster: checked before any request. */
export function checkManageableTarget(host: string | undefined, options: ManageableListOptions, command: string): void {
  if (host === undefined && options.cluster === undefined) throw new UsageError(`give a <host> or --cluster <cluster> to '${command}'`);
  if (host !== undefined && options.cluster !== undefined) throw new UsageError('give a <host> or --cluster, not both');
}

export function manageableQuery(host: string | undefined, options: ManageableListOptions): ManageableListQuery {
  return {
    host,
    cluster: options.cluster,
    detailed: isDetailed(options),
    marker: options.marker,
    limit: options.limit,
    offset: options.offset,
    sort: options.sort,
  };
}
