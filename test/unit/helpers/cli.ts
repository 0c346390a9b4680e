import { MockAgent } from 'undici';
import { transportFor } from '../../../src/http/transport.js';
import { main } from '../../../src/main.js';
import { bufferIOStreams } from '../../../src/output/iostreams.js';

export const ENDPOINT_ROOT = 'http://cinder.test:8776';
export const PROJECT = '0123456789abcdef0123456789abcdef';
export const BASE_PATH = `/v3/${PROJECT}`;

/** A MockAgent that refuses real connections; register intercepts on `pool`. */
export function mockCinder() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(ENDPOINT_ROOT);
  return { agent, pool };
}

/** Answers the unauthenticated version discovery `GET /`. */
export function interceptVersions(pool: ReturnType<MockAgent['get']>, max = '3.70', min = '3.0') {
  pool
    .intercept({ path: '/', method: 'GET' })
    .reply(300, { versions: [{ id: 'v3.0', status: 'CURRENT', version: max, min_version: min }] });
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs ucinder in-process against the mock, with no discovery cache. */
export async function runCli(
  argv: string[],
  agent: MockAgent,
  env: Record<string, string | undefined> = {},
): Promise<RunResult> {
  const streams = bufferIOStreams();
  const code = await main(['--no-cache', ...argv], {
    io: streams.io,
    env: { OS_ENDPOINT: ENDPOINT_ROOT, OS_PROJECT_ID: PROJECT, HOME: '/nonexistent', ...env },
    transport: transportFor(agent),
    sleep: async () => undefined,
  });
  return { code, stdout: streams.stdout(), stderr: streams.stderr() };
}
