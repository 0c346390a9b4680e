// Shared by the benchmarks: run commands round-robin (so load spikes hit all
// of them alike) and summarize wall time and CPU time per command.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs argv once; returns wall ms, the command's user+sys CPU ms and its exit
 * code. bash's `time` reports the child's CPU time, which Node's own
 * resourceUsage() cannot see; bash's start-up is paid alike by every case.
 */
export function runOnce(argv, env) {
  const started = process.hrtime.bigint();
  const script = 'TIMEFORMAT="%U %S"; { time "$@" >/dev/null 2>/dev/null; } 2>&1';
  const result = spawnSync('bash', ['-c', script, 'bench', ...argv], { env, encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const [user, sys] = result.stdout.trim().split(/\s+/).map(Number);
  return { wallMs, cpuMs: ((user ?? 0) + (sys ?? 0)) * 1000, code: result.status };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A failed run measures nothing: stop the benchmark rather than report its figures. */
function mustSucceed(benchCase, sample) {
  if (sample.code === 0) return;
  throw new Error(`benchmark case '${benchCase.name}' exited with ${sample.code}; run it by hand to see why: ${benchCase.argv.join(' ')}`);
}

/**
 * cases: [{ name, argv, env }]. Returns { name: { wall: [...], cpu: [...], failures } }
 * (failures stays 0: a failing case stops the run).
 */
export function roundRobin(cases, rounds, { warmup = 2 } = {}) {
  const results = Object.fromEntries(cases.map((c) => [c.name, { wall: [], cpu: [], failures: 0 }]));
  for (let round = -warmup; round < rounds; round++) {
    for (const benchCase of cases) {
      const sample = runOnce(benchCase.argv, benchCase.env);
      mustSucceed(benchCase, sample);
      if (round < 0) continue;
      const entry = results[benchCase.name];
      if (sample.code !== 0) entry.failures++;
      entry.wall.push(sample.wallMs);
      entry.cpu.push(sample.cpuMs);
    }
  }
  return results;
}

export function machineDescription() {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at start`;
}

/**
 * Like runOnce, through GNU time: also the peak resident set size (KiB) and
 * the number of stdout lines (to check what each client actually listed).
 */
export function runMeasured(argv, env) {
  const started = process.hrtime.bigint();
  const script = '/usr/bin/time -f "%U %S %M" -o "$TIMEFILE" "$@" 2>/dev/null | wc -l';
  const result = spawnSync('bash', ['-c', script, 'bench', ...argv], {
    env: { ...env, TIMEFILE: timeFile },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const fields = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(/\s+/);
  const exited = /Command exited with non-zero status (\d+)/.exec(readFileSync(timeFile, 'utf8'));
  const [user, sys, rssKiB] = fields.map(Number);
  return { wallMs, cpuMs: (user + sys) * 1000, rssKiB, lines: Number(result.stdout.trim()), code: exited ? Number(exited[1]) : result.status };
}

const timeFile = join(mkdtempSync(join(tmpdir(), 'ucinder-bench-time-')), 'time.txt');

/** Round-robin like roundRobin, with runMeasured's extra figures. */
export function roundRobinMeasured(cases, rounds, { warmup = 1 } = {}) {
  const results = Object.fromEntries(cases.map((c) => [c.name, { wall: [], cpu: [], rss: [], lines: [], failures: 0 }]));
  for (let round = -warmup; round < rounds; round++) {
    for (const benchCase of cases) {
      const sample = runMeasured(benchCase.argv, benchCase.env);
      mustSucceed(benchCase, sample);
      if (round < 0) continue;
      const entry = results[benchCase.name];
      if (sample.code !== 0) entry.failures++;
      entry.wall.push(sample.wallMs);
      entry.cpu.push(sample.cpuMs);
      entry.rss.push(sample.rssKiB);
      entry.lines.push(sample.lines);
    }
  }
  return results;
}
