import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import type { Env } from '../../env.js';
import { parseYaml, YamlError, type YamlValue } from './yaml-subset.js';

export type CloudEntry = { [key: string]: YamlValue };

export interface LoadedCloud {
  name: string;
  config: CloudEntry;
  /** The clouds.yaml (and secure.yaml) it came from, for messages. */
  files: string[];
}

/**
 * Where openstacksdk looks, in order; the first existing file wins:
 * $OS_CLIENT_CONFIG_FILE, ./clouds.yaml, ~/.config/openstack/clouds.yaml
 * ($XDG_CONFIG_HOME), /etc/openstack/clouds.yaml (also *.yml). Likewise
 * secure.yaml with $OS_CLIENT_SECURE_FILE.
 */
export function configCandidates(base: 'clouds' | 'secure', env: Env, cwd: string): string[] {
  const override = base === 'clouds' ? env.OS_CLIENT_CONFIG_FILE : env.OS_CLIENT_SECURE_FILE;
  const userDir = join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config'), 'openstack');
  const dirs = [cwd, userDir, '/etc/openstack'];
  return [
    ...(override ? [override] : []),
    ...dirs.flatMap((dir) => [join(dir, `${base}.yaml`), join(dir, `${base}.yml`)]),
  ];
}

async function firstReadable(paths: string[]): Promise<{ path: string; text: string } | undefined> {
  for (const path of paths) {
    try {
      return { path, text: await readFile(path, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        throw new UsageError(`cannot read ${path}: ${code ?? (error as Error).message}`);
      }
    }
  }
  return undefined;
}

function parseCloudsFile(path: string, text: string): { [name: string]: CloudEntry } {
  let document: YamlValue;
  try {
    document = parseYaml(text);
  } catch (error) {
    if (error instanceof YamlError) throw new UsageError(`cannot parse ${path}: ${error.message}`);
    throw error;
  }
  const clouds = isMap(document) ? document.clouds : undefined;
  if (clouds === undefined || clouds === null) return {};
  if (!isMap(clouds)) throw new UsageError(`${path}: 'clouds' must be a mapping of cloud names`);
  const result: { [name: string]: CloudEntry } = {};
  for (const [name, entry] of Object.entries(clouds)) {
    if (entry !== null && !isMap(entry)) throw new UsageError(`${path}: cloud '${name}' must be a mapping`);
    result[name] = entry ?? {};
  }
  return result;
}

/** Loads the named cloud from clouds.yaml, with its secure.yaml entry merged in. */
export async function loadCloud(name: string, env: Env, cwd: string = process.cwd()): Promise<LoadedCloud> {
  const cloudsCandidates = configCandidates('clouds', env, cwd);
  const cloudsFile = await firstReadable(cloudsCandidates);
  if (!cloudsFile) {
    throw new UsageError(`--os-cloud ${name}: no clouds.yaml found (looked for ${cloudsCandidates.join(', ')})`);
  }
  const clouds = parseCloudsFile(cloudsFile.path, cloudsFile.text);
  const secureFile = await firstReadable(configCandidates('secure', env, cwd));
  const secure = secureFile ? parseCloudsFile(secureFile.path, secureFile.text) : {};
  const entry = clouds[name];
  if (!entry) {
    const known = Object.keys(clouds);
    throw new UsageError(
      `cloud '${name}' is not defined in ${cloudsFile.path}` + (known.length ? ` (clouds: ${known.join(', ')})` : ' (it defines no clouds)'),
    );
  }
  const files = [cloudsFile.path, ...(secureFile && secure[name] ? [secureFile.path] : [])];
  return { name, config: deepMerge(entry, secure[name] ?? {}), files };
}

function isMap(value: YamlValue | undefined): value is { [key: string]: YamlValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** secure.yaml's values win; nested mappings (auth) merge key by key. */
export function deepMerge(base: CloudEntry, extra: CloudEntry): CloudEntry {
  const merged: CloudEntry = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] = isMap(current) && isMap(value) ? deepMerge(current, value) : value;
  }
  return merged;
}
