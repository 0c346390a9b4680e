import { UcinderError, UsageError } from '../errors.js';

/**
 * A Block Storage API microversion such as 3.70. Compared numerically:
 * 3.9 < 3.10, which string comparison would get wrong.
 */
export interface Microversion {
  major: number;
  minor: number;
}

/** The newest microversion whose responses ucinder understands. */
const CLIENT_MAX_VERSION: Microversion = { major: 3, minor: 71 };
/** v3 with no microversion header. */
export const BASE_VERSION: Microversion = { major: 3, minor: 0 };

export interface VersionRange {
  min: Microversion;
  max: Microversion;
}

const CLIENT_RANGE: VersionRange = { min: BASE_VERSION, max: CLIENT_MAX_VERSION };

const VERSION_PATTERN = /^v?(\d+)(?:\.(\d+))?$/;

/** Parses "3", "3.59" or "v3.0"; undefined when it is not a version. */
export function parseMicroversion(text: string): Microversion | undefined {
  const match = VERSION_PATTERN.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2] ?? 0) };
}

export function formatMicroversion(version: Microversion): string {
  return `${version.major}.${version.minor}`;
}

function formatRange(range: VersionRange): string {
  return `${formatMicroversion(range.min)} to ${formatMicroversion(range.max)}`;
}

export function compareMicroversions(a: Microversion, b: Microversion): number {
  return a.major - b.major || a.minor - b.minor;
}

export function isAtLeast(version: Microversion, required: Microversion | string): boolean {
  const wanted = typeof required === 'string' ? parseMicroversion(required) : required;
  if (!wanted) throw new Error(`invalid microversion literal: ${String(required)}`);
  return compareMicroversions(version, wanted) >= 0;
}

function inRange(version: Microversion, range: VersionRange): boolean {
  return compareMicroversions(version, range.min) >= 0 && compareMicroversions(version, range.max) <= 0;
}

/**
 * Parses a user's pin (--os-volume-api-version / OS_VOLUME_API_VERSION) and
 * checks it against what ucinder itself speaks; the server's range is checked
 * later, once it is known.
 */
export function parsePinnedVersion(text: string): Microversion {
  const version = parseMicroversion(text);
  if (!version) {
    throw new UsageError(`invalid --os-volume-api-version '${text}': expected 3 or 3.N (e.g. 3.59)`);
  }
  if (!inRange(version, CLIENT_RANGE)) {
    throw new UsageError(`--os-volume-api-version ${formatMicroversion(version)} is not supported: ucinder supports ${formatRange(CLIENT_RANGE)}`);
  }
  return version;
}

/**
 * The version to use against a server: the pin if it fits the server's range,
 * otherwise the newest version both sides speak. Never asks for more than the
 * server offers (the failure mode of `cinder service-list` against an older
 * server: "Version 3.70 is not supported by the API").
 */
export function negotiateMicroversion(server: VersionRange, pinned?: Microversion): Microversion {
  if (pinned) {
    if (!inRange(pinned, server)) {
      throw new UsageError(
        `API version ${formatMicroversion(pinned)} is not supported by the server: ` + `it supports ${formatRange(server)}, ucinder supports ${formatRange(CLIENT_RANGE)}`,
      );
    }
    return pinned;
  }
  const newest = compareMicroversions(server.max, CLIENT_MAX_VERSION) < 0 ? server.max : CLIENT_MAX_VERSION;
  if (compareMicroversions(newest, server.min) < 0 || compareMicroversions(newest, BASE_VERSION) < 0) {
    // Not the user's doing: the server is too new (or too old) for this ucinder.
    throw new UcinderError(`no common API version: the server supports ${formatRange(server)}, ucinder supports ${formatRange(CLIENT_RANGE)}`);
  }
  return newest;
}
