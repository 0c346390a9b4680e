import { BadResponseError } from '../http/errors.js';

/**
 * Cinder wraps a single resource in an envelope ({"volume": {...}}). A proxy
 * or a broken server can answer 200 with something else; that must become a
 * one-line error naming the request, not a TypeError deep in a printer.
 */
export function unwrap<T>(body: unknown, key: string, request: string): T {
  const inner = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  if (!inner || typeof inner !== 'object') {
    throw new BadResponseError(`unexpected response to ${request}: no '${key}' object in it`);
  }
  return inner as T;
}

/**
 * As unwrap, for an envelope holding a list ({"replication_targets": [...]}):
 * a missing list, or an item that is not an object, fails the same way.
 */
export function unwrapList<T>(body: unknown, key: string, request: string): T[] {
  const inner = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(inner)) {
    throw new BadResponseError(`unexpected response to ${request}: no '${key}' list in it`);
  }
  if (inner.some((item) => !item || typeof item !== 'object' || Array.isArray(item))) {
    throw new BadResponseError(`unexpected response to ${request}: an item of '${key}' is not an object`);
  }
  return inner as T[];
}
