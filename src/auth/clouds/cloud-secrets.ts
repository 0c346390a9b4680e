import { isConfigMap, type ConfigMap, type ConfigValue } from './config-value.js';
import type { ScalarSpan } from './parse-yaml-file.js';
import { readingOf, readScalarText, type ScalarReading } from './scalar-text.js';

/**
 * Secrets stay in the file the operator put them in. The parse cache keeps
 * the clouds with every secret taken out, and for each one where it is: its
 * file, cloud and path, and where its scalar's text sits in the file, so
 * that a command reads it back from the file itself at almost no cost
 * (readSecret). Only a secret written in a way scalar-text.ts cannot read
 * (a multi-line or escaped scalar, a list) sends the command to the YAML
 * parser for that file.
 */

/**
 * keystoneauth's options marked secret=True, as clouds.yaml spells them
 * (openstacksdk reads `-` as `_`): what `openstack configuration show`
 * masks. secure.yaml exists to hold secrets: every value in it counts as one.
 */
const SECRET_KEYS = new Set(['password', 'token', 'application_credential_secret', 'client_secret', 'access_token', 'passcode', 'code', 'consumer_secret', 'access_secret']);

export type CloudsFileKind = 'clouds' | 'secure';
export type CloudsByName = { [name: string]: ConfigMap };
type Path = (string | number)[];

export interface SecretPlace {
  file: CloudsFileKind;
  cloud: string;
  path: Path;
  /** Where the scalar's text is in the file, and how it reads; absent when only the parser can read it. */
  at?: { start: number; end: number; reading: ScalarReading };
}

/** One file's clouds without their secrets (a list keeps `null` where one was), and where those were. */
export function separateSecrets(file: CloudsFileKind, text: string, clouds: CloudsByName, scalars: ScalarSpan[]): { clouds: CloudsByName; places: SecretPlace[] } {
  const places: SecretPlace[] = [];
  const everything = file === 'secure';
  const take = (value: ConfigValue, cloud: string, path: Path): ConfigValue | undefined => {
    if (isConfigMap(value)) {
      const kept: ConfigMap = {};
      for (const [key, inner] of Object.entries(value)) {
        const isSecret = !everything && SECRET_KEYS.has(key.replace(/-/g, '_'));
        const rest = isSecret ? secret(inner, cloud, [...path, key]) : take(inner, cloud, [...path, key]);
        if (rest !== undefined) setOwn(kept, key, rest);
      }
      return kept;
    }
    if (Array.isArray(value)) return value.map((inner, index) => take(inner, cloud, [...path, index]) ?? null);
    return everything ? secret(value, cloud, path) : value;
  };
  const secret = (value: ConfigValue, cloud: string, path: Path): undefined => {
    places.push({ file, cloud, path, at: whereIs(value, text, scalars) });
    return undefined;
  };
  const kept: CloudsByName = {};
  for (const [cloud, entry] of Object.entries(clouds)) kept[cloud] = take(entry, cloud, []) as ConfigMap;
  return { clouds: kept, places };
}

/** A scalar of the file whose text reads back as exactly this value. */
function whereIs(value: ConfigValue, text: string, scalars: ScalarSpan[]): SecretPlace['at'] {
  if (isConfigMap(value) || Array.isArray(value)) return undefined;
  for (const span of scalars) {
    if (span.value !== value) continue;
    const reading = readingOf(text.slice(span.start, span.end), value);
    if (reading) return { start: span.start, end: span.end, reading };
  }
  return undefined;
}

/**
 * A secret's value from the file's current text (the same text the places
 * were found in: the cache is keyed by it), or from a parse of the file.
 */
export async function readSecret(place: SecretPlace, text: string, parse: () => Promise<CloudsByName>): Promise<ConfigValue> {
  if (place.at) {
    const value = readScalarText(text.slice(place.at.start, place.at.end), place.at.reading);
    if (value !== undefined) return value;
  }
  let value: ConfigValue | undefined = (await parse())[place.cloud];
  for (const step of place.path) value = value === undefined ? undefined : ownValue(value, step);
  return value ?? null;
}

/** `entry` with the value put back at `path` (the containers on the way exist: only leaves and secret keys were taken out). */
export function putBack(entry: ConfigMap, path: Path, value: ConfigValue): void {
  let container: ConfigValue = entry;
  for (const step of path.slice(0, -1)) container = ownValue(container, step) ?? null;
  if (typeof container === 'object' && container !== null) setOwn(container as ConfigMap, path.at(-1)!, value);
}

/** Own properties only: a key named __proto__ in a clouds.yaml is data, never the prototype. */
function ownValue(container: ConfigValue, key: string | number): ConfigValue | undefined {
  return typeof container === 'object' && container !== null && Object.hasOwn(container, key) ? (container as ConfigMap)[key] : undefined;
}

function setOwn(container: ConfigMap | ConfigValue[], key: string | number, value: ConfigValue): void {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

export function isSecretPlace(value: unknown): value is SecretPlace {
  const place = value as SecretPlace;
  return (
    typeof place === 'object' &&
    place !== null &&
    (place.file === 'clouds' || place.file === 'secure') &&
    typeof place.cloud === 'string' &&
    Array.isArray(place.path) &&
    place.path.length > 0 &&
    (place.at === undefined || (Number.isInteger(place.at.start) && Number.isInteger(place.at.end)))
  );
}
