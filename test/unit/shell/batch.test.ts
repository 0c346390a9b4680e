import { PassThrough, Readable } from 'node:stream';
import type { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { transportFor } from '../../../src/http/transport.js';
import { main } from '../../../src/main.js';
import { bufferIOStreams } from '../../../src/output/iostreams.js';
import { mockCloud, NOW, PASSWORD_ENV, PROJECT_ID, privateHome, TOKEN, tokenBody } from '../auth/keystone-helpers.js';
import { BASE_PATH, ENDPOINT_ROOT, interceptVersions, mockCinderPerTest, PROJECT, run } from '../helpers/harness.js';

const VOLUME_IDS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

function volume(id: string, name: string) {
  return { id, name, status: 'available', size: 1, attachments: [], metadata: {}, bootable: 'false', volume_type: '__DEFAULT__' };
}

/** Runs `ucinder ARGV` with `input` on a standard input that is not a terminal: batch mode. */
async function batch(argv: string[], input: string, agent: MockAgent, env: Record<string, string | undefined>, now = () => NOW) {
  const streams = bufferIOStreams();
  const io = { ...streams.io, console: { input: Readable.from([input]), output: new PassThrough(), inputIsTTY: false } };
  // The test owns the agent (see harness.run).
  const transport = { send: transportFor(agent).send, close: async () => undefined };
  const code = await main(argv, { io, env, transport, now, sleep: async () => undefined });
  return { code, stdout: streams.stdout(), stderr: streams.stderr() };
}

const NOAUTH_ENV = { OS_ENDPOINT: ENDPOINT_ROOT, OS_PROJECT_ID: PROJECT, HOME: '/nonexistent' };

describe('batch mode: one session for every line', () => {
  it('three lines authenticate once and discover the API once', async () => {
    const { agent, keystone, cinder } = mockCloud();
    keystone.intercept({ path: '/v3/auth/tokens', method: 'POST' }).reply(201, tokenBody(), { headers: { 'x-subject-token': TOKEN } });
    interceptVersions(cinder);
    for (const [index, id] of VOLUME_IDS.entries()) {
      cinder.intercept({ path: `/v3/${PROJECT_ID}/volumes/${id}`, method: 'GET' }).reply(200, { volume: volume(id, `v${index}`) });
    }
    const input = VOLUME_IDS.map((id) => `volume show ${id} -f value -c name`).join('\n');
    const result = await batch(['--no-cache'], `${input}\n`, agent, { ...privateHome(), ...PASSWORD_ENV });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('v0\nv1\nv2\n');
    // mockCloud() checks every stub was used; a second token or discovery request would find no stub and fail its line.
  });
});

describe('batch mode: the session outlives its token', () => {
  function issue(keystone: ReturnType<typeof mockCloud>['keystone'], token: string, expiresAt: number) {
    keystone
      .intercept({ path: '/v3/auth/tokens', method: 'POST' })
      .reply(201, tokenBody({ expires_at: new Date(expiresAt).toISOString() }), { headers: { 'x-subject-token': token } });
  }

  it('a token about to expire is renewed before the next line', async () => {
    const { agent, keystone, cinder } = mockCloud();
    let clock = NOW;
    issue(keystone, 'token-1', NOW + 3600_000);
    issue(keystone, 'token-2', NOW + 7200_000);
    interceptVersions(cinder);
    // Each line's request is only answered with the token named here.
    for (const [index, id] of VOLUME_IDS.slice(0, 2).entries()) {
      cinder.intercept({ path: `/v3/${PROJECT_ID}/volumes/${id}`, method: 'GET', headers: { 'x-auth-token': `token-${index + 1}` } }).reply(200, () => {
        // The first line takes 59 minutes: token-1 is within its last two minutes when the second starts.
        clock += 59 * 60_000;
        return { volume: volume(id, `v${index}`) };
      });
    }
    const input = VOLUME_IDS.slice(0, 2)
      .map((id) => `volume show ${id} -f value -c name`)
      .join('\n');
    const result = await batch(['--no-cache'], input, agent, { ...privateHome(), ...PASSWORD_ENV }, () => clock);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('v0\nv1\n');
    expect(result.code).toBe(0);
  });

  it('a 401 on a token kept for a while gets one fresh token and one retry', async () => {
    const { agent, keystone, cinder } = mockCloud();
    let clock = NOW;
    issue(keystone, 'token-1', NOW + 3600_000);
    issue(keystone, 'token-2', NOW + 3600_000);
    interceptVersions(cinder);
    const [first, second] = VOLUME_IDS;
    cinder.intercept({ path: `/v3/${PROJECT_ID}/volumes/${first}`, method: 'GET' }).reply(200, () => {
      clock += 5 * 60_000;
      return { volume: volume(first!, 'v0') };
    });
    // Revoked in the meantime.
    cinder
      .intercept({ path: `/v3/${PROJECT_ID}/volumes/${second}`, method: 'GET', headers: { 'x-auth-token': 'token-1' } })
      .reply(401, { error: { message: 'The request you have made requires authentication.' } });
    cinder.intercept({ path: `/v3/${PROJECT_ID}/volumes/${second}`, method: 'GET', headers: { 'x-auth-token': 'token-2' } }).reply(200, { volume: volume(second!, 'v1') });
    const input = [first, second].map((id) => `volume show ${id} -f value -c name`).join('\n');
    const result = await batch(['--no-cache'], input, agent, { ...privateHome(), ...PASSWORD_ENV }, () => clock);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('v0\nv1\n');
  });
});

describe('batch mode: lines, failures and --keep-going', () => {
  const mock = mockCinderPerTest();

  function stubShow(index: number, status = 200) {
    const id = VOLUME_IDS[index]!;
    mock.pool
      .intercept({ path: `${BASE_PATH}/volumes/${id}`, method: 'GET' })
      .reply(status, status === 200 ? { volume: volume(id, `v${index}`) } : { itemNotFound: { code: 404, message: `Volume ${id} could not be found.` } });
  }

  it('prints exactly what the same commands print one by one; blank lines and comments are skipped', async () => {
    interceptVersions(mock.pool);
    stubShow(0);
    stubShow(1);
    const lines = [`volume show ${VOLUME_IDS[0]}`, '', '   # a comment', `volume show ${VOLUME_IDS[1]} -f json  # trailing comment`];
    const together = await batch(['--no-cache'], lines.join('\n'), mock.agent, NOAUTH_ENV);
    expect(together.stderr).toBe('');
    expect(together.code).toBe(0);
    mock.renew();

    interceptVersions(mock.pool);
    stubShow(0);
    const first = await run(['volume', 'show', VOLUME_IDS[0]!], mock.agent);
    mock.renew();
    interceptVersions(mock.pool);
    stubShow(1);
    const second = await run(['volume', 'show', VOLUME_IDS[1]!, '-f', 'json'], mock.agent);
    expect(together.stdout).toBe(first.stdout + second.stdout);
    expect(together.stdout).toContain('| name ');
  });

  it('a flag given on one line does not carry over to the next (the command tree is reused)', async () => {
    const lines = [['-f', 'json'], [], ['-c', 'name', '-f', 'value'], [], ['-c', 'size'], []];
    interceptVersions(mock.pool);
    for (const _ of lines) stubShow(0);
    const input = lines.map((flags) => ['volume', 'show', VOLUME_IDS[0], ...flags].join(' ')).join('\n');
    const together = await batch(['--no-cache'], input, mock.agent, NOAUTH_ENV);
    expect(together.stderr).toBe('');
    let oneByOne = '';
    for (const flags of lines) {
      mock.renew();
      interceptVersions(mock.pool);
      stubShow(0);
      oneByOne += (await run(['volume', 'show', VOLUME_IDS[0]!, ...flags], mock.agent)).stdout;
    }
    expect(together.stdout).toBe(oneByOne);
  });

  it("stops at the first failing line, naming it, with that command's exit code", async () => {
    interceptVersions(mock.pool);
    stubShow(0);
    stubShow(1, 404);
    const input = [`volume show ${VOLUME_IDS[0]} -f value -c name`, `volume show ${VOLUME_IDS[1]}`, `volume show ${VOLUME_IDS[2]}`].join('\n');
    const result = await batch(['--no-cache'], input, mock.agent, NOAUTH_ENV);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('v0\n');
    expect(result.stderr).toMatch(/^ucinder: line 2: .*22222222-2222-4222-8222-222222222222/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a usage error stops the run with exit code 2', async () => {
    const result = await batch(['--no-cache'], '# nothing yet\nvolume list --no-such-flag\nvolume list\n', mock.agent, NOAUTH_ENV);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("ucinder: line 2: unknown option '--no-such-flag'\n");
  });

  it('--keep-going runs every line; the exit code says one failed', async () => {
    interceptVersions(mock.pool);
    stubShow(0, 404);
    stubShow(1);
    const input = [`volume show ${VOLUME_IDS[0]}`, 'volume show "unterminated', `volume show ${VOLUME_IDS[1]} -f value -c name`].join('\n');
    const result = await batch(['--no-cache', '--keep-going'], input, mock.agent, NOAUTH_ENV);
    expect(result.stdout).toBe('v1\n');
    expect(result.stderr).toMatch(/^ucinder: line 1: .*11111111/);
    expect(result.stderr).toContain('ucinder: line 2: unterminated double quote\n');
    expect(result.code).toBe(1);
  });

  it('--keep-going with no failure exits 0, and `exit` ends the batch', async () => {
    interceptVersions(mock.pool);
    stubShow(0);
    const result = await batch(['--keep-going', '--no-cache'], `volume show ${VOLUME_IDS[0]} -f value -c name\nexit\nvolume list\n`, mock.agent, NOAUTH_ENV);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('v0\n');
  });

  it('`shell` at a line is refused: the batch is the shell already', async () => {
    const result = await batch(['--no-cache', 'shell'], 'shell\n', mock.agent, NOAUTH_ENV);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ucinder: line 1: already in the ucinder shell\n');
  });
});
