import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, testbedEnv, ucinder, uniqueName } from './helpers/ucinder.js';

/**
 * Deletes that scripts repeat, against the real Cinder: a retry must never
 * hit another volume, and two deletes of one volume must both succeed.
 */
describe('delete safety against the real Cinder', () => {
  let env: Record<string, string>;
  const created: string[] = [];
  const cli = (...args: string[]) => ucinder(args, env);
  async function newVolume(name: string): Promise<string> {
    const run = await cli('volume', 'create', '--size', '1', '--wait', '-f', 'value', '-c', 'id', name);
    expect(run.code).toBe(0);
    const id = run.stdout.trim();
    created.push(id);
    return id;
  }

  beforeAll(() => {
    env = { ...testbedEnv(), ...isolatedHome() };
  });

  afterEach(async () => {
    // Whatever a test left: already gone is fine (the delete then fails, harmlessly).
    for (const id of created.splice(0)) await cli('volume', 'delete', '--force', '--wait', id);
  });

  it('a retried delete of a gone ID refuses the volume NAMED after that ID, and init-connect does too (exit 1)', async () => {
    const first = await newVolume(uniqueName('it-idsafe'));
    const namedLikeIt = await newVolume(first);

    expect(await cli('volume', 'delete', '--wait', first)).toMatchObject({ code: 0, stdout: '' });
    const retry = await cli('volume', 'delete', first);
    expect(retry).toEqual({
      code: 1,
      signal: null,
      stdout: '',
      stderr: `ucinder: no volume has ID ${first}; volume ${namedLikeIt} is NAMED '${first}' — refusing to delete it by name; pass its ID (${namedLikeIt}) if you mean it\n`,
    });
    const connect = await ucinder(['init-connect', first], { ...env, UCINDER_STATE_DIR: join(env.HOME!, 'state') });
    expect(connect.code).toBe(1);
    expect(connect.stderr).toBe(
      `ucinder: no volume has ID ${first}; volume ${namedLikeIt} is NAMED '${first}' — refusing to connect it by name; pass its ID (${namedLikeIt}) if you mean it\n`,
    );
    const survivor = await cli('volume', 'show', namedLikeIt, '-f', 'value', '-c', 'status');
    expect(survivor).toMatchObject({ code: 0, stdout: 'available\n' });
  });
});
