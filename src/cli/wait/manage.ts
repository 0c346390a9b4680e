import { listManageableSnapshots, listManageableVolumes, MANAGEABLE_LIST_MIN_VERSION } from '../../api/resources/manageable.js';
import type { Snapshot } from '../../api/resources/snapshots.js';
import type { CinderSession } from '../../api/session.js';
import type { Volume } from '../../api/types.js';
import type { Factory } from '../factory.js';
import { pythonRepr } from '../../output/values.js';
import { waitWithProgress, type WaitFlags } from './progress.js';
import { snapshotTarget } from './snapshot.js';
import { volumeServiceOf } from './failure-logs.js';
import { latestMessage, volumeTarget } from './volume.js';

/**
 * Waiting for Cinder to adopt a backend's volume or snapshot. Cinder (through
 * Zed) leaves no user message when the driver refuses the reference; the
 * fact ucinder can add is whether the backend lists that reference at all
 * (the usual mistake: a name that is not there), and where the reason is logged.
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

export function waitUntilVolumeManaged(f: Factory, session: CinderSession, volume: Volume, ref: Reference, flags: WaitFlags): Promise<Volume> {
  const target = volumeTarget(session, volume, ['available']);
  target.explain = async (current) => {
    const message = await latestMessage(session, current.id);
    if (message) return message;
    const missing = await notListed(session, current['os-vol-host-attr:host'], ref, listManageableVolumes);
    return `${missing ? `${missing}; ` : ''}${volumeServiceOf(current)} logged Cinder's reason`;
  };
  return waitWithProgress(f, target, flags, {
    start: `Waiting for ${target.label} to be managed`,
    done: `${target.label} is available`,
  });
}

export function waitUntilSnapshotManaged(f: Factory, session: CinderSession, snapshot: Snapshot, volume: Volume, ref: Reference, flags: WaitFlags): Promise<Snapshot> {
  const target = snapshotTarget(session, snapshot, ['available']);
  const explain = target.explain;
  target.explain = async (current) => {
    const message = await explain?.(current);
    if (message) return message;
    const missing = await notListed(session, volume['os-vol-host-attr:host'], ref, listManageableSnapshots);
    return `${missing ? `${missing}; ` : ''}${volumeServiceOf(volume)} logged Cinder's reason`;
  };
  return waitWithProgress(f, target, flags, {
    start: `Waiting for ${target.label} to be managed`,
    done: `${target.label} is available`,
  });
}
