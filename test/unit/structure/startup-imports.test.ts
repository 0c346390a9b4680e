import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNDO_V8_FLAGS_EXPORT } from '../../../src/state/code-cache.js';
// @ts-expect-error: the build script is plain JavaScript.
import { buildDist } from '../../../scripts/build.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Start-up is a feature (see bench/RESULTS.md): dist/ucinder.cjs is
 * parsed by every invocation, even `--version` and a TAB, so it holds only the
 * entry; cli.cjs (the command tree) by every command; undici.cjs only once a
 * request is made; the heavy packages only where they are used. Within a
 * bundle, heavy modules must be behind a dynamic import() at the point of use.
 */
const ALLOWED_AT_STARTUP = new Set([
  // Commander itself needs these (the build gives it child_process on first use).
  'node:events',
  'node:child_process',
  'node:path',
  'node:fs',
  'node:process',
  // Paths of caches and the discovery cache read.
  'node:os',
  'node:fs/promises',
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
/**
 * dist/ without help.json: the entry has no stored help, so a --help in a pipe
 * goes the program's way, as on a terminal (whose width the text follows).
 */
let fullWay: string;
let metafiles: Record<string, Metafile>;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'ucinder-dist-'));
  metafiles = await buildDist(dist);
  fullWay = mkdtempSync(join(tmpdir(), 'ucinder-dist-'));
  cpSync(dist, fullWay, { recursive: true, filter: (path) => basename(path) !== 'help.json' });
}, 60_000);

/** The source files and packages a bundle contains. */
function bundled(bundle: string): string[] {
  return Object.values(metafiles[bundle]!.outputs).flatMap((output) => Object.keys(output.inputs).filter((input) => !input.startsWith('<define:')));
}

function packagesIn(bundle: string): string[] {
  return [...new Set(bundled(bundle).flatMap((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? []))];
}

/** The whole command tree, as completion and the man pages build it. */
async function wholeProgram(): Promise<Command> {
  const { buildWholeProgram } = await import('../../../src/commands/root.js');
  const { bufferIOStreams } = await import('../../../src/output/iostreams.js');
  return buildWholeProgram(() => {
    throw new Error('no command runs here');
  }, bufferIOStreams().io);
}

/** How many commands there are below `command`, at any depth. */
function commandCount(command: Command): number {
  return command.commands.reduce((count, sub) => count + 1 + commandCount(sub), 0);
}

/** The other files of dist/ a bundle requires. */
function requiredParts(bundle: string): string[] {
  return Object.values(metafiles[bundle]!.outputs).flatMap((output) => output.imports.filter((edge) => edge.external && edge.path.startsWith('./')).map((edge) => edge.path));
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
      // '<runtime>': esbuild's own helpers (here, for the entry's require()), not a module.
      if (edge.kind === 'dynamic-import' || edge.path === '<runtime>') continue;
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
      'src/cli/help-texts.ts',
      'src/cli/quick-names.ts',
      'src/completion/name-kinds.ts',
      'src/entry.ts',
      'src/output/iostreams.ts',
      'src/state/atomic-file.ts',
      'src/state/cache-key.ts',
      'src/state/code-cache.ts',
      'src/state/name-cache.ts',
      'src/state/paths.ts',
      'src/version.ts',
    ]);
    expect(requiredParts('ucinder.cjs')).toEqual(['./cli.cjs']);
    // The captured root help is most of it (it grows with the global options).
    expect(statSync(join(dist, 'ucinder.cjs')).size).toBeLessThan(20 * 1024);
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

  it("the entry answers every command's --help in a pipe (help.json) with what the full program prints, whatever the environment", async () => {
    const { main } = await import('../../../src/main.js');
    const { bufferIOStreams } = await import('../../../src/output/iostreams.js');
    const stored = JSON.parse(readFileSync(join(dist, 'help.json'), 'utf8')) as Record<string, string>;
    // Every command: none of their texts depends on the environment today.
    expect(Object.keys(stored).length).toBe(commandCount(await wholeProgram()));
    const env = { OS_CLOUD: 'c', OS_ENDPOINT: 'http://x:8776', OS_PROJECT_ID: 'p', HOME: '/nonexistent', XDG_CONFIG_HOME: '/x', UCINDER_DEBUG: '1', COLUMNS: '200' };
    for (const [words, text] of Object.entries(stored)) {
      for (const environment of [{}, env]) {
        const full = bufferIOStreams();
        expect(await main([...words.split(' '), '--help'], { io: full.io, env: environment }), words).toBe(0);
        expect(full.stdout(), words).toBe(text);
      }
    }
    for (const args of [
      ['volume', 'type', 'create', '--help'],
      ['volume', 'backup', '-h'],
    ]) {
      const quick = spawnSync(process.execPath, [join(dist, 'ucinder.cjs'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH } });
      expect({ status: quick.status, stdout: quick.stdout, stderr: quick.stderr }).toEqual({ status: 0, stdout: stored[args.slice(0, -1).join(' ')], stderr: '' });
    }
  }, 120_000);

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
    expect(loaded('volume', 'type', 'create', '--help').bundles).toEqual(['ucinder.cjs']);
    // A help the entry has no text for (the words name no command) goes the full way.
    expect(loaded('volume', 'nosuch', '--help').bundles).toEqual(['cli.cjs', 'ucinder.cjs']);
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
    expect([...inputs]).not.toContain('src/commands/top/index.ts');
  }, 30_000);

  it('the entry loads nothing but its own few lines before it decides what to run', async () => {
    const { builtins, inputs } = await staticallyReachable('src/entry.ts');
    // For a --help in a pipe, help.json: fs and path (Node's own start-up has loaded them already) or,
    // in a single executable, sea (which every command loads anyway).
    expect([...builtins].sort()).toEqual(['node:fs', 'node:path', 'node:sea']);
    expect([...inputs].sort()).toEqual(['src/cli/help-texts.ts', 'src/entry.ts', 'src/output/iostreams.ts', 'src/version.ts']);
  }, 30_000);

  it('--os-cloud loads yaml only to parse: a warm parse cache does not load it', async () => {
    const { inputs } = await staticallyReachable('src/auth/clouds/clouds-config.ts');
    expect(inputs.size).toBeGreaterThan(1);
    expect([...inputs].filter((file) => file.includes('node_modules/yaml/'))).toEqual([]);
  }, 30_000);
});

describe('start-up: a command builds only its branch of the tree', () => {
  /**
   * The tree main() builds for `argv` (run as the shell runs a line, which
   * keeps the tree): every command in it, by path, and whether it has children.
   */
  async function treeBuiltFor(argv: string[]): Promise<{ code: number; stderr: string; built: string[] }> {
    const { main } = await import('../../../src/main.js');
    const { bufferIOStreams } = await import('../../../src/output/iostreams.js');
    const streams = bufferIOStreams();
    const line: { program?: Command; factoryFor: () => never } = {
      factoryFor: () => {
        throw new Error('no command runs here');
      },
    };
    const code = await main(argv, { io: streams.io, env: {} }, line as never);
    const built: string[] = [];
    const visit = (command: Command, path: string[]) => {
      for (const sub of command.commands) {
        built.push([...path, sub.name()].join(' '));
        visit(sub, [...path, sub.name()]);
      }
    };
    visit(line.program!, []);
    return { code, stderr: streams.stderr(), built };
  }

  it('`volume type create --help` builds the nouns on its way and that one verb', async () => {
    const { built } = await treeBuiltFor(['volume', 'type', 'create', '--help']);
    // Under the program: nouns only (bare), no verb; the same under `volume`, but `type`.
    const verbsBuilt = built.filter(
      (path) => path.split(' ').length > 1 && !/^volume (type|service|snapshot|attachment|host|transfer|qos|backup|backend|message|group)$/.test(path),
    );
    expect(verbsBuilt).toEqual(['volume type create', 'volume type access', 'volume type default']);
    expect(built).toContain('volume');
    expect(built).toContain('block');
    expect(built).not.toContain('status');
    expect(built).not.toContain('help');
  });

  it('a usage error of `volume list` builds `list` and no other verb', async () => {
    const { code, built } = await treeBuiltFor(['volume', 'list', '--nonsense']);
    expect(code).toBe(2);
    expect(built.filter((path) => path.startsWith('volume ') && !/^volume \w+$/.test(path))).toEqual([]);
    expect(built).toContain('volume list');
    expect(built).not.toContain('volume show');
  });

  it('a mistyped verb builds its noun whole, so Commander suggests from every verb', async () => {
    const { code, stderr, built } = await treeBuiltFor(['volume', 'snapshot', 'lsit']);
    expect(code).toBe(2);
    expect(stderr).toBe("ucinder: unknown command 'lsit'\n(Did you mean list?)\n");
    expect(built.filter((path) => path.startsWith('volume snapshot '))).toEqual(['create', 'list', 'show', 'set', 'unset', 'delete'].map((verb) => `volume snapshot ${verb}`));
    expect(built).not.toContain('volume list');
  });

  it('the help of a noun lists what the whole tree has, in its order', async () => {
    const { bufferIOStreams } = await import('../../../src/output/iostreams.js');
    const whole = await wholeProgram();
    const find = (path: string[]) => path.reduce((command, word) => command.commands.find((sub) => sub.name() === word)!, whole);
    for (const path of [['volume'], ['volume', 'type'], ['block', 'storage'], ['volume', 'backup']]) {
      const { main } = await import('../../../src/main.js');
      const lazy = bufferIOStreams();
      expect(await main([...path, '--help'], { io: lazy.io, env: {} })).toBe(0);
      expect(lazy.stdout(), path.join(' ')).toBe(find(path).helpInformation());
    }
  }, 60_000);

  it('loads no built-in it does not use: a leaf --help rendered by the program (as on a terminal) neither child_process (for Commander) nor fs/promises', () => {
    const home = mkdtempSync(join(tmpdir(), 'ucinder-home-'));
    const report = join(home, 'loaded.txt');
    const preload = join(home, 'report.cjs');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, process.moduleLoadList.join('\\n')));`);
    const leafHelp = () =>
      spawnSync(process.execPath, ['-r', preload, join(fullWay, 'ucinder.cjs'), 'volume', 'type', 'create', '--help'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, 'cache') },
      });
    // The first run stores the compiled code (which loads fs/promises to write it); the second is any later one.
    expect(leafHelp().status).toBe(0);
    expect(leafHelp().status).toBe(0);
    const builtins = readFileSync(report, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('NativeModule '))
      .map((line) => line.slice(13));
    for (const name of ['child_process', 'dgram', 'fs/promises', 'module', 'crypto']) expect(builtins, name).not.toContain(name);
  }, 30_000);
});

describe('start-up: compiled code kept between runs (state/code-cache.ts)', () => {
  /** Runs dist/ucinder.cjs with its caches under `home`; port 9 refuses, so a request fails fast after undici loaded. */
  const runIn = (home: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(fullWay, 'ucinder.cjs'), ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), OS_ENDPOINT: 'http://127.0.0.1:9', OS_PROJECT_ID: '0123456789abcdef0123456789abcdef' },
    });
  /** The cache files, by bundle: name and modification time. */
  const cacheFiles = (home: string) =>
    Object.fromEntries(
      readdirSync(join(home, 'cache', 'ucinder', 'code')).map((name) => [name.split('-')[0]!, { name, mtimeMs: statSync(join(home, 'cache', 'ucinder', 'code', name)).mtimeMs }]),
    );

  it('the first run stores the code of the bundles it loaded; the next one uses it and stores nothing', () => {
    const home = mkdtempSync(join(tmpdir(), 'ucinder-home-'));
    const first = runIn(home, '--no-cache', 'volume', 'list');
    expect(first.status).toBe(1);
    const stored = cacheFiles(home);
    expect(Object.keys(stored).sort()).toEqual(['cli.cjs', 'undici.cjs']);
    // Named after the bundle's hash and Node's version, so a new build or Node never reads it.
    expect(stored['cli.cjs']!.name).toMatch(new RegExp(`^cli\\.cjs-[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.code$`));
    const second = runIn(home, '--no-cache', 'volume', 'list');
    expect({ status: second.status, stderr: second.stderr }).toEqual({ status: first.status, stderr: first.stderr });
    // V8 accepted both caches (a rejected one is stored again), undici's too: its V8 flag was undone before storing.
    expect(cacheFiles(home)).toEqual(stored);
  }, 30_000);

  it('a corrupt cache is rejected and stored again; a cache directory that cannot be made changes nothing', () => {
    const home = mkdtempSync(join(tmpdir(), 'ucinder-home-'));
    const expected = runIn(home, 'volume', 'type', 'create', '--help');
    expect(expected.status).toBe(0);
    const { name } = cacheFiles(home)['cli.cjs']!;
    for (const garbage of [Buffer.alloc(0), Buffer.from('not a code cache'), readFileSync(join(home, 'cache', 'ucinder', 'code', name)).subarray(0, 1000)]) {
      writeFileSync(join(home, 'cache', 'ucinder', 'code', name), garbage);
      const run = runIn(home, 'volume', 'type', 'create', '--help');
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: expected.stdout, stderr: '' });
      expect(statSync(join(home, 'cache', 'ucinder', 'code', name)).size).toBeGreaterThan(1000);
    }
    // XDG_CACHE_HOME is a file: nothing can be stored under it.
    const blocked = mkdtempSync(join(tmpdir(), 'ucinder-home-'));
    writeFileSync(join(blocked, 'cache'), '');
    const run = runIn(blocked, 'volume', 'type', 'create', '--help');
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: expected.stdout, stderr: '' });
  }, 60_000);

  it('undici.cjs exports what undoes the V8 flag it sets: the flags are as they were at start-up', () => {
    const script = `
      const { cachedDataVersionTag } = require('node:v8');
      const before = cachedDataVersionTag();
      const undici = require(${JSON.stringify(join(dist, 'undici.cjs'))});
      const changed = cachedDataVersionTag() !== before;
      require('node:v8').setFlagsFromString(undici[${JSON.stringify(UNDO_V8_FLAGS_EXPORT)}]);
      process.stdout.write(JSON.stringify({ changed, restored: cachedDataVersionTag() === before }));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(JSON.parse(run.stdout)).toEqual({ changed: true, restored: true });
  });
});
