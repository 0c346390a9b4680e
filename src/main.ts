import { CommanderError } from 'commander';
import type { FactoryProvider } from './cli/command.js';
import { Factory, type FactoryDeps } from './cli/factory.js';
import { buildProgram } from './commands/root.js';
import { debugRequested, resolveSettings } from './cli/settings.js';
import { InterruptedError, UcinderError, UsageError } from './errors.js';

export const EXIT_OK = 0;
/** An API, network or runtime failure. */
export const EXIT_FAILURE = 1;
/** Bad usage, detected before any request. */
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

/**
 * Runs one ucinder invocation and returns its exit code. Nothing below this
 * function decides exit codes or prints errors.
 */
export async function main(argv: string[], deps: FactoryDeps): Promise<number> {
  const debug = debugRequested(argv, deps.env);
  let factory: Factory | undefined;
  const factoryFor: FactoryProvider = (command) => {
    factory ??= new Factory(deps, resolveSettings(command.optsWithGlobals(), deps.env));
    return factory;
  };
  try {
    const program = buildProgram(factoryFor, deps.io);
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    return reportError(error, deps, debug);
  } finally {
    await factory?.close();
  }
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
