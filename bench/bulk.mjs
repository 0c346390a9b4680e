// Bulk: delete N volumes and wait until they are gone.
// ucinder: `volume delete --wait --concurrency 16 <ids>` (a bounded pool of
// concurrent deletes, each then polled); openstack: `openstack volume delete
// <ids>` followed by polling `openstack volume list` until none is left (the
// openstack client has no --wait for delete). The floor: a bare node:http
// script sending the same DELETEs (16 at a time, keep-alive) and polling the
// API every 250 ms: how fast this Cinder itself can delete, whoever asks.
// Usage: node bench/bulk.mjs [volumes=100] [rounds=1]
import { spawnSync } from 'node:child_process';
import { cinderApi } from './api.mjs';
import { BIN, benchEnv } from './testbed-env.mjs';
import { machineDescription, median } from './measure.mjs';

// Described before the run: the load average is the one the run started under.
const machine = machineDescription();
const startedAt = new Date().toISOString().slice(0, 16).replace('T', ' ');

const count = Number(process.argv[2] ?? 100);
const rounds = Number(process.argv[3] ?? 1);
const concurrency = 16;
const { ucinderEnv, cleanEnv, project, endpoint } = benchEnv();
const v3 = `${endpoint}/v3/${project}`;
const api = cinderApi({ endpoint, project });
const log = (line) => process.stderr.write(`[bulk] ${line}\n`);
const openstack = ['openstack', '--os-auth-type', 'admin_token', '--os-endpoint', v3, '--os-token', `admin:${project}`];

async function prepare(prefix) {
  const ids = await api.createVolumes(prefix, count, 16);
  const settled = await api.waitSettled(prefix);
  const notAvailable = settled.filter((v) => v.status !== 'available');
  if (notAvailable.length) throw new Error(`${notAvailable.length} volumes of ${prefix} are not available`);
  return ids;
}

function run(argv, env) {
  const result = spawnSync(argv[0], argv.slice(1), { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`${argv.slice(0, 4).join(' ')} … failed (${result.status}): ${result.stderr.slice(0, 500)}`);
  return result.stdout;
}

function ucinderDelete(ids) {
  const started = Date.now();
  run([process.execPath, BIN, 'volume', 'delete', '--wait', '--concurrency', String(concurrency), ...ids], ucinderEnv);
  return Date.now() - started;
}

function openstackDeleteAndPoll(ids) {
  const started = Date.now();
  run([...openstack, 'volume', 'delete', ...ids], cleanEnv);
  let polls = 0;
  for (;;) {
    polls++;
    const listed = new Set(run([...openstack, 'volume', 'list', '-f', 'value', '-c', 'ID'], cleanEnv).split('\n'));
    if (!ids.some((id) => listed.has(id))) break;
  }
  return { ms: Date.now() - started, polls };
}

async function floorDelete(ids, prefix) {
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      const { status } = await api.request('DELETE', `/volumes/${id}`);
      if (status !== 202) throw new Error(`DELETE ${id}: HTTP ${status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  while ((await api.volumesNamed(prefix)).length > 0) await new Promise((resolve) => setTimeout(resolve, 250));
  return Date.now() - started;
}

const samples = { ucinder: [], openstack: [], floor: [], polls: [] };
const tag = `bench-bulk-${process.pid}`;
try {
  for (let round = 0; round < rounds; round++) {
    // Alternate who goes first, so a Cinder warming up or cooling down hits both alike.
    const order = round % 2 ? ['floor', 'openstack', 'ucinder'] : ['ucinder', 'openstack', 'floor'];
    for (const client of order) {
      const prefix = `${tag}-${client}-${round}-`;
      log(`round ${round + 1}: creating ${count} volumes for ${client}`);
      const ids = await prepare(prefix);
      log(`round ${round + 1}: ${client} deletes them`);
      if (client === 'ucinder') samples.ucinder.push(ucinderDelete(ids));
      else if (client === 'floor') samples.floor.push(await floorDelete(ids, prefix));
      else {
        const { ms, polls } = openstackDeleteAndPoll(ids);
        samples.openstack.push(ms);
        samples.polls.push(polls);
      }
      log(`round ${round + 1}: ${client} took ${(samples[client].at(-1) / 1000).toFixed(1)} s`);
    }
  }
  const u = median(samples.ucinder);
  const o = median(samples.openstack);
  const floor = median(samples.floor);
  const out = [
    `### Bulk: delete ${count} volumes and wait until they are gone (${rounds} round(s), medians)`,
    '',
    `Ran ${startedAt} UTC on ${machine}.`,
    '',
    '| client | wall s | samples |',
    '|---|---:|---|',
    `| ucinder volume delete --wait --concurrency ${concurrency} | ${(u / 1000).toFixed(1)} | ${samples.ucinder.map((ms) => (ms / 1000).toFixed(1)).join(', ')} |`,
    `| openstack volume delete, then polling openstack volume list (${samples.polls.join(', ')} polls) | ${(o / 1000).toFixed(1)} | ${samples.openstack.map((ms) => (ms / 1000).toFixed(1)).join(', ')} |`,
    `| floor: bare node:http, ${concurrency} DELETEs at a time, polling every 0.25 s | ${(floor / 1000).toFixed(1)} | ${samples.floor.map((ms) => (ms / 1000).toFixed(1)).join(', ')} |`,
    '',
    `- ucinder is **${(o / u).toFixed(1)}× faster** than openstack (openstack / ucinder wall time; target ≥ 5×): ${o / u >= 5 ? 'met' : 'NOT met'}.`,
    `- ucinder / floor: **${(u / floor).toFixed(2)}**; openstack / floor: **${(o / floor).toFixed(2)}**. No client can beat the floor, so when`,
    '  openstack / floor is under 5 the 5× target cannot be reached against this server: the time goes to Cinder (its API',
    '  workers and the volume service share the 2 cores with the clients), not to the client.',
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  log('cleaning up');
  await api.deleteAllNamed(tag);
}
