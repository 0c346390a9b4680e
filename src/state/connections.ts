import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AmbiguousNameError, UcinderError } from '../errors.js';
import { writeFileAtomic } from './atomic-file.js';
import { sha256Hex } from './cache-key.js';
import { withLock, type LockOptions } from './lock.js';
import type { CacheIdentity, ConnectionEntry } from './connection-entry.js';
import { stateDir } from './paths.js';
import type { Env } from '../env.js';

/**
 * The connection cache: one INI file per volume under
 * <state dir>/connections/, readable by a person and by the operators' old
 * ConfigParser scripts:
 *
 *   [volume]      id, name, endpoint, project (+ backend: the exporting host, when known)
 *   [connector]   the connector sent with os-initialize_connection
 *   [connection]  driver_volume_type, initialized_at, api (+ attachment_id)
 *   [data]        connection_info.data exactly as Cinder returned it
 *   [device]      path, paths, connected_at, attached (+ attachment_id; stopped_at
 *                 after `disconnect --all`, until `connect --all`) after connect
 *
 * Values keep their JSON types: a plain string is written as is; numbers,
 * booleans, null, lists and strings that would read back as something else
 * ("true", "1", leading quote or bracket, backslashes...) are written as
 * JSON. The `ini` package does the line-level quoting (=, ;, #, newlines).
 * Section names are ours and fixed, so nothing a server or user controls
 * can open a section; keys from Cinder are %-encoded outside [A-Za-z0-9_.:-].
 */

export type { CacheIdentity, ConnectionApi, ConnectionEntry, ConnectionState, VolumeRef } from './connection-entry.js';
export { connectionState } from './connection-entry.js';

/** A file that could not be read or understood; listed, never fatal for other entries. */
interface CachedFile {
  path: string;
  entry?: ConnectionEntry;
  problem?: string;
}

/** The state directory cannot be created or written. */
class StateDirError extends UcinderError {
  override name = 'StateDirError';
}

function stateDirError(dir: string, error: unknown): StateDirError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code ? `${code}: ${(error as Error).message.split(':')[1]?.trim() ?? code}` : String((error as Error).message ?? error);
  return new StateDirError(`cannot write the connection cache in ${dir} (${reason}); choose a writable directory with --state-dir or UCINDER_STATE_DIR`);
}

class CorruptCacheError extends UcinderError {
  override name = 'CorruptCacheError';
}

// ---------------------------------------------------------------- file names

/** Characters kept as they are in file names; everything else is %XX (UTF-8). */
const FILE_SAFE = /[A-Za-z0-9_-]/;
const MAX_ENCODED_NAME = 150;

/**
 * The volume name made safe for a file name: no '/', no leading dot (so
 * never '.' or '..'), no control characters; reversible unless it had to be
 * shortened, in which case a hash of the full name keeps it unique.
 */
export function encodeFileName(name: string): string {
  let encoded = '';
  for (const char of name) {
    if (FILE_SAFE.test(char) || (char === '.' && encoded !== '')) encoded += char;
    else for (const byte of Buffer.from(char, 'utf8')) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  if (encoded.length > MAX_ENCODED_NAME) {
    encoded = `${encoded.slice(0, MAX_ENCODED_NAME - 14).replace(/%[0-9A-F]?$/, '')}~${shortHash(name, 12)}`;
  }
  return encoded;
}

/**
 * Not cacheKey: these files are user state, not a cache, and init-connect
 * finds a volume's existing file by this name (to keep its device record).
 * Another scheme would make it write a second file for the same volume, so
 * the hash input stays exactly as first released (a unit test pins a name).
 */
function shortHash(text: string, length: number): string {
  return sha256Hex(text).slice(0, length);
}

/** Same name, other endpoint or project: another file. */
function identityTag(identity: CacheIdentity): string {
  return shortHash(`${identity.endpoint}\n${identity.project}`, 10);
}

// ---------------------------------------------------------------- values

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

interface IniModule {
  stringify(value: object, options?: { whitespace?: boolean }): string;
  parse(text: string): Record<string, unknown>;
  safe(value: string): string;
  unsafe(value: string): string;
}

let iniModule: Promise<IniModule> | undefined;
/** `ini` is loaded only by the commands that touch the cache (start-up time). */
function loadIni(): Promise<IniModule> {
  iniModule ??= import('ini').then((module) => (module.default ?? module) as unknown as IniModule);
  return iniModule;
}

/** The text of one value as stored (before ini's own quoting). */
function encodeValue(value: unknown, ini: IniModule): string {
  if (typeof value === 'string') {
    const plain = !looksLikeJson(value) && !/[\\"']/.test(value) && value === value.trim() && value !== '' && ini.unsafe(ini.safe(value)) === value;
    if (plain) return value;
  }
  const json = JSON.stringify(value === undefined ? null : value) ?? 'null';
  // ini mangles a backslash before ; or # in unquoted text; a leading space makes it quote the whole value.
  return ini.unsafe(ini.safe(json)) === json ? json : ` ${json}`;
}

function decodeValue(raw: unknown): Json {
  if (typeof raw !== 'string') return raw as Json; // ini already turned true/false/null into literals
  if (looksLikeJson(raw)) return JSON.parse(raw) as Json;
  return raw;
}

/** Keys Cinder chose: anything outside [A-Za-z0-9_.:-] (and a trailing []), %-encoded. */
function encodeKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_.:-]/g, (char) => encodeURIComponent(char).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
}

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/** Non-empty lists use ini's own `key[] = item` lines (readable); each item keeps its JSON type. */
function encodeSection(values: Record<string, unknown>, ini: IniModule): Record<string, string | string[]> {
  const section: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    section[encodeKey(key)] = Array.isArray(value) && value.length > 0 ? value.map((item) => encodeValue(item, ini)) : encodeValue(value, ini);
  }
  return section;
}

function decodeSection(raw: unknown): Record<string, Json> {
  const section: Record<string, Json> = {};
  if (!raw || typeof raw !== 'object') return section;
  for (const [key, value] of Object.entries(raw)) {
    section[decodeKey(key)] = Array.isArray(value) ? value.map(decodeValue) : decodeValue(value);
  }
  return section;
}

export async function serializeEntry(entry: ConnectionEntry): Promise<string> {
  const ini = await loadIni();
  const sections: Record<string, Record<string, string | string[]>> = {
    volume: encodeSection({ ...entry.volume }, ini),
    connector: encodeSection(entry.connector, ini),
    connection: encodeSection({ ...entry.connection }, ini),
    data: encodeSection(entry.data, ini),
  };
  if (entry.device) sections.device = encodeSection({ ...entry.device }, ini);
  const header = [
    `; ucinder connection cache for volume ${JSON.stringify(entry.volume.name)} (${entry.volume.id})`,
    '; Written by ucinder init-connect/connect; contains CHAP/RBD credentials (mode 0600).',
    '; Values that are not plain strings are JSON.',
    '',
  ].join('\n');
  return `${header}${ini.stringify(sections, { whitespace: true })}`;
}

export async function parseEntry(text: string, path: string): Promise<ConnectionEntry> {
  const ini = await loadIni();
  const raw = ini.parse(text);
  const volume = decodeSection(raw.volume);
  const connection = decodeSection(raw.connection);
  const bad = (what: string) => new CorruptCacheError(`connection cache file ${path} is damaged (${what}); delete it and run init-connect again`);
  if (typeof volume.id !== 'string' || !volume.id) throw bad('no volume id');
  if (typeof connection.driver_volume_type !== 'string') throw bad('no driver_volume_type');
  const entry: ConnectionEntry = {
    volume: {
      id: volume.id,
      name: stringOf(volume.name),
      endpoint: stringOf(volume.endpoint),
      project: stringOf(volume.project),
      ...(typeof volume.backend === 'string' && volume.backend ? { backend: volume.backend } : {}),
    },
    connector: decodeSection(raw.connector),
    connection: {
      driver_volume_type: connection.driver_volume_type,
      initialized_at: stringOf(connection.initialized_at),
      api: connection.api === 'attachments' ? 'attachments' : 'legacy',
      ...(typeof connection.attachment_id === 'string' ? { attachment_id: connection.attachment_id } : {}),
    },
    data: decodeSection(raw.data),
  };
  const device = decodeSection(raw.device);
  if (typeof device.path === 'string') {
    entry.device = {
      path: device.path,
      paths: Array.isArray(device.paths) ? device.paths.map(String) : [device.path],
      connected_at: stringOf(device.connected_at),
      attached: device.attached === true,
      ...(typeof device.attachment_id === 'string' ? { attachment_id: device.attachment_id } : {}),
      ...(typeof device.stopped_at === 'string' ? { stopped_at: device.stopped_at } : {}),
    };
  }
  return entry;
}

/** Schema fields are strings; a name like "true" or "123" comes back as JSON-typed text otherwise. */
function stringOf(value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// ---------------------------------------------------------------- the store

interface ConnectionStoreOptions {
  lock?: LockOptions;
}

/** Where the connection files live: --state-dir / UCINDER_STATE_DIR, else under XDG_STATE_HOME. */
export function connectionsDir(env: Env, chosenStateDir?: string): string {
  return join(stateDir(env, chosenStateDir), 'connections');
}

export class ConnectionStore {
  constructor(
    readonly dir: string,
    private readonly options: ConnectionStoreOptions = {},
  ) {}

  /** The file of one volume name behind one endpoint and project. */
  pathFor(name: string, identity: CacheIdentity): string {
    return join(this.dir, `${encodeFileName(name)}.${identityTag(identity)}.ini`);
  }

  async read(path: string): Promise<ConnectionEntry | undefined> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return parseEntry(text, path);
  }

  /** Every cache file; damaged ones are reported, not thrown. */
  async list(): Promise<CachedFile[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const files = names.filter((name) => name.endsWith('.ini') && !name.startsWith('.')).sort();
    return Promise.all(
      files.map(async (name) => {
        const path = join(this.dir, name);
        try {
          const entry = await this.read(path);
          return entry ? { path, entry } : { path, problem: 'removed while listing' };
        } catch (error) {
          return { path, problem: (error as Error).message };
        }
      }),
    );
  }

  /**
   * Finds the entry for NAME|ID: an exact id wins, then the name; with an
   * identity, only entries of that endpoint+project count. Several matches
   * are an error (we never pick one).
   */
  async find(nameOrId: string, identity?: CacheIdentity): Promise<{ path: string; entry: ConnectionEntry } | undefined> {
    const all = (await this.list()).filter((file): file is { path: string; entry: ConnectionEntry } => file.entry !== undefined);
    const scoped = identity ? all.filter(({ entry }) => entry.volume.endpoint === identity.endpoint && entry.volume.project === identity.project) : all;
    const byId = scoped.filter(({ entry }) => entry.volume.id === nameOrId);
    const matches = byId.length ? byId : scoped.filter(({ entry }) => entry.volume.name === nameOrId);
    if (matches.length > 1) {
      throw new AmbiguousNameError(
        'cached connection',
        nameOrId,
        matches.map(({ entry }) => `${entry.volume.id} (${entry.volume.endpoint}, project ${entry.volume.project})`),
      );
    }
    return matches[0];
  }

  /**
   * Read-modify-write of one file under its lock: `change` gets the current
   * entry (or undefined) and returns the new one, or null to delete the file.
   */
  /**
   * Fails early, in one line, when the directory cannot take our files
   * (read-only, full, not a directory): callers check before asking Cinder
   * to export anything, so no connection info is obtained and then lost.
   */
  async ensureWritable(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await access(this.dir, constants.W_OK);
    } catch (error) {
      throw stateDirError(this.dir, error);
    }
  }

  async update(path: string, change: (current: ConnectionEntry | undefined) => ConnectionEntry | null | Promise<ConnectionEntry | null>): Promise<ConnectionEntry | null> {
    await this.ensureWritable();
    return withLock(
      `${path}.lock`,
      async () => {
        const next = await change(
          await this.read(path).catch((error: unknown) => {
            // A damaged file is replaced by a fresh init-connect, not an obstacle to it.
            if (error instanceof CorruptCacheError) return undefined;
            throw error;
          }),
        );
        if (next === null) {
          await unlink(path).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error;
          });
        } else {
          const text = await serializeEntry(next);
          await writeFileAtomic(path, text, { mode: 0o600, dirMode: 0o700 }).catch((error: unknown) => {
            throw stateDirError(this.dir, error);
          });
        }
        return next;
      },
      this.options.lock,
    );
  }
}
