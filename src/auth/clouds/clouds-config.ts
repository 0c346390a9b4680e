import { UsageError } from '../../errors.js';
import type { CloudsFiles, ConfigFile } from '../../state/clouds-files.js';
import { isConfigMap, type ConfigMap } from './config-value.js';
import { parseYamlFile } from './parse-yaml-file.js';

export type CloudEntry = ConfigMap;

export interface LoadedCloud {
  name: string;
  config: CloudEntry;
  /** The clouds.yaml (and secure.yaml) it came from, for messages. */
  files: string[];
}

type CloudsByName = { [name: string]: CloudEntry };

/** What one parse of the files yields, and what the cache keeps: both `clouds:` sections. */
interface ParsedClouds {
  clouds: CloudsByName;
  secure: CloudsByName;
}

/** Keeps ParsedClouds between commands (state/clouds-cache.ts); what it returns is checked. */
export interface ParsedCloudsCache {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
}

/** Raised when parsing changes what a file means, so that older cached parses miss. */
const PARSE_VERSION = 1;

/** The named cloud from clouds.yaml, with its secure.yaml entry merged in. */
export async function loadCloud(name: string, files: CloudsFiles, cache?: ParsedCloudsCache): Promise<LoadedCloud> {
  const cloudsFile = files.clouds;
  if (!cloudsFile) {
    throw new UsageError(`--os-cloud ${name}: no clouds.yaml found (looked for ${files.cloudsCandidates.join(', ')})`);
  }
  const { clouds, secure } = await parseClouds(cloudsFile, files.secure, cache);
  const entry = clouds[name];
  if (!entry) {
    const known = Object.keys(clouds);
    throw new UsageError(
      `cloud '${name}' is not defined in ${cloudsFile.path}` + (known.length ? ` (clouds: ${known.join(', ')})` : ' (it defines no clouds)'),
    );
  }
  const paths = [cloudsFile.path, ...(files.secure && secure[name] ? [files.secure.path] : [])];
  return { name, config: deepMerge(entry, secure[name] ?? {}), files: paths };
}

/**
 * From the cache when both files are what they were when it was written:
 * then `yaml` is not even loaded. The key is the files' paths and texts
 * (read anyway), not their sizes and mtimes: a same-size rewrite within the
 * file system's timestamp granularity (a few ms on Linux) keeps those.
 */
async function parseClouds(cloudsFile: ConfigFile, secureFile: ConfigFile | undefined, cache?: ParsedCloudsCache): Promise<ParsedClouds> {
  const key = JSON.stringify([PARSE_VERSION, cloudsFile.path, cloudsFile.text, secureFile?.path ?? null, secureFile?.text ?? null]);
  const cached = await cache?.get(key);
  if (isParsedClouds(cached)) return cached;
  const parsed: ParsedClouds = {
    clouds: await cloudsSection(cloudsFile),
    secure: secureFile ? await cloudsSection(secureFile) : {},
  };
  await cache?.put(key, parsed);
  return parsed;
}

async function cloudsSection({ path, text }: ConfigFile): Promise<CloudsByName> {
  const document = await parseYamlFile(path, text);
  const clouds = isConfigMap(document) ? document.clouds : undefined;
  if (clouds === undefined || clouds === null) return {};
  if (!isConfigMap(clouds)) throw new UsageError(`${path}: 'clouds' must be a mapping of cloud names`);
  const result: CloudsByName = {};
  for (const [name, entry] of Object.entries(clouds)) {
    if (entry !== null && !isConfigMap(entry)) throw new UsageError(`${path}: cloud '${name}' must be a mapping`);
    result[name] = entry ?? {};
  }
  return result;
}

function isParsedClouds(value: unknown): value is ParsedClouds {
  const parsed = value as ParsedClouds | undefined;
  const isCloudsByName = (clouds: unknown) => isConfigMap(clouds as ConfigMap) && Object.values(clouds as ConfigMap).every(isConfigMap);
  return typeof parsed === 'object' && parsed !== null && isCloudsByName(parsed.clouds) && isCloudsByName(parsed.secure);
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
