import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockAgent } from 'undici';
import { transportFor } from '../../../src/http/transport.js';
import { main } from '../../../src/main.js';
import { bufferIOStreams } from '../../../src/output/iostreams.js';
import { ENDPOINT_ROOT, PROJECT } from './cli.js';

export { BASE_PATH, ENDPOINT_ROOT, PROJECT, interceptVersions, mockCinder } from './cli.js';

export type MockPool = ReturnType<MockAgent['get']>;

export interface RunOptions {
  /** Environment on top of OS_ENDPOINT/OS_PROJECT_ID/HOME defaults; `undefined` removes a default. */
  env?: Record<string, string | undefined>;
  /** Keep the on-disk discovery cache (runCli of cli.ts always passes --no-cache). */
  cache?: boolean;
  /** No transport at all: main builds the real one (only for failures before any request). */
  realTransport?: boolean;
  now?: () => number;
  /** Records every injected sleep, in milliseconds. */
  sleeps?: number[];
  /** Ctrl-C, as entry.ts wires it. */
  signal?: AbortSignal;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Like runCli of cli.ts, with the knobs the core's tests need: the discovery
 * cache, an injected clock, and a record of every sleep.
 */
export async function run(argv: string[], agent: MockAgent, options: RunOptions = {}): Promise<RunResult> {
  const streams = bufferIOStreams();
  const sleeps = options.sleeps ?? [];
  const env: Record<string, string | undefined> = {
    OS_ENDPOINT: ENDPOINT_ROOT,
    OS_PROJECT_ID: PROJECT,
    HOME: '/nonexistent',
    ...options.env,
  };
  const code = await main(options.cache ? argv : ['--no-cache', ...argv], {
    io: streams.io,
    env,
    transport: options.realTransport ? undefined : transportFor(agent),
    now: options.now,
    signal: options.signal,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  });
  return { code, stdout: streams.stdout(), stderr: streams.stderr() };
}

/** A fresh MockAgent refusing real connections, for `run`. */
export function newAgent(): { agent: MockAgent; pool: MockPool } {
  const agent = new MockAgent();
  agent.disableNetConnect();
  return { agent, pool: agent.get(ENDPOINT_ROOT) };
}

/**
 * One MockAgent per run (main() closes the transport when it returns):
 * `renew()` checks that the last run used every stub and starts a fresh
 * agent; call it between runs and after each test.
 */
export function agentPerRun(): { agent: MockAgent; pool: MockPool; renew: () => void } {
  const mock = {
    ...newAgent(),
    renew: () => {
      mock.agent.assertNoPendingInterceptors();
      Object.assign(mock, newAgent());
    },
  };
  return mock;
}

/** A temporary directory removed by the returned cleanup function. */
export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `ucinder-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A request body as the mock saw it, parsed. */
export function jsonBody(body: unknown): unknown {
  return JSON.parse(String(body));
}
