import { deleteAttachment, terminateConnection } from '../../api/resources/attachments.js';
import type { CinderSession } from '../../api/session.js';
import { ApiError } from '../../http/errors.js';
import type { ConnectionEntry } from '../../state/connection-entry.js';

/**
 * Tells Cinder to stop exporting the volume to this host: the attachment
 * is deleted (attachments API) or os-terminate_connection is sent with the
 * connector of init-connect, not today's: that is what the backend exported to.
 */
export async function terminateCached(session: CinderSession, entry: ConnectionEntry): Promise<void> {
  if (entry.connection.api === 'attachments' && entry.connection.attachment_id) {
    await deleteAttachment(session, entry.connection.attachment_id).catch((error: unknown) => {
      // Already deleted: the goal is reached.
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    });
    return;
  }
  await terminateConnection(session, entry.volume.id, entry.connector);
}
