import { createHash } from 'node:crypto';

/**
 * The one scheme that names cache files (tokens, version discovery,
 * completion names): the hex SHA-256 of the parts as a JSON array, so no
 * two lists of parts collide (['a b', 'c'] and ['a', 'b c'] differ). Parts
 * may be secrets: only their hash reaches the disk. Changing this scheme
 * renames every cache file; the old ones are then misses, nothing worse.
 *
 * Loading node:crypto costs ~2 ms of CPU (measured in `volume list` and a
 * TAB, Node 20) and the first digest ~0.4 ms: import this module only from
 * modules that are themselves loaded on use, and before undici (see
 * cli/factory.ts's discoveryCache).
 */
export function cacheKey(...parts: string[]): string {
  return sha256Hex(JSON.stringify(parts));
}

/** cacheKey of a set of settings: their order is irrelevant, unset and empty ones are left out. */
export function settingsKey(settings: Readonly<Record<string, unknown>>): string {
  const names = Object.keys(settings)
    .filter((name) => settings[name] !== undefined && settings[name] !== '')
    .sort();
  return cacheKey(...names.flatMap((name) => [name, JSON.stringify(settings[name])]));
}

/** Hex SHA-256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
