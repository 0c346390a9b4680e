import { afterEach, describe, expect, it } from 'vitest';
import { BASE_PATH, interceptVersions, newAgent, run } from '../../helpers/harness.js';

const GOLD = { id: 't-gold', name: 'gold', description: 'gold tier', is_public: true, extra_specs: { volume_backend_name: 'mmj2', tier: 'gold' } };
const PLAIN = { id: 't-plain', name: 'plain', description: null, is_public: true, extra_specs: {} };

describe('volume type list: --public, --private and the --long table', () => {
  let mock = newAgent();
  afterEach(() => {
    mock.agent.assertNoPendingInterceptors();
    mock = newAgent();
  });

  it('--public and --private send Cinder is_public=True and is_public=False, as openstack', async () => {
    for (const [flag, query] of [
      ['--public', 'True'],
      ['--private', 'False'],
    ] as const) {
      interceptVersions(mock.pool);
      mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=${query}`, method: 'GET' }).reply(200, { volume_types: [GOLD] });
      const result = await run(['volume', 'type', 'list', flag, '-f', 'value', '-c', 'Name'], mock.agent);
      expect(result, flag).toEqual({ code: 0, stdout: 'gold\n', stderr: '' });
      mock.agent.assertNoPendingInterceptors();
      mock = newAgent();
    }
  });

  it('--default, --public and --private exclude one another', async () => {
    for (const pair of [
      ['--default', '--public'],
      ['--public', '--private'],
      ['--private', '--default'],
    ]) {
      const result = await run(['volume', 'type', 'list', ...pair], mock.agent);
      expect(result.code, pair.join(' ')).toBe(2);
    }
  });

  it("the --long table shows properties as openstack does: k='v' sorted, empty for none", async () => {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${BASE_PATH}/types?is_public=None`, method: 'GET' }).reply(200, { volume_types: [GOLD, PLAIN] });
    const result = await run(['volume', 'type', 'list', '--long', '-c', 'Name', '-c', 'Properties'], mock.agent);
    expect(result.stdout).toBe(
      '+-------+-----------------------------------------+\n' +
        '| Name  | Properties                              |\n' +
        '+-------+-----------------------------------------+\n' +
        "| gold  | tier='gold', volume_backend_name='mmj2' |\n" +
        '| plain |                                         |\n' +
        '+-------+-----------------------------------------+\n',
    );
  });
});
