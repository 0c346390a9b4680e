import { ApiError } from '../../http/errors.js';

/**
 * A listing the cloud refuses (an API it does not have, a policy) leaves its
 * section empty with the reason; anything else (unreachable) fails the refresh.
 */
export function refusedAs<T>(): (error: unknown) => T | { refused: string } {
  return (error) => {
    if (error instanceof ApiError) return { refused: `${error.serverMessage} (HTTP ${error.status})` };
    throw error;
  };
}
