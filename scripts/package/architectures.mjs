// The architectures `npm run package` builds for, and how this machine runs
// (and strips) a binary of each: natively, or through Debian's qemu-user-static
// with the cross libraries (libc6-arm64-cross …) as its sysroot.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { arch as hostArch } from 'node:os';

/** Node's name for each architecture -> Debian's name and the GNU triplet of its tools. */
export const ARCHITECTURES = {
  x64: { debian: 'amd64', triplet: 'x86_64-linux-gnu', qemu: 'qemu-x86_64-static' },
  arm64: { debian: 'arm64', triplet: 'aarch64-linux-gnu', qemu: 'qemu-aarch64-static' },
};

/** The apt packages that let an amd64 machine run and strip arm64 binaries (and the other way round). */
export function foreignToolPackages(arch) {
  const debian = ARCHITECTURES[arch].debian;
  return ['qemu-user-static', `libc6-${debian}-cross`, `libstdc++6-${debian}-cross`, `libgcc-s1-${debian}-cross`, `binutils-${ARCHITECTURES[arch].triplet}`];
}

export function isNative(arch) {
  return arch === hostArch();
}

function onPath(program) {
  try {
    execFileSync('sh', ['-c', 'command -v "$1"', 'sh', program], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function requireForeignTools(arch, what) {
  const { qemu, triplet } = ARCHITECTURES[arch];
  const missing = [qemu, `${triplet}-strip`].filter((program) => !onPath(program));
  if (!existsSync(`/usr/${triplet}/lib`)) missing.push(`/usr/${triplet}/lib`);
  if (missing.length) {
    throw new Error(`${what} a ${arch} binary on this ${hostArch()} machine needs ${missing.join(', ')}: apt-get install ${foreignToolPackages(arch).join(' ')}`);
  }
}

/** The argv prefix that runs a binary of `arch` here: nothing when native, else qemu with the cross sysroot. */
export function runnerFor(arch) {
  if (isNative(arch)) return [];
  requireForeignTools(arch, 'Running');
  const { qemu, triplet } = ARCHITECTURES[arch];
  return [qemu, '-L', `/usr/${triplet}`];
}

/** The strip(1) that understands `arch`'s ELF files. */
export function stripFor(arch) {
  if (isNative(arch)) return 'strip';
  requireForeignTools(arch, 'Stripping');
  return `${ARCHITECTURES[arch].triplet}-strip`;
}
