// `npm run build`: dist/ holds several CommonJS bundles so that a command
// parses only what it runs (issue 13; figures in bench/RESULTS.md):
//   ucinder.cjs  the entry: answers --version and a warm TAB itself, else requires cli.cjs
//   cli.cjs      the command tree (commander, commands, api, output)
//   undici.cjs   undici's Agent and request, required by http/transport.ts at the first request
//   <package>.cjs  chalk, cli-table3, ora, yaml: required where the code imports them (on use)
// Each part is a leaf or a plain function call away from the next, so no
// module (and no class that `instanceof` checks) is bundled twice.
// CommonJS throughout: Node's ESM loader costs ~20-40 ms per start-up.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
/** Packages built into a file of their own and required on first use. */
const PACKAGES = ['chalk', 'cli-table3', 'ora', 'yaml'];
/** Source modules that are a bundle of their own: import path suffix -> bundle. */
const PARTS = {
  'http/undici-agent.js': { entry: 'src/http/undici-agent.ts', bundle: 'undici.cjs' },
  'main.js': { entry: 'src/main.ts', bundle: 'cli.cjs' },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // esbuild would keep import() of an external as a real import(): that starts the ESM loader.
  supported: { 'dynamic-import': false },
  define: { __UCINDER_VERSION__: JSON.stringify(version) },
  alias: { 'node:http2': './src/http/http2-unavailable.ts' },
};

/** Imports of another part or of a split package become require('./<bundle>') at run time. */
function externalParts(self) {
  return {
    name: 'external-parts',
    setup(builder) {
      builder.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (PACKAGES.includes(args.path)) return { path: `./${args.path}.cjs`, external: true };
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

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  ...PACKAGES.map((name) => build({ ...common, entryPoints: [name], outfile: `dist/${name}.cjs` })),
  build({ ...common, entryPoints: ['src/entry.ts'], outfile: 'dist/ucinder.cjs', plugins: [externalParts('ucinder.cjs')] }),
  ...Object.values(PARTS).map((part) =>
    build({ ...common, entryPoints: [part.entry], outfile: `dist/${part.bundle}`, plugins: [externalParts(part.bundle)] }),
  ),
]);
