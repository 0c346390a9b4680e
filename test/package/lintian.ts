import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pollUntil } from '../support/poll.js';
import { debianPackage, RELEASE } from './release.js';

/**
 * lintian over both packages takes minutes on the 2-core test machine, most
 * of it waiting rather than computing: the set-up starts it as soon as
 * release/ is built and the lintian test reads what it wrote, so that it runs
 * while the other package tests do. The man pages are the same files in both
 * packages: checked once, in the amd64 one.
 */
const OUT = join(RELEASE, '.build/lintian');
const EXTRA_ARGUMENTS = { amd64: [], arm64: ['-X', 'documentation/manual'] } as const;
type DebianArch = keyof typeof EXTRA_ARGUMENTS;

/** Starts lintian on each package; returns a stop function for the set-up's teardown. */
export function startLintian(): () => void {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const children: ChildProcess[] = [];
  for (const [arch, extra] of Object.entries(EXTRA_ARGUMENTS) as [DebianArch, readonly string[]][]) {
    const output = openSync(join(OUT, `${arch}.out`), 'w');
    const child = spawn('lintian', ['--fail-on', 'error', '--tag-display-limit', '0', ...extra, debianPackage(arch)], { stdio: ['ignore', output, output] });
    closeSync(output);
    // The exit code is written last: its file says the output is complete.
    child.on('close', (code) => writeFileSync(join(OUT, `${arch}.code`), String(code ?? -1)));
    child.on('error', (error) => writeFileSync(join(OUT, `${arch}.code`), `-1 ${error.message}`));
    children.push(child);
  }
  return () => {
    for (const child of children) if (child.exitCode === null) child.kill();
  };
}

/** What lintian printed on `arch`'s package (stdout and stderr) and its exit code, once it is done. */
export async function lintianResult(arch: DebianArch): Promise<{ code: string; output: string }> {
  const codeFile = join(OUT, `${arch}.code`);
  const done = await pollUntil(
    () => existsSync(codeFile),
    (exists) => exists,
    { attempts: 900, intervalMs: 1000 },
  );
  if (!done) throw new Error(`lintian on the ${arch} package did not finish within 15 minutes (started by test/package/global-setup.ts)`);
  return { code: readFileSync(codeFile, 'utf8'), output: readFileSync(join(OUT, `${arch}.out`), 'utf8') };
}
