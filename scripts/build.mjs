// `npm run build`: dist/ holds several CommonJS bundles so that a command
// parses only what it runs (figures in bench/RESULTS.md):
//   ucinder.cjs  the entry: answers --version, --help in a pipe and a warm TAB itself, else requires cli.cjs
//   cli.cjs      main() and the command tree (commander, commands, api, output)
//   undici.cjs   undici's Agent and request, required by http/transport.ts at the first request
//   <package>.cjs  chalk, cli-table3, ora, yaml: required where the code imports them (on use)
// Each part is a leaf, or reached through one import() of its entry module,
// so no class that `instanceof` checks is bundled twice (the entry's TAB path
// has its own copy of the name cache's few stateless modules).
// CommonJS throughout: Node's ESM loader costs ~20-40 ms per start-up.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages built into a file of their own, required on first use. 'default':
 * the code only takes the package's default export (import('chalk').default),
 * so the file exports it as module.exports, which is what an import() of a
 * CommonJS file yields as default.
 */
export const PACKAGES = { chalk: 'default', 'cli-table3': 'module', ora: 'default', yaml: 'module' };
/** Source modules that are bundles of their own: path under src/ (as imported) -> entry and bundle. */
export const PARTS = {
  'http/undici-agent.js': { entry: 'src/http/undici-agent.ts', bundle: 'undici.cjs' },
  'main.js': { entry: 'src/main.ts', bundle: 'cli.cjs' },
};
export const ENTRY = { entry: 'src/entry.ts', bundle: 'ucinder.cjs' };

/** Imports of another part or of a split package become require('./<bundle>') at run time. */
function externalParts(self) {
  return {
    name: 'external-parts',
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (args.path in PACKAGES) return { path: `./${args.path}.cjs`, external: true };
        for (const [suffix, part] of Object.entries(PARTS)) {
          if (part.bundle !== self && args.path.startsWith('.') && resolve(args.resolveDir, args.path).endsWith(`/src/${suffix}`)) {
            return { path: `./${part.bundle}`, external: true };
          }
        }
        return undefined;
      });
    },
  };
}

/**
 * Commander requires node:child_process when it loads (and with it net and
 * dgram, ~2-3 ms of every start-up) only to spawn executable sub-commands,
 * which ucinder does not have: it gets a stand-in that loads child_process
 * on first use.
 */
function lazyChildProcessForCommander() {
  return {
    name: 'lazy-child-process-for-commander',
    setup(builder) {
      builder.onResolve({ filter: /^node:child_process$/ }, (args) =>
        args.importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
      );
      builder.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
        contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
        loader: 'js',
      }));
    },
  };
}

/** Builds every bundle into `outdir`; returns esbuild's metafile of each (by bundle name). */
export async function buildDist(outdir = join(ROOT, 'dist')) {
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    // esbuild would keep import() of an external as a real import(): that starts the ESM loader.
    supported: { 'dynamic-import': false },
    define: { __UCINDER_VERSION__: JSON.stringify(version) },
    alias: { 'node:http2': './src/http/http2-unavailable.ts' },
  };
  rmSync(outdir, { recursive: true, force: true });
  const packageBuilds = Object.entries(PACKAGES).map(([name, shape]) => {
    const entry =
      shape === 'default'
        ? { stdin: { contents: `module.exports = require(${JSON.stringify(name)}).default;`, resolveDir: ROOT, sourcefile: `${name}.cjs` } }
        : { entryPoints: [name] };
    return [`${name}.cjs`, build({ ...common, ...entry, outfile: join(outdir, `${name}.cjs`) })];
  });
  const entryBuild = (define = {}) =>
    build({ ...common, define: { ...common.define, ...define }, entryPoints: [ENTRY.entry], outfile: join(outdir, ENTRY.bundle), plugins: [externalParts(ENTRY.bundle)] });
  const partBuilds = Object.values(PARTS).map((part) => [
    part.bundle,
    build({ ...common, entryPoints: [part.entry], outfile: join(outdir, part.bundle), plugins: [externalParts(part.bundle), lazyChildProcessForCommander()] }),
  ]);
  const built = Object.fromEntries(
    await Promise.all([...packageBuilds, ...partBuilds, [ENTRY.bundle, entryBuild()]].map(async ([bundle, result]) => [bundle, (await result).metafile])),
  );
  // What the entry answers without the command tree, taken from the program
  // itself so that it cannot drift: every command's help as printed in a pipe
  // (the root's inside the entry, the others in help.json, read on a --help),
  // and the table of the variables that name a completion cache's scope.
  const { '': rootHelp, ...commandHelp } = await helpTexts();
  writeFileSync(join(outdir, 'help.json'), JSON.stringify(commandHelp));
  // The hash of every other bundle names its compiled code's cache (state/code-cache.ts).
  const bundleHashes = Object.fromEntries(
    Object.keys(built)
      .filter((bundle) => bundle !== ENTRY.bundle)
      .map((bundle) => [
        bundle,
        createHash('sha256')
          .update(readFileSync(join(outdir, bundle)))
          .digest('hex')
          .slice(0, 16),
      ]),
  );
  built[ENTRY.bundle] = (
    await entryBuild({
      __UCINDER_ROOT_HELP__: JSON.stringify(rootHelp),
      __UCINDER_SCOPE_VARIABLES__: JSON.stringify(await scopeVariables()),
      __UCINDER_BUNDLE_HASHES__: JSON.stringify(bundleHashes),
    })
  ).metafile;
  return built;
}

/** cli/quick-names.ts's scopeVariablesOf(GLOBAL_OPTIONS), computed by a throwaway bundle. */
async function scopeVariables() {
  const script = await throwawayBundle(`import { GLOBAL_OPTIONS } from './src/cli/global-options.ts';
    import { scopeVariablesOf } from './src/cli/quick-names.ts';
    process.stdout.write(JSON.stringify(scopeVariablesOf(GLOBAL_OPTIONS)));`);
  return JSON.parse(execFileSync(process.execPath, ['-'], { input: script, encoding: 'utf8' }));
}

/**
 * cli/help-texts.ts's texts of the whole tree, rendered by a throwaway bundle
 * in a pipe, twice: in a bare environment and in one where every variable a
 * help text could read is set. Only what both print alike is kept; the
 * program itself answers the rest, whatever the user's environment holds.
 */
async function helpTexts() {
  const script = await throwawayBundle(`import { helpTexts } from './src/cli/help-texts.ts';
    import { buildWholeProgram } from './src/commands/root.ts';
    import { bufferIOStreams } from './src/output/iostreams.ts';
    const output = bufferIOStreams();
    void buildWholeProgram(() => { throw new Error('no command runs while rendering help'); }, output.io)
      .then((program) => process.stdout.write(JSON.stringify(helpTexts(program, output))));`);
  const render = (env) => JSON.parse(execFileSync(process.execPath, ['-'], { input: script, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 }));
  const busy = { HOME: '/nonexistent/home', XDG_CONFIG_HOME: '/x/config', XDG_CACHE_HOME: '/x/cache', XDG_STATE_HOME: '/x/state', FORCE_COLOR: '1', COLUMNS: '200', LANG: 'C' };
  for (const name of ['OS_CLOUD', 'OS_ENDPOINT', 'OS_PROJECT_ID', 'OS_VOLUME_API_VERSION', 'OS_AUTH_TYPE', 'OS_REGION_NAME', 'OS_INTERFACE']) busy[name] = `busy-${name}`;
  const [bare, inBusy] = [render({}), render(busy)];
  return Object.fromEntries(Object.entries(bare).filter(([words, text]) => inBusy[words] === text));
}

/** One file bundling `contents` (TypeScript importing src/), as CommonJS source for `node -`. */
async function throwawayBundle(contents) {
  const { outputFiles } = await build({
    absWorkingDir: ROOT,
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  return outputFiles[0].text;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await buildDist();
