// `volume list` through Keystone. ucinder with a warm token cache
// (no Keystone request) against `openstack volume list`, which authenticates
// with Keystone on every call, both with the same openrc-style password settings.
// Usage: node bench/keystone.mjs [rounds]   (bench/run.sh starts test/testbed/keystone.sh)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, benchEnv, ROOT } from './testbed-env.mjs';
import { machineDescription, median, roundRobin, runOnce } from './measure.mjs';

const rounds = Number(process.argv[2] ?? 10);
const { cleanEnv } = benchEnv();
const text = execFileSync('bash', [join(ROOT, 'test/testbed/keystone.sh'), 'env'], { encoding: 'utf8' });
const openrc = {};
for (const match of text.matchAll(/^export (OS_\w+)=(.*)$/gm)) openrc[match[1]] = match[2];
const env = { ...cleanEnv, ...openrc, XDG_CACHE_HOME: join(cleanEnv.HOME, 'cache') };

// Warm the token cache (and the discovery cache) once.
const warm = runOnce([process.execPath, BIN, 'volume', 'list'], env);
if (warm.code !== 0) throw new Error('ucinder volume list via Keystone failed; is `test/testbed/keystone.sh up` running?');

const cases = [
  { name: 'ucinder volume list (warm token cache)', argv: [process.execPath, BIN, 'volume', 'list'], env },
  { name: 'ucinder --no-cache volume list (Keystone each time)', argv: [process.execPath, BIN, '--no-cache', 'volume', 'list'], env },
  { name: 'openstack volume list', argv: ['openstack', 'volume', 'list'], env },
];
const results = roundRobin(cases, rounds, { warmup: 1 });
const wall = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, median(r.wall)]));
const cpu = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, median(r.cpu)]));
const lines = [
  `### volume list via Keystone (${rounds} rounds, medians)`,
  '',
  `Machine: ${machineDescription()}.`,
  '',
  '| command | wall ms | CPU ms (user+sys) | failures |',
  '|---|---:|---:|---:|',
  ...Object.entries(results).map(([name, r]) => `| ${name} | ${wall[name].toFixed(0)} | ${cpu[name].toFixed(0)} | ${r.failures} |`),
  '',
  `- ucinder (warm token cache) / openstack: **${(wall[cases[0].name] / wall['openstack volume list']).toFixed(3)}**`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
