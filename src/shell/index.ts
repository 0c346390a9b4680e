import { completionModel } from '../completion/command-model.js';
import type { NameKind } from '../completion/name-kinds.js';
import { UsageError } from '../errors.js';
import { Help, type Command } from 'commander';
import type { CommandGroup } from '../cli/shell-vocabulary.js';
import { buildNoun } from '../cli/lazy-tree.js';
import { buildProgram, buildWholeProgram } from '../commands/root.js';
import { HISTORY_LIMIT, HistoryFile, historyPath } from '../state/history-file.js';
import { runBatch } from './batch.js';
import { runInteractive } from './interactive.js';
import { numberedErrors } from './numbered-errors.js';
import { ShellSession, type ShellOptions } from './shell-session.js';

/** Names fetched for TAB are reused this long: a burst of TABs makes one request. */
const NAMES_TTL_MS = 10_000;
/** TAB waits at most this long for the cloud. */
const NAMES_TIMEOUT_MS = 3_000;

/**
 * The shell's one entry point (main imports it on demand): the prompt on a
 * terminal, batch mode when standard input is a pipe or a file.
 */
export async function runShell(options: ShellOptions): Promise<number> {
  const { deps } = options;
  const console = deps.io.console;
  if (!console) throw new UsageError('the shell needs a standard input');
  if (!console.inputIsTTY) {
    let lineNumber = 0;
    const io = { ...deps.io, stderr: numberedErrors(deps.io.stderr, () => lineNumber) };
    const session = new ShellSession(options, io);
    try {
      return await runBatch(session, {
        input: console.input,
        keepGoing: options.settings.keepGoing,
        onLine: (number) => (lineNumber = number),
        signal: deps.signal,
        groups: async () => {
          const program = buildProgram(() => session.current(), io);
          await buildNoun(program);
          return commandGroups(program);
        },
      });
    } finally {
      await session.close();
    }
  }
  const session = new ShellSession(options);
  try {
    const program = await buildWholeProgram(() => session.current(), deps.io);
    return await runInteractive(session, {
      console,
      history: new HistoryFile(historyPath(deps.env, options.settings.stateDir)),
      historyLimit: HISTORY_LIMIT,
      model: completionModel(program),
      names: liveNames(session),
      groups: async () => commandGroups(program),
    });
  } finally {
    await session.close();
  }
}

/**
 * Resource names for TAB from the shell's own session, remembered briefly. A
 * TAB waits a few seconds at most; a listing still running then is kept, so
 * a later TAB gets its names (as the bash script's background refresh does).
 */
function liveNames(session: ShellSession): (kind: NameKind) => Promise<string[]> {
  const fetched = new Map<string, { names: Promise<string[]>; at?: number }>();
  return async (kind) => {
    const key = `${kind} ${JSON.stringify(session.current().settings)}`;
    const known = fetched.get(key);
    if (!known || (known.at !== undefined && Date.now() - known.at > NAMES_TTL_MS)) {
      const entry: { names: Promise<string[]>; at?: number } = {
        names: (async () => {
          const { fetchNames } = await import('../completion/name-sources.js');
          return fetchNames(await session.current().session(), kind);
        })(),
      };
      entry.names.then(
        () => (entry.at = Date.now()),
        () => fetched.delete(key),
      );
      fetched.set(key, entry);
    }
    const names = fetched.get(key)!.names;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string[]>((resolve) => (timer = setTimeout(() => resolve([]), NAMES_TIMEOUT_MS)));
    try {
      return await Promise.race([names.catch(() => []), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The program's top-level commands as `help` lists them (not `help` and `shell`: at the prompt, they are the shell's). */
function commandGroups(program: Command): CommandGroup[] {
  return new Help()
    .visibleCommands(program)
    .filter((command) => command.name() !== 'help' && command.name() !== 'shell')
    .map((command) => ({ name: command.name(), summary: command.summary() || command.description().split('\n')[0]! }));
}
