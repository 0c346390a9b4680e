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
