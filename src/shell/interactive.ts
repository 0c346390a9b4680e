import { createInterface, type Interface } from 'node:readline';
import type { CompletionModel } from '../completion/command-model.js';
import { UsageError } from '../errors.js';
import { isYes, type Confirmer } from '../output/confirm.js';
import type { ConsoleStreams } from '../output/iostreams.js';
import type { HistoryFile } from '../state/history-file.js';
import { runBuiltin, type BuiltinContext } from './builtins.js';
import { completeLine, type NameSource } from './completer.js';
import { belongsInHistory } from './history-filter.js';
import { withReverseSearch } from './history-search.js';
import type { ShellSession } from './shell-session.js';
import { splitShellWords } from '../host/shell-words.js';

interface InteractiveOptions {
  console: ConsoleStreams;
  history: HistoryFile;
  historyLimit: number;
  model: CompletionModel;
  names: NameSource;
  /** What `help` lists. */
  groups: BuiltinContext['groups'];
}

/** Cursor home, clear the screen (what `clear` prints on an xterm). */
const CLEAR_SCREEN = '\u001b[H\u001b[2J';

/**
 * The prompt loop: a line runs as a ucinder command in the shared session;
 * Ctrl-C aborts the running command (or clears the line being typed, as in
 * bash); Ctrl-D, `exit` and `quit` leave.
 */
export async function runInteractive(session: ShellSession, options: InteractiveOptions): Promise<number> {
  const { console, history } = options;
  const remembered = await history.load().catch((error: Error) => {
    session.io.stderr.write(`ucinder: warning: history not loaded: ${error.message}\n`);
    return [] as string[];
  });
  const editor = withReverseSearch(console.input, () =>
    createInterface({
      input: console.input,
      output: console.output,
      terminal: true,
      history: [...remembered].reverse(),
      historySize: options.historyLimit,
      completer: (line: string, callback: (error: Error | null, result: [string[], string]) => void) => {
        completeLine(line, options.model, options.names).then(
          (result) => callback(null, result),
          () => callback(null, [[], line]),
        );
      },
    }),
  );
  const context: BuiltinContext = { groups: options.groups, clearScreen: () => console.output.write(CLEAR_SCREEN) };
  session.useConfirmer(editorConfirmer(editor, session));
  let running: AbortController | undefined;
  editor.on('SIGINT', () => {
    if (running) return running.abort();
    clearLine(editor);
    console.output.write('^C\n');
    editor.prompt();
  });
  console.output.write(`${await session.banner()}\n`);
  editor.setPrompt(await session.prompt());
  editor.prompt();
  let endedByWord = false;
  for await (const line of editor) {
    await remember(line, editor, history, session);
    const words = wordsOf(line, session);
    if (words?.length) {
      const builtin = await runBuiltin(words, session, context);
      if (builtin === 'exit') {
        endedByWord = true;
        break;
      }
      if (builtin === undefined) {
        running = new AbortController();
        await session.run(words, running.signal);
        running = undefined;
      }
    }
    editor.setPrompt(await session.prompt());
    editor.prompt();
  }
  editor.close();
  // Ctrl-D leaves the cursor after the prompt: end that line, so the next prompt of the caller's shell starts on its own.
  if (!endedByWord) console.output.write('\n');
  return 0;
}

function wordsOf(line: string, session: ShellSession): string[] | undefined {
  try {
    return splitShellWords(line, { comments: true });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    session.io.stderr.write(`ucinder: ${error.message}\n`);
    return undefined;
  }
}

/** Appends the line to the history file, unless it carries a secret (then it leaves the in-memory history too). */
async function remember(line: string, editor: Interface, history: HistoryFile, session: ShellSession): Promise<void> {
  if (!belongsInHistory(line)) {
    const recent = (editor as Interface & { history: string[] }).history;
    if (recent[0] === line) recent.shift();
    return;
  }
  await history.append(line).catch((error: Error) => {
    session.io.stderr.write(`ucinder: warning: history not saved: ${error.message}\n`);
  });
}

/** Drops what was typed, as Ctrl-E Ctrl-U would. */
function clearLine(editor: Interface): void {
  editor.write(null, { ctrl: true, name: 'e' });
  editor.write(null, { ctrl: true, name: 'u' });
}

/** Yes/no questions (e.g. `volume service remove`) asked through the prompt's own editor; Ctrl-C answers no. */
function editorConfirmer(editor: Interface, session: ShellSession): Confirmer {
  return {
    interactive: true,
    ask: (question) =>
      new Promise((resolve) => {
        const signal = session.signal;
        if (signal?.aborted) return resolve(false);
        const onAbort = () => resolve(false);
        signal?.addEventListener('abort', onAbort, { once: true });
        editor.question(`${question} [y/N] `, { signal }, (answer) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(isYes(answer));
        });
      }),
  };
}
