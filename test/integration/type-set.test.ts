import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, testbedEnv, ucinder, uniqueName } from './helpers/ucinder.js';

/** volume type set / unset / list --default / delete-in-use on the real Cinder. */
describe('volume type set and unset against the real Cinder', () => {
  let env: Record<string, string>;
  const typeName = uniqueName('it-tset');
  const renamed = `${typeName}-renamed`;
  const usedType = uniqueName('it-tset-used');
  const otherProject = 'fedcba9876543210fedcba9876543210';
  let typeId = '';
  let volumeId = '';

  const cli = (...args: string[]) => ucinder(args, env);
  const json = async (...args: string[]) => {
    const run = await cli(...args, '-f', 'json');
    expect(run.stderr).not.toContain('ucinder:');
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  };

  beforeAll(async () => {
    env = { ...testbedEnv(), ...isolatedHome() };
    typeId = (await json('volume', 'type', 'create', '--private', typeName)).id;
  });

  afterAll(async () => {
    if (volumeId) await cli('volume', 'delete', '--wait', volumeId);
    await cli('volume', 'type', 'delete', typeId, usedType);
  });

  it('renames, describes, adds extra specs and gives a project access', async () => {
    const run = await cli(
      'volume', 'type', 'set', '--name', renamed, '--description', 'gold tier',
      '--property', 'volume_backend_name=mmj', '--property', 'tier=gold', '--project', otherProject, typeName,
    );
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const type = await json('volume', 'type', 'show', renamed);
    expect(type).toMatchObject({
      id: typeId, name: renamed, description: 'gold tier', is_public: false,
      properties: { volume_backend_name: 'mmj', tier: 'gold' },
      access_project_ids: [otherProject],
    });
  });

  it('unsets an extra spec and takes the access away', async () => {
    expect((await cli('volume', 'type', 'unset', '--property', 'tier', '--project', otherProject, renamed)).code).toBe(0);
    const type = await json('volume', 'type', 'show', renamed);
    expect(type.properties).toEqual({ volume_backend_name: 'mmj' });
    expect(type.access_project_ids).toEqual([]);
  });

  it('makes the type public; project access on a public type is Cinder\'s error', async () => {
    expect((await cli('volume', 'type', 'set', '--public', renamed)).code).toBe(0);
    expect((await json('volume', 'type', 'show', renamed)).is_public).toBe(true);
    const run = await cli('volume', 'type', 'set', '--project', otherProject, renamed);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ucinder: Invalid volume type: Type access modification is not applicable to public volume type\. \(HTTP 400\) \(Request-ID: req-[0-9a-f-]+\)\n$/);
  });

  it('list --default shows only the default type', async () => {
    const rows = await json('volume', 'type', 'list', '--default');
    // The test bed sets no default_volume_type: Cinder's built-in one.
    expect(rows).toEqual([expect.objectContaining({ Name: '__DEFAULT__', 'Is Public': true })]);
  });

  it('a type in use cannot be deleted nor have its extra specs changed: Cinder\'s reasons', async () => {
    await json('volume', 'type', 'create', '--property', 'volume_backend_name=mmj', usedType);
    volumeId = (await json('volume', 'create', '--size', '1', '--type', usedType, '--wait', uniqueName('it-tset-vol'))).id;
    const remove = await cli('volume', 'type', 'delete', usedType);
    expect(remove.code).toBe(1);
    expect(remove.stderr).toMatch(/^ucinder: Target volume type is still in use\. \(HTTP 400\) \(Request-ID: req-[0-9a-f-]+\)\n$/);
    const change = await cli('volume', 'type', 'unset', '--property', 'volume_backend_name', usedType);
    expect(change.code).toBe(1);
    expect(change.stderr).toMatch(/^ucinder: Volume Type is currently in use\. \(HTTP 400\)/);
    expect((await json('volume', 'type', 'show', usedType)).properties).toEqual({ volume_backend_name: 'mmj' });
  });
});
