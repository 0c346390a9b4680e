// One-shot start-up. `--version`, `--help`, a leaf command's `--help` (from
// the text the build stored, and rendered by the program: the cost of
// building the tree's branch) and a TAB (`completion names volume`,
// warm cache) against `node -e 0`, and `volume list` against the bare
// node:http script on the same detailed listing, side by side in one
// round-robin run. UCINDER_BASELINE=path/to/another/bin/ucinder adds a second
// build to the same rounds (before/after).
// Usage: node bench/entry.mjs [rounds]   (bench/run.sh prepares everything)
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BIN, benchEnv, ROOT } from './testbed-env.mjs';
import { machineDescription, median, roundRobin, runOnce } from './measure.mjs';

const machine = machineDescription();
const startedAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
const rounds = Number(process.argv[2] ?? 15);
const { ucinderEnv, cleanEnv } = benchEnv();
const node = process.execPath;
const baseline = process.env.UCINDER_BASELINE;

const builds = { ucinder: BIN, ...(baseline ? { baseline } : {}) };
/**
 * In a pipe the entry prints a leaf's help as the build stored it (dist/help.json);
 * on a terminal the program renders it to the terminal's width. This row runs
 * the program's way: dist/ without help.json (bash's `time` has no terminal to give).
 */
const RENDERED = 'volume type create --help, rendered (as on a terminal)';
const renderedDist = mkdtempSync(join(tmpdir(), 'ucinder-bench-dist-'));
cpSync(join(ROOT, 'dist'), renderedDist, { recursive: true, filter: (path) => basename(path) !== 'help.json' });
const binOf = (build, command) => (build === 'ucinder' && command === RENDERED ? join(renderedDist, 'ucinder.cjs') : builds[build]);
const commands = {
  '--version': ['--version'],
  '--help': ['--help'],
  'volume type create --help': ['volume', 'type', 'create', '--help'],
  [RENDERED]: ['volume', 'type', 'create', '--help'],
  'completion names volume': ['completion', 'names', 'volume'],
  'volume list': ['volume', 'list'],
};
const floors = {
  'node -e 0': { argv: [node, '-e', '0'], env: cleanEnv },
  'node:http': { argv: [node, join(ROOT, 'bench/floor-request.mjs'), '/volumes/detail', 'volumes', 'id', 'name', 'status'], env: ucinderEnv },
  // Not a floor of the table: the same GET by a bare script using undici, loaded as cheaply as ucinder loads it.
  undici: { argv: [node, join(ROOT, 'bench/floor-undici.mjs'), '/volumes/detail', 'volumes', 'id', 'name', 'status'], env: ucinderEnv },
};
const floorOf = (command) => (command === 'volume list' ? 'node:http' : 'node -e 0');

const cases = [
  ...Object.entries(floors).map(([name, run]) => ({ name, ...run })),
  ...Object.keys(builds).flatMap((build) =>
    Object.keys(commands).map((command) => ({ name: `${build} ${command}`, argv: [node, binOf(build, command), ...commands[command]], env: ucinderEnv })),
  ),
];
// Warm the discovery and name caches, as any second command finds them.
for (const bin of Object.values(builds)) runOnce([node, bin, 'completion', 'names', 'volume'], ucinderEnv);

const started = Date.now();
const results = roundRobin(cases, rounds);
const minutes = ((Date.now() - started) / 60000).toFixed(1);
const med = (name, what = 'wall') => median(results[name][what]);
const ratio = (a, b) => (a / b).toFixed(3);
const targets = { 'volume list': 1.3, 'volume type create --help': 1.3, [RENDERED]: 1.3 };

const lines = [
  `### One-shot start-up (${rounds} rounds round-robin after 2 warm-up rounds, medians; ${minutes} min)`,
  '',
  `Ran ${startedAt} UTC on ${machine}.`,
  '',
  '| command | floor | floor wall / CPU ms | ' +
    Object.keys(builds)
      .map((b) => `${b} wall / CPU ms | ${b} / floor, wall | CPU`)
      .join(' | ') +
    ' | target |',
  '|---|---|---:|' +
    Object.keys(builds)
      .map(() => '---:|---:|---:|')
      .join('') +
    '---:|',
  ...Object.keys(commands).map((command) => {
    const floor = floorOf(command);
    const cells = Object.keys(builds).map((build) => {
      const name = `${build} ${command}`;
      return `${med(name).toFixed(0)} / ${med(name, 'cpu').toFixed(0)} | **${ratio(med(name), med(floor))}** | ${ratio(med(name, 'cpu'), med(floor, 'cpu'))}`;
    });
    return `| ${command} | ${floor} | ${med(floor).toFixed(0)} / ${med(floor, 'cpu').toFixed(0)} | ${cells.join(' | ')} | ≤ ${targets[command] ?? 1.15} |`;
  }),
  '',
  ...(baseline ? [`- baseline: ${baseline}`] : []),
  `- The same \`volume list\` GET by a bare undici script: ${med('undici').toFixed(0)} / ${med('undici', 'cpu').toFixed(0)} ms, **${ratio(med('undici'), med('node:http'))}** × node:http; ucinder / bare undici = **${ratio(med('ucinder volume list'), med('undici'))}**.`,
  '- CPU is user+sys of the process (bash `time`); the wall time includes one GET for `volume list` and a cache read for the TAB.',
  '- On a loaded machine wall times mostly measure waiting for a core (see the load average): then the CPU ratios are the ones to read.',
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
