// Start-up and one round trip, ucinder vs the
// openstack client, the cinder client and a bare node:http script, for
// `volume list`, `volume show`, `volume service list`, `--help` and a TAB
// completion, side by side in one round-robin run against the test bed.
// Usage: node bench/startup.mjs [rounds]   (bench/run.sh prepares everything)
import { join } from 'node:path';
import { cinderApi } from './api.mjs';
import { BIN, benchEnv, ROOT } from './testbed-env.mjs';
import { machineDescription, median, roundRobin, runOnce } from './measure.mjs';

// Described before the run: the load average is the one the run started under.
const machine = machineDescription();
const startedAt = new Date().toISOString().slice(0, 16).replace('T', ' ');

const rounds = Number(process.argv[2] ?? 15);
const { ucinderEnv, cleanEnv, project, endpoint } = benchEnv();
const v3 = `${endpoint}/v3/${project}`;
const api = cinderApi({ endpoint, project });
const prefix = `bench-startup-${process.pid}-`;
const [volumeId] = await api.createVolumes(prefix, 1, 1);
await api.waitSettled(prefix);

const node = process.execPath;
const ucinder = (...args) => ({ argv: [node, BIN, ...args], env: ucinderEnv });
const openstack = (...args) => ({
  argv: ['openstack', '--os-auth-type', 'admin_token', '--os-endpoint', v3, '--os-token', `admin:${project}`, ...args],
  env: cleanEnv,
});
// cinderclient's noauth options are only recognised with OS_AUTH_TYPE=noauth in the environment.
const cinder = (...args) => ({
  argv: ['cinder', '--os-endpoint', `${endpoint}/v3`, '--user-id', 'admin', '--project-id', project, ...args],
  env: { ...cleanEnv, OS_AUTH_TYPE: 'noauth' },
});
const floor = (...args) => ({ argv: [node, join(ROOT, 'bench/floor-request.mjs'), ...args], env: ucinderEnv });
const undiciFloor = (...args) => ({ argv: [node, join(ROOT, 'bench/floor-undici.mjs'), ...args], env: ucinderEnv });

const operations = [
  {
    name: 'volume list',
    clients: {
      ucinder: ucinder('volume', 'list'),
      openstack: openstack('volume', 'list'),
      cinder: cinder('list'),
      'node:http': floor('/volumes/detail', 'volumes', 'id', 'name', 'status'),
      // Not in the table: the same GET with undici alone (see the notes under it).
      undici: undiciFloor('/volumes/detail', 'volumes', 'id', 'name', 'status'),
    },
  },
  {
    name: 'volume show',
    clients: {
      ucinder: ucinder('volume', 'show', volumeId),
      openstack: openstack('volume', 'show', volumeId),
      cinder: cinder('show', volumeId),
      'node:http': floor(`/volumes/${volumeId}`, 'volume', 'id', 'name', 'status', 'size'),
    },
  },
  {
    name: 'volume service list',
    clients: {
      ucinder: ucinder('volume', 'service', 'list'),
      openstack: openstack('volume', 'service', 'list'),
      cinder: cinder('service-list'),
      'node:http': floor('/os-services', 'services', 'binary', 'host', 'state'),
    },
  },
  {
    name: '--help',
    clients: {
      ucinder: ucinder('--help'),
      openstack: openstack('--help'),
      cinder: cinder('--help'),
      'node:http': { argv: [node, '-e', '0'], env: cleanEnv },
    },
  },
  {
    // What a TAB runs: ucinder's script asks `completion names volume` (a
    // cache under 30 s old answers alone; an older one answers and refreshes
    // in the background). openstack's script is generated once by `openstack
    // complete` and offers no names; cinder's runs `cinder bash-completion`
    // once per shell. The floor is one live GET of the names.
    name: 'TAB completion (volume names)',
    clients: {
      ucinder: ucinder('completion', 'names', 'volume'),
      openstack: openstack('complete'),
      cinder: cinder('bash-completion'),
      'node:http': floor('/volumes', 'volumes', 'name'),
    },
  },
];

// Warm ucinder's discovery and name caches once, as any second command would find them.
runOnce([node, BIN, 'completion', 'names', 'volume'], ucinderEnv);

const cases = operations.flatMap((operation) => Object.entries(operation.clients).map(([client, run]) => ({ name: `${operation.name} | ${client}`, ...run })));
const started = Date.now();
const results = roundRobin(cases, rounds);
const minutes = ((Date.now() - started) / 60000).toFixed(1);
await api.deleteAllNamed(prefix);

const med = (name, what = 'wall') => median(results[name][what]);
const ratio = (a, b) => (a / b).toFixed(3);
const lines = [
  `### Start-up and round trip (${rounds} rounds round-robin after 2 warm-up rounds, medians; ${minutes} min)`,
  '',
  `Ran ${startedAt} UTC on ${machine}.`,
  '',
  '| operation | ucinder ms | openstack ms | cinder ms | node:http ms | ucinder / openstack | ucinder / cinder | ucinder / node:http | ucinder CPU ms | failures |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...operations.map(({ name }) => {
    const [u, o, c, n] = ['ucinder', 'openstack', 'cinder', 'node:http'].map((client) => med(`${name} | ${client}`));
    const failures = ['ucinder', 'openstack', 'cinder', 'node:http'].map((client) => results[`${name} | ${client}`].failures).join('/');
    return `| ${name} | ${u.toFixed(0)} | ${o.toFixed(0)} | ${c.toFixed(0)} | ${n.toFixed(0)} | **${ratio(u, o)}** | ${ratio(u, c)} | ${ratio(u, n)} | ${med(`${name} | ucinder`, 'cpu').toFixed(0)} | ${failures} |`;
  }),
  '',
  'Targets: `volume list` ucinder / openstack ≤ 0.125 (1/8) and ucinder / node:http ≤ 1.3.',
  `- volume list: ucinder / openstack = **${ratio(med('volume list | ucinder'), med('volume list | openstack'))}**, ucinder / node:http = **${ratio(med('volume list | ucinder'), med('volume list | node:http'))}**.`,
  '- "node:http" for `--help` is `node -e 0`, the floor of any Node program; failures are ucinder/openstack/cinder/node:http.',
  `- The same \`volume list\` GET by a bare script using undici (ucinder's HTTP library, loaded as cheaply as ucinder loads it) takes **${med('volume list | undici').toFixed(0)} ms**, ${ratio(med('volume list | undici'), med('volume list | node:http'))} × node:http${med('volume list | undici') / med('volume list | node:http') > 1.3 ? ': undici alone costs more than the 1.3 × node:http target allows' : ''}. ucinder / bare undici = **${ratio(med('volume list | ucinder'), med('volume list | undici'))}**.`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
