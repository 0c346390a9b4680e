import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { privateHome as isolatedHome, ucinder, type Run } from '../../support/ucinder-process.js';
import { testbedEnv } from '../../support/testbed.js';

/**
 * The openstack client and ucinder run side by side against the same test
 * bed, so a parity test compares what each prints for the same command.
 * By default (noauthPeers) openstack authenticates with admin_token (the
 * test bed's noauth token); it always gets a clean environment: ucinder's
 * OS_* variables would confuse it.
 */
export interface SideBySide {
  ucinder(args: string[]): Promise<Run>;
  openstack(args: string[]): Promise<Run>;
  /** Both with `-f json`; fails the test when either exits non-zero. */
  json(args: string[]): Promise<{ ours: unknown; theirs: unknown }>;
  /** Both with the same arguments (e.g. `-f value -c ID`); fails on a non-zero exit. */
  text(args: string[]): Promise<{ ours: string; theirs: string }>;
}

/** How each side reaches the test bed. */
export interface Peers {
  /** ucinder's environment: OS_* settings and a private home. */
  ucinderEnv: Record<string, string | undefined>;
  /** openstack's global options (auth, or --os-cloud NAME). */
  openstackArgs: readonly string[];
  /** openstack's HOME (holds ~/.config/openstack/clouds.yaml when the peers use one). */
  openstackHome: string;
}

/** Both on the noauth Cinder of testbed.sh (the default). */
export function noauthPeers(): Peers {
  const env = { ...testbedEnv(), ...isolatedHome() };
  const endpoint = `${env.OS_ENDPOINT}/v3/${env.OS_PROJECT_ID}`;
  return {
    ucinderEnv: env,
    openstackArgs: ['--os-auth-type', 'admin_token', '--os-endpoint', endpoint, '--os-token', `admin:${env.OS_PROJECT_ID}`],
    openstackHome: mkdtempSync(join(tmpdir(), 'ucinder-osc-')),
  };
}

export function sideBySide(peers: Peers = noauthPeers()): SideBySide {
  const openstack = (args: string[]) => runProgram('openstack', [...peers.openstackArgs, ...args], { PATH: process.env.PATH, HOME: peers.openstackHome, LANG: 'C.UTF-8' });
  const ours = (args: string[]) => ucinder(args, peers.ucinderEnv);
  const both = async (args: string[]) => {
    const [mine, theirs] = await Promise.all([ours(args), openstack(args)]);
    expect(theirs.stderr, `openstack ${args.join(' ')}`).not.toMatch(/Traceback/);
    expect(theirs.code, `openstack ${args.join(' ')}: ${theirs.stderr}`).toBe(0);
    expect(mine.code, `ucinder ${args.join(' ')}: ${mine.stderr}`).toBe(0);
    return { mine, theirs };
  };
  return {
    ucinder: ours,
    openstack,
    async json(args) {
      const { mine, theirs } = await both([...args, '-f', 'json']);
      return { ours: JSON.parse(mine.stdout), theirs: JSON.parse(theirs.stdout) };
    },
    async text(args) {
      const { mine, theirs } = await both(args);
      return { ours: mine.stdout, theirs: theirs.stdout };
    },
  };
}

function runProgram(program: string, args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

type Row = Record<string, unknown>;

export interface Compare {
  /** Fields whose values legitimately differ between two reads (timestamps, heartbeats). */
  ignoreValues?: readonly string[];
}

/**
 * A `show`: every key openstack prints, ucinder prints too, in the same
 * order (ucinder may add keys of its own), with the same JSON values.
 */
export function expectSameRecord(ours: unknown, theirs: unknown, compare: Compare = {}): void {
  const mine = ours as Row;
  const their = theirs as Row;
  expect(typeof mine, 'ucinder printed one record').toBe('object');
  const theirKeys = Object.keys(their);
  expect(
    theirKeys.filter((key) => !(key in mine)),
    'keys openstack has and ucinder lacks',
  ).toEqual([]);
  expect(
    Object.keys(mine).filter((key) => key in their),
    'the shared keys in the same order',
  ).toEqual(theirKeys);
  for (const key of theirKeys) {
    if (compare.ignoreValues?.includes(key)) continue;
    expect(mine[key], `value of '${key}'`).toEqual(their[key]);
  }
}

/**
 * A `list`: openstack's columns first and in its order (ucinder's own
 * columns only after them), the same rows (matched by `key`), the same values.
 */
export function expectSameListing(ours: unknown, theirs: unknown, key: string, compare: Compare = {}): void {
  const mine = ours as Row[];
  const their = theirs as Row[];
  expect(Array.isArray(mine), 'ucinder printed a list').toBe(true);
  expect(their.length, 'openstack listed something to compare').toBeGreaterThan(0);
  const theirColumns = Object.keys(their[0]!);
  expect(Object.keys(mine[0] ?? {}).slice(0, theirColumns.length), "openstack's columns, first and in order").toEqual(theirColumns);
  for (const row of their) {
    const match = mine.find((candidate) => candidate[key] === row[key]);
    expect(match, `ucinder lists the row with ${key} ${String(row[key])}`).toBeDefined();
    for (const column of theirColumns) {
      if (compare.ignoreValues?.includes(column)) continue;
      expect(match![column], `${key} ${String(row[key])}: column '${column}'`).toEqual(row[column]);
    }
  }
}

/** The csv header of both: ucinder's starts with openstack's columns (works for empty lists too). */
export function csvHeader(text: string): string {
  return text.split('\n')[0]!;
}
