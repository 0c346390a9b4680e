import { afterEach, describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, jsonBody, newAgent, run } from '../../helpers/harness.js';

const GOLD = { id: 't-gold', name: 'gold', description: 'gold tier', is_public: true, extra_specs: { volume_backend_name: 'mmj2' } };
const SECRET = { id: 't-secret', name: 'secret', description: null, is_public: false, extra_specs: {} };

describe('volume type', () => {
  let mock = newAgent();
  let bodies: unknown[] = [];
  afterEach(() => {
    mock.agent.assertNoPendingInterceptors();
    mock = newAgent();
    bodies = [];
  });

  function interceptCreate(reply: Record<string, unknown>) {
    mock.pool.intercept({ path: `${BASE_PATH}/types`, method: 'POST' }).reply(200, (options) => {
      bodies.push(jsonBody(options.body));
      return { volume_type: reply };
    });
  }

  describe('create', () => {
    it('sends --property as extra_specs and is public by default', async () => {
      interceptVersions(mock.pool);
      interceptCreate({ ...GOLD, 'os-volume-type-access:is_public': true });
      const result = await run(
        ['volume', 'type', 'create', '--property', 'volume_backend_name=mmj2', '--description', 'gold tier', 'gold', '-f', 'json'],
        mock.agent,
      );
      expect(result.code).toBe(0);
      expect(bodies).toStrictEqual([
        { volume_type: { name: 'gold', description: 'gold tier', extra_specs: { volume_backend_name: 'mmj2' }, 'os-volume-type-access:is_public': true } },
      ]);
      expect(JSON.parse(result.stdout)).toStrictEqual({
        description: 'gold tier',
        extra_specs: { volume_backend_name: 'mmj2' },
        id: 't-gold',
        is_public: true,
        name: 'gold',
        'os-volume-type-access:is_public': true,
      });
    });

    it('--private sends is_public false; the `type create` shortcut works the same', async () => {
      interceptVersions(mock.pool);
      interceptCreate({ id: 't-p', name: 'p', 'os-volume-type-access:is_public': false });
      const result = await run(['type', 'create', '--private', 'p', '-f', 'value', '-c', 'is_public'], mock.agent);
      expect(result.stdout).toBe('False\n');
      expect(bodies).toStrictEqual([{ volume_type: { name: 'p', 'os-volume-type-access:is_public': false } }]);
    });

    it('--public with --private is a usage error', async () => {
      const result = await run(['volume', 'type', 'create', '--public', '--private', 'x'], mock.agent);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe("ucinder: option '--public' cannot be used with option '--private'\n");
    });

    it('--private with --public is a usage error whatever the order', async () => {
      const result = await run(['volume', 'type', 'create', '--private', '--public', 'x'], mock.agent);
      expect(result.code).toBe(2);
    });

    it('--property without a value is a usage error', async () => {
      const result = await run(['volume', 'type', 'create', '--property', 'novalue', 'x'], mock.agent);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe("ucinder: option '--property <key=value>' argument 'novalue' is invalid. expected key=value, got 'novalue'.\n");
    });
  });

  describe('list', () => {
    it('lists public and private types', async () => {
      interceptVersions(mock.pool);
      mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [GOLD, SECRET] });
      const result = await run(['volume', 'type', 'list', '-f', 'csv', '--quote', 'minimal'], mock.agent);
      expect(result.stdout).toBe('ID,Name,Is Public\nt-gold,gold,True\nt-secret,secret,False\n');
    });

    it('--long adds description and properties', async () => {
      interceptVersions(mock.pool);
      mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [GOLD, SECRET] });
      const result = await run(['type', 'list', '--long', '-f', 'json', '--noindent'], mock.agent);
      expect(result.stdout).toBe(
        '[{"ID":"t-gold","Name":"gold","Is Public":true,"Description":"gold tier","Properties":{"volume_backend_name":"mmj2"}},' +
          '{"ID":"t-secret","Name":"secret","Is Public":false,"Description":null,"Properties":{}}]\n',
      );
    });
  });

  describe('show', () => {
    it('shows a public type by name', async () => {
      interceptVersions(mock.pool);
      mock.pool.intercept({ path: `${BASE_PATH}/types/gold`, method: 'GET' }).reply(404, { itemNotFound: { message: 'Volume type gold could not be found.' } });
      mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [GOLD, SECRET] });
      const result = await run(['volume', 'type', 'show', 'gold', '-f', 'value', '-c', 'id', '-c', 'extra_specs'], mock.agent);
      expect(result.stdout).toBe("t-gold\nvolume_backend_name='mmj2'\n");
    });

    it('shows which projects may use a private type', async () => {
      interceptVersions(mock.pool);
      mock.pool.intercept({ path: `${BASE_PATH}/types/t-secret`, method: 'GET' }).reply(200, { volume_type: SECRET });
      mock.pool
        .intercept({ path: `${BASE_PATH}/types/t-secret/os-volume-type-access`, method: 'GET' })
        .reply(200, { volume_type_access: [{ volume_type_id: 't-secret', project_id: 'p1' }, { volume_type_id: 't-secret', project_id: 'p2' }] });
      const result = await run(['volume', 'type', 'show', 't-secret', '-f', 'json', '-c', 'access_project_ids'], mock.agent);
      expect(JSON.parse(result.stdout)).toStrictEqual({ access_project_ids: ['p1', 'p2'] });
    });

    it('not found, exit 1', async () => {
      interceptVersions(mock.pool);
      mock.pool.intercept({ path: `${BASE_PATH}/types/nope`, method: 'GET' }).reply(404, { itemNotFound: { message: 'x' } });
      mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [GOLD] });
      const result = await run(['volume', 'type', 'show', 'nope'], mock.agent);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe("ucinder: No volume type with a name or ID of 'nope' exists.\n");
    });
  });

  describe('delete', () => {
    it('deletes several types, reports the failures and exits 1', async () => {
      interceptVersions(mock.pool);
      mock.pool.intercept({ path: `${BASE_PATH}/types/t-gold`, method: 'GET' }).reply(200, { volume_type: GOLD });
      mock.pool.intercept({ path: `${BASE_PATH}/types/t-gold`, method: 'DELETE' }).reply(202, '');
      mock.pool.intercept({ path: `${BASE_PATH}/types/t-secret`, method: 'GET' }).reply(200, { volume_type: SECRET });
      mock.pool
        .intercept({ path: `${BASE_PATH}/types/t-secret`, method: 'DELETE' })
        .reply(400, { badRequest: { message: 'Target volume type is still in use.' } });
      const result = await run(['volume', 'type', 'delete', 't-gold', 't-secret'], mock.agent);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        "Failed to delete volume type with name or ID 't-secret': Target volume type is still in use. (HTTP 400)\nucinder: 1 of 2 volume types failed to delete\n",
      );
    });

    it('deletes every type given, exit 0', async () => {
      interceptVersions(mock.pool);
      for (const type of [GOLD, SECRET]) {
        mock.pool.intercept({ path: `${BASE_PATH}/types/${type.id}`, method: 'GET' }).reply(200, { volume_type: type });
        mock.pool.intercept({ path: `${BASE_PATH}/types/${type.id}`, method: 'DELETE' }).reply(202, '');
      }
      expect(await run(['type', 'delete', 't-gold', 't-secret'], mock.agent)).toEqual({ code: 0, stdout: '', stderr: '' });
    });
  });
});
