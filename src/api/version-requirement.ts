import { UcinderError } from '../errors.js';
import { formatMicroversion } from './microversion.js';
import type { CinderSession } from './session.js';

/** The feature needs a newer microversion than this session negotiated. */
class MicroversionRequiredError extends UcinderError {
  override name = 'MicroversionRequiredError';
}

/**
 * Fails before the request when `feature` needs microversion `minimum` and the
 * session is older (an old server, or --os-volume-api-version pinned lower):
 * Cinder would answer a bare 404 that explains nothing.
 */
export function requireMicroversion(session: CinderSession, minimum: string, feature: string): void {
  if (session.supports(minimum)) return;
  throw new MicroversionRequiredError(
    `${feature} needs Block Storage API microversion ${minimum} or later, but this session uses ${formatMicroversion(session.microversion)} ${why(session)}`,
  );
}

/** Why the session is that old: the server, or the user's pin (then the server's maximum says whether unpinning helps). */
function why(session: CinderSession): string {
  const { serverMax, pinned } = session.negotiation;
  const server = serverMax ? `the server's maximum is ${formatMicroversion(serverMax)}` : 'the server publishes no version range: plain 3.0';
  return pinned ? `(pinned by --os-volume-api-version / OS_VOLUME_API_VERSION; ${server})` : serverMax ? "(the server's maximum)" : `(${server})`;
}
