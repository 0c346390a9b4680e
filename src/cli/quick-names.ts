import { isNameKind } from '../completion/name-kinds.js';
import { NameCache, nameScope } from '../state/name-cache.js';
import { cacheDir } from '../state/paths.js';
import type { Env } from '../env.js';
import type { GlobalOption } from './global-options.js';

/**
 * The settings that name a completion cache's scope and the variables they
 * are read from, as [group, key, variables] rows: what resolveSettings reads
 * when no flag is given. The build computes it from GLOBAL_OPTIONS and hands
 * it to the entry (scripts/build.mjs), which must not load the option table.
 */
export type ScopeVariables = readonly (readonly [group: 'auth' | 'general', key: string, variables: readonly string[]])[];

export function scopeVariablesOf(rows: readonly GlobalOption[]): ScopeVariables {
  return rows
    .filter((row) => (row.group === 'auth' || row.key === 'cloud') && row.flag.includes('<'))
    .map((row) => {
      // A parsed value could differ from the variable's text: the quick path would then name another scope.
      if (row.parse) throw new Error(`${row.flag}: a parsed setting cannot be part of a name scope`);
      return [row.group, row.key, row.env] as const;
    });
}

/**
 * A TAB's names answered before the command tree loads (the entry's fast
 * path): only `completion names KIND` with no global flag, and only from a
 * fresh cache. Undefined means "run the command": a stale or missing cache
 * needs the refresh logic, flags need Commander.
 */
export async function quickCompletionNames(argv: readonly string[], env: Env, variables: ScopeVariables): Promise<string[] | undefined> {
  const [noun, verb, kind] = argv;
  if (argv.length !== 3 || noun !== 'completion' || verb !== 'names' || !isNameKind(kind!)) return undefined;
  const auth: Record<string, string | undefined> = {};
  let cloud: string | undefined;
  for (const [group, key, names] of variables) {
    // As resolveSettings does: the first variable set (empty counts as unset).
    const value = names.map((name) => env[name]).find((text) => text);
    if (group === 'auth') auth[key] = value;
    else cloud = value;
  }
  const cache = new NameCache(cacheDir(env), nameScope({ auth, cloud }));
  const cached = await cache.read(kind!);
  return cached && cache.isFresh(cached) ? cached.names : undefined;
}
