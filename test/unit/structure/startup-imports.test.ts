import { build } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Start-up is a feature (see bench/RESULTS.md): whatever src/entry.ts reaches
 * through static imports is loaded by every invocation, even `--help`. Heavy
 * modules must be behind a dynamic import() at the point of use.
 */
const ALLOWED_AT_STARTUP = new Set([
  // Commander itself needs these.
  'node:events', 'node:child_process', 'node:path', 'node:fs', 'node:process',
  // Paths of caches and the discovery cache read.
  'node:os', 'node:fs/promises',
]);
// yaml: only --os-cloud reads clouds.yaml, and a warm one reads the parse cache instead.
const HEAVY_PACKAGES = ['undici', 'cli-table3', 'chalk', 'ora', 'ini', 'yaml'];

/** What loading `from` loads (through static imports), in the bundle of src/entry.ts. */
async function staticallyReachable(from = 'src/entry.ts'): Promise<{ builtins: Set<string>; inputs: Set<string>; bundled: string[] }> {
  const result = await build({
    entryPoints: [resolve(ROOT, 'src/entry.ts')],
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
  return { builtins, inputs: seen, bundled: Object.keys(inputs) };
}

describe('start-up imports', () => {
  it('loads no heavy Node built-in and no heavy package before a command needs it', async () => {
    const { builtins, inputs } = await staticallyReachable();
    const heavyBuiltins = [...builtins].filter((name) => !ALLOWED_AT_STARTUP.has(name));
    expect(heavyBuiltins).toEqual([]);
    const heavyPackages = [...inputs].filter((file) => HEAVY_PACKAGES.some((name) => file.includes(`node_modules/${name}/`)));
    expect(heavyPackages).toEqual([]);
  }, 30_000);

  it('--os-cloud loads yaml only to parse: a warm parse cache does not load it', async () => {
    const { inputs } = await staticallyReachable('src/auth/clouds/clouds-config.ts');
    expect(inputs.size).toBeGreaterThan(1);
    expect([...inputs].filter((file) => file.includes('node_modules/yaml/'))).toEqual([]);
  }, 30_000);

  it('bundles every heavy package, behind a dynamic import (so the check above sees their files)', async () => {
    const { bundled } = await staticallyReachable();
    const missing = HEAVY_PACKAGES.filter((name) => !bundled.some((file) => file.includes(`node_modules/${name}/`)));
    expect(missing).toEqual([]);
  }, 30_000);

  it('bundles to CommonJS with no dynamic import() left for Node: that would start its ESM loader', async () => {
    // esbuild turns import() of bundled code into a lazy require, but keeps
    // import('node:...') of a built-in as a real import(), which costs every
    // such command ~20 ms of ESM loader set-up. Import built-ins statically
    // in a module that is itself imported lazily.
    const result = await build({
      entryPoints: [resolve(ROOT, 'src/entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      minify: true, // as the build does; also drops JSDoc `import('...')` types in comments
      write: false,
      logLevel: 'silent',
      alias: { 'node:http2': resolve(ROOT, 'src/http/http2-unavailable.ts') },
      define: { __UCINDER_VERSION__: '"test"' },
    });
    const code = result.outputFiles[0]!.text;
    const dynamicImports = [...code.matchAll(/\bimport\(\s*(["'][^"']*["'])/g)].map((match) => match[1]);
    expect(dynamicImports).toEqual([]);
  }, 30_000);
});
