// One single executable application (Node's SEA): the embedded Node's own
// binary, stripped, with a blob holding the single-file bundle and its V8 code
// cache injected by postject.
//
// The blob is prepared by the very Node it is injected into, run on this
// machine natively or under qemu-user-static (runnerFor): a code cache is only
// accepted by the V8 build and CPU features that made it, so it cannot come
// from the machine's own Node. (A start-up snapshot, `useSnapshot`, was
// measured slower to start than the code cache: bench/RESULTS.md.)
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import postject from 'postject';
import { runnerFor, stripFor } from './architectures.mjs';

/** The fuse Node looks for to know a blob was injected (Node's documentation of SEA). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** Runs `binary` (of `arch`) with `args` on this machine; returns its stdout. */
export function runBinary(arch, binary, args, options = {}) {
  const [program, ...prefix] = [...runnerFor(arch), binary];
  return execFileSync(program, [...prefix, ...args], { encoding: 'utf8', ...options });
}

/**
 * Writes `output`, the executable for `arch`: `node` (Node's binary for that
 * architecture) running `bundle`. `workDir` holds the intermediate files.
 */
export async function buildExecutable({ arch, node, bundle, workDir, output, version }) {
  const config = join(workDir, 'sea-config.json');
  const blob = join(workDir, 'sea.blob');
  writeFileSync(
    config,
    `${JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }, null, 2)}\n`,
  );
  runBinary(arch, node, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'inherit'] });

  // Node's official binaries carry their symbols and debug information
  // (~18 MB); Debian ships executables stripped.
  const executable = join(workDir, 'ucinder');
  execFileSync(stripFor(arch), ['--strip-all', '-o', executable, node]);
  await postject.inject(executable, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE });
  chmodSync(executable, 0o755);

  const answer = runBinary(arch, executable, ['--version']).trim();
  if (answer !== version) throw new Error(`${output}: --version printed '${answer}', expected '${version}'`);
  copyFileSync(executable, `${output}.partial`);
  renameSync(`${output}.partial`, output);
}
