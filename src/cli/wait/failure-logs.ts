import { messagesFor } from '../../api/resources/messages.js';
import { listServices } from '../../api/resources/services.js';
import type { CinderSession } from '../../api/session.js';
import type { Volume } from '../../api/resources/volumes.js';

/**
 * What ucinder can say, as facts, about an asynchronous volume operation
 * (retype, migrate) that Cinder accepted and then failed. Cinder (through
 * Zed at least) leaves no user message for these; the reason is a log line
 * of the service that gave up, tagged with the request ID of the call that
 * started the operation (the RPC context carries it from cinder-api to
 * cinder-scheduler and cinder-volume).
 */

/**
 * The user message Cinder left about this very request, if any: a message
 * carries the ID of the request that caused it, so an older message about
 * the volume (an earlier failed extend...) is never taken for this reason.
 */
export async function messageForRequest(session: CinderSession, volumeId: string, requestId: string | undefined): Promise<string | undefined> {
  if (!requestId) return undefined;
  const messages = await messagesFor(session, volumeId).catch(() => []);
  return messages.find((message) => message.request_id === requestId)?.user_message;
}

/** "Now: status 'available', migration_status none, host node1@mmj#mmj." (host only when the API shows it: admins). */
export function volumeNow(volume: Volume): string {
  const host = volume['os-vol-host-attr:host'];
  const migration = volume.migration_status ? `'${volume.migration_status}'` : 'none';
  return `Now: status '${volume.status}', migration_status ${migration}${host ? `, host ${host}` : ''}.`;
}

/**
 * The volume's cinder-volume service as `volume service list` names it:
 * its host without the pool ("cinder-volume node1@mmj"). That service runs
 * the retype and migration of the volume (migrations from the source).
 */
export function volumeServiceOf(volume: Volume): string {
  const host = volume['os-vol-host-attr:host'];
  return host ? `cinder-volume ${host.split('#')[0]}` : "the volume's cinder-volume";
}

/**
 * "cinder-scheduler (node1)", or "(ctl1 or ctl2)": any of them may have taken
 * the request. Listing services is for admins; otherwise just the binary.
 */
export async function schedulerService(session: CinderSession): Promise<string> {
  const hosts = await listServices(session, { binary: 'cinder-scheduler' }).then(
    (services) => services.map((service) => service.host),
    () => [],
  );
  return hosts.length ? `cinder-scheduler (${hosts.join(' or ')})` : 'cinder-scheduler';
}

/** "Cinder logged the reason under req-…" (without the ID when the answer had none). */
export function loggedUnder(requestId: string | undefined): string {
  return `Cinder logged the reason${requestId ? ` under ${requestId}` : ''}`;
}
