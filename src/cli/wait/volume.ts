import { messagesFor } from '../../api/resources/messages.js';
import { getVolume } from '../../api/resources/volumes.js';
import type { CinderSession } from '../../api/session.js';
import type { Volume } from '../../api/resources/volumes.js';
import type { StatusTarget } from '../../api/wait.js';
import type { Factory } from '../factory.js';
import { loggedUnder, messageForRequest, schedulerService, volumeNow, volumeServiceOf } from './failure-logs.js';
import { DEFAULT_WAIT_TIMEOUT_SECONDS, waitWithProgress, type WaitFlags } from './progress.js';

export { DEFAULT_WAIT_TIMEOUT_SECONDS };

export function volumeLabel(volume: Pick<Volume, 'id' | 'name'>): string {
  return `volume '${volume.name || volume.id}'`;
}

/** The newest user message about a resource: why it failed ("No valid backend was found..."). */
export async function latestMessage(session: CinderSession, resourceId: string): Promise<string | undefined> {
  const [latest] = await messagesFor(session, resourceId);
  return latest?.user_message;
}

/** The volume as something to poll: by id, failing on any error* status. */
export function volumeTarget(session: CinderSession, volume: Volume, done: string[]): StatusTarget<Volume> {
  return {
    label: volumeLabel(volume),
    fetch: () => getVolume(session, volume.id),
    status: (current) => current.status,
    done,
    failed: (status) => status.startsWith('error'),
    explain: (current) => latestMessage(session, current.id),
  };
}

/** Polls until the volume is available; fails with Cinder's reason on error. */
export function waitUntilAvailable(f: Factory, session: CinderSession, volume: Volume, timeoutSeconds: number): Promise<Volume> {
  return waitForVolumeStatus(f, session, volume, ['available'], { wait: true, waitTimeout: timeoutSeconds }, 'become available');
}

/**
 * Polls until an operation (extend, retype, ...) has put the volume back in
 * one of `done` (its status before the operation: available or in-use).
 */
export function waitForVolumeStatus(f: Factory, session: CinderSession, volume: Volume, done: string[], flags: WaitFlags, goal: string): Promise<Volume> {
  const target = volumeTarget(session, volume, done);
  return waitWithProgress(f, target, flags, {
    start: `Waiting for ${target.label} to ${goal}`,
    done: `${target.label} is ${done.join(' or ')}`,
  });
}

/** What `volume migrate` sent: where to, and the request ID the services log it under. */
interface SentMigration {
  destination: string;
  requestId?: string;
}

/**
 * Polls `migration_status` until the migration succeeds or fails. A failure
 * without a user message (the usual case) names where the reason is logged:
 * cinder-scheduler when it refused the destination (migration_status goes
 * starting → error), else the source's cinder-volume (it sets 'migrating'
 * first, then 'error' when the move or copy fails).
 */
export function waitForMigration(f: Factory, session: CinderSession, volume: Volume, flags: WaitFlags, sent: SentMigration): Promise<Volume> {
  let reachedMigrating = false;
  const target: StatusTarget<Volume> = {
    label: `migration of ${volumeLabel(volume)}`,
    fetch: () => getVolume(session, volume.id),
    status: (current) => {
      if (current.migration_status === 'migrating') reachedMigrating = true;
      return current.migration_status ?? 'none';
    },
    done: ['success'],
    failed: (status) => status === 'error',
    explain: async (current) => {
      const message = await messageForRequest(session, current.id, sent.requestId);
      if (message) return message;
      const source = `${volumeServiceOf(current)}, the source backend`;
      const where = reachedMigrating
        ? `The migration had reached 'migrating', so the scheduler had accepted the destination: ${loggedUnder(sent.requestId)} in the log of ${source}`
        : `${loggedUnder(sent.requestId)}: ${await schedulerService(session)} if it refused the destination ${sent.destination}, else ${source}`;
      return `Cinder left no user message. ${volumeNow(current)} ${where}`;
    },
  };
  return waitWithProgress(f, target, flags, {
    start: `Waiting for the ${target.label}`,
    done: `${volumeLabel(volume)} migrated`,
  });
}
