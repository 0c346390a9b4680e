// One single executable application (Node's SEA): the embedded Node's own
// binary, stripped, with a blob injected by postject. The blob's main script
// is sea-main.cjs, a loader; dist/'s bundles (what the npm command runs) are
// its assets, each with a V8 code cache made by sea-code-cache.cjs.
//
// The blob and the caches are prepared by the very Node they go into, run on
// this machine natively or under qemu-user-static (runnerFor): a code cache is
// only accepted by the V8 build and CPU features that made it, so it cannot
// come from the machine's own Node. (A start-up snapshot, `useSnapshot`,
// would hold every bundle in the heap it restores, which loses the loading on
// demand that the npm command's start-up depends on.)
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerFor, stripFor } from './architectures.mjs';

const POSTJECT = createRequire(import.meta.url).resolve('postject/dist/cli.js');

const SEA_MAIN = fileURLToPath(new URL('sea-main.cjs', import.meta.url));
const CODE_CACHE_MAKER = fileURLToPath(new URL('sea-code-cache.cjs', import.meta.url));
/**
 * The commands run while the code caches are made (sea-code-cache.cjs): a
 * request and a table, and the whole command tree (the completion script).
 */
const WARM_UP_COMMANDS = 'volume list\ncompletion bash\n';

/** The fuse Node looks for to know a blob was injected (Node's documentation of SEA). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** Runs `binary` (of `arch`) with `args` on this machine; returns its stdout. */
export function runBinary(arch, binary, args, options = {}) {
  const [program, ...prefix] = [...runnerFor(arch), binary];
  return execFileSync(program, [...prefix, ...args], { encoding: 'utf8', ...options });
}

/**
 * Writes `output`, the executable for `arch`: `node` (Node's binary for that
 * architecture) running dist/'s bundles from `distDir`. `workDir` holds the
 * intermediate files.
 */
export function buildExecutable({ arch, node, distDir, workDir, output, version }) {
  const caches = join(workDir, 'code-cache');
  rmSync(caches, { recursive: true, force: true });
  mkdirSync(caches, { recursive: true });
  runBinary(arch, node, [CODE_CACHE_MAKER, distDir, caches], { input: WARM_UP_COMMANDS, stdio: ['pipe', 'ignore', 'pipe'] });
  const assets = {};
  // The bundles, and the help texts the entry answers a --help in a pipe from.
  for (const name of readdirSync(distDir).filter((file) => file.endsWith('.cjs') || file === 'help.json')) assets[name] = join(distDir, name);
  for (const name of readdirSync(caches)) assets[name] = join(caches, name);

  const config = join(workDir, 'sea-config.json');
  const blob = join(workDir, 'sea.blob');
  writeFileSync(config, `${JSON.stringify({ main: SEA_MAIN, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true, assets }, null, 2)}\n`);
  runBinary(arch, node, ['--experimental-sea-config', config], { stdio: ['ignore', 'pipe', 'pipe'] });

  // Node's official binaries carry their symbols and debug information
  // (~18 MB); Debian ships executables stripped.
  const executable = join(workDir, 'ucinder');
  execFileSync(stripFor(arch), ['--strip-all', '-o', executable, node]);
  // postject's own process: LIEF prints a warning per ELF note it does not
  // know (harmless), shown only if the injection fails.
  const injected = spawnSync(process.execPath, [POSTJECT, executable, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE], { encoding: 'utf8' });
  if (injected.status !== 0) throw new Error(`postject failed on ${executable}:\n${injected.stdout}${injected.stderr}`);
  chmodSync(executable, 0o755);

  const answer = runBinary(arch, executable, ['--version']).trim();
  if (answer !== version) throw new Error(`${output}: --version printed '${answer}', expected '${version}'`);
  copyFileSync(executable, `${output}.partial`);
  renameSync(`${output}.partial`, output);
}
