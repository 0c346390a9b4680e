import { ApiError } from '../../http/errors.js';
import { findVolume } from '../../api/finders.js';
import { messagesFor } from '../../api/resources/messages.js';
import { getVolume } from '../../api/resources/volumes.js';
import type { CinderSession } from '../../api/session.js';
import type { Volume } from '../../api/resources/volumes.js';
import { looksLikeUuid } from '../../api/uuid.js';
import { NotFoundError, UcinderError } from '../../errors.js';

/**
 * NAME|ID as for every command that changes state (connecting does: the
 * host then writes to the volume), except that an unknown UUID reports
 * Cinder's own answer ("Volume <id> could not be found.", with the request
 * id) rather than "no volume named <uuid>": that is what operators grep the
 * logs for. A volume merely *named* like that UUID is refused, not connected.
 */
export async function resolveVolume(session: CinderSession, nameOrId: string): Promise<Volume> {
  if (!looksLikeUuid(nameOrId)) return findVolume(session, nameOrId);
  try {
    return await getVolume(session, nameOrId);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    try {
      return await findVolume(session, nameOrId, { action: 'connect' });
    } catch (byName) {
      if (byName instanceof NotFoundError) throw error;
      throw byName;
    }
  }
}

/** Statuses where a connection makes no sense; Cinder's own errors for them are vague. */
export async function assertConnectable(session: CinderSession, volume: Volume): Promise<void> {
  const label = `volume '${volume.name || volume.id}'`;
  if (volume.status.startsWith('error')) {
    const [latest] = await messagesFor(session, volume.id).catch(() => []);
    const reason = latest?.user_message ? ` (${latest.user_message})` : '';
    throw new UcinderError(`${label} is in status '${volume.status}'${reason}; it cannot be connected`);
  }
  if (['creating', 'deleting', 'downloading', 'uploading', 'maintenance', 'awaiting-transfer'].includes(volume.status)) {
    throw new UcinderError(`${label} is in status '${volume.status}'; wait until it is available`);
  }
}
