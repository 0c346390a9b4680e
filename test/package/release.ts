import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';

// Not ucinder-process.ts's ROOT: this module is loaded by the global set-up too, where vitest cannot be.
const ROOT = resolve(import.meta.dirname, '../..');

/** What `npm run package` wrote (test/package/global-setup.ts runs it once per test run). */
export const RELEASE = join(ROOT, 'release');
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** packaging/debian/changelog's first entry: the .deb's version. */
export const DEBIAN_VERSION = /^ucinder \(([^)]+)\)/.exec(readFileSync(join(ROOT, 'packaging/debian/changelog'), 'utf8'))![1]!;

export function executable(arch: 'x64' | 'arm64'): string {
  return join(RELEASE, `ucinder-${VERSION}-linux-${arch}`);
}

export function debianPackage(arch: 'amd64' | 'arm64'): string {
  return join(RELEASE, `ucinder_${DEBIAN_VERSION}_${arch}.deb`);
}

/** Runs an arm64 binary here: Debian's qemu-user-static with the arm64 cross libraries as its root. */
export const QEMU_ARM64 = ['qemu-aarch64-static', '-L', '/usr/aarch64-linux-gnu'];

/**
 * Everything that is node on this machine: each `node` on PATH and the one
 * running the tests (real paths), and the directories of Node's own modules
 * and headers next to them.
 */
function nodeInstallation(): string[] {
  const binaries = new Set<string>([realpathSync(process.execPath)]);
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'node'))) binaries.add(realpathSync(join(dir, 'node')));
  }
  const directories = [...binaries].flatMap((binary) => ['lib/node_modules', 'include/node'].map((sub) => join(dirname(dirname(binary)), sub)));
  return [...binaries, ...new Set(directories.filter((dir) => existsSync(dir)))];
}

/**
 * The argv that runs `argv` in a mount namespace of its own (unshare, as
 * root) where node is hidden: each binary under /dev/null, which cannot be
 * executed, each directory under an empty tmpfs. The wrapper refuses to start
 * anything (exit 99) if a `node` can still be found.
 */
export function withoutNode(argv: string[]): string[] {
  const script = [
    'set -e',
    'for path in $UCINDER_HIDE; do',
    '  if [ -d "$path" ]; then mount -t tmpfs -o ro,size=4k none "$path"; else mount --bind /dev/null "$path"; fi',
    'done',
    'if command -v node >/dev/null 2>&1; then echo "node is still reachable: $(command -v node)" >&2; exit 99; fi',
    'exec "$@"',
  ].join('\n');
  return ['env', `UCINDER_HIDE=${nodeInstallation().join(' ')}`, 'unshare', '--mount', '--propagation', 'private', '--', 'sh', '-c', script, 'sh', ...argv];
}
