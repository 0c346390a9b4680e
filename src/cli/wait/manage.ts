import { listManageableSnapshots, listManageableVolumes, MANAGEABLE_LIST_MIN_VERSION } from '../../api/resources/manageable.js';
import type { Accepted } from '../../api/resources/manageable.js';
import type { Snapshot } from '../../api/resources/snapshots.js';
import type { CinderSession } from '../../api/session.js';
import type { Volume } from '../../api/resources/volumes.js';
import type { Factory } from '../factory.js';
import { pythonRepr } from '../../python-literal.js';
import { waitWithProgress, type WaitFlags } from './progress.js';
import { snapshotTarget } from './snapshot.js';
import { loggedUnder, messageForRequest, volumeServiceOf } from './failure-logs.js';
import { volumeTarget } from './volume.js';

/**
 * Waiting for Cinder to adopt a backend's volume or snapshot. Cinder (through
 * Zed) leaves no user message when the driver refuses the reference; the
 * facts ucinder can add are whether the backend lists that reference at all
 * (the usual mistake: a name that is not there), and where the reason is
 * logged: under the request ID of the manage call, by the backend's cinder-volume.
 */

type Reference = Record<string, string>;

const sameReference = (a: Reference, b: Reference) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

async function notListed(session: CinderSession, host: string | null | undefined, ref: Reference, list: typeof listManageableVolumes): Promise<string | undefined> {
  if (!host || !session.supports(MANAGEABLE_LIST_MIN_VERSION)) return undefined;
  const backend = host.split('#')[0]!;
  const listed = await list(session, { host: backend }).catch(() => undefined);
  if (!listed || listed.some((item) => sameReference(item.reference, ref))) return undefined;
  return `the backend ${backend} lists no manageable item with reference ${pythonRepr(ref)}`;
}

/** "the backend … lists no …; Cinder logged the reason under req-… in the log of cinder-volume node1@mmj". */
async function explainFailure(
  session: CinderSession,
  resourceId: string,
  accepted: Accepted<unknown>,
  volume: Volume,
  missing: () => Promise<string | undefined>,
): Promise<string> {
  const message = await messageForRequest(session, resourceId, accepted.requestId);
  if (message) return message;
  const notThere = await missing();
  return `${notThere ? `${notThere}; ` : ''}${loggedUnder(accepted.requestId)} in the log of ${volumeServiceOf(volume)}`;
}

export function waitUntilVolumeManaged(f: Factory, session: CinderSession, accepted: Accepted<Volume>, ref: Reference, flags: WaitFlags): Promise<Volume> {
  const target = volumeTarget(session, accepted.resource, ['available']);
  target.explain = (current) => explainFailure(session, current.id, accepted, current, () => notListed(session, current['os-vol-host-attr:host'], ref, listManageableVolumes));
  return waitWithProgress(f, target, flags, {
    start: `Waiting for ${target.label} to be managed`,
    done: `${target.label} is available`,
  });
}

export function waitUntilSnapshotManaged(f: Factory, session: CinderSession, accepted: Accepted<Snapshot>, volume: Volume, ref: Reference, flags: WaitFlags): Promise<Snapshot> {
  const target = snapshotTarget(session, accepted.resource, ['available']);
  target.explain = (current) => explainFailure(session, current.id, accepted, volume, () => notListed(session, volume['os-vol-host-attr:host'], ref, listManageableSnapshots));
  return waitWithProgress(f, target, flags, {
    start: `Waiting for ${target.label} to be managed`,
    done: `${target.label} is available`,
  });
}
