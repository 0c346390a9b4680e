import { AmbiguousNameError, IdNamedError, NotFoundError } from '../errors.js';
import { ApiError } from '../http/errors.js';
import { looksLikeUuid } from './uuid.js';

export interface Named {
  id: string;
  name?: string | null;
}

interface FindStrategy<T extends Named> {
  /** For messages: "volume", "volume type". */
  resource: string;
  /** GET by id; a 404 means "not an id, try names". */
  getById(id: string): Promise<T>;
  /** Candidates having this name (server-side filter where Cinder has one). */
  listByName(name: string): Promise<T[]>;
}

export interface FindOptions {
  /**
   * What the command will do to the resource ('delete', 'change', ...); given
   * by every command that changes state. An argument shaped like an ID is then
   * an ID and nothing else: the ID it names may be gone (a script retrying a
   * delete) while another resource is *named* after it, and acting on that
   * one would be silent and irreversible. Reads keep the name fallback.
   */
  action?: string;
}

/**
 * Resolves a NAME|ID argument the way operators expect: an exact ID wins,
 * then an exact name; no match and several matches are errors, and we never
 * silently pick one of several same-named resources.
 */
export async function findByNameOrId<T extends Named>(strategy: FindStrategy<T>, nameOrId: string, options: FindOptions = {}): Promise<T> {
  try {
    return await strategy.getById(nameOrId);
  } catch (error) {
    // 400 too: some Cinder versions reject a malformed id instead of saying 404.
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 400)) throw error;
  }
  const matches = (await strategy.listByName(nameOrId)).filter((item) => item.name === nameOrId);
  if (matches.length === 0) throw new NotFoundError(strategy.resource, nameOrId);
  if (options.action && looksLikeUuid(nameOrId)) {
    throw new IdNamedError(
      strategy.resource,
      nameOrId,
      matches.map((item) => item.id),
      options.action,
    );
  }
  if (matches.length > 1)
    throw new AmbiguousNameError(
      strategy.resource,
      nameOrId,
      matches.map((item) => item.id),
    );
  return matches[0]!;
}
