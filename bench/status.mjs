// `ucinder status` on a cloud of thousands of volumes, next to the
// listings an operator runs with `openstack` to see the same things: wall
// time, client CPU and the number of HTTP requests of each.
// Usage: node bench/status.mjs [volumes=2000] [rounds=3]
// Creates `bench-status-<pid>-NNNNN` volumes through the API, resets a few
// to `creating` (stuck) and `error` so there is something to find, measures,
// and deletes them all again.
import { spawnSync } from 'node:child_process';
import { cinderApi } from './api.mjs';
import { BIN, benchEnv } from './testbed-env.mjs';
import { machineDescription, median, roundRobinMeasured } from './measure.mjs';

const machine = machineDescription();
const startedAt = new Date().toISOString().slice(0, 16).replace('T', ' ');

const count = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 3);
const STUCK = 20;
const FAILED = 10;
const { ucinderEnv, cleanEnv, project, endpoint } = benchEnv();
const v3 = `${endpoint}/v3/${project}`;
const api = cinderApi({ endpoint, project });
const prefix = `bench-status-${process.pid}-`;
const node = process.execPath;
const log = (line) => process.stderr.write(`[status] ${line}\n`);

const resetTo = (ids, status) => Promise.all(ids.map((id) => api.request('POST', `/volumes/${id}/action`, { 'os-reset_status': { status } })));

/**
 * What an operator runs with openstack to look at the same things (what is
 * down, what hangs, what failed, how full the pools are), one after the
 * other: openstack cannot filter by age, so each status is a listing.
 */
const OPENSTACK_LISTINGS = [
  ['volume', 'service', 'list', '--long'],
  ...['creating', 'deleting', 'attaching', 'detaching', 'error'].map((status) => ['volume', 'list', '--all-projects', '--status', status]),
  ...['creating', 'deleting', 'error'].map((status) => ['volume', 'snapshot', 'list', '--all-projects', '--status', status]),
];
const openstackArgs = ['--os-auth-type', 'admin_token', '--os-endpoint', v3, '--os-token', `admin:${project}`, '--os-volume-api-version', '3.70'];
/** One bash script running them all in a row (a case of the round-robin). */
const openstackScript = OPENSTACK_LISTINGS.map((args) => `openstack ${openstackArgs.join(' ')} ${args.join(' ')}`).join(' && ');

/** Requests sent, from each client's --debug log: ucinder says it, openstack logs one `REQ: curl` per request. */
function requestCounts() {
  const ours = spawnSync(node, [BIN, 'status', '--all-projects', '--stuck-after', '1s', '--debug'], { env: ucinderEnv, encoding: 'utf8' });
  const ucinder = Number(/DEBUG: status: (\d+) requests/.exec(ours.stderr)?.[1]);
  let openstack = 0;
  for (const args of OPENSTACK_LISTINGS) {
    const run = spawnSync('openstack', [...openstackArgs, '--debug', ...args], { env: cleanEnv, encoding: 'utf8' });
    openstack += (run.stderr.match(/^REQ: curl/gm) ?? []).length;
  }
  return { ucinder, openstack };
}

let stuckIds = [];
let started = Date.now();
try {
  log(`creating ${count} volumes ${prefix}*`);
  const ids = await api.createVolumes(prefix, count, 16);
  log(`created in ${((Date.now() - started) / 1000).toFixed(0)} s; waiting for them to settle`);
  await api.waitSettled(prefix);
  stuckIds = ids.slice(0, STUCK);
  await resetTo(stuckIds, 'creating');
  await resetTo(ids.slice(STUCK, STUCK + FAILED), 'error');
  const total = (await api.volumesNamed('')).length;
  log(`${total} volumes in the project (${STUCK} reset to creating, ${FAILED} to error); measuring`);

  const ucinder = (...args) => ({ argv: [node, BIN, ...args], env: ucinderEnv });
  const cases = [
    { name: 'ucinder status', ...ucinder('status', '--all-projects', '--stuck-after', '1s') },
    { name: 'ucinder status -f json', ...ucinder('status', '--all-projects', '--stuck-after', '1s', '-f', 'json') },
    { name: `openstack: ${OPENSTACK_LISTINGS.length} listings in a row`, argv: ['bash', '-c', openstackScript], env: cleanEnv },
  ];
  started = Date.now();
  const results = roundRobinMeasured(cases, rounds);
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const requests = requestCounts();
  const found = JSON.parse(spawnSync(node, [BIN, 'status', '--all-projects', '--stuck-after', '1s', '-f', 'json'], { env: ucinderEnv, encoding: 'utf8' }).stdout);
  const mine = found.filter((row) => row.Name?.startsWith(prefix));

  const [u, , o] = cases.map((c) => results[c.name]);
  const out = [
    `### \`ucinder status\` on ${total} volumes (${count} created for it; ${rounds} rounds round-robin, medians; ${minutes} min)`,
    '',
    `Ran ${startedAt} UTC on ${machine}. ${STUCK} of the volumes were reset to \`creating\` and ${FAILED} to \`error\`;`,
    `\`ucinder status --all-projects --stuck-after 1s\` reported ${mine.filter((row) => row.Check === 'volume-stuck').length} stuck and ${mine.filter((row) => row.Check === 'volume-error').length} failed of them.`,
    '',
    '| client | wall s | CPU s (user+sys) | peak RSS MiB | HTTP requests |',
    '|---|---:|---:|---:|---:|',
    ...cases.map((c, index) => {
      const r = results[c.name];
      const sent = index < 2 ? requests.ucinder : requests.openstack;
      return `| ${c.name} | ${(median(r.wall) / 1000).toFixed(2)} | ${(median(r.cpu) / 1000).toFixed(2)} | ${(median(r.rss) / 1024).toFixed(0)} | ${sent} |`;
    }),
    '',
    `- Wall time, ucinder status / the openstack listings: **${(median(u.wall) / median(o.wall)).toFixed(3)}**; client CPU: **${(median(u.cpu) / median(o.cpu)).toFixed(3)}**.`,
    `- The openstack listings: ${OPENSTACK_LISTINGS.map((args) => `\`${args.join(' ')}\``).join(', ')}. They check less than`,
    '  `ucinder status` (which also reads 12 transitional and 5 error volume statuses, snapshots, backups, unfinished attachments,',
    '  clusters, pools and the user messages of failed volumes) and leave the operator to judge ages, hosts and fixes;',
    '  openstack 6.0 has no pool listing at API 3.x (`volume backend pool list` exists for v2 only), so pools are not in its set.',
    '- ucinder sends its listings concurrently (8 at a time), each filtered by status on the server, and from 3.60 by',
    '  `created_at` too: the 2,000 healthy volumes never cross the wire.',
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  log('deleting the benchmark volumes');
  // A volume in `creating` cannot be deleted: back to error first.
  if (stuckIds.length) await resetTo(stuckIds, 'error');
  await api.deleteAllNamed(prefix);
  log('done');
}
