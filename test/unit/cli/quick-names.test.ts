import { describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS } from '../../../src/cli/global-options.js';
import { quickCompletionNames, scopeVariablesOf } from '../../../src/cli/quick-names.js';
import { resolveSettings } from '../../../src/cli/settings.js';
import { NAME_CACHE_TTL_MS, NameCache, nameScope } from '../../../src/state/name-cache.js';
import { cacheDir } from '../../../src/state/paths.js';
import { tempDir } from '../helpers/harness.js';

const variables = scopeVariablesOf(GLOBAL_OPTIONS);

/** An environment setting every variable of every global option to a value of its own. */
function everyVariable(): Record<string, string> {
  const env: Record<string, string> = { XDG_CACHE_HOME: tempDir('quick-names') };
  for (const row of GLOBAL_OPTIONS) for (const name of row.env) env[name] = `value-of-${name}`;
  // Values the full resolution accepts.
  env.OS_AUTH_TYPE = 'noauth';
  env.UCINDER_TIMEOUT = '30';
  return env;
}

/** The cache the full `completion names` command uses under `env` (no flags). */
function fullPathCache(env: Record<string, string>, now = Date.now) {
  return new NameCache(cacheDir(env), nameScope(resolveSettings({}, env)), now);
}

describe("the entry's quick path for a TAB", () => {
  it('reads the very cache file the full command reads, whatever variables are set', async () => {
    const env = everyVariable();
    await fullPathCache(env).write('volume', ['vol1', 'vol2']);
    expect(await quickCompletionNames(['completion', 'names', 'volume'], env, variables)).toEqual(['vol1', 'vol2']);
    // The first of two variables wins, as in resolveSettings; an empty one counts as unset.
    const second = { ...env, OS_ENDPOINT: '' };
    await fullPathCache(second).write('volume', ['other']);
    expect(await quickCompletionNames(['completion', 'names', 'volume'], second, variables)).toEqual(['other']);
  });

  it('leaves a stale or missing cache to the full command (which refreshes it)', async () => {
    const env = everyVariable();
    expect(await quickCompletionNames(['completion', 'names', 'volume'], env, variables)).toBeUndefined();
    await fullPathCache(env, () => Date.now() - NAME_CACHE_TTL_MS - 1).write('volume', ['old']);
    expect(await quickCompletionNames(['completion', 'names', 'volume'], env, variables)).toBeUndefined();
  });

  it('answers only `completion names KIND` without flags: anything else needs Commander', async () => {
    const env = everyVariable();
    await fullPathCache(env).write('volume', ['vol1']);
    for (const argv of [
      ['completion', 'names', 'volume', '--refresh'],
      ['--os-project-id', 'p', 'completion', 'names', 'volume'],
      ['completion', 'names', 'nonsense'],
      ['completion', 'bash', 'volume'],
    ]) {
      expect(await quickCompletionNames(argv, env, variables), argv.join(' ')).toBeUndefined();
    }
  });

  it('names its scope from the auth settings and --os-cloud only', () => {
    expect(variables.map(([group, key]) => `${group}.${key}`)).toEqual(['general.cloud', ...GLOBAL_OPTIONS.filter((row) => row.group === 'auth').map((row) => `auth.${row.key}`)]);
  });
});
