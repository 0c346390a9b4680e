import { CommanderError, type Command } from 'commander';
import type { FactoryProvider } from './cli/command.js';
import { commandWordIndex, firstCommandWord, globalOptionWords } from './cli/command-word.js';
import type { Factory, FactoryDeps } from './cli/factory.js';
import { buildNoun } from './cli/lazy-tree.js';
import { buildProgram, type Openers } from './commands/root.js';
import { debugRequested, resolveSettings } from './cli/settings.js';
import { InterruptedError, UcinderError, UsageError } from './errors.js';
// Types only (erased from the build): the shell itself is loaded on demand, below.
import type { ShellLine } from './shell/shell-session.js';

export const EXIT_OK = 0;
/** An API, network or runtime failure. */
export const EXIT_FAILURE = 1;
/** Bad usage, detected before any request. */
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

/**
 * Runs one ucinder invocation (or, with `shellLine`, one line typed in the
 * shell) and returns its exit code. Nothing below this function decides exit
 * codes or prints errors.
 */
export async function main(argv: string[], deps: FactoryDeps, shellLine?: ShellLine): Promise<number> {
  const debug = debugRequested(argv, deps.env);
  let factory: Factory | undefined;
  // The factory's module (auth, API, HTTP) loads only for a command that runs: not for help or a usage error.
  let factoryClass: typeof Factory | undefined;
  // In the shell the tree outlives this line: its provider must not hold the line's factory.
  const factoryFor: FactoryProvider = shellLine
    ? (command) => shellLine.factoryFor(resolveSettings(command.optsWithGlobals(), deps.env))
    : (command) => (factory ??= new factoryClass!(deps, resolveSettings(command.optsWithGlobals(), deps.env)));
  // The shell and top return their own exit code.
  let interactiveCode: number | undefined;
  const openers: Openers = {
    shell: async (command) => {
      if (shellLine) throw new UsageError('already in the ucinder shell');
      interactiveCode = await startShell(argv, command, deps);
    },
    top: async (command) => {
      if (shellLine) throw new UsageError('top cannot run inside the ucinder shell (both read the keyboard): run it from your login shell');
      interactiveCode = await startTop(argv, command, deps);
    },
  };
  try {
    const program = shellLine ? (shellLine.program ??= buildProgram(factoryFor, deps.io, openers)) : buildProgram(factoryFor, deps.io, openers);
    // `ucinder` with global options only opens the shell (or reads a batch), as `openstack` does.
    const noCommand = deps.io.console !== undefined && !shellLine && firstCommandWord(argv) === undefined;
    const words = noCommand ? [...argv, 'shell'] : argv;
    if (!shellLine) {
      program.hook('preAction', async () => {
        factoryClass = (await import('./cli/factory.js')).Factory;
      });
    }
    // The branch the first word names; Commander's dispatch builds the rest of it (cli/lazy-tree.ts).
    await buildNoun(program, firstCommandWord(words));
    await program.parseAsync(words, { from: 'user' });
    return interactiveCode ?? EXIT_OK;
  } catch (error) {
    return reportError(error, deps, debug);
  } finally {
    if (!shellLine) await factory?.close();
  }
}

/** The shell is loaded only when asked for: one-shot commands never parse it. */
async function startShell(argv: string[], command: Command, deps: FactoryDeps): Promise<number> {
  const { runShell } = await import('./shell/index.js');
  const word = commandWordIndex(argv);
  return runShell({
    deps,
    settings: resolveSettings(command.optsWithGlobals(), deps.env),
    // The global options given with `shell` apply to every line.
    globalArgs: word < 0 ? argv : [...argv.slice(0, word), ...argv.slice(word + 1)],
    runLine: main,
  });
}

/** The console is loaded only when asked for, like the shell: no other command parses it. */
async function startTop(argv: string[], command: Command, deps: FactoryDeps): Promise<number> {
  const { runTop } = await import('./top/index.js');
  const options = command.opts() as { interval: number; allProjects?: boolean };
  return runTop({
    deps,
    settings: resolveSettings(command.optsWithGlobals(), deps.env),
    globalArgs: globalOptionWords(argv),
    runLine: main,
    intervalMs: options.interval * 1000,
    allProjects: options.allProjects === true,
  });
}

function reportError(error: unknown, deps: FactoryDeps, debug: boolean): number {
  const { stderr } = deps.io;
  if (error instanceof CommanderError) {
    // Commander has printed its message (or the help/version) already.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT_OK;
    return EXIT_USAGE;
  }
  const code = exitCodeFor(error);
  const message = error instanceof UcinderError ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
  stderr.write(`ucinder: ${message}\n`);
  if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  else if (!(error instanceof UcinderError)) stderr.write('ucinder: run with --debug for details\n');
  return code;
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT_USAGE;
  if (error instanceof InterruptedError) return EXIT_INTERRUPTED;
  return EXIT_FAILURE;
}
