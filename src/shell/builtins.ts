import { UcinderError, UsageError } from '../errors.js';
import type { ShellSession } from './shell-session.js';

/** The words the shell answers itself; everything else is a ucinder command. */
export const BUILTINS = ['use', 'exit', 'quit'] as const;

/** What a builtin did: its exit code, or 'exit' to leave the shell; undefined when the line is a command. */
type BuiltinOutcome = number | 'exit' | undefined;

export async function runBuiltin(words: string[], session: ShellSession): Promise<BuiltinOutcome> {
  const [first, ...rest] = words;
  if ((first === 'exit' || first === 'quit') && rest.length === 0) return 'exit';
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
