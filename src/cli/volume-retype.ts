import { findVolumeType } from '../api/finders.js';
import { retypeVolume, type MigrationPolicy } from '../api/resources/volume-actions.js';
import { listSnapshots } from '../api/resources/snapshots.js';
import { getVolume } from '../api/resources/volumes.js';
import type { CinderSession } from '../api/session.js';
import type { VolumeType } from '../api/resources/volume-types.js';
import type { Volume } from '../api/resources/volumes.js';
import { UcinderError, WaitError } from '../errors.js';
import type { Change } from './change-set.js';
import type { Factory } from './factory.js';
import { loggedUnder, messageForRequest, schedulerService, volumeNow, volumeServiceOf } from './wait/failure-logs.js';
import type { WaitFlags } from './wait/progress.js';
import { volumeLabel, waitForVolumeStatus } from './wait/volume.js';

/**
 * `volume set --type`: Cinder's rules for changing a volume's type (and
 * migrating it to another backend on the way), checked before the request
 * where the API shows that the retype would fail, and explained after it
 * where the volume kept its type.
 */

/** Where a volume returns after extend or retype: the status it had before (never a transient one). */
export function settledStatuses(volume: Volume): string[] {
  return volume.status === 'in-use' || volume.status === 'available' ? [volume.status] : ['available', 'in-use'];
}

function hasType(volume: Volume, type: VolumeType): boolean {
  return volume.volume_type_id === type.id || volume.volume_type === type.name;
}

/**
 * Why the volume kept its type, as far as it is known: Cinder's message
 * about this request if it left one (Zed leaves none for retypes), else what
 * the volume shows and whose log has the reason. From cinder/scheduler/
 * manager.py and cinder/volume/manager.py: the scheduler gives up when no
 * backend accepts the type (with policy never: when the volume's own
 * backend does not); the volume's cinder-volume gives up when its driver
 * cannot change the type in place (policy never), or when the migration
 * fails (migration_status 'error') or cannot start.
 */
async function retypeFailure(session: CinderSession, before: Volume, after: Volume, newType: VolumeType, policy: MigrationPolicy, requestId: string | undefined): Promise<string> {
  const head = `${volumeLabel(after)} was not retyped to '${newType.name}' (it still has type '${after.volume_type}')`;
  const message = await messageForRequest(session, after.id, requestId);
  if (message) return `${head}: ${message}`;
  const volumeService = volumeServiceOf(after);
  let where: string;
  if (after.migration_status === 'error' && before.migration_status !== 'error') {
    where = `Its migration to another backend failed: ${loggedUnder(requestId)} in the log of ${volumeService}, the volume's backend`;
  } else {
    const scheduler = await schedulerService(session);
    where =
      policy === 'never'
        ? `${loggedUnder(requestId)}: ${scheduler} if the new type does not fit the volume's backend (with --retype-policy never the volume stays there), ` +
          `else ${volumeService} if its driver could not change the type in place`
        : `${loggedUnder(requestId)}: ${scheduler} if no backend accepts the new type, else ${volumeService}`;
  }
  return `${head}; Cinder left no user message. ${volumeNow(after)} ${where}`;
}

/** Replication statuses with which Cinder still migrates a volume (volume/manager.py retype). */
const MIGRATABLE_REPLICATION = [null, undefined, 'disabled', 'not-capable'];

/**
 * Cinder's volume service refuses to migrate a volume that has snapshots or
 * is replicated, and a retype that needs a migration then fails after the
 * request was accepted, with no user message. Both show in the API, so an
 * on-demand retype of such a volume is refused here before any change.
 */
export async function assertMigratable(session: CinderSession, volume: Volume): Promise<void> {
  const refusal = (why: string, advice: string) =>
    new UcinderError(
      `${volumeLabel(volume)} ${why}: a retype with --retype-policy on-demand that needs another backend would fail, leaving no user message. ` + `Nothing was changed. ${advice}`,
    );
  if (!MIGRATABLE_REPLICATION.includes(volume.replication_status)) {
    throw refusal(
      `is replicated (replication_status '${volume.replication_status}'), and Cinder does not migrate a replicated volume`,
      'Use --retype-policy never if the new type fits the current backend',
    );
  }
  // Snapshots of the volume in any project (all_tenants is ignored for non-admins).
  const snapshots = await listSnapshots(session, { volumeId: volume.id, allProjects: true });
  if (snapshots.length) {
    throw refusal(
      `has ${snapshots.length} snapshot${snapshots.length === 1 ? '' : 's'} (${snapshots.map((snapshot) => snapshot.name || snapshot.id).join(', ')}), ` +
        'and Cinder does not migrate a volume with snapshots',
      `Delete the snapshot${snapshots.length === 1 ? '' : 's'} first, or use --retype-policy never if the new type fits the current backend`,
    );
  }
}

interface RetypeRequest extends WaitFlags {
  /** The new type, name or ID. */
  type: string;
  policy: MigrationPolicy;
  /** A reset of the status came first: the status to return to is read again. */
  afterStateReset: boolean;
}

/**
 * The retype as one change of `volume set`: with --wait, a retype that
 * ends with the old type fails with the reason (a refused or failed retype
 * also ends back in the old status, without a user message).
 */
export function retypeChange(f: Factory, session: CinderSession, volume: Volume, request: RetypeRequest): Change {
  return {
    what: `change the type to '${request.type}'`,
    apply: async () => {
      const newType = await findVolumeType(session, request.type);
      const before = request.afterStateReset ? await getVolume(session, volume.id) : volume;
      const requestId = await retypeVolume(session, volume.id, newType.id, request.policy);
      if (!request.wait) return;
      const after = await waitForVolumeStatus(f, session, volume, settledStatuses(before), request, 'finish retyping');
      if (!hasType(after, newType)) throw new WaitError(await retypeFailure(session, before, after, newType, request.policy, requestId));
    },
  };
}
