import { describe, expect, it } from 'vitest';
import { apiRequests, faults, faultEnv, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { privateHome, ucinder } from '../support/ucinder-process.js';
import { lines, STACK_TRACE } from './helpers/output.js';

/**
 * The bad-input table: every case runs bin/ucinder against a recording
 * server. Invalid input must exit 2 with one line naming the problem, no
 * stack trace, and not one request (discovery `GET /` included).
 */
interface Case {
  argv: string[];
  /** What the one-line message must contain. */
  message: string;
}

const LONG_NAME = 'a'.repeat(256);
const LONG_UNICODE_NAME = 'é'.repeat(256);

const invalid: Case[] = [
  // sizes
  { argv: ['volume', 'create', '--size', '0', 'v'], message: "'--size <GiB>' argument '0' is invalid. expected a positive whole number" },
  { argv: ['volume', 'create', '--size', '-1', 'v'], message: "argument '-1' is invalid" },
  { argv: ['volume', 'create', '--size', 'abc', 'v'], message: "argument 'abc' is invalid. expected a positive whole number" },
  { argv: ['volume', 'create', '--size', '1.5', 'v'], message: "argument '1.5' is invalid" },
  { argv: ['volume', 'create', '--size', '99999999999999999999', 'v'], message: "argument '99999999999999999999' is invalid" },
  { argv: ['volume', 'create', 'v'], message: '--size is required unless --snapshot, --source or --backup is given' },
  { argv: ['volume', 'set', 'v', '--size', '0'], message: "'--size <GiB>' argument '0' is invalid" },
  // names
  { argv: ['volume', 'create', '--size', '1', ''], message: 'a name cannot be empty' },
  { argv: ['volume', 'create', '--size', '1', '   '], message: 'a name cannot be empty' },
  { argv: ['volume', 'create', '--size', '1', LONG_NAME], message: 'a name is at most 255 characters (got 256)' },
  { argv: ['volume', 'create', '--size', '1', LONG_UNICODE_NAME], message: 'a name is at most 255 characters (got 256)' },
  { argv: ['volume', 'type', 'create', ''], message: 'a name cannot be empty' },
  // unknown flags and commands, missing arguments
  { argv: ['volume', 'create', '--size', '1', '--bogus', 'v'], message: "unknown option '--bogus'" },
  { argv: ['volume', 'list', '--frobnicate'], message: "unknown option '--frobnicate'" },
  { argv: ['volume', 'frobnicate'], message: "unknown command 'frobnicate'" },
  { argv: ['frobnicate'], message: "unknown command 'frobnicate'" },
  { argv: ['volume', 'show'], message: "missing required argument 'volume'" },
  { argv: ['volume', 'delete'], message: "missing required argument 'volume'" },
  { argv: ['volume', 'snapshot', 'create'], message: "missing required argument 'name'" },
  { argv: ['volume', 'service', 'set'], message: "missing required argument 'host'" },
  { argv: ['volume', 'set', 'v'], message: 'nothing to change: give at least one of --name' },
  // conflicting flags
  { argv: ['volume', 'create', '--size', '1', '--bootable', '--non-bootable', 'v'], message: "option '--bootable' cannot be used with option '--non-bootable'" },
  { argv: ['volume', 'create', '--size', '1', '--image', 'i', '--snapshot', 's', 'v'], message: "cannot be used with option '--snapshot <snapshot>'" },
  { argv: ['volume', 'list', '--sort-ascending', '--sort-descending'], message: "option '--sort-ascending' cannot be used with option '--sort-descending'" },
  // malformed --property
  { argv: ['volume', 'create', '--size', '1', '--property', 'novalue', 'v'], message: "expected key=value, got 'novalue'" },
  { argv: ['volume', 'create', '--size', '1', '--property', '=v', 'v'], message: "expected key=value, got '=v'" },
  { argv: ['volume', 'set', 'v', '--property', 'bad'], message: "expected key=value, got 'bad'" },
  { argv: ['volume', 'type', 'create', '--property', 'bad', 't'], message: "expected key=value, got 'bad'" },
  // formats and columns
  { argv: ['volume', 'create', '--size', '1', '-f', 'xml', 'v'], message: "argument 'xml' is invalid. Allowed choices are table, json, yaml, value, shell" },
  { argv: ['volume', 'create', '--size', '1', '-f', 'csv', 'v'], message: "argument 'csv' is invalid" },
  { argv: ['volume', 'list', '-f', 'shell'], message: "argument 'shell' is invalid. Allowed choices are table, json, yaml, value, csv" },
  { argv: ['volume', 'show', 'v', '-c', 'status', '-f', 'xml'], message: "argument 'xml' is invalid" },
  { argv: ['volume', 'list', '--quote', 'bogus'], message: "argument 'bogus' is invalid. Allowed choices are all, minimal, none, nonnumeric" },
  { argv: ['volume', 'list', '-c', 'Nope'], message: "unknown column 'Nope': choose from 'ID', 'Name', 'Status', 'Size', 'Attached to'" },
  { argv: ['volume', 'list', '--long', '-c', 'Nope'], message: "unknown column 'Nope': choose from 'ID', 'Name', 'Status', 'Size', 'Type'" },
  { argv: ['volume', 'list', '--sort-column', 'Nope'], message: "unknown sort column 'Nope'" },
  { argv: ['volume', 'service', 'list', '-c', 'Nope'], message: "unknown column 'Nope': choose from 'Binary'" },
  { argv: ['volume', 'type', 'list', '-c', 'Nope'], message: "unknown column 'Nope'" },
  { argv: ['volume', 'snapshot', 'list', '-c', 'Nope'], message: "unknown column 'Nope'" },
  // limits, counts, timeouts
  { argv: ['volume', 'list', '--limit', '0'], message: "'--limit <n>' argument '0' is invalid" },
  { argv: ['volume', 'list', '--limit', 'x'], message: "'--limit <n>' argument 'x' is invalid" },
  { argv: ['volume', 'delete', 'v', '--concurrency', '0'], message: "'--concurrency <n>' argument '0' is invalid" },
  { argv: ['volume', 'delete', 'v', '--wait-timeout', '-5'], message: "'--wait-timeout <seconds>' argument '-5' is invalid" },
  { argv: ['volume', 'create', '--size', '1', '--wait-timeout', '0', 'v'], message: "'--wait-timeout <seconds>' argument '0' is invalid" },
  { argv: ['--timeout', '0', 'volume', 'list'], message: "invalid --timeout '0': expected a positive number of seconds" },
  { argv: ['--timeout', 'abc', 'volume', 'list'], message: "invalid --timeout 'abc'" },
  // microversions
  { argv: ['--os-volume-api-version', '2.0', 'volume', 'list'], message: '--os-volume-api-version 2.0 is not supported' },
  { argv: ['--os-volume-api-version', '3.x', 'volume', 'list'], message: "invalid --os-volume-api-version '3.x'" },
  { argv: ['--os-volume-api-version', '4.1', 'volume', 'list'], message: '--os-volume-api-version 4.1 is not supported' },
  { argv: ['--os-volume-api-version', '3.999', 'volume', 'list'], message: '--os-volume-api-version 3.999 is not supported' },
  // this host's connections
  { argv: ['connect', 'v', '--all'], message: 'give either a volume or --all, not both' },
  { argv: ['connect', '--all', '--attach'], message: '--all reconnects what was connected and keeps what Cinder was told' },
  { argv: ['connect', '--all', '--device-timeout', '0'], message: "'--device-timeout <seconds>' argument '0' is invalid" },
  { argv: ['disconnect', 'v', '--device', '/dev/sdb'], message: 'give one of: a volume, --device DEVICE or --all' },
  { argv: ['disconnect', '--all', '--device', '/dev/sdb'], message: 'give one of: a volume, --device DEVICE or --all' },
  { argv: ['connection', 'check', '--yes'], message: '--yes only goes with --fix' },
  { argv: ['connection', 'check', '-c', 'Nope'], message: "unknown column 'Nope': choose from 'Check', 'Volume'" },
  // connection settings
  { argv: ['--os-auth-type', 'bogus', 'volume', 'list'], message: "argument 'bogus' is invalid. Allowed choices are noauth" },
  { argv: ['--os-endpoint', 'not a url', 'volume', 'list'], message: "invalid --os-endpoint 'not a url'" },
  { argv: ['--os-cacert', '/nonexistent/ca.pem', 'volume', 'list'], message: "cannot read --os-cacert '/nonexistent/ca.pem'" },
];

/**
 * Input that is well formed but names things that do not exist: the server
 * is asked (so requests are expected), and the answer is one clear line.
 */
interface ServerCase extends Case {
  code: number;
  /** Requests that must never be sent for this input. */
  neverMethod?: string;
  /** A request URL that must have been sent (checks encoding). */
  sentUrl?: string;
  /** The exact API requests, "METHOD path-suffix", in order. */
  requests?: string[];
}

const NIL_UUID = '00000000-0000-4000-8000-000000000000';
const answeredByServer: ServerCase[] = [
  { argv: ['volume', 'show', NIL_UUID], code: 1, message: `No volume with a name or ID of '${NIL_UUID}' exists.` },
  // An ID-shaped argument is deleted by ID at once (exactly what a GET by ID
  // would have found); on 404 the name lookup follows, and nothing else is deleted.
  {
    argv: ['volume', 'delete', NIL_UUID],
    code: 1,
    message: `No volume with a name or ID of '${NIL_UUID}' exists.`,
    requests: [`DELETE /volumes/${NIL_UUID}`, `GET /volumes/${NIL_UUID}`, `GET /volumes/detail?name=${NIL_UUID}`],
  },
  { argv: ['volume', 'show', 'ボリューム'], code: 1, message: "No volume with a name or ID of 'ボリューム' exists.", sentUrl: '/volumes/%E3%83%9C' },
  { argv: ['volume', 'show', 'a/../../b'], code: 1, message: "No volume with a name or ID of 'a/../../b' exists.", sentUrl: '/volumes/a%2F..%2F..%2Fb' },
  {
    argv: ['volume', 'delete', '$(touch /tmp/ucinder-pwned); x'],
    code: 1,
    message: "No volume with a name or ID of '$(touch /tmp/ucinder-pwned); x' exists.",
    neverMethod: 'DELETE',
  },
  { argv: ['volume', 'create', '--size', '1', '--type', 'no-such-type', 'v'], code: 1, message: 'Volume type with name no-such-type could not be found.' },
  { argv: ['volume', 'show', 'vol-a', '-c', 'nope'], code: 2, message: "unknown field 'nope'" },
];

/** A fresh recording server per case, so cases can run side by side. */
async function withServer<T>(work: (server: FaultServer, env: Record<string, string>) => Promise<T>): Promise<T> {
  const server = await startFaultServer();
  try {
    return await work(server, faultEnv(server, home));
  } finally {
    await server.close();
  }
}

const home = privateHome();

describe('bad input', () => {
  it(`has at least 40 invalid cases (${invalid.length + answeredByServer.length} in all)`, () => {
    expect(invalid.length).toBeGreaterThanOrEqual(40);
  });

  it.concurrent.for(invalid.map((c) => [c.argv.join(' ').slice(0, 80), c] as const))('rejects `%s` before any request', async ([, { argv, message }], { expect }) => {
    await withServer(async (server, env) => {
      const run = await ucinder(argv, env);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(/^ucinder: /);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(server.requests).toEqual([]);
    });
  });

  it.concurrent.for(answeredByServer.map((c) => [c.argv.join(' ').slice(0, 80), c] as const))('answers `%s` in one line', async ([, testCase], { expect }) => {
    await withServer(async (server, env) => {
      server.setFault((request, response) => {
        if (request.method === 'POST' && request.url.endsWith('/volumes') && request.body.includes('no-such-type')) {
          return faults.json(response, 404, { itemNotFound: { code: 404, message: 'Volume type with name no-such-type could not be found.' } });
        }
        return false;
      });
      const run = await ucinder(testCase.argv, env);
      expect(run.code, run.stderr).toBe(testCase.code);
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(/^ucinder: /);
      expect(run.stderr).toContain(testCase.message);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      if (testCase.neverMethod) expect(apiRequests(server).map((r) => r.method)).not.toContain(testCase.neverMethod);
      if (testCase.sentUrl) expect(server.requests.some((r) => r.url.includes(testCase.sentUrl!))).toBe(true);
      if (testCase.requests) {
        const sent = apiRequests(server).map((r) => `${r.method} ${r.url}`);
        expect(sent).toHaveLength(testCase.requests.length);
        testCase.requests.forEach((expected, i) => {
          const [method, suffix] = expected.split(' ');
          expect(sent[i]!.startsWith(`${method} `) && sent[i]!.endsWith(suffix!), `${sent[i]} is not ${expected}`).toBe(true);
        });
      }
    });
  });
});
