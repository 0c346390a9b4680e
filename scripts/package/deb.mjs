// A Debian binary package of the single executable, built with dpkg-deb
// (Debian's own tool, no network): the tree below, control from
// packaging/debian/control.in with a computed Depends:, md5sums, and
// dpkg-deb --root-owner-group so that every file belongs to root.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ARCHITECTURES } from './architectures.mjs';
import { debianDepends } from './shlib-depends.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGING = join(ROOT, 'packaging');

/** Where each installed file goes (the one table the tests read too). */
export const INSTALLED = {
  executable: 'usr/bin/ucinder',
  bash: 'usr/share/bash-completion/completions/ucinder',
  zsh: 'usr/share/zsh/vendor-completions/_ucinder',
  fish: 'usr/share/fish/vendor_completions.d/ucinder.fish',
  man: 'usr/share/man/man1',
  doc: 'usr/share/doc/ucinder',
  lintianOverrides: 'usr/share/lintian/overrides/ucinder',
  systemdUnit: 'usr/lib/systemd/system/ucinder-connections.service',
};
const LINTIAN_OVERRIDES = join(PACKAGING, 'debian/lintian-overrides');
/** The unit another part of ucinder provides; installed (not enabled) when it exists. */
export const SYSTEMD_UNIT_SOURCE = join(PACKAGING, 'systemd/ucinder-connections.service');

/** The Debian version of packaging/debian/changelog's first entry, checked against package.json's. */
export function debianVersion(upstreamVersion) {
  const first = /^ucinder \(([^)]+)\)/.exec(readFileSync(join(PACKAGING, 'debian/changelog'), 'utf8'));
  if (!first) throw new Error('packaging/debian/changelog does not start with a "ucinder (VERSION) …" entry');
  const version = first[1];
  if (version.replace(/-[^-]+$/, '') !== upstreamVersion) {
    throw new Error(`packaging/debian/changelog's first entry is ${version}, package.json says ${upstreamVersion}: add an entry for ${upstreamVersion}-1`);
  }
  return version;
}

/** gzip -9n: zlib's header carries no name and no timestamp (Debian wants both out). */
function gzip(data) {
  return gzipSync(data, { level: 9 });
}

function put(tree, path, data, mode = 0o644) {
  const target = join(tree, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, data);
  chmodSync(target, mode);
}

function filesUnder(directory) {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/**
 * Builds release/ucinder_<debian version>_<debian arch>.deb:
 * { arch, executable, version, copyright (text), docs: { manPages: [paths], bash, zsh, fish (texts) }, workDir, outDir }.
 * Returns the .deb's path.
 */
export function buildDeb({ arch, executable, version, copyright, docs, workDir, outDir }) {
  const debianArch = ARCHITECTURES[arch].debian;
  const packageVersion = debianVersion(version);
  const tree = join(workDir, 'deb');
  rmSync(tree, { recursive: true, force: true });

  mkdirSync(join(tree, dirname(INSTALLED.executable)), { recursive: true });
  copyFileSync(executable, join(tree, INSTALLED.executable));
  chmodSync(join(tree, INSTALLED.executable), 0o755);
  put(tree, INSTALLED.bash, docs.bash);
  put(tree, INSTALLED.zsh, docs.zsh);
  put(tree, INSTALLED.fish, docs.fish);
  for (const page of docs.manPages) put(tree, `${INSTALLED.man}/${page.split('/').pop()}.gz`, gzip(readFileSync(page)));
  put(tree, `${INSTALLED.doc}/copyright`, copyright);
  put(tree, `${INSTALLED.doc}/changelog.Debian.gz`, gzip(readFileSync(join(PACKAGING, 'debian/changelog'))));
  if (existsSync(LINTIAN_OVERRIDES)) put(tree, INSTALLED.lintianOverrides, readFileSync(LINTIAN_OVERRIDES));
  // Shipped disabled: no maintainer script enables or starts it.
  if (existsSync(SYSTEMD_UNIT_SOURCE)) put(tree, INSTALLED.systemdUnit, readFileSync(SYSTEMD_UNIT_SOURCE));

  const files = filesUnder(tree);
  const installedSize = Math.ceil(files.reduce((sum, file) => sum + statSync(file).size, 0) / 1024);
  const md5sums = files.map((file) => `${createHash('md5').update(readFileSync(file)).digest('hex')}  ${relative(tree, file)}\n`).join('');
  const control = readFileSync(join(PACKAGING, 'debian/control.in'), 'utf8')
    .replace('@VERSION@', packageVersion)
    .replace('@ARCH@', debianArch)
    .replace('@INSTALLED_SIZE@', String(installedSize))
    .replace('@DEPENDS@', debianDepends(executable));
  put(tree, 'DEBIAN/control', control);
  put(tree, 'DEBIAN/md5sums', md5sums);
  for (const entry of readdirSync(tree, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) chmodSync(join(entry.parentPath ?? entry.path, entry.name), 0o755);
  }
  chmodSync(tree, 0o755);

  const deb = join(outDir, `ucinder_${packageVersion}_${debianArch}.deb`);
  // gzip: xz saves a quarter of the size (27 vs 40 MB) but took 9 minutes a
  // package on the 2-core test machine (gzip: 5 s of CPU), and the tests build both.
  execFileSync('dpkg-deb', ['--root-owner-group', '-Zgzip', '-z6', '--build', tree, deb], { stdio: ['ignore', 'ignore', 'inherit'] });
  return deb;
}
