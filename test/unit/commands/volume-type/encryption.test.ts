import { describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, mockCinderPerTest, recordedRequests, run } from '../../helpers/harness.js';
import { stubTypeById, TYPE_ID } from './fixtures.js';

/** What Cinder answers to GET /types/{id}/encryption for an encrypted type. */
const ENCRYPTION = {
  created_at: '2026-11-28T18:09:07.383976',
  updated_at: null,
  deleted_at: null,
  deleted: false,
  encryption_id: 'e-1',
  cipher: 'aes-xts-plain64',
  key_size: 256,
  provider: 'luks',
  control_location: 'front-end',
  volume_type_id: TYPE_ID,
};
const CREATED = { id: 't-s', name: 'secret', description: null, is_public: true, 'os-volume-type-access:is_public': true, extra_specs: {} };

describe('volume type encryption: create, set, show, unset, list', () => {
  const mock = mockCinderPerTest();
  const { calls, record } = recordedRequests(mock);

  it('create --encryption-* creates the type, then its encryption (front-end by default); prints it without the type ID', async () => {
    interceptVersions(mock.pool);
    record('POST', '/types', 200, { volume_type: CREATED });
    record('POST', '/types/t-s/encryption', 200, {
      encryption: { provider: 'luks', cipher: null, key_size: 256, control_location: 'front-end', volume_type_id: 't-s', encryption_id: 'e-1' },
    });
    const result = await run(['volume', 'type', 'create', '--encryption-provider', 'luks', '--encryption-key-size', '256', 'secret', '-f', 'json'], mock.agent);
    expect(result.stderr).toBe('');
    expect(calls[1]).toStrictEqual({
      method: 'POST',
      path: '/types/t-s/encryption',
      body: { encryption: { provider: 'luks', cipher: null, key_size: 256, control_location: 'front-end' } },
    });
    // As `openstack volume type create --encryption-provider luks --encryption-key-size 256` prints it on the test bed.
    expect(JSON.parse(result.stdout)).toStrictEqual({
      description: null,
      encryption: { provider: 'luks', cipher: null, key_size: 256, control_location: 'front-end', encryption_id: 'e-1' },
      id: 't-s',
      is_public: true,
      name: 'secret',
    });
  });

  it('create with an encryption flag but no provider is a usage error before any request', async () => {
    const result = await run(['volume', 'type', 'create', '--encryption-cipher', 'aes-xts-plain64', 'secret'], mock.agent);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'ucinder: --encryption-provider is needed to give a new volume type encryption\n' });
  });

  it.each([
    [['--encryption-key-size', '0'], "ucinder: option '--encryption-key-size <key-size>' argument '0' is invalid. expected a positive whole number.\n"],
    [
      ['--encryption-provider', 'luks', '--encryption-control-location', 'middle'],
      "ucinder: option '--encryption-control-location <control-location>' argument 'middle' is invalid. Allowed choices are front-end, back-end.\n",
    ],
  ])('create %j is a usage error', async (flags, stderr) => {
    const result = await run(['volume', 'type', 'create', ...flags, 'secret'], mock.agent);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(stderr);
  });

  it('a failed encryption create says the type was created, exit 1', async () => {
    interceptVersions(mock.pool);
    record('POST', '/types', 200, { volume_type: CREATED });
    record('POST', '/types/t-s/encryption', 400, { badRequest: { code: 400, message: 'Invalid input received: bad provider' } });
    const result = await run(['volume', 'type', 'create', '--encryption-provider', 'nope', 'secret'], mock.agent);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: "ucinder: volume type 'secret' (t-s) was created, but setting its encryption failed: Invalid input received: bad provider (HTTP 400)\n",
    });
  });

  it('set --encryption-* changes only the fields given', async () => {
    interceptVersions(mock.pool);
    stubTypeById(mock.pool);
    record('PUT', `/types/${TYPE_ID}/encryption/provider`, 200, { encryption: { key_size: 512 } });
    expect(await run(['volume', 'type', 'set', '--encryption-key-size', '512', TYPE_ID], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(calls).toStrictEqual([{ method: 'PUT', path: `/types/${TYPE_ID}/encryption/provider`, body: { encryption: { key_size: 512 } } }]);
  });

  it("set on a type without encryption creates it, with openstack's warning", async () => {
    interceptVersions(mock.pool);
    stubTypeById(mock.pool);
    record('PUT', `/types/${TYPE_ID}/encryption/provider`, 404, { itemNotFound: { code: 404, message: 'Volume type encryption for type x does not exist.' } });
    record('POST', `/types/${TYPE_ID}/encryption`, 200, { encryption: { provider: 'plain' } });
    const result = await run(['volume', 'type', 'set', '--encryption-provider', 'plain', TYPE_ID], mock.agent);
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'No existing encryption type found, creating new encryption type for this volume type ...\n' });
    expect(calls[1]).toStrictEqual({
      method: 'POST',
      path: `/types/${TYPE_ID}/encryption`,
      body: { encryption: { provider: 'plain', cipher: null, key_size: null, control_location: 'front-end' } },
    });
  });

  it('set on a type without encryption and no provider fails, exit 1', async () => {
    interceptVersions(mock.pool);
    stubTypeById(mock.pool);
    record('PUT', `/types/${TYPE_ID}/encryption/provider`, 404, { itemNotFound: { code: 404, message: 'Volume type encryption for type x does not exist.' } });
    const result = await run(['volume', 'type', 'set', '--encryption-cipher', 'aes', TYPE_ID], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: "ucinder: volume type 'gold' has no encryption yet: --encryption-provider is needed to create it\n" });
  });

  it('show --encryption-type adds encryption as Cinder sends it, less the type ID; {} for none', async () => {
    const type = { id: TYPE_ID, name: 'gold', is_public: true, description: null, extra_specs: {}, qos_specs_id: null };
    for (const [answer, expected] of [
      [ENCRYPTION, Object.fromEntries(Object.entries(ENCRYPTION).filter(([key]) => key !== 'volume_type_id'))],
      [{}, {}],
    ] as const) {
      interceptVersions(mock.pool);
      mock.pool.intercept({ path: `${BASE_PATH}/types/${TYPE_ID}`, method: 'GET' }).reply(200, { volume_type: type });
      mock.pool.intercept({ path: `${BASE_PATH}/types/${TYPE_ID}/encryption`, method: 'GET' }).reply(200, answer);
      const result = await run(['volume', 'type', 'show', '--encryption-type', TYPE_ID, '-f', 'json'], mock.agent);
      expect(JSON.parse(result.stdout).encryption).toStrictEqual(expected);
      mock.renew();
    }
  });

  it("unset --encryption-type deletes the encryption; Cinder's refusal for a type in use, exit 1", async () => {
    interceptVersions(mock.pool);
    stubTypeById(mock.pool);
    record('DELETE', `/types/${TYPE_ID}/encryption/provider`, 202, '');
    expect(await run(['volume', 'type', 'unset', '--encryption-type', TYPE_ID], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
    mock.renew();
    interceptVersions(mock.pool);
    stubTypeById(mock.pool);
    record('DELETE', `/types/${TYPE_ID}/encryption/provider`, 400, { badRequest: { code: 400, message: 'Cannot delete encryption specs. Volume type in use.' } });
    const result = await run(['volume', 'type', 'unset', '--encryption-type', TYPE_ID], mock.agent);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'ucinder: Cannot delete encryption specs. Volume type in use. (HTTP 400)\n' });
  });

  it("list --encryption-type: an Encryption column, bookkeeping fields dropped, '-' in a table for none", async () => {
    const types = [
      { id: TYPE_ID, name: 'gold', is_public: true, extra_specs: {} },
      { id: 't-plain', name: 'plain', is_public: true, extra_specs: {} },
    ];
    const stub = () => {
      interceptVersions(mock.pool);
      mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: types });
      mock.pool.intercept({ path: `${BASE_PATH}/types/${TYPE_ID}/encryption`, method: 'GET' }).reply(200, ENCRYPTION);
      mock.pool.intercept({ path: `${BASE_PATH}/types/t-plain/encryption`, method: 'GET' }).reply(200, {});
    };
    stub();
    const json = await run(['volume', 'type', 'list', '--encryption-type', '-f', 'json', '--noindent'], mock.agent);
    expect(json.stdout).toBe(
      `[{"ID": "${TYPE_ID}", "Name": "gold", "Is Public": true, "Encryption": {"encryption_id": "e-1", "cipher": "aes-xts-plain64", "key_size": 256, "provider": "luks", "control_location": "front-end"}}, ` +
        '{"ID": "t-plain", "Name": "plain", "Is Public": true, "Encryption": null}]\n',
    );
    mock.renew();
    stub();
    const table = await run(['volume', 'type', 'list', '--encryption-type', '-c', 'Name', '-c', 'Encryption'], mock.agent);
    expect(table.stdout).toContain("| gold  | cipher='aes-xts-plain64', control_location='front-end', encryption_id='e-1', key_size='256', provider='luks' |\n");
    expect(table.stdout).toMatch(/\| plain \| - +\|\n/);
  });
});
