import { readFileSync, readdirSync, unlinkSync } from 'node:fs';
import type Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { Env } from '../env.js';
import { cacheDir } from './paths.js';

/**
 * V8's compiled code of ucinder's bundles, kept between runs: compiling
 * cli.cjs and undici.cjs from source cost every command ~35 ms of its
 * start-up (bench/RESULTS.md). Node 20 has no module.enableCompileCache(),
 * so the bundles of dist/ are compiled here, through vm.Script with the
 * cachedData of the last run; Node's own loader still resolves, caches and
 * logs them (NODE_DEBUG=module). It works through the entry bundle's own
 * require() (its `extensions`, the built-ins it loads): the public
 * node:module would load Node's ESM loader at every start-up.
 *
 * A cache file is named after the bundle's content hash (from the build),
 * Node's version and the CPU architecture, so a new build or a new Node never
 * reads an old one; V8 checks the rest (its own version, its flags, the
 * source's length) and rejects what does not match, and a rejected or missing
 * cache is written again after the run. Files are written atomically; when
 * the directory cannot be read or written the bundles compile from source,
 * as without a cache.
 */

/** dist/ bundle name → hash of its content, as the build computed it. */
export type BundleHashes = Readonly<Record<string, string>>;

/**
 * What a bundle exports to undo the V8 flags it sets when it loads
 * (http/undici-agent.ts sets --liftoff-only): V8 stamps a cache with the
 * flags of the moment it is made, and the next run compiles the bundles
 * before that bundle loads, so the caches are made with the flags undone.
 */
export const UNDO_V8_FLAGS_EXPORT = 'undoV8Flags';

/** A bundle compiled without a usable cache: its code is stored after the run. */
interface Unsaved {
  script: Script;
  bundle: string;
  file: string;
  /** V8's cache compatibility stamp (version, flags, CPU) when it compiled. */
  versionTag: number;
}

/** How Node's CommonJS loader wraps a file: the same text, so V8 sees the same source as with its loader. */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'] as const;

export class CodeCache {
  private readonly unsaved: Unsaved[] = [];
  private readonly loaded: Module[] = [];

  /**
   * @param bundleDir the directory of the bundles (dist/)
   * @param cacheDir where the compiled code goes, e.g. ~/.cache/ucinder/code
   * @param require a CommonJS require(): its loaders are extended, and it loads the built-ins used here
   */
  constructor(
    private readonly bundleDir: string,
    private readonly cacheDir: string,
    private readonly hashes: BundleHashes,
    private readonly require: NodeJS.Require,
  ) {}

  /** From now on, require() of a bundle named in `hashes` compiles it with its cache. */
  install(): void {
    const extensions = this.require.extensions;
    const fallback = extensions['.cjs'] ?? extensions['.js']!;
    extensions['.cjs'] = (module, filename) => {
      const hash = dirname(filename) === this.bundleDir ? this.hashes[basename(filename)] : undefined;
      if (hash === undefined) fallback(module, filename);
      else this.compile(module, filename, hash);
    };
  }

  private compile(module: Module, filename: string, hash: string): void {
    const source = readFileSync(filename, 'utf8');
    const bundle = basename(filename);
    const file = join(this.cacheDir, `${bundle}-${hash}-${process.version}-${process.arch}.code`);
    const cachedData = readIfPresent(file);
    const script = new Script(WRAPPER[0] + source + WRAPPER[1], { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) {
      this.unsaved.push({ script, bundle, file, versionTag: this.versionTag() });
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => void;
    const moduleRequire = (id: string): unknown => module.require(id);
    wrapper.call(module.exports, module.exports, moduleRequire, module, filename, dirname(filename));
    this.loaded.push(module);
  }

  /**
   * Stores the compiled code of the bundles that had no usable cache, after
   * the run (so the functions it ran are compiled in it). Never fails: a
   * cache that cannot be written is simply not there next time.
   */
  async save(): Promise<void> {
    if (!this.unsaved.length) return;
    try {
      const { setFlagsFromString } = this.require('node:v8') as typeof import('node:v8');
      // Loaded here, not with this module: only a run that stores anything needs them.
      const { writeFileAtomic } = await import('./atomic-file.js');
      const made = this.take();
      for (const module of this.loaded) {
        const undo: unknown = (module.exports as Record<string, unknown> | undefined)?.[UNDO_V8_FLAGS_EXPORT];
        if (typeof undo === 'string') setFlagsFromString(undo);
      }
      made.push(...this.take());
      await Promise.all(made.map(async (entry) => this.write(entry, writeFileAtomic)));
    } catch {
      // A cache is an optimisation: without it the next run compiles from source.
    }
  }

  /** The caches that match V8's current flags, taken from the unsaved list. */
  private take(): { bundle: string; file: string; data: Buffer }[] {
    const now = this.versionTag();
    const ready = this.unsaved.filter((entry) => entry.versionTag === now);
    for (const entry of ready) this.unsaved.splice(this.unsaved.indexOf(entry), 1);
    return ready.map(({ script, bundle, file }) => ({ bundle, file, data: script.createCachedData() }));
  }

  private async write(
    { bundle, file, data }: { bundle: string; file: string; data: Buffer },
    writeFileAtomic: (path: string, content: Uint8Array, options: { mode: number }) => Promise<void>,
  ): Promise<void> {
    try {
      await writeFileAtomic(file, data, { mode: 0o600 });
      // Older builds' and Nodes' caches of this bundle are of no use any more.
      for (const name of readdirSync(this.cacheDir)) {
        if (name.startsWith(`${bundle}-`) && name !== basename(file)) unlinkSync(join(this.cacheDir, name));
      }
    } catch {
      // Read-only or full: the next run compiles from source, as now.
    }
  }

  private versionTag(): number {
    return (this.require('node:v8') as typeof import('node:v8')).cachedDataVersionTag();
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Saves what the run compiled, once it is done (nothing to do where Node keeps the cache itself). */
export interface CompiledCodeKeeper {
  save(): Promise<void>;
}

/**
 * Keeps the compiled code of the bundles in `bundleDir` in the cache
 * directory (~/.cache/ucinder/code): Node's own compile cache where it has
 * one (22.1+), else the CodeCache above.
 */
export function keepCompiledCode(bundleDir: string, env: Env, hashes: BundleHashes, require: NodeJS.Require): CompiledCodeKeeper {
  const dir = join(cacheDir(env), 'code');
  if (Number(process.versions.node.split('.')[0]) >= 22) {
    const { enableCompileCache } = require('node:module') as { enableCompileCache?: (dir: string) => unknown };
    if (enableCompileCache) {
      enableCompileCache(dir);
      return { save: async () => undefined };
    }
  }
  const cache = new CodeCache(bundleDir, dir, hashes, require);
  cache.install();
  return cache;
}
