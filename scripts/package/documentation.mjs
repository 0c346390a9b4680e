// What the package installs besides the executable, generated from the built
// program (bin/ucinder, dist/): the man pages (`npm run man -- DIR`) and the
// bash, zsh and fish completion scripts (`ucinder completion SHELL`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/ucinder');

function completion(shell) {
  return execFileSync(process.execPath, [BIN, 'completion', shell], { encoding: 'utf8', env: { PATH: process.env.PATH }, maxBuffer: 64 << 20 });
}

/** { manPages: [paths of the *.1 files written under outDir/man], bash, zsh, fish (the scripts) }. */
export function generateDocumentation(outDir) {
  const manDir = join(outDir, 'man');
  mkdirSync(manDir, { recursive: true });
  execFileSync('npm', ['run', '--silent', 'man', '--', manDir], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const manPages = readdirSync(manDir)
    .filter((name) => name.endsWith('.1'))
    .sort()
    .map((name) => join(manDir, name));
  if (!manPages.some((page) => page.endsWith('/ucinder.1'))) throw new Error(`npm run man wrote no ucinder.1 into ${manDir}`);
  return { manPages, bash: completion('bash'), zsh: completion('zsh'), fish: completion('fish') };
}
