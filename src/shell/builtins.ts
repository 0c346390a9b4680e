import { builtinHelpText, findBuiltin, shellHelpText, type CommandGroup } from '../cli/shell-vocabulary.js';
import { UcinderError, UsageError } from '../errors.js';
import type { ShellSession } from './shell-session.js';

/** What a builtin did: its exit code, or 'exit' to leave the shell; undefined when the line is a command. */
type BuiltinOutcome = number | 'exit' | undefined;

/** What the shell's own words need beyond the session. */
export interface BuiltinContext {
  /** The top-level command groups, for `help` (built on first use). */
  groups: () => Promise<CommandGroup[]>;
  /** Clears the terminal; undefined in batch mode, where `clear` does nothing. */
  clearScreen?: () => void;
}

/**
 * The words the shell answers itself (cli/shell-vocabulary.ts lists them):
 * `use`, `help` alone or on one of these words, `clear`, `exit`/`quit`.
 * `help COMMAND...` on a ucinder command is the command tree's own help.
 */
export async function runBuiltin(words: string[], session: ShellSession, context: BuiltinContext): Promise<BuiltinOutcome> {
  const [first, ...rest] = words;
  if ((first === 'exit' || first === 'quit') && rest.length === 0) return 'exit';
  if (first === 'clear' && rest.length === 0) {
    context.clearScreen?.();
    return 0;
  }
  if (first === 'help') {
    if (rest.length === 0) {
      session.io.stdout.write(shellHelpText(await context.groups()));
      return 0;
    }
    const builtin = rest.length === 1 ? findBuiltin(rest[0]!) : undefined;
    if (!builtin) return undefined;
    session.io.stdout.write(builtinHelpText(builtin));
    return 0;
  }
  if (first !== 'use') return undefined;
  const [what, name, ...extra] = rest;
  try {
    if (!name || extra.length || (what !== 'cloud' && what !== 'project')) {
      throw new UsageError('usage: use cloud NAME | use project NAME|ID');
    }
    if (what === 'cloud') await session.useCloud(name);
    else await session.useProject(name);
    return 0;
  } catch (error) {
    const message = error instanceof UcinderError ? error.message : (error as Error).message;
    session.io.stderr.write(`ucinder: ${message}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
