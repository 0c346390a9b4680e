import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { privateHome as isolatedHome, ucinder, uniqueName } from '../support/ucinder-process.js';
import { testbedEnv } from '../support/testbed.js';

/**
 * `volume type set/unset --project NAME` without Keystone (the test bed runs
 * noauth): Cinder's type-access API takes only a project ID (a name is a
 * 400), so a name used to fail after the other changes had been applied.
 * Now it is refused before any change. (Name lookups under Keystone:
 * test/unit/commands/volume-type/project-by-name.test.ts.)
 */
describe('volume type --project with a project name, against the real Cinder (noauth)', () => {
  let env: Record<string, string>;
  const typeName = uniqueName('it-tproj');
  const cli = (...args: string[]) => ucinder(args, env);
  const properties = async () => JSON.parse((await cli('volume', 'type', 'show', '--raw', typeName, '-f', 'json')).stdout).extra_specs;

  beforeAll(async () => {
    env = { ...testbedEnv(), ...isolatedHome() };
    expect((await cli('volume', 'type', 'create', '--private', typeName)).code).toBe(0);
  });

  afterAll(async () => {
    expectCleanedUp(await cli('volume', 'type', 'delete', typeName), `volume type delete ${typeName}`);
  });

  it('set --property --project NAME changes nothing and exits 2', async () => {
    const run = await cli('volume', 'type', 'set', '--property', 'tier=gold', '--project', 'demo', typeName);
    expect(run).toEqual({
      code: 2,
      signal: null,
      stdout: '',
      stderr: "ucinder: --project 'demo' is not a project ID, and with --os-auth-type noauth there is no Keystone to look project names up in: pass the project's ID\n",
    });
    expect(await properties()).toEqual({});
  });

  it('unset --property --project NAME changes nothing and exits 2', async () => {
    expect((await cli('volume', 'type', 'set', '--property', 'keep=me', typeName)).code).toBe(0);
    const run = await cli('volume', 'type', 'unset', '--property', 'keep', '--project', 'demo', typeName);
    expect(run.code).toBe(2);
    expect(await properties()).toEqual({ keep: 'me' });
  });
});
