import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the build script is plain JavaScript.
import { buildDist } from '../../../scripts/build.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Start-up is a feature (see bench/RESULTS.md, issue 13): dist/ucinder.cjs is
 * parsed by every invocation, even `--version` and a TAB, so it holds only the
 * entry; cli.cjs (the command tree) by every command; undici.cjs only once a
 * request is made; the heavy packages only where they are used. Within a
 * bundle, heavy modules must be behind a dynamic import() at the point of use.
 */
const ALLOWED_AT_STARTUP = new Set([
  // Commander itself needs these.
  'node:events', 'node:child_process', 'node:path', 'node:fs', 'node:process',
  // Paths of caches and the discovery cache read.
  'node:os', 'node:fs/promises',
]);
// yaml: only --os-cloud reads clouds.yaml, and a warm one reads the parse cache instead.
const HEAVY_PACKAGES = ['undici', 'cli-table3', 'chalk', 'ora', 'ini', 'yaml'];
/** Packages that are files of their own in dist/, required on use. */
const SPLIT_PACKAGES = ['chalk', 'cli-table3', 'ora', 'yaml'];

interface Metafile {
  inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
  outputs: Record<string, { inputs: Record<string, unknown>; imports: { path: string; kind: string; external?: boolean }[] }>;
}

let dist: string;
let metafiles: Record<string, Metafile>;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'ucinder-dist-'));
  metafiles = await buildDist(dist);
}, 60_000);

/** The source files and packages a bundle contains. */
function bundled(bundle: string): string[] {
  return Object.values(metafiles[bundle]!.outputs).flatMap((output) => Object.keys(output.inputs).filter((input) => !input.startsWith('<define:')));
}

function packagesIn(bundle: string): string[] {
  return [...new Set(bundled(bundle).flatMap((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? []))];
}

/** The other files of dist/ a bundle requires. */
function requiredParts(bundle: string): string[] {
  return Object.values(metafiles[bundle]!.outputs).flatMap((output) =>
    output.imports.filter((edge) => edge.external && edge.path.startsWith('./')).map((edge) => edge.path),
  );
}

/** What loading `from` loads through static imports, within the bundle that contains it. */
async function staticallyReachable(from: string): Promise<{ builtins: Set<string>; inputs: Set<string> }> {
  const result = await build({
    entryPoints: [resolve(ROOT, from)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    outdir: resolve(ROOT, 'dist-test-unused'),
    splitting: true,
  });
  const inputs = result.metafile.inputs;
  const builtins = new Set<string>();
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const edge of inputs[file]?.imports ?? []) {
      if (edge.kind === 'dynamic-import') continue;
      if (edge.external) builtins.add(edge.path.startsWith('node:') ? edge.path : `node:${edge.path}`);
      else queue.push(edge.path);
    }
  }
  return { builtins, inputs: seen };
}

describe('start-up: what each bundle holds', () => {
  it('the entry bundle holds no package, only the entry and its TAB path: --version answers from it alone', () => {
    expect(packagesIn('ucinder.cjs')).toEqual([]);
    expect(bundled('ucinder.cjs').sort()).toEqual([
      'src/cli/quick-names.ts', 'src/completion/name-kinds.ts', 'src/entry.ts', 'src/output/iostreams.ts',
      'src/state/atomic-file.ts', 'src/state/cache-key.ts', 'src/state/name-cache.ts', 'src/state/paths.ts', 'src/version.ts',
    ]);
    expect(requiredParts('ucinder.cjs')).toEqual(['./cli.cjs']);
    // The captured root help is most of it.
    expect(statSync(join(dist, 'ucinder.cjs')).size).toBeLessThan(16 * 1024);
  });

  it('the entry answers --help in a pipe with what the full program prints', async () => {
    const { main } = await import('../../../src/main.js');
    const { bufferIOStreams } = await import('../../../src/output/iostreams.js');
    const full = bufferIOStreams();
    expect(await main(['--help'], { io: full.io, env: {} })).toBe(0);
    // The captured text is right under any environment only if the help does not depend on it.
    const withVariables = bufferIOStreams();
    const env = { OS_CLOUD: 'c', OS_ENDPOINT: 'http://x:8776', OS_PROJECT_ID: 'p', HOME: '/nonexistent', UCINDER_DEBUG: '1', COLUMNS: '200' };
    expect(await main(['--help'], { io: withVariables.io, env })).toBe(0);
    expect(withVariables.stdout()).toBe(full.stdout());
    const quick = spawnSync(process.execPath, [join(dist, 'ucinder.cjs'), '--help'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(quick.status).toBe(0);
    expect(quick.stdout).toBe(full.stdout());
  }, 30_000);

  it('--version, --help in a pipe and a TAB on a fresh cache load no other bundle; a command loads cli.cjs, a request undici.cjs', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ucinder-home-'));
    const env = { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), OS_ENDPOINT: 'http://127.0.0.1:9', NODE_DEBUG: 'module' };
    const { NameCache, nameScope } = await import('../../../src/state/name-cache.js');
    const { resolveSettings } = await import('../../../src/cli/settings.js');
    await new NameCache(join(home, 'cache', 'ucinder'), nameScope(resolveSettings({}, env))).write('volume', ['vol1']);
    /** The dist/ files a run of `args` loads (Node's module debug log names each). */
    const loaded = (...args: string[]) => {
      const run = spawnSync(process.execPath, [join(dist, 'ucinder.cjs'), ...args], { encoding: 'utf8', env });
      return { stdout: run.stdout, bundles: [...new Set(run.stderr.match(/[\w-]+\.cjs\b/g) ?? [])].sort() };
    };
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(loaded('--version')).toEqual({ stdout: `${version}\n`, bundles: ['ucinder.cjs'] });
    expect(loaded('--help').bundles).toEqual(['ucinder.cjs']);
    expect(loaded('completion', 'names', 'volume')).toEqual({ stdout: 'vol1\n', bundles: ['ucinder.cjs'] });
    expect(loaded('volume', 'list', '--nonsense').bundles).toEqual(['cli.cjs', 'ucinder.cjs']);
    // Port 9 refuses: the request fails, after undici loaded.
    expect(loaded('--no-cache', 'volume', 'list').bundles).toEqual(['cli.cjs', 'ucinder.cjs', 'undici.cjs']);
  }, 30_000);

  it('undici is in undici.cjs only, which nothing but the transport requires', () => {
    expect(packagesIn('undici.cjs')).toEqual(['undici']);
    for (const bundle of ['ucinder.cjs', 'cli.cjs', ...SPLIT_PACKAGES.map((name) => `${name}.cjs`)]) {
      expect(packagesIn(bundle), bundle).not.toContain('undici');
    }
    expect([...new Set(requiredParts('cli.cjs'))].sort()).toEqual(['./undici.cjs', ...SPLIT_PACKAGES.map((name) => `./${name}.cjs`)].sort());
  });

  it('the command tree bundle holds commander and ini (small, for connection files) and no other package', () => {
    expect(packagesIn('cli.cjs').sort()).toEqual(['commander', 'ini']);
  });

  it('the split packages export what the code imports from them', () => {
    const require = createRequire(join(dist, 'x.cjs'));
    const chalk = require('./chalk.cjs') as { bold: (text: string) => string };
    expect(typeof chalk.bold).toBe('function');
    expect(typeof require('./ora.cjs')).toBe('function');
    expect(typeof require('./cli-table3.cjs')).toBe('function');
    expect(typeof (require('./yaml.cjs') as { parseDocument: unknown }).parseDocument).toBe('function');
  });

  it('no bundle keeps a dynamic import() for Node: that would start its ESM loader', () => {
    // esbuild turns import() of bundled code into a lazy require, but keeps
    // import('node:...') of a built-in as a real import(), which costs every
    // such command ~20 ms of ESM loader set-up. Import built-ins statically
    // in a module that is itself imported lazily.
    for (const bundle of Object.keys(metafiles)) {
      const code = readFileSync(join(dist, bundle), 'utf8');
      const dynamicImports = [...code.matchAll(/\bimport\(\s*(["'][^"']*["'])/g)].map((match) => match[1]);
      expect(dynamicImports, bundle).toEqual([]);
    }
  });
});

describe('start-up: what a command loads before it needs it', () => {
  it('main() loads no heavy Node built-in and no heavy package before a command needs it', async () => {
    const { builtins, inputs } = await staticallyReachable('src/main.ts');
    const heavyBuiltins = [...builtins].filter((name) => !ALLOWED_AT_STARTUP.has(name));
    expect(heavyBuiltins).toEqual([]);
    const heavyPackages = [...inputs].filter((file) => HEAVY_PACKAGES.some((name) => file.includes(`node_modules/${name}/`)));
    expect(heavyPackages).toEqual([]);
    // The shell and the full-screen console are loaded by their own command only (import() in main).
    expect([...inputs].filter((file) => /^src\/(shell|top)\//.test(file) || file === 'src/output/terminal-screen.ts')).toEqual([]);
    expect([...inputs]).toContain('src/commands/top/index.ts');
  }, 30_000);

  it('the entry loads nothing but its own few lines before it decides what to run', async () => {
    const { builtins, inputs } = await staticallyReachable('src/entry.ts');
    expect([...builtins]).toEqual([]);
    expect([...inputs].sort()).toEqual(['src/entry.ts', 'src/output/iostreams.ts', 'src/version.ts']);
  }, 30_000);

  it('--os-cloud loads yaml only to parse: a warm parse cache does not load it', async () => {
    const { inputs } = await staticallyReachable('src/auth/clouds/clouds-config.ts');
    expect(inputs.size).toBeGreaterThan(1);
    expect([...inputs].filter((file) => file.includes('node_modules/yaml/'))).toEqual([]);
  }, 30_000);
});
