// Shared by the benchmarks: run commands round-robin (so load spikes hit all
// of them alike) and summarize wall time and CPU time per command.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

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

/**
 * cases: [{ name, argv, env }]. Returns { name: { wall: [...], cpu: [...], failures } }.
 */
export function roundRobin(cases, rounds, { warmup = 2 } = {}) {
  const results = Object.fromEntries(cases.map((c) => [c.name, { wall: [], cpu: [], failures: 0 }]));
  for (let round = -warmup; round < rounds; round++) {
    for (const benchCase of cases) {
      const sample = runOnce(benchCase.argv, benchCase.env);
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
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start`;
}
