import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.js';
import { testbedEnv } from '../support/testbed.js';
import { privateHome, ucinder, type Run } from '../support/ucinder-process.js';
import { lines, STACK_TRACE } from './helpers/output.js';

/**
 * 50 ucinder processes at once against the real Cinder test bed, sharing
 * one cache directory: creates, lists, shows, deletes and TAB completions.
 * Each succeeds or fails with one clear line; the caches stay valid.
 */
const PROCESSES = 50;

interface Job {
  kind: 'create' | 'list' | 'show' | 'delete' | 'complete';
  args: string[];
}

describe(`load: ${PROCESSES} processes in parallel against the test bed`, () => {
  const env = { ...testbedEnv(), ...privateHome() };
  const prefix = `rel-load-${process.pid}-${Math.random().toString(36).slice(2, 7)}`;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${env.OS_ENDPOINT}/v3/${env.OS_PROJECT_ID}${path}`, {
      ...init,
      headers: { 'X-Auth-Token': env.OS_TOKEN!, 'Content-Type': 'application/json', 'OpenStack-API-Version': 'volume 3.70' },
    });

  /** Volumes created through the API directly, so the 50 processes are all ucinder's; available (deletable) when this returns. */
  async function seedVolumes(count: number): Promise<string[]> {
    const seeds: string[] = [];
    for (let i = 0; i < count; i++) {
      const response = await api('/volumes', { method: 'POST', body: JSON.stringify({ volume: { name: `${prefix}-seed-${i}`, size: 1 } }) });
      if (response.status !== 202) throw new Error(`seed create failed: HTTP ${response.status}`);
      seeds.push(((await response.json()) as { volume: { id: string } }).volume.id);
    }
    const statuses = () => Promise.all(seeds.map(async (id) => ((await (await api(`/volumes/${id}`)).json()) as { volume: { status: string } }).volume.status));
    const last = await pollUntil(statuses, (all) => all.every((status) => status === 'available'), { attempts: 120 });
    if (!last.every((status) => status === 'available')) throw new Error(`seed volumes did not become available: ${last.join(', ')}`);
    return seeds;
  }

  afterEach(async () => {
    // Whatever the test did, leave none of its volumes behind (one process, waits for all),
    // once none is still being created (Cinder refuses to delete those).
    const leftovers = async () => {
      const body = (await (await api(`/volumes/detail?name~=${prefix}`)).json()) as { volumes: { id: string; name: string; status: string }[] };
      return body.volumes.filter((volume) => volume.name.startsWith(prefix));
    };
    const settled = await pollUntil(leftovers, (volumes) => volumes.every((volume) => volume.status !== 'creating'), { attempts: 120 });
    if (settled.length === 0) return;
    const run = await ucinder(['volume', 'delete', '--wait', '--wait-timeout', '300', ...settled.map((volume) => volume.id)], env);
    expect(run.code, run.stderr).toBe(0);
  });

  it('every process succeeds or fails in one clear line; the caches stay valid', { timeout: 300_000 }, async () => {
    // 1 to show, 5 to delete.
    const seeds = await seedVolumes(6);
    const created: string[] = [];
    const jobs: Job[] = [
      ...Array.from({ length: 18 }, (_, i): Job => ({ kind: 'create', args: ['volume', 'create', '--size', '1', `${prefix}-c${i}`, '-f', 'value', '-c', 'id'] })),
      ...Array.from({ length: 14 }, (_, i): Job => ({ kind: 'list', args: ['volume', 'list', ...(i % 2 ? ['--long'] : []), '-f', 'json'] })),
      ...Array.from({ length: 8 }, (_, i): Job => ({ kind: 'show', args: ['volume', 'show', i % 2 ? seeds[0]! : `${prefix}-seed-0`, '-f', 'json'] })),
      ...seeds.slice(1).map((id): Job => ({ kind: 'delete', args: ['volume', 'delete', id] })),
      ...Array.from({ length: 5 }, (): Job => ({ kind: 'complete', args: ['completion', 'names', 'volume'] })),
    ];
    expect(jobs).toHaveLength(PROCESSES);
    // Interleave kinds so every kind runs alongside every other.
    const order = jobs
      .map((job, index) => ({ job, key: (index * 7919) % PROCESSES }))
      .sort((a, b) => a.key - b.key)
      .map(({ job }) => job);
    const runs: Run[] = await Promise.all(order.map((job) => ucinder(job.args, env)));

    const failures = runs.flatMap((run, i) => (run.code === 0 ? [] : [{ job: order[i]!, run }]));
    for (const { run } of failures) {
      expect(run.code).toBe(1);
      expect(lines(run.stderr), run.stderr).toHaveLength(1);
      expect(run.stderr).toMatch(/^ucinder: /);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
    for (const [i, run] of runs.entries()) {
      const job = order[i]!;
      if (run.code !== 0) continue;
      if (job.kind === 'create') created.push(run.stdout.trim());
      if (job.kind === 'list') expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
      if (job.kind === 'show') expect(JSON.parse(run.stdout).id).toBe(seeds[0]);
    }
    // Cinder runs on PostgreSQL: every one of the 50 must succeed (before,
    // on sqlite, concurrent writes got 500 "database is locked").
    expect(failures.map(({ job, run }) => `${job.kind}: ${run.stderr.trim()}`)).toEqual([]);
    expect(created).toHaveLength(18);
    expect(created.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);

    // The shared caches: every file parses, no temp files were left behind.
    const cache = join(env.XDG_CACHE_HOME!, 'ucinder');
    const files = readdirSync(cache);
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(files.some((name) => name.startsWith('discovery-'))).toBe(true);
    for (const name of files.filter((file) => file.endsWith('.json'))) {
      expect(() => JSON.parse(readFileSync(join(cache, name), 'utf8')), name).not.toThrow();
    }
    // And the created volumes are all there.
    const listed = await ucinder(['volume', 'list', '-f', 'value', '-c', 'ID'], env);
    for (const id of created) expect(listed.stdout).toContain(id);
  });
});
