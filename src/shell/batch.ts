import { createInterface } from 'node:readline';
import { UsageError } from '../errors.js';
import { runBuiltin, type BuiltinContext } from './builtins.js';
import type { ShellSession } from './shell-session.js';
import { splitShellWords } from '../host/shell-words.js';

const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

interface BatchInput {
  input: NodeJS.ReadableStream;
  keepGoing: boolean;
  /** Told the number of each line before it runs (for `ucinder: line N: …`). */
  onLine: (lineNumber: number) => void;
  signal?: AbortSignal;
  /** What `help` lists. */
  groups: BuiltinContext['groups'];
}

/**
 * Batch mode: one command per line, in one session. Blank lines and #
 * comments are skipped. The first failing line ends the run with its exit
 * code; with --keep-going every line runs and the first failure's code is
 * the result. Ctrl-C always ends the run.
 */
export async function runBatch(session: ShellSession, batch: BatchInput): Promise<number> {
  const lines = createInterface({ input: batch.input, crlfDelay: Infinity, terminal: false });
  let lineNumber = 0;
  let firstFailure = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      batch.onLine(lineNumber);
      const code = await runBatchLine(session, line, { groups: batch.groups });
      if (code === 'exit') break;
      if (code === 0) continue;
      if (!batch.keepGoing || code === EXIT_INTERRUPTED || batch.signal?.aborted) return code;
      firstFailure ||= code;
    }
  } finally {
    lines.close();
  }
  return firstFailure;
}

async function runBatchLine(session: ShellSession, line: string, context: BuiltinContext): Promise<number | 'exit'> {
  let words: string[];
  try {
    words = splitShellWords(line, { comments: true });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    session.io.stderr.write(`ucinder: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (words.length === 0) return 0;
  // `exit` ends the batch: later lines are not run.
  return (await runBuiltin(words, session, context)) ?? (await session.run(words));
}
