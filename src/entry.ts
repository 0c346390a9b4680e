import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helpRequestWords } from './cli/help-texts.js';
import type { ScopeVariables } from './cli/quick-names.js';
import type { BundleHashes } from './state/code-cache.js';
import { systemIOStreams } from './output/iostreams.js';
import { VERSION } from './version.js';

// The published bin's entry: wires the real process to main(). The build
// (scripts/build.mjs) keeps this bundle small: main() and the command tree are
// another bundle (cli.cjs), required below only when there is a command to
// run, and undici a third one, required at the first request. What needs no
// command tree is answered here, before any of it loads (figures in
// bench/RESULTS.md): --version; `[WORDS...] --help` in a pipe, from the text
// the build captured from the full program; a TAB's names from a fresh cache.
// What changes the whole process is done here, but for one V8 flag:
// --liftoff-only is set in http/undici-agent.ts once undici is loaded (before
// its first connection), because built-ins loaded after it lose their code
// cache (measured there).

/** Set by the build: `ucinder --help` as the full program prints it in a pipe (80 columns). */
declare const __UCINDER_ROOT_HELP__: string | undefined;
/** Set by the build: which variables name a completion cache's scope (cli/quick-names.ts). */
declare const __UCINDER_SCOPE_VARIABLES__: ScopeVariables | undefined;
/** Set by the build: the hash of every other bundle of dist/, which names its compiled code's cache. */
declare const __UCINDER_BUNDLE_HASHES__: BundleHashes | undefined;

const argv = process.argv.slice(2);
const env = process.env;
const rootHelp = typeof __UCINDER_ROOT_HELP__ === 'string' ? __UCINDER_ROOT_HELP__ : undefined;
const scopeVariables = typeof __UCINDER_SCOPE_VARIABLES__ === 'object' ? __UCINDER_SCOPE_VARIABLES__ : undefined;
const bundleHashes = typeof __UCINDER_BUNDLE_HASHES__ === 'object' ? __UCINDER_BUNDLE_HASHES__ : undefined;
// A terminal's width changes how Commander wraps help: on one, help goes the full way.
const helpWords = process.stdout.isTTY ? undefined : helpRequestWords(argv);
const helpText = helpWords === undefined ? undefined : storedHelp(helpWords);

if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`${VERSION}\n`);
} else if (helpText !== undefined) {
  process.stdout.write(helpText);
} else if (scopeVariables && argv[0] === 'completion' && argv[1] === 'names') {
  void import('./cli/quick-names.js')
    .then(({ quickCompletionNames }) => quickCompletionNames(argv, env, scopeVariables))
    // Whatever went wrong, the command itself answers (and reports it under --debug).
    .catch(() => undefined)
    .then((names) => {
      if (!names) return run();
      if (names.length) process.stdout.write(`${names.join('\n')}\n`);
    });
} else {
  run();
}

/**
 * The help the build stored for `ucinder WORDS --help` in a pipe: the root's
 * in this bundle, the others in help.json beside it (read only here). Undefined
 * when there is none (a word that is no command, an alias, a text that depends
 * on the environment): the program answers then.
 */
function storedHelp(words: string): string | undefined {
  if (words === '') return rootHelp;
  try {
    // A single executable (scripts/package/sea.mjs) carries help.json as an asset.
    const sea = require('node:sea') as typeof import('node:sea');
    const stored = sea.isSea() ? sea.getAsset('help.json', 'utf8') : readFileSync(join(__dirname, 'help.json'), 'utf8');
    const texts = JSON.parse(stored) as Record<string, string>;
    return Object.hasOwn(texts, words) ? texts[words] : undefined;
  } catch {
    return undefined;
  }
}

function run(): void {
  // `ucinder volume list | head -1` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

  const interrupt = new AbortController();
  process.once('SIGINT', () => {
    interrupt.abort();
    // Whatever is in flight unwinds on the abort; a second Ctrl-C, or a stuck
    // unwind, ends the process at once.
    process.once('SIGINT', () => process.exit(130));
    setTimeout(() => process.exit(130), 2000).unref();
  });

  // The bundle is CommonJS (see the build script): no top-level await, and
  // these import()s become require()s, of cli.cjs for main.js.
  void compiledCode().then(async (keeper) => {
    const [{ main }, { isSea }] = await Promise.all([import('./main.js'), import('node:sea')]);
    process.exitCode = await main(argv, {
      io: systemIOStreams(env),
      env,
      signal: interrupt.signal,
      // A single executable (scripts/package.mjs) is the program itself: its
      // argv[1] repeats the executable's path and its execArgv are built in.
      programArgv: isSea() ? [process.execPath] : [process.execPath, ...process.execArgv, process.argv[1]],
    });
    await keeper?.save();
  });
}

/** From here on, the bundles of dist/ load with their compiled code of the last run (state/code-cache.ts). */
async function compiledCode() {
  if (!bundleHashes) return undefined;
  // A single executable's bundles carry the code cache made when it was built (scripts/package/sea.mjs).
  if ((await import('node:sea')).isSea()) return undefined;
  const { keepCompiledCode } = await import('./state/code-cache.js');
  // This bundle's own require(): its loaders learn the cache (no public node:module needed).
  return keepCompiledCode(__dirname, env, bundleHashes, require);
}
