// What the package installs besides the executable, generated from the built
// program (bin/ucinder, dist/): the man pages (`npm run man -- DIR`) and the
// bash, zsh and fish completion scripts (`ucinder completion SHELL`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/ucinder');

function completion(shell) {
  return execFileSync(process.execPath, [BIN, 'completion', shell], { encoding: 'utf8', env: { PATH: process.env.PATH }, maxBuffer: 64 << 20 });
}

/**
 * { manPages: [paths of *.1 under outDir], bash, zsh, fish } — a generator
 * this checkout lacks is reported through `warn` and its part left out
 * (manPages empty, fish undefined), so that a package still builds.
 */
export function generateDocumentation(outDir, warn) {
  const manDir = join(outDir, 'man');
  mkdirSync(manDir, { recursive: true });
  let manPages = [];
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
  if (scripts.man) {
    execFileSync('npm', ['run', '--silent', 'man', '--', manDir], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    manPages = readdirSync(manDir).filter((name) => name.endsWith('.1')).sort().map((name) => join(manDir, name));
    if (!manPages.some((page) => page.endsWith('/ucinder.1'))) throw new Error(`npm run man wrote no ucinder.1 into ${manDir}`);
  } else {
    warn('NO MAN PAGES: this checkout has no `npm run man`; the .deb is built without them');
  }
  let fish;
  try {
    fish = completion('fish');
  } catch {
    warn('NO FISH COMPLETION: `ucinder completion fish` failed; the .deb is built without it');
  }
  return { manPages, bash: completion('bash'), zsh: completion('zsh'), fish };
}
