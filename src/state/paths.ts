import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../env.js';

/** Where ucinder keeps short-lived caches (API discovery, completion names). */
export function cacheDir(env: Env): string {
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'ucinder');
}

/**
 * Where ucinder keeps state that must survive (connection INI files, the
 * shell's history): --state-dir as resolved from the flag or UCINDER_STATE_DIR.
 */
export function stateDir(env: Env, chosen?: string): string {
  if (chosen) return chosen;
  if (env.UCINDER_STATE_DIR) return env.UCINDER_STATE_DIR;
  return join(env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local', 'state'), 'ucinder');
}
