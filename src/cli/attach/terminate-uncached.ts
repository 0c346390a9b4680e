import { ATTACHMENTS_MICROVERSION, deleteAttachment, listAttachments, terminateConnection, type Attachment } from '../../api/resources/attachments.js';
import type { CinderSession } from '../../api/session.js';
import type { Volume } from '../../api/resources/volumes.js';
import { UcinderError } from '../../errors.js';
import type { Connector } from '../../host/connector.js';

/** What term-connect --force did without a cache entry, for its closing line. */
type UncachedTermination = { api: 'attachments'; attachmentId: string } | { api: 'legacy' };

/**
 * term-connect --force when nothing is cached (the cache was lost, or the
 * export was made by another tool with this host's connector): Cinder is
 * asked with what it knows. With the attachments API, the volume's
 * attachments that belong to no server are this host's candidates; the
 * volume's `attachments` name the host of each completed one (its
 * host_name is the connector's `host`). One attachment of this host, or a
 * lone server-less attachment nobody else claims, is deleted; several that
 * cannot be told apart are listed rather than guessed. With none, the
 * legacy export is ended with os-terminate_connection and this host's
 * connector, as init-connect would have sent it.
 */
export async function terminateUncached(session: CinderSession, volume: Volume, connector: Connector): Promise<UncachedTermination> {
  if (session.supports(ATTACHMENTS_MICROVERSION)) {
    const hostless = (await listAttachments(session, { volumeId: volume.id })).filter((attachment) => !attachment.instance);
    const attachment = attachmentOfThisHost(volume, hostless, connector.host);
    if (attachment) {
      await deleteAttachment(session, attachment.id);
      return { api: 'attachments', attachmentId: attachment.id };
    }
  }
  await terminateConnection(session, volume.id, connector);
  return { api: 'legacy' };
}

function attachmentOfThisHost(volume: Volume, hostless: Attachment[], host: string): Attachment | undefined {
  const hostOf = new Map((volume.attachments ?? []).map((attached) => [attached.attachment_id ?? attached.id, attached.host_name]));
  const mine = hostless.filter((attachment) => hostOf.get(attachment.id) === host);
  const unclaimed = hostless.filter((attachment) => !hostOf.get(attachment.id));
  const candidates = mine.length ? mine : unclaimed;
  if (candidates.length <= 1) return candidates[0];
  throw new UcinderError(
    `volume '${volume.name || volume.id}' has ${candidates.length} attachments without a server (${candidates.map((attachment) => attachment.id).join(', ')}) and none is known to be this host's: delete the right one with \`ucinder volume attachment delete ID\``,
  );
}
