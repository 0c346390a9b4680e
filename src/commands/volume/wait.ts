import { messagesFor } from '../../api/resources/messages.js';
import { getVolume } from '../../api/resources/volumes.js';
import type { CinderSession } from '../../api/session.js';
import type { Volume } from '../../api/types.js';
import { waitForStatus, type StatusTarget } from '../../api/wait.js';
import type { Factory } from '../../cli/factory.js';
import { startProgress } from '../../output/progress.js';

export const DEFAULT_WAIT_TIMEOUT_SECONDS = 600;

/** The volume as something to poll: by id, failing on any error* status. */
export function volumeTarget(session: CinderSession, volume: Volume, done: string[]): StatusTarget<Volume> {
  const label = `volume '${volume.name || volume.id}'`;
  return {
    label,
    fetch: () => getVolume(session, volume.id),
    status: (current) => current.status,
    done,
    failed: (status) => status.startsWith('error'),
    explain: async (current) => {
      // The messages API says why ("No valid backend was found...").
      const [latest] = await messagesFor(session, current.id);
      return latest?.user_message;
    },
  };
}

/** Polls until the volume is available; fails with Cinder's reason on error. */
export async function waitUntilAvailable(f: Factory, session: CinderSession, volume: Volume, timeoutSeconds: number): Promise<Volume> {
  const target = volumeTarget(session, volume, ['available']);
  const progress = await startProgress(f.io, `Waiting for ${target.label} to become available`);
  try {
    const final = await waitForStatus(target, {
      timeoutMs: timeoutSeconds * 1000,
      onStatus: (status) => progress.update(`${target.label}: ${status}`),
      signal: f.deps.signal,
      sleep: f.deps.sleep,
      now: f.deps.now,
    });
    progress.stop(`${target.label} is available`);
    return final;
  } catch (error) {
    progress.stop();
    throw error;
  }
}
