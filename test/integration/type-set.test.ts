import { describe, expect, it } from 'vitest';
import { uniqueName } from '../support/ucinder-process.js';
import { testbedSession } from './helpers/cinder-fixtures.js';

/** volume type set / unset / list --default / delete-in-use on the real Cinder; every test makes its own type. */
describe('volume type set and unset against the real Cinder', () => {
  const { cli, json, created } = testbedSession();
  const otherProject = 'fedcba9876543210fedcba9876543210';

  /** Creates a type with `volume type create ARGS NAME`; returns its id and name. */
  async function newType(prefix: string, ...args: string[]): Promise<{ id: string; name: string }> {
    const type = await json('volume', 'type', 'create', ...args, uniqueName(prefix));
    created.types.push(type.id);
    return type;
  }

  it('renames, describes, adds extra specs and gives a project access', async () => {
    const { id, name } = await newType('it-tset', '--private');
    const renamed = `${name}-renamed`;
    const run = await cli(
      'volume',
      'type',
      'set',
      '--name',
      renamed,
      '--description',
      'gold tier',
      '--property',
      'volume_backend_name=mmj',
      '--property',
      'tier=gold',
      '--project',
      otherProject,
      name,
    );
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const type = await json('volume', 'type', 'show', renamed);
    expect(type).toMatchObject({
      id,
      name: renamed,
      description: 'gold tier',
      is_public: false,
      properties: { volume_backend_name: 'mmj', tier: 'gold' },
      access_project_ids: [otherProject],
    });
  });

  it('unsets an extra spec and takes the access away', async () => {
    const { name } = await newType('it-tset-unset', '--private', '--property', 'volume_backend_name=mmj', '--property', 'tier=gold');
    expect((await cli('volume', 'type', 'set', '--project', otherProject, name)).code).toBe(0);
    expect((await json('volume', 'type', 'show', name)).access_project_ids).toEqual([otherProject]);
    expect((await cli('volume', 'type', 'unset', '--property', 'tier', '--project', otherProject, name)).code).toBe(0);
    const type = await json('volume', 'type', 'show', name);
    expect(type.properties).toEqual({ volume_backend_name: 'mmj' });
    expect(type.access_project_ids).toEqual([]);
  });

  it("makes the type public; project access on a public type is Cinder's error", async () => {
    const { name } = await newType('it-tset-public', '--private');
    expect((await cli('volume', 'type', 'set', '--public', name)).code).toBe(0);
    expect((await json('volume', 'type', 'show', name)).is_public).toBe(true);
    const run = await cli('volume', 'type', 'set', '--project', otherProject, name);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ucinder: Invalid volume type: Type access modification is not applicable to public volume type\. \(HTTP 400\) \(Request-ID: req-[0-9a-f-]+\)\n$/);
  });

  it('list --default shows only the default type', async () => {
    const rows = await json('volume', 'type', 'list', '--default');
    // The test bed sets no default_volume_type: Cinder's built-in one.
    expect(rows).toEqual([expect.objectContaining({ Name: '__DEFAULT__', 'Is Public': true })]);
  });

  it("a type in use cannot be deleted nor have its extra specs changed: Cinder's reasons", async () => {
    const { name: usedType } = await newType('it-tset-used', '--property', 'volume_backend_name=mmj');
    created.volumes.push((await json('volume', 'create', '--size', '1', '--type', usedType, '--wait', uniqueName('it-tset-vol'))).id);
    const remove = await cli('volume', 'type', 'delete', usedType);
    expect(remove.code).toBe(1);
    expect(remove.stderr).toMatch(/^ucinder: Target volume type is still in use\. \(HTTP 400\) \(Request-ID: req-[0-9a-f-]+\)\n$/);
    const change = await cli('volume', 'type', 'unset', '--property', 'volume_backend_name', usedType);
    expect(change.code).toBe(1);
    expect(change.stderr).toMatch(/^ucinder: Volume Type is currently in use\. \(HTTP 400\)/);
    expect((await json('volume', 'type', 'show', usedType)).properties).toEqual({ volume_backend_name: 'mmj' });
  });
});
