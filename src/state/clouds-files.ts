import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Env } from '../env.js';

/** One clouds.yaml or secure.yaml as found on disk. */
export interface ConfigFile {
  path: string;
  text: string;
}

export interface CloudsFiles {
  /** The first clouds.yaml found, if any. */
  clouds?: ConfigFile;
  /** The first secure.yaml found, if any. */
  secure?: ConfigFile;
  /** Where clouds.yaml was looked for, in order (for the message when there is none). */
  cloudsCandidates: string[];
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
  return [...(override ? [override] : []), ...dirs.flatMap((dir) => [join(dir, `${base}.yaml`), join(dir, `${base}.yml`)])];
}

/** The clouds.yaml and secure.yaml that --os-cloud reads, with their text. */
export async function readCloudsFiles(env: Env, cwd: string = process.cwd()): Promise<CloudsFiles> {
  const cloudsCandidates = configCandidates('clouds', env, cwd);
  const clouds = await firstReadable(cloudsCandidates);
  const secure = await firstReadable(configCandidates('secure', env, cwd));
  return { clouds, secure, cloudsCandidates };
}

async function firstReadable(paths: string[]): Promise<ConfigFile | undefined> {
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
