// `ucinder top` next to `ucinder volume list --watch 5`, both on a
// pseudo-terminal at a 5 s interval: the time from start to the first full
// frame (top: the overview with its pools; the watch: the listing), and the
// CPU each uses per minute left alone (refreshing every 5 s). Round-robin.
// With INK_DIR=<a directory where `npm install ink react` ran>, also the cost
// of loading ink (with React) against readline + chalk, which top builds on.
// Usage: node bench/top.mjs [rounds] [idle seconds]   (bench/run.sh prepares the test bed)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cinderApi } from './api.mjs';
import { BIN, benchEnv, ROOT } from './testbed-env.mjs';
import { machineDescription, median } from './measure.mjs';

const machine = machineDescription();
const startedAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
const rounds = Number(process.argv[2] ?? 2);
const idleSeconds = Number(process.argv[3] ?? 60);

const { ucinderEnv, project, endpoint } = benchEnv();
const api = cinderApi({ endpoint, project });
const prefix = `bench-top-${process.pid}-`;
await api.createVolumes(prefix, 10, 10);
await api.waitSettled(prefix);

/** One run on a pty: first frame (ms) and CPU over the idle time, as pty-idle.py measures them. */
function measure(benchCase) {
  const run = spawnSync('python3', [join(ROOT, 'bench/pty-idle.py'), benchCase.text, String(idleSeconds), benchCase.quit, '--', process.execPath, BIN, ...benchCase.args], {
    env: { ...ucinderEnv, TERM: 'xterm-256color', ...benchCase.env },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`${benchCase.name}: ${run.stderr || run.stdout}`);
  const result = JSON.parse(run.stdout);
  if (result.exitCode !== 0) throw new Error(`${benchCase.name} exited with ${result.exitCode}`);
  return result;
}

try {
  const cases = [
    { name: 'ucinder top --interval 5 (overview)', args: ['top', '--interval', '5'], text: 'Pools (', quit: 'q' },
    // The same listing as the watch: idle on view 2 (the first frame is still the overview's).
    { name: 'ucinder top --interval 5, then view 2 (volumes)', args: ['top', '--interval', '5'], text: 'Pools (', quit: 'q', env: { THEN_KEYS: '2', THEN_TEXT: 'Volumes (' } },
    { name: 'ucinder volume list --watch 5', args: ['volume', 'list', '--watch', '5'], text: `${prefix}0`, quit: '\\x03' },
  ];
  const results = Object.fromEntries(cases.map((benchCase) => [benchCase.name, { first: [], cpu: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const benchCase of cases) {
      const { firstMs, idleCpuMs } = measure(benchCase);
      results[benchCase.name].first.push(firstMs);
      results[benchCase.name].cpu.push((idleCpuMs * 60) / idleSeconds);
    }
  }
  const fmt = (ms) => ms.toFixed(0);
  const lines = [
    `### \`ucinder top\`: first frame and idle CPU (${rounds} rounds round-robin, medians; ${idleSeconds} s idle each)`,
    '',
    `Ran ${startedAt} UTC on ${machine}. On a 100×30 pseudo-terminal, 10 volumes in the project (plus any the test bed holds).`,
    "top starts on its overview, whose refresh is `ucinder status`'s 36 listings; its volumes view, like the watch, is one listing.",
    '',
    '| 5 s interval | first full frame, ms | CPU ms per idle minute |',
    '|---|---:|---:|',
    ...cases.map((c) => `| ${c.name} | ${fmt(median(results[c.name].first))} | ${fmt(median(results[c.name].cpu))} |`),
  ];
  if (process.env.INK_DIR) lines.push('', ...inkLines(process.env.INK_DIR));
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await api.deleteAllNamed(prefix);
}

/** CPU to load ink + React (bundled as an application would ship them) against readline + chalk, medians of 9. */
function inkLines(inkDir) {
  const load = (what) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', `const c0 = process.cpuUsage(); ${what}; const c = process.cpuUsage(c0); console.log((c.user + c.system) / 1000);`], {
      cwd: inkDir,
      encoding: 'utf8',
    });
  const sample = (what) => {
    const runs = Array.from({ length: 9 }, () => Number(load(what).stdout));
    return median(runs);
  };
  const ink = sample("await import('ink'); await import('react')");
  const chalk = sample(`await import('node:readline'); await import(${JSON.stringify(join(ROOT, 'node_modules/chalk/source/index.js'))})`);
  const version = (name) => JSON.parse(readFileSync(join(inkDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  return [
    `Loading the terminal UI (CPU ms, medians of 9, ESM imports from node_modules): ink ${version('ink')} + React ${version('react')}: ${fmt0(ink)};`,
    `node:readline + chalk: ${fmt0(chalk)}.`,
  ];
}

function fmt0(ms) {
  return ms.toFixed(0);
}
