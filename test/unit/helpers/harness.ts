import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockAgent } from 'undici';
import { afterEach, beforeEach } from 'vitest';
import type { FactoryDeps } from '../../../src/cli/factory.js';
import { transportFor } from '../../../src/http/transport.js';
import { main } from '../../../src/main.js';
import { bufferIOStreams } from '../../../src/output/iostreams.js';

/**
 * The one way unit tests run ucinder: in-process through main(), against an
 * undici MockAgent, with every Factory injection point open to the test.
 */

export const ENDPOINT_ROOT = 'http://cinder.test:8776';
export const PROJECT = '0123456789abcdef0123456789abcdef';
export const BASE_PATH = `/v3/${PROJECT}`;

export type MockPool = ReturnType<MockAgent['get']>;

/** A fresh MockAgent refusing real connections; register Cinder's intercepts on `pool`. */
export function newAgent(): { agent: MockAgent; pool: MockPool } {
  const agent = new MockAgent();
  agent.disableNetConnect();
  return { agent, pool: agent.get(ENDPOINT_ROOT) };
}

export interface MockCinder {
  readonly agent: MockAgent;
  readonly pool: MockPool;
  /** Checks that every stub of the current mock was used, then starts a fresh one (main() closes its agent). */
  renew(): void;
  /** Drops the current mock unchecked: for a test that leaves a stub unused on purpose and says so. */
  discard(): void;
}

/**
 * A fresh mock for every test of the calling suite, checked after each test
 * with assertNoPendingInterceptors(): a stub a test registered but never
 * triggered fails it.
 */
export function mockCinderPerTest(): MockCinder {
  let current = newAgent();
  const mock: MockCinder = {
    get agent() {
      return current.agent;
    },
    get pool() {
      return current.pool;
    },
    renew() {
      current.agent.assertNoPendingInterceptors();
      current = newAgent();
    },
    discard() {
      current = newAgent();
    },
  };
  afterEach(() => mock.renew());
  return mock;
}

/** Answers the unauthenticated version discovery `GET /`. */
export function interceptVersions(pool: MockPool, max = '3.70', min = '3.0') {
  pool.intercept({ path: '/', method: 'GET' }).reply(300, { versions: [{ id: 'v3.0', status: 'CURRENT', version: max, min_version: min }] });
}

export interface RunOptions extends Pick<FactoryDeps, 'now' | 'signal' | 'runner' | 'deviceProbe' | 'hostFacts' | 'confirm'> {
  /** Environment on top of OS_ENDPOINT/OS_PROJECT_ID/HOME defaults; `undefined` removes a default. */
  env?: Record<string, string | undefined>;
  /** Keep the on-disk caches (discovery, token); otherwise `--no-cache` comes first. */
  cache?: boolean;
  /** No transport at all: main builds the real one (only for failures before any request, or a real server). */
  realTransport?: boolean;
  /** Records every injected sleep, in milliseconds. */
  sleeps?: number[];
  /** stdout is a terminal this many columns wide (default: a pipe). */
  terminalColumns?: number;
  /** What a sleep does after it is recorded (default: return at once), e.g. press Ctrl-C during a pause. */
  sleep?: (ms: number) => Promise<void>;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one ucinder invocation through main() against `agent`, with buffered
 * streams and noauth defaults; sleeps return at once (recorded in `sleeps`).
 */
export async function run(argv: string[], agent: MockAgent, options: RunOptions = {}): Promise<RunResult> {
  const { env, cache, realTransport, sleeps = [], sleep, terminalColumns, ...injected } = options;
  const streams = bufferIOStreams(terminalColumns === undefined ? {} : { stdoutIsTTY: true, columns: terminalColumns });
  // The test owns the agent: main() must not close it, or its pending
  // interceptors vanish and assertNoPendingInterceptors() can no longer fail.
  const transport = { send: transportFor(agent).send, close: async () => undefined };
  const code = await main(cache ? argv : ['--no-cache', ...argv], {
    ...injected,
    io: streams.io,
    env: { OS_ENDPOINT: ENDPOINT_ROOT, OS_PROJECT_ID: PROJECT, HOME: '/nonexistent', ...env },
    transport: realTransport ? undefined : transport,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      await sleep?.(ms);
    },
  });
  return { code, stdout: streams.stdout(), stderr: streams.stderr() };
}

const tempDirs: string[] = [];

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

/** A fresh directory under the system's temp dir, removed when the test process exits. */
export function tempDir(prefix: string): string {
  if (tempDirs.length === 0) {
    process.once('exit', () => {
      for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
    });
  }
  const path = mkdtempSync(join(tmpdir(), `ucinder-${prefix}-`));
  tempDirs.push(path);
  return path;
}

/** A request body as the mock saw it, parsed. */
export function jsonBody(body: unknown): unknown {
  return JSON.parse(String(body));
}

/**
 * Stubs `method` on Cinder's `path` (below BASE_PATH) and hands each request's
 * parsed body (undefined when it has none) to `seen`, for asserting what was
 * sent and in which order.
 */
export function stubRecording(pool: MockPool, method: string, path: string, seen: (body: unknown) => void, status = 200, reply: object | string = {}): void {
  pool.intercept({ path: `${BASE_PATH}${path}`, method }).reply(status, (options) => {
    seen(options.body === undefined || options.body === null ? undefined : jsonBody(options.body));
    return reply;
  });
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

/**
 * A log of the requests made to the stubs that `record` registers on the
 * suite's mock (path below BASE_PATH, body parsed), emptied before each test.
 */
export function recordedRequests(mock: MockCinder) {
  const calls: RecordedRequest[] = [];
  beforeEach(() => {
    calls.length = 0;
  });
  const record = (method: string, path: string, status: number, reply: object | string) =>
    stubRecording(mock.pool, method, path, (body) => calls.push({ method, path, body }), status, reply);
  return { calls, record };
}
