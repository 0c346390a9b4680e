// Issue 2 §11: `volume list` wall time, ucinder vs the openstack client, the
// cinder client and a bare node:http script, in one run against the test bed.
// Usage: node bench/startup.mjs [rounds]   (bench/run.sh prepares everything)
import { BIN, benchEnv, ROOT } from './testbed-env.mjs';
import { machineDescription, median, roundRobin } from './measure.mjs';
import { join } from 'node:path';

const rounds = Number(process.argv[2] ?? 15);
const { ucinderEnv, cleanEnv, project, endpoint } = benchEnv();
const v3 = `${endpoint}/v3/${project}`;

const cases = [
  { name: 'ucinder volume list', argv: [process.execPath, BIN, 'volume', 'list'], env: ucinderEnv },
  { name: 'bare node:http GET', argv: [process.execPath, join(ROOT, 'bench/floor-volume-list.mjs')], env: ucinderEnv },
  {
    name: 'openstack volume list',
    argv: ['openstack', '--os-auth-type', 'admin_token', '--os-endpoint', v3, '--os-token', `admin:${project}`, 'volume', 'list'],
    env: cleanEnv,
  },
  {
    name: 'cinder list',
    argv: ['cinder', '--os-auth-type', 'noauth', '--os-endpoint', v3, '--os-user-id', 'admin', '--os-project-id', project, 'list'],
    env: cleanEnv,
  },
  { name: 'ucinder --help', argv: [process.execPath, BIN, '--help'], env: ucinderEnv },
  { name: 'node -e 0', argv: [process.execPath, '-e', '0'], env: cleanEnv },
];

const results = roundRobin(cases, rounds);
const wall = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, median(r.wall)]));
const cpu = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, median(r.cpu)]));
const ucinder = wall['ucinder volume list'];
const lines = [
  `### volume list start-up and round trip (${rounds} rounds, medians)`,
  '',
  `Machine: ${machineDescription()}.`,
  '',
  '| command | wall ms | CPU ms (user+sys) | failures |',
  '|---|---:|---:|---:|',
  ...Object.entries(results).map(([name, r]) => `| ${name} | ${wall[name].toFixed(0)} | ${cpu[name].toFixed(0)} | ${r.failures} |`),
  '',
  `- ucinder / openstack: **${(ucinder / wall['openstack volume list']).toFixed(3)}** (target ≤ 0.125, i.e. 1/8)`,
  `- ucinder / cinder: **${(ucinder / wall['cinder list']).toFixed(3)}**`,
  `- ucinder / bare node:http floor: **${(ucinder / wall['bare node:http GET']).toFixed(2)}** (target ≤ 1.3)`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
