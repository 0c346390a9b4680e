// Start-up of the single executable (release/ucinder-<version>-linux-x64,
// Node 24 embedded) next to the npm-installed command (node bin/ucinder, this
// machine's Node) and both Nodes' `node -e 0`, round-robin in one run:
// `--version`, `volume type create --help` and `volume list` (the test bed).
// CPU medians are the figures to read on a loaded machine.
// Usage: node bench/package.mjs [rounds]   (bench/run.sh builds release/ first)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, benchEnv, ROOT } from './testbed-env.mjs';
import { machineDescription, median, roundRobin, runOnce } from './measure.mjs';
import { nodeRuntime } from '../scripts/package/node-runtime.mjs';

const rounds = Number(process.argv[2] ?? 15);
const machine = machineDescription();
const startedAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const executable = join(ROOT, `release/ucinder-${version}-linux-x64`);
if (!existsSync(executable)) throw new Error(`${executable} is missing: npm run package -- --arch x64`);
const node24 = nodeRuntime('x64');
const { ucinderEnv, cleanEnv } = benchEnv();
// The variable this machine's shells set: Node 20 reads the file at every
// start-up, Node 24 only when it makes a TLS connection.
const caEnv = process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS } : undefined;

const commands = {
  '--version': ['--version'],
  'volume type create --help': ['volume', 'type', 'create', '--help'],
  'volume list': ['volume', 'list'],
};
const programs = { npm: [process.execPath, BIN], executable: [executable] };
const environments = { clean: {}, ...(caEnv ? { 'NODE_EXTRA_CA_CERTS set': caEnv } : {}) };

const cases = Object.entries(environments).flatMap(([envName, extra]) => [
  { name: `${envName}: node ${process.version} -e 0`, argv: [process.execPath, '-e', '0'], env: { ...cleanEnv, ...extra } },
  { name: `${envName}: node v${node24.version} -e 0`, argv: [node24.node, '-e', '0'], env: { ...cleanEnv, ...extra } },
  ...Object.entries(commands).flatMap(([command, args]) =>
    Object.entries(programs).map(([program, argv]) => ({ name: `${envName}: ${program} ${command}`, argv: [...argv, ...args], env: { ...ucinderEnv, ...extra } })),
  ),
]);
// Warm the discovery cache, as any second command finds it.
for (const argv of Object.values(programs)) runOnce([...argv, 'volume', 'list'], ucinderEnv);

const started = Date.now();
const results = roundRobin(cases, rounds);
const minutes = ((Date.now() - started) / 60000).toFixed(1);
const med = (name, what) => median(results[name][what]);
const cell = (name) => `${med(name, 'wall').toFixed(0)} / ${med(name, 'cpu').toFixed(0)}`;

/** Each file of release/ with its size in MB (the executables, and whatever else the last `npm run package` built). */
function sizes() {
  return readdirSync(join(ROOT, 'release'))
    .filter((name) => name.startsWith('ucinder'))
    .map((name) => `${name} ${(statSync(join(ROOT, 'release', name)).size / 1e6).toFixed(1)} MB`)
    .join(', ');
}

const lines = [
  `### The single executable next to the npm command (issue 17; ${rounds} rounds round-robin after 2 warm-up rounds, medians; ${minutes} min)`,
  '',
  `Ran ${startedAt} UTC on ${machine}. Executable: ${executable.slice(ROOT.length + 1)} (Node ${node24.version}, V8 code cache); npm command: node ${process.version} bin/ucinder.`,
  '',
  ...Object.keys(environments).flatMap((envName) => [
    `${envName === 'clean' ? "Clean environment (PATH, HOME, LANG and the test bed's OS_* only)" : `With NODE_EXTRA_CA_CERTS=${caEnv.NODE_EXTRA_CA_CERTS}, as this machine's shells have it`}: \`node -e 0\` ${cell(`${envName}: node ${process.version} -e 0`)} ms (Node ${process.version}), ${cell(`${envName}: node v${node24.version} -e 0`)} ms (Node ${node24.version}) wall / CPU.`,
    '',
    '| command | npm command wall / CPU ms | executable wall / CPU ms | executable / npm, CPU | target (CPU) | CPU above `node -e 0`: npm / executable |',
    '|---|---:|---:|---:|---:|---:|',
    ...Object.keys(commands).map((command) => {
      const [npm, exe] = [`${envName}: npm ${command}`, `${envName}: executable ${command}`];
      // What ucinder itself costs, each over its own Node's bare start-up.
      const above = `${(med(npm, 'cpu') - med(`${envName}: node ${process.version} -e 0`, 'cpu')).toFixed(0)} / ${(med(exe, 'cpu') - med(`${envName}: node v${node24.version} -e 0`, 'cpu')).toFixed(0)}`;
      return `| ${command} | ${cell(npm)} | ${cell(exe)} | **${(med(exe, 'cpu') / med(npm, 'cpu')).toFixed(3)}** | ≤ 1.00 | ${above} |`;
    }),
    '',
  ]),
  '- CPU is user+sys of the process (bash `time`), all threads; wall includes one GET for `volume list`.',
  '',
  `Sizes in release/: ${sizes()}.`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
