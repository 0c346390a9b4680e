// `npm run package [-- --arch x64,arm64]`: what an operator installs, in release/
// (docs/development.md, "Packaging"):
//   ucinder-<version>-linux-<arch>          one self-contained executable (Node's SEA,
//                                           Node packaging/node-runtime.json embedded)
//   ucinder_<debian version>_<arch>.deb     that executable, man pages, completion, docs
//   ucinder-<version>.tgz                   the npm package (no run-time dependencies)
//   SHA256SUMS                              over all of them
// The intermediate files stay in release/.build/. Node's binaries are fetched
// once into node_modules/.cache/ucinder-package/; everything else is offline.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDist } from './build.mjs';
import { ARCHITECTURES, foreignToolPackages, isNative } from './package/architectures.mjs';
import { debianCopyright } from './package/copyright.mjs';
import { buildDeb } from './package/deb.mjs';
import { generateDocumentation } from './package/documentation.mjs';
import { nodeRuntime } from './package/node-runtime.mjs';
import { packNpmPackage } from './package/npm-package.mjs';
import { buildExecutable } from './package/sea.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RELEASE = join(ROOT, 'release');

const log = (message) => process.stderr.write(`[package] ${message}\n`);

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export async function buildRelease({ arches = Object.keys(ARCHITECTURES) } = {}) {
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const work = join(RELEASE, '.build');
  rmSync(RELEASE, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  log('building dist/');
  const distDir = join(ROOT, 'dist');
  const metafiles = await buildDist(distDir);
  const docs = generateDocumentation(work);

  for (const arch of arches) {
    const runtime = nodeRuntime(arch, log);
    const archWork = join(work, arch);
    mkdirSync(archWork, { recursive: true });
    const executable = join(RELEASE, `ucinder-${version}-linux-${arch}`);
    log(`${arch}: single executable with Node ${runtime.version}`);
    buildExecutable({ arch, node: runtime.node, distDir, workDir: archWork, output: executable, version });
    log(`${arch}: Debian package`);
    const copyright = debianCopyright({ metafiles: Object.values(metafiles), nodeLicense: runtime.license, nodeVersion: runtime.version });
    buildDeb({ arch, executable, version, copyright, docs, workDir: archWork, outDir: RELEASE });
  }

  log('npm package');
  packNpmPackage({ workDir: work, outDir: RELEASE });

  const artifacts = readdirSync(RELEASE)
    .filter((name) => !name.startsWith('.') && name !== 'SHA256SUMS')
    .sort();
  writeFileSync(join(RELEASE, 'SHA256SUMS'), artifacts.map((name) => `${sha256(join(RELEASE, name))}  ${name}\n`).join(''));
  log(`wrote ${artifacts.join(', ')} and SHA256SUMS into release/`);
  return artifacts;
}

/** The Debian packages building every architecture here needs and this machine lacks (test/run-tests.sh installs them). */
function missingDebianPackages() {
  // binutils: strip, and readelf for the Depends: (shlib-depends.mjs).
  const needed = [
    'binutils',
    ...Object.keys(ARCHITECTURES)
      .filter((arch) => !isNative(arch))
      .flatMap(foreignToolPackages),
  ];
  return needed.filter((name) => {
    try {
      return !/ ok installed$/.test(execFileSync('dpkg-query', ['-W', '-f', '${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    } catch {
      return true;
    }
  });
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) {
  const { values } = parseArgs({ options: { arch: { type: 'string' }, 'missing-debian-packages': { type: 'boolean' } } });
  if (values['missing-debian-packages']) {
    process.stdout.write(
      missingDebianPackages()
        .map((name) => `${name}\n`)
        .join(''),
    );
  } else {
    const arches = values.arch ? values.arch.split(',') : undefined;
    for (const arch of arches ?? []) if (!(arch in ARCHITECTURES)) throw new Error(`--arch ${arch}: one of ${Object.keys(ARCHITECTURES).join(', ')}`);
    await buildRelease({ arches });
  }
}
