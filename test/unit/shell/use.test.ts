import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { transportFor } from '../../../src/http/transport.js';
import { main } from '../../../src/main.js';
import { bufferIOStreams } from '../../../src/output/iostreams.js';
import { catalog, CINDER, mockCloud, NOW, PASSWORD_ENV, privateHome, TOKEN, tokenBody } from '../auth/keystone-helpers.js';
import { interceptVersions, newAgent, tempDir } from '../helpers/harness.js';

async function batch(argv: string[], input: string, agent: MockAgent, env: Record<string, string | undefined>) {
  const streams = bufferIOStreams();
  const io = { ...streams.io, console: { input: Readable.from([input]), output: new PassThrough(), inputIsTTY: false } };
  const transport = { send: transportFor(agent).send, close: async () => undefined };
  const code = await main(argv, { io, env, transport, now: () => NOW, sleep: async () => undefined });
  return { code, stdout: streams.stdout(), stderr: streams.stderr() };
}

const TYPES = { volume_types: [{ id: 't1', name: 'fast', is_public: true, extra_specs: {} }] };

describe('use cloud / use project', () => {
  it('`use cloud` sends the next lines to that cloud; an unknown cloud changes nothing', async () => {
    const home = tempDir('use-cloud');
    mkdirSync(join(home, 'openstack'), { recursive: true });
    writeFileSync(
      join(home, 'openstack', 'clouds.yaml'),
      'clouds:\n' +
        '  a: {auth_type: noauth, block_storage_endpoint_override: "http://a.test:8776", auth: {project_id: aaaa0000aaaa0000aaaa0000aaaa0000}}\n' +
        '  b: {auth_type: noauth, block_storage_endpoint_override: "http://b.test:8776", auth: {project_id: bbbb0000bbbb0000bbbb0000bbbb0000}}\n',
    );
    const { agent } = newAgent();
    interceptVersions(agent.get('http://a.test:8776'));
    interceptVersions(agent.get('http://b.test:8776'));
    agent.get('http://a.test:8776').intercept({ path: '/v3/aaaa0000aaaa0000aaaa0000aaaa0000/types?is_public=None', method: 'GET' }).reply(200, TYPES);
    agent.get('http://b.test:8776').intercept({ path: '/v3/bbbb0000bbbb0000bbbb0000bbbb0000/types?is_public=None', method: 'GET' }).reply(200, TYPES);
    agent.get('http://b.test:8776').intercept({ path: '/v3/bbbb0000bbbb0000bbbb0000bbbb0000/types?is_public=None', method: 'GET' }).reply(200, TYPES);
    const input = ['volume type list -f value -c Name', 'use cloud b', 'volume type list -f value -c Name', 'use cloud nope', 'volume type list -f value -c Name'];
    const result = await batch(['--no-cache', '--keep-going', '--os-cloud', 'a'], input.join('\n'), agent, {
      HOME: home,
      XDG_CONFIG_HOME: home,
    });
    expect(result.stderr).toMatch(/^ucinder: line 4: cloud 'nope' is not defined in .*clouds\.yaml \(clouds: a, b\)\n$/);
    expect(result.stdout).toBe('fast\nfast\nfast\n');
    expect(result.code).toBe(2);
    agent.assertNoPendingInterceptors();
  });

  it('`use project NAME` under Keystone resolves the name and scopes the next lines to it, with one more token', async () => {
    const { agent, keystone, cinder } = mockCloud();
    const otherId = 'bbbbccccddddeeeeffff000011112222';
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': TOKEN } });
    keystone.intercept({ path: '/v3/projects/ops', method: 'GET' }).reply(404, { error: { code: 404, message: 'not found' } });
    keystone.intercept({ path: '/v3/projects?name=ops', method: 'GET' }).reply(200, { projects: [{ id: otherId, name: 'ops', domain_id: 'default', enabled: true }] });
    keystone
      .intercept({ path: '/v3/auth/tokens', method: 'POST', body: (body) => JSON.parse(body).auth.scope?.project?.id === otherId })
      .reply(201, tokenBody({ project: { id: otherId, name: 'ops', domain: { id: 'default', name: 'Default' } }, catalog: catalog(`${CINDER}/v3/${otherId}`) }), {
        headers: { 'x-subject-token': 'token-ops' },
      });
    interceptVersions(cinder);
    cinder.intercept({ path: `/v3/${otherId}/types?is_public=None`, method: 'GET', headers: { 'x-auth-token': 'token-ops' } }).reply(200, TYPES);
    const result = await batch(['--no-cache'], 'use project ops\nvolume type list -f value -c Name\n', agent, {
      ...privateHome(),
      ...PASSWORD_ENV,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('fast\n');
    expect(result.code).toBe(0);
  });

  it('`use project ID` under noauth with the project in the endpoint rewrites the endpoint and the token too', async () => {
    const { agent } = newAgent();
    const first = 'aaaa0000aaaa0000aaaa0000aaaa0000';
    const other = 'bbbb0000bbbb0000bbbb0000bbbb0000';
    const cinder = agent.get('http://a.test:8776');
    // Another project is another session (its own discovery, under --no-cache).
    interceptVersions(cinder);
    interceptVersions(cinder);
    cinder.intercept({ path: `/v3/${first}/types?is_public=None`, method: 'GET', headers: { 'x-auth-token': `admin:${first}` } }).reply(200, TYPES);
    cinder.intercept({ path: `/v3/${other}/types?is_public=None`, method: 'GET', headers: { 'x-auth-token': `admin:${other}` } }).reply(200, TYPES);
    const input = ['volume type list -f value -c Name', `use project ${other}`, 'volume type list -f value -c Name'];
    const result = await batch(['--no-cache'], input.join('\n'), agent, {
      HOME: '/nonexistent',
      OS_ENDPOINT: `http://a.test:8776/v3/${first}`,
      OS_PROJECT_ID: first,
      OS_TOKEN: `admin:${first}`,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('fast\nfast\n');
    expect(result.code).toBe(0);
    agent.assertNoPendingInterceptors();
  });

  it('`use project NAME` under noauth is a usage error (no Keystone to look names up in) and changes nothing', async () => {
    const { agent } = newAgent();
    const first = 'aaaa0000aaaa0000aaaa0000aaaa0000';
    const cinder = agent.get('http://a.test:8776');
    interceptVersions(cinder);
    cinder.intercept({ path: `/v3/${first}/types?is_public=None`, method: 'GET' }).reply(200, TYPES);
    const result = await batch(['--no-cache', '--keep-going'], 'use project nosuchproj\nvolume type list -f value -c Name\n', agent, {
      HOME: '/nonexistent',
      OS_ENDPOINT: `http://a.test:8776/v3/${first}`,
    });
    expect(result.stderr).toBe(
      "ucinder: line 1: use project 'nosuchproj' is not a project ID, and with --os-auth-type noauth there is no Keystone to look project names up in: pass the project's ID\n",
    );
    expect(result.stdout).toBe('fast\n');
    expect(result.code).toBe(2);
    agent.assertNoPendingInterceptors();
  });

  it('a session that could not open is opened again by the next line: a shell outlives a cloud that did not answer', async () => {
    const { agent } = newAgent();
    const cinder = agent.get('http://a.test:8776');
    // Cinder not up yet: the first line's discovery refused (a refused connection is not retried).
    cinder.intercept({ path: '/', method: 'GET' }).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    interceptVersions(cinder);
    cinder.intercept({ path: '/v3/aaaa0000aaaa0000aaaa0000aaaa0000/types?is_public=None', method: 'GET' }).reply(200, TYPES);
    const line = 'volume type list -f value -c Name';
    const result = await batch(['--no-cache', '--keep-going'], `${line}\n${line}\n`, agent, {
      HOME: '/nonexistent',
      OS_ENDPOINT: 'http://a.test:8776',
      OS_PROJECT_ID: 'aaaa0000aaaa0000aaaa0000aaaa0000',
    });
    expect(result.stderr).toMatch(/^ucinder: line 1: cannot reach GET http:\/\/a\.test:8776\/[^\n]*\n$/);
    expect(result.stdout).toBe('fast\n');
    expect(result.code).toBe(1);
    agent.assertNoPendingInterceptors();
  });

  it('`use` with the wrong words is a usage error', async () => {
    const { agent } = newAgent();
    const result = await batch(['--no-cache'], 'use volume x\n', agent, { HOME: '/nonexistent', OS_ENDPOINT: 'http://a.test:8776', OS_PROJECT_ID: 'p' });
    expect(result.stderr).toBe('ucinder: line 1: usage: use cloud NAME | use project NAME|ID\n');
    expect(result.code).toBe(2);
  });
});
