// Batch mode. 100 `volume show` lines through one ucinder process
// vs a bare undici loop doing the same 100 GETs over one connection, vs 100
// one-shot ucinder processes, vs `openstack` reading the same lines from
// stdin; and the time to the shell's first prompt vs `ucinder --help`.
// Usage: node bench/shell.mjs [rounds] [lines]   (bench/run.sh prepares everything)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cinderApi } from './api.mjs';
import { BIN, benchEnv, ROOT } from './testbed-env.mjs';
import { machineDescription, median, roundRobin } from './measure.mjs';

const machine = machineDescription();
const startedAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
const rounds = Number(process.argv[2] ?? 3);
const lineCount = Number(process.argv[3] ?? 100);

const { ucinderEnv, cleanEnv, project, endpoint } = benchEnv();
const v3 = `${endpoint}/v3/${project}`;
const api = cinderApi({ endpoint, project });
const prefix = `bench-shell-${process.pid}-`;
const ids = await api.createVolumes(prefix, 10, 10);
await api.waitSettled(prefix);

try {
  const dir = mkdtempSync(join(tmpdir(), 'ucinder-bench-shell-'));
  const lineIds = Array.from({ length: lineCount }, (_, i) => ids[i % ids.length]);
  const files = {
    commands: join(dir, 'commands.txt'),
    ids: join(dir, 'ids.txt'),
  };
  writeFileSync(files.commands, lineIds.map((id) => `volume show ${id}\n`).join(''));
  writeFileSync(files.ids, lineIds.map((id) => `${id}\n`).join(''));
  const node = process.execPath;
  const fromFile = (file, ...argv) => ['bash', '-c', `"$@" < ${file}`, 'bench', ...argv];
  // Through the environment: with options on its command line, openstack's interactive mode also runs them as commands.
  const oscEnv = { ...cleanEnv, OS_AUTH_TYPE: 'admin_token', OS_ENDPOINT: v3, OS_TOKEN: `admin:${project}` };
  const cases = [
    { name: 'ucinder batch (one process)', argv: fromFile(files.commands, node, BIN), env: ucinderEnv },
    { name: 'bare undici loop (one connection)', argv: fromFile(files.ids, node, join(ROOT, 'bench/floor-undici-loop.mjs')), env: ucinderEnv },
    {
      name: `${lineCount} one-shot ucinder processes`,
      argv: ['bash', '-c', `while read -r id; do "$@" volume show "$id" || exit 1; done < ${files.ids}`, 'bench', node, BIN],
      env: ucinderEnv,
    },
    { name: 'openstack reading stdin', argv: fromFile(files.commands, 'openstack'), env: oscEnv },
  ];
  // The outputs agree before anything is timed: the same volumes, shown the same way.
  const batchOut = spawnSync(cases[0].argv[0], cases[0].argv.slice(1), { env: ucinderEnv, encoding: 'utf8' });
  const oneShot = spawnSync(node, [BIN, 'volume', 'show', lineIds[0]], { env: ucinderEnv, encoding: 'utf8' });
  if (batchOut.status !== 0 || !batchOut.stdout.startsWith(oneShot.stdout)) throw new Error(`batch output differs from one-shot output:\n${batchOut.stderr}`);

  const results = roundRobin(cases, rounds, { warmup: 1 });
  const wall = (name) => median(results[name].wall);
  const cpu = (name) => median(results[name].cpu);
  const batch = cases[0].name;

  // Time to the first prompt, through a pseudo-terminal, vs --help through the same one.
  const promptRuns = [];
  const helpRuns = [];
  for (let round = 0; round < 2 + rounds * 3; round++) {
    const time = (...args) => Number(spawnSync('python3', [join(ROOT, 'bench/first-prompt.py'), ...args], { env: ucinderEnv, encoding: 'utf8' }).stdout);
    const prompt = time('--prompt', '(ucinder ', '--', node, BIN);
    const help = time('--exit', '--', node, BIN, '--help');
    if (round >= 2) {
      promptRuns.push(prompt);
      helpRuns.push(help);
    }
  }

  const fmt = (ms) => ms.toFixed(0);
  const lines = [
    `### Batch mode and the shell (${rounds} rounds round-robin after 1 warm-up round, medians)`,
    '',
    `Ran ${startedAt} UTC on ${machine}. ${lineCount} \`volume show <id>\` lines over 10 volumes, one GET each.`,
    '',
    `| ${lineCount} volume show | wall ms | CPU ms | wall / ucinder batch |`,
    '|---|---:|---:|---:|',
    ...cases.map((c) => `| ${c.name} | ${fmt(wall(c.name))} | ${fmt(cpu(c.name))} | ${(wall(c.name) / wall(batch)).toFixed(2)} |`),
    '',
    `- ucinder batch / bare undici loop: **${(wall(batch) / wall(cases[1].name)).toFixed(2)}×** (target ≤ 1.3×).`,
    `- Time to the first prompt: ${fmt(median(promptRuns))} ms vs \`ucinder --help\` ${fmt(median(helpRuns))} ms on the same pseudo-terminal` +
      ` (medians of ${promptRuns.length}; ratio ${(median(promptRuns) / median(helpRuns)).toFixed(2)}).`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await api.deleteAllNamed(prefix);
}
