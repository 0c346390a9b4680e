// The Depends: of a package holding one prebuilt ELF executable, computed from
// the binary itself: for each library it links (readelf -d, NEEDED) the symbol
// versions it needs from it (readelf -V, e.g. GLIBC_2.28, GLIBCXX_3.4.21,
// GCC_3.4) — the dynamic linker starts the program if and only if each
// exists — mapped to the package and version that first provided them by
// Debian's own symbols files of those libraries (their `GLIBC_2.28@GLIBC_2.28
// 2.28` lines), read from this machine's dpkg database.
//
// Version nodes rather than dpkg-shlibdeps: on Debian 12 dpkg-shlibdeps
// resolves pthread_*@GLIBC_2.2.5 against libc.so.6, where glibc 2.34 moved
// them, and asks for libc6 (>= 2.34), though the binary runs on any glibc
// from 2.28 (its libpthread.so.0 provides them); and it needs the target
// architecture's libraries installed, which an amd64 machine building the
// arm64 package does not have. Version nodes are architecture-independent.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DPKG_INFO = '/var/lib/dpkg/info';

/** `readelf -V` of `binary`: library -> the version nodes the binary needs from it. */
export function versionNeeds(binary) {
  const text = execFileSync('readelf', ['-V', '-W', binary], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const section = text.slice(text.indexOf("Version needs section '.gnu.version_r'"));
  const needs = new Map();
  let library;
  for (const line of section.split('\n')) {
    const file = /File: (\S+)/.exec(line);
    if (file) needs.set((library = file[1]), new Set());
    const name = /Name: (\S+)/.exec(line);
    if (name && library) needs.get(library).add(name[1]);
  }
  return needs;
}

/** `readelf -d` of `binary`: the libraries it links. */
export function neededLibraries(binary) {
  const text = execFileSync('readelf', ['-d', '-W', binary], { encoding: 'utf8' });
  return [...text.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((match) => match[1]);
}

/**
 * Debian's symbols files of this machine's architecture, as
 * soname -> { package, versions: version node -> minimal package version },
 * and package -> version node -> the versions its libraries give (`byPackage`).
 */
function symbolsFiles() {
  const hostArch = execFileSync('dpkg', ['--print-architecture'], { encoding: 'utf8' }).trim();
  const libraries = new Map();
  const byPackage = new Map();
  for (const file of readdirSync(DPKG_INFO).filter((name) => name.endsWith(`:${hostArch}.symbols`))) {
    let current;
    for (const line of readFileSync(join(DPKG_INFO, file), 'utf8').split('\n')) {
      // "libc.so.6 libc6 #MINVER#"; not "| alternative" or "* field" lines.
      const header = /^([^\s|*#]\S*) (\S+) /.exec(line);
      if (header) {
        current = { package: header[2], versions: new Map() };
        libraries.set(header[1], current);
        if (!byPackage.has(current.package)) byPackage.set(current.package, new Map());
        continue;
      }
      // The version node itself: " GLIBC_2.28@GLIBC_2.28 2.28".
      const node = /^ (\S+)@(\S+) (\S+)/.exec(line);
      if (!current || !node || node[1] !== node[2]) continue;
      current.versions.set(node[1], node[3]);
      const versions = byPackage.get(current.package);
      versions.set(node[1], [...(versions.get(node[1]) ?? []), node[3]]);
    }
  }
  return { libraries, byPackage };
}

/** dpkg's order of two versions (dpkg --compare-versions). */
function versionGreater(a, b) {
  try {
    execFileSync('dpkg', ['--compare-versions', a, 'gt', b]);
    return true;
  } catch {
    return false;
  }
}

function lowest(versions) {
  return versions.reduce((low, version) => (low === undefined || versionGreater(low, version) ? version : low), undefined);
}

/** The dynamic loader's soname on another architecture is glibc's too: ld-linux-aarch64.so.1 -> ld-linux-x86-64.so.2. */
function isDynamicLoader(soname) {
  return /^ld-linux[-.]/.test(soname);
}

/** `libc6 (>= 2.28), libgcc-s1 (>= 3.4), libstdc++6 (>= 10.2)` for `binary`. */
export function debianDepends(binary) {
  const { libraries, byPackage } = symbolsFiles();
  const loader = [...libraries.keys()].find(isDynamicLoader);
  const needs = versionNeeds(binary);
  const packages = new Map();
  for (const soname of neededLibraries(binary)) {
    const library = libraries.get(isDynamicLoader(soname) ? loader : soname);
    if (!library) throw new Error(`${binary} links ${soname}, which no Debian symbols file of this machine describes`);
    let minimal = packages.get(library.package) ?? '0';
    for (const node of needs.get(soname) ?? []) {
      // Another architecture's library may start at another version node
      // (arm64's glibc at GLIBC_2.17, amd64's libdl at GLIBC_2.2.5): a node
      // means the same release in every library of the package.
      const version = library.versions.get(node) ?? lowest(byPackage.get(library.package).get(node) ?? []);
      if (!version) throw new Error(`${binary} needs ${node} of ${soname}, which ${library.package}'s symbols file does not list`);
      if (versionGreater(version, minimal)) minimal = version;
    }
    packages.set(library.package, minimal);
  }
  return [...packages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, version]) => (version === '0' ? name : `${name} (>= ${version})`))
    .join(', ');
}
