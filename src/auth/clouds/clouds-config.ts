import { UsageError } from '../../errors.js';
import type { CloudsFiles, ConfigFile } from '../../state/clouds-files.js';
import { isSecretPlace, putBack, readSecret, separateSecrets, type CloudsByName, type CloudsFileKind, type SecretPlace } from './cloud-secrets.js';
import { isConfigMap, type ConfigMap } from './config-value.js';
import { parseYamlWithScalars, type ScalarSpan } from './parse-yaml-file.js';

type CloudEntry = ConfigMap;

export interface LoadedCloud {
  name: string;
  config: CloudEntry;
  /** The clouds.yaml (and secure.yaml) it came from, for messages. */
  files: string[];
}

/**
 * What the cache keeps of one parse of the files: both `clouds:` sections
 * without a single secret, and where each secret is (cloud-secrets.ts).
 */
interface ParsedClouds {
  clouds: CloudsByName;
  secure: CloudsByName;
  secrets: SecretPlace[];
}

/** Keeps ParsedClouds between commands (state/clouds-cache.ts); what it returns is checked. */
interface ParsedCloudsCache {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
}

/** Raised when parsing changes what a file means, so that older cached parses miss. */
const PARSE_VERSION = 2;

/** The named cloud from clouds.yaml, with its secure.yaml entry merged in. */
export async function loadCloud(name: string, files: CloudsFiles, cache?: ParsedCloudsCache): Promise<LoadedCloud> {
  const cloudsFile = files.clouds;
  if (!cloudsFile) {
    throw new UsageError(`--os-cloud ${name}: no clouds.yaml found (looked for ${files.cloudsCandidates.join(', ')})`);
  }
  const sources = { clouds: cloudsFile, secure: files.secure };
  const { parsed, parse } = await parseClouds(sources, cache);
  const entry = parsed.clouds[name];
  if (!entry) {
    const known = Object.keys(parsed.clouds);
    throw new UsageError(`cloud '${name}' is not defined in ${cloudsFile.path}` + (known.length ? ` (clouds: ${known.join(', ')})` : ' (it defines no clouds)'));
  }
  // Copies: the secrets go back into these, never into what the cache holds.
  const config = { clouds: structuredClone(entry), secure: structuredClone(parsed.secure[name] ?? {}) };
  for (const place of parsed.secrets) {
    if (place.cloud !== name) continue;
    const file = sources[place.file]!;
    putBack(config[place.file], place.path, await readSecret(place, file.text, () => parse(place.file)));
  }
  const paths = [cloudsFile.path, ...(files.secure && parsed.secure[name] ? [files.secure.path] : [])];
  return { name, config: deepMerge(config.clouds, config.secure), files: paths };
}

type ParseFile = (kind: CloudsFileKind) => Promise<CloudsByName>;

/**
 * From the cache when both files are what they were when it was written:
 * then `yaml` is not even loaded. The key is the files' paths and texts
 * (read anyway; the cache stores only its hash), not their sizes and
 * mtimes: a same-size rewrite within the file system's timestamp
 * granularity (a few ms on Linux) keeps those. `parse` parses a file when a
 * secret can only be read that way (once per file and command).
 */
async function parseClouds(sources: { clouds: ConfigFile; secure?: ConfigFile }, cache?: ParsedCloudsCache): Promise<{ parsed: ParsedClouds; parse: ParseFile }> {
  const key = JSON.stringify([PARSE_VERSION, sources.clouds.path, sources.clouds.text, sources.secure?.path ?? null, sources.secure?.text ?? null]);
  const parses = new Map<CloudsFileKind, Promise<{ clouds: CloudsByName; scalars: ScalarSpan[] }>>();
  const parseOnce = (kind: CloudsFileKind) => {
    const file = sources[kind];
    if (!parses.has(kind)) parses.set(kind, file ? cloudsSection(file) : Promise.resolve({ clouds: {}, scalars: [] }));
    return parses.get(kind)!;
  };
  const parse: ParseFile = async (kind) => (await parseOnce(kind)).clouds;
  const cached = await cache?.get(key);
  if (isParsedClouds(cached)) return { parsed: cached, parse };
  const [clouds, secure] = await Promise.all([parseOnce('clouds'), parseOnce('secure')]);
  const fromClouds = separateSecrets('clouds', sources.clouds.text, clouds.clouds, clouds.scalars);
  const fromSecure = separateSecrets('secure', sources.secure?.text ?? '', secure.clouds, secure.scalars);
  const parsed: ParsedClouds = { clouds: fromClouds.clouds, secure: fromSecure.clouds, secrets: [...fromClouds.places, ...fromSecure.places] };
  await cache?.put(key, parsed);
  return { parsed, parse };
}

async function cloudsSection({ path, text }: ConfigFile): Promise<{ clouds: CloudsByName; scalars: ScalarSpan[] }> {
  const { value: document, scalars } = await parseYamlWithScalars(path, text);
  const clouds = isConfigMap(document) ? document.clouds : undefined;
  if (clouds === undefined || clouds === null) return { clouds: {}, scalars };
  if (!isConfigMap(clouds)) throw new UsageError(`${path}: 'clouds' must be a mapping of cloud names`);
  const result: CloudsByName = {};
  for (const [name, entry] of Object.entries(clouds)) {
    if (entry !== null && !isConfigMap(entry)) throw new UsageError(`${path}: cloud '${name}' must be a mapping`);
    result[name] = entry ?? {};
  }
  return { clouds: result, scalars };
}

function isParsedClouds(value: unknown): value is ParsedClouds {
  const parsed = value as ParsedClouds | undefined;
  const isCloudsByName = (clouds: unknown) => isConfigMap(clouds as ConfigMap) && Object.values(clouds as ConfigMap).every(isConfigMap);
  return (
    typeof parsed === 'object' &&
    parsed !== null &&
    isCloudsByName(parsed.clouds) &&
    isCloudsByName(parsed.secure) &&
    Array.isArray(parsed.secrets) &&
    parsed.secrets.every(isSecretPlace)
  );
}

/** secure.yaml's values win; nested mappings (auth) merge key by key. */
function deepMerge(base: CloudEntry, extra: CloudEntry): CloudEntry {
  const merged: CloudEntry = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] = isConfigMap(current) && isConfigMap(value) ? deepMerge(current, value) : value;
  }
  return merged;
}
