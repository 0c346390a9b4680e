import { GlanceClient } from '../../api/glance.js';
import type { Factory } from '../../cli/factory.js';

/**
 * Glance, when ucinder knows where it is: --os-image-endpoint /
 * OS_IMAGE_ENDPOINT first (noauth deployments have no catalog), then the
 * token's catalog. Undefined when neither names one.
 */
export async function openGlance(f: Factory): Promise<GlanceClient | undefined> {
  const session = await f.session();
  const credentials = await session.serviceCredentials();
  const endpoint = f.settings.imageEndpoint ?? credentials.imageEndpoint;
  if (!endpoint) return undefined;
  return new GlanceClient(session.http, endpoint, credentials.token);
}
