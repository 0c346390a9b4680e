import { describe, expect, it } from 'vitest';
import { ENDPOINT_ROOT, interceptVersions, mockCinderPerTest, PROJECT, run } from '../helpers/harness.js';

/** How the resolved connection shows: which URL and which token the request used. */
describe('noauth', () => {
  const mock = mockCinderPerTest();

  function expectServices(path: string, token: string) {
    interceptVersions(mock.pool);
    mock.pool.intercept({ path: `${path}/os-services`, method: 'GET', headers: { 'x-auth-token': token } }).reply(200, { services: [] });
  }

  it('appends /v3/<project> to a bare OS_ENDPOINT and uses admin:<project> as the noauth token', async () => {
    expectServices(`/v3/${PROJECT}`, `admin:${PROJECT}`);
    const result = await run(['service', 'list'], mock.agent);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('builds the noauth token from OS_USER_ID', async () => {
    expectServices(`/v3/${PROJECT}`, `bob:${PROJECT}`);
    expect((await run(['service', 'list'], mock.agent, { env: { OS_USER_ID: 'bob' } })).code).toBe(0);
  });

  it('takes the project from an endpoint that already has /v3/<project>', async () => {
    expectServices('/v3/feed1234', 'admin:feed1234');
    const result = await run(['service', 'list'], mock.agent, {
      env: { OS_ENDPOINT: `${ENDPOINT_ROOT}/v3/feed1234`, OS_PROJECT_ID: undefined },
    });
    expect(result.code).toBe(0);
  });

  it('takes the project from an OS_TOKEN of the form admin:<project>', async () => {
    expectServices('/v3/beef5678', 'admin:beef5678');
    const result = await run(['service', 'list'], mock.agent, { env: { OS_TOKEN: 'admin:beef5678', OS_PROJECT_ID: undefined } });
    expect(result.code).toBe(0);
  });

  it('lets flags beat variables', async () => {
    expectServices('/v3/cafe0001', 'carol:cafe0001');
    const result = await run(['--os-endpoint', ENDPOINT_ROOT, '--os-project-id', 'cafe0001', '--os-user-id', 'carol', 'service', 'list'], mock.agent, {
      env: { OS_ENDPOINT: 'http://elsewhere:8776', OS_PROJECT_ID: 'dead0000', OS_USER_ID: 'bob' },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('refuses an endpoint project that differs from --os-project-id', async () => {
    const result = await run(['service', 'list'], mock.agent, { env: { OS_ENDPOINT: `${ENDPOINT_ROOT}/v3/feed1234` } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`ucinder: the endpoint's project 'feed1234' differs from --os-project-id '${PROJECT}'; Cinder would reject the request\n`);
  });

  describe('missing settings exit 2 with one line naming the flag and the variable', () => {
    it.each([
      [['service', 'list'], { OS_ENDPOINT: undefined }, 'no block-storage endpoint: set --os-endpoint or OS_ENDPOINT (e.g. http://controller:8776)'],
      [
        ['service', 'list'],
        { OS_PROJECT_ID: undefined },
        'noauth needs a project: set --os-project-id or OS_PROJECT_ID (or a token like admin:<project> in --os-token / OS_TOKEN)',
      ],
    ])('%j with %j', async (argv, env, message) => {
      const result = await run(argv, mock.agent, { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`ucinder: ${message}\n`);
      expect(result.stdout).toBe('');
    });
  });
});
