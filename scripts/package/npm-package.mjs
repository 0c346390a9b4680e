// The npm package (release/ucinder-<version>.tgz): `npm pack` of a staged copy
// of what package.json's "files" name, with a manifest that declares no
// dependencies (the bundles in dist/ carry them) and no scripts (`prepare`
// builds a checkout; an installed package has nothing to build, and npm warns
// about any install-time script it has not been allowed to run).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Packs into `outDir`; `workDir` holds the staged copy. Returns the tarball's file name. */
export function packNpmPackage({ workDir, outDir }) {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const { scripts, devDependencies, dependencies, ...published } = manifest;
  if (dependencies && Object.keys(dependencies).length) {
    throw new Error(`package.json declares run-time dependencies (${Object.keys(dependencies).join(', ')}): the bundles must carry them (devDependencies)`);
  }
  const stage = join(workDir, 'npm');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const path of [...manifest.files, 'README.md']) cpSync(join(ROOT, path), join(stage, path), { recursive: true });
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(published, null, 2)}\n`);
  return execFileSync('npm', ['pack', '--silent', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8' }).trim();
}
