import type { CinderSession } from '../../api/session.js';
import type { Factory } from '../factory.js';
import { AmbiguousNameError, UcinderError } from '../../errors.js';
import type { CacheIdentity, ConnectionEntry } from '../../state/connection-entry.js';
import type { ConnectionStore } from '../../state/connections.js';

/** The store (under the global --state-dir) is loaded on use: it pulls in node:crypto and the lock code. */
export async function openStore(f: Factory): Promise<ConnectionStore> {
  const { ConnectionStore, connectionsDir } = await import('../../state/connections.js');
  return new ConnectionStore(connectionsDir(f.env, f.settings.stateDir), { lock: { sleep: f.deps.sleep } });
}

/** Which Cinder a cache entry belongs to, as the session sees it. */
export async function sessionIdentity(session: CinderSession): Promise<CacheIdentity> {
  return { endpoint: await session.endpoint(), project: (await session.projectId()) ?? '' };
}

export class NoCachedConnectionError extends UcinderError {
  override name = 'NoCachedConnectionError';
  constructor(volume: string) {
    super(`no connection info cached for volume '${volume}'; run \`ucinder init-connect ${volume}\` first`);
  }
}

/**
 * The cached entry for NAME|ID. Host-side commands work offline: the
 * credentials are only consulted when the same name is cached for several
 * endpoints or projects.
 */
export async function findCached(f: Factory, store: ConnectionStore, volume: string, identity?: CacheIdentity): Promise<{ path: string; entry: ConnectionEntry }> {
  let found;
  try {
    found = await store.find(volume, identity);
  } catch (error) {
    if (identity || !(error instanceof AmbiguousNameError)) throw error;
    const auth = await f
      .authPlugin()
      .then((plugin) => plugin.authenticate())
      .catch(() => undefined);
    if (!auth) {
      throw new UcinderError(`${error.message} Set OS_ENDPOINT/OS_PROJECT_ID to pick the cloud.`);
    }
    found = await store.find(volume, { endpoint: auth.endpoint, project: auth.projectId ?? '' });
  }
  if (!found) throw new NoCachedConnectionError(volume);
  return found;
}
