/**
 * All terminal decisions live here: data goes to stdout, progress and
 * warnings to stderr; colour only when stdout is a terminal and NO_COLOR is
 * unset; spinners only when stderr is a terminal.
 */
export interface TextSink {
  write(chunk: string): unknown;
}

export interface IOStreams {
  stdout: TextSink;
  stderr: TextSink;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  colorEnabled: boolean;
  /** Width of the terminal, when there is one. */
  columns?: number;
  /**
   * The process's standard input and output as streams, for the shell's line
   * editor and batch mode; absent when ucinder runs embedded (unit tests).
   */
  console?: ConsoleStreams;
}

export interface ConsoleStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Standard input is a terminal: `ucinder` alone opens the shell, else it reads a batch. */
  inputIsTTY: boolean;
}

export function systemIOStreams(env: Record<string, string | undefined>): IOStreams {
  const stdoutIsTTY = Boolean(process.stdout.isTTY);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    colorEnabled: stdoutIsTTY && env.NO_COLOR === undefined && env.TERM !== 'dumb',
    columns: process.stdout.columns,
    // Getters: touching process.stdin builds its stream, which one-shot commands never need.
    console: {
      get input() {
        return process.stdin;
      },
      output: process.stdout,
      get inputIsTTY() {
        return Boolean(process.stdin.isTTY);
      },
    },
  };
}

/** In-memory streams: for tests, and to capture what a command prints (`top` shows it in its screen). */
export function bufferIOStreams(options: Partial<Omit<IOStreams, 'stdout' | 'stderr'>> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: IOStreams = {
    stdout: { write: (chunk: string) => out.push(chunk) },
    stderr: { write: (chunk: string) => err.push(chunk) },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    colorEnabled: false,
    ...options,
  };
  const clear = () => {
    out.length = 0;
    err.length = 0;
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), clear };
}

/** Terminal control for views redrawn in place (--watch): cursor home, then clear to the end of the screen. */
export const REDRAW_IN_PLACE = '\u001b[H\u001b[J';

/** How a changed line of a redrawn view stands out: reverse video with colour, a trailing mark without. */
export function markChangedLine(io: Pick<IOStreams, 'colorEnabled'>, line: string): string {
  return io.colorEnabled ? `\u001b[7m${line}\u001b[27m` : `${line} *`;
}
