import { afterAll, describe, expect, it } from 'vitest';
import { expectCleanedUp } from '../support/cleanup.js';
import { privateHome, ucinderWith, uniqueName } from '../support/ucinder-process.js';
import { testbedEnv } from '../support/testbed.js';

/**
 * openstack's extra spec shortcuts, Cinder's extra_specs filter (3.52),
 * `type access list` and encryption created by `type set`, on the real
 * Cinder. Every type made here is deleted after the file.
 */
describe('volume type extensions against the real Cinder', () => {
  const env = { ...testbedEnv(), ...privateHome() };
  const { cli, json } = ucinderWith(env);
  const types: string[] = [];

  afterAll(async () => {
    if (types.length) expectCleanedUp(await cli('volume', 'type', 'delete', ...types), `volume type delete ${types.join(' ')}`);
  }, 120_000);

  async function newType(...args: string[]): Promise<{ id: string; name: string; properties?: Record<string, string> }> {
    const type = await json('volume', 'type', 'create', ...args, uniqueName('it-text'));
    types.push(type.id);
    return type;
  }

  it('the shortcuts set the extra specs they stand for; list --property and the shortcuts filter on them', async () => {
    const zone = uniqueName('az');
    const shortcut = await newType('--multiattach', '--cacheable', '--availability-zone', zone, '--availability-zone', `${zone}-b`);
    expect(shortcut.properties).toEqual({ multiattach: '<is> True', cacheable: '<is> True', 'RESKEY:availability_zones': `${zone},${zone}-b` });
    const plain = await newType('--property', `tag=${zone}`);
    expect(await cli('volume', 'type', 'set', '--replicated', plain.name)).toMatchObject({ code: 0, stderr: '' });
    expect((await json('volume', 'type', 'show', plain.name)).properties).toEqual({ tag: zone, replication_enabled: '<is> True' });

    const names = async (...filters: string[]) => (await json('volume', 'type', 'list', ...filters)).map((row: { Name: string }) => row.Name);
    expect(await names('--availability-zone', zone, '--availability-zone', `${zone}-b`)).toEqual([shortcut.name]);
    expect(await names('--property', `tag=${zone}`)).toEqual([plain.name]);
    expect(await names('--property', `tag=${zone}`, '--replicated')).toEqual([plain.name]);
    expect(await names('--property', `tag=${zone}`, '--multiattach')).toEqual([]);
    expect(await names('--multiattach', '--cacheable')).toContain(shortcut.name);
  });

  it('type access list: the projects of a private type; a public type has none (exit 1)', async () => {
    const project = 'fedcba9876543210fedcba9876543210';
    const priv = await newType('--private', '--project', project);
    expect(await json('volume', 'type', 'access', 'list', priv.name)).toEqual([{ Volume_type_ID: priv.id, Project_ID: project }]);
    const pub = await newType();
    const run = await cli('volume', 'type', 'access', 'list', pub.name);
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: `ucinder: volume type '${pub.name}' is public: every project may use it, there is no access list\n` });
  });

  it("set --encryption-* on a type without encryption: needs a provider (exit 1), then creates it with openstack's warning", async () => {
    // (Encrypted volumes need a key manager, which the test bed has not: only the types are exercised.)
    const type = await newType();
    const refused = await cli('volume', 'type', 'set', '--encryption-cipher', 'aes-xts-plain64', type.name);
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: `ucinder: volume type '${type.name}' has no encryption yet: --encryption-provider is needed to create it\n` });
    expect((await json('volume', 'type', 'show', '--encryption-type', type.name)).encryption).toEqual({});

    const created = await cli('volume', 'type', 'set', '--encryption-provider', 'luks', '--encryption-cipher', 'aes-xts-plain64', type.name);
    expect(created).toMatchObject({ code: 0, stdout: '', stderr: 'No existing encryption type found, creating new encryption type for this volume type ...\n' });
    expect((await json('volume', 'type', 'show', '--encryption-type', type.name)).encryption).toMatchObject({
      provider: 'luks',
      cipher: 'aes-xts-plain64',
      key_size: null,
      control_location: 'front-end',
    });
    expect(await cli('volume', 'type', 'unset', '--encryption-type', type.name)).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect((await json('volume', 'type', 'show', '--encryption-type', type.name)).encryption).toEqual({});
  });
});
