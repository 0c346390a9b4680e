import { beforeEach, describe, expect, it } from 'vitest';
import { interceptVersions, mockCinderPerTest, run, stubRecording } from '../../helpers/harness.js';
import { GOLD } from './fixtures.js';

describe('volume type create', () => {
  const mock = mockCinderPerTest();
  let bodies: unknown[] = [];
  beforeEach(() => {
    bodies = [];
  });

  const interceptCreate = (reply: Record<string, unknown>) => stubRecording(mock.pool, 'POST', '/types', (body) => bodies.push(body), 200, { volume_type: reply });

  it('sends --property as extra_specs and is public by default', async () => {
    interceptVersions(mock.pool);
    interceptCreate({ ...GOLD, 'os-volume-type-access:is_public': true });
    const result = await run(['volume', 'type', 'create', '--property', 'volume_backend_name=mmj2', '--description', 'gold tier', 'gold', '-f', 'json'], mock.agent);
    expect(result.code).toBe(0);
    expect(bodies).toStrictEqual([
      { volume_type: { name: 'gold', description: 'gold tier', extra_specs: { volume_backend_name: 'mmj2' }, 'os-volume-type-access:is_public': true } },
    ]);
    // As `openstack volume type create --property … -f json` prints it on the test bed:
    // extra_specs as properties, no os-volume-type-access:is_public.
    expect(JSON.parse(result.stdout)).toStrictEqual({
      description: 'gold tier',
      id: 't-gold',
      is_public: true,
      name: 'gold',
      properties: { volume_backend_name: 'mmj2' },
    });
  });

  it('--private sends is_public false; the `type create` shortcut works the same', async () => {
    interceptVersions(mock.pool);
    interceptCreate({ id: 't-p', name: 'p', is_public: false, 'os-volume-type-access:is_public': false, extra_specs: {} });
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
